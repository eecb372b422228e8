"""Reading contracts: .docx, .doc, .pdf (with a text layer), .txt and .md -> blocks and clauses.

    read_contract(path) -> ContractText        blocks in document order, clauses, notes
    split_clauses(blocks) -> list[Clause]      clause splitting (also for plain text)
    text_blocks(text, name) -> list[Block]     plain text -> one block per non-empty line
    iter_docx_blocks(document)                 (index, python-docx Paragraph, location) per block

Every problem with the file raises InputError naming it (see docs/reading.md).
"""

from __future__ import annotations

from pathlib import Path

from bidassist.core.errors import InputError
from bidassist.reading.clauses import Heading, classify_number, detect_heading, split_clauses
from bidassist.reading.doc import SAVE_AS, read_doc
from bidassist.reading.docx import TRACKED_NOTE, iter_docx_blocks, read_docx
from bidassist.reading.model import Block, Clause, ContractText
from bidassist.reading.pdf import read_pdf
from bidassist.reading.text import read_text_contract, text_blocks, text_blocks_and_headings

__all__ = [
    "Block",
    "Clause",
    "ContractText",
    "Heading",
    "SUPPORTED_SUFFIXES",
    "classify_number",
    "detect_heading",
    "iter_docx_blocks",
    "read_contract",
    "split_clauses",
    "text_blocks",
]

SUPPORTED_SUFFIXES = (".docx", ".docm", ".doc", ".dot", ".wps", ".pdf", ".txt", ".text", ".md", ".markdown")
EMPTY_MESSAGE = "the contract has no text (an empty document?) (合同无文字内容)"


def read_contract(path: Path) -> ContractText:
    """Read a contract file into blocks and clauses. The format comes from the suffix (.docx,
    .docm, .doc, .dot, .wps, .pdf, .txt, .text, .md, .markdown); the content must match it. Raises InputError
    naming the file for an unsupported, unreadable or empty file."""
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"unsupported contract format {suffix or '(no suffix)'!r}: use .docx, .doc, .pdf, .txt or .md",
            where,
        )
    if not path.exists():
        raise InputError("contract not found", where)
    notes: list[str] = []
    if suffix in (".docx", ".docm"):
        result = read_docx(path)
        blocks, headings, kind = result.blocks, result.headings, "docx"
        if result.tracked:
            notes.append(TRACKED_NOTE)
    elif suffix in (".doc", ".dot", ".wps") and (real := _legacy_word_content(path)) != "doc":
        notes.append(f"the file is a {real} file named {suffix}: read as {real} (文件实为 {real} 格式)")
        return _read_as(path, real, notes)
    elif suffix in (".doc", ".dot", ".wps"):
        blocks, headings, doc_notes = read_doc(path)
        notes.extend(doc_notes)
        kind = "doc"
    elif suffix == ".pdf":
        blocks, pdf_notes = read_pdf(path)
        headings = None
        notes.extend(pdf_notes)
        kind = "pdf"
    else:
        blocks, headings = text_blocks_and_headings(read_text_contract(path), str(path))
        kind = "txt"
    if not blocks:
        raise InputError(EMPTY_MESSAGE, where)
    clauses = split_clauses(blocks, headings=headings)
    if not any(c.number for c in clauses):
        notes.append(
            "no clause numbers were found; each paragraph is checked as a clause of its own "
            "(未识别到条款编号，按段落逐一检查)"
        )
    return ContractText(name=path.name, kind=kind, blocks=blocks, clauses=clauses, notes=notes)


def _legacy_word_content(path: Path) -> str:
    """What a .doc/.dot/.wps file really holds: "doc" (a compound file, or anything the .doc reader
    should refuse itself), ".docx" or ".pdf" (files often saved or downloaded under a .doc name);
    InputError for RTF and web pages, which are not read."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise InputError(f"cannot read the contract: {exc.strerror or exc}", str(path)) from None
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    if head.startswith(b"%PDF-"):
        return ".pdf"
    start = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower()
    if start.startswith(b"{\\rtf"):
        raise InputError(f"is an RTF file named {path.suffix}: {SAVE_AS}", str(path))
    if start.startswith((b"<html", b"<!doctype", b"<?xml", b"<meta", b"<head")):
        raise InputError(f"is a web page or XML file named {path.suffix}: {SAVE_AS}", str(path))
    return "doc"


def _read_as(path: Path, real: str, notes: list[str]) -> ContractText:
    """Read a misnamed .doc as the format it holds."""
    if real == ".docx":
        result = read_docx(path)
        blocks, headings, kind = result.blocks, result.headings, "docx"
        if result.tracked:
            notes.append(TRACKED_NOTE)
    else:
        blocks, pdf_notes = read_pdf(path)
        headings, kind = None, "pdf"
        notes.extend(pdf_notes)
    if not blocks:
        raise InputError(EMPTY_MESSAGE, str(path))
    return ContractText(
        name=path.name,
        kind=kind,
        blocks=blocks,
        clauses=split_clauses(blocks, headings=headings),
        notes=notes,
    )
