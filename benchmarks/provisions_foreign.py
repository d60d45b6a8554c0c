"""How well `termgen check` reads agreements unlike EDGAR filings: foreign-dev, cross-validated.

foreign-dev's 18 openly published agreements (standard terms, templates, a memorandum of
understanding; labels and definitions in its README) in 3 folds by a hash of the file name:
for each fold the scorer is fitted on the other folds plus all of CUAD outside the holdout,
then judged on the fold. Prints precision, recall and F1 for "present" and "missing" per
provision; N/A where a class has no member (foreign-dev has no change-of-control clause).
Exits 1 when any F1 is below the target. Needs the training extra (scikit-learn).

    python benchmarks/provisions_foreign.py [--data ../shared] [--folds 3] [--details] [--smoke]
"""

from __future__ import annotations

import sys
import time

from crossval import cross_validate, table
from labelled import in_holdout, load, read_all
from provisions_cuad import arguments, data_sets, disagreements

TARGET_F1 = 0.85


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__.splitlines()[0], argv, folds=3)
    folders = data_sets(args, "cuad-train", "cuad-dev", "foreign-dev")
    if "foreign-dev" not in folders:
        print(f"foreign-dev not found in {args.data}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    docs = read_all(load(folders), args.workers)
    foreign = [doc for doc in docs if doc.collection == "foreign-dev"]
    cuad = [doc for doc in docs if doc.collection != "foreign-dev" and not in_holdout(doc)]
    decisions = cross_validate(foreign, lambda doc: True, extra_training=cuad, folds=args.folds)
    lines, below = table(decisions, TARGET_F1)
    print(
        f"Cross-validated, {args.folds} folds by document, {len(foreign)} foreign-dev agreements:"
    )
    print("\n".join(lines))
    if args.details:
        print("\n".join(disagreements(decisions)))
    print(f"\n{below} F1 figures below the target of {TARGET_F1:.2f}.")
    print(f"Took {time.perf_counter() - started:.0f} s.")
    return 1 if below and not args.smoke else 0


if __name__ == "__main__":
    raise SystemExit(main())
