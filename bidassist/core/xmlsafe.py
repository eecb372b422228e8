"""Hardened XML for every part of every zip container (xlsx, docx, ods): no DTD, no entities, no
network, size limits, relationship targets inside the package.

Office files never carry a document type declaration, so any `<!DOCTYPE` or `<!ENTITY` in the
prolog of a part is refused before python-docx, openpyxl, calamine or lxml parse it: this closes
billion-laughs and XXE for every library at once, whatever parser it uses. Relationship parts
(`*.rels`) are parsed here with the hardened parser, and every internal target must resolve to a
part inside the package (`../../etc/passwd` is refused). `check_package` runs from
`safeio.check_zip`, before any parser opens the file.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from urllib.parse import unquote

from lxml import etree

from bidassist.core.errors import InputError

#: the prolog (everything before the root element) of a part is at most this long
MAX_PROLOG = 64 * 1024
#: a relationships part is at most this large
MAX_RELS_BYTES = 8 * 1024 * 1024

#: the one parser for XML from untrusted files: no DTD loading, no entity expansion, no network,
#: no "huge tree" (libxml2's own depth and text-size limits stay on)
PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_pis=True,
)

_XML_NAME = re.compile(r"\.(xml|rels|vml)$", re.I)
_PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
#: what the main part of a container must be, by file suffix
_MAIN_PART = {
    ".xlsx": ("xl/workbook.xml", "an Excel workbook"),
    ".xlsm": ("xl/workbook.xml", "an Excel workbook"),
    ".xlsb": ("xl/workbook.bin", "an Excel binary workbook"),
    ".docx": ("word/document.xml", "a Word document"),
    ".docm": ("word/document.xml", "a Word document"),
    ".dotx": ("word/document.xml", "a Word template"),
    ".ods": ("content.xml", "an OpenDocument spreadsheet"),
}


def parse_xml(data: bytes, where: str, part: str = "") -> etree._Element:
    """Parse untrusted XML with the hardened parser; InputError naming the part otherwise."""
    problem = prolog_problem(data[:MAX_PROLOG])
    if problem:
        raise InputError(f"{part or 'XML'}: {problem}", where)
    try:
        return etree.fromstring(data, parser=PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{part or 'XML'} is not well-formed XML ({exc})", where) from None


def _decode_head(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    if len(head) > 1 and (head[0] == 0 or head[1] == 0):
        return head.decode("utf-16-be" if head[0] == 0 else "utf-16-le", errors="replace")
    return head.decode("latin-1")


def prolog_problem(head: bytes) -> str | None:
    """Why the prolog of an XML part is refused (a DTD or entity declaration), or None. Comments
    and processing instructions are skipped, so a DTD cannot hide behind them."""
    text = _decode_head(head).lstrip("\ufeff")
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos >= len(text):
            return "the XML prolog is too long" if len(head) >= MAX_PROLOG else None
        rest = text[pos : pos + 9].upper()
        if rest.startswith(("<!DOCTYPE", "<!ENTITY")):
            return "has a DTD (<!DOCTYPE>); Office files never do — refused (entity expansion / XXE)"
        if text.startswith("<?", pos) or text.startswith("<!--", pos):
            close = "?>" if text[pos + 1] == "?" else "-->"
            end = text.find(close, pos + 2)
            if end < 0:
                return "the XML prolog is too long" if len(head) >= MAX_PROLOG else None
            pos = end + len(close)
            continue
        return None  # the root element (or something the parser will refuse)


def _check_rels(zf: zipfile.ZipFile, name: str, names: set[str], where: str) -> None:
    info = zf.getinfo(name)
    if info.file_size > MAX_RELS_BYTES:
        raise InputError(
            f"{name} is {info.file_size:,} bytes, over the limit for a relationships part", where
        )
    root = parse_xml(zf.read(name), where, name)
    source_dir = posixpath.dirname(posixpath.dirname(name))  # word/_rels/x.rels -> word
    for rel in root.iter(_PKG_RELS):
        if (rel.get("TargetMode") or "").lower() == "external":
            continue
        target = unquote(rel.get("Target") or "")
        if target.startswith("#"):
            continue  # a link to a place inside the document (#Dashboard!A1, #_Toc12), not a part
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.join(source_dir, target)
        resolved = posixpath.normpath(resolved) if resolved else ""
        if not resolved or resolved.startswith("..") or posixpath.isabs(resolved) or "\\" in target:
            raise InputError(
                f"{name}: relationship target {target!r} points outside the package (refused)", where
            )
        if resolved not in names and resolved.rstrip("/") + "/" not in names:
            raise InputError(
                f"{name}: relationship target {target!r} is not in the file (damaged or crafted package)",
                where,
            )


def check_package(zf: zipfile.ZipFile, where: str, suffix: str = "") -> None:
    """Refuse a container whose XML parts carry a DTD, whose relationships point outside it, or
    whose main part is not the one its suffix promises (a .docx renamed .xlsx)."""
    names = set(zf.namelist())
    main = _MAIN_PART.get(suffix.lower())
    if main and main[0] not in names:
        other = next((desc for part, desc in _MAIN_PART.values() if part in names), None)
        found = f"; it looks like {other}" if other else ""
        raise InputError(f"is not {main[1]} ({main[0]} is missing{found})", where)
    for info in zf.infolist():
        if not _XML_NAME.search(info.filename) or info.is_dir():
            continue
        with zf.open(info) as fh:
            head = fh.read(MAX_PROLOG)
        problem = prolog_problem(head)
        if problem:
            raise InputError(f"{info.filename} {problem}", where)
        if info.filename.endswith(".rels"):
            _check_rels(zf, info.filename, names, where)
