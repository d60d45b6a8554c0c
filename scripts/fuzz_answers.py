"""Fuzz the five commands that read an answer file with thousands of mutated examples.

    python scripts/fuzz_answers.py --files 1500 --seed 17      # 7,500 runs
    python scripts/fuzz_answers.py --replay 17:423             # one file again, with output

Each file is one of the examples with one to three hostile mutations (see
tests/hostile/mutations.py) and goes through validate, check, draft, deadlines and calendar.
Two worker processes run the files in-process (a fresh worker per batch); a run passes when it
exits 0, 1 or 2 with no traceback, within 10 s, and the worker stays under 500 MB. A worker
that dies or hangs counts every run of its current file as failed. Prints the statuses seen
and every failure with its replay id; exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import resource
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SECONDS = 10
MEGABYTES = 500
BATCH = 25


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--replay", metavar="SEED:CASE")
    parser.add_argument("--worker", nargs=3, type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        return _worker(*options.worker)
    if options.replay:
        seed, case = map(int, options.replay.split(":"))
        return _replay(seed, case)
    return _fuzz(options.files, options.seed, options.workers)


def _case(seed: int, case: int) -> tuple[int, list[tuple[str, int, int]]]:
    """The example and the operations of one case: the same seed and case, the same file."""
    from tests.hostile.mutations import EXAMPLES, random_operations

    rng = random.Random(seed * 1_000_003 + case)
    return rng.randrange(len(EXAMPLES)), random_operations(rng)


def _worker(seed: int, first: int, count: int) -> int:
    """Run cases first..first+count-1 in this process; one JSON line per run on stdout."""
    from tests.hostile.fuzzing import run_all
    from tests.hostile.mutations import example_texts, mutated

    texts = example_texts()
    limit = 2 * MEGABYTES * 1024 * 1024  # address space: a runaway allocation fails here
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGALRM, _too_slow)
    for case in range(first, first + count):
        example, operations = _case(seed, case)
        with tempfile.TemporaryDirectory(prefix="termgen-fuzz-") as scratch:
            answers = Path(scratch) / "deal.yaml"
            answers.write_bytes(mutated(texts[example], operations))
            signal.alarm(SECONDS * 5)
            outcomes = run_all(answers, Path(scratch))
            signal.alarm(0)
        for outcome in outcomes:
            failure = outcome.failure
            if failure is None and outcome.seconds > SECONDS:
                failure = f"took {outcome.seconds:.1f} s"
            if failure is None and outcome.peak_mb > MEGABYTES:
                failure = f"peak {outcome.peak_mb:.0f} MB"
            record = {
                "case": case,
                "command": outcome.command,
                "status": outcome.status,
                "seconds": round(outcome.seconds, 3),
                "peak_mb": round(outcome.peak_mb),
                "failure": failure,
                "err": outcome.err[-600:] if failure else "",
            }
            print(json.dumps(record), flush=True)
    return 0


def _too_slow(signum: int, frame: object) -> None:
    raise SystemExit("a file took more than five times the time allowed")


def _fuzz(files: int, seed: int, workers: int) -> int:
    batches = [(first, min(BATCH, files - first)) for first in range(0, files, BATCH)]
    running: list[tuple[subprocess.Popen[str], int, int]] = []
    records: list[dict[str, object]] = []
    while batches or running:
        while batches and len(running) < workers:
            first, count = batches.pop(0)
            command = [sys.executable, __file__, "--worker", str(seed), str(first), str(count)]
            process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
            running.append((process, first, count))
        process, first, count = running.pop(0)
        out, _ = process.communicate(timeout=SECONDS * 5 * 5 * count)
        batch = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        records += batch
        seen = {record["case"] for record in batch}
        for case in range(first, first + count):
            if case not in seen and process.returncode != 0:
                records.append(
                    {
                        "case": case,
                        "command": "worker",
                        "status": process.returncode,
                        "seconds": 0,
                        "peak_mb": 0,
                        "failure": f"the worker ended with {process.returncode} before this file",
                        "err": "",
                    }
                )
                break
        done = len({record["case"] for record in records})
        print(f"\r{done}/{files} files", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return _report(records, seed)


def _report(records: list[dict[str, object]], seed: int) -> int:
    statuses = collections.Counter((record["command"], record["status"]) for record in records)
    slowest = max((float(str(record["seconds"])) for record in records), default=0.0)
    failures = [record for record in records if record["failure"]]
    files = len({record["case"] for record in records})
    print(f"== fuzz: {len(records)} runs over {files} mutated answer files (seed {seed})")
    for command in ("validate", "check", "draft", "deadlines", "calendar", "worker"):
        counts = {status: n for (name, status), n in sorted(statuses.items()) if name == command}
        if counts:
            print(f"{command:10} " + "  ".join(f"exit {s}: {n}" for s, n in counts.items()))
    peak = max((float(str(record["peak_mb"])) for record in records), default=0.0)
    print(f"slowest run: {slowest:.2f} s; largest worker: {peak:.0f} MB")
    print(f"failures: {len(failures)}")
    for record in failures[:40]:
        print(f"  {seed}:{record['case']} {record['command']}: {record['failure']}")
        print("    " + str(record["err"]).strip().replace("\n", "\n    "))
    return 1 if failures else 0


def _replay(seed: int, case: int) -> int:
    from tests.hostile.fuzzing import run_all
    from tests.hostile.mutations import example_texts, mutated

    example, operations = _case(seed, case)
    with tempfile.TemporaryDirectory(prefix="termgen-fuzz-") as scratch:
        answers = Path(scratch) / "deal.yaml"
        answers.write_bytes(mutated(example_texts()[example], operations))
        print(f"example {example}, operations {operations}")
        print(answers.read_bytes().decode(errors="replace")[:3000])
        for outcome in run_all(answers, Path(scratch)):
            print(f"-- {outcome.command}: exit {outcome.status} in {outcome.seconds:.2f} s")
            print(outcome.err[:2000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
