"""Legacy Word 97-2003 binary documents (.doc, .dot, and WPS Office .wps files that hold a Word binary).

The text is read from the document's piece table ([MS-DOC] 2.9.38 Clx, 2.9.178 PlcPcd) in the
compound file (olefile): each piece is either 8-bit text (Windows-1252) or UTF-16LE. Paragraphs end at
a paragraph mark; table rows are told from the paragraph properties (sprmPFTtp in the PAPX FKPs,
[MS-DOC] 2.9.176), and a row is read as one block with its cells joined " | ", as the .docx reader
reads rows. Fields show their result, not their code; pictures, footnote marks and other object
anchors are dropped. Not read, as in .docx: headers, footers, footnotes, comments, text boxes.
Word's automatic numbering is not rebuilt (typed numbers such as 第七条 or 7.2 are read as in a text
file); the result carries a note when the document uses list numbering.

Refused with an error naming the file: not a compound file, no WordDocument stream (an .xls or
.ppt, or a WPS file in WPS's own format), Word 95 or older, encrypted or obfuscated documents, a
damaged piece table.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bidassist.core.errors import InputError
from bidassist.core.safeio import MAX_INPUT_BYTES, check_input_file
from bidassist.reading.clauses import UNKNOWN_HEADING, detect_heading
from bidassist.reading.doclists import StyleList, read_numbering, read_style_lists, style_list, style_name
from bidassist.reading.docx import _display_number
from bidassist.reading.model import MAX_BLOCKS, Block, too_many_blocks_message
from bidassist.reading.numbering import Numbering

#: Most characters of main-document text read from one file (as for PDFs: about 5x a 300-page contract).
MAX_DOC_CHARS = 8_000_000
#: The oldest format read: Word 97 (nFib 0x00C1); Word 6/95 files use another layout.
_WORD97_NFIB = 0x00C1
_MAGIC = 0xA5EC
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS = "open it in Word or WPS and save it as .docx (另存为 .docx)"

#: characters the text stream uses as marks ([MS-DOC] 2.8.25)
_PARA, _CELL, _LINE, _PAGE, _COLUMN = "\r", "\x07", "\x0b", "\x0c", "\x0e"
_FIELD_BEGIN, _FIELD_SEP, _FIELD_END = "\x13", "\x14", "\x15"
#: anchors with no text of their own (picture, footnote/comment reference, drawn object, ...)
_DROPPED = dict.fromkeys(map(ord, "\x00\x01\x02\x03\x04\x05\x08\x1f"), None) | {0x1E: "-"}
#: character sprms whose text is not read: deleted revision (sprmCFRMarkDel) and hidden (sprmCFVanish)
_SPRM_DELETED, _SPRM_HIDDEN = 0x0800, 0x083C
_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_INNER_TTP, _SPRM_ITAP, _SPRM_ILFO, _SPRM_ILVL = (
    0x2416,
    0x2417,
    0x244C,
    0x6649,
    0x460B,
    0x260A,
)
_SPECIAL = frozenset("\r\x07\x13\x14\x15")


@dataclass(frozen=True, slots=True)
class _Piece:
    cp: int  #: first character position
    cp_end: int
    fc: int  #: byte offset of the first character in the WordDocument stream
    compressed: bool  #: one byte a character (cp1252) instead of two (UTF-16LE)


@dataclass(frozen=True, slots=True)
class Entry:
    """A paragraph (kind "p", with the automatic number Word shows before it) or a table row."""

    text: str
    label: str
    kind: str
    style: str | None = None


@dataclass(frozen=True, slots=True)
class DocText:
    """The main document's paragraphs and table rows, in order."""

    paragraphs: list[Entry]
    lists_unread: bool  #: the list definitions could not be read: automatic numbers are missing


def read_doc_text(path: Path) -> DocText:
    """The paragraphs and table rows of a Word 97-2003 binary document; InputError naming the file
    for anything that is not one or cannot be read."""
    path = Path(path)
    where = str(path)
    check_input_file(path, max_bytes=MAX_INPUT_BYTES, what="contract")
    with open(path, "rb") as fh:
        if fh.read(8) != _OLE_MAGIC:
            raise InputError(f"is not a Word 97-2003 document (.doc): {SAVE_AS}", where)
    import olefile  # type: ignore[import-untyped]  # no stubs published

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("WordDocument"):
                raise InputError(
                    f"the file holds no Word document (another Office or WPS format): {SAVE_AS}", where
                )
            word = ole.openstream("WordDocument").read()
            table_name = _table_stream_name(word, where)
            if not ole.exists(table_name):
                raise InputError(f"the document's {table_name} stream is missing (damaged file?)", where)
            table = ole.openstream(table_name).read()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - olefile raises several kinds for damaged files
        raise InputError(f"cannot read the Word 97-2003 file ({_short(exc)}): {SAVE_AS}", where) from None
    try:
        return _document(word, table, where)
    except (struct.error, IndexError, KeyError, OverflowError, ValueError) as exc:
        raise InputError(f"the document's text table is damaged ({_short(exc)}): {SAVE_AS}", where) from None


def _table_stream_name(word: bytes, where: str) -> str:
    if len(word) < 0x22:
        raise InputError("the WordDocument stream is too short (damaged file?)", where)
    ident, nfib = struct.unpack_from("<HH", word, 0)
    if ident != _MAGIC:
        raise InputError(f"not a Word document stream (damaged file?): {SAVE_AS}", where)
    if nfib < _WORD97_NFIB:
        raise InputError(f"a Word 95 or older document is not read: {SAVE_AS}", where)
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if flags & 0x0100 or flags & 0x8000:
        raise InputError(
            "the document is encrypted or password-protected: remove the password and save it again", where
        )
    return "1Table" if flags & 0x0200 else "0Table"


def _fib(word: bytes) -> tuple[int, dict[int, tuple[int, int]]]:
    """(ccpText, {index: (fc, lcb)}) from the FIB's variable parts."""
    pos = 0x20
    csw = struct.unpack_from("<H", word, pos)[0]
    pos += 2 + csw * 2
    cslw = struct.unpack_from("<H", word, pos)[0]
    lw = pos + 2
    ccp_text = struct.unpack_from("<i", word, lw + 3 * 4)[0]
    pos = lw + cslw * 4
    count = struct.unpack_from("<H", word, pos)[0]
    pos += 2
    pairs = {i: struct.unpack_from("<II", word, pos + i * 8) for i in range(min(count, 75))}
    return ccp_text, pairs


def _document(word: bytes, table: bytes, where: str) -> DocText:
    ccp_text, pairs = _fib(word)
    if ccp_text < 0 or ccp_text > MAX_DOC_CHARS:
        raise InputError(
            f"the document's text is {ccp_text:,} characters, over the limit of {MAX_DOC_CHARS:,}", where
        )
    fc_clx, lcb_clx = pairs.get(33, (0, 0))
    if not lcb_clx or fc_clx + lcb_clx > len(table):
        raise ValueError("no piece table")
    pieces = _pieces(table[fc_clx : fc_clx + lcb_clx], len(word))
    fc_chpx, lcb_chpx = pairs.get(12, (0, 0))
    unread = _unread_runs(word, table[fc_chpx : fc_chpx + lcb_chpx]) if lcb_chpx else []
    text, fcs = _text(word, pieces, ccp_text, unread)
    fc_bte, lcb_bte = pairs.get(13, (0, 0))
    props = _paragraph_props(word, table[fc_bte : fc_bte + lcb_bte]) if lcb_bte else []
    return _paragraphs(text, _Layout(fcs, props), _Lists.read(table, pairs))


def _pieces(clx: bytes, word_size: int) -> list[_Piece]:
    """The piece table: skip the Prc entries (0x01, cb, grpprl), then the Pcdt (0x02, lcb, PlcPcd)."""
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        raise ValueError("no Pcdt in the Clx")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5 : pos + 5 + lcb]
    n = (len(plc) - 4) // 12  # n+1 CPs of 4 bytes, n Pcds of 8
    if n <= 0 or n > 1_000_000:
        raise ValueError("empty piece table")
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    out = []
    for i in range(n):
        raw = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(raw & 0x40000000)
        fc = (raw & 0x3FFFFFFF) // 2 if compressed else raw & 0x3FFFFFFF
        start, end = cps[i], cps[i + 1]
        if end < start or fc + (end - start) * (1 if compressed else 2) > word_size:
            raise ValueError("a piece outside the document stream")
        out.append(_Piece(start, end, fc, compressed))
    return out


def _text(
    word: bytes, pieces: list[_Piece], ccp_text: int, unread: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The main document's characters (CPs 0..ccpText) and, per piece read, (cp, cp_end, fc, width).
    Characters in `unread` byte ranges (deleted revisions, hidden text) become NUL, which the
    paragraph reader drops (a deleted paragraph mark so joins two paragraphs, as in .docx)."""
    parts: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    starts = [r[0] for r in unread]
    for p in sorted(pieces, key=lambda p: p.cp):
        if p.cp >= ccp_text:
            break
        end = min(p.cp_end, ccp_text)
        width = 1 if p.compressed else 2
        fc_end = p.fc + (end - p.cp) * width
        raw = word[p.fc : fc_end]
        chars = raw.decode("cp1252", "replace") if p.compressed else raw.decode("utf-16-le", "replace")
        i = max(0, bisect_right(starts, p.fc) - 1)
        if unread and i < len(unread) and unread[i][0] < fc_end:
            blank = list(chars)
            for lo, hi in unread[i:]:
                if lo >= fc_end:
                    break
                a, b = max(lo, p.fc), min(hi, fc_end)
                if a < b:
                    blank[(a - p.fc) // width : (b - p.fc + width - 1) // width] = "\x00" * (
                        (b - p.fc + width - 1) // width - (a - p.fc) // width
                    )
            chars = "".join(blank)
        parts.append(chars)
        spans.append((p.cp, end, p.fc, width))
    return "".join(parts), spans


def _unread_runs(word: bytes, plc: bytes) -> list[tuple[int, int]]:
    """Byte ranges of deleted-revision or hidden text, from the CHPX FKPs (merged, sorted)."""
    n = (len(plc) - 4) // 8
    if n <= 0:
        return []
    pns = struct.unpack_from(f"<{n}I", plc, 4 * (n + 1))
    runs: list[tuple[int, int]] = []
    for pn in pns:
        page = word[(pn & 0x3FFFFF) * 512 : (pn & 0x3FFFFF) * 512 + 512]
        if len(page) < 512:
            continue
        crun = page[511]
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for i in range(crun):
            offset = page[4 * (crun + 1) + i] * 2
            if offset and _chpx_unread(page[offset + 1 : offset + 1 + page[offset]]):
                runs.append((fcs[i], fcs[i + 1]))
    runs.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in runs:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _chpx_unread(grpprl: bytes) -> bool:
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, pos)[0]
        pos += 2
        operand = _operand_size(sprm, grpprl, pos)
        if operand < 0 or pos + operand > len(grpprl):
            return False
        if sprm in (_SPRM_DELETED, _SPRM_HIDDEN) and grpprl[pos] in (1, 0x81):
            return True
        pos += operand
    return False


def _paragraph_props(word: bytes, plc: bytes) -> list[tuple[int, int, Papx]]:
    """(fc_start, fc_end, properties) runs of paragraph properties from the PAPX FKPs."""
    n = (len(plc) - 4) // 8
    if n <= 0:
        return []
    pns = struct.unpack_from(f"<{n}I", plc, 4 * (n + 1))
    runs = []
    for pn in pns:
        page = word[(pn & 0x3FFFFF) * 512 : (pn & 0x3FFFFF) * 512 + 512]
        if len(page) < 512:
            continue
        crun = page[511]
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for i in range(crun):
            offset = page[4 * (crun + 1) + 13 * i] * 2
            runs.append((fcs[i], fcs[i + 1], _papx(page, offset) if offset else _NO_PAPX))
    runs.sort(key=lambda r: r[0])
    return runs


@dataclass(frozen=True, slots=True)
class Papx:
    """What the reader uses of a paragraph's properties."""

    istd: int = 0  #: paragraph style index
    in_table: bool = False
    row_end: bool = False  #: the mark that ends a table row
    ilfo: int | None = None  #: list (1-based LFO index; 0 = numbering switched off), None: the style's
    ilvl: int | None = None


_NO_PAPX = Papx()


def _papx(page: bytes, offset: int) -> Papx:
    """One PapxInFkp: the style index, then the sprms."""
    cb = page[offset]
    if cb:
        start, size = offset + 1, 2 * cb - 1
    else:
        start, size = offset + 2, 2 * page[offset + 1]
    istd = struct.unpack_from("<H", page, start)[0] if start + 2 <= len(page) else 0
    return Papx(istd, **sprm_values(page[start + 2 : start + size]))


def sprm_values(grpprl: bytes) -> dict:
    """The table and list properties a run of paragraph sprms sets."""
    out: dict = {}
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, pos)[0]
        pos += 2
        operand = _operand_size(sprm, grpprl, pos)
        if operand < 0 or pos + operand > len(grpprl):
            break
        if sprm in (_SPRM_IN_TABLE, _SPRM_ITAP):
            out["in_table"] = bool(grpprl[pos])
        elif sprm in (_SPRM_TTP, _SPRM_INNER_TTP) and grpprl[pos]:
            out["row_end"] = out["in_table"] = True
        elif sprm == _SPRM_ILFO:
            out["ilfo"] = struct.unpack_from("<h", grpprl, pos)[0]
        elif sprm == _SPRM_ILVL:
            out["ilvl"] = min(grpprl[pos], 8)
        pos += operand
    return out


def _operand_size(sprm: int, grpprl: bytes, pos: int) -> int:
    spra = sprm >> 13
    if spra in (0, 1):
        return 1
    if spra in (2, 4, 5):
        return 2
    if spra == 3:
        return 4
    if spra == 7:
        return 3
    if pos >= len(grpprl):
        return -1
    if sprm == 0xD608:  # sprmTDefTable: a two-byte size
        return struct.unpack_from("<H", grpprl, pos)[0] + 1 if pos + 2 <= len(grpprl) else -1
    if sprm == 0xC615 and grpprl[pos] == 255:  # sprmPChgTabs with its long form
        return -1
    return grpprl[pos] + 1


class _Layout:
    """The paragraph properties at a character position (piece table to byte offset to PAPX run)."""

    def __init__(self, spans: list[tuple[int, int, int, int]], props: list[tuple[int, int, Papx]]) -> None:
        self.spans, self.props = spans, props
        self.span_starts = [s[0] for s in spans]
        self.prop_starts = [p[0] for p in props]

    def at(self, cp: int) -> Papx:
        """The properties of the paragraph whose mark is at `cp`."""
        i = bisect_right(self.span_starts, cp) - 1
        if i < 0 or not self.props:
            return _NO_PAPX
        start, end, fc, width = self.spans[i]
        if cp >= end:
            return _NO_PAPX
        fc += (cp - start) * width
        j = bisect_right(self.prop_starts, fc) - 1
        return self.props[j][2] if j >= 0 and fc < self.props[j][1] else _NO_PAPX


class _Lists:
    """The document's automatic numbering: each numbered paragraph's label, in document order."""

    def __init__(self, numbering: Numbering | None, styles: list[StyleList], failed: bool = False) -> None:
        self.numbering, self.styles, self.failed = numbering, styles, failed

    @classmethod
    def read(cls, table: bytes, pairs: dict[int, tuple[int, int]]) -> _Lists:
        try:
            return cls(read_numbering(table, pairs), read_style_lists(table, pairs, sprm_values))
        except (struct.error, IndexError, KeyError, OverflowError, ValueError):
            return cls(None, [], failed=True)  # the text is still read; a note says numbers may be missing

    def style(self, papx: Papx) -> str | None:
        return style_name(self.styles, papx.istd)

    def label(self, papx: Papx) -> str:
        """The number Word shows before this paragraph ("第七条", "7.2"), advancing the counters."""
        if self.numbering is None:
            return ""
        ilfo, ilvl = papx.ilfo, papx.ilvl
        if ilfo is None or ilvl is None:
            style_ilfo, style_ilvl = style_list(self.styles, papx.istd)
            ilfo = style_ilfo if ilfo is None else ilfo
            ilvl = style_ilvl if ilvl is None else ilvl
        if not ilfo or str(ilfo) not in self.numbering.nums:
            return ""
        return self.numbering.label(str(ilfo), ilvl or 0)[0]


def _paragraphs(text: str, layout: _Layout, lists: _Lists) -> DocText:
    """Split the text at paragraph and cell marks; a table row's cells become one entry."""
    entries: list[Entry] = []
    cells: list[str] = []  # the cells of the row being read
    cell: list[str] = []  # the paragraphs of the cell being read
    run: list[str] = []
    for piece, at in _marks(text):
        if at < 0:
            run.append(piece)
            continue
        papx = layout.at(at)
        line = _clean("".join(run))
        run.clear()
        # the row-end mark; some files give it no table properties at all (a cell mark always has them)
        if piece == _CELL and layout.props and (papx.row_end or not papx.in_table):
            _add_row(entries, cells)
            cells, cell = [], []
            continue
        label = lists.label(papx)
        if piece == _CELL and layout.props:
            cell.append(_labelled(label, line))
            cells.append(" ".join(filter(None, cell)))
            cell = []
        elif papx.in_table and piece == _PARA:
            cell.append(_labelled(label, line))  # a paragraph of a cell, not its last
        else:
            if cells or cell:  # a row the file left open
                _add_row(entries, [*cells, *cell])
                cells, cell = [], []
            # a page or section break inside the paragraph starts a new one (as a converter reads it)
            for i, part in enumerate(line.split(_PAGE)):
                entries.append(Entry(part.strip(), label if i == 0 else "", "p", lists.style(papx)))
    _add_row(entries, [*cells, *cell])
    return DocText(entries, lists.failed)


def _labelled(label: str, text: str) -> str:
    text = text.replace(_PAGE, " ").strip()
    return f"{label} {text}" if label and text else text


def _add_row(entries: list[Entry], cells: list[str]) -> None:
    """A row as one entry, its cells joined " | " (a row of empty cells is left out)."""
    cells = [c for c in cells if c]
    if cells:
        entries.append(Entry(" | ".join(cells), "", "row"))


def _marks(text: str) -> Iterator[tuple[str, int]]:
    """(text, -1) for each run of shown text and (mark, position) for each paragraph or cell mark;
    a field shows its result (after its separator), never its code."""
    run_start = 0
    fields: list[bool] = []  # per open field: True once past its separator (showing its result)
    shown = True
    for i, ch in enumerate(text):
        if ch not in _SPECIAL:
            continue
        if shown and i > run_start:
            yield text[run_start:i], -1
        if ch == _FIELD_BEGIN:
            fields.append(False)
        elif ch == _FIELD_SEP:
            if fields:
                fields[-1] = True
        elif ch == _FIELD_END:
            if fields:
                fields.pop()
        elif shown:
            yield ch, i
        shown = all(fields)
        run_start = i + 1
    if shown and run_start < len(text):
        yield text[run_start:], -1


def _clean(text: str) -> str:
    for mark in (_LINE, _COLUMN):
        if mark in text:
            text = text.replace(mark, "\n")
    return text.translate(_DROPPED).strip()


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


LIST_NOTE = (
    "the document's automatic numbering could not be read (damaged list definitions): clause numbers typed "
    "as text are read; save it as .docx for the automatic ones (.doc 的自动编号无法读取，另存为 .docx 可读取)"
)


def read_doc(path: Path) -> tuple[list[Block], list[Any], list[str]]:
    """(blocks, headings, notes) of a .doc, built as the .docx reader builds them: a paragraph with
    an automatic number shows it before its text, a table row is one block ("table T row R")."""
    doc = read_doc_text(path)
    if len(doc.paragraphs) > MAX_BLOCKS:
        raise InputError(too_many_blocks_message(), str(path))
    blocks: list[Block] = []
    headings: list[Any] = []
    table = row = paragraph = 0
    last_kind = "p"
    for entry in doc.paragraphs:
        if entry.kind == "row":
            row = row + 1 if table and row and last_kind == "row" else 1
            table += row == 1
        else:
            paragraph += 1
        last_kind = entry.kind
        text = entry.text.strip()
        if not text:
            continue
        heading: Any = UNKNOWN_HEADING
        if entry.label:
            text = f"{entry.label} {text}"
            number = _display_number(entry.label)
        else:
            heading = detect_heading(text)
            number = heading.number if heading is not None else None
        where = f"table {table} row {row}" if entry.kind == "row" else f"paragraph {paragraph}"
        blocks.append(Block(index=len(blocks), text=text, number=number, location=where, style=entry.style))
        headings.append(heading)
    return blocks, headings, [LIST_NOTE] if doc.lists_unread else []
