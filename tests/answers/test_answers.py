"""Answer files: round trips, and one clear located message for each kind of malformed file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from termgen.answers.read import answers_data, load_deal, read_answers
from termgen.answers.write import dump_answers, save_deal
from termgen.errors import AnswerFileError, OutputExistsError

from ..conftest import EXAMPLES, EXAMPLES_DIR, run_cli

BASE = """\
deal:
  name: Project X
  purpose: electrification
parties:
  - short_name: VOLTA
  - short_name: KSC
"""

# (case, file text, the single message after "<file>"): lines 1-6 of most cases are BASE.
MALFORMED: list[tuple[str, str | bytes, str]] = [
    (
        "empty",
        "",
        ": the file is empty; an answer file needs at least 'deal:' and 'parties:' (see examples/)",
    ),
    (
        "only comments",
        "# nothing here yet\n\n",
        ": the file is empty; an answer file needs at least 'deal:' and 'parties:' (see examples/)",
    ),
    (
        "top-level list",
        "- deal\n- parties\n",
        ": the file holds a list, not an answer file; an answer file is a mapping with "
        "'deal:' and 'parties:' at the top level",
    ),
    (
        "top-level scalar",
        "just some words\n",
        ": the file holds a single value, not an answer file; an answer file is a mapping "
        "with 'deal:' and 'parties:' at the top level",
    ),
    (
        "tab indentation",
        "deal:\n\tname: Project X\n",
        ":2:1: a tab is used for indentation; YAML indents with spaces only, so replace the "
        "tab with spaces",
    ),
    (
        "duplicate key",
        BASE + "exit:\n  term:\n    initial: 5 years\n  term:\n    initial: 6 years\n",
        ":10:3: duplicate key 'term' (first at line 8); each key may appear once, so merge the two",
    ),
    (
        "unclosed quote",
        'deal:\n  name: "Project X\n  purpose: electrification\n',
        ":2:9: a quote is opened but never closed; close it with the same quote mark, or "
        "remove it",  # where the quote opens
    ),
    (
        "colon in a value",
        "deal:\n  name: Project X: the sequel\n",
        ":2:18: a ':' where YAML does not expect one; if the value contains ': ', put it in quotes",
    ),
    (
        "key too long to read",
        f"deal:\n  {'x' * 200_000}: Project X\n",
        ":2:200003: a key of 200,000 characters, longer than the 1,024 YAML reads as one; keys "
        "here are short names, so shorten it (a long text goes after the ':')",
    ),
    (
        "key too long at the top level",
        BASE + f"{'x' * 1_025}: 1\n",
        ":7:1026: a key of 1,025 characters, longer than the 1,024 YAML reads as one; keys "
        "here are short names, so shorten it (a long text goes after the ':')",
    ),
    (
        "a long value with a colon in it",
        f"deal:\n  name: {'x' * 2_000}: the sequel\n",
        ":2:2009: a ':' where YAML does not expect one; if the value contains ': ', put it in "
        "quotes",
    ),
    (
        "indentation out of line",
        "deal:\n  name: Project X\n purpose: electrification\n",
        ":3:2: the indentation does not line up with the keys above; indent the entries of "
        "one mapping by the same number of spaces",
    ),
    (
        "two documents",
        BASE + "---\n" + BASE,
        ":7:1: more than one YAML document ('---'); keep one per file",
    ),
    (
        "anchor and alias",
        BASE.replace("deal:", "deal: &d") + "copy: *d\n",
        ":1:7: anchors and aliases ('&name', '*name') are not used in these files; write the "
        "value out in full",
    ),
    (
        "python tag",
        BASE + "exit: !!python/object:os.system {}\n",
        ":7:7: the YAML tag '!!python/object:os.system' is not allowed here; remove it",
    ),
    (
        "misspelt key",
        BASE + "exit:\n  renwal:\n    type: none\n",
        ":8:3: exit: unknown key 'renwal', did you mean 'renewal'?",
    ),
    (
        "misspelt top-level key",
        BASE + "govenance: {}\n",
        ":7:1: unknown key 'govenance', did you mean 'governance'?",
    ),
    (
        "misspelt choice",
        BASE.replace("electrification", "electrificaton"),
        ":3:12: deal › purpose: 'electrificaton' is not one of the choices, did you mean "
        "'electrification'?",
    ),
    (
        "missing required key",
        BASE.replace("  name: Project X\n", ""),
        ":1:1: deal: required key 'name' is missing; add 'name:' with its value",
    ),
    (
        "misspelt required key",
        BASE.replace("  name: Project X\n", "  nmae: Project X\n"),
        ":2:3: deal: unknown key 'nmae', did you mean 'name'?",
    ),
    (
        "missing parties",
        "deal:\n  name: Project X\n  purpose: electrification\n",
        ":1:1: required key 'parties' is missing; add 'parties:' with its value",
    ),
    (
        "one party",
        BASE.replace("  - short_name: KSC\n", ""),
        ":5:3: parties: needs at least 2 entries, has 1",
    ),
    (
        "unknown party",
        BASE + "strengths:\n  contributions:\n    - party: VOLT\n      kind: capital\n",
        ":9:14: strengths › contributions #1 › party: 'VOLT' is not one of the parties, did "
        "you mean 'VOLTA'?",
    ),
    (
        "shares over 100",
        BASE + "goals:\n  value_sharing:\n    equity:\n      VOLTA: 60\n      KSC: 50\n",
        ":10:7: goals › value sharing › equity: the shares add up to 110 %, more than 100 %",
    ),
    (
        "percent over 100",
        BASE + "goals:\n  value_sharing:\n    cost_share:\n      VOLTA: 150\n",
        ":10:14: goals › value sharing › cost share › VOLTA: '150' is too large: it must be at most "
        "100",
    ),
    (
        "misspelt unit",
        BASE + "exit:\n  renewal:\n    type: automatic\n    notice: 90 dais\n",
        ":10:13: exit › renewal › notice: 'dais' is not a unit of time, did you mean 'days'?",
    ),
    (
        "duration in words",
        BASE + "exit:\n  renewal:\n    type: automatic\n    notice: ninety days\n",
        ":10:13: exit › renewal › notice: 'ninety days' is not a length of time; write a whole "
        "number and a unit, e.g. '90 days', '18 months' or '5 years'",
    ),
    (
        "quantity without unit",
        BASE + "strengths:\n  contributions:\n    - party: KSC\n      kind: capital\n"
        "      quantity: 40\n",
        ":11:17: strengths › contributions #1 › quantity: a bare number is not enough here; "
        "add the unit, e.g. '40 FTE'",
    ),
    (
        "money without currency",
        BASE + "exit:\n  valuation:\n    method: fixed_price\n    price: 90m dollars\n",
        ":10:12: exit › valuation › price: 'dollars' is not a currency code (three letters, such "
        "as EUR, USD or JPY); did you mean 'USD 90m'?",
    ),
    (
        "choice far from any",
        BASE + "exit:\n  costs:\n    borne_by: nobody\n",
        ":9:15: exit › costs › borne by: 'nobody' is not one of the choices; choose one of "
        "'each_own', 'pro_rata', 'terminating_party', 'defaulting_party', 'other'",
    ),
    (
        "impossible date",
        BASE + "exit:\n  term:\n    effective_date: 2027-02-30\n",
        ":9:21: exit › term › effective date: '2027-02-30' is not a real date: February 2027 "
        "has 28 days",
    ),
    (
        "date in another format",
        BASE + "exit:\n  term:\n    effective_date: 31/12/2027\n",
        ":9:21: exit › term › effective date: expected a date written YYYY-MM-DD, e.g. "
        "2027-03-31; got '31/12/2027'",
    ),
    (
        "mapping where a list belongs",
        "deal:\n  name: Project X\n  purpose: electrification\nparties:\n  VOLTA: Volta AG\n",
        ":5:3: parties: expected a list of entries, each on a line starting with '- ', got a "
        "mapping (key: value lines)",
    ),
    (
        "text where a mapping belongs",
        BASE + "strengths:\n  contributions:\n    - KSC gives engineers\n",
        ":9:7: strengths › contributions #1: expected a mapping of 'key: value' lines, got "
        "'KSC gives engineers'",
    ),
    (
        "maybe for yes/no",
        BASE + "strengths:\n  contributions:\n    - party: KSC\n      kind: capital\n"
        "      critical_path: maybe\n",
        ":11:22: strengths › contributions #1 › critical path: expected true or false, got 'maybe'",
    ),
    (
        "two parties with one name",
        BASE.replace("short_name: KSC", "short_name: volta"),
        ":6:17: parties #2 › short name: 'volta' names another party too (entry 1); each "
        "name must be unique",
    ),
    (
        "zero escalation days",
        BASE + "governance:\n  escalation:\n    - level: Steering group\n      days: 0\n",
        ":10:13: governance › escalation #1 › days: '0' is too small: it must be at least 1",
    ),
    (
        "misspelt body as owner",
        BASE + "governance:\n  bodies:\n    - name: Steering Group\n      kind: steering_group\n"
        "  decision_rights:\n    - decision: Budget\n      owner: Steering Grp\n",
        ":13:14: governance › decision rights #1 › owner: 'Steering Grp' is not a party, "
        "'joint' or a governance body, did you mean 'Steering Group'?",
    ),
    (
        "empty required text",
        BASE + 'goals:\n  objectives:\n    - statement: ""\n',
        ":9:18: goals › objectives #1 › statement: must not be empty; write a value or delete "
        "the line",
    ),
    (
        "list as a key",
        BASE + "? [a, b]\n: c\n",
        ":7:3: a key must be a plain word, not a list or mapping; write it as 'word:'",
    ),
    (
        "unclosed bracket",
        BASE + "goals:\n  scope:\n    regions: [Europe, Asia\n",
        ":9:14: a '[' or '{' is opened but never closed; close it with ']' or '}', or put "
        "the value in quotes",
    ),
    (
        "backslash escape",
        BASE + 'goals:\n  scope:\n    regions: ["C:\\Deals"]\n',
        ":9:18: a backslash in double quotes starts an escape YAML cannot read; put the text "
        "in single quotes instead",
    ),
    (
        "document end marker",
        BASE + "...\ngoals: {}\n",
        ":8:1: a line starting with '%' or '...' marks YAML documents, which these files do "
        "not use; delete it",
    ),
    (
        "question mark as a value",
        BASE + "goals: ?\n",
        ":7:8: a '?' where YAML expects a value; put the value in quotes",
    ),
    (
        "numeric top-level key",
        BASE + "1: foo\n",
        ":7:1: unknown key '1'; choose one of 'deal', 'parties', 'term_sheet', 'company', "
        "'goals', 'strengths', 'governance', 'change', 'exit', 'positions', 'left_open', "
        "'paused_at'",
    ),
    (
        "reserved character",
        BASE + "goals:\n  scope:\n    regions:\n      - @home\n",
        ":10:9: a value cannot start with '@'; put the value in quotes",
    ),
    (
        "binary junk",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        ": this is not a text file (it holds binary data); an answer file is YAML text",
    ),
    (
        "not UTF-8",
        "deal:\n  name: Caf\xe9\n".encode("latin-1"),
        ":2: this is not UTF-8 text; save the file as UTF-8 (or it is not an answer file)",
    ),
]


def _write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "deal.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(("case", "content", "message"), MALFORMED, ids=[c[0] for c in MALFORMED])
def test_a_malformed_file_gets_one_located_message(
    tmp_path: Path, case: str, content: str | bytes, message: str
) -> None:
    path = _write(tmp_path, content)
    result = run_cli("validate", path)
    assert result.status == 2
    assert result.err.splitlines() == [f"{path}{message}"]
    assert "Traceback" not in result.err
    assert result.out == ""


def test_the_table_covers_at_least_25_kinds_of_malformed_file() -> None:
    assert len(MALFORMED) >= 25
    assert len({case for case, _, _ in MALFORMED}) == len(MALFORMED)


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    result = run_cli("validate", path)
    assert result.status == 2
    assert result.err.strip() == (
        f"{path}: the file is 52.4 MB; answer files are at most 5 MB, so this is probably not one"
    )


def test_a_missing_file_and_a_folder_are_named(tmp_path: Path) -> None:
    missing = run_cli("validate", tmp_path / "nope.yaml")
    folder = run_cli("validate", tmp_path)
    assert (
        missing.err.strip() == f"{tmp_path / 'nope.yaml'}: no such file; check the name and folder"
    )
    assert folder.err.strip() == (
        f"{tmp_path}: is a folder, not an answer file; give the path of an answer file in it"
    )
    assert missing.status == folder.status == 2


def test_every_problem_in_a_file_is_reported_in_line_order(tmp_path: Path) -> None:
    text = BASE + "exit:\n  renwal: {}\n  triggers:\n    - kind: breech\n"
    path = _write(tmp_path, text.replace("electrification", "batteries"))
    with pytest.raises(AnswerFileError) as raised:
        load_deal(path)
    lines = [problem.location.line for problem in raised.value.problems]
    assert lines == [3, 8, 10]


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_every_example_round_trips_without_loss(tmp_path: Path, example: Path) -> None:
    first = load_deal(example).deal
    saved = save_deal(first, tmp_path / "saved.yaml")
    second = load_deal(saved).deal
    assert second == first
    assert saved.read_text(encoding="utf-8") == dump_answers(answers_data(second))


def test_saving_keeps_the_model_key_order(tmp_path: Path, example: Path) -> None:
    saved = save_deal(load_deal(example).deal, tmp_path / "saved.yaml")
    data, _ = read_answers(saved)
    assert list(data) == [
        "deal",
        "parties",
        "term_sheet",
        "company",
        "goals",
        "strengths",
        "governance",
        "change",
        "exit",
    ]
    assert list(data["exit"]["renewal"]) == ["type", "period", "notice", "max_renewals"]


def test_yaml_1_1_surprises_do_not_happen(tmp_path: Path) -> None:
    text = BASE.replace("Project X", "no").replace("  purpose:", "  version: 1.10\n  purpose:")
    deal = load_deal(_write(tmp_path, text + "goals:\n  scope:\n    regions: [NO, on]\n")).deal
    assert deal.deal.name == "no"
    assert deal.deal.version == "1.10"
    assert deal.goals.scope.regions == ["NO", "on"]


def test_text_with_markup_and_scripts_survives_a_round_trip(tmp_path: Path) -> None:
    hostile = "A & B <C> \"D\" ü 北京 'quoted' #not-a-comment: {x}"
    text = BASE.replace("Project X", f'"{hostile.replace(chr(34), chr(92) + chr(34))}"')
    path = _write(
        tmp_path,
        text + "goals:\n  objectives:\n    - statement: |\n        line one\n        line two\n",
    )
    deal = load_deal(path).deal
    again = load_deal(save_deal(deal, tmp_path / "again.yaml")).deal
    assert again.deal.name == hostile
    assert again.goals.objectives[0].statement == "line one\nline two"


def test_saving_never_replaces_a_file_unless_asked(tmp_path: Path, example: Path) -> None:
    deal = load_deal(example).deal
    target = tmp_path / "deal.yaml"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        save_deal(deal, target, replace=False)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["deal.yaml"]


def test_dates_that_end_before_they_start_are_refused_where_they_are(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES_DIR / "battery-jv.yaml").read_text(encoding="utf-8"))
    data["strengths"]["contributions"][0]["end"] = "2026-01-01"
    data["exit"]["term"]["end_date"] = "2027-06-01"
    answers = tmp_path / "deal.yaml"
    answers.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = run_cli("validate", answers)
    assert result.status == 2
    lines = result.err.splitlines()
    assert any(
        line.endswith(
            "strengths › contributions #1: it ends (2026-01-01) before it starts (2027-06-01); "
            "check the two dates"
        )
        for line in lines
    ), lines
    assert any(
        line.endswith(
            "exit › term: the term ends (2027-06-01) no later than it starts (2027-06-01); "
            "check the two dates"
        )
        for line in lines
    ), lines
    assert all(line.startswith(f"{answers}:") for line in lines)
