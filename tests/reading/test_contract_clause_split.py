"""Splitting contracts into clauses by the numbering real contracts use."""

from __future__ import annotations

from pathlib import Path

import pytest

from bidassist.reading import detect_heading, read_contract, split_clauses, text_blocks

CHINESE = """\
XX医院洁净空调采购合同

甲方：XX医院
乙方：XX净化工程有限公司
第一条 合同标的
乙方向甲方供应洁净空调机组。
第二条 合同价款
2.1 合同总价为人民币玖佰捌拾万元整。
2.1.1 含运输费。
2.2 价款为固定总价。
第十二条 付款方式
一、预付款
（一）合同签订后10日内支付30%。
(二) 到货后支付60%。
1) 验收合格后90日内支付。
2、质保期满后支付5%。
十二、其他
"""


def test_chinese_numbering_kinds_and_levels():
    blocks = text_blocks(CHINESE, "合同.txt")
    clauses = split_clauses(blocks)
    got = [(c.number, c.level) for c in clauses]
    assert got == [
        (None, 0),
        (None, 0),
        (None, 0),
        ("第一条", 1),
        ("第二条", 1),
        ("2.1", 2),
        ("2.1.1", 3),
        ("2.2", 2),
        ("第十二条", 1),
        ("一、", 2),
        ("（一）", 3),
        ("(二)", 3),
        ("1)", 4),
        ("2、", 4),
        ("十二、", 2),
    ]
    by_number = {c.number: c for c in clauses}
    assert by_number["第一条"].text == "第一条 合同标的\n乙方向甲方供应洁净空调机组。"
    assert by_number["第一条"].location == "line 5"
    assert by_number["第二条"].text == "第二条 合同价款"  # 2.1 is its own clause
    assert by_number["2.1"].title is None
    assert by_number["第十二条"].title == "付款方式"
    assert by_number["一、"].title == "预付款"


ENGLISH = """\
SUPPLY AGREEMENT
ARTICLE 1 DEFINITIONS
1.1 "Contract Price" means the price stated in Schedule 1.
ARTICLE 7 PAYMENT
Section 7.2 Payment Terms. The Buyer shall pay within sixty (60) days of invoice.
(a) Invoices shall be in writing.
(b) Disputed amounts may be withheld.
(i) notice must be given within 10 days.
Section 7.3 of this Agreement applies to all invoices.
8. Warranty
The Supplier warrants the Goods for twenty-four (24) months.
12.3 Liability. 2.5% of the price is payable as liquidated damages.
"""


def test_english_numbering_kinds_and_levels():
    clauses = split_clauses(text_blocks(ENGLISH, "agreement.txt"))
    got = [(c.number, c.level, c.title) for c in clauses]
    assert got == [
        (None, 0, None),
        ("ARTICLE 1", 1, "DEFINITIONS"),
        ("1.1", 2, None),
        ("ARTICLE 7", 1, "PAYMENT"),
        ("Section 7.2", 2, "Payment Terms"),
        ("(a)", 3, None),
        ("(b)", 3, None),
        ("(i)", 4, None),
        ("8", 2, "Warranty"),
        ("12.3", 3, "Liability"),  # under "8" (d1 > d2)
    ]
    # a reference to another section is not a heading: it stays in (i)'s text
    assert clauses[7].text.endswith("Section 7.3 of this Agreement applies to all invoices.")
    assert clauses[8].text == "8. Warranty\nThe Supplier warrants the Goods for twenty-four (24) months."


@pytest.mark.parametrize(
    "line",
    [
        "3.5%的违约金由乙方承担",
        "12.5万元为预付款",
        "2024.3.5 签订",
        "30 days after delivery",
        "1.5 million dollars",
        "第三方检测费用由乙方承担",
        "一般规定不适用",
        "2024年3月5日",
        "甲方：XX医院",
        "(2024)京01民初123号",
        "100.00元",
        # a figure written out and repeated in brackets, pushed to a line's start by a wrap
        "(24)] months from the date of repair or replacement",
        "(30) days after receipt of the invoice",
        "(10) working days of the notice",
        "(5)% of the Contract Price",
        # a list of clause references pushed to a line's start by a wrap (FIDIC particular conditions, en-2101)
        "44.2,44.3,52.2, 53.1, 53.2 and/or 53.3 of the Conditions of Contract, in respect of any act",
        "6.3 and/or 6.4 of the Conditions of Contract",
        "3.1 to 3.5 shall apply to the Subcontract",
    ],
)
def test_values_and_dates_are_not_clause_numbers(line):
    assert detect_heading(line) is None


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("第十二条 付款", "第十二条"),
        ("第 12 条 付款", "第12条"),
        ("十二、其他", "十二、"),
        ("12.3 付款", "12.3"),
        ("12.3.1 预付款", "12.3.1"),
        ("（一）预付款", "（一）"),
        ("(一) 预付款", "(一)"),
        ("1) 预付款", "1)"),
        ("1、预付款", "1、"),
        ("Article 7 Payment", "Article 7"),
        ("Section 7.2 Payment", "Section 7.2"),
        ("7. Payment", "7"),
        ("第三章 合同价款", "第三章"),
        ("①预付款", "①"),
        ("（1）预付款", "（1）"),
        ("ARTICLE IV - TERM", "ARTICLE IV"),
        ("7.\tPayment", "7"),
        ("１２.３ 付款", "１２.３"),
        ("７．违约罚款", "７"),
        ("十—、付款", "十一、"),
        ("笫七条 付款", "第七条"),
        ("第十—条 违约", "第十一条"),
        ("(5) Days of Work are the days listed in Schedule 2", "(5)"),
        ("（2）月度考核", "（2）"),
        # session 52 (dev en-1103, en-912): a later letter before a title in capitals alone on its line
        ("K. TIME FOR COMPLETION AND LIQUIDATED DAMAGES", "K"),
        ("S. INSURANCE", "S"),
        ("T. WARRANTY\nContractor warrants that the equipment is free of defects.", "T"),
        ("B. Payment", "B"),
        # an initial before a name is no heading
        ("J. Smith shall sign for the Buyer.", None),
        ("P. O. BOX 1200", None),
    ],
)
def test_detect_heading(line, number):
    h = detect_heading(line)
    assert (h.number if h else None) == number


def test_document_without_numbers_gives_one_clause_per_paragraph(tmp_path: Path):
    path = tmp_path / "letter.txt"
    path.write_text("甲方应按时付款。\n\n乙方应按时交货。\n", encoding="utf-8")
    contract = read_contract(path)
    assert [c.text for c in contract.clauses] == ["甲方应按时付款。", "乙方应按时交货。"]
    assert [c.location for c in contract.clauses] == ["line 1", "line 3"]
    assert any("no clause numbers" in n for n in contract.notes)


def test_markdown_and_table_of_contents_lines(tmp_path: Path):
    path = tmp_path / "contract.md"
    path.write_text(
        "# 采购合同\n\n目录\n第一条 定义 ........ 1\n第二条 付款 ........ 2\n\n"
        "## 第一条 定义\n本合同……\n## **第二条 付款**\n- 验收后30日内付款\n",
        encoding="utf-8",
    )
    contract = read_contract(path)
    assert contract.kind == "txt"
    numbered = [c for c in contract.clauses if c.number]
    assert [(c.number, c.title, c.location) for c in numbered] == [
        ("第一条", "定义", "line 7"),
        ("第二条", "付款", "line 9"),
    ]
    assert numbered[1].text == "第二条 付款\n验收后30日内付款"


def test_block_indices_cover_every_block_once():
    blocks = text_blocks(CHINESE + ENGLISH, "mixed.txt")
    clauses = split_clauses(blocks)
    covered = [i for c in clauses for i in c.block_indices]
    assert covered == [b.index for b in blocks]


def test_gb18030_text_file(tmp_path: Path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("第一条 付款\n验收后30日内支付。\n".encode("gb18030"))
    contract = read_contract(path)
    assert contract.clauses[0].number == "第一条"
    assert contract.clauses[0].text == "第一条 付款\n验收后30日内支付。"
