"""Word (.docx) contracts: the body's paragraphs and table rows in document order, as Word shows
them with all tracked changes accepted.

Read: paragraphs and table rows of the main document body (not headers, footers, footnotes,
comments or text boxes); Word's automatic numbers rebuilt from numbering.xml (see numbering.py);
content controls (w:sdt) and smart tags/custom XML unwrapped; fields shown as their result (not
their code); insertions kept, deletions and moved-away text dropped, a deleted paragraph mark
joins the paragraph to the next one; hidden text (w:vanish) and tables of contents' field codes
skipped. The file is checked with `check_zip` (bombs, encryption, corruption) and parsed once
with lxml, without entity expansion or network access.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from bidassist.core.errors import InputError
from bidassist.core.safeio import MiB, check_zip
from bidassist.reading.clauses import UNKNOWN_HEADING as _UNKNOWN
from bidassist.reading.clauses import detect_heading
from bidassist.reading.model import MAX_BLOCKS, Block, too_many_blocks_message
from bidassist.reading.numbering import Numbering, Styles, W, ui_style_name, w

#: Largest word/document.xml parsed (the XML, not the file: images live in other parts). A
#: 300-page contract is about 5–15 MB of XML; lxml needs roughly 5-10x that in memory.
MAX_DOCUMENT_XML_BYTES = 48 * MiB

TRACKED_NOTE = (
    "the document has unaccepted tracked changes; it was read as if they were accepted "
    "(文档含未接受的修订，已按接受全部修订后的文本读取)"
)

_PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NUMBERING = "/numbering"
_REL_STYLES = "/styles"
_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_MATH_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MATH_T = _MATH_NS + "t"
_MATH_PARA = _MATH_NS + "oMathPara"
_MATH = _MATH_NS + "oMath"

P, TBL, TR, TC, R, T = w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("t")
SDT, SDT_CONTENT, SDT_PR = w("sdt"), w("sdtContent"), w("sdtPr")
INS, DEL, MOVE_TO, MOVE_FROM = w("ins"), w("del"), w("moveTo"), w("moveFrom")
PPR, RPR, TRPR = w("pPr"), w("rPr"), w("trPr")
_DESCEND_INLINE = {
    w("hyperlink"),
    w("smartTag"),
    w("customXml"),
    w("fldSimple"),
    w("bdo"),
    w("dir"),
    SDT_CONTENT,
}
_DESCEND_BLOCK = {w("customXml")}
_VAL = w("val")

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _parse_xml(data: bytes, where: str, part: str) -> Any:
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the Word file is corrupt: {part} is not valid XML ({exc})", where) from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise InputError(
            f"the Word file's {part} declares a DTD, which Word never writes; refused "
            "(entity expansion attack?)",
            where,
        )
    return root


@dataclass
class RawBlock:
    """One block as the walker found it, with the paragraph element to anchor comments on."""

    index: int
    text: str
    number: str | None
    location: str
    style: str | None
    paragraph: Any  # lxml w:p element
    heading: Any = _UNKNOWN  # the Heading detected from the text, None, or _UNKNOWN (a Word label)


@dataclass
class _FieldState:
    in_code: bool = True
    code: str = ""


@dataclass
class _Walker:
    numbering: Numbering
    styles: Styles
    tracked: bool = False
    fields: list[_FieldState] = field(default_factory=list)
    where: str | None = None
    _index: int = 0

    # ----------------------------------------------------------------- block level

    def _children(self, container: Any) -> Iterator[tuple[Any, bool]]:
        """Block-level children (w:p, w:tbl) with unwrapping; (element, inside a TOC)."""
        for child in container:
            tag = child.tag
            if tag == P or tag == TBL:
                yield child, False
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is None:
                    continue
                toc = _is_toc_sdt(child)
                for el, inner_toc in self._children(content):
                    yield el, toc or inner_toc
            elif tag == INS or tag == MOVE_TO:
                self.tracked = True
                yield from self._children(child)
            elif tag == DEL or tag == MOVE_FROM:
                self.tracked = True
            elif tag in _DESCEND_BLOCK:
                yield from self._children(child)

    def walk(self, body: Any) -> Iterator[RawBlock]:
        paragraph_no = 0
        table_no = 0
        carry: list[str] = []
        carry_loc: str | None = None
        carry_el = None
        for el, toc in self._children(body):
            if el.tag == P:
                paragraph_no += 1
                text, label, style, deleted_mark, in_toc = self._paragraph(el)
                if deleted_mark:  # accepting joins it to the next paragraph
                    if text:
                        carry.append(text)
                        if carry_loc is None:
                            carry_loc, carry_el = f"paragraph {paragraph_no}", el
                    continue
                if carry:
                    text = "".join(carry) + text
                location = carry_loc or f"paragraph {paragraph_no}"
                anchor = carry_el if carry_el is not None else el
                carry, carry_loc, carry_el = [], None, None
                block = self._block(text, label, location, style, anchor, toc or in_toc)
                if block is not None:
                    yield block
            else:
                if carry:
                    block = self._block("".join(carry), None, carry_loc or "", None, carry_el, toc)
                    carry, carry_loc, carry_el = [], None, None
                    if block is not None:
                        yield block
                table_no += 1
                yield from self._table(el, table_no, toc)
        if carry:
            block = self._block("".join(carry), None, carry_loc or "", None, carry_el, False)
            if block is not None:
                yield block

    def _block(
        self, text: str, label: str | None, location: str, style: str | None, anchor: Any, toc: bool
    ) -> RawBlock | None:
        if not text.strip():
            return None
        text = text.strip()
        number: str | None = None
        heading: Any = _UNKNOWN
        if label:
            text = f"{label} {text}" if not text.startswith(label) else text
            number = _display_number(label)
        elif toc:
            heading = None
        else:
            heading = detect_heading(text)
            number = heading.number if heading is not None else None
        raw = RawBlock(self._index, text, None if toc else number, location, style, anchor, heading)
        self._next_index()
        return raw

    def _table(self, tbl: Any, table_no: int, toc: bool) -> Iterator[RawBlock]:
        row_no = 0
        for tr in _rows(tbl, self):
            row_no += 1
            cells: list[str] = []
            anchor = None
            for tc in _cells(tr, self):
                parts, first = self._cell_text(tc)
                if parts:
                    cells.append(" ".join(parts))
                    if anchor is None:
                        anchor = first
            if not cells:
                continue
            text = " | ".join(cells)
            h = None if toc else detect_heading(text)
            number = h.number if h is not None else None
            yield RawBlock(self._index, text, number, f"table {table_no} row {row_no}", None, anchor, h)
            self._next_index()

    def _cell_text(self, container: Any) -> tuple[list[str], Any]:
        parts: list[str] = []
        first = None
        carry = ""
        for el, _toc in self._children(container):
            if el.tag == P:
                text, label, _style, deleted_mark, _ = self._paragraph(el)
                if deleted_mark:
                    carry += text
                    continue
                text = (carry + text).strip()
                carry = ""
                if text:
                    parts.append(f"{label} {text}" if label else text)
                    if first is None:
                        first = el
            else:
                for tr in _rows(el, self):
                    for tc in _cells(tr, self):
                        inner, inner_first = self._cell_text(tc)
                        parts.extend(inner)
                        if first is None:
                            first = inner_first
        if carry.strip():
            parts.append(carry.strip())
        return parts, first

    # ----------------------------------------------------------------- paragraph level

    def _paragraph(self, p: Any) -> tuple[str, str | None, str | None, bool, bool]:
        """(text, automatic number label, style name, paragraph mark deleted, in a TOC field)."""
        ppr = p.find(PPR)
        style_id = None
        deleted_mark = False
        if ppr is not None:
            style_el = ppr.find(w("pStyle"))
            if style_el is not None:
                style_id = style_el.get(_VAL)
            rpr = ppr.find(RPR)
            if rpr is not None:
                if rpr.find(DEL) is not None or rpr.find(MOVE_FROM) is not None:
                    deleted_mark = True
                    self.tracked = True
                elif rpr.find(INS) is not None or rpr.find(MOVE_TO) is not None:
                    self.tracked = True
        if style_id is None:
            style_id = self.styles.default_paragraph
        out: list[str] = []
        self._inline(p, out)
        text = "".join(out)
        in_toc = any(f.code.lstrip().upper().startswith("TOC") for f in self.fields)
        label = None
        if not deleted_mark:
            resolved = self.numbering.resolve(ppr, style_id)
            if resolved is not None:
                label_text, _suffix, _bullet = self.numbering.label(*resolved)
                label = label_text or None
        style_name = self.styles.name(style_id)
        if style_name is not None:
            style_name = ui_style_name(style_name)
            if style_name.lower().startswith("toc "):
                in_toc = True
        return text, label, style_name, deleted_mark, in_toc

    def _inline(self, el: Any, out: list[str]) -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, out)
            elif tag in _DESCEND_INLINE:
                self._inline(child, out)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content, out)
            elif tag == INS or tag == MOVE_TO:
                self.tracked = True
                self._inline(child, out)
            elif tag == DEL or tag == MOVE_FROM:
                self.tracked = True
            elif tag == _MATH or tag == _MATH_PARA:
                out.extend(t.text or "" for t in child.iter(_MATH_T))

    def _run(self, r: Any, out: list[str]) -> None:
        hidden = False
        for child in r:
            tag = child.tag
            if tag == RPR:
                # hidden text is not shown or printed; field marks still count
                hidden = hidden or _vanished(child)
            elif tag == w("fldChar"):
                self._field_char(child)
            elif tag == w("instrText"):
                if self.fields and self.fields[-1].in_code:
                    self.fields[-1].code += child.text or ""
            elif not hidden:
                piece = self._shown(child, tag)
                if piece:
                    out.append(piece)

    def _shown(self, child: Any, tag: str) -> str:
        """The text one visible run child shows ('' for none)."""
        if tag == w("noBreakHyphen"):
            return "-"
        if tag == w("sym"):
            return _symbol(child)
        if self._in_code():
            return ""
        if tag == T:
            return child.text or ""
        if tag in (w("tab"), w("ptab")):
            return "\t"
        if tag in (w("br"), w("cr")) and child.get(w("type")) not in ("page", "column"):
            return "\n"
        return ""  # drawings, pictures, objects, alternate content: not text

    def _field_char(self, child: Any) -> None:
        kind = child.get(w("fldCharType"))
        if kind == "begin":
            self.fields.append(_FieldState())
        elif kind == "separate" and self.fields:
            self.fields[-1].in_code = False
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _next_index(self) -> None:
        self._index += 1
        if self._index > MAX_BLOCKS:
            raise InputError(too_many_blocks_message(), self.where)

    def _in_code(self) -> bool:
        return any(f.in_code for f in self.fields)


def _rows(tbl: Any, walker: _Walker) -> Iterator[Any]:
    for child in tbl:
        tag = child.tag
        if tag == TR:
            trpr = child.find(TRPR)
            if trpr is not None:
                if trpr.find(DEL) is not None:
                    walker.tracked = True
                    continue
                if trpr.find(INS) is not None:
                    walker.tracked = True
            yield child
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _rows(content, walker)
        elif tag in _DESCEND_BLOCK:
            yield from _rows(child, walker)


def _cells(tr: Any, walker: _Walker) -> Iterator[Any]:
    for child in tr:
        tag = child.tag
        if tag == TC:
            tcpr = child.find(w("tcPr"))
            if tcpr is not None and tcpr.find(w("cellDel")) is not None:
                walker.tracked = True
                continue
            yield child
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _cells(content, walker)
        elif tag in _DESCEND_BLOCK:
            yield from _cells(child, walker)


def _is_toc_sdt(sdt: Any) -> bool:
    pr = sdt.find(SDT_PR)
    if pr is None:
        return False
    gallery = pr.find(f"{w('docPartObj')}/{w('docPartGallery')}")
    return gallery is not None and "contents" in (gallery.get(_VAL) or "").lower()


def _display_number(label: str) -> str | None:
    """Block.number for an automatic label, written as a typed number would be ("7." -> "7",
    "IV." -> "IV", "第七条" and "(一)" as displayed); labels that are no known kind stay as shown."""
    label = label.strip()
    if not label:
        return None
    h = detect_heading(label + " x")
    if h is not None and h.rest == "x":
        return h.number
    return label


# --------------------------------------------------------------------------- files


@dataclass
class DocxResult:
    blocks: list[Block]
    tracked: bool
    headings: list[Any]  # per block: Heading, None, or _UNKNOWN (see split_clauses)


def _rels(zf: zipfile.ZipFile, name: str, where: str) -> dict[str, str]:
    """reltype -> target (resolved against the source part's folder) for one .rels part."""
    try:
        data = zf.read(name)
    except KeyError:
        return {}
    root = _parse_xml(data, where, name)
    base = posixpath.dirname(posixpath.dirname(name))  # word/_rels/document.xml.rels -> word
    out: dict[str, str] = {}
    for rel in root.iter(_PKG_RELS):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        rtype = rel.get("Type") or ""
        if target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(base, target))
        out.setdefault(rtype.rsplit("/", 1)[-1], resolved)
    return out


def _content_type(zf: zipfile.ZipFile, part: str, where: str) -> str:
    try:
        root = _parse_xml(zf.read("[Content_Types].xml"), where, "[Content_Types].xml")
    except KeyError:
        return ""
    for ov in root.iter(_CT_NS + "Override"):
        if (ov.get("PartName") or "").lstrip("/") == part:
            return ov.get("ContentType") or ""
    ext = part.rsplit(".", 1)[-1]
    for de in root.iter(_CT_NS + "Default"):
        if de.get("Extension") == ext:
            return de.get("ContentType") or ""
    return ""


def _read_part(zf: zipfile.ZipFile, name: str, where: str, limit: int) -> bytes | None:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        raise InputError(
            f"the Word file's {name} is {info.file_size / MiB:.0f} MB of XML, over the "
            f"{limit / MiB:.0f} MB limit",
            where,
        )
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
        raise InputError(f"the Word file is corrupt or truncated ({exc})", where) from None
    if len(data) > limit:
        raise InputError(f"the Word file's {name} is over the {limit / MiB:.0f} MB limit", where)
    return data


def _main_part(zf: zipfile.ZipFile, where: str) -> str:
    rels = _rels(zf, "_rels/.rels", where)
    target = rels.get("officeDocument")
    names = set(zf.namelist())
    if target is None or target not in names:
        if "xl/workbook.xml" in names:
            raise InputError("is an Excel workbook, not a Word document (.docx expected)", where)
        if "ppt/presentation.xml" in names:
            raise InputError("is a PowerPoint file, not a Word document (.docx expected)", where)
        if "word/document.xml" in names:
            return "word/document.xml"
        raise InputError("is not a Word document (no word/document.xml); save it as .docx", where)
    ctype = _content_type(zf, target, where)
    if "spreadsheetml" in ctype or "ms-excel" in ctype:
        raise InputError("is an Excel workbook, not a Word document (.docx expected)", where)
    if "presentationml" in ctype or "ms-powerpoint" in ctype:
        raise InputError("is a PowerPoint file, not a Word document (.docx expected)", where)
    if ctype and "wordprocessingml" not in ctype and "ms-word" not in ctype:
        raise InputError(f"is not a Word document (its main part is {ctype})", where)
    return target


def read_docx(path: Path) -> DocxResult:
    """Blocks of a .docx file; InputError naming the file for anything that is not a readable
    Word document (encrypted, legacy .doc, corrupt, zip bomb, another Office format)."""
    path = Path(path)
    where = str(path)
    check_zip(path, what="contract")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"the Word file is corrupt or truncated ({exc})", where) from None
    with zf:
        main = _main_part(zf, where)
        data = _read_part(zf, main, where, MAX_DOCUMENT_XML_BYTES)
        if data is None:
            raise InputError("is not a Word document (no main document part)", where)
        doc_rels = _rels(
            zf, posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels"), where
        )
        numbering_root = styles_root = None
        if "numbering" in doc_rels:
            raw = _read_part(zf, doc_rels["numbering"], where, MAX_DOCUMENT_XML_BYTES)
            numbering_root = _parse_xml(raw, where, doc_rels["numbering"]) if raw else None
        if "styles" in doc_rels:
            raw = _read_part(zf, doc_rels["styles"], where, MAX_DOCUMENT_XML_BYTES)
            styles_root = _parse_xml(raw, where, doc_rels["styles"]) if raw else None
        root = _parse_xml(data, where, main)
    del data
    if root.tag != w("document"):
        if root.tag.endswith("}document"):
            raise InputError(
                "is a Strict Open XML document; save it as a regular Word document (.docx) and try again",
                where,
            )
        raise InputError("is not a Word document (its main part is not w:document)", where)
    body = root.find(w("body"))
    styles = Styles.from_xml(styles_root)
    walker = _Walker(Numbering(numbering_root, styles), styles, where=where)
    blocks: list[Block] = []
    headings: list[Any] = []
    if body is not None:
        for walked in walker.walk(body):
            blocks.append(
                Block(
                    index=walked.index,
                    text=walked.text,
                    number=walked.number,
                    location=walked.location,
                    style=walked.style,
                )
            )
            headings.append(walked.heading)
    return DocxResult(blocks=blocks, tracked=walker.tracked, headings=headings)


def iter_docx_blocks(document: Any) -> Iterator[tuple[int, Any, str]]:
    """(block index, python-docx Paragraph, location) for a python-docx Document, in the same
    order and with the same indices as `read_contract` gives its blocks, so an annotator can anchor
    Word comments on a clause's paragraphs. A table row yields the first paragraph with text in
    the row; a paragraph joined to the next by a deleted paragraph mark yields the first one."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.text.paragraph import Paragraph

    numbering_root = styles_root = None
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        if rel.reltype == RT.NUMBERING:
            numbering_root = getattr(rel.target_part, "element", None)
        elif rel.reltype == RT.STYLES:
            styles_root = getattr(rel.target_part, "element", None)
    styles = Styles.from_xml(styles_root)
    walker = _Walker(Numbering(numbering_root, styles), styles)
    body = document.element.body
    for raw in walker.walk(body):
        yield raw.index, Paragraph(raw.paragraph, document), raw.location


__all__ = [
    "MAX_DOCUMENT_XML_BYTES",
    "TRACKED_NOTE",
    "DocxResult",
    "RawBlock",
    "W",
    "iter_docx_blocks",
    "read_docx",
]


def _vanished(rpr: Any) -> bool:
    vanish = rpr.find(w("vanish"))
    return vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off")


def _symbol(sym: Any) -> str:
    """A w:sym's character; symbol-font private-use glyphs (U+F000–F0FF) are not text."""
    try:
        code = int(sym.get(w("char")) or "", 16)
    except ValueError:
        return ""
    return "" if 0xF000 <= code <= 0xF0FF else chr(code)
