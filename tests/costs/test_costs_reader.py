"""The reader layer under the cost import: compact rows, the sheet XML read in pieces, and the
sheet size limits as a setting."""

from __future__ import annotations

import datetime as dt
import platform
import re
import sys
import zipfile
from pathlib import Path

import pytest
import python_calamine as pc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.core.errors import InputError
from bidassist.costs import SheetLimits, import_cost_sheet
from bidassist.costs.rows import SheetRows
from bidassist.costs.workbook import (
    _RARE_REF,
    RawSheet,
    _compact_rows,
    _formula_tag,
    _holds,
    _row_end,
    _scan_sheet_xml,
    _Scratch,
    _sheet_pieces,
    read_workbook,
)

CELL_VALUES = st.one_of(
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(alphabet="ab 项目台,.%¥", min_size=1, max_size=8),
    st.booleans(),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1)),
)
PLACES = st.tuples(st.integers(1, 40), st.integers(1, 12))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.dictionaries(PLACES, CELL_VALUES, max_size=30))
def test_compact_rows_read_as_calamine_reads_the_sheet(cells, tmp_path):
    """Whatever the cells and wherever the used range starts, the compact rows are exactly
    calamine's rows anchored at A1."""
    wb = Workbook()
    ws = wb.active
    for (r, c), v in cells.items():
        ws.cell(row=r, column=c, value=v)
    path = tmp_path / "cells.xlsx"
    wb.save(path)
    book = pc.CalamineWorkbook.from_path(str(path))
    expected = book.get_sheet_by_name(ws.title).to_python(skip_empty_area=False)
    rows = _compact_rows(book.get_sheet_by_name(ws.title))
    book.close()
    assert len(rows) == len(expected)
    assert list(rows) == expected
    assert rows[1:3] == expected[1:3]
    assert all(rows[r] == expected[r] for r in range(len(expected)))


def test_sheet_rows_keep_values_marshal_cannot_write():
    row_with_date = ["交货", dt.date(2026, 12, 1), 3.5]
    rows = SheetRows([["a", 1.25, "", True, None], row_with_date])
    assert rows[0] == ["a", 1.25, "", True, None]
    assert rows[1] == row_with_date and rows[-1][1] == dt.date(2026, 12, 1)
    rows[0].append("changed")  # a row read is a copy: the sheet's rows never change
    assert rows[0] == ["a", 1.25, "", True, None]
    rows.prepend_blank(2, 3)
    assert rows[:2] == [["", "", ""], ["", "", ""]] and len(rows) == 4


def test_sheet_rows_made_in_chunks_keep_every_row_in_order():
    """Rows compacted a chunk at a time (`SheetRows.extend`): a chunk holding a date keeps its
    other rows compact and every row in its place, whatever chunk it falls in."""
    expected = [[f"项目 {i}", float(i), ""] for i in range(700)]
    expected[300] = ["交货", dt.date(2026, 12, 1), 3.5]
    rows = SheetRows(iter(expected))
    assert len(rows) == 700 and list(rows) == expected
    assert rows[299:302] == expected[299:302]
    # 21 chunks of 32 rows and a tail of 28: the date's chunk a list of one record a row
    mixed = [item for item in rows._items if type(item) is not bytes]
    assert len(rows._items) == 21 and len(rows._tail) == 28 and len(mixed) == 1
    assert sum(type(x) is bytes for x in mixed[0]) == 31


def _sheet_with_findings(path: Path, rows: int) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["序号", "名称", "数量", "单价", "合价"])
    for i in range(1, rows + 1):
        ws.append([i, f"项目 {i}", 2, 10.5, "=C{0}*D{0}".format(i + 1) if i % 7 == 0 else 21])
        if i % 11 == 0:
            ws.row_dimensions[i + 1].hidden = True
        if i % 13 == 0:
            ws.cell(row=i + 1, column=5, value="#DIV/0!")
    ws.column_dimensions["F"].hidden = True
    wb.save(path)


@pytest.mark.parametrize("size", [64, 1000, 50_000])
def test_the_sheet_xml_read_in_pieces_finds_what_the_whole_part_shows(size, tmp_path):
    path = tmp_path / "findings.xlsx"
    _sheet_with_findings(path, 300)
    with zipfile.ZipFile(path) as zf:
        data = zf.read("xl/worksheets/sheet1.xml")
        whole, pieced = RawSheet("Costs", []), RawSheet("Costs", [])
        _scan_sheet_xml(data, whole)
        pieces = list(_sheet_pieces(zf, "xl/worksheets/sheet1.xml", size))
    for piece in pieces:
        _scan_sheet_xml(piece, pieced)
    assert b"".join(pieces) == data
    if size < 50_000:
        assert len(pieces) > 3
        assert all(p.endswith(b"</row>") for p in pieces[:-1])
    assert whole.uncached and whole.errors and whole.hidden_rows and whole.hidden_cols
    assert (pieced.uncached, pieced.errors) == (whole.uncached, whole.errors)
    assert (pieced.hidden_rows, pieced.hidden_cols) == (whole.hidden_rows, whole.hidden_cols)


def test_a_row_end_inside_a_comment_or_cdata_is_not_a_place_to_cut(tmp_path):
    body = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1"><v>1</v></c></row><!-- </row> -->'
        b'<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[x</row>y]]></t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    path = tmp_path / "p.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("s.xml", body)
    with zipfile.ZipFile(path) as zf:
        pieces = list(_sheet_pieces(zf, "s.xml", 16))
    assert b"".join(pieces) == body
    for piece in pieces:
        assert piece.count(b"<!--") == piece.count(b"-->")
        assert piece.count(b"<![CDATA[") == piece.count(b"]]>")


@given(st.text(alphabet="<:f!-r/ow>x", max_size=200), st.integers(0, 3))
@settings(max_examples=300, deadline=None)
def test_the_quick_xml_checks_agree_with_the_plain_searches(text, looks):
    """The formula-tag check (`f`s looked at one by one, then the substring searches) and the
    row-end search (`:row>` only after the last `</row>`, `!` before `<!`) give what the plain
    searches give; the look-alike `f` after other text is no formula tag."""
    data = text.encode()
    assert _formula_tag(data, looks) == (b"<f" in data or b":f" in data)
    plain = data.rfind(b"</row>")
    cut = plain + 6 if plain >= 0 else -1
    colon = data.rfind(b":row>")
    if colon > plain:
        start = data.rfind(b"</", max(0, colon - 64), colon)
        if start >= 0 and re.fullmatch(rb"</(?:[\w.-]+:)?row>", data[start : colon + 5]):
            cut = colon + 5
    if cut >= 0 and data.find(b"<!", 0, cut) >= 0:
        for opening, closing in ((b"<!--", b"-->"), (b"<![CDATA[", b"]]>")):
            if data.rfind(opening, 0, cut) > data.rfind(closing, 0, cut):
                cut = -1
                break
    assert _row_end(data) == cut
    assert not _formula_tag(b"xmlns=openxmlformats footer=" + b"ff" * 100)


@given(st.text(alphabet="hid en<>", max_size=120), st.integers(0, 3))
@settings(max_examples=300, deadline=None)
def test_the_word_found_from_its_first_byte_is_the_substring_search(text, looks):
    """`_holds` (each `h` looked at, then one substring search) answers as `in` does."""
    data = text.encode()
    assert _holds(data, b"hidden", looks) == (b"hidden" in data)


def test_the_row_limit_is_a_setting_and_the_default_holds(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["名称", "数量", "单价"])
    ws.append(["风机", 2, 100])
    ws["A1200"] = "备注"
    path = tmp_path / "tall.xlsx"
    wb.save(path)
    small = SheetLimits(rows=1000)
    with pytest.raises(InputError) as err:
        read_workbook(path, limits=small)
    assert "Costs: the sheet reaches row 1,200, over the limit of 1,000 rows" in str(err.value)
    with pytest.raises(InputError):
        import_cost_sheet(path, limits=small)
    assert read_workbook(path)[0].rows[1] == ["风机", 2, 100]  # the default limit: 200,000 rows
    assert len(import_cost_sheet(path).model.lines) == 1


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc only"
)
def test_the_reader_finds_malloc_trim_on_glibc_and_gives_freed_pages_back():
    """After a read, calamine's freed heap goes back to the system (`release_freed_memory`): on
    glibc Linux the call is found and succeeds (1: memory was released, 0: there was none)."""
    from bidassist.costs.workbook import _malloc_trim, release_freed_memory

    trim = _malloc_trim()
    assert trim is not None
    assert trim(0) in (0, 1)
    release_freed_memory()


_RARE_REF_PLAIN = re.compile(rb'r\s*=\s*["\'](?:([A-Z]{2,3})\d|[A-Z]{0,3}(\d{6,}))')


@settings(max_examples=400)
@given(
    st.lists(
        st.sampled_from(
            [b"r", b"=", b" ", b"\t", b'"', b"'", b"A", b"Z", b"Q", b"1", b"0", b"9", b"<c ", b">"]
        ),
        max_size=60,
    )
)
def test_rare_references_found_as_by_the_pattern_without_possessive_quantifiers(parts: list[bytes]) -> None:
    """`workbook._RARE_REF` (possessive quantifiers, for speed) finds the references beyond column Z
    or row 99,999 that the same pattern written without them finds, at the same places."""
    data = b"".join(parts) + b' r="AB12" r = \'A1234567\' r="A12"'
    want = [(m.span(), m.groups()) for m in _RARE_REF_PLAIN.finditer(data)]
    assert [(m.span(), m.groups()) for m in _RARE_REF.finditer(data)] == want


@settings(max_examples=600)
@given(
    st.lists(
        st.sampled_from(
            [
                b"r",
                b"=",
                b" ",
                b'"',
                b"'",
                b"A",
                b"Z",
                b"Q",
                b"a",
                b"@",
                b"[",
                b"1",
                b"0",
                b"9",
                b"/",
                b":",
                b"<c ",
            ]
        ),
        max_size=80,
    )
)
def test_rare_reference_check_passes_every_piece_the_pattern_matches(parts: list[bytes]) -> None:
    """`_Scratch.rare_ref_possible` says False only for pieces where `_RARE_REF` finds nothing (one
    scratch reused over pieces of different sizes, as a sheet's scan does)."""
    scratch = _Scratch()
    data = b"".join(parts)
    for piece in (data, b"<c " + data + b' r="A1"/>', data[: len(data) // 2]):
        if _RARE_REF.search(piece) is not None:
            assert scratch.rare_ref_possible(piece)


def test_rare_reference_check_finds_wide_columns_and_far_rows() -> None:
    scratch = _Scratch()
    plain = b'<row r="9"><c r="A9" t="n"><v>123456.5</v></c><c r="Z9" s="1"><v>7</v></c></row>' * 20
    assert not scratch.rare_ref_possible(plain)
    for rare in (
        b'<c r="AA9">',
        b"<c r='XFD1'>",
        b'<c r="A100000">',
        b'<row r="123456">',
        b"<c r = 'B1048576'>",
    ):
        assert scratch.rare_ref_possible(plain + rare + plain)
        assert scratch.rare_ref_possible(rare + plain)
        assert scratch.rare_ref_possible(plain + rare)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.floats(allow_nan=False), st.text(max_size=3), st.just("")), max_size=4),
        max_size=140,
    ),
    st.integers(0, 3),
    st.data(),
)
def test_sheet_rows_read_as_the_list_they_hold(body, blank, data):
    """Rows read one by one, by slice and in order as the plain list they were made from, after
    rows appended one at a time and blank rows put before them; a row read is a copy."""
    expected = [list(r) for r in body]
    rows = SheetRows(expected[: len(expected) // 2])
    for r in expected[len(expected) // 2 :]:
        rows.append(r)
    if blank:
        rows.prepend_blank(blank, 2)
        expected = [["", ""] for _ in range(blank)] + expected
    assert len(rows) == len(expected) and list(rows) == expected
    for _ in range(20):
        r = data.draw(st.integers(-len(expected), len(expected) - 1)) if expected else None
        if r is not None:
            row = rows[r]
            assert row == expected[r]
            row.append("changed")
            assert rows[r] == expected[r]
        a, b = data.draw(st.integers(-150, 150)), data.draw(st.integers(-150, 150))
        step = data.draw(st.sampled_from([None, 1, 2, -1]))
        assert rows[a:b:step] == expected[a:b:step]
    with pytest.raises(IndexError):
        rows[len(expected)]
