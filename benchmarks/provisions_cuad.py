"""How well `termgen check` finds exit and renewal provisions in real agreements.

Runs the checker on the PDFs of ../shared/cuad-dev (text extraction with pypdf included) and
prints, per CUAD category, precision, recall and F1 for "present" and for "missing".
"Present" means the checker says present; "weak" (mentioned but not settled) and "missing"
both count as missing, since either way the user has something to act on.

Contains contracts and annotations from CUAD v1 by The Atticus Project
(https://www.atticusprojectai.org/cuad), CC BY 4.0; selected and reformatted.

    python benchmarks/provisions_cuad.py [--limit N] [--workers N] [--details]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from termgen.library.load import library_layers, load_provisions
from termgen.their_drafts.check import check_draft

CUAD = Path(__file__).resolve().parents[2] / "shared" / "cuad-dev"
"""Where the labelled agreements are unless --data says otherwise."""
CATEGORIES = {
    "Expiration Date": "term.initial",
    "Renewal Term": "renewal.mechanism",
    "Notice Period To Terminate Renewal": "renewal.notice",
    "Termination For Convenience": "exit.trigger.convenience",
    "Change Of Control": "exit.trigger.change_of_control",
    "Post-Termination Services": "exit.survival",
}
TARGET_F1 = 0.85


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @staticmethod
    def f1(precision: float, recall: float) -> float:
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def present(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return precision, recall, self.f1(precision, recall)

    def missing(self) -> tuple[float, float, float]:
        precision = self.tn / (self.tn + self.fn) if self.tn + self.fn else 0.0
        recall = self.tn / (self.tn + self.fp) if self.tn + self.fp else 0.0
        return precision, recall, self.f1(precision, recall)


def _statuses(pdf: Path) -> dict[str, str]:
    provisions = [entry.record for entry in load_provisions(library_layers([], {})).values()]
    report = check_draft(pdf, provisions)
    return {detection.provision: detection.status for detection in report.detections}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=int, help="only the first N contracts (a smoke test: no target judged)"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--details", action="store_true", help="list every disagreement")
    parser.add_argument(
        "--data", type=Path, default=CUAD, help=f"a CUAD folder with labels.csv (default {CUAD})"
    )
    args = parser.parse_args(argv)
    cuad: Path = args.data
    if not (cuad / "labels.csv").is_file():
        print(f"CUAD data not found at {cuad}; give the folder with --data", file=sys.stderr)
        return 2
    with (cuad / "labels.csv").open(newline="", encoding="utf-8") as stream:
        labels = list(csv.DictReader(stream))[: args.limit]
    pdfs = [cuad / "contracts" / row["pdf_filename"] for row in labels]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(_statuses, pdfs))
    elapsed = time.perf_counter() - started
    print(
        f"{len(pdfs)} CUAD contracts checked from PDF in {elapsed:.1f} s ({args.workers} workers)\n"
    )
    header = (
        f"{'category':38} {'provision':32} {'present P/R/F1':>18} {'missing P/R/F1':>18}  "
        "n+/n-  missed/unlabelled"
    )
    print(header)
    print("-" * len(header))
    below = 0
    for category, provision in CATEGORIES.items():
        counts = Counts()
        disagreements = []
        for row, statuses in zip(labels, results, strict=True):
            truth, said = row[category] == "1", statuses[provision] == "present"
            if truth and said:
                counts.tp += 1
            elif truth:
                counts.fn += 1
                disagreements.append(f"   missed      {row['pdf_filename']}")
            elif said:
                counts.fp += 1
                disagreements.append(f"   unlabelled  {row['pdf_filename']}")
            else:
                counts.tn += 1
        present, missing = counts.present(), counts.missing()
        below += present[2] < TARGET_F1 or missing[2] < TARGET_F1
        print(
            f"{category:38} {provision:32} "
            f"{present[0]:.2f}/{present[1]:.2f}/{present[2]:.2f}     "
            f"{missing[0]:.2f}/{missing[1]:.2f}/{missing[2]:.2f}  "
            f"{f'{counts.tp + counts.fn}/{counts.fp + counts.tn}':6} {counts.fn}/{counts.fp}"
        )
        if args.details and disagreements:
            print("\n".join(disagreements))
    print(
        f"\n{len(CATEGORIES) - below} of {len(CATEGORIES)} categories reach F1 >= {TARGET_F1} for "
        "both present and missing."
    )
    print(
        "Data: CUAD v1 by The Atticus Project, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."
    )
    return 1 if below and args.limit is None else 0


if __name__ == "__main__":
    raise SystemExit(main())
