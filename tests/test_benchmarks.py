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
    "checking": [
        "termgen check cuad-10-pages / pypdfium2 extract",
        "termgen check DIR of 9 PDFs",
    ],
    "scale": [
        "library lint     20 clauses (cold)",
        "library lint     40 clauses (warm)",
        "lint cost per clause 40 / 20 (cold)",
        "lint cost per clause 40 / 20 (warm)",
        "draft battery-jv with     40 more clauses",
        "draft battery-jv selecting     40 copies",
        "draft cost per copy 40 / 20",
        "draft 20 contributions, 6 rights / battery-jv",
    ],
    "memory": ["termgen draft battery-jv, peak memory", "termgen check cuad-10-pages, peak"],
    "saving": [
        "save one answer, battery-jv, comments kept",
        "save one answer / PyYAML C dump + write",
    ],
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


def test_a_part_of_the_scale_benchmark_runs_alone() -> None:
    done = _run(str(BENCHMARKS / "scale.py"), "--smoke", "--only", "lint")
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines()[1:] if line.strip()]
    assert rows and all(line.startswith(("library lint", "lint cost")) for line in rows), rows
    refused = _run(str(BENCHMARKS / "scale.py"), "--smoke", "--only", "everything")
    assert refused.returncode == 2 and "invalid choice" in refused.stderr


def test_every_benchmark_script_is_smoke_tested() -> None:
    scripts = {path.stem for path in BENCHMARKS.glob("*.py")}
    helpers = {"harness", "corpus", "synthetic", "labelled", "crossval"}
    accuracy = {"provisions_cuad", "provisions_foreign", "provisions_exit", "values_cuad"}
    assert scripts - helpers - accuracy == set(EXPECTED_LINES)


def _table(lines: list[str], title: str) -> dict[str, list[str]]:
    """Provision -> its cells, from the table printed under `title`."""
    start = lines.index(title) + 3
    rows = {}
    for line in lines[start : start + 6]:
        provision, *cells = line.split()
        rows[provision] = cells
    return rows


@pytest.mark.parametrize(
    ("script", "title", "detail"),
    [
        (
            "provisions_cuad",
            "Cross-validated, 2 folds by document, cuad-train + cuad-dev:",
            "CC BY 4.0",
        ),
        (
            "provisions_foreign",
            "Cross-validated, 2 folds by document, 2 foreign-dev agreements:",
            "F1 figures below the target of 0.85",
        ),
    ],
)
def test_the_accuracy_benchmarks_cross_validate_the_samples(
    script: str, title: str, detail: str
) -> None:
    done = _run(str(BENCHMARKS / f"{script}.py"), "--smoke", "--details", "--workers", "1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    rows = _table(lines, title)
    assert set(rows) == {
        "term.initial",
        "renewal.mechanism",
        "renewal.notice",
        "exit.trigger.convenience",
        "exit.trigger.change_of_control",
        "exit.survival",
    }
    disagreements = [line.split() for line in lines if line.startswith("   ")]
    for provision, cells in rows.items():
        positives, negatives = map(int, cells[-1].split("/"))
        listed = [kind for kind, said, *_ in disagreements if said == provision]
        if positives == 0:
            assert cells[0] == "N/A"
        else:
            recall = float(cells[0].split("/")[1])
            assert listed.count("missed") == round(positives * (1 - recall)), (provision, cells)
        if negatives:
            specificity = float(cells[1].split("/")[1])
            assert listed.count("unlabelled") == round(negatives * (1 - specificity))
    assert any(detail in line for line in lines)


def test_the_exit_benchmark_judges_the_hand_labelled_agreements_the_sample_holds() -> None:
    done = _run(str(BENCHMARKS / "provisions_exit.py"), "--smoke", "--details")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for title in ("Cues half, 0 agreements:", "Report half, 1 agreements:"):
        rows = {line.split()[0]: line.split()[1:] for line in lines[lines.index(title) + 3 :][:3]}
        assert set(rows) == {"exit.trigger.breach", "exit.trigger.insolvency", "exit.disputes"}
    judged = [line.split()[-1] for line in lines if line.startswith("exit.")]
    assert judged[3:] == ["0/1", "0/1", "1/0"]
    assert "CC BY 4.0" in done.stdout


def test_the_values_benchmark_judges_every_labelled_value_of_the_sample() -> None:
    done = _run(str(BENCHMARKS / "values_cuad.py"), "--smoke", "--workers", "1", "--details")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    read = int(lines[0].split()[0])
    rows = [line for line in lines if line.startswith(("Notice", "Renewal Term", "Expiration"))]
    assert len(rows) == 3
    judged = sum(int(row.split()[-2].split("/")[1]) for row in rows)
    assert judged == read > 0
    assert "CC BY 4.0" in done.stdout


def test_the_threshold_lies_halfway_between_the_scores_either_side(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not on the lowest score taken: a draft scoring a hair below it is not left out."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from crossval import threshold

    cut, value = threshold([0.9, 0.2, 0.01], [True, True, False])
    assert value == 1.0
    assert 0.01 < cut < 0.19
    assert abs(cut - 1 / (1 + (0.8 / 0.2 * 0.99 / 0.01) ** 0.5)) < 1e-9


def test_the_folds_score_a_sentence_as_the_shipped_scorer_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The folds score each agreement's sentences from a matrix of counts made once: a
    feature that repeats adds its weight once per occurrence, as `Weights.score` adds it."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from array import array

    from crossval import decisive
    from labelled import Rows
    from termgen.their_drafts.scorer import BUCKETS, Weights

    steps = array("b", bytes(BUCKETS))
    steps[7], steps[9], steps[BUCKETS - 1] = 3, -5, 127
    weights = Weights(steps, 0.1, -0.2, 0.5)
    sentences = [[7, 7, 9], [BUCKETS - 1, 7], [], [9, 9, 9]]
    doc = Rows("a", "cuad-train", "a", {"term.initial": 1})
    doc.features["term.initial"] = sentences
    doc.cued["term.initial"] = [False, False, True, True]
    best, best_cued = decisive(doc, "term.initial", weights)
    scores = [weights.score(features) for features in sentences]
    assert best == max(scores) == weights.probability(127 + 3)
    assert best_cued == max(scores[2:]) == weights.probability(0)
    empty = Rows("b", "cuad-train", "b", {"term.initial": 0})
    empty.features["term.initial"], empty.cued["term.initial"] = [], []
    assert decisive(empty, "term.initial", weights) == (0.0, None)
