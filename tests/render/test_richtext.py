"""Table cells as rich text: each distinct cell written once, each still its own rich text."""

from __future__ import annotations

from termgen.drafting.structure import Cell, Segment
from termgen.render.richtext import WrittenCells, rich
from termgen.templating.missing import PLACEHOLDER

CELLS: list[Cell] = [
    (Segment("Party A"),),
    (Segment(""),),
    (),
    (Segment(PLACEHOLDER, open_point=True),),
    (Segment("Party A", open_point=True),),
    (Segment("word " * 20_000),),
    (Segment('北京 & <b> "ü" 50 % of USD 5m'),),
    (Segment("as in "), Segment("Clause 4", reference="exit.change_of_control")),
    (Segment("as in Clause 4"),),
]


def test_a_cell_is_written_as_rich_text_alone_writes_it_however_often_it_comes() -> None:
    written = WrittenCells()
    for cell in CELLS * 3:
        assert written.text(cell).xml == rich([cell]).xml


def test_a_repeated_cell_is_its_own_rich_text() -> None:
    written = WrittenCells()
    first, second = written.text(CELLS[0]), written.text(CELLS[0])
    first.add("more")
    assert second.xml == rich([CELLS[0]]).xml != first.xml
    assert written.text(CELLS[0]).xml == second.xml
