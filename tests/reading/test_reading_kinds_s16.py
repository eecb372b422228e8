"""Reading kinds of converted Word and PDF contracts (session 16): a text that lost its numbering
is read by its section titles, a page number between two pages stays out of the sentence it
interrupts, a PDF text layer gets its ligatures back, and the properties every reading keeps.

The documents are written here, in drafting styles the corpora do not use (物业服务, 劳务派遣,
IT 运维, a US county's purchase terms)."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from _reading_docx_helpers import add_abstract, add_num, new_document, numbered, save
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_contract_pdf_reading import write_text_pdf

from bidassist.checklist import load_packs
from bidassist.checklist.api import check_text
from bidassist.checklist.units import heads_children, units_from_clauses
from bidassist.reading import read_contract, split_clauses, text_blocks
from bidassist.reading.clauses import lost_numbering
from bidassist.reading.repair import blank_fill_brackets
from bidassist.reading.text import text_blocks_and_headings

_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _units(text: str, name: str = "c.txt"):
    return units_from_clauses(split_clauses(text_blocks(text, name)))


# A 物业服务 contract whose Word numbering was lost: section titles on lines of their own, the
# paragraphs under them unnumbered, and one typed list (（1）…（3）) in the payment section.
PROPERTY_SERVICE = """物业服务合同
委托方（甲方）：某市第一中学
受托方（乙方）：某某物业管理有限公司
根据《中华人民共和国民法典》及有关规定，甲乙双方经协商一致，订立本合同。
服务内容
乙方负责甲方校区的保洁、绿化养护、秩序维护及设施设备日常巡检，具体标准见附件服务清单。
乙方应按照甲方的作息时间安排人员上岗，并在开学前完成全部岗位人员的培训与备案。
服务费用及支付
本合同服务费按月结算，每月服务费为人民币＿＿元，含税。
服务费支付方式如下：
（1）乙方于每月5日前提交上月服务考核表及发票；
（2）甲方在收到考核表及发票后三十日内支付上月服务费；
（3）考核得分低于85分的，甲方按考核办法扣减当月服务费。
甲方有权从应付服务费中直接扣除乙方应承担的违约金、赔偿金及罚款。
双方责任
乙方应遵守甲方的校园管理制度，服从甲方后勤部门的统一调度和安排，不得擅自变更岗位人员。
甲方应为乙方提供必要的工具间和值班室，并承担公共区域的水电费用。
违约责任
乙方未按约定时间完成整改的，每逾期一日，按月服务费的百分之一向甲方支付违约金。
因乙方人员过错造成甲方或第三人损失的，由乙方依法承担赔偿责任。
合同解除
甲方可根据学校管理需要随时通知乙方解除本合同，且无需承担任何责任。
争议解决
因本合同引起的争议，双方协商解决；协商不成的，向甲方所在地人民法院提起诉讼。
"""


def test_a_text_without_its_numbering_is_read_by_its_section_titles():
    blocks, found = text_blocks_and_headings(PROPERTY_SERVICE, "wy.txt")
    assert lost_numbering(blocks, found)
    units = _units(PROPERTY_SERVICE)
    starts = [u.text.split("\n", 1)[0] for u in units]
    for title in ("服务内容", "服务费用及支付", "双方责任", "违约责任", "合同解除", "争议解决"):
        assert title in starts
    # the typed list of the payment section does not swallow the sections after it; its items are
    # reported under the section's title (session 28)
    item3 = next(u for u in units if (u.clause or "").endswith("（3）"))
    assert "直接扣除" in item3.text and "违约责任" not in item3.text and "随时通知" not in item3.text
    penalty = next(u for u in units if u.text.startswith("违约责任"))
    assert "每逾期一日" in penalty.text and "随时通知" not in penalty.text


def test_the_same_contract_with_its_numbers_is_read_by_them():
    numbered_text = PROPERTY_SERVICE
    for i, title in enumerate(("服务内容", "服务费用及支付", "双方责任", "违约责任", "合同解除", "争议解决")):
        numbered_text = numbered_text.replace(f"\n{title}\n", f"\n第{'一二三四五六'[i]}条 {title}\n")
    blocks, found = text_blocks_and_headings(numbered_text, "wy.txt")
    assert not lost_numbering(blocks, found)
    labels = [u.clause for u in _units(numbered_text) if u.clause]
    assert labels[:2] == ["第一条", "第二条"] and "第二条 （3）" in labels


def test_findings_of_a_text_without_numbering_stay_in_their_section():
    result = check_text(PROPERTY_SERVICE, load_packs(), name="wy.txt", model=False)
    by_cat = {f.category: f for f in result.findings}
    assert "termination.convenience" in by_cat and "payment.set_off" in by_cat
    assert by_cat["termination.convenience"].text.startswith("合同解除")
    assert "随时通知" not in by_cat["payment.set_off"].text


# A US county's purchase terms exported from Word without their numbers.
COUNTY_TERMS = """General Terms and Conditions of Purchase
These terms apply to every purchase order issued by the County to the Vendor named on the order.
Delivery
The Vendor shall deliver the goods to the location stated on the purchase order within the time stated there.
Deliveries are accepted between 8:00 a.m. and 3:00 p.m. on business days only.
Payment
The County will pay correct invoices within forty-five (45) days of receipt and acceptance of the goods.
Termination for Convenience
The County may terminate any order at any time for its convenience by written notice to the Vendor.
The County shall pay only for goods delivered and accepted before the date of termination.
Governing Law
This order is governed by the laws of the State and any action shall be brought in the courts of the County.
"""


def test_english_terms_without_numbering_are_read_by_their_titles():
    blocks, found = text_blocks_and_headings(COUNTY_TERMS, "county.txt")
    assert lost_numbering(blocks, found)
    units = _units(COUNTY_TERMS, "county.txt")
    term = next(u for u in units if u.text.startswith("Termination for Convenience"))
    assert "at any time for its convenience" in term.text and "pay only for goods" in term.text
    assert "governed by the laws" not in term.text


def test_a_page_number_between_two_pages_is_not_read_into_the_sentence():
    text = (
        "第五条 整改\n乙方收到甲方书面整改通知后，应在甲方指定的期限内完成整改，并在完成后\n\n"
        "                         12\n"
        "三日内书面报告甲方；逾期未完成的，每逾期一日支付违约金五百元。\n"
    )
    unit = _units(text)[0]
    assert "12" not in unit.text and "完成后三日内" in _squash(unit.text)


def test_a_number_on_its_own_line_inside_a_list_is_kept():
    text = "第二条 数量\n每批次交付的设备台数为：\n12\n由乙方一次送达。\n"
    unit = _units(text)[0]
    assert "12" in unit.text


def test_a_pdf_text_layer_gets_its_ligatures_back_and_loses_its_footers(tmp_path: Path):
    path = write_text_pdf(
        tmp_path / "po.pdf",
        [
            [
                "1. Delivery",
                "The Vendor shall deliver the speci ed goods within ve (5) business days.",
                "Page 1 of 2",
            ],
            ["2. Invoices", "Invoices shall be sent to the o ce named on the order.", "- 2 -"],
        ],
    )
    contract = read_contract(path)
    text = "\n".join(b.text for b in contract.blocks)
    assert "specified goods within five (5)" in text and "office named" in text
    assert "Page 1" not in text and "- 2 -" not in text


# --------------------------------------------------------------------------- properties

_TITLES = ["服务内容", "违约责任", "合同解除", "保密义务", "Payment", "Termination"]
_PARAS = [
    "乙方应按照甲方要求提供驻场运维服务，并对系统故障在两小时内响应。",
    "甲方有权根据业务需要调整派遣人员的数量和岗位，乙方应予配合。",
    "The Contractor shall keep the equipment in good repair at its own cost.",
    "乙方逾期交付的，每逾期一日按合同总价的千分之五支付违约金。",
]
_NUMBERED = ["第一条 总则", "第二条 费用", "1.1 服务期限为一年。", "（一）乙方应当遵守。", "2. Scope of work"]
_LINE = st.one_of(
    st.sampled_from(_TITLES),
    st.sampled_from(_PARAS),
    st.sampled_from(_NUMBERED),
    st.just(""),
    st.from_regex(r"\d{1,3}", fullmatch=True),
)


def _body(units) -> str:
    return "".join(_squash(u.text) for u in units)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=40))
def test_reading_never_loses_or_reorders_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    blocks = text_blocks(text, "p.txt")
    clauses = split_clauses(blocks)
    assert [i for c in clauses for i in c.block_indices] == list(range(len(blocks)))
    assert "".join(_squash(c.text) for c in clauses) == "".join(_squash(b.text) for b in blocks)
    units = units_from_clauses(clauses)
    # a clause that is only its number and title over its children (第一条 总则 / 1.1 …) is read as
    # their heading: its title is the context of the first child's unit, not a unit of its own
    headings = {i for i in range(len(clauses)) if heads_children(clauses, i)}
    assert _body(units) == "".join(
        _squash(c.text if not c.title or c.title in c.text else f"{c.title} {c.text}")
        for i, c in enumerate(clauses)
        if i not in headings
    )
    for i in headings:
        child = [u for u in units if u.block_indices == list(clauses[i + 1].block_indices)]
        assert not child or clauses[i].title in child[0].context


@lru_cache(maxsize=1)
def _rules():
    return load_packs()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=3, max_size=30))
def test_a_finding_is_reported_on_a_clause_that_holds_its_evidence(lines: list[str]) -> None:
    text = "甲方：某市数据中心\n乙方：某某科技有限公司\n" + "\n".join(lines)
    for f in check_text(text, _rules(), name="p.txt", model=False).findings:
        evidence = _squash((f.matched or "").strip("…"))
        assert evidence in _squash(f.text)


def _docx_with(structure: list[tuple[int, str]], path: Path) -> Path:
    doc = new_document()
    add_abstract(
        doc,
        10,
        [
            {"fmt": "chineseCounting", "text": "第%1条", "suff": "space"},
            {"fmt": "decimal", "text": "%1.%2", "legal": True},
            {"fmt": "decimal", "text": "(%3)"},
        ],
    )
    add_num(doc, 1, 10)
    for level, words in structure:
        if level < 0:
            doc.add_paragraph(words)
        else:
            numbered(doc, words, 1, level)
    return save(doc, path)


_DOCX_LINE = st.tuples(
    st.integers(min_value=-1, max_value=2),
    st.sampled_from(
        [
            "服务范围",
            "甲方可随时调整服务范围。",
            "乙方应按月提交运维报告。",
            "付款与结算",
            "逾期一日支付违约金一百元。",
        ]
    ),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_DOCX_LINE, min_size=1, max_size=20))
def test_a_docx_and_its_plain_text_export_give_the_same_clause_labels(
    tmp_path_factory, structure: list[tuple[int, str]]
) -> None:
    path = _docx_with(structure, tmp_path_factory.mktemp("docx") / "it.docx")
    contract = read_contract(path)
    from_docx = [u.clause for u in units_from_clauses(contract.clauses)]
    export = "\n".join(b.text for b in contract.blocks)  # Word's "save as text" keeps list numbers
    assert [u.clause for u in _units(export)] == from_docx


# --------------------------------------------------------------------------- more kinds (stage B)


def test_ocr_variants_of_chinese_numbers_read_as_the_number():
    units = _units(
        "笫一条 服务内容\n乙方提供驻场运维。\n第十—条 其他\n未尽事宜另行协商。\n十—、附则\n本协议一式两份。"
    )
    assert [u.clause for u in units] == ["第一条", "第十一条", "第十一条 十一、"]


def test_a_filled_in_form_field_around_a_figure_is_read_as_the_figure():
    text = (
        "甲方：某市公共交通集团有限公司\n乙方：某某信息技术有限公司\n第十一条 违约责任\n"
        "11.2 乙方未按期完成系统上线的，每逾期[ 1 ]日，乙方应按合同总价的[ 2 ]%向甲方支付违约金。"
    )
    result = check_text(text, load_packs(), name="it.txt", model=False)
    excessive = [f for f in result.findings if f.category == "penalty.excessive"]
    assert excessive and excessive[0].value == Decimal("0.02")
    assert "[ 2 ]%" in excessive[0].text  # the clause is quoted as written


def test_the_brackets_of_a_placeholder_are_left_alone():
    assert blank_fill_brackets("合同总价为[合同中心-合同总价]元，【 30 】日内付款") == (
        "合同总价为[合同中心-合同总价]元，  30  日内付款"
    )


@given(st.text(alphabet="[]【】［］ 0123456789一二三十天日%元合同甲乙", max_size=60))
def test_form_field_brackets_keep_the_length(text: str) -> None:
    assert len(blank_fill_brackets(text)) == len(text)


def test_lines_wrapped_by_a_pdf_text_layer_are_read_as_one_paragraph():
    text = (
        "TRANSIT AUTHORITY PURCHASE TERMS\n\n"
        "INVOICES. The Vendor shall send each invoice to the Authority's accounts payable office and\n"
        "the Authority shall pay an approved invoice within forty-five (45) days after it has\n\n"
        "been approved by the project manager, whose approval is given at the Authority's discretion.\n\n"
        "TERMINATION. The Authority may end this order at any time by written notice.\n"
    )
    units = _units(text, "terms.txt")
    invoices = next(u for u in units if u.text.startswith("INVOICES."))
    assert "been approved by the project manager" in invoices.text
    assert "TERMINATION" not in invoices.text


def test_a_chinese_form_line_is_not_joined_to_the_next():
    text = "采购人（甲方）：某某大学后勤服务集团有限公司膳食中心 | 供应商（乙方）：＿＿\n地址：某省某市大学路1号 | 地址：＿＿\n"
    assert len(_units(text)) == 2


def test_us_federal_section_numbers_open_clauses():
    text = (
        "SECTION G CONTRACT ADMINISTRATION\n"
        "G.1 Authorized Changes The Contracting Officer is the only person who may approve changes.\n"
        "G.2 Invoices The Contractor shall submit monthly invoices.\n"
        "G.2.1 Each invoice shall show the task order number.\n"
        "H. 3 Insurance The Contractor shall keep the insurance required by the agency.\n"
    )
    labels = [u.clause for u in _units(text, "federal.txt")]
    assert labels[-4:] == ["G.1", "G.2", "G.2.1", "H.3"]


def test_section_titles_ending_in_a_colon_are_read_as_titles():
    text = "\n".join(
        [
            "设备采购及安装合同",
            "供货范围：",
            "乙方按附件清单供应空调机组及配套管材，并负责运输、安装与调试，直至通过甲方验收。",
            "乙方应在合同签订后三十日内完成全部设备的供货，安装工期另按甲方书面通知执行。",
            "付款方式：",
            "设备安装调试完成并经甲方验收合格后，甲方支付合同总价的百分之九十五。",
            "余款作为质量保证金，质保期满且无质量问题后无息退还；乙方应在每次付款前开具等额增值税专用发票。",
            "违约责任：",
            "乙方逾期交货的，每逾期一日按合同总价的千分之五支付违约金，最高不超过合同总价的百分之五。",
            "甲方逾期付款的，每逾期一日按未付金额的万分之五支付违约金，但因乙方发票不合格造成的延误除外。",
            "争议解决：",
            "因本合同发生的争议，双方协商解决；协商不成的，依法向有管辖权的人民法院提起诉讼。",
        ]
    )
    blocks, found = text_blocks_and_headings(text, "sb.txt")
    assert lost_numbering(blocks, found)
    starts = [u.text.split("\n", 1)[0] for u in _units(text)]
    assert {"供货范围：", "付款方式：", "违约责任："} <= set(starts)
