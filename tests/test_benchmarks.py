"""The benchmarks in smoke mode: tiny inputs, one pair, every figure printed, no timing asserted."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"

EXPECTED_LINES = {
    "startup": ["termgen --help / python -c pass", "termgen --version / python -c pass"],
    "drafting": ["termgen draft battery-jv / docxtpl render"],
    "checking": ["termgen check cuad-10-pages / pypdf extract_text"],
    "scale": [
        "library lint     20 clauses (cold)",
        "library lint     40 clauses (warm)",
        "lint cost per clause 40 / 20 (cold)",
        "lint cost per clause 40 / 20 (warm)",
        "draft battery-jv with     40 more clauses",
        "draft 20 contributions, 6 rights / battery-jv",
    ],
    "memory": ["termgen draft battery-jv, peak memory", "termgen check cuad-10-pages, peak"],
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.mark.parametrize("name", sorted(EXPECTED_LINES))
def test_each_benchmark_runs_in_smoke_mode(name: str) -> None:
    done = _run(str(BENCHMARKS / f"{name}.py"), "--smoke")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("== ") and "smoke" in lines[0]
    for expected in EXPECTED_LINES[name]:
        matching = [line for line in lines if line.startswith(expected)]
        assert matching, (expected, lines)
        assert all(" ms" in line or " s " in line or " MB" in line for line in matching)


def test_every_benchmark_script_is_smoke_tested() -> None:
    scripts = {path.stem for path in BENCHMARKS.glob("*.py")}
    helpers = {"harness", "corpus", "synthetic", "provisions_cuad"}
    assert scripts - helpers == set(EXPECTED_LINES)


def test_the_cuad_benchmark_runs_on_a_few_contracts() -> None:
    done = _run(
        str(BENCHMARKS / "provisions_cuad.py"),
        "--limit",
        "3",
        "--workers",
        "1",
        "--details",
        "--data",
        str(ROOT / "tests" / "fixtures" / "cuad"),
    )
    assert done.returncode == 0, done.stderr
    assert "3 CUAD contracts checked from PDF" in done.stdout
    lines = done.stdout.splitlines()
    table = lines[lines.index(next(line for line in lines if line.startswith("---"))) + 1 :]
    listed: dict[str, list[str]] = {}
    for line in table[: table.index("")]:
        if line.startswith("   "):
            listed[list(listed)[-1]].append(line.split()[0])
        else:
            listed[line] = []
    assert len(listed) == 6
    for row, disagreements in listed.items():
        missed, unlabelled = row.split()[-1].split("/")
        assert disagreements.count("missed") == int(missed), row
        assert disagreements.count("unlabelled") == int(unlabelled), row
    assert any(listed.values())
    assert "Expiration Date" in done.stdout
    assert "CC BY 4.0" in done.stdout
