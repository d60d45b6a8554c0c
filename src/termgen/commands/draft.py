"""`termgen draft ANSWERS -o DIR`: the term sheet and the governance annex in Word."""

from __future__ import annotations

import argparse
import json

from termgen.commands.check import strict_status
from termgen.environment import Environment
from termgen.errors import ExitStatus, Location, OutputExistsError


def run(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.answers import load_deal
    from termgen.assemble import assemble
    from termgen.files import write_atomically
    from termgen.findings import report
    from termgen.findings.deal import blocking, deal_findings
    from termgen.library.load import library_layers, load_library
    from termgen.render import pdf
    from termgen.render.documents import render_draft

    loaded = load_deal(args.answers)
    library = load_library(library_layers(args.library, env.environ))
    draft = assemble(loaded.deal, library, source=loaded.source)
    findings = deal_findings(loaded.deal, library, draft, loaded.source)
    documents = render_draft(draft, args.templates, findings)
    folder = args.output
    if folder.exists() and not folder.is_dir():
        raise OutputExistsError("is a file; -o needs a folder", location=Location(folder))
    targets = [folder / document.filename for document in documents]
    planned = targets + ([target.with_suffix(".pdf") for target in targets] if args.pdf else [])
    existing = [path for path in planned if path.exists()]
    if existing and not args.force:
        raise OutputExistsError(
            f"{', '.join(path.name for path in existing)} already in {folder}; nothing was "
            "written. Pass --force to replace, or choose another folder with -o"
        )
    written = [
        write_atomically(target, document.data, replace=args.force)
        for target, document in zip(targets, documents, strict=True)
    ]
    if args.pdf:
        written += pdf.convert(written, folder, replace=args.force)
    if args.json:
        output = {"files": [str(path) for path in written], **report.as_json(findings)}
        env.out(json.dumps(output, indent=2, ensure_ascii=False))
    else:
        for path in written:
            env.out(f"wrote {path}")
        env.out(report.table(findings))
    return strict_status(args.strict, bool(blocking(findings)))
