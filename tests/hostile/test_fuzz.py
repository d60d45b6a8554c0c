"""Mutated examples through validate, check, draft, deadlines and calendar: every run ends with
0, 1 or 2, never a traceback, in bounded time and memory. `scripts/fuzz_answers.py` runs the
same over thousands of files."""

from __future__ import annotations

import resource
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzzing import _MB, run_all
from .mutations import KINDS, example_texts, mutated

TEXTS = example_texts()
SECONDS = 10.0
MEGABYTES = 500

operations = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(0, 1 << 30), st.integers(0, 1 << 30)),
    min_size=1,
    max_size=3,
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(example=st.integers(0, len(TEXTS) - 1), operations=operations)
def test_a_mutated_answer_file_never_breaks_a_command(
    example: int, operations: list[tuple[str, int, int]]
) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / _MB
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        answers = folder / "deal.yaml"
        answers.write_bytes(mutated(TEXTS[example], operations))
        for outcome in run_all(answers, folder):
            assert outcome.failure is None, (outcome.command, outcome.failure, outcome.err)
            assert outcome.seconds < SECONDS, outcome
            assert outcome.peak_mb < before + MEGABYTES, outcome
