"""The Word drafts read back with python-docx: order, tables, header, footer, escaping, bytes."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from lxml import etree

from termgen.answers.read import answers_data, load_deal
from termgen.answers.write import dump_answers
from termgen.cache import Cache
from termgen.drafting.tables import _AREA_WORDS, approval_text, counted_seats
from termgen.model import Deal
from termgen.model.paths import Shape, shape_of, step
from termgen.render.richtext import unbroken
from termgen.render.word import stable_docx
from termgen.templating.missing import PLACEHOLDER
from termgen.wording import and_join, capital, per_year_worded, purpose_text

from ..conftest import COMPLETE_EXAMPLES, EXAMPLES, EXAMPLES_DIR, ROOT, run_cli
from ..docx_reading import drafted, headings, part_texts, table_after, word

HOSTILE = 'A & B <C> "D" ü 北京'


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_drafts_in_the_order_of_its_draft(example: Path) -> None:
    draft, rendered = drafted(example)
    for document, output in zip(draft.documents, rendered, strict=True):
        opened = word(output.data)
        assert headings(opened, 1)[: len(document.sections)] == [
            section.heading for section in document.sections
        ]
        assert headings(opened, 2) == [
            clause.title for section in document.sections for clause in section.clauses
        ]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_no_template_tag_survives_anywhere(example: Path) -> None:
    _, rendered = drafted(example)
    for output in rendered:
        for part, text in part_texts(output.data).items():
            for tag in ("{{", "{%", "{#", "}}", "%}"):
                assert tag not in text, (output.filename, part)


@pytest.mark.parametrize("example", COMPLETE_EXAMPLES, ids=[p.stem for p in COMPLETE_EXAMPLES])
def test_a_complete_example_has_no_open_point_anywhere(example: Path) -> None:
    _, rendered = drafted(example)
    for output in rendered:
        assert all(PLACEHOLDER not in text for text in part_texts(output.data).values())


def test_open_points_are_highlighted_where_the_deal_has_no_value() -> None:
    _, rendered = drafted(EXAMPLES_DIR / "incomplete-deal.yaml")
    term_sheet = word(rendered[0].data)
    open_runs = [run for p in term_sheet.paragraphs for run in p.runs if run.text == PLACEHOLDER]
    table_runs = [
        run
        for table in term_sheet.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
        if run.text == PLACEHOLDER
    ]
    assert len(open_runs) == 4
    assert len(table_runs) == 1
    assert all(str(run.font.highlight_color) == "YELLOW (7)" for run in open_runs + table_runs)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_one_contribution_row_per_contribution_with_its_values(example: Path) -> None:
    draft, rendered = drafted(example)
    rows = table_after(
        word(rendered[0].data),
        ("Party", "Contribution", "Quantity", "Timing", "Critical path", "Tracking", "Acceptance"),
    )
    contributions = draft.deal.strengths.contributions
    assert len(rows) == len(contributions)
    for row, item in zip(rows, contributions, strict=True):
        assert row[0] == item.party
        assert row[2] == unbroken(per_year_worded(str(item.quantity)))  # "USD 1.6bn" unbroken
        assert row[5] == unbroken(item.tracking or PLACEHOLDER)
        assert row[6] == unbroken(item.acceptance or PLACEHOLDER)
        assert unbroken(item.description or "") in row[1]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_decision_matrix_equals_the_deal(example: Path) -> None:
    draft, rendered = drafted(example)
    rows = table_after(
        word(rendered[1].data), ("Decision", "Area", "Owner", "Approval", "Consulted")
    )
    seats = counted_seats(draft.deal)
    expected = [
        [
            unbroken(right.decision),
            _AREA_WORDS[right.area],
            "The parties jointly" if right.owner == "joint" else right.owner,
            unbroken(
                capital(
                    approval_text(right.approval, right.majority_percent, seats.get(right.owner, 0))
                )
            ),
            and_join(right.consulted) or "–",
        ]
        for right in draft.deal.governance.decision_rights
    ]
    assert rows == expected


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_header_footer_and_properties(example: Path) -> None:
    draft, rendered = drafted(example)
    meta = draft.deal.deal
    notice = (
        "Internal – not for circulation – working draft with 6 open points"
        if example.stem == "incomplete-deal"
        else "Draft – subject to contract – confidential"
    )
    for document, output in zip(draft.documents, rendered, strict=True):
        opened = word(output.data)
        section = opened.sections[0]
        assert section.header.paragraphs[0].text == notice
        footer_xml = section.footer.paragraphs[0]._p.xml
        assert (
            f"{meta.name} · {document.title} · Version {meta.version} · Page "
            in section.footer.paragraphs[0].text
        )
        assert 'w:instr="PAGE"' in footer_xml and 'w:instr="NUMPAGES"' in footer_xml
        properties = opened.core_properties
        assert properties.title == f"{document.title} – {meta.name}"
        assert properties.version == meta.version
        assert properties.subject.startswith(f"{capital(purpose_text(meta.purpose))} partnership")


def test_the_cover_names_parties_date_version_and_status() -> None:
    _, rendered = drafted(EXAMPLES_DIR / "platform-sharing.yaml")
    cover = word(rendered[0].data).tables[0]
    lines = {row.cells[0].text: row.cells[1].text for row in cover.rows}
    assert lines["Parties"].splitlines() == [
        'Auvergne Motors S.A. ("AUV"), France',
        '杭州星辰汽车有限公司 (Hangzhou Xingchen Auto Co., Ltd.) ("XAC"), People\'s Republic of China',
    ]
    assert lines["Date"] == "26 November 2026"
    assert lines["Version"] == "1.2"
    assert lines["Status"] == "Partly binding, as stated in the status section"


def _hostile_data(data: Any, shape: Shape, names: dict[str, str]) -> Any:
    """Every free-text answer replaced by HOSTILE; names stay consistent, choices stay valid."""
    if isinstance(data, dict):
        return {
            names.get(key, key): _hostile_data(value, step(shape, key) or shape_of(Any), names)
            for key, value in data.items()
        }
    if isinstance(data, list):
        item = step(shape, 0) or shape_of(Any)
        return [_hostile_data(value, item, names) for value in data]
    if isinstance(data, str) and data in names:
        return names[data]
    if isinstance(data, str) and shape.kind == "scalar" and shape.scalar is str:
        return HOSTILE
    return data


def test_every_text_field_full_of_markup_drafts_intact(tmp_path: Path) -> None:
    deal = load_deal(EXAMPLES_DIR / "battery-jv.yaml").deal
    originals = deal.party_names + [body.name for body in deal.governance.bodies]
    names = {name: f"{HOSTILE} {index}" for index, name in enumerate(originals)} | {
        "joint": "joint"
    }
    data = _hostile_data(answers_data(deal), Shape("model", model=Deal), names)
    hostile = Deal.model_validate(data)
    assert hostile.deal.name == HOSTILE and hostile.parties[0].short_name == f"{HOSTILE} 0"
    answers = tmp_path / "hostile.yaml"
    answers.write_text(dump_answers(data), encoding="utf-8")
    result = run_cli("draft", answers, "-o", tmp_path / "out")
    assert result.status == 0, result.err
    normal, rendered = drafted(EXAMPLES_DIR / "battery-jv.yaml")
    written = [
        next((tmp_path / "out").glob(f"*-{kind}-*.docx"))
        for kind in ("term-sheet", "governance-annex")
    ]
    for document, usual, path in zip(normal.documents, rendered, written, strict=True):
        opened = word(path.read_bytes())
        assert headings(opened, 1) == headings(word(usual.data), 1)
        body = "\n".join(p.text for p in opened.paragraphs)
        assert body.count(HOSTILE) >= 5
        assert (
            f"{HOSTILE} · {document.title} · Version"
            in opened.sections[0].footer.paragraphs[0].text
        )
        assert opened.core_properties.title == f"{document.title} – {HOSTILE}"
        cells = [cell.text for table in opened.tables for row in table.rows for cell in row.cells]
        assert any(cell == HOSTILE for cell in cells)


def test_drafting_twice_gives_byte_identical_files(tmp_path: Path) -> None:
    example = EXAMPLES_DIR / "platform-sharing.yaml"
    first, second = tmp_path / "first", tmp_path / "second"
    assert run_cli("draft", example, "-o", first).status == 0
    assert run_cli("draft", example, "-o", second).status == 0
    names = sorted(path.name for path in first.iterdir())
    assert names == sorted(path.name for path in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()
        with zipfile.ZipFile(io.BytesIO((first / name).read_bytes())) as package:
            assert {entry.date_time for entry in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_templates_styles_deflated_once_and_kept_give_the_same_bytes(tmp_path: Path) -> None:
    document = docx.Document(str(ROOT / "templates" / "term-sheet.docx"))
    for number in range(2_000):
        document.add_paragraph(f"A long draft's own text, paragraph {number}.")
    plain = stable_docx(document)
    cold = Cache(tmp_path)
    assert stable_docx(document, cold) == plain
    cold.save()
    assert stable_docx(document, Cache(tmp_path)) == plain
    with zipfile.ZipFile(io.BytesIO(plain)) as package:
        assert package.testzip() is None
        long_parts = {e.filename for e in package.infolist() if e.file_size > 64 * 1024}
    assert long_parts == {"word/document.xml", "word/styles.xml", "word/stylesWithEffects.xml"}
    with sqlite3.connect(tmp_path / "cache.sqlite3") as kept:  # the styles, not the draft
        assert kept.execute("SELECT COUNT(*) FROM entries").fetchone() == (2,)


def test_the_answer_file_is_not_touched_by_drafting(tmp_path: Path) -> None:
    source = EXAMPLES_DIR / "battery-jv.yaml"
    before = source.read_bytes()
    assert run_cli("draft", source, "-o", tmp_path).status == 0
    assert source.read_bytes() == before
    assert yaml.safe_load(before)["deal"]["name"] == "Project Volta"


@pytest.mark.parametrize(
    "body",
    [
        "<w:p><w:r><w:t>no listing here</w:t></w:r></w:p>",
        '<w:p w:rsidR="1"><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
        "<w:t>tab\there, line\nthere</w:t></w:r></w:p><w:p><w:r><w:t>plain</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>one\aparagraph more</w:t></w:r></w:p>\n<w:p><w:r><w:t>page\fbreak"
        "</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell\nline</w:t></w:r></w:p>"
        "</w:tc></w:tr></w:tbl>",
        "\n<w:sectPr/>",
    ],
)
def test_only_paragraphs_with_tabs_or_breaks_go_through_docxtpls_listing_pass(body: str) -> None:
    from docxtpl import DocxTemplate

    from termgen.render.word import _Template

    xml = f"<w:body>{body}</w:body>"
    ours = object.__new__(_Template)  # the pass reads nothing of the template it belongs to
    assert ours.resolve_listing(xml) == DocxTemplate.resolve_listing(ours, xml)


@pytest.mark.parametrize(
    "source",
    [
        "<w:p><w:r><w:t>{{ value }}</w:t></w:r></w:p>",
        '<w:body>\n<w:p>\n<w:r><w:t>{{ markup }}</w:t></w:r></w:p>\n\n<w:p w:rsidR="1"/></w:body>',
        "<w:p><w:pPr/>\n<w:pPr/><w:r><w:t>{{ markup }}</w:t></w:r></w:p>\n<w:pict/>",
        "<w:p><w:r><w:t>{_{ literal }_} {_% x %_} {_{ {_% }_} %_} {{ value }}</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>{_ _} {_x x_}</w:t></w:r></w:p>",
        "{% for item in items %}<w:p><w:r><w:t>{{ item }}\a{{ markup }}</w:t></w:r></w:p>"
        "{% endfor %}",
        "",
    ],
)
def test_a_part_renders_as_docxtpl_renders_it(source: str) -> None:
    """Its passes over the rendered XML are string replacements here, regular expressions in
    docxtpl: line breaks before paragraphs (the template's own and a value's) and escaped
    braces come out the same."""
    from docxtpl import DocxTemplate
    from markupsafe import Markup

    from termgen.render.word import _Template, _WordSandbox

    context = {
        "value": "a\n<w:p> & {_{ b }_}",
        "markup": Markup('x\n<w:p y="1">\n<w:p>\n<w:pPr/>{_% z %_}\n'),
        "items": ["1", "\n<w:p ", "2"],
    }
    ours = object.__new__(_Template)  # rendering a part reads nothing of its template
    mine = ours.render_xml_part(source, None, context, _WordSandbox(None))
    theirs = DocxTemplate.render_xml_part(ours, source, None, context, _WordSandbox(None))
    assert mine == theirs


def _cell(text: str, span: int = 1) -> str:
    spanned = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return f"<w:tc><w:tcPr>{spanned}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _table(grid: list[str | None], rows: list[list[str]]) -> str:
    columns = "".join(
        "<w:gridCol/>" if width is None else f'<w:gridCol w:w="{width}"/>' for width in grid
    )
    cells = "".join(f"<w:tr>{''.join(row)}</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{columns}</w:tblGrid>{cells}</w:tbl>"


_DRAWING = (
    '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="7" name="a"/></wp:inline></w:drawing>'
    '</w:r></w:p><w:p><w:r><w:drawing><wp:inline><wp:docPr id="7" name="b"/></wp:inline>'
    "</w:drawing></w:r></w:p>"
)


_ROW_IN_CONTROL = _table(["10", "10"], [[_cell("a")] * 2]).replace(
    "</w:tbl>", f"<w:sdt><w:sdtContent><w:tr>{_cell('b') * 3}</w:tr></w:sdtContent></w:sdt></w:tbl>"
)
"""A table with a row in a content control, which docxtpl counts among the table's rows."""


@pytest.mark.parametrize(
    "body",
    [
        "<w:p><w:r><w:t>no table</w:t></w:r></w:p>",
        _table(["3137"] * 3, [[_cell(str(n)) for n in range(7)]] * 4),  # a {%tc %} loop's row
        _table(["3000", "3001", "3002"], [[_cell("a")], [_cell("b")]]),  # fewer cells
        _table(["0", "0"], [[_cell("a")] * 4]),  # no width to share
        _table(["100", "200"], []),  # no rows at all
        _table(["100", None], [[_cell("a")] * 3]),  # a column without width
        _table(["100", "x"], [[_cell("a")] * 2]),  # a width that is not a number
        _table(["4000"], [[_cell("a"), _cell("b")], [_cell("c")] * 5, [_cell("d")]]),
        _table(["4000", "4000"], [[_cell(_table(["10"], [[_cell("x")] * 3]))] * 2]),
        _ROW_IN_CONTROL,
        _table(["900", "900"], [[_cell("a", span=2)], [_cell("b")] * 3]),  # merged cells
        "<w:tbl><w:tr>" + _cell("no grid") + "</w:tr></w:tbl>",
        _DRAWING,
        "<w:p><w:r><w:t>blank&#32;reference</w:t></w:r></w:p>&#10;",
        "<w:p><![CDATA[ ]]><w:r><w:t>blank in CDATA</w:t></w:r></w:p>",
        "<w:p> <w:r><w:t> blank </w:t></w:r>\n</w:p>",
        "<w:p><w:r><w:t>broken</w:r></w:p>",
    ],
)
@pytest.mark.parametrize("declaration", ["", ' xmlns:x="urn:x"'])
def test_the_body_parsed_in_place_reads_as_after_docxtpls_table_fixing(
    body: str, declaration: str
) -> None:
    """One parse of the document with the rendered body in place, its grids fixed there, gives
    the document (or the error) that docxtpl's parse and fixing of the body alone gave."""
    from docxtpl import DocxTemplate

    from termgen.render.templates import template_for
    from termgen.render.word import open_template

    path = template_for("term_sheet")
    ours, theirs = open_template(path), open_template(path)
    start = ours.get_xml().split(">", 1)[0]
    xml = f"{start}{declaration}>{body}</w:body>"

    def docxtpls(xml: str) -> Any:
        return DocxTemplate.fix_tables(theirs, xml)

    results: list[object] = []
    for template, fix in ((ours, ours.fix_tables), (theirs, docxtpls)):
        try:
            tree = fix(xml)
            template.fix_docpr_ids(tree)
            template.map_tree(tree)
        except Exception as failed:
            results.append(type(failed))
        else:
            written = etree.tostring(template.docx.element, encoding="UTF-8")
            detached = template.detached  # a table's middle rows, kept out of the document
            results.append(detached.put_back(written) if detached else written)
    assert results[0] == results[1]


def test_answers_left_open_are_open_points_everywhere_in_the_documents(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES_DIR / "battery-jv.yaml").read_text(encoding="utf-8"))
    del data["parties"][1]["legal_name"]
    del data["deal"]["governing_law"]
    del data["goals"]["trade_offs"][0]["decided_by"]
    data["left_open"] = [
        "parties.1.legal_name",
        "deal.governing_law",
        "goals.trade_offs.0.decided_by",
    ]
    answers = tmp_path / "open.yaml"
    answers.write_text(dump_answers(data), encoding="utf-8")
    result = run_cli("draft", answers, "-o", tmp_path / "out")
    assert result.status == 0, result.err
    for path in sorted((tmp_path / "out").glob("*.docx")):
        assert "\ue000" not in " ".join(part_texts(path.read_bytes()).values()), path.name
    sheet = word(next((tmp_path / "out").glob("*term-sheet*.docx")).read_bytes())
    cover = {row.cells[0].text: row.cells[1].text for row in sheet.tables[0].rows}
    assert f'{PLACEHOLDER} ("KSC")' in cover["Parties"]
    assert cover["Governing law"] == PLACEHOLDER
    texts = [paragraph.text for paragraph in sheet.paragraphs]
    assert any(text.endswith(f"Decided by: {PLACEHOLDER}.") for text in texts), texts
