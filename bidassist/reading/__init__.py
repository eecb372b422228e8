"""Reading contracts: .docx, .pdf (with a text layer), .txt and .md -> blocks and clauses.

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

SUPPORTED_SUFFIXES = (".docx", ".docm", ".pdf", ".txt", ".text", ".md", ".markdown")
EMPTY_MESSAGE = "the contract has no text (an empty document?) (合同无文字内容)"


def read_contract(path: Path) -> ContractText:
    """Read a contract file into blocks and clauses. The format comes from the suffix (.docx,
    .docm, .pdf, .txt, .text, .md, .markdown); the content must match it. Raises InputError
    naming the file for an unsupported, unreadable or empty file."""
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"unsupported contract format {suffix or '(no suffix)'!r}: use .docx, .pdf, .txt or .md "
            "(.doc: save it as .docx first)",
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
