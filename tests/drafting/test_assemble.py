"""Assembly: which clauses a deal gets, in what order and position, and what is left open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from termgen.answers.read import load_deal
from termgen.cache import Cache
from termgen.drafting.assemble import paragraphs
from termgen.drafting.structure import plain
from termgen.errors import LibraryError, TermgenError
from termgen.library.folders import library_layers
from termgen.library.load import load_library
from termgen.pipeline import DealRun
from termgen.templating.missing import PLACEHOLDER

from ..conftest import COMPLETE_EXAMPLES, EXAMPLES_DIR, ROOT
from ..docx_reading import builtin_library, drafted, write


def _open_points(example: Path) -> list[tuple[str, str]]:
    draft, _ = drafted(example)
    found = []
    for document in draft.documents:
        for section in document.sections:
            for clause in section.clauses:
                found += [
                    (clause.id, plain(p)) for p in clause.paragraphs if PLACEHOLDER in plain(p)
                ]
            for table in section.tables:
                for row in table.rows:
                    found += [(table.kind, plain(c)) for c in row if PLACEHOLDER in plain(c)]
    return found


@pytest.mark.parametrize("example", COMPLETE_EXAMPLES, ids=[p.stem for p in COMPLETE_EXAMPLES])
def test_a_complete_example_leaves_no_open_point(example: Path) -> None:
    assert _open_points(example) == []


def test_the_incomplete_example_leaves_exactly_its_gaps_open() -> None:
    renewal = (
        f"Renewal at the end of the Initial Term: {PLACEHOLDER} (to be agreed: no renewal, "
        "automatic renewal, renewal by mutual agreement or at a party's option, with the notice "
        "needed to stop a renewal)."
    )
    assert _open_points(EXAMPLES_DIR / "incomplete-deal.yaml") == [
        ("contributions", PLACEHOLDER),
        ("exit.renewal.open", renewal),
        (
            "exit.assets",
            f"E-axle series tooling at Kopřivnice: {PLACEHOLDER} (to be agreed: whether "
            "a party takes it over and at what price, or whether its owner keeps it or it is "
            "scrapped).",
        ),
        (
            "general.liability",
            "The total liability of each party to the other party arising out of the "
            "partnership, in contract, in tort or otherwise, is limited to "
            f"{PLACEHOLDER}. Neither party is liable to the other party for loss of profit, "
            "revenue, business or goodwill, or for any indirect or consequential loss. Neither "
            "the limit nor that exclusion applies to a party's obligation to pay or contribute what "
            "this term sheet provides for (its contributions, cost shares, fees, prices and any "
            "share of revenue), to liability for wilful misconduct or fraud, "
            "for a breach of confidentiality, under the indemnity for infringement of "
            "intellectual property in this clause, for death or personal injury caused by "
            "negligence, to a party's part of the costs of product liability claims and recalls "
            "under clause 11.2, or to any other liability the governing law does not allow to "
            "be limited or excluded.",
        ),
        (
            "general.exclusivity",
            f"Exclusive negotiations, if the parties agree them ({PLACEHOLDER}): from signature "
            "of this term sheet until the definitive agreements are signed, this term sheet "
            "expires or a party ends the negotiations by notice under clause 1.1, whichever "
            "comes first, neither party negotiates or agrees with a third party, or invites an "
            "offer from one, on a cooperation or transaction that would replace or compete with "
            "Project Lodestar.",
        ),
    ]


def test_sections_follow_the_registry_and_clauses_their_order() -> None:
    draft, _ = drafted(EXAMPLES_DIR / "battery-jv.yaml")
    registry = [entry.record.id for entry in builtin_library().sections.values()]
    for document in draft.documents:
        ids = [section.id for section in document.sections]
        assert ids == [sid for sid in registry if sid in ids]
        assert [section.number for section in document.sections] == list(range(1, len(ids) + 1))
    term_exit = next(s for s in draft.document("term_sheet").sections if s.id == "term_exit")
    assert [c.id for c in term_exit.clauses][:3] == [
        "exit.term",
        "exit.renewal.automatic",
        "exit.triggers",
    ]
    assert [c.number for c in term_exit.clauses][:2] == [
        f"{term_exit.number}.1",
        f"{term_exit.number}.2",
    ]


def test_purpose_specific_clauses_reach_only_their_purpose() -> None:
    battery = {c.id for c in drafted(EXAMPLES_DIR / "battery-jv.yaml")[0].clauses()}
    software = {c.id for c in drafted(EXAMPLES_DIR / "sdv-software.yaml")[0].clauses()}
    assert {"strengths.offtake", "exit.stake-buy-out", "goals.capital-calls"} <= battery
    assert "general.licence-back" in software
    assert not {"strengths.offtake", "exit.stake-buy-out"} & software
    assert "general.licence-back" not in battery


def test_conditions_follow_the_answers() -> None:
    platform = {c.id for c in drafted(EXAMPLES_DIR / "platform-sharing.yaml")[0].clauses()}
    bridge = {c.id for c in drafted(EXAMPLES_DIR / "bridge-technology.yaml")[0].clauses()}
    assert "governance.clean-team" in platform
    assert "governance.clean-team" not in bridge
    assert "exit.renewal.mutual" in platform
    assert "exit.renewal.option" in bridge
    incomplete = {c.id for c in drafted(EXAMPLES_DIR / "incomplete-deal.yaml")[0].clauses()}
    assert "exit.trigger.convenience" in bridge
    assert "exit.trigger.convenience" not in incomplete
    assert "exit.renewal.open" in incomplete


def test_the_answers_pick_a_fallback_position(tmp_path: Path) -> None:
    text = (EXAMPLES_DIR / "battery-jv.yaml").read_text(encoding="utf-8")
    path = write(
        tmp_path, "deal.yaml", text + "positions:\n  exit.renewal.automatic: single renewal\n"
    )
    loaded = load_deal(path)
    draft = DealRun(loaded.deal, builtin_library(), loaded.source).draft
    clause = next(c for c in draft.clauses() if c.id == "exit.renewal.automatic")
    assert clause.position == "single renewal"
    assert plain(clause.paragraphs[0]).startswith(
        "At the end of the Initial Term the partnership renews once"
    )


@pytest.mark.parametrize(
    ("positions", "message"),
    [
        (
            "  exit.renewal.automatc: single renewal\n",
            "no clause 'exit.renewal.automatc' in the library, did you mean 'exit.renewal.automatic'?",
        ),
        (
            "  exit.renewal.automatic: single renwal\n",
            "clause 'exit.renewal.automatic' has no position 'single renwal', did you mean 'single renewal'?",
        ),
    ],
)
def test_a_wrong_position_is_located_in_the_answer_file(
    tmp_path: Path, positions: str, message: str
) -> None:
    text = (EXAMPLES_DIR / "battery-jv.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, "deal.yaml", text + "positions:\n" + positions)
    loaded = load_deal(path)
    with pytest.raises(LibraryError) as raised:
        _ = DealRun(loaded.deal, builtin_library(), loaded.source).draft
    line = len(text.splitlines()) + 2
    assert str(raised.value).startswith(f"{path}:{line}:")
    assert message in str(raised.value)


def test_an_overlay_replaces_one_clause_and_nothing_else(tmp_path: Path) -> None:
    overlay = tmp_path / "counsel"
    (overlay / "general").mkdir(parents=True)
    original = (ROOT / "clause_library" / "general" / "confidentiality.yaml").read_text(
        encoding="utf-8"
    )
    replaced = original.replace(
        "Each party keeps confidential", "Each party shall hold in strict confidence"
    )
    write(overlay / "general", "confidentiality.yaml", replaced)
    loaded = load_deal(EXAMPLES_DIR / "battery-jv.yaml")
    base = DealRun(loaded.deal, builtin_library()).draft
    layered = DealRun(loaded.deal, load_library(library_layers([overlay], {}))).draft
    before = {c.id: c.paragraphs for c in base.clauses()}
    after = {c.id: c.paragraphs for c in layered.clauses()}
    assert before.keys() == after.keys()
    changed = [cid for cid in before if before[cid] != after[cid]]
    assert changed == ["general.confidentiality"]
    assert plain(after["general.confidentiality"][0]).startswith(
        "Each party shall hold in strict confidence"
    )


def test_an_overlay_can_disable_and_add_clauses(tmp_path: Path) -> None:
    overlay = tmp_path / "counsel"
    overlay.mkdir()
    write(overlay, "no-costs.yaml", "id: general.costs\ndisabled: true\n")
    write(
        overlay,
        "announcements.yaml",
        "id: counsel.announcements\ntitle: Announcements\nelement: general\nsection: general\n"
        "text:\n  preferred: No party announces the partnership without the others' consent.\n",
    )
    loaded = load_deal(EXAMPLES_DIR / "battery-jv.yaml")
    draft = DealRun(
        loaded.deal, load_library(library_layers([], {"TERMGEN_LIBRARY": str(overlay)}))
    ).draft
    ids = [c.id for c in draft.clauses()]
    assert "general.costs" not in ids
    assert "counsel.announcements" in ids


def test_disabling_the_escalation_path_leaves_no_reference_to_it(tmp_path: Path) -> None:
    overlay = tmp_path / "counsel"
    overlay.mkdir()
    write(overlay, "no-escalation.yaml", "id: governance.escalation\ndisabled: true\n")
    loaded = load_deal(EXAMPLES_DIR / "battery-jv.yaml")
    draft = DealRun(
        loaded.deal, load_library(library_layers([], {"TERMGEN_LIBRARY": str(overlay)}))
    ).draft
    disputes = next(clause for clause in draft.clauses() if clause.id == "general.disputes")
    text = " ".join(plain(paragraph) for paragraph in disputes.paragraphs)
    assert "is first referred up the escalation path and may be" in text


@pytest.mark.parametrize("runs", [1, 2], ids=["uncached", "from a warm cache"])
def test_a_hostile_clause_is_refused_before_it_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runs: int
) -> None:
    overlay = tmp_path / "hostile"
    overlay.mkdir()
    clause = write(
        overlay,
        "hostile.yaml",
        "id: general.costs\ntitle: Costs\nelement: general\nsection: general\ntext:\n"
        "  preferred: |\n    Costs.\n    {{ ''.__class__.__mro__[1].__subclasses__() }}\n",
    )
    from jinja2 import nodes

    from termgen.templating.sandbox import Sandbox

    compiled: list[str] = []
    real_compile = Sandbox.compile

    def recording(self: Sandbox, source: object, *args: object, **kwargs: object) -> object:
        if isinstance(source, nodes.Node):
            compiled.extend(str(node.attr) for node in source.find_all(nodes.Getattr))
        compiled.append(str(source))
        return real_compile(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Sandbox, "compile", recording)
    loaded = load_deal(EXAMPLES_DIR / "battery-jv.yaml")
    compiled_by_run = []
    for _ in range(runs):
        cache = Cache(tmp_path / "cache") if runs > 1 else None
        library = load_library(library_layers([overlay], {}), cache=cache)
        with pytest.raises(TermgenError) as raised:
            _ = DealRun(loaded.deal, library).draft
        assert str(raised.value).splitlines()[0] == (
            f"{clause}:8: clause 'general.costs': refused: '__class__' reaches into Python "
            "internals; only deal fields may be read"
        )
        if cache is not None:
            cache.save()
        compiled_by_run.append(len(compiled))
    assert compiled and not any("__class__" in source for source in compiled)
    assert compiled_by_run[-1] == compiled_by_run[0], "a warm run compiles nothing again"


def test_paragraphs_split_on_blank_lines_and_bullets() -> None:
    text = "First line\ncontinues.\n\n- one\n- two\nAfter the list.\n\nLast \ue000 open."
    assert [(plain(p), p.bullet) for p in paragraphs(text)] == [
        ("First line continues.", False),
        ("one", True),
        ("two", True),
        ("After the list.", False),
        (f"Last {PLACEHOLDER} open.", False),
    ]
    assert paragraphs(text)[-1].segments[1].open_point


def test_a_library_without_its_registries_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "library"
    shutil.copytree(ROOT / "clause_library", copy)
    (copy / "sections.yaml").write_text("- id: status\n  document: term_sheet\n", encoding="utf-8")
    with pytest.raises(LibraryError) as raised:
        load_library([copy])
    assert f"{copy / 'sections.yaml'}:1:3: required key 'heading' is missing" in str(raised.value)
