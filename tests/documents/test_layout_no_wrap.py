"""Layout that holds (issue 12 item 2): a tested width model, and rendered documents in which no
amount and no header wraps, for bids of ¥99.99, ¥1,234,567.89 and ¥9,876,543,210.00."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal as D

import pytest
from bill_fixtures import bill_items, cost_model, write_works_bill
from conftest import chinese_font
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from bidassist.core.bidfile import BillSection
from bidassist.core.money import format_money
from bidassist.documents import render_documents
from bidassist.documents.layout import (
    CELL_MARGIN,
    W,
    char_em,
    fits_one_line,
    text_width,
    unbreakable_width,
)
from bidassist.documents.pdf import soffice_path

TOTALS = [D("99.99"), D("1234567.89"), D("9876543210.00")]
FIGURE = re.compile(r"[¥$]?\d{1,3}(?:,\d{3})*(?:\.\d+)?")
q = "{%s}%s".__mod__


# ---------------------------------------------------------------- the width model


def test_width_model_covers_the_fonts():
    # Times New Roman / Liberation Serif: digits 500/1000 em, comma and point 250; DejaVu Serif
    # digits 636; DejaVu Sans Bold 696. The model takes the widest.
    assert all(char_em(d) >= 0.696 for d in "0123456789")
    assert char_em(",") >= 0.25 and char_em(".") >= 0.25
    assert char_em("中") == 1.0 and char_em("（") == 1.0 and char_em("¥") >= 0.5
    # "Quantity" in 10.5 pt bold is wider than a 1.5 cm column's text area
    assert not fits_one_line("Quantity", int(1.5 * 567), 10.5)


@given(st.text(alphabet="0123456789,.¥中文 Quantity", max_size=30))
def test_unbreakable_width_is_at_most_the_whole(text):
    assert unbreakable_width(text, 10.5) <= text_width(text, 10.5) + 1e-9


# ---------------------------------------------------------------- rendered documents


def _tables(path):
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    for tbl in root.iter(q((W, "tbl"))):
        widths = [int(g.get(q((W, "w")))) for g in tbl.iter(q((W, "gridCol")))]
        rows = []
        for tr in tbl.iter(q((W, "tr"))):
            cells, c = [], 0
            for tc in tr.iterchildren(q((W, "tc"))):
                span = tc.find(f"{q((W, 'tcPr'))}/{q((W, 'gridSpan'))}")
                n = int(span.get(q((W, "val")))) if span is not None else 1
                size = max((int(s.get(q((W, "val")))) / 2 for s in tc.iter(q((W, "sz")))), default=10.5)
                lines = ["".join(p.itertext(q((W, "t")))) for p in tc.iter(q((W, "p")))]
                cells.append((sum(widths[c : c + n]), size, lines))
                c += n
            rows.append(cells)
        yield rows


def _assert_no_wrap(path):
    checked = 0
    for rows in _tables(path):
        for r_i, row in enumerate(rows):
            for width, size, lines in row:
                room = (width - 2 * CELL_MARGIN) / 20  # points
                for line in lines:
                    if r_i == 0 and line:  # a header: whole on one line
                        assert text_width(line, size) <= room, f"{path.name}: header {line!r} wraps"
                    for fig in FIGURE.findall(line):
                        if len(fig) >= 4:
                            checked += 1
                            assert text_width(fig, size) <= room, f"{path.name}: {fig} wraps in {width} twips"
    return checked


@pytest.mark.slow
@pytest.mark.parametrize("total", TOTALS, ids=[format_money(t) for t in TOTALS])
def test_no_amount_or_header_wraps(bid, costs, tmp_path, total):
    bid.tender.ceiling_price = None
    bid.documents.fail_below_cost = False  # ¥99.99 is far below cost: a warning here
    bid.documents.language = "both"
    out = tmp_path / "out"
    report = render_documents(bid, costs, total, out)
    assert not [c for c in report.checks if c.check == "layout"]
    figures = 0
    for f in report.files:
        figures += _assert_no_wrap(f.path)
    assert figures >= 10


@pytest.mark.slow
@pytest.mark.parametrize("total", TOTALS[1:], ids=[format_money(t) for t in TOTALS[1:]])
def test_priced_bill_no_wrap(bid, tmp_path, total):
    items = bill_items()
    costs, bill_map = cost_model(items)
    bid.tender.kind = "works"
    bid.tender.ceiling_price = None
    bid.tender.bill = BillSection(file=write_works_bill(tmp_path / "bill.xlsx", items))
    bid.tender.bill_map = bill_map
    bid.documents.language = "zh"
    bid.documents.fail_below_cost = False
    report = render_documents(bid, costs, total, tmp_path / "out")
    assert not [c for c in report.checks if c.check == "layout"]
    bill = next(f.path for f in report.files if f.name == "priced-bill")
    assert _assert_no_wrap(bill) >= 60


@pytest.mark.slow
@pytest.mark.skipif(
    soffice_path() is None or not chinese_font(),
    reason="LibreOffice, or a font for Chinese, is not installed",
)
def test_libreoffice_keeps_each_amount_on_one_line(bid, costs, tmp_path):
    """Through LibreOffice's PDF: the grand total appears whole on one line of text."""
    from pypdf import PdfReader

    bid.tender.ceiling_price = None
    bid.documents.fail_below_cost = False
    bid.documents.templates = ["opening-summary", "price-breakdown", "price-schedule"]
    total = TOTALS[-1]
    report = render_documents(bid, costs, total, tmp_path / "out", pdf=True)
    for f in report.files:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(f.pdf.read_bytes())).pages)
        assert format_money(total) in text.replace(" ", ""), f.path.name


def test_fonts_declared_with_fallbacks():
    from bidassist.documents.manifest import builtin_templates

    for spec in builtin_templates():
        with zipfile.ZipFile(spec.path) as zf:
            fonts = etree.fromstring(zf.read("word/fontTable.xml"))
        alt = {
            f.get(q((W, "name"))): f.find(q((W, "altName"))).get(q((W, "val")))
            for f in fonts.iter(q((W, "font")))
            if f.find(q((W, "altName"))) is not None
        }
        assert alt["宋体"] == "SimSun" and alt["仿宋"] == "FangSong" and alt["黑体"] == "SimHei", spec.name
        assert alt["Times New Roman"] == "Liberation Serif"


def test_a_table_too_wide_for_the_page_is_reported(bid, tmp_path):
    """A bill with 24 columns (a settlement-style sheet) cannot fit a landscape page even at 7.5 pt:
    the documents are still written, with a layout warning naming the table; the read-back finds
    the buyer's own quantity / rate / amount headers (合同工程量, 投标单价（元）, 合同合价（元）)."""
    from openpyxl import Workbook

    items = bill_items(n_per_section=3)
    wb = Workbook()
    ws = wb.active
    extra = [f"复核意见及说明第{i}项" for i in range(16)]
    ws.append(
        [
            "序号",
            "项目编码",
            "项目名称",
            "项目特征描述",
            "计量单位",
            "合同工程量",
            *extra,
            "投标单价（元）",
            "合同合价（元）",
        ]
    )
    for i, (_s, code, name, feat, unit, q) in enumerate(items, start=1):
        ws.append([i, code, name, feat, unit, float(q), *(["已核"] * len(extra)), None, None])
    wb.save(tmp_path / "wide.xlsx")
    costs, _ = cost_model(items)
    bid.tender.kind = "works"
    bid.tender.bill = BillSection(file=tmp_path / "wide.xlsx")
    bid.tender.bill_map = {code: ["土石方", "混凝土", "通风空调"] for _s, code, *_x in items}
    bid.documents.templates = ["priced-bill", "opening-summary"]
    bid.documents.fail_below_cost = False
    report = render_documents(bid, costs, D("1234567.89"), tmp_path / "out")
    layout = [c for c in report.checks if c.check == "layout"]
    assert len(layout) == 1 and layout[0].severity == "warning" and "table 1" in layout[0].where
    assert any(c.check == "schedule" and c.severity == "ok" for c in report.checks)
