"""Reference for the checking benchmark: pypdf's text extraction of every page, nothing else.

python pypdf_extract.py FILE.pdf
"""

from __future__ import annotations

import sys

from pypdf import PdfReader


def main(path: str) -> int:
    characters = sum(len(page.extract_text() or "") for page in PdfReader(path).pages)
    print(f"{characters} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
