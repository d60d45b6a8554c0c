"""Reference for the drafting benchmark: docxtpl alone renders the three templates.

Reads the contexts termgen would pass (saved beforehand as JSON, rich text as its Word XML)
and renders each template with docxtpl's own Jinja environment, as a hand-written script
would.

    python docxtpl_draft.py CONTEXT.json [CONTEXT.json ...] -o DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate, RichText


def _revive(value: Any) -> Any:
    """Turn {"rich_text": xml} back into docxtpl rich text."""
    if isinstance(value, dict):
        if set(value) == {"rich_text"}:
            text = RichText()
            text.xml = value["rich_text"]
            return text
        return {key: _revive(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_revive(item) for item in value]
    return value


def main(argv: list[str]) -> int:
    *contexts, flag, folder = argv
    assert flag == "-o", "usage: docxtpl_draft.py CONTEXT.json ... -o DIR"
    for context_file in map(Path, contexts):
        saved = json.loads(context_file.read_text(encoding="utf-8"))
        template = DocxTemplate(saved["template"])
        template.render(_revive(saved["context"]), autoescape=True)
        template.save(Path(folder) / f"{context_file.stem}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
