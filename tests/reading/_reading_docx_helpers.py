"""Build real .docx files for the reading tests: automatic numbering, tracked changes, content
controls, fields — written as raw WordprocessingML into python-docx documents."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def new_document() -> docx.document.Document:
    return docx.Document()


def add_abstract(doc, abstract_id: int, levels: list[dict], *, extra: str = "") -> None:
    """levels: dicts with fmt, text, start (default 1), restart, pstyle, legal, suff."""
    lvls = []
    for i, lv in enumerate(levels):
        parts = [f'<w:lvl w:ilvl="{i}">']
        if lv.get("start", 1) is not None:
            parts.append(f'<w:start w:val="{lv.get("start", 1)}"/>')
        parts.append(f'<w:numFmt w:val="{lv.get("fmt", "decimal")}"/>')
        if "restart" in lv:
            parts.append(f'<w:lvlRestart w:val="{lv["restart"]}"/>')
        if "pstyle" in lv:
            parts.append(f'<w:pStyle w:val="{lv["pstyle"]}"/>')
        if lv.get("legal"):
            parts.append("<w:isLgl/>")
        if "suff" in lv:
            parts.append(f'<w:suff w:val="{lv["suff"]}"/>')
        parts.append(f'<w:lvlText w:val="{lv["text"]}"/></w:lvl>')
        lvls.append("".join(parts))
    xml = f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">{extra}{"".join(lvls)}</w:abstractNum>'
    numbering = doc.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    el = parse_xml(xml)
    if first_num is not None:
        first_num.addprevious(el)
    else:
        numbering.append(el)


def add_num(doc, num_id: int, abstract_id: int, *, start_overrides: dict[int, int] | None = None) -> None:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
        for k, v in (start_overrides or {}).items()
    )
    xml = f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
    doc.part.numbering_part.element.append(parse_xml(xml))


def numbered(doc, text: str, num_id: int, ilvl: int = 0, style: str | None = None):
    p = doc.add_paragraph(text, style=style)
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def raw_paragraph(doc, inner_xml: str, ppr: str = ""):
    """Append a paragraph given its inner XML (runs, ins, del, sdt, fields)."""
    p = parse_xml(f"<w:p {W_NS}>{ppr}{inner_xml}</w:p>")
    doc.element.body.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr").addprevious(
        p
    )
    return p


def raw_body(doc, xml: str):
    el = parse_xml(xml.replace("<W>", f"<w:sdt {W_NS}>") if "<W>" in xml else xml)
    doc.element.body.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr").addprevious(
        el
    )
    return el


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def save(doc, path: Path) -> Path:
    doc.save(str(path))
    return path
