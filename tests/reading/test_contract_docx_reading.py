"""Reading .docx contracts: document order, automatic numbering, tracked changes, content controls,
fields, headers excluded, and iter_docx_blocks agreeing with read_contract."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from _reading_docx_helpers import (
    W_NS,
    add_abstract,
    add_num,
    new_document,
    numbered,
    raw_body,
    raw_paragraph,
    run,
    save,
)
from docx.oxml import parse_xml

from bidassist.reading import iter_docx_blocks, read_contract


def texts(contract) -> list[str]:
    return [b.text for b in contract.blocks]


def test_paragraphs_and_tables_in_order_headers_excluded(tmp_path: Path):
    doc = new_document()
    doc.sections[0].header.paragraphs[0].text = "页眉 HEADER 第九十九条"
    doc.sections[0].footer.paragraphs[0].text = "第 1 页"
    doc.add_paragraph("采购合同")
    doc.add_paragraph("第一条 合同标的")
    doc.add_paragraph("")  # empty paragraphs are not blocks
    doc.add_paragraph("乙方向甲方供应洁净空调设备。")
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [("付款节点", "比例", "时间"), ("预付款", "30%", "签订后10日内"), ("验收款", "", "验收后60日内")]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_paragraph("第二条 付款方式")
    contract = read_contract(save(doc, tmp_path / "合同.docx"))
    assert contract.kind == "docx" and contract.name == "合同.docx"
    assert texts(contract) == [
        "采购合同",
        "第一条 合同标的",
        "乙方向甲方供应洁净空调设备。",
        "付款节点 | 比例 | 时间",
        "预付款 | 30% | 签订后10日内",
        "验收款 | 验收后60日内",
        "第二条 付款方式",
    ]
    assert [b.location for b in contract.blocks] == [
        "paragraph 1",
        "paragraph 2",
        "paragraph 4",
        "table 1 row 1",
        "table 1 row 2",
        "table 1 row 3",
        "paragraph 5",
    ]
    assert [b.index for b in contract.blocks] == list(range(7))
    assert all("页眉" not in b.text and "第 1 页" not in b.text for b in contract.blocks)
    first = contract.clauses[1]
    assert first.number == "第一条" and first.title == "合同标的"
    assert first.block_indices == [1, 2, 3, 4, 5]  # the schedule table belongs to 第一条
    assert contract.clauses[2].number == "第二条"


def _chinese_article_numbering(doc, num_id=1, abstract_id=10):
    add_abstract(
        doc,
        abstract_id,
        [
            {"fmt": "chineseCounting", "text": "第%1条", "suff": "space"},
            {"fmt": "decimal", "text": "%1.%2", "legal": True},
            {"fmt": "decimal", "text": "(%3)"},
        ],
    )
    add_num(doc, num_id, abstract_id)


def test_automatic_numbering_rebuilt(tmp_path: Path):
    doc = new_document()
    _chinese_article_numbering(doc)
    numbered(doc, "定义", 1, 0)
    doc.add_paragraph("本合同中下列用语的含义如下。")
    numbered(doc, "合同价款为人民币玖佰捌拾万元整。", 1, 1)
    numbered(doc, "价款包括运输、安装。", 1, 1)
    numbered(doc, "运输费。", 1, 2)
    numbered(doc, "付款方式", 1, 0)
    numbered(doc, "验收合格后90日内支付。", 1, 1)
    for _ in range(9):
        numbered(doc, "其他", 1, 0)
    contract = read_contract(save(doc, tmp_path / "auto.docx"))
    numbers = [b.number for b in contract.blocks]
    assert numbers[:7] == ["第一条", None, "1.1", "1.2", "(1)", "第二条", "2.1"]
    assert numbers[-1] == "第十一条"
    assert contract.blocks[0].text == "第一条 定义"
    assert contract.blocks[2].text == "1.1 合同价款为人民币玖佰捌拾万元整。"
    levels = {c.number: c.level for c in contract.clauses}
    assert levels["第一条"] == 1 and levels["1.1"] == 2 and levels["(1)"] == 3 and levels["第二条"] == 1
    art1 = next(c for c in contract.clauses if c.number == "第一条")
    assert art1.text == "第一条 定义\n本合同中下列用语的含义如下。"  # does not swallow 1.1
    assert art1.title == "定义"


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("chineseCountingThousand", "%1、", ["一、", "二、", "三、"]),
        ("ideographTraditional", "%1.", ["甲.", "乙.", "丙."]),
        ("upperRoman", "%1.", ["I", "II", "III"]),
        ("lowerLetter", "(%1)", ["(a)", "(b)", "(c)"]),
        ("decimal", "%1)", ["1)", "2)", "3)"]),
        ("decimalEnclosedCircle", "%1", ["①", "②", "③"]),
        ("chineseLegalSimplified", "%1、", ["壹、", "贰、", "叁、"]),
        ("decimal", "Article %1", ["Article 1", "Article 2", "Article 3"]),
    ],
)
def test_number_formats(tmp_path: Path, fmt, text, expected):
    doc = new_document()
    add_abstract(doc, 20, [{"fmt": fmt, "text": text}])
    add_num(doc, 5, 20)
    for word in ("甲方", "乙方", "丙方"):
        numbered(doc, word, 5, 0)
    contract = read_contract(save(doc, tmp_path / "fmt.docx"))
    assert [b.number for b in contract.blocks] == expected


def test_start_restart_and_override(tmp_path: Path):
    doc = new_document()
    add_abstract(
        doc,
        30,
        [{"fmt": "decimal", "text": "%1.", "start": 3}, {"fmt": "decimal", "text": "%1.%2.", "restart": 0}],
    )
    add_num(doc, 7, 30)
    add_num(doc, 8, 30)  # same abstract: continues numId 7, as Word does
    add_num(doc, 9, 30, start_overrides={0: 1})  # restarts at 1
    numbered(doc, "a", 7, 0)
    numbered(doc, "b", 7, 1)
    numbered(doc, "c", 7, 0)
    numbered(doc, "d", 7, 1)  # lvlRestart 0: level 2 never restarts -> 4.2
    numbered(doc, "e", 8, 0)
    numbered(doc, "f", 9, 0)
    numbered(doc, "g", 9, 0)
    contract = read_contract(save(doc, tmp_path / "restart.docx"))
    assert [b.number for b in contract.blocks] == ["3", "3.1", "4", "4.2", "5", "1", "2"]


def test_style_linked_numbering(tmp_path: Path):
    doc = new_document()
    add_abstract(
        doc,
        40,
        [
            {"fmt": "chineseCounting", "text": "第%1章", "pstyle": "Heading1"},
            {"fmt": "chineseCounting", "text": "第%2条", "pstyle": "Heading2"},
        ],
    )
    add_num(doc, 11, 40)
    styles = doc.styles.element
    for sid, ilvl in (("Heading1", None), ("Heading2", 1)):
        style = next(
            s for s in styles.iter(f"{{{W_NS[9:-1]}}}style") if s.get(f"{{{W_NS[9:-1]}}}styleId") == sid
        )
        ppr = style.get_or_add_pPr()
        lvl = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr.append(parse_xml(f'<w:numPr {W_NS}>{lvl}<w:numId w:val="11"/></w:numPr>'))
    doc.add_heading("总则", level=1)
    doc.add_heading("合同目的", level=2)
    doc.add_paragraph("为明确双方权利义务……")
    doc.add_heading("定义", level=2)
    doc.add_heading("付款", level=1)
    doc.add_heading("付款条件", level=2)
    contract = read_contract(save(doc, tmp_path / "styles.docx"))
    assert [b.number for b in contract.blocks] == ["第一章", "第一条", None, "第二条", "第二章", "第一条"]
    assert contract.blocks[0].style == "Heading 1"
    assert [(c.number, c.level) for c in contract.clauses] == [
        ("第一章", 1),
        ("第一条", 2),
        ("第二条", 2),
        ("第二章", 1),
        ("第一条", 2),
    ]


def test_tracked_changes_read_as_accepted(tmp_path: Path):
    doc = new_document()
    doc.add_paragraph("第一条 付款")
    raw_paragraph(
        doc,
        run("甲方在验收合格后")
        + '<w:del w:id="1" w:author="buyer"><w:r><w:delText>30</w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="buyer">'
        + run("90")
        + "</w:ins>"
        + run("日内支付。")
        + '<w:moveFrom w:id="3" w:author="b">'
        + run("（已移走）")
        + "</w:moveFrom>",
    )
    # a deleted paragraph mark joins this paragraph to the next one
    raw_paragraph(doc, run("质保金为"), ppr='<w:pPr><w:rPr><w:del w:id="4" w:author="b"/></w:rPr></w:pPr>')
    doc.add_paragraph("合同价的5%。")
    contract = read_contract(save(doc, tmp_path / "tracked.docx"))
    assert texts(contract) == ["第一条 付款", "甲方在验收合格后90日内支付。", "质保金为合同价的5%。"]
    assert contract.blocks[2].location == "paragraph 3"
    assert any("tracked changes" in n for n in contract.notes)


def test_no_tracked_note_without_changes(tmp_path: Path):
    doc = new_document()
    doc.add_paragraph("第一条 付款")
    contract = read_contract(save(doc, tmp_path / "clean.docx"))
    assert not any("tracked" in n for n in contract.notes)


def test_content_controls_fields_and_hidden_text(tmp_path: Path):
    doc = new_document()
    doc.add_paragraph("第一条 合同价款")
    # block-level content control holding a paragraph
    raw_body(
        doc,
        f'<w:sdt {W_NS}><w:sdtPr><w:alias w:val="price"/></w:sdtPr><w:sdtContent>'
        f"<w:p>{run('合同总价为人民币100万元。')}</w:p></w:sdtContent></w:sdt>",
    )
    # inline content control, a complex field (code hidden, result kept), a simple field, hidden text
    raw_paragraph(
        doc,
        run("乙方名称：")
        + f"<w:sdt><w:sdtContent>{run('某某净化工程有限公司')}</w:sdtContent></w:sdt>"
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> REF bidder \\h </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("（见附件）")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + f'<w:fldSimple w:instr=" PAGE ">{run("3")}</w:fldSimple>'
        + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>",
    )
    contract = read_contract(save(doc, tmp_path / "sdt.docx"))
    assert texts(contract) == [
        "第一条 合同价款",
        "合同总价为人民币100万元。",
        "乙方名称：某某净化工程有限公司（见附件）3",
    ]
    assert contract.clauses[-1].block_indices == [0, 1, 2]


def test_toc_field_lines_are_not_clauses(tmp_path: Path):
    doc = new_document()
    raw_paragraph(
        doc,
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("第一条 定义\t1"),
    )
    raw_paragraph(doc, run("第二条 付款\t2") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    doc.add_paragraph("第一条 定义")
    doc.add_paragraph("第二条 付款")
    contract = read_contract(save(doc, tmp_path / "toc.docx"))
    assert [b.number for b in contract.blocks] == [None, None, "第一条", "第二条"]
    assert [c.number for c in contract.clauses] == [None, None, "第一条", "第二条"]


def test_numbered_table_rows_and_nested_tables(tmp_path: Path):
    doc = new_document()
    doc.add_paragraph("第五条 付款计划")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "5.1"
    table.cell(0, 1).text = "预付款30%"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "进度款"
    inner.cell(0, 1).text = "60%"
    contract = read_contract(save(doc, tmp_path / "table.docx"))
    assert texts(contract)[1:] == ["5.1 | 预付款30%", "进度款 60%"]
    assert contract.blocks[1].number == "5.1"
    assert [(c.number, c.level) for c in contract.clauses] == [("第五条", 1), ("5.1", 2)]


def test_iter_docx_blocks_matches_read_contract_and_anchors_comments(tmp_path: Path):
    doc = new_document()
    _chinese_article_numbering(doc)
    numbered(doc, "付款", 1, 0)
    raw_paragraph(doc, run("质保金为"), ppr='<w:pPr><w:rPr><w:del w:id="4" w:author="b"/></w:rPr></w:pPr>')
    doc.add_paragraph("合同价的10%。")
    doc.add_paragraph("")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "质保期24个月"
    numbered(doc, "违约责任", 1, 0)
    path = save(doc, tmp_path / "anchor.docx")
    contract = read_contract(path)
    opened = docx.Document(str(path))
    items = list(iter_docx_blocks(opened))
    assert [(i, loc) for i, _, loc in items] == [(b.index, b.location) for b in contract.blocks]
    assert items[1][1].text == "质保金为"  # the first paragraph of the joined pair
    assert items[2][1].text == "质保期24个月"  # the row's first paragraph with text
    opened.add_comment(items[1][1].runs, text="retention 10% > 5%", author="bidassist")
    out = tmp_path / "annotated.docx"
    opened.save(str(out))
    again = read_contract(out)
    assert texts(again) == texts(contract)  # comments are not contract text


def test_unnumbered_heading_style_opens_a_level_0_clause(tmp_path: Path):
    doc = new_document()
    doc.add_heading("设备采购合同", level=1)
    doc.add_paragraph("甲方：XX医院")
    doc.add_paragraph("第一条 合同标的")
    doc.add_paragraph("1.1 洁净空调机组。")
    doc.add_heading("附件一 技术要求", level=1)
    doc.add_paragraph("风量不低于10000m³/h。")
    contract = read_contract(save(doc, tmp_path / "heading.docx"))
    assert [(c.number, c.title, c.level) for c in contract.clauses] == [
        (None, "设备采购合同", 0),
        ("第一条", "合同标的", 1),
        ("1.1", None, 2),
        (None, "附件一 技术要求", 0),
    ]
    assert contract.clauses[0].text == "设备采购合同\n甲方：XX医院"
    assert contract.clauses[-1].text == "附件一 技术要求\n风量不低于10000m³/h。"
