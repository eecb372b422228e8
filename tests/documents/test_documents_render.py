"""Rendering the built-in templates with the bundled example, read back with python-docx."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from decimal import Decimal as D
from pathlib import Path

import pytest
from conftest import PRICE
from docx import Document
from docx.oxml.ns import qn

from bidassist.core.errors import InputError, OutputExistsError, ProblemsError
from bidassist.core.money import amount_words, format_money, parse_rmb_upper, rmb_upper
from bidassist.documents import builtin_templates, inspect_fields, render_documents, render_template
from bidassist.documents.manifest import TEMPLATES_DIR

ALL = [s.name for s in builtin_templates() if s.include != "bill"]  # priced-bill: test_priced_bill.py


def texts(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    doc = Document(str(path))
    paragraphs = [p.text for p in doc.paragraphs]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    return paragraphs, tables


def all_text(path: Path) -> str:
    paragraphs, tables = texts(path)
    return "\n".join(paragraphs + [c for t in tables for row in t for c in row])


def test_manifest_lists_every_form_and_its_fields_match_the_template():
    specs = {s.title: s for s in builtin_templates()}
    for title in (
        "投标函",
        "投标函附录",
        "开标一览表",
        "分项报价表",
        "法定代表人身份证明",
        "授权委托书",
        "商务偏离表",
        "技术偏离表",
        "Form of Tender",
        "Price Schedule",
        "Compliance Matrix",
    ):
        assert title in specs
        spec = specs[title]
        assert spec.path.is_file() and spec.path.parent.parent == TEMPLATES_DIR
        fields = [f.path + ("" if f.required else " (optional)") for f in inspect_fields(spec)]
        assert list(spec.fields) == fields, f"{title}: manifest out of date, run templates/build_templates.py"


@pytest.mark.slow
@pytest.mark.parametrize("name", ALL)
def test_every_builtin_template_renders_the_example(name, bid, costs, tmp_path):
    bid.offer.appendix = []
    out = render_template(name, bid, costs, PRICE, tmp_path / f"{name}.docx")
    text = all_text(out)
    assert "{{" not in text and "{%" not in text
    assert bid.bidder.company in text or name in ("commercial-deviations",)
    if name in ("bid-letter", "opening-summary", "price-breakdown"):
        assert rmb_upper(PRICE) in text and format_money(PRICE) in text
        assert parse_rmb_upper(rmb_upper(PRICE)) == PRICE
    if name in ("form-of-tender", "price-schedule"):
        assert amount_words(PRICE, "CNY") in text and format_money(PRICE) in text
    if name.startswith(("bid-letter", "opening", "price-b", "legal", "power", "commercial", "technical")):
        assert "2026年12月10日" in text
    if name in ("form-of-tender", "price-schedule", "compliance-matrix"):
        assert "10 December 2026" in text


def test_bid_letter_and_opening_summary_figures(bid, costs, tmp_path):
    letter = all_text(render_template("投标函", bid, costs, PRICE, tmp_path / "l.docx"))
    assert f"人民币（大写）{rmb_upper(PRICE)}（¥{format_money(PRICE)}）" in letter
    assert "投标有效期90日历天" in letter and "交货期（工期）110日历天" in letter
    assert "人民币（大写）捌万元整（¥80,000.00）" in letter
    assert "含增值税，税率13%" in letter
    _, tables = texts(render_template("开标一览表", bid, costs, PRICE, tmp_path / "o.docx"))
    rows = {r[0]: r[1] for r in tables[0]}
    assert rows["投标总价"].startswith(f"大写：人民币{rmb_upper(PRICE)}\n小写：¥{format_money(PRICE)}")
    assert rows["交货期（工期）"] == "110日历天" and rows["质量保证期"] == "24个月"


@pytest.mark.parametrize("name", ["price-breakdown", "price-schedule"])
def test_schedule_rows_are_priced_and_add_up(name, bid, costs, tmp_path):
    _, tables = texts(render_template(name, bid, costs, PRICE, tmp_path / "s.docx"))
    table = tables[0]
    header, body = table[0], table[1:]
    data_rows = [r for r in body if r[0].isdigit()]
    assert len(data_rows) == len(costs.lines)
    q_i, up_i, amt_i = (
        next(i for i, h in enumerate(header) if h in names)
        for names in (("数量", "Quantity"), ("单价（元）", "Unit rate"), ("合价（元）", "Amount"))
    )
    assert amt_i == len(header) - 1  # nothing internal (category, remarks) after the amount
    total = D(0)
    for row, line in zip(data_rows, costs.lines, strict=True):
        q, up, amt = (D(row[i].replace(",", "")) for i in (q_i, up_i, amt_i))
        assert q == line.quantity
        assert (up * q).quantize(D("0.01")) == amt or abs(up * q - amt) <= D("0.005")
        total += amt
    assert total == PRICE
    assert body[-1][0] in ("合计", "Total") and body[-1][-1] == format_money(PRICE)


def test_deviation_tables_and_compliance_matrix(bid, costs, tmp_path):
    _, tables = texts(render_template("技术偏离表", bid, costs, PRICE, tmp_path / "t.docx"))
    rows = tables[0][1:]
    assert [r[1] for r in rows] == ["5.1.3", "5.2.1"] and [r[4] for r in rows] == ["无偏离", "正偏离"]
    _, tables = texts(render_template("compliance-matrix", bid, costs, PRICE, tmp_path / "c.docx"))
    assert [r[0] for r in tables[0][1:]] == ["1", "2", "3", "4"]
    bid.offer.deviations = []
    _, tables = texts(render_template("商务偏离表", bid, costs, PRICE, tmp_path / "n.docx"))
    assert tables[0][1][4] == "无偏离" and len(tables[0]) == 2


@pytest.mark.slow
def test_render_all_writes_the_set_and_an_index(bid, costs, tmp_path):
    out = tmp_path / "docs"
    report = render_documents(bid, costs, PRICE, out)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f.path.name for f in report.files] + ["index.html", "index.json"])
    assert len(report.files) == 10  # zh (no appendix for this goods tender) + en
    assert "02_投标函附录.docx" not in names
    index = (out / "index.html").read_text(encoding="utf-8")
    assert json.loads((out / "index.json").read_text(encoding="utf-8"))["price"] == f"{PRICE:.2f}"
    assert "01_投标函.docx" in index and format_money(PRICE) in index
    assert any(c.check == "same-total" and c.severity == "ok" for c in report.checks)
    with pytest.raises(OutputExistsError):
        render_documents(bid, costs, PRICE, out)
    again = render_documents(bid, costs, PRICE, out, force=True)
    assert len(again.files) == 10


def test_appendix_included_when_the_tender_needs_it(bid, costs, tmp_path):
    from bidassist.core.bidfile import AppendixItem

    bid.offer.project_manager = "王工"
    bid.offer.appendix = [AppendixItem(name="逾期违约金", clause="12.3", content="每日0.5‰，最高5%")]
    report = render_documents(bid, costs, PRICE, tmp_path / "d", names=None)
    appendix = [f for f in report.files if f.name == "bid-letter-appendix"]
    assert appendix
    _, tables = texts(appendix[0].path)
    names = [r[1] for r in tables[0][1:]]
    assert names[0] == "项目经理" and "逾期违约金" in names and "质量保证金" in names
    assert tables[0][-1][2] == "12.3"


def test_values_are_escaped_for_word_xml(bid, costs, tmp_path):
    company = 'A & B <Tech> "Q" \'s'
    bid.bidder.company = company
    bid.tender.buyer = "<w:p>&amp;</w:p>"
    out = render_template("投标函", bid, costs, PRICE, tmp_path / "e.docx")
    paragraphs, _ = texts(out)
    assert f"投标人：{company}（盖单位章）" in paragraphs
    assert "致：<w:p>&amp;</w:p>" in paragraphs


def test_chinese_fonts_survive_rendering(bid, costs, tmp_path):
    out = render_template("投标函", bid, costs, PRICE, tmp_path / "f.docx")
    doc = Document(str(out))
    normal = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    para = next(p for p in doc.paragraphs if p.text.startswith("1. 我方已仔细研究"))
    fonts = {r.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for r in para.runs}
    assert fonts == {"仿宋"}
    heading = doc.paragraphs[0]
    assert heading.text == "投标函"
    with zipfile.ZipFile(out) as zf:
        footer = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("word/footer"))
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_missing_fields_are_all_listed_and_nothing_is_written(bid, costs, tmp_path):
    bid.bidder.post_code = None
    bid.bidder.legal_representative.age = None
    bid.bidder.authorised_agent.id_number = None
    out = tmp_path / "set"
    with pytest.raises(ProblemsError) as err:
        render_documents(bid, costs, PRICE, out)
    text = "\n".join(str(p) for p in err.value.problems)
    assert "bidder.post_code" in text and "bidder.legal_representative.age" in text
    assert "bidder.authorised_agent.id_number" in text
    assert "投标函" in text and "法定代表人身份证明" in text and "授权委托书" in text
    assert not out.exists() or not any(out.iterdir())
    single = tmp_path / "one.docx"
    with pytest.raises(ProblemsError, match="bidder.post_code"):
        render_template("投标函", bid, costs, PRICE, single)
    assert not single.exists()


def test_failed_checks_write_nothing(bid, costs, tmp_path):
    bid.offer.bid_validity_days = 60  # the tender requires 90
    with pytest.raises(ProblemsError, match="shorter than the 90 days"):
        render_documents(bid, costs, PRICE, tmp_path / "x")
    assert not (tmp_path / "x").exists()
    bid.offer.bid_validity_days = 90
    with pytest.raises(ProblemsError, match="above the ceiling"):
        render_template("投标函", bid, costs, D("12000000"), tmp_path / "y.docx")
    with pytest.raises(ProblemsError, match="below the expected cost"):
        render_template("投标函", bid, costs, D("3000000"), tmp_path / "y.docx")
    assert not (tmp_path / "y.docx").exists()


def test_stale_date_and_starred_negative_deviation_are_errors(bid, costs, tmp_path):
    bid.offer.date = dt.date(2026, 12, 20)
    bid.offer.deviations[2].deviation = "negative"
    with pytest.raises(ProblemsError) as err:
        render_template("投标函", bid, costs, PRICE, tmp_path / "z.docx")
    text = str(err.value)
    assert "after the submission deadline 2026-12-15" in text and "★" in text


def test_below_cost_is_only_a_warning_without_a_policy(bid, costs, tmp_path):
    bid.documents.fail_below_cost = False
    report = render_documents(bid, costs, D("5000000"), tmp_path / "w", names=["投标函"])
    assert [c.check for c in report.warnings] == ["below-cost"]
    assert (tmp_path / "w" / "01_投标函.docx").exists()


def test_never_overwrites_without_force_nor_an_input(bid, costs, tmp_path):
    out = tmp_path / "a.docx"
    out.write_bytes(b"keep")
    with pytest.raises(OutputExistsError):
        render_template("投标函", bid, costs, PRICE, out)
    assert out.read_bytes() == b"keep"
    render_template("投标函", bid, costs, PRICE, out, force=True)
    assert out.read_bytes() != b"keep"
    template = tmp_path / "mine.docx"
    template.write_bytes((TEMPLATES_DIR / "zh" / "投标函.docx").read_bytes())
    with pytest.raises(InputError, match="input file"):
        render_template(template, bid, costs, PRICE, template, force=True)
    with pytest.raises(InputError, match="must end with .docx"):
        render_template("投标函", bid, costs, PRICE, tmp_path / "a.pdf")


def test_multi_line_values_become_line_breaks(bid, costs, tmp_path):
    bid.offer.remarks = "第一行\n第二行"
    out = render_template("投标函", bid, costs, PRICE, tmp_path / "m.docx")
    paragraphs, _ = texts(out)
    assert "6. 其他补充说明：第一行\n第二行" in paragraphs
