"""How well `termgen check` finds exit and renewal provisions in agreements it was not fitted on.

Cross-validation over documents on cuad-train + cuad-dev (5 folds by a hash of the file name,
agreements that share a template in one fold): for each fold, the scorer's weights, rule and
threshold are fitted on the other folds (plus foreign-dev) only, then judged on the fold.
cuad-dev is read from its PDFs, as `termgen check` reads them. Then the holdout: the fifth of
cuad-train set aside and never read while developing, judged by the model fitted on all the
rest (the shipped model). Prints precision, recall and F1 for "present" and for "missing" per
provision ("weak" counts as missing); N/A where a class has no member. Exits 1 when any F1 is
below the target. Needs the training extra (scikit-learn).

Contains contracts and annotations from CUAD v1 by The Atticus Project
(https://www.atticusprojectai.org/cuad), CC BY 4.0; selected and reformatted.

    python benchmarks/provisions_cuad.py [--data ../shared] [--folds 5] [--details] [--smoke]

--smoke runs the same code on the nine agreements of tests/fixtures/cuad (2 folds, no
target judged), so that the tests can run it without the data sets.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from crossval import cross_validate, decisive, fit_with_threshold, table
from labelled import FOLDS, collections, in_holdout, load, read_all
from termgen.their_drafts.scorer import PROVISIONS

TARGET_F1 = 0.90
ROOT = Path(__file__).resolve().parents[1]
SAMPLES = {
    "cuad-dev": ROOT / "tests" / "fixtures" / "cuad",
    "foreign-dev": ROOT / "tests" / "fixtures" / "foreign",
}


def arguments(description: str, argv: list[str] | None, folds: int = FOLDS) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=folds)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--details", action="store_true", help="list every disagreement (never the holdout's)"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="whatever data is there, no target judged (tests)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.folds = 2
    return args


def data_sets(args: argparse.Namespace, *names: str) -> dict[str, Path]:
    """The sets to read: the full ones under --data, or the samples in tests/ for --smoke."""
    if args.smoke:
        return {name: SAMPLES[name] for name in names if name in SAMPLES}
    return {name: folder for name, folder in collections(args.data).items() if name in names}


def disagreements(decisions: dict) -> list[str]:  # type: ignore[type-arg]
    lines = []
    for provision, decided in decisions.items():
        for doc, said in decided:
            truth = doc.labels[provision] == 1
            if truth != said:
                lines.append(
                    f"   {'missed' if truth else 'unlabelled':10} {provision:32} {doc.name}"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__.splitlines()[0], argv)
    folders = data_sets(args, "cuad-train", "cuad-dev", "foreign-dev")
    if not {"cuad-train", "cuad-dev"} & set(folders):
        print(f"CUAD data not found in {args.data}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    docs = read_all(load(folders), args.workers)
    read = time.perf_counter() - started
    foreign = [doc for doc in docs if doc.collection == "foreign-dev"]
    cuad = [doc for doc in docs if doc.collection != "foreign-dev" and not in_holdout(doc)]
    holdout = [doc for doc in docs if in_holdout(doc)]
    print(
        f"{len(cuad)} CUAD agreements ({sum(d.collection == 'cuad-dev' for d in cuad)} read from "
        f"PDF) in {read:.1f} s; {len(holdout)} more held out; {len(foreign)} foreign-dev for "
        "training only\n"
    )
    below = 0
    decisions = cross_validate(cuad, lambda doc: True, extra_training=foreign, folds=args.folds)
    lines, missed = table(decisions, TARGET_F1)
    below += missed
    print(f"Cross-validated, {args.folds} folds by document, cuad-train + cuad-dev:")
    print("\n".join(lines))
    if args.details:
        print("\n".join(disagreements(decisions)))
    if holdout:
        fitted = {
            provision: fit_with_threshold(cuad + foreign, provision) for provision in PROVISIONS
        }
        unseen = {
            provision: [
                (doc, weights.settles(*decisive(doc, provision, weights))) for doc in holdout
            ]
            for provision, weights in fitted.items()
        }
        lines, missed = table(unseen, TARGET_F1)
        below += missed
        print("\nHoldout (a fifth of cuad-train never read while developing), shipped fit:")
        print("\n".join(lines))
    print(f"\n{below} F1 figures below the target of {TARGET_F1:.2f}.")
    print(f"Took {time.perf_counter() - started:.0f} s.")
    print(
        "Data: CUAD v1 by The Atticus Project, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."
    )
    return 1 if below and not args.smoke else 0


if __name__ == "__main__":
    raise SystemExit(main())
