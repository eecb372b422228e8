"""The docxtpl steps bidassist skips run whenever they would change anything: the table fix
(render._grids_match) and the listing pass (render._DocxTemplate.resolve_listing)."""

from __future__ import annotations

import zipfile

import pytest
from conftest import PRICE
from docxtpl import DocxTemplate
from lxml import etree

from bidassist.documents import render
from bidassist.documents.render import _grids_match, render_template

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _cell(span: int = 1) -> str:
    pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{pr}<w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"


def _doc(*tables: str) -> bytes:
    return f'<w:document xmlns:w="{W}"><w:body>{"".join(tables)}</w:body></w:document>'.encode()


def _table(rows: list[list[int]], grid: int = 3, inner: str = "") -> str:
    cols = "".join('<w:gridCol w:w="1000"/>' for _ in range(grid))
    body = "".join("<w:tr>" + "".join(_cell(s) for s in row) + "</w:tr>" for row in rows)
    if inner:
        body += f"<w:tr><w:tc>{inner}<w:p/></w:tc>{_cell(2)}</w:tr>"
    return f"<w:tbl><w:tblPr/><w:tblGrid>{cols}</w:tblGrid>{body}</w:tbl>"


def _docxtpl_changes(xml: bytes) -> bool:
    fixed = DocxTemplate.fix_tables(None, xml)  # docxtpl's pass does not use its template
    return etree.tostring(fixed) != etree.tostring(etree.fromstring(xml))


@pytest.mark.parametrize(
    ("xml", "match"),
    [
        (_doc(_table([[1, 1, 1], [1, 1, 1], [2, 1]])), True),  # full rows and a total row
        (_doc(_table([[1, 1, 1]]), _table([[1, 1], [2]], grid=2)), True),
        (_doc(_table([[1, 1, 1], [1, 1, 1, 1]])), False),  # a column loop made a fourth cell
        (_doc(_table([[2, 1], [1, 2]])), False),  # no row of three cells: docxtpl decides
        (_doc(_table([[1, 1]])), False),  # a grid column no row reaches
        (_doc(_table([[1, 1, 1]], inner=_table([[1, 1]], grid=2))), False),  # nested
        (_doc("<w:tbl><w:tr>" + _cell() + "</w:tr></w:tbl>", ""), False),  # no grid
    ],
)
def test_grids_match_only_when_docxtpl_changes_nothing(xml: bytes, match: bool) -> None:
    root = etree.fromstring(xml)
    assert _grids_match(root) is match
    if match:
        assert not _docxtpl_changes(xml)


def test_docxtpl_fix_changes_the_grid_where_skipping_is_refused() -> None:
    assert _docxtpl_changes(_doc(_table([[1, 1, 1], [1, 1, 1, 1]])))
    assert _docxtpl_changes(_doc(_table([[1, 1]])))


@pytest.mark.parametrize("name", ["分项报价表", "price-schedule", "compliance-matrix"])
def test_docxtpl_own_pass_writes_the_same_document(name, bid, costs, tmp_path, monkeypatch) -> None:
    """Where the skip is refused, docxtpl's own pass runs: on a template it leaves unchanged the
    document is the same byte for byte."""
    fast = render_template(name, bid, costs, PRICE, tmp_path / "fast.docx")
    monkeypatch.setattr(render, "_grids_match", lambda root: False)
    slow = render_template(name, bid, costs, PRICE, tmp_path / "slow.docx")
    with zipfile.ZipFile(fast) as a, zipfile.ZipFile(slow) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


@pytest.mark.parametrize("ch", ["\n", "\t", "\a", "\f"])
def test_listing_pass_runs_only_when_a_listing_character_is_there(ch: str) -> None:
    """docxtpl's listing pass (a newline in a value -> a line break ...) still runs whenever the
    rendered XML holds one of its characters; without any it is skipped, the XML unchanged."""
    tpl = render._DocxTemplate(render.find_template("分项报价表").path)
    plain = f'<w:p xmlns:w="{W}"><w:r><w:t xml:space="preserve">a b</w:t></w:r></w:p>'
    assert tpl.resolve_listing(plain) is plain
    listed = plain.replace("a b", f"a{ch}b")
    assert tpl.resolve_listing(listed) == DocxTemplate.resolve_listing(tpl, listed) != listed
