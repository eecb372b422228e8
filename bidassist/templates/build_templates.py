"""Build the built-in tender-document templates (.docx with Jinja tags) and templates/manifest.yaml.

Run from the repository root:  .venv/bin/python templates/build_templates.py
The generated .docx files are committed; edit this script and re-run it to change them. Each
template is an A4 form: a heading, bordered tables, signature and seal blocks, and a footer with
page numbers; body text in 仿宋/宋体 with East Asian font properties set so Chinese fonts survive.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

SONG, FANGSONG, HEI, LATIN = "宋体", "仿宋", "黑体", "Times New Roman"

# --------------------------------------------------------------------------- low-level helpers


def set_font(
    target, east_asia: str, size: float | None = None, bold: bool | None = None, latin: str = LATIN
) -> None:
    """Font of a run or style, with the East Asian font in w:rFonts (python-docx's font.name
    sets only the Latin ones, and Word then shows Chinese in its default font)."""
    font = target.font
    font.name = latin
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = (
        target.element.get_or_add_rPr()
        if hasattr(target.element, "get_or_add_rPr")
        else target._element.get_or_add_rPr()
    )
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def new_document(lang: str, *, landscape: bool = False):
    doc = Document()
    body_font = FANGSONG if lang == "zh" else SONG
    normal = doc.styles["Normal"]
    set_font(normal, body_font, 12)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.35
    for name in ("Heading 1", "Title"):
        st = doc.styles[name]
        set_font(st, HEI if lang == "zh" else SONG, 18, bold=True)
        st.font.color.rgb = None
        st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        st.paragraph_format.space_before = Pt(6)
        st.paragraph_format.space_after = Pt(14)
    table_style = doc.styles["Table Grid"]
    set_font(table_style, SONG, 10.5)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(2.5)
    _footer(doc, lang)
    return doc


def titled_document(lang: str, title: str, *, landscape: bool = False):
    """A new document that starts with its title."""
    doc = new_document(lang, landscape=landscape)
    heading(doc, title)
    return doc


def _field(paragraph, instr: str) -> None:
    run = paragraph.add_run()
    set_font(run, SONG, 10.5)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for el in (begin, text, sep, shown, end):
        run._r.append(el)


def _footer(doc, lang: str) -> None:
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    words = ("第 ", " 页 共 ", " 页") if lang == "zh" else ("Page ", " of ", "")
    for i, w in enumerate(words):
        if w:
            set_font(p.add_run(w), SONG, 10.5)
        if i == 0:
            _field(p, "PAGE")
        elif i == 1:
            _field(p, "NUMPAGES")


def heading(doc, text: str) -> None:
    p = doc.add_paragraph(style="Heading 1")
    run = p.add_run(text)
    set_font(run, HEI if any("\u4e00" <= c <= "\u9fff" for c in text) else SONG, 18, bold=True)


def para(
    doc,
    *parts: str | tuple[str, bool],
    align=None,
    indent: bool = False,
    size: float | None = None,
    east_asia: str | None = None,
    space_before: float | None = None,
):
    """A paragraph of runs; ("text", True) is bold. Jinja tags go in as plain text."""
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(24)
    if space_before is not None:
        p.paragraph_format.space_before = Pt(space_before)
    for part in parts:
        text, bold = (part, False) if isinstance(part, str) else part
        run = p.add_run(text)
        set_font(run, east_asia or FANGSONG, size, bold=bold or None)
    return p


def _borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "6")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def _cell(cell, text: str, *, bold: bool = False, align=None, size: float = 10.5) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.15
    if align is not None:
        p.alignment = align
    run = p.add_run(text)
    set_font(run, SONG, size, bold=bold or None)


def table(
    doc,
    header: list[str] | None,
    rows: list[list[str]],
    widths: list[float],
    *,
    aligns: list | None = None,
    bold_first_col: bool = False,
):
    """A bordered table. A row of one string starting with `{%tr` is a row-level Jinja tag."""
    ncols = len(widths)
    t = doc.add_table(rows=0, cols=ncols)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(t)
    all_rows = ([header] if header else []) + rows
    for r_i, row in enumerate(all_rows):
        cells = t.add_row().cells
        is_header = header is not None and r_i == 0
        if len(row) == 1 and row[0].startswith("{%tr"):
            _cell(cells[0], row[0])
            continue
        for c_i, text in enumerate(row):
            align = WD_ALIGN_PARAGRAPH.CENTER if is_header else (aligns[c_i] if aligns else None)
            _cell(cells[c_i], text, bold=is_header or (bold_first_col and c_i == 0), align=align)
        if is_header:
            tr_pr = t.rows[r_i]._tr.get_or_add_trPr()
            hdr = OxmlElement("w:tblHeader")
            tr_pr.append(hdr)
    _widths(t, widths)
    return t


def _widths(t, widths: list[float]) -> None:
    """Column widths in the grid (LibreOffice reads w:gridCol) and in every cell (Word reads w:tcW)."""
    t.autofit = False
    for c_i, col in enumerate(t.columns):
        col.width = Cm(widths[c_i])
    for row in t.rows:
        for c_i, cell in enumerate(row.cells):
            cell.width = Cm(widths[c_i])


def merge_row(t, row_index: int, first: int, last: int) -> None:
    a, b = t.rows[row_index].cells[first], t.rows[row_index].cells[last]
    merged = a.merge(b)
    # keep only the first paragraph's text
    for p in merged.paragraphs[1:]:
        if not p.text.strip():
            p._p.getparent().remove(p._p)


def loop_rows(loop: str, cells: list[str]) -> list[list[str]]:
    """The rows of a docxtpl row loop: `{%tr for LOOP %}`, the repeated row, `{%tr endfor %}`."""
    return [["{%tr for " + loop + " %}"], cells, ["{%tr endfor %}"]]


def deviation_rows(source: str, label: str, empty: list[str]) -> list[list[str]]:
    """One row per deviation in SOURCE, or the EMPTY row when there are none."""
    cells = ["{{ d.no }}", "{{ d.item }}", "{{ d.requirement }}", "{{ d.response }}"]
    cells += ["{{ d." + label + " }}", "{{ d.note | default('') }}"]
    return [*loop_rows(f"d in {source}", cells), [f"{{%tr if not {source} %}}"], empty, ["{%tr endif %}"]]


class ScheduleLayout(NamedTuple):
    """One language's priced schedule: its header, description cell, default unit, total label, widths (cm)."""

    header: list[str]
    description: str
    unit: str
    total: str
    widths: list[float]


SCHEDULE_ZH = ScheduleLayout(
    ["序号", "名称", "单位", "数量", "单价（元）", "合价（元）"],
    "{{ row.description }}",
    "项",
    "合计",
    [1.5, 3.8, 1.2, 2.2, 3.1, 4.2],
)
SCHEDULE_EN = ScheduleLayout(
    ["No.", "Description", "Unit", "Quantity", "Unit rate", "Amount"],
    "{% if schedule.bill and row.code %}{{ row.code }} {% endif %}{{ row.description }}",
    "lot",
    "Total",
    [1.5, 4.1, 1.3, 2.2, 3.0, 3.9],
)


def schedule_table(doc, layout: ScheduleLayout) -> None:
    """The priced schedule: one row per `schedule.rows` item and a total row merged across."""
    cells = ["{{ row.no }}", layout.description, "{{ row.unit | default('" + layout.unit + "') }}"]
    cells += ["{{ row.quantity | number }}", "{{ row.unit_price | money }}", "{{ row.total | money }}"]
    rows = loop_rows("row in schedule.rows", cells)
    rows.append([layout.total, "", "", "", "", "{{ schedule.total | money }}"])
    t = table(doc, layout.header, rows, layout.widths, aligns=[C, L, C, R, R, R])
    merge_row(t, 4, 0, 4)


def id_boxes(doc, labels: tuple[str, str]) -> None:
    t = doc.add_table(rows=1, cols=2)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(t)
    for i, label in enumerate(labels):
        _cell(t.rows[0].cells[i], label, align=WD_ALIGN_PARAGRAPH.CENTER)
    _widths(t, [8.0, 8.0])
    tr_pr = t.rows[0]._tr.get_or_add_trPr()
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(Cm(5.4).twips)))
    height.set(qn("w:hRule"), "atLeast")
    tr_pr.append(height)


def signature_zh(doc, *, agent: bool = True, contact: bool = True) -> None:
    para(doc, "", space_before=12)
    para(doc, "投标人：{{ bidder.company }}（盖单位章）")
    if agent:
        para(doc, "法定代表人或其委托代理人：＿＿＿＿＿＿＿＿（签字）")
    else:
        para(doc, "法定代表人：＿＿＿＿＿＿＿＿（签字）")
    if contact:
        para(doc, "地址：{{ bidder.address }}")
        para(doc, "电话：{{ bidder.phone }}{% if bidder.fax %}    传真：{{ bidder.fax }}{% endif %}")
        para(doc, "邮政编码：{{ bidder.post_code }}")
    para(doc, "日期：{{ date | date_cn }}")


def project_line_zh(doc) -> None:
    para(doc, "项目名称：{{ tender.name }}")
    para(doc, "招标编号：{{ tender.number }}{% if tender.lot %}    包号（标段）：{{ tender.lot }}{% endif %}")


# --------------------------------------------------------------------------- the Chinese forms

C, R, L = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT


def bid_letter():
    doc = titled_document("zh", "投标函")
    para(doc, "致：{{ tender.buyer }}")
    para(
        doc,
        "1. 我方已仔细研究了{{ tender.name }}（招标编号：{{ tender.number }}{% if tender.lot %}，"
        "{{ tender.lot }}{% endif %}）招标文件的全部内容，愿意以人民币（大写）"
        "{{ price.total | rmb_upper }}（¥{{ price.total | money }}）的投标总报价"
        "{% if price.vat_rate is defined %}（{% if price.vat_included %}含{% else %}不含{% endif %}"
        "增值税，税率{{ price.vat_rate | percent }}）{% endif %}，"
        "{% if tender.kind == 'works' %}工期{% else %}交货期（工期）{% endif %}"
        "{{ offer.duration_days }}日历天，按合同约定完成全部合同工作"
        "{% if tender.quality_standard %}，质量达到{{ tender.quality_standard }}{% endif %}"
        "{% if offer.warranty_months is defined %}，质量保证期{{ offer.warranty_months }}个月{% endif %}。",
        indent=True,
    )
    para(
        doc,
        "2. 我方承诺在招标文件规定的投标有效期{{ offer.bid_validity_days }}日历天内不修改、撤销投标文件。",
        indent=True,
    )
    para(
        doc,
        "3. {% if bond is defined %}随同本投标函提交投标保证金一份，金额为人民币（大写）"
        "{{ bond.upper }}（¥{{ bond.amount | money }}）。{% else %}"
        "我方已知悉本项目不要求提交投标保证金。{% endif %}",
        indent=True,
    )
    para(doc, "4. 如我方中标：", indent=True)
    for i, text in enumerate(
        (
            "我方承诺在收到中标通知书后，在中标通知书规定的期限内与你方签订合同。",
            "随同本投标函递交的投标函附录（如有）属于合同文件的组成部分。",
            "我方承诺按照招标文件规定向你方递交履约担保。",
            "我方承诺在合同约定的期限内完成并移交全部合同工作。",
            "我方承诺在签订合同时不向你方提出附加条件。",
        ),
        start=1,
    ):
        para(doc, f"（{i}）{text}", indent=True)
    para(
        doc,
        "5. 我方在此声明，所递交的投标文件及有关资料内容完整、真实和准确，且不存在招标文件规定的"
        "不得参加投标的任何情形。",
        indent=True,
    )
    para(doc, "{%p if offer.remarks %}")
    para(doc, "6. 其他补充说明：{{ offer.remarks }}", indent=True)
    para(doc, "{%p endif %}")
    signature_zh(doc)
    return doc


def bid_letter_appendix():
    doc = titled_document("zh", "投标函附录")
    project_line_zh(doc)
    t = table(
        doc,
        ["序号", "条款名称", "合同条款号", "约定内容", "备注"],
        [
            *loop_rows(
                "a in appendix",
                [
                    "{{ a.no }}",
                    "{{ a.name }}",
                    "{{ a.clause | default('') }}",
                    "{{ a.content }}",
                    "{{ a.note | default('') }}",
                ],
            ),
        ],
        [1.3, 3.6, 2.3, 6.6, 2.2],
        aligns=[C, L, C, L, L],
    )
    del t
    para(doc, "注：本附录是投标函的组成部分，中标后构成合同文件的组成部分。", size=10.5, space_before=6)
    signature_zh(doc, contact=False)
    return doc


def opening_summary():
    doc = titled_document("zh", "开标一览表")
    rows = [
        ["投标人名称", "{{ bidder.company }}"],
        ["项目名称", "{{ tender.name }}"],
        ["招标编号", "{{ tender.number }}"],
        ["包号（标段）", "{{ tender.lot | default('—') }}"],
        [
            "投标总价",
            "大写：人民币{{ price.total | rmb_upper }}\n小写：¥{{ price.total | money }}"
            "{% if price.vat_rate is defined %}（{% if price.vat_included %}含{% else %}不含{% endif %}"
            "税，税率{{ price.vat_rate | percent }}）{% endif %}",
        ],
        ["交货期（工期）", "{{ offer.duration_days }}日历天"],
        ["交货（服务）地点", "{{ offer.delivery_place }}"],
        ["质量保证期", "{{ offer.warranty_months }}个月"],
        ["投标有效期", "{{ offer.bid_validity_days }}日历天"],
        ["投标保证金", "{% if bond is defined %}¥{{ bond.amount | money }}{% else %}不适用{% endif %}"],
        ["备注", "{{ offer.remarks | default('无') }}"],
    ]
    table(doc, None, rows, [4.0, 12.0], aligns=[C, L], bold_first_col=True)
    para(doc, "注：开标一览表内容与投标文件其他部分不一致的，以开标一览表为准。", size=10.5, space_before=6)
    signature_zh(doc, contact=False)
    return doc


def total_and_signature_zh(doc, note: str) -> None:
    """Under a priced schedule: the total in capitals and figures, NOTE and the VAT note, the signature."""
    para(
        doc,
        "投标总价（大写）：人民币{{ schedule.total | rmb_upper }}（¥{{ schedule.total | money }}）",
        space_before=6,
    )
    vat = (
        "{% if price.vat_rate is defined %}2. 报价{% if price.vat_included %}含{% else %}不含{% endif %}"
        "增值税（税率{{ price.vat_rate | percent }}）。{% endif %}"
    )
    para(doc, note + vat, size=10.5)
    signature_zh(doc, contact=False)


def price_breakdown():
    """分项报价表 over our own items (no buyer's bill): what the buyer sees, nothing internal."""
    doc = titled_document("zh", "分项报价表")
    project_line_zh(doc)
    para(doc, "投标人：{{ bidder.company }}                              金额单位：元")
    schedule_table(doc, SCHEDULE_ZH)
    total_and_signature_zh(
        doc, "注：1. 各分项合价＝单价×数量，各分项合价之和等于投标总价，与开标一览表一致；"
    )
    return doc


def priced_bill():
    """The buyer's bill priced (清单计价): the table is the buyer's columns in the buyer's order,
    built at render time (schedule.table_docx) with widths from the widest figure."""
    doc = titled_document(
        "zh", "{% if tender.kind == 'works' %}已标价工程量清单{% else %}分项报价表{% endif %}", landscape=True
    )
    project_line_zh(doc)
    para(doc, "投标人：{{ bidder.company }}                              金额单位：元")
    para(doc, "{{p schedule.table_docx }}")
    total_and_signature_zh(
        doc,
        "注：1. 合价＝综合单价×工程量（四舍五入至分），各项合价之和等于投标总价，与投标函、开标一览表一致；",
    )
    return doc


def legal_rep_id():
    doc = titled_document("zh", "法定代表人身份证明")
    lr = "bidder.legal_representative"
    para(doc, "投标人名称：{{ bidder.company }}")
    para(doc, "单位性质：{{ bidder.company_type }}")
    para(doc, "地址：{{ bidder.address }}")
    para(doc, "成立时间：{{ bidder.founded | date_cn }}")
    para(doc, "经营期限：{{ bidder.business_term }}")
    para(
        doc,
        f"姓名：{{{{ {lr}.name }}}}    性别：{{{{ {lr}.sex }}}}    年龄：{{{{ {lr}.age }}}}    "
        f"职务：{{{{ {lr}.title }}}}",
    )
    para(doc, "系{{ bidder.company }}的法定代表人。", indent=True)
    para(doc, "特此证明。", indent=True)
    para(doc, "附：法定代表人身份证复印件（正反面）", space_before=6)
    id_boxes(doc, ("身份证复印件（正面）粘贴处", "身份证复印件（反面）粘贴处"))
    para(doc, "", space_before=6)
    para(doc, "投标人：{{ bidder.company }}（盖单位章）")
    para(doc, "日期：{{ date | date_cn }}")
    return doc


def power_of_attorney():
    doc = titled_document("zh", "授权委托书")
    lr, ag = "bidder.legal_representative", "bidder.authorised_agent"
    para(
        doc,
        f"本人{{{{ {lr}.name }}}}（姓名）系{{{{ bidder.company }}}}（投标人名称）的法定代表人，"
        f"现委托{{{{ {ag}.name }}}}（姓名）为我方代理人。代理人根据授权，以我方名义签署、澄清、"
        "说明、补正、递交、撤回、修改{{ tender.name }}（招标编号：{{ tender.number }}"
        "{% if tender.lot %}，{{ tender.lot }}{% endif %}）投标文件、签订合同和处理有关事宜，"
        "其法律后果由我方承担。",
        indent=True,
    )
    para(doc, "委托期限：{{ offer.authority_term }}。", indent=True)
    para(doc, "代理人无转委托权。", indent=True)
    para(doc, "附：法定代表人身份证明；委托代理人身份证复印件（正反面）。", indent=True)
    table(
        doc,
        None,
        [
            ["委托代理人姓名", f"{{{{ {ag}.name }}}}", "职务", f"{{{{ {ag}.title | default('—') }}}}"],
            ["身份证号码", f"{{{{ {ag}.id_number }}}}", "联系电话", f"{{{{ {ag}.phone | default('—') }}}}"],
        ],
        [3.2, 5.6, 2.2, 5.0],
        aligns=[C, L, C, L],
        bold_first_col=True,
    )
    para(doc, "", space_before=4)
    id_boxes(doc, ("委托代理人身份证复印件（正面）粘贴处", "委托代理人身份证复印件（反面）粘贴处"))
    para(doc, "", space_before=6)
    para(doc, "投标人：{{ bidder.company }}（盖单位章）")
    para(doc, "法定代表人：＿＿＿＿＿＿＿＿（签字）")
    para(doc, "委托代理人：＿＿＿＿＿＿＿＿（签字）")
    para(doc, "日期：{{ date | date_cn }}")
    return doc


def deviations_table(kind: str, title: str):
    doc = titled_document("zh", title)
    project_line_zh(doc)
    t = table(
        doc,
        ["序号", "招标文件条目号", "招标要求", "投标响应", "偏离", "说明"],
        [
            *deviation_rows(
                f"deviations.{kind}", "label", ["—", "—", "—", "完全响应招标文件要求", "无偏离", ""]
            ),
        ],
        [1.2, 2.4, 4.6, 4.2, 1.6, 2.4],
        aligns=[C, C, L, L, C, L],
    )
    del t
    para(
        doc,
        "注：1. 偏离栏填写“正偏离”“负偏离”或“无偏离”；2. 未列出的条款视为完全响应；"
        "3. 对招标文件中带“★”的实质性要求出现负偏离的，投标无效。",
        size=10.5,
        space_before=6,
    )
    signature_zh(doc, contact=False)
    return doc


# --------------------------------------------------------------------------- the English forms


def para_en(doc, *parts, **kw):
    kw.setdefault("east_asia", SONG)
    return para(doc, *parts, **kw)


def tender_document_en(title: str, *, currency: bool = False):
    """An English schedule: its title, the tender and the tenderer (and the currency)."""
    doc = titled_document("en", title)
    para_en(doc, "Tender: {{ tender.name }} (No. {{ tender.number }})")
    tail = "        Currency: {{ price.currency }}" if currency else ""
    para_en(doc, "Tenderer: {{ bidder.company }}" + tail)
    return doc


def signature_en(doc) -> None:
    para_en(doc, "", space_before=12)
    para_en(
        doc,
        "Signed: ____________________  in the capacity of "
        "{{ bidder.legal_representative.title | default('legal representative') }}",
    )
    para_en(doc, "duly authorised to sign tenders for and on behalf of {{ bidder.company }} (company seal)")
    para_en(doc, "Address: {{ bidder.address }}")
    para_en(
        doc, "Telephone: {{ bidder.phone }}{% if bidder.email %}    E-mail: {{ bidder.email }}{% endif %}"
    )
    para_en(doc, "Date: {{ date | date_en }}")


def form_of_tender():
    doc = titled_document("en", "FORM OF TENDER")
    para_en(doc, "To: {{ tender.buyer }}")
    para_en(
        doc,
        "Tender: {{ tender.name }} (No. {{ tender.number }}{% if tender.lot %}, {{ tender.lot }}{% endif %})",
    )
    para_en(doc, "Dear Sirs,", space_before=6)
    para_en(
        doc,
        "1. Having examined the tender documents, we, the undersigned, offer to carry out and "
        "complete the whole of the contract in conformity with those documents for the sum of "
        "{{ price.total | amount_words }} ({{ price.symbol }}{{ price.total | money }})"
        "{% if price.vat_rate is defined %}, {% if price.vat_included %}including{% else %}"
        "excluding{% endif %} VAT at {{ price.vat_rate | percent }}{% endif %}.",
    )
    para_en(
        doc,
        "2. We undertake, if our tender is accepted, to complete the contract within "
        "{{ offer.duration_days }} calendar days{% if offer.warranty_months is defined %}, "
        "with a warranty period of {{ offer.warranty_months }} months{% endif %}.",
    )
    para_en(
        doc,
        "3. We agree to abide by this tender for {{ offer.bid_validity_days }} days from the "
        "deadline for submission of tenders ({{ tender.deadline | date_en }}); it shall remain "
        "binding upon us and may be accepted at any time before that period expires.",
    )
    para_en(
        doc,
        "4. {% if bond is defined %}We enclose a bid security of {{ bond.amount | amount_words }} "
        "({{ price.symbol }}{{ bond.amount | money }}).{% else %}No bid security is required."
        "{% endif %}",
    )
    para_en(
        doc,
        "5. If our tender is accepted, we will sign the contract within the period stated in the "
        "letter of acceptance, provide the performance security required, and add no conditions "
        "at signing.",
    )
    para_en(
        doc,
        "6. Until a formal contract is prepared and executed, this tender, together with your "
        "written acceptance thereof, shall constitute a binding contract between us. We understand "
        "that you are not bound to accept the lowest or any tender you may receive.",
    )
    para_en(doc, "7. We declare that the information in this tender is true, complete and accurate.")
    signature_en(doc)
    return doc


def price_schedule():
    doc = tender_document_en("PRICE SCHEDULE", currency=True)
    schedule_table(doc, SCHEDULE_EN)
    para_en(
        doc,
        "Total tender price: {{ schedule.total | amount_words }} "
        "({{ price.symbol }}{{ schedule.total | money }})",
        space_before=6,
    )
    para_en(
        doc,
        "Each amount is the unit rate times the quantity; the amounts add up to the total tender price.",
        size=10.5,
    )
    signature_en(doc)
    return doc


def compliance_matrix():
    doc = tender_document_en("COMPLIANCE MATRIX")
    table(
        doc,
        ["No.", "Clause", "Requirement", "Our response", "Compliance", "Remarks"],
        [
            *deviation_rows(
                "deviations.all",
                "label_en",
                [
                    "—",
                    "—",
                    "All requirements of the tender documents",
                    "Complied with in full",
                    "Complies",
                    "",
                ],
            ),
        ],
        [1.2, 2.0, 4.8, 4.2, 2.0, 2.2],
        aligns=[C, C, L, L, C, L],
    )
    para_en(
        doc,
        "Clauses not listed are complied with in full. A deviation from a mandatory (★) "
        "requirement makes a tender non-responsive.",
        size=10.5,
        space_before=6,
    )
    signature_en(doc)
    return doc


# --------------------------------------------------------------------------- the catalogue

TEMPLATES = [
    # name, title, language, file, output, include, checks, builder
    ("bid-letter", "投标函", "zh", "zh/投标函.docx", "01_投标函.docx", "always", ["total"], bid_letter),
    (
        "bid-letter-appendix",
        "投标函附录",
        "zh",
        "zh/投标函附录.docx",
        "02_投标函附录.docx",
        "appendix",
        [],
        bid_letter_appendix,
    ),
    (
        "opening-summary",
        "开标一览表",
        "zh",
        "zh/开标一览表.docx",
        "03_开标一览表.docx",
        "always",
        ["total"],
        opening_summary,
    ),
    (
        "price-breakdown",
        "分项报价表",
        "zh",
        "zh/分项报价表.docx",
        "04_分项报价表.docx",
        "no_bill",
        ["schedule"],
        price_breakdown,
    ),
    (
        "priced-bill",
        "已标价清单",
        "zh",
        "zh/已标价清单.docx",
        "04_已标价清单.docx",
        "bill",
        ["schedule"],
        priced_bill,
    ),
    (
        "legal-rep-id",
        "法定代表人身份证明",
        "zh",
        "zh/法定代表人身份证明.docx",
        "05_法定代表人身份证明.docx",
        "always",
        [],
        legal_rep_id,
    ),
    (
        "power-of-attorney",
        "授权委托书",
        "zh",
        "zh/授权委托书.docx",
        "06_授权委托书.docx",
        "agent",
        [],
        power_of_attorney,
    ),
    (
        "commercial-deviations",
        "商务偏离表",
        "zh",
        "zh/商务偏离表.docx",
        "07_商务偏离表.docx",
        "always",
        [],
        lambda: deviations_table("commercial", "商务偏离表"),
    ),
    (
        "technical-deviations",
        "技术偏离表",
        "zh",
        "zh/技术偏离表.docx",
        "08_技术偏离表.docx",
        "always",
        [],
        lambda: deviations_table("technical", "技术偏离表"),
    ),
    (
        "form-of-tender",
        "Form of Tender",
        "en",
        "en/form_of_tender.docx",
        "11_form_of_tender.docx",
        "always",
        ["total"],
        form_of_tender,
    ),
    (
        "price-schedule",
        "Price Schedule",
        "en",
        "en/price_schedule.docx",
        "12_price_schedule.docx",
        "always",
        ["schedule"],
        price_schedule,
    ),
    (
        "compliance-matrix",
        "Compliance Matrix",
        "en",
        "en/compliance_matrix.docx",
        "13_compliance_matrix.docx",
        "always",
        [],
        compliance_matrix,
    ),
]


# The fonts the forms ask for, declared in word/fontTable.xml with their English names (w:altName)
# and their kind, so Word, WPS and LibreOffice pick a Chinese serif / sans / Latin serif when the
# exact font is missing, instead of a default font with other metrics.
FONT_TABLE = [
    # name, altName, panose, charset (86 = GB2312), family, pitch
    ("宋体", "SimSun", "02010600030101010101", "86", "auto", "variable"),
    ("仿宋", "FangSong", "02010609060101010101", "86", "modern", "fixed"),
    ("黑体", "SimHei", "02010609060101010101", "86", "modern", "fixed"),
    ("Times New Roman", "Liberation Serif", "02020603050405020304", "00", "roman", "variable"),
]


def declare_fonts(path: Path) -> None:
    """Rewrite the saved .docx: fontTable entries for the fonts used (see FONT_TABLE), and
    document defaults of Times New Roman / 宋体 (zh-CN) instead of the theme fonts."""
    import io
    import zipfile

    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def q(tag: str) -> str:
        return f"{{{w}}}{tag}"

    with zipfile.ZipFile(path) as zin:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
        infos = zin.infolist()
    fonts = etree.fromstring(parts["word/fontTable.xml"])
    for name, alt, panose, charset, family, pitch in FONT_TABLE:
        for old in fonts.findall(q("font")):
            if old.get(q("name")) == name:
                fonts.remove(old)
        font = etree.SubElement(fonts, q("font"), {q("name"): name})
        etree.SubElement(font, q("altName"), {q("val"): alt})
        etree.SubElement(font, q("panose1"), {q("val"): panose})
        etree.SubElement(font, q("charset"), {q("val"): charset})
        etree.SubElement(font, q("family"), {q("val"): family})
        etree.SubElement(font, q("pitch"), {q("val"): pitch})
    parts["word/fontTable.xml"] = etree.tostring(
        fonts, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    styles = etree.fromstring(parts["word/styles.xml"])
    rpr = styles.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
    if rpr is not None:
        rfonts = rpr.find(q("rFonts"))
        if rfonts is not None:
            rfonts.attrib.clear()
            for attr in ("ascii", "hAnsi", "cs"):
                rfonts.set(q(attr), LATIN)
            rfonts.set(q("eastAsia"), SONG)
        lang = rpr.find(q("lang"))
        if lang is not None:
            lang.set(q("eastAsia"), "zh-CN")
    parts["word/styles.xml"] = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in infos:
            zout.writestr(info, parts[info.filename])
    path.write_bytes(buf.getvalue())


def main() -> None:
    from bidassist.documents.manifest import TemplateSpec
    from bidassist.documents.render import inspect_fields

    entries = []
    for name, title, lang, file, output, include, checks, build in TEMPLATES:
        path = HERE / file
        path.parent.mkdir(parents=True, exist_ok=True)
        doc = build()
        doc.core_properties.title = title
        doc.core_properties.author = "bidassist"
        doc.save(str(path))
        declare_fonts(path)
        spec = TemplateSpec(name=name, title=title, language=lang, path=path, output=output)
        fields = [f.path + ("" if f.required else " (optional)") for f in inspect_fields(spec)]
        entries.append(
            {
                "name": name,
                "title": title,
                "language": lang,
                "file": file,
                "output": output,
                "include": include,
                "checks": checks,
                "fields": fields,
            }
        )
        print(f"wrote {path.relative_to(HERE.parent)}")
    header = (
        "# Built-in tender-document templates (generated by templates/build_templates.py; "
        "edit that script, not this file).\n"
    )
    text = yaml.safe_dump({"templates": entries}, allow_unicode=True, sort_keys=False, width=110)
    (HERE / "manifest.yaml").write_text(header + text, encoding="utf-8")
    print(f"wrote templates/manifest.yaml ({len(entries)} templates)")


if __name__ == "__main__":
    main()
