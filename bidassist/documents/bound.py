"""The bound bid (投标文件): one .docx with a cover page, a table of contents and every form of the
set in the tender's order, each starting on a new page in its own section (so a landscape priced
bill stays landscape), with the forms' page-number footer running through the whole document.

The forms are the rendered .docx files of the set; the first one lends its styles, page setup and
footer (the built-in forms share one style set). The table of contents lists each form with a
PAGEREF field to a bookmark at its first paragraph: LibreOffice computes the page numbers when it
lays the document out (and in the PDF); Word updates them when it opens the file (updateFields).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from dataclasses import dataclass

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

from bidassist.core.bidfile import Bid
from bidassist.core.errors import InputError

LATIN, SONG, HEI = "Times New Roman", "宋体", "黑体"
_REFS = (qn("w:headerReference"), qn("w:footerReference"))
_NUMBERS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Form:
    title: str
    content: bytes  # a rendered .docx


def _font(run, east_asia: str, size: float, bold: bool = False) -> None:
    run.font.name = LATIN
    run.font.size = Pt(size)
    run.font.bold = bold or None
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asia)


def _para(
    doc,
    text: str,
    *,
    size: float = 16,
    east_asia: str = SONG,
    bold: bool = False,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    before: float = 0,
    after: float = 6,
):
    p = doc.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(after)
    if text:
        _font(p.add_run(text), east_asia, size, bold)
    return p


def _cover(doc, bid: Bid, date: dt.date, copy_label: str) -> None:
    t = bid.tender
    _para(doc, t.name, size=18, east_asia=HEI, bold=True, before=48, after=12)
    if t.lot:
        _para(doc, t.lot, size=16, east_asia=HEI)
    _para(doc, "投 标 文 件", size=36, east_asia=HEI, bold=True, before=48, after=12)
    _para(doc, f"（{copy_label}）", size=20, east_asia=HEI, bold=True, after=72)
    left = WD_ALIGN_PARAGRAPH.LEFT
    for line in (
        f"招标编号：{t.number}",
        f"招 标 人：{t.buyer}",
        f"投 标 人：{bid.bidder.company}（盖单位章）",
        "法定代表人或其委托代理人：＿＿＿＿＿＿＿＿（签字）",
        f"日    期：{date.year}年{date.month}月{date.day}日",
    ):
        p = _para(doc, line, size=15, align=left, after=10)
        p.paragraph_format.left_indent = Cm(1.5)


def _field_run(p, instr: str, shown: str) -> None:
    run = p.add_run()
    _font(run, SONG, 14)
    parts = [
        ("w:fldChar", "begin"),
        ("w:instrText", instr),
        ("w:fldChar", "separate"),
        ("w:t", shown),
        ("w:fldChar", "end"),
    ]
    for tag, value in parts:
        el = OxmlElement(tag)
        if tag == "w:fldChar":
            el.set(qn("w:fldCharType"), value)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = value
        run._r.append(el)


def _toc(doc, titles: list[str], text_width: int) -> None:
    _para(doc, "目    录", size=22, east_asia=HEI, bold=True, after=24)
    for i, title in enumerate(titles, start=1):
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(8)
        tabs = OxmlElement("w:tabs")
        tab = OxmlElement("w:tab")
        tab.set(qn("w:val"), "right")
        tab.set(qn("w:leader"), "dot")
        tab.set(qn("w:pos"), str(text_width))
        tabs.append(tab)
        p._p.get_or_add_pPr().append(tabs)
        label = _NUMBERS[i - 1] if i <= len(_NUMBERS) else str(i)
        _font(p.add_run(f"{label}、{title}\t"), SONG, 14)
        _field_run(p, f" PAGEREF _bid_form_{i} \\h ", str(i + 2))


def _section_break(body, sect_pr) -> None:
    """A paragraph ending a section with these properties (the next starts on a new page)."""
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    ppr.append(sect_pr)
    p.append(ppr)
    body.insert(len(body) - 1, p)


def _with_refs(sect_pr: etree._Element, refs: list[etree._Element]) -> etree._Element:
    """A copy of a form's section properties, its header/footer references replaced by the
    bound document's (the source document's relationship ids mean nothing here)."""
    out = copy.deepcopy(sect_pr)
    for el in list(out):
        if el.tag in _REFS:
            out.remove(el)
    for i, ref in enumerate(refs):
        out.insert(i, copy.deepcopy(ref))
    for el in out.findall(qn("w:titlePg")):
        out.remove(el)
    return out


def _bookmark(elements: list, i: int) -> list:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(9000 + i))
    start.set(qn("w:name"), f"_bid_form_{i}")
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(9000 + i))
    first = elements[0] if elements else None
    if first is None or first.tag != qn("w:p"):
        first = OxmlElement("w:p")
        elements.insert(0, first)
    ppr = first.find(qn("w:pPr"))
    at = 1 if ppr is not None else 0
    first.insert(at, start)
    first.insert(at + 1, end)
    return elements


def _has_parts(element) -> bool:
    """Does the content refer to parts of its own document (pictures, charts, embedded objects)?"""
    r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return any(k.startswith(f"{{{r_ns}}}") for el in element.iter() for k in el.attrib)


# settings children that come after w:updateFields in the schema's sequence (Word checks the order)
_AFTER_UPDATE = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def _update_fields_on_open(settings) -> None:
    """Word recomputes the fields (the table of contents' page numbers) when it opens the file."""
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    for i, el in enumerate(settings):
        if el.tag.rsplit("}", 1)[-1] in _AFTER_UPDATE:
            settings.insert(i, update)
            return
    settings.append(update)


def bind(forms: list[Form], bid: Bid, date: dt.date, *, copy_label: str = "正本") -> bytes:
    """The bound 投标文件 (see the module docstring) as .docx bytes."""
    if not forms:
        raise InputError("no forms to bind", "render --bound")
    base = Document(io.BytesIO(forms[0].content))
    body = base.element.body
    final = body.sectPr
    refs = [copy.deepcopy(el) for el in final if el.tag in _REFS]
    for el in list(body):
        if el is not final:
            body.remove(el)
    section = base.sections[0]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    if final is None or page is None or left is None or right is None:
        raise InputError("the first form has no page set-up (section properties)", forms[0].title)
    width = int((page - left - right) / 635)  # EMU -> twips
    _cover(base, bid, date, copy_label)
    base.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _toc(base, [f.title for f in forms], width)
    first = _with_refs(final, refs)
    first.append(OxmlElement("w:titlePg"))  # no page number on the cover
    _section_break(body, first)
    for i, form in enumerate(forms, start=1):
        src = Document(io.BytesIO(form.content)).element.body
        src_sect = src.sectPr
        elements = [copy.deepcopy(el) for el in src if el is not src_sect]
        if any(_has_parts(el) for el in elements):
            raise InputError(
                "holds pictures or embedded objects, which cannot be bound; bind the set "
                "without it or remove them",
                form.title,
            )
        for el in _bookmark(elements, i):
            body.insert(len(body) - 1, el)
        sect = _with_refs(src_sect, refs) if src_sect is not None else _with_refs(final, refs)
        if i < len(forms):
            _section_break(body, sect)
        else:
            body.replace(final, sect)
    _update_fields_on_open(base.settings.element)
    base.core_properties.title = f"投标文件 — {bid.tender.name}"
    buf = io.BytesIO()
    base.save(buf)
    return buf.getvalue()
