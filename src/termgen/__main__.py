from termgen.cli import main

raise SystemExit(main())
