"""How well `termgen check` finds exit provisions that no CUAD category labels.

CUAD has no label for an exit on breach or on insolvency, or for a way to resolve disputes.
`labels/exit-provisions.csv` labels them by hand for 40 agreements of cuad-train and cuad-dev,
none in the holdout (see README, "Exit provisions CUAD does not label"). The agreements are
split in two halves: the cues were revised while looking at the disagreements on the "cues"
half only; the "report" half is the figure that counts. Each agreement is read as `termgen
check` reads it (cuad-dev from its PDF, cuad-train from text); these provisions have no fitted
scorer, so the cues decide alone. Prints precision, recall and F1 for "present" and for
"missing" per provision and half ("weak" counts as missing); N/A where a class has no member.
Reports only: with 20 agreements a half, one agreement moves a figure by several points.

Contains contracts and annotations from CUAD v1 by The Atticus Project
(https://www.atticusprojectai.org/cuad), CC BY 4.0; selected and reformatted.

    python benchmarks/provisions_exit.py [--data ../shared] [--details] [--smoke]

--smoke reads those of the labelled agreements that are among the nine of tests/fixtures/cuad,
so that the tests can run it without the data sets.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from crossval import table
from labelled import Rows, in_holdout, load
from provisions_cuad import arguments, data_sets
from termgen.library.folders import library_layers
from termgen.library.load import load_provisions
from termgen.their_drafts.detect import detect
from termgen.their_drafts.extract import extract
from termgen.their_drafts.text import sentences

ROOT = Path(__file__).resolve().parent
LABELS = ROOT / "labels" / "exit-provisions.csv"
PROVISIONS = ("exit.trigger.breach", "exit.trigger.insolvency", "exit.disputes")
HALVES = ("cues", "report")


def labelled(folders: dict[str, Path], smoke: bool) -> list[tuple[Rows, str, Path]]:
    """Each labelled agreement with its half and the file `termgen check` would read (in a
    smoke run, only those the sample holds)."""
    agreements = {agreement.name: agreement for agreement in load(folders)}
    found = []
    with LABELS.open(newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if smoke and row["file"] not in agreements:
                continue
            agreement = agreements[row["file"]]
            if in_holdout(agreement):
                raise SystemExit(f"{row['file']} is in the holdout: remove it from {LABELS.name}")
            labels = {provision: int(row[provision]) for provision in PROVISIONS}
            rows = Rows(agreement.name, agreement.collection, agreement.group, labels)
            found.append((rows, row["half"], agreement.path))
    return found


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__.splitlines()[0], argv)
    folders = data_sets(args, "cuad-train", "cuad-dev")
    if not args.smoke and set(folders) != {"cuad-train", "cuad-dev"}:
        print(f"CUAD data not found in {args.data}", file=sys.stderr)
        return 2
    registry = {
        entry.record.id: entry.record for entry in load_provisions(library_layers([], {})).values()
    }
    wanted = [registry[provision] for provision in PROVISIONS]
    decisions: dict[str, dict[str, list[tuple[Rows, bool]]]] = {
        half: {provision: [] for provision in PROVISIONS} for half in HALVES
    }
    details = []
    for rows, half, path in labelled(folders, args.smoke):
        for detection in detect(sentences(extract(path)), wanted):
            said = detection.status == "present"
            decisions[half][detection.provision].append((rows, said))
            if said != bool(rows.labels[detection.provision]):
                quote = detection.evidence[0].quote[:100] if detection.evidence else ""
                details.append(
                    f"   {half:6} {'missed' if not said else 'unlabelled':10} "
                    f"{detection.provision:24} {rows.name[:60]}  {quote}"
                )
    for half in HALVES:
        print(f"{half.capitalize()} half, {len(decisions[half][PROVISIONS[0]])} agreements:")
        lines, _ = table(decisions[half], target=0.0)
        print("\n".join(lines), end="\n\n")
    if args.details:
        print("disagreements:", *details, sep="\n")
    print(
        "Data: CUAD v1 by The Atticus Project, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
