"""Session 36: a contract form's head as Word and template tools write it (benchmarks/score_from_files.py).

- A table row is a record of its own: 「合同编号：… | 签订地点：杭州市余杭区」 is not a sentence wrapped onto the
  next row 「签订日期：…」 and then onto the parties' row, which hid the parties' rows and the place of signing
  from the document-level forum reading.
- Two parties on one signature line with no space between them (「乙方：{sellerName}甲方：{buyerName}」, or a tab in
  the .docx) are two parties; the first one's name is not 「{sellerName}甲方」.
- The place of signing stops at the next field written against it (「签订地点：杭州市余杭区签订日期：」).
"""

from __future__ import annotations

from bidassist.checklist import load_packs
from bidassist.checklist.api import check_text
from bidassist.checklist.forum import _signing_place
from bidassist.checklist.parties import _clean_name
from bidassist.checklist.units import join_wrapped

RULES = load_packs(None)

_FORM_HEAD = (
    "通用设备采购合同\n"
    "合同编号：{{r contractNo }} | 签订地点：杭州市余杭区\n"
    "签订日期：{{r signYear }}年{{r signMonth }}月{{r signDay }}日\n"
    "需方（甲方）：浙江某某科技股份有限公司 | 供方（乙方）：{{r supplierName }}\n"
    "联系地址：浙江省杭州市余杭区仓前街道某某路1号 | 地址：{{r supplierAddress }}\n"
    "一、 采购设备\n1.1 乙方按附件一供货。\n"
    "十一、 争议解决\n"
    "11.1 凡与本合同有关的一切争议，双方应友好协商解决。如协商不成，任何一方均应向合同签订地的人民法院提起诉讼。\n"
    "十二、 其他\n12.1 本合同一式两份。\n"
)


def test_table_rows_are_never_joined_as_wrapped_lines() -> None:
    rows = ["合同编号：{{r contractNo }} | 签订地点：杭州市余杭区", "签订日期：{{r signYear }}年"]
    assert join_wrapped(rows).split("\n") == rows
    # a sentence wrapped in plain text is still joined
    assert join_wrapped(["乙方应在收到甲方书面通知后的十个工作日内", "完成整改。"]) == (
        "乙方应在收到甲方书面通知后的十个工作日内完成整改。"
    )


def test_the_court_of_the_signing_place_in_a_form_head_is_the_buyers() -> None:
    result = check_text(_FORM_HEAD, RULES)
    forum = [f for f in result.findings if f.category == "dispute.forum"]
    assert [f.clause for f in forum] == ["11.1"]
    # the same court where the place of signing is ours (our address in that district) is neutral
    ours = _FORM_HEAD.replace("地址：{{r supplierAddress }}", "地址：浙江省杭州市余杭区某某路2号").replace(
        "联系地址：浙江省杭州市余杭区仓前街道某某路1号", "联系地址：江苏省南京市鼓楼区某某路1号"
    )
    assert "dispute.forum" not in {f.category for f in check_text(ours, RULES).findings}


def test_two_parties_on_one_line_without_a_space_between() -> None:
    assert _clean_name("{sellerName}甲方") == "{sellerName}"
    assert _clean_name("{sellerName}\t甲方") == "{sellerName}"
    assert _clean_name("某某小区业主") == "某某小区业主"  # a label word inside a name, with no colon after it
    text = (
        "采购合同\n采购单位（下称甲方）：某某建设有限公司\n供应单位（下称乙方）：某某建材有限公司\n"
        "第一条 乙方按清单供货。\n第二条 本合同一式两份。\n乙方：{sellerName}甲方：{buyerName}\n"
    )
    parties = check_text(text, RULES).parties["parties"]
    assert {p["role"] for p in parties} == {"buyer", "supplier"}
    assert not any("甲方" in (p["name"] or "") for p in parties if p["role"] == "supplier")


def test_the_signing_place_stops_at_the_next_field() -> None:
    class _U:
        text = "合同编号：X | 签订地点：杭州市余杭区签订日期：2026年1月1日"

    assert _signing_place([_U()]) == "杭州市余杭区"


# --- session 36: wordings from the independent probe set A (benchmarks/probe_clauses.py), each with its twin ---


def _categories(text: str) -> set[str]:
    return {f.category for f in check_text(text, RULES).findings}


_EN_HEAD = "AGREEMENT\nEmployer: Gulf Coast Water Authority\nContractor: Aquamar Works S.L.\n1. Scope. The Contractor shall build the plant.\n"


def test_a_security_sized_further_from_its_name_than_the_window() -> None:
    long = (
        "4.2 The Contractor shall deliver to the Employer a Performance Security in the form of an unconditional, "
        "irrevocable on-demand bank guarantee in the amount of {p} of the Accepted Contract Amount.\n"
    )
    assert "bond.performance_excessive" in _categories(_EN_HEAD + long.format(p="fifteen percent (15%)"))
    assert "bond.performance_excessive" not in _categories(_EN_HEAD + long.format(p="ten percent (10%)"))


def test_a_weekly_rate_named_after_its_period() -> None:
    from bidassist.core.numbers import find_daily_rates

    text = (
        "For each complete week by which delivery of any Goods is late, the Supplier shall pay liquidated damages of "
        "one per cent (1%) of the value of the relevant Order"
    )
    (rate,) = find_daily_rates(text)
    assert abs(float(rate.value) - 0.01 / 7) < 1e-9
    # a figure two sentences on is not the rate
    assert find_daily_rates("For each week of delay the Supplier shall report. The price is 5% higher.") == []


def test_a_vulgar_fraction_is_part_of_its_percent() -> None:
    from bidassist.core.numbers import find_percents

    assert [f.value for f in find_percents("less seven and one-half percent (7½%) to be withheld")] == [
        __import__("decimal").Decimal("0.075")
    ]


def test_retention_held_back_without_the_word() -> None:
    text = (
        _EN_HEAD
        + "5.1 Each progress payment shall be the value of the Work completed, less the aggregate of previous "
        "payments and less {p} to be withheld pending completion of the Work.\n"
    )
    assert "retention.excessive" in _categories(text.format(p="seven and one-half percent (7½%)"))
    assert "retention.excessive" not in _categories(text.format(p="two percent (2%)"))


def test_a_professional_subcontractor_and_the_main_contractor() -> None:
    text = (
        "合同\n承包人（总承包单位）：某某建设集团股份有限公司\n专业分包人：某某幕墙工程有限公司\n"
        "第一条 专业分包人按图施工。\n"
        "第十条 专业分包人确认，承包人向其支付分包工程款以发包人已向承包人支付对应部分工程款为前提条件。\n"
        "第十一条 其他 本合同一式两份。\n"
    )
    result = check_text(text, RULES)
    roles = {p["labels"][0]: p["role"] for p in result.parties["parties"]}
    assert roles == {"承包人": "buyer", "专业分包人": "supplier"}
    assert "payment.back_to_back" in {f.category for f in result.findings}
    twin = text.replace(
        "以发包人已向承包人支付对应部分工程款为前提条件", "不以发包人是否付款为条件，于收到请款单后30日内支付"
    )
    assert "payment.back_to_back" not in _categories(twin)


def test_a_supplier_named_evergreen_renews_nothing() -> None:
    text = (
        "AGREEMENT\nBuyer: Pacific Hospital Supply Cooperative\nSupplier: Evergreen Surgical Textiles, Inc.\n"
        "3.1 Term. This Agreement shall continue for three (3) years and shall expire at the end of the term.\n"
    )
    assert "renewal.auto" not in _categories(text)


# --- session 36: wordings from probe set B's development half (services and IT), each with its twin ---


def test_services_wordings_en() -> None:
    head = "AGREEMENT\nCustomer: Pioneer Logistics Parks LLC\nVendor: Guardian Patrol Services Inc.\n1. Scope. The Vendor shall perform the services.\n"
    ip = (
        "13.2 The Vendor assigns to the Customer all intellectual property rights in the Deliverables and in any "
        "methodologies, models, know-how and analytical tools used or developed by the Vendor.\n"
    )
    assert "ip.assignment" in _categories(head + ip)
    assert "ip.assignment" not in _categories(
        head + "13.2 The Vendor assigns to the Customer all rights in the Deliverables.\n"
    )
    excl = "6.6 The Vendor shall procure all spare parts required for the Services exclusively from the Customer.\n"
    assert "exclusivity" in _categories(head + excl)
    assert "exclusivity" not in _categories(
        head + excl.replace("exclusively from the Customer", "from any supplier")
    )
    setoff = (
        "9.5 The Customer may set off against sums due to the Vendor only sums which the Vendor has admitted in "
        "writing to be due or which have been finally determined by a court.\n"
    )
    assert "payment.set_off" not in _categories(head + setoff)
    assert "payment.set_off" in _categories(
        head + "9.5 The Customer may set off against sums due to the Vendor any sums it claims.\n"
    )
    uncapped = (
        "4.3 Performance Deductions shall accumulate without limit and are in addition to any other remedy.\n"
    )
    assert "penalty.uncapped" in _categories(head + uncapped)


def test_services_wordings_zh() -> None:
    head = "合同\n甲方：某某银行股份有限公司\n乙方：某某软件科技有限公司\n第一条 乙方按附件提供服务。\n"
    loss = "第十四条 甲方因此产生的损失均由乙方赔偿，赔偿范围涵盖商誉损失、客户流失损失、可得利益损失。\n"
    assert "liability.consequential" in _categories(head + loss)
    assert "liability.consequential" not in _categories(
        head + loss.replace("均由乙方赔偿", "均由甲方自行承担")
    )
    funded = "第七条 本项目由乙方先行投资建设，建设期间甲方不支付任何费用；系统终验合格后，合同价款分五年等额支付。\n"
    assert "payment.advance_funding" in _categories(head + funded)
    assert "payment.advance_funding" not in _categories(
        head + "第七条 甲方按月支付已完成工作量80%的进度款。\n"
    )
    cash = "第十一条 乙方应以现金方式缴纳履约保证金，甲方收到后不再接受乙方以保函置换。\n"
    assert "deposit.unlawful" in _categories(head + cash)
    assert "deposit.unlawful" not in _categories(
        head + "第十一条 乙方可以现金或银行保函形式提交履约保证金。\n"
    )
    redo = "第八条 设计成果以甲方审查通过为准，甲方有权要求乙方反复修改直至甲方满意。\n"
    assert "acceptance.no_deadline" in _categories(head + redo)
    peers = "第十条 合同期内，乙方不得在华东区域为其他生鲜电商企业提供仓储和配送服务。\n"
    assert "exclusivity" in _categories(head + peers)
    assert "exclusivity" not in _categories(head + "第十条 乙方不得向其他单位提供甲方的资料。\n")


def test_a_customer_is_a_buyer() -> None:
    text = "合同\n客户：某某制造（中国）有限公司\n服务商：某某云计算有限公司\n4.2 客户应于收到发票后七十五（75）日内付款。\n"
    assert "payment.long_term" in _categories(text)
    assert "payment.long_term" not in _categories(text.replace("七十五（75）日", "三十（30）日"))


def test_services_wordings_en_buyer_entitled() -> None:
    head = "AGREEMENT\nClient: Premier Events Arena Ltd\nProvider: Shieldforce Security Services Ltd\n1. Scope. The Provider shall staff the events.\n"
    lump = (
        "8.2 Should the Provider fail to staff any post, the Client shall be entitled to a deduction of {p} of the "
        "Contract Price for the event concerned.\n"
    )
    assert "penalty.excessive" in _categories(head + lump.format(p="forty per cent (40%)"))
    assert "penalty.excessive" not in _categories(head + lump.format(p="five per cent (5%)"))
    at_will = "2.3 This Agreement is terminable at will by {who} upon twenty-four (24) hours' notice.\n"
    assert "termination.convenience" in _categories(head + at_will.format(who="Client"))
    assert "termination.convenience" not in _categories(head + at_will.format(who="Provider"))
    hold = "6.2 {p} of each Milestone Payment shall be held back by the Client until the Warranty Period expires.\n"
    assert "retention.excessive" in _categories(head + hold.format(p="Fifteen percent (15%)"))
    assert "retention.excessive" not in _categories(head + hold.format(p="Three percent (3%)"))


def test_acceptance_only_on_approval_and_carve_outs_by_clause() -> None:
    head = "AGREEMENT\nBuyer: Quebec Rail Car Manufacturing Inc.\nSeller: Lorraine Wheelsets S.A.S.\n1. Scope. The Seller shall deliver the Goods.\n"
    only = (
        "8.4 Goods shall not be deemed accepted by reason of delivery, use or any lapse of time, and acceptance shall "
        "take place only upon Buyer's written notice of acceptance.\n"
    )
    assert "acceptance.no_deadline" in _categories(head + only)
    timed = "8.4 The Buyer shall inspect the Goods within 10 days of delivery, failing which they are deemed accepted.\n"
    assert "acceptance.no_deadline" not in _categories(head + timed)
    carve = (
        "17.4 The limitation in Clause 17.3 shall not apply to the Seller's liability under Clause 10 (Warranty), "
        "Clause 11 (Indemnities) or Clause 12 (Delay).\n"
    )
    assert "liability.uncapped" in _categories(head + carve)
    law = "17.4 The limitation in Clause 17.3 shall not apply to liability for death or personal injury caused by negligence, or for fraud.\n"
    assert "liability.uncapped" not in _categories(head + law)
