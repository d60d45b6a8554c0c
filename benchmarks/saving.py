"""Saving answers: what one save costs during an interview on the battery-JV example.

The interview saves after every answer, keeping the comments and layout of the file. The
benchmark resumes the example (with comments added by hand), changes one answer at a time
and saves after each, as the interview does: the engine's answers for the file, the text
through the file's layout, an atomic write. The reference is the raw library doing the
least a save could do: PyYAML's C dumper writing the whole file, then the same atomic write.
The budget is absolute: under 10 ms per save. The last save of a run is made durable
(fsync) once, when the interview ends or pauses, and is not part of the per-save figure.

    python benchmarks/saving.py [--pairs N] [--smoke]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from harness import ROOT, Bench, Result
from termgen.answers.read import read_answers
from termgen.answers.write import AnswerFile
from termgen.files.write import write_atomically
from termgen.interview.data import with_open_marks
from termgen.interview.engine import Engine
from termgen.interview.overview import question_at
from termgen.interview.spec import load_spec

BUDGET_MS = 10.0
EXAMPLE = ROOT / "examples" / "battery-jv.yaml"
PATHS = [
    ("deal", "governing_law"),
    ("parties", 0, "role"),
    ("goals", "objectives", 1, "measure", "target"),
    ("strengths", "contributions", 2, "tracking"),
    ("governance", "bodies", 0, "charter"),
    ("change", "procedure", "record"),
    ("exit", "survival", 0, "description"),
    ("exit", "costs", "details"),
]


def _annotated(folder: Path) -> Path:
    """The example with a comment above every top-level key, as a deal lead might add."""
    lines = []
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if line[:1].isalpha():
            lines.append(f"# note on {line.split(':')[0]}: keep as agreed with counsel")
        lines.append(line)
    target = folder / "deal.yaml"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _plain(value: Any) -> Any:
    """Only the types PyYAML writes: what the raw library needs before it can save."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, bool | dt.date) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def main(argv: list[str] | None = None) -> int:
    bench = Bench.from_argv("saving answers during an interview", argv, pairs=20)
    spec = load_spec()[0]
    with tempfile.TemporaryDirectory() as folder:
        original = _annotated(Path(folder))
        written = original.read_text(encoding="utf-8").count("keep as agreed with counsel")
        data, _ = read_answers(original)
        engine = Engine(spec, with_open_marks(data))
        answer_file = AnswerFile.open(original, original)
        steps = [question_at(engine, path) for path in PATHS]
        reference_target = Path(folder) / "reference.yaml"
        ours: list[float] = []
        reference: list[float] = []
        for round_number in range(bench.pairs + (0 if bench.smoke else 1)):
            for step in steps:
                assert step is not None
                assert engine.answer(step, f"changed in round {round_number}") is None
                started = time.perf_counter()
                answer_file.save(engine.answers())
                ours.append(time.perf_counter() - started)
                started = time.perf_counter()
                plain = _plain(engine.answers())
                text = yaml.dump(plain, Dumper=yaml.CSafeDumper, sort_keys=False)
                write_atomically(reference_target, text.encode(), replace=True, durable=False)
                reference.append(time.perf_counter() - started)
        answer_file.close()
        kept = original.read_text(encoding="utf-8").count("keep as agreed with counsel")
    if not bench.smoke:
        ours, reference = ours[len(steps) :], reference[len(steps) :]
    ours.sort()
    reference.sort()
    median, raw = ours[len(ours) // 2], reference[len(reference) // 2]
    bench.add(Result("save one answer, battery-jv, comments kept", median, None, BUDGET_MS / 1000))
    bench.add(
        Result(
            "save one answer / PyYAML C dump + write",
            median,
            raw,
            None,
            note=f"{kept} of {written} hand-written comments kept",
        )
    )
    return bench.finish()


if __name__ == "__main__":
    sys.exit(main())
