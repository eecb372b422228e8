"""The bound bid (issue 12 item 3): `render --all --bound` writes one 投标文件 .docx — cover page,
table of contents, every form in the tender's order each in its own section (new page, its own
orientation) with the page-number footer — and its PDF when LibreOffice is installed."""

from __future__ import annotations

import io
import zipfile

import pytest
from bill_fixtures import bill_items, cost_model, write_works_bill
from conftest import PRICE, chinese_font
from lxml import etree

from bidassist.core.bidfile import BillSection
from bidassist.core.money import format_money, rmb_upper
from bidassist.documents import render_documents
from bidassist.documents.layout import W
from bidassist.documents.pdf import soffice_path

q = "{%s}%s".__mod__


def _works(bid, tmp_path):
    items = bill_items()
    costs, bill_map = cost_model(items)
    bid.tender.kind = "works"
    bid.tender.bill = BillSection(file=write_works_bill(tmp_path / "bill.xlsx", items))
    bid.tender.bill_map = bill_map
    bid.documents.language = "zh"
    return costs


def _xml(path, part="word/document.xml"):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(part))


@pytest.mark.slow
def test_bound_bid_structure(bid, tmp_path):
    costs = _works(bid, tmp_path)
    report = render_documents(bid, costs, PRICE, tmp_path / "out", bound=True, copy_label="副本")
    assert report.bound is not None and report.bound.name == "00_投标文件（副本）.docx"
    root = _xml(report.bound)
    body = root.find(q((W, "body")))
    texts = ["".join(p.itertext(q((W, "t")))) for p in body.iter(q((W, "p")))]
    # cover
    assert "投 标 文 件" in texts and "（副本）" in texts
    assert any(bid.tender.number in t for t in texts) and any(bid.bidder.company in t for t in texts)
    assert any(t.startswith("日    期：2026年12月10日") for t in texts)
    # contents: one entry per form, in the set's order, each a PAGEREF to a bookmark at its form
    titles = [f.title for f in report.files]
    entries = [t for t in texts if "、" in t[:3] and any(t[2:].startswith(x) for x in titles)]
    assert [e.split("、", 1)[1].split("\t")[0].rstrip("0123456789") for e in entries] == titles
    instr = [i.text.strip() for i in root.iter(q((W, "instrText"))) if "PAGEREF" in i.text]
    marks = [b.get(q((W, "name"))) for b in root.iter(q((W, "bookmarkStart")))]
    assert instr == [f"PAGEREF _bid_form_{i} \\h" for i in range(1, len(titles) + 1)]
    assert marks == [f"_bid_form_{i}" for i in range(1, len(titles) + 1)]
    # every form in its own section: cover/contents + one per form, each with the footer
    sects = list(root.iter(q((W, "sectPr"))))
    assert len(sects) == len(titles) + 1
    assert all(s.find(q((W, "footerReference"))) is not None for s in sects)
    orient = [s.find(q((W, "pgSz"))).get(q((W, "orient"))) for s in sects]
    bill_at = titles.index("已标价清单") + 1
    assert orient[bill_at] == "landscape" and orient[0] != "landscape"
    # the forms' content, totals in capitals and figures
    joined = "\n".join(texts)
    assert f"人民币（大写）{rmb_upper(PRICE)}（¥{format_money(PRICE)}）" in joined
    assert sum(1 for _ in root.iter(q((W, "tbl")))) >= len(titles) - 1
    settings = _xml(report.bound, "word/settings.xml")
    assert settings.find(q((W, "updateFields"))).get(q((W, "val"))) == "true"
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "00_投标文件（副本）.docx" in index


@pytest.mark.slow
@pytest.mark.skipif(
    soffice_path() is None or not chinese_font(),
    reason="LibreOffice, or a font for Chinese, is not installed",
)
def test_bound_bid_pdf_pages(bid, tmp_path):
    from pypdf import PdfReader

    costs = _works(bid, tmp_path)
    report = render_documents(bid, costs, PRICE, tmp_path / "out", bound=True)
    pages = PdfReader(io.BytesIO(report.bound_pdf.read_bytes())).pages
    texts = [p.extract_text() for p in pages]
    assert "投 标 文 件" in texts[0] and "目" in texts[1]
    # the contents' page numbers point at the pages where each form starts
    for line in texts[1].splitlines():
        if "、" in line[:3]:
            title, page = line.split("、", 1)[1].rstrip("0123456789"), int(line.rsplit(".", 1)[-1])
            title = title.rstrip(".")
            heading = texts[page - 1].lstrip().splitlines()[0]
            assert title[:4] in heading or heading.startswith(("已标价工程量清单", "分项报价表")), (
                title,
                heading,
            )
    # page numbers run through the whole bound bid
    assert f"第{len(pages)}页共{len(pages)}页" in texts[-1].replace(" ", "")
