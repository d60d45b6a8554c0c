"""Write the check results shipped with the built-in clause library (`library.shipped`): what
the template checks say of each built-in clause's texts and the cue checks of each built-in
cue pattern, so that `library lint` need not check them again on every cold run.

Run it after changing a built-in clause or provision, or how either is checked; a test fails
while the shipped results are not what the checks give now.

    python scripts/ship_lint_results.py
"""

from __future__ import annotations

from termgen.files.builtin import builtin
from termgen.library.lint_templates import built_in_results
from termgen.library.shipped import SHIPPED, encoded


def main() -> int:
    shipped = built_in_results(builtin("clause_library"))
    SHIPPED.write_bytes(encoded(shipped))
    print(
        f"{len(shipped.text_issues)} clause texts and {len(shipped.cue_problems)} cue patterns "
        f"checked; written to {SHIPPED}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
