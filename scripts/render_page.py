"""Render one page of an example's term sheet as the picture the README shows.

    python scripts/render_page.py [--example examples/battery-jv.yaml] [--page 3]
                                  [-o docs/term-sheet-page.png]

Drafts the example with `termgen draft --pdf` (LibreOffice converts the Word file, so the
picture shows what Word's numbering, tables and fields give), renders the page with PDFium
and saves it as a small PNG of a few colours.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parents[1]
SCALE = 1.4
"""About 100 dots per inch: the text reads, the file stays well under 300 KB."""
COLOURS = 64
"""Black text, the blue headings, the red header, the yellow of an open point and their edges."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", type=Path, default=ROOT / "examples" / "battery-jv.yaml")
    parser.add_argument("--page", type=int, default=3, help="page number, from 1")
    parser.add_argument("-o", type=Path, default=ROOT / "docs" / "term-sheet-page.png")
    arguments = parser.parse_args(argv)
    termgen = Path(sys.executable).parent / "termgen"
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [termgen, "draft", arguments.example, "-o", folder, "--pdf"],
            check=True,
            capture_output=True,
        )
        pdf = next(Path(folder).glob("*-term-sheet-*.pdf"))
        document = pypdfium2.PdfDocument(pdf)
        image = document[arguments.page - 1].render(scale=SCALE).to_pil()
        picture = image.convert("RGB").quantize(COLOURS)
        arguments.o.parent.mkdir(parents=True, exist_ok=True)
        picture.save(arguments.o, optimize=True)
    print(f"wrote {arguments.o} ({arguments.o.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
