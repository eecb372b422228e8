"""PDF contracts with a text layer (pypdf). Scanned PDFs (images only) are refused with a clear
"no text layer" error: run OCR first, or ask for the Word file.

Lines are read page by page, with the ligatures a text layer dropped restored ("speci ed" ->
"specified", reading/repair.py) and page numbers and footers left out; a line that does not start
with a clause number and follows a line that does not end a sentence is joined to it (PDF text is
wrapped at the page width), so a block is a paragraph rather than a printed line. Locations are
"page P line L" (of the block's first line).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from bidassist.core.errors import InputError
from bidassist.core.safeio import MAX_INPUT_BYTES, check_input_file
from bidassist.reading.clauses import detect_heading
from bidassist.reading.model import MAX_BLOCKS, Block, too_many_blocks_message
from bidassist.reading.repair import is_footer, repair_line, strip_legends

#: Most characters of text read from one PDF (about 5x a 300-page contract).
MAX_PDF_CHARS = 8_000_000
#: A page with fewer non-space characters than this is counted as having no text.
_MIN_PAGE_CHARS = 20
_END_OF_SENTENCE = re.compile(r"[。；;：:！？!?.）)”\"]$")
#: Running page numbers: "3", "- 3 -", "第 3 页 共 10 页", "Page 3 of 10", "3 / 10".
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—\s]*\d{1,4}[-–—\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|"
    r"(?:page|Page|PAGE)\s+\d+(?:\s+of\s+\d+)?|\d{1,4}\s*/\s*\d{1,4})$"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")

NO_TEXT_LAYER = (
    "the PDF has no text layer (a scanned image?): run OCR on it or use the Word file "
    "(PDF无文字层，可能是扫描件，请先OCR或提供Word版本)"
)


def read_pdf(path: Path) -> tuple[list[Block], list[str]]:
    """(blocks, notes) of a PDF with a text layer; InputError naming the file otherwise."""
    path = Path(path)
    where = str(path)
    check_input_file(path, max_bytes=MAX_INPUT_BYTES, what="contract")
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise InputError("is not a PDF file", where)
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            ok: object
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several kinds for unknown encryption
                ok = 0
            if not ok:
                raise InputError("the PDF is password-protected; remove the password and try again", where)
        pages = list(reader.pages)
    except InputError:
        raise
    except (
        PdfReadError,
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        OSError,
        EOFError,
        AttributeError,
        IndexError,
        RecursionError,
    ) as exc:
        raise InputError(
            f"the PDF is corrupt or cannot be read ({exc.__class__.__name__}: {exc})", where
        ) from None
    blocks: list[Block] = []
    notes: list[str] = []
    empty_pages: list[int] = []
    total = 0
    for page_no, page in enumerate(pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # noqa: BLE001 - a broken page must not stop the others
            notes.append(f"page {page_no} could not be read ({exc.__class__.__name__})")
            continue
        total += len(text)
        if total > MAX_PDF_CHARS:
            raise InputError(
                f"the PDF has more than {MAX_PDF_CHARS:,} characters of text; too large for a contract", where
            )
        if len(text.split()) == 0 or sum(1 for ch in text if not ch.isspace()) < _MIN_PAGE_CHARS:
            empty_pages.append(page_no)
        _page_blocks(text, page_no, blocks)
        if len(blocks) > MAX_BLOCKS:
            raise InputError(too_many_blocks_message(), where)
    if not blocks:
        if reader.is_encrypted:  # decrypted with the empty password, yet no text came out
            raise InputError(
                "the PDF is encrypted (e.g. AES) and its text cannot be read; remove the "
                "encryption (print it to a new PDF) or use the Word file "
                "(PDF已加密，无法读取文字)",
                where,
            )
        raise InputError(NO_TEXT_LAYER, where)
    if empty_pages:
        shown = ", ".join(str(p) for p in empty_pages[:20]) + (" ..." if len(empty_pages) > 20 else "")
        notes.append(f"pages without a text layer were skipped (scanned?): {shown}")
    return blocks, notes


def _page_blocks(text: str, page_no: int, blocks: list[Block]) -> None:
    joinable = False  # the last block on this page may take the next line
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = strip_legends(repair_line(raw.strip()))  # ligatures the text layer dropped ("speci ed")
        if not line or _PAGE_NUMBER.match(line) or is_footer(line):
            joinable = joinable and bool(line)
            continue
        h = detect_heading(line)
        if joinable and h is None and blocks:
            prev = blocks[-1]
            sep = "" if _CJK.search(prev.text[-1:]) and _CJK.search(line[:1]) else " "
            prev.text = prev.text + sep + line
        else:
            blocks.append(
                Block(
                    index=len(blocks),
                    text=line,
                    number=h.number if h else None,
                    location=f"page {page_no} line {line_no}",
                )
            )
        # a short heading line ("第七条 付款方式") keeps its own block; its body starts a new one
        joinable = not _END_OF_SENTENCE.search(line) and not (h is not None and len(line) <= 40)
