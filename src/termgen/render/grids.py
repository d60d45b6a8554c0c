"""Table grids fixed after docxtpl's `{%tc %}` loops have changed how many cells a row has, in a
document already parsed.

docxtpl's own `fix_tables` parses the rendered body to do it, on its own, and counts each row's
cells in Python, one cell at a time (a thousand-row table: 7,000 cells, counted twice). The
count here is XPath's, and the widths are worked out as docxtpl works them out, for tables
without merged cells; a table with any is left to docxtpl.
"""

from __future__ import annotations

from typing import cast

from docx.oxml.ns import nsmap, qn
from lxml import etree

_GRID, _GRID_COLUMN, _ROW, _CELL = qn("w:tblGrid"), qn("w:gridCol"), qn("w:tr"), qn("w:tc")
_TABLE, _WIDTH, _SPAN = qn("w:tbl"), qn("w:w"), qn("w:gridSpan")
_UNEVEN = etree.XPath("descendant::w:tr[count(w:tc) != $cells][1]", namespaces=nsmap)
"""A row of the table (or of a table in it, as docxtpl counts) without this many cells."""
_UNEVEN_CHILD = etree.XPath("w:tr[count(w:tc) != $cells][1]", namespaces=nsmap)
"""The same, where the table's rows are all its children: XPath's walk through every
descendant was most of the fixing of a 1,000-row table."""


def fix_grids(body: etree._Element) -> bool:
    """Give each table of the body as many grid columns as its rows have cells, scaled to keep
    the table's width, as docxtpl's `fix_tables` does; False (the body untouched) where a cell
    spans columns or a table has no grid, for docxtpl to fix."""
    found = list(body.iter(_TABLE, _SPAN, _ROW))
    tables = [each for each in found if each.tag == _TABLE]
    rows = [each for each in found if each.tag == _ROW]
    if len(tables) + len(rows) < len(found) or any(table.find(_GRID) is None for table in tables):
        return False
    # Where no table is inside another and every row is a table's child, a table's rows, as
    # docxtpl counts them (all within it), are its children.
    flat = {row.getparent() for row in rows} <= set(tables) and not any(
        next(table.iterancestors(_TABLE), None) is not None for table in tables
    )
    for table in tables:
        _fix_grid(table, _UNEVEN_CHILD if flat else _UNEVEN)
    return True


def _most_cells(table: etree._Element, uneven: etree.XPath) -> int:
    """The most cells of any row in the table, its inner tables' rows included; `uneven`
    finds a row with another number of cells than the first."""
    first = next(table.iter(_ROW), None)
    if first is None:
        return 0
    cells = len(first.findall(_CELL))
    if not uneven(table, cells=cells):
        return cells
    return max(len(row.findall(_CELL)) for row in table.iter(_ROW))


def _fix_grid(table: etree._Element, uneven: etree.XPath) -> None:
    grid = table.find(_GRID)
    assert grid is not None
    columns = grid.findall(_GRID_COLUMN)
    most = _most_cells(table, uneven)
    missing = most - len(columns)
    if missing > 0:
        width = sum(_width(each) for each in columns if each.get(_WIDTH) is not None)
        if width > 0:
            old_average = width / len(columns)
            new_average = width / (len(columns) + missing)
            for column in columns:
                column.set(_WIDTH, str(int(_width(column) * new_average / old_average)))
            for _ in range(missing):
                etree.SubElement(grid, _GRID_COLUMN, {_WIDTH: str(int(new_average))})
            columns = grid.findall(_GRID_COLUMN)
    extra = len(columns) - most
    if extra > 0:
        removed = 0.0
        for column in columns[-extra:]:
            removed += _width(column)
            grid.remove(column)
        kept = columns[:-extra]
        share = int(removed / len(kept)) if kept else 0
        for column in kept:
            column.set(_WIDTH, str(int(_width(column) + share)))


def _width(column: etree._Element) -> float:
    """A grid column's width; one without any fails here as it fails in docxtpl."""
    return float(cast(str, column.get(_WIDTH)))
