"""清单计价: the buyer's bill priced item by item (issue 12 item 1). The rendered priced bill, read
back with python-docx, has exactly the buyer's codes, units and quantities in order; every 合价 is
综合单价 × 工程量 to the cent; Σ 合价 = the 开标一览表 total = the 投标函 total, in figures and capitals."""

from __future__ import annotations

from decimal import ROUND_HALF_UP
from decimal import Decimal as D

import pytest
from bill_fixtures import SECTIONS, bill_items, cost_model, write_goods_bill, write_works_bill
from conftest import PRICE
from docx import Document

from bidassist.core.bidfile import BillSection, GoodsOffer
from bidassist.core.errors import BidassistError, ProblemsError
from bidassist.core.money import format_money, parse_rmb_upper, rmb_upper
from bidassist.documents import render_documents


def _num(text: str) -> D:
    return D(text.replace(",", ""))


def _table(path):
    doc = Document(str(path))
    return [[c.text for c in row.cells] for row in doc.tables[0].rows], doc


def _works_bid(bid, tmp_path, items, **bill):
    path = write_works_bill(tmp_path / "招标清单.xlsx", items)
    costs, bill_map = cost_model(items)
    bid.tender.kind = "works"
    bid.tender.bill = BillSection(file=path, **bill)
    bid.tender.bill_map = bill_map
    bid.documents.language = "zh"
    return costs


def _check_totals(out, total):
    letter = "\n".join(p.text for p in Document(str(out / "01_投标函.docx")).paragraphs)
    assert f"人民币（大写）{rmb_upper(total)}（¥{format_money(total)}）" in letter
    summary, _ = _table(out / "03_开标一览表.docx")
    cell = dict((r[0], r[1]) for r in summary)["投标总价"]
    assert cell.startswith(f"大写：人民币{rmb_upper(total)}\n小写：¥{format_money(total)}")
    assert parse_rmb_upper(rmb_upper(total)) == total


def test_works_bill_of_66_items_in_three_sections(bid, tmp_path):
    items = bill_items()
    assert len(items) >= 60
    costs = _works_bid(bid, tmp_path, items)
    out = tmp_path / "out"
    report = render_documents(bid, costs, PRICE, out)
    assert report.price == PRICE
    rows, doc = _table(out / "04_已标价清单.docx")
    header = rows[0]
    # the buyer's columns in the buyer's order, nothing internal
    assert header == [
        "序号",
        "项目编码",
        "项目名称",
        "项目特征描述",
        "计量单位",
        "工程量",
        "综合单价",
        "合价",
        "备注",
    ]
    body = rows[1:]
    priced = [r for r in body if r[0].isdigit()]
    assert [r[1] for r in priced] == [code for _s, code, *_ in items]
    assert [r[4] for r in priced] == [unit for *_x, unit, _q in items]
    assert [_num(r[5]) for r in priced] == [q for *_x, q in items]
    assert [r[3] for r in priced] == [f for _s, _c, _n, f, _u, _q in items]
    total = D(0)
    for r in priced:
        q, rate, amount = _num(r[5]), _num(r[6]), _num(r[7])
        assert rate == rate.quantize(D("0.01"))
        assert amount == (rate * q).quantize(D("0.01"), rounding=ROUND_HALF_UP)
        total += amount
    assert total == PRICE
    headings = [r[0] for r in body if len(set(r)) == 1 and r[0]]
    assert headings == [s for s, *_ in SECTIONS]
    subtotals = [_num(r[7]) for r in body if r[0] == "小计"]
    assert len(subtotals) == 3 and sum(subtotals) == PRICE
    assert body[-1][0] == "合计" and _num(body[-1][7]) == PRICE
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"人民币{rmb_upper(PRICE)}（¥{format_money(PRICE)}）" in text
    assert "已标价工程量清单" in text
    _check_totals(out, PRICE)
    # internal data never reaches the buyer
    everything = text + "".join("".join(r) for r in rows)
    assert not any(w in everything for w in ("土石方成本", "混凝土-", "通风空调-", "工日"))


def test_goods_bill_gets_brand_model_origin_delivery(bid, tmp_path):
    items = bill_items(n_per_section=21)
    path = write_goods_bill(tmp_path / "货物清单.xlsx", items)
    costs, _ = cost_model(items)
    cats = {SECTIONS[0][0]: "土石方", SECTIONS[1][0]: "混凝土", SECTIONS[2][0]: "通风空调"}
    # a goods list without item codes: its 序号 is the item's key
    bid.tender.bill_map = {str(i): [cats[s]] for i, (s, *_x) in enumerate(items, start=1)}
    bid.tender.bill = BillSection(
        file=path,
        goods={
            "*": GoodsOffer(brand="洁净牌", model="JK-100", origin="江苏无锡", delivery="合同签订后60日历天"),
            "1": GoodsOffer(brand="开利", model="39CBF-22", origin="上海", delivery="合同签订后90日历天"),
        },
    )
    bid.documents.language = "zh"
    out = tmp_path / "out"
    render_documents(bid, costs, PRICE, out)
    rows, doc = _table(out / "04_已标价清单.docx")
    assert rows[0] == [
        "序号",
        "货物名称",
        "技术参数",
        "数量",
        "单位",
        "品牌（制造商）",
        "型号规格",
        "产地",
        "交货期",
        "单价（元）",
        "合价（元）",
        "备注",
    ]
    priced = [r for r in rows[1:] if r[0].isdigit()]
    assert [r[1] for r in priced] == [n for _s, _c, n, *_ in items]
    assert [_num(r[3]) for r in priced] == [q for *_x, q in items]
    assert priced[0][5:9] == ["开利", "39CBF-22", "上海", "合同签订后90日历天"]
    assert all(r[5:9] == ["洁净牌", "JK-100", "江苏无锡", "合同签订后60日历天"] for r in priced[1:])
    assert all(
        _num(r[10]) == (_num(r[9]) * _num(r[3])).quantize(D("0.01"), rounding=ROUND_HALF_UP) for r in priced
    )
    assert sum(_num(r[10]) for r in priced) == PRICE
    assert "分项报价表" in "\n".join(p.text for p in doc.paragraphs)
    _check_totals(out, PRICE)


def test_goods_bill_without_brands_is_refused(bid, tmp_path):
    items = bill_items(n_per_section=21)
    path = write_goods_bill(tmp_path / "货物清单.xlsx", items)
    costs, _ = cost_model(items)
    bid.tender.bill_map = {str(i): ["土石方"] for i in range(1, len(items) + 1)}
    bid.tender.bill = BillSection(file=path, goods={"1": GoodsOffer(brand="开利", model="X", origin="上海")})
    with pytest.raises(BidassistError) as exc:
        render_documents(bid, costs, PRICE, tmp_path / "out")
    assert "62 item(s) lack them" in str(exc.value)


def test_unmapped_items_are_listed(bid, tmp_path):
    items = bill_items()
    costs = _works_bid(bid, tmp_path, items)
    missing = [items[30][1], items[50][1]]
    for code in missing:
        del bid.tender.bill_map[code]
    with pytest.raises(ProblemsError) as exc:
        render_documents(bid, costs, PRICE, tmp_path / "out")
    message = str(exc.value)
    assert "2 bill item(s) mapped to no cost line" in message
    assert all(code in message for code in missing)
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_unreachable_total_moves_to_the_nearest_and_says_so(bid, tmp_path):
    # whole-yuan rates on whole quantities: totals move in whole yuan, so .21 cannot be reached
    items = [(s, c, n, f, u, D(int(q) or 1)) for s, c, n, f, u, q in bill_items()]
    costs = _works_bid(bid, tmp_path, items, rate_decimals=0)
    out = tmp_path / "out"
    report = render_documents(bid, costs, PRICE, out)
    assert report.price != PRICE and abs(report.price - PRICE) < 1
    assert report.price == report.price.to_integral_value()
    assert any("nearest reachable figure" in n for n in report.notes)
    assert any(c.check == "bill-total" and c.severity == "warning" for c in report.checks)
    rows, _ = _table(out / "04_已标价清单.docx")
    priced = [r for r in rows[1:] if r[0].isdigit()]
    assert all(_num(r[6]) == _num(r[6]).to_integral_value() for r in priced)
    assert sum(_num(r[7]) for r in priced) == report.price
    _check_totals(out, report.price)


def test_map_template_round_trip(bid, tmp_path):
    """The estimator's route: write the mapping sheet, fill 对应成本行, name it in tender.bill.mapping."""
    from openpyxl import load_workbook

    from bidassist.documents.bill import write_map_template

    items = bill_items()
    costs = _works_bid(bid, tmp_path, items)
    bill_map = bid.tender.bill_map
    bid.tender.bill_map = {}
    sheet = write_map_template(bid, costs, tmp_path / "map.xlsx")
    wb = load_workbook(sheet)
    ws = wb["清单映射"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == [c for _s, c, *_ in items]
    prefilled = {r[1]: r[5] for r in rows if r[5]}
    assert set(prefilled) == {c for s, c, *_ in items if s == SECTIONS[0][0]}  # equal codes
    for i, r in enumerate(rows, start=2):
        if not r[5]:
            ws.cell(i, 6, "，".join(bill_map[r[1]]))
    wb.save(sheet)
    bid.tender.bill = bid.tender.bill.model_copy(update={"mapping": sheet})
    report = render_documents(bid, costs, PRICE, tmp_path / "out")
    assert report.price == PRICE
