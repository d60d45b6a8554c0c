from termgen.cli import entry

entry()
