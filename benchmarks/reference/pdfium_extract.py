"""Reference for the checking benchmark: pypdfium2's text extraction of every page, nothing else.

python pdfium_extract.py FILE.pdf
"""

from __future__ import annotations

import sys

import pypdfium2 as pdfium


def main(path: str) -> int:
    document = pdfium.PdfDocument(path)
    characters = 0
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        characters += len(textpage.get_text_bounded())
        textpage.close()
        page.close()
    print(f"{characters} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
