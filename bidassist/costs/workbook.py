"""Reading spreadsheets into plain rows of cell values, keeping every cell's place.

Reader choice (measured, see `benchmarks/bench_costs.py`): python-calamine reads the cell values
(cached formula results included) about 15× faster than openpyxl's read-only mode on a
100,000-line sheet. What calamine does not report for .xlsx/.xlsm — hidden rows and columns, formula
cells that have no saved value, formula error cells (calamine returns them as blank) — comes from
one regular-expression pass over the sheet's XML, which costs a fraction of the read. Nothing in
the file is ever executed (macros in .xlsm are data to us).

Rows are 0-based lists anchored at A1 (`rows[r][c]` is the cell at column c+1, row r+1); blank
cells are `""`. They are kept compact (`rows.SheetRows`: one record per 32 rows, not an object per
cell) and read one row at a time from calamine, so a sheet's cells are never held twice as Python
objects; the sheet XML is scanned in pieces, never held whole.
"""

from __future__ import annotations

import csv
import ctypes
import functools
import html
import io
import posixpath
import re
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import python_calamine as pc

from bidassist.core.errors import InputError
from bidassist.core.safeio import check_input_file, check_zip, read_text_encoding
from bidassist.core.xmlsafe import parse_xml
from bidassist.costs.rows import SheetRows

ZIP_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm"}
CALAMINE_SUFFIXES = {".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
SUPPORTED = ".xlsx, .xlsm, .xls, .xlsb, .ods or .csv"


@dataclass(frozen=True)
class SheetLimits:
    """How big a sheet may be before it is read (a cost sheet is far smaller): rows, columns,
    cells of the used extent (sparse extents count whole) and the sheet XML's size. They bound
    the memory a hostile file can make the readers allocate (docs/hostile.md); a caller with a
    legitimately bigger sheet (the 500,000-line benchmark) passes its own."""

    rows: int = 200_000
    cols: int = 1_000
    cells: int = 5_000_000
    sheet_xml: int = 256 * 1024 * 1024


DEFAULT_LIMITS = SheetLimits()


@dataclass
class RawSheet:
    """One sheet's cell values and what the value grid alone does not tell."""

    name: str
    rows: Sequence[list]
    visible: bool = True
    hidden_rows: set[int] = field(default_factory=set)  # 0-based
    hidden_cols: set[int] = field(default_factory=set)  # 0-based
    #: (row, col) 0-based -> formula text, for formula cells without a saved (cached) value
    uncached: dict[tuple[int, int], str] = field(default_factory=dict)
    #: (row, col) 0-based -> error value such as #DIV/0!
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    #: merged ranges ((r0, c0), (r1, c1)), 0-based inclusive
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    #: a CSV file's text format as read: encoding, delimiter, decimal mark (None for a workbook)
    text_format: dict[str, str] | None = None


def col_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def col_index(letters: str) -> int:
    """A -> 0, AA -> 26; raises ValueError for anything that is not column letters."""
    s = letters.strip().upper()
    if not s or not s.isascii() or not s.isalpha() or len(s) > 3:
        raise ValueError(f"{letters!r} is not a column letter")
    n = 0
    for ch in s:
        n = n * 26 + (ord(ch) - 64)
    if n > 16384:
        raise ValueError(f"{letters!r} is beyond the last column (XFD)")
    return n - 1


_PLAIN_SHEET = re.compile(r"^[A-Za-z0-9_\u4e00-\u9fff\u3400-\u4dbf]+$")


def sheet_ref(sheet: str) -> str:
    """How a sheet is named in a cell reference: `Costs`, `'My costs'`."""
    if _PLAIN_SHEET.match(sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


# --------------------------------------------------------------------------- entry point


def read_workbook(
    path: Path, *, sheet: str | None = None, limits: SheetLimits = DEFAULT_LIMITS
) -> list[RawSheet]:
    """Read one named sheet, or every sheet, of a spreadsheet file.

    Refuses non-spreadsheets, corrupt/truncated/encrypted files and zip bombs with an InputError
    before any parser sees the content, and sheets over `limits` before a reader allocates them."""
    path = Path(path)
    check_input_file(path, what="cost sheet")
    kind = _kind(path)
    if kind == "csv":
        sheets = [_read_csv(path, limits)]
        if sheet is not None and sheet != sheets[0].name:
            raise InputError(
                f"a CSV file has one sheet, {sheets[0].name!r}; drop --sheet {sheet!r}", str(path)
            )
        return sheets
    if kind == "xlsx":
        check_zip(path, what="cost sheet")
    return _read_calamine(path, sheet=sheet, xlsx=(kind == "xlsx"), limits=limits)


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    with open(path, "rb") as fh:
        head = fh.read(8)
    if suffix in CSV_SUFFIXES:
        if head.startswith(b"PK") or head.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError(
                f"named {suffix} but is a binary Office file; rename it to .xlsx/.xls", str(path)
            )
        return "csv"
    if suffix in ZIP_SUFFIXES:
        return "xlsx"  # check_zip explains OLE2 (password-protected) and non-zip content
    if suffix in CALAMINE_SUFFIXES:
        if suffix == ".xls" and head.startswith(b"PK"):
            return "xlsx"  # an .xlsx saved with the old extension
        if suffix in (".xlsb", ".ods"):
            check_zip(path, what="cost sheet")
        elif not head.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError("is not an Excel 97-2003 (.xls) workbook; " + _convert_hint(), str(path))
        return "calamine"
    if suffix in (".numbers", ".et", ".wps", ".xlr", ".123", ".wk1", ".qpw"):
        raise InputError(f"{suffix} files are not read; " + _convert_hint(), str(path))
    raise InputError(f"not a spreadsheet: expected {SUPPORTED}", str(path))


def _convert_hint() -> str:
    return (
        "open it in Excel, WPS or LibreOffice and save it as .xlsx (另存为 Excel 工作簿 .xlsx), "
        "or export it as .csv"
    )


# --------------------------------------------------------------------------- calamine (+ xml scan)


def _read_calamine(path: Path, *, sheet: str | None, xlsx: bool, limits: SheetLimits) -> list[RawSheet]:
    where = str(path)
    try:
        if xlsx and path.suffix.lower() not in ZIP_SUFFIXES:
            # an .xlsx saved under an old name (BOM.xls): calamine picks its reader by the name,
            # so it is given the bytes, which it reads by their content
            with open(path, "rb") as fh:
                wb = pc.CalamineWorkbook.from_filelike(fh)
        else:
            wb = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        raise InputError(
            "the workbook is password-protected; remove the password and save it again", where
        ) from None
    except (pc.CalamineError, pc.ZipError, pc.XmlError, ValueError, OSError) as exc:
        raise InputError(
            f"cannot read the workbook: it is corrupt or not a spreadsheet ({_short(exc)})", where
        ) from None
    except Exception as exc:  # calamine surfaces some parse failures as bare exceptions
        raise InputError(f"cannot read the workbook: {_short(exc)}", where) from None
    try:
        metas = [m for m in wb.sheets_metadata if m.typ == pc.SheetTypeEnum.WorkSheet]
        names = [m.name for m in metas]
        if sheet is not None:
            if sheet not in names:
                shown = ", ".join(repr(n) for n in names) or "none"
                raise InputError(f"no sheet named {sheet!r}; the sheets are {shown}", where)
            metas = [m for m in metas if m.name == sheet]
        parts = _xlsx_sheet_parts(path) if xlsx else {}
        # one pass over each sheet's XML, before calamine allocates the sheet's grid: the extent
        # limits, then hidden rows/columns, formulas without a saved value and error cells
        scans = _scan_sheets(path, parts, metas, limits)
        out = [_read_one(wb, meta, where) for meta in metas]
        _attach_scans(out, scans)
    finally:
        wb.close()
    release_freed_memory()
    return out


def release_freed_memory() -> None:
    """Give the C heap's free pages back to the system (glibc's malloc_trim): calamine's grid and
    cell strings, freed once the rows are compact, otherwise stay in the process (about 60 MB at
    500,000 lines), where the Python objects built next (in pymalloc's own arenas) cannot reuse
    them. Elsewhere (not glibc) nothing is done."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None


def _read_one(wb: pc.CalamineWorkbook, meta: pc.SheetMetadata, where: str) -> RawSheet:
    """One sheet's cell values and merged ranges, as calamine reads them."""
    try:
        ws = wb.get_sheet_by_name(meta.name)
        rows = _compact_rows(ws)
        merged = list(ws.merged_cell_ranges or [])
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"cannot read sheet {meta.name!r}: {_short(exc)}", where) from None
    return RawSheet(meta.name, rows, visible=meta.visible == pc.SheetVisibleEnum.Visible, merged=merged)


def _compact_rows(ws: pc.CalamineSheet) -> SheetRows:
    """The sheet's rows as `to_python(skip_empty_area=False)` gives them (anchored at A1, every
    row as wide as the used range), made compact one row at a time."""
    start, end = ws.start, ws.end
    if start is None or end is None:
        return SheetRows(ws.to_python(skip_empty_area=False))
    (_r0, c0), (r1, c1) = start, end
    width, pad = c1 + 1, [""] * c0
    # calamine's rows start at row 1 and at the used range's first column
    rows = SheetRows(
        (pad + row if len(row) < width else row for row in ws.iter_rows()) if c0 else ws.iter_rows()
    )
    if len(rows) < r1 + 1:  # a reader that starts at the used range's first row
        rows.prepend_blank(r1 + 1 - len(rows), width)
    return rows


def _attach_scans(out: list[RawSheet], scans: dict[str, RawSheet]) -> None:
    """What the XML scan found (hidden rows/columns, uncached formulas, error cells) onto each sheet."""
    for raw in out:
        found = scans.get(raw.name)
        if found is not None:
            raw.hidden_rows, raw.hidden_cols = found.hidden_rows, found.hidden_cols
            raw.uncached, raw.errors = found.uncached, found.errors


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _xlsx_sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name -> zip member of its XML, from workbook.xml and its relationships."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            wb_part = "xl/workbook.xml"
            if wb_part not in names:
                return {}
            root = parse_xml(zf.read(wb_part), str(path), wb_part)
            rels_root = parse_xml(zf.read("xl/_rels/workbook.xml.rels"), str(path), "workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    targets = {}
    for rel in rels_root:
        target = rel.get("Target") or ""
        if target.startswith("/"):
            target = target[1:]
        else:
            target = posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = target
    out = {}
    for el in root.iter():
        if isinstance(el.tag, str) and (el.tag.endswith("}sheet") or el.tag == "sheet"):
            rid = el.get(_REL_NS)
            name = el.get("name")
            if name is not None and rid in targets and targets[rid] in names:
                out[name] = targets[rid]
    return out


#: one attribute, either quote, whitespace around `=` (character references are decoded after)
_ATTR = re.compile(rb'\s([\w:]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')

#: the default limits by name (SheetLimits holds them)
MAX_ROWS = DEFAULT_LIMITS.rows
MAX_COLS = DEFAULT_LIMITS.cols
MAX_CELLS = DEFAULT_LIMITS.cells
MAX_SHEET_XML = DEFAULT_LIMITS.sheet_xml
_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*["\']([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?'
)
# Literal-led patterns (the regex engine skips to the literal): a row's number, and the rare cell
# reference beyond column Z or row 99,999. `r` must follow whitespace (checked on each rare match).
# The rare reference's quantifiers are possessive (`*+`, `{0,3}+`): giving back a space before `=`
# or a letter before a digit never makes a match, and the failed tries at every `r="A17"` of a
# sheet cost a third less without the giving back (the same matches: a test holds it to the
# pattern written without them).
_ROW_NUM = re.compile(rb'row\b[^>]*?\sr\s*=\s*["\'](\d+)')
_RARE_REF = re.compile(rb'r\s*+=\s*+["\'](?:([A-Z]{2,3})\d|[A-Z]{0,3}+(\d{6,}))')
_SPACE_BEFORE = frozenset(b" \t\r\n")


def _attrs(tag: bytes) -> dict[str, str]:
    out = {}
    for m in _ATTR.finditer(tag):
        name = m.group(1).decode("ascii", "replace").rsplit(":", 1)[-1]
        out[name] = html.unescape(
            (m.group(2) if m.group(2) is not None else m.group(3)).decode("utf-8", "replace")
        )
    return out


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true")


def _col_number(letters: bytes) -> int:
    try:
        return col_index(letters.decode()) + 1
    except ValueError:  # beyond XFD
        return 16385


class _Scratch:
    """Byte arrays reused from piece to piece by `rare_ref_possible` (a fresh array of a piece's
    size each time costs its page faults: a third of the check)."""

    def __init__(self) -> None:
        self.size = 0

    def arrays(self, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        if n > self.size:
            self.size = n
            self.byte = np.empty(n, np.uint8)
            self.a, self.b, self.c, self.d = (np.empty(n, np.bool_) for _ in range(4))
        return self.byte[:n], self.a[:n], self.b[:n], self.c[:n], self.d[:n]

    def rare_ref_possible(self, data: bytes) -> bool:
        """False only where `_RARE_REF` cannot match in data: every match holds two capital letters
        in a row (a column beyond Z) or six digits in a row after a capital letter or a quote (a
        row beyond 99,999). Both looked for by numpy in a few passes over the bytes, about a third
        of the cost of the pattern itself, whose leading `r` starts a try at every cell reference;
        where either is found the pattern decides. Six digits in a row are two in a row at i, i+2
        and i+4 (three passes, not five); a quote is a byte b with b | 5 == 39 (`"`, `'`, and `#`
        and `&`, which only make the pattern run where six digits follow them)."""
        n = len(data)
        if n < 8:
            return True
        raw = np.frombuffer(data, np.uint8)
        byte, capital, digit, two, six = self.arrays(n)
        np.less(np.subtract(raw, 65, out=byte), 26, out=capital)  # A-Z (bytes below A wrap round)
        if np.logical_and(capital[:-1], capital[1:], out=digit[:-1]).any():
            return True
        np.less(np.subtract(raw, 48, out=byte), 10, out=digit)  # 0-9
        np.logical_and(digit[:-1], digit[1:], out=two[:-1])  # two[i]: bytes i, i+1 digits
        m = n - 6
        six = six[:m]  # six[i]: the bytes i+1 .. i+6 are digits
        np.logical_and(two[1 : m + 1], two[3 : m + 3], out=six)
        np.logical_and(six, two[5 : m + 5], out=six)
        lead = capital[:m]  # byte i a capital letter or a quote
        np.logical_or(lead, np.equal(np.bitwise_or(raw[:m], 5, out=byte[:m]), 39, out=digit[:m]), out=lead)
        return bool(np.logical_and(lead, six, out=lead).any())


class _Extent:
    """The used extent of a sheet, gathered piece by piece from its XML (see `_sheet_pieces`)."""

    def __init__(self) -> None:
        self.max_row, self.max_col = 0, 26
        self.pieces = 0
        self.rows_counted = False  # every row number seen (needed once a column is beyond Z)
        self.scratch = _Scratch()

    def add(self, data: bytes) -> None:
        # One pass for the rare references: a column beyond Z or a row beyond 99,999. Up to
        # column Z and row 99,999 a sheet stays under every limit (26 × 99,999 cells), so only a
        # sheet with a wide column needs every row number.
        if self.pieces == 0:
            self.rows_counted = True
            dim = _DIMENSION.search(data[:4096])
            if dim and dim.group(4):
                # Rows only: WPS and Excel write `A1:XFD950` when whole rows are formatted, while
                # the cells stop at column J (the cell references give the real width).
                self.max_row = max(self.max_row, int(dim.group(4)))
        self.pieces += 1
        wide = self.max_col > 26
        matches = _RARE_REF.finditer(data) if self.scratch.rare_ref_possible(data) else ()
        for m in matches:
            if m.start() == 0 or data[m.start() - 1] not in _SPACE_BEFORE:
                continue  # another attribute ending in r (`color="FF00B050"`)
            if m.group(1):
                self.max_col = max(self.max_col, _col_number(m.group(1)))
            else:
                self.max_row = max(self.max_row, int(m.group(2)))
        if self.max_col > 26:
            if not wide and self.pieces > 1:
                self.rows_counted = False  # the pieces before this one: counted again after
            self.add_rows(data)

    def add_rows(self, data: bytes) -> None:
        self.max_row = max(self.max_row, max(map(int, _ROW_NUM.findall(data)), default=0))

    def check(self, sheet: str, where: str, limits: SheetLimits) -> None:
        ref = sheet_ref(sheet)
        max_row, max_col = self.max_row, self.max_col
        if max_row > limits.rows:
            raise InputError(
                f"{ref}: the sheet reaches row {max_row:,}, over the limit of {limits.rows:,} rows "
                "(delete the unused rows far below the table)",
                where,
            )
        if max_col > limits.cols:
            raise InputError(
                f"{ref}: the sheet reaches column {col_letter(max_col - 1)}, over the limit of "
                f"{limits.cols:,} columns",
                where,
            )
        if max_row * max_col > limits.cells:
            raise InputError(
                f"{ref}: the sheet's used range is {max_row:,} rows × {max_col:,} columns, over the "
                f"limit of {limits.cells:,} cells",
                where,
            )


#: a piece of sheet XML read at a time, and the end tag a piece may end after; a piece small
#: enough to stay in the processor's cache while the checks pass over it (1 MB: the scan of a
#: 47 MB sheet a tenth faster than in 8 MB pieces)
PIECE = 1024 * 1024
_ROW_END = re.compile(rb"</(?:[\w.-]+:)?row>")


def _sheet_pieces(zf: zipfile.ZipFile, part: str, size: int = PIECE) -> Iterator[bytes]:
    """A sheet's XML in pieces of about PIECE bytes (not the whole part in memory, which
    zipfile would hold twice while joining it), each ending after a row's end tag, so that no
    tag or cell is split; where no such end is found the piece grows."""
    with zf.open(part) as fh:
        rest = b""
        while block := fh.read(size):
            buf = rest + block
            cut = _row_end(buf)
            if cut > 0:
                yield buf[:cut]
                rest = buf[cut:]
            else:
                rest = buf
        if rest:
            yield rest


def _row_end(buf: bytes) -> int:
    """Just after the last `</row>` (or `</x:row>`) of buf that is outside any comment or CDATA
    section (where such text is not a tag); -1 when there is none."""
    plain = buf.rfind(b"</row>")
    cut = plain + 6 if plain >= 0 else -1
    # only a `:row>` after the last `</row>` matters: searched from there, not over the whole piece
    colon = buf.rfind(b":row>", max(plain, 0))
    if colon > plain:
        start = buf.rfind(b"</", max(0, colon - 64), colon)
        if start >= 0 and _ROW_END.fullmatch(buf, start, colon + 5):
            cut = colon + 5
    # `!` alone first (one memchr pass; most sheets have none), then `<!` (a slower search, as `<`
    # is in every tag)
    if cut < 0 or buf.find(b"!", 0, cut) < 0 or buf.find(b"<!", 0, cut) < 0:
        return cut
    for opening, closing in ((b"<!--", b"-->"), (b"<![CDATA[", b"]]>")):
        if buf.rfind(opening, 0, cut) > buf.rfind(closing, 0, cut):
            return -1  # the end tag is text inside a comment or CDATA: read on
    return cut


def _scan_sheets(path: Path, parts: dict[str, str], metas: list, limits: SheetLimits) -> dict[str, RawSheet]:
    """Each sheet's XML read once, in pieces: size and extent limits, and what calamine does not
    report (hidden rows/columns, formulas without a saved value, error cells)."""
    where = str(path)
    scans: dict[str, RawSheet] = {}
    if not parts:  # .xls/.xlsb/.ods: no sheet XML to read
        return scans
    with zipfile.ZipFile(path) as zf:
        for meta in metas:
            part = parts.get(meta.name)
            if not part:
                continue
            size = zf.getinfo(part).file_size
            if size > limits.sheet_xml:
                raise InputError(
                    f"{sheet_ref(meta.name)}: the sheet's XML is {size / 2**20:.0f} MB, over the "
                    f"limit of {limits.sheet_xml // 2**20} MB",
                    where,
                )
            scans[meta.name] = _scan_sheet(zf, part, meta.name, where, limits)
    return scans


def _scan_sheet(zf: zipfile.ZipFile, part: str, name: str, where: str, limits: SheetLimits) -> RawSheet:
    holder = RawSheet(name, [])
    extent = _Extent()
    failure: str | None = None
    for data in _sheet_pieces(zf, part):
        extent.add(data)
        if failure is None:
            try:
                _scan_sheet_xml(data, holder)
            except (ValueError, UnicodeError) as exc:
                failure = _short(exc)
    if not extent.rows_counted:  # a column beyond Z found after the first piece
        for data in _sheet_pieces(zf, part):
            extent.add_rows(data)
    extent.check(name, where, limits)  # the limits first, as when the whole part was read
    if failure is not None:
        raise InputError(f"cannot read the workbook's sheet XML: {failure}", where)
    return holder


#: a formula cell whose only content is the formula (no value, or an empty one)
_UNCACHED = re.compile(
    rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b([^>]*)(?:/>|>([^<]*)</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b([^>]*\bt="e"[^>]*)>(?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>', re.S
)
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_CACHED_TEXT = re.compile(rb'\bt="str"')


def _ref_to_rc(m: re.Match) -> tuple[int, int]:
    return int(m.group(2)) - 1, col_index(m.group(1).decode())


_TAG_NAME = re.compile(rb"<(?:\w+:)?(row|col)\b")


def _scan_sheet_xml(data: bytes, raw: RawSheet) -> None:
    """Hidden rows/columns, formula cells with no saved value and error cells of one sheet."""
    if _holds(data, b"hidden"):  # either quote, spaces around =, character references (&#49;)
        _scan_hidden(data, raw)
    # `f` alone first: one memchr pass, and a sheet without formulas often has no `f` in its cells
    # (values, styles and shared-string indexes), where `<f` costs a search at every `<`
    if _formula_tag(data):
        for m in _UNCACHED.finditer(data):
            if _CACHED_TEXT.search(m.group(1)):
                continue  # t="str" with an empty value: a formula whose saved result is "" (IF(…,""))
            ref = _CELL_REF.search(m.group(1))
            if ref:
                formula = (m.group(3) or b"").decode("utf-8", "replace")
                raw.uncached[_ref_to_rc(ref)] = _unescape(formula)
    if _ERROR_TYPE.search(data):
        for m in _ERROR_CELL.finditer(data):
            ref = _CELL_REF.search(m.group(1))
            if ref:
                raw.errors[_ref_to_rc(ref)] = _unescape(m.group(2).decode("utf-8", "replace"))


def _formula_tag(data: bytes, looks: int = 64) -> bool:
    """`<f` or `:f` in data: the `f`s looked at one by one (memchr finds each, and a sheet without
    formulas has few: a namespace, a `footer` margin), then, past `looks` of them, the two
    substring searches (slower per byte, as `<` is in every tag)."""
    i = data.find(b"f")
    while i >= 0:
        if i and data[i - 1] in _FORMULA_PREFIX:
            return True
        looks -= 1
        if looks < 0:
            return b"<f" in data or b":f" in data
        i = data.find(b"f", i + 1)
    return False


_FORMULA_PREFIX = frozenset(b"<:")
#: `t="e"` as a pattern: the regular-expression engine's literal search finds it a quarter faster
#: than `bytes.find`, whose skip table does little for a word ending in a quote
_ERROR_TYPE = re.compile(rb't="e"')


def _holds(data: bytes, word: bytes, looks: int = 64) -> bool:
    """`word in data`, found from its first byte: each of those (memchr finds them; a sheet's cells
    seldom hold the `h` of `hidden`) compared one by one, then, past `looks` of them, one substring
    search from there (a tenth of the cost of the search over a sheet with no such byte)."""
    first = word[:1]
    i = data.find(first)
    while i >= 0:
        if data.startswith(word, i):
            return True
        looks -= 1
        if looks < 0:
            return data.find(word, i + 1) >= 0
        i = data.find(first, i + 1)
    return False


def _hidden_tags(data: bytes):
    """(row|col, tag) for each tag that mentions `hidden`: found from the word (rare) back to its
    tag, so the scan costs a substring search, not a pattern tried at every tag."""
    i = data.find(b"hidden")
    while i >= 0:
        start, end = data.rfind(b"<", 0, i), data.find(b">", i)
        m = _TAG_NAME.match(data, start) if start >= 0 and end > 0 else None
        if m is not None and data.find(b">", start, i) < 0:
            yield m.group(1), data[start : end + 1]
        i = data.find(b"hidden", i + 6)


def _scan_hidden(data: bytes, raw: RawSheet) -> None:
    for name, tag in _hidden_tags(data):
        attrs = _attrs(tag)
        if not _truthy(attrs.get("hidden")):
            continue
        if name == b"row" and attrs.get("r", "").strip().isdigit():
            raw.hidden_rows.add(int(attrs["r"]) - 1)
        lo, hi = attrs.get("min", "").strip(), attrs.get("max", "").strip()
        if name == b"col" and lo.isdigit() and hi.isdigit():
            raw.hidden_cols.update(range(int(lo) - 1, min(int(hi), 16384)))


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


# --------------------------------------------------------------------------- csv


def _read_csv(path: Path, limits: SheetLimits) -> RawSheet:
    text, encoding = read_text_encoding(path, what="cost sheet", strict_utf8=True)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows = SheetRows()
    try:
        for r in csv.reader(io.StringIO(text), delimiter=delimiter):
            if len(rows) >= limits.rows:
                raise InputError(
                    f"more than {limits.rows:,} rows, over the limit for a cost sheet", str(path)
                )
            if len(r) > limits.cols:
                raise InputError(
                    f"row {len(rows) + 1} has {len(r):,} columns, over the limit of {limits.cols:,}",
                    str(path),
                )
            rows.append(r)
    except csv.Error as exc:
        raise InputError(f"cannot read the CSV file: line {len(rows) + 1}: {exc}", str(path)) from None
    decimal = "," if delimiter != "," and _decimal_commas(rows) else "."
    if decimal == ",":
        rows = SheetRows([_from_decimal_comma(v) for v in r] for r in rows)
    fmt = {"encoding": encoding, "delimiter": delimiter, "decimal": decimal}
    return RawSheet(path.stem, rows, text_format=fmt)


#: a number written with a decimal comma (1.234,56 / 1 234,56 / 12,5), thousands by dots or spaces
_COMMA_NUMBER = re.compile(r"^[-+]?(?:\d{1,3}(?:[. \u00a0]\d{3})+|\d+)(?:,\d+)?$")
#: only a decimal comma reads these: a comma with 1-2 or 4+ digits after it, or dots before a comma
_COMMA_ONLY = re.compile(r"^[-+]?(?:\d+,(?:\d{1,2}|\d{4,})|\d{1,3}(?:\.\d{3})+,\d+)$")
#: only a decimal point reads these: a point with 1-2 or 4+ digits after it, or commas before a point
_POINT_ONLY = re.compile(r"^[-+]?(?:\d+\.(?:\d{1,2}|\d{4,})|\d{1,3}(?:,\d{3})+\.\d+)$")


def _decimal_commas(rows: SheetRows) -> bool:
    """A CSV exported with decimal commas (semicolon- or tab-separated, as European and some
    Chinese finance exports are): numbers only a decimal comma reads, and none only a point reads.
    A file with both kinds stays as written (each such cell is an error naming it)."""
    comma = point = 0
    for r in rows:
        for v in r:
            t = v.strip()
            if t and t[-1].isdigit():
                comma += bool(_COMMA_ONLY.match(t))
                point += bool(_POINT_ONLY.match(t))
    return comma > 0 and point == 0


def _from_decimal_comma(value: str) -> str:
    t = value.strip()
    if not _COMMA_NUMBER.match(t):
        return value
    return re.sub(r"[. \u00a0]", "", t).replace(",", ".")
