"""Fit the draft checker's scorer and write it into the package (their_drafts/data/).

Fits on every labelled agreement except cuad-train's holdout (kept unseen, so that the
figures benchmarks/provisions_cuad.py prints for it are those of the shipped model):
cuad-train, cuad-dev (read from its PDFs) and foreign-dev. Deterministic: the folds and the
holdout come from hashes with a fixed seed, liblinear from a fixed random state.
Needs the training extra: pip install -e '.[train]'.

    python scripts/train_scorer.py [--data ../shared] [--workers 2]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from crossval import fit_with_threshold  # noqa: E402
from labelled import collections, in_holdout, load, read_all  # noqa: E402
from termgen.their_drafts.scorer import DATA, PROVISIONS, save_model  # noqa: E402

VERSION = "1"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=DATA, help="folder to write the model to")
    args = parser.parse_args(argv)
    agreements = [item for item in load(collections(args.data)) if not in_holdout(item)]
    docs = read_all(agreements, args.workers)
    fitted = {}
    for provision in PROVISIONS:
        fitted[provision] = fit_with_threshold(docs, provision)
        chosen = fitted[provision]
        print(f"{provision:32} rule {chosen.rule:6} threshold {chosen.threshold:.3f}")
    save_model(args.out, VERSION, fitted)
    print(f"fitted on {len(docs)} agreements; written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
