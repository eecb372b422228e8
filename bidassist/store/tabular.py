"""Reading an import file (CSV or XLSX) into rows of text, and mapping its columns to fields.

Columns are found by their headers (English or Chinese, case-insensitive); `--map field=COLUMN`
names a column by its header or its letter (A, B, …) when the header is not recognised, and
`--set field=VALUE` gives a field one value for every row.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bidassist.core.errors import InputError, Problem
from bidassist.core.money import to_decimal
from bidassist.core.safeio import check_input_file, check_zip, read_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass
class ImportCounts:
    """What a file import did: `added/updated/skipped` count rows, `bad` the rows refused;
    subclasses add their own counts, which to_json lists too."""

    file: str
    added: int = 0
    updated: int = 0
    skipped: int = 0
    customers_added: int = 0
    bad: list[Problem] = dataclasses.field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "bad"
        }
        out["bad_rows"] = [{"where": p.where, "message": p.message} for p in self.bad]
        return out

    def log_run(self, session: Session, kind: str, sha256: str) -> None:
        """Log the import in the store's import runs, when it changed anything."""
        from bidassist.store.models import ImportRun
        from bidassist.store.timeutil import now_text

        if self.added or self.updated:
            session.add(
                ImportRun(
                    kind=kind,
                    file_name=self.file,
                    sha256=sha256,
                    at=now_text(),
                    added=self.added,
                    updated=self.updated,
                    skipped=self.skipped,
                    bad=len(self.bad),
                )
            )


@dataclass
class Table:
    """A file's rows as text; `rows[i]` is file row `first_row + i`."""

    path: Path
    header: list[str]
    rows: list[list[str]]
    first_row: int
    sha256: str

    def where(self, i: int) -> str:
        return f"{self.path.name}:{self.first_row + i}"


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return format(to_decimal(value), "f")
    return str(value).strip()


def read_table(path: Path) -> Table:
    """The first sheet of an .xlsx/.xlsm, or a CSV (UTF-8 or GB18030; comma, semicolon or tab)."""
    path = Path(path)
    check_input_file(path, what="import file")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        check_zip(path, what="import workbook")
        import openpyxl

        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any parser failure is an unreadable file
            raise InputError(f"cannot read the workbook ({exc})", str(path)) from None
        try:
            raw = [[_cell_text(c) for c in r] for r in wb.worksheets[0].iter_rows(values_only=True)]
        finally:
            wb.close()
    elif suffix in (".csv", ".txt", ".tsv"):
        text = read_text(path, what="import file")
        sample = text[:4096]
        delimiter = (
            "\t"
            if sample.count("\t") > sample.count(",")
            else (";" if sample.count(";") > sample.count(",") else ",")
        )
        raw = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    else:
        raise InputError("import files are .csv or .xlsx (save other formats as one of these)", str(path))
    while raw and not any(raw[0]):
        raw.pop(0)
    if not raw:
        raise InputError("the file is empty", str(path))
    header = raw[0]
    return Table(path, header, raw[1:], 2, digest)


def _letter_index(col: str) -> int | None:
    if not re.fullmatch(r"[A-Za-z]{1,3}", col):
        return None
    n = 0
    for ch in col.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def parse_pairs(text: str | None, option: str) -> dict[str, str]:
    """'a=B,c=D' (or a list of 'a=B') into {'a': 'B', 'c': 'D'}."""
    out: dict[str, str] = {}
    if not text:
        return out
    for part in re.split(r",(?=[^,=]+=)", text):
        if "=" not in part:
            raise InputError(f"expected field=value, got {part!r}", option)
        key, value = part.split("=", 1)
        out[key.strip().lower()] = value.strip()
    return out


def map_columns(
    table: Table,
    aliases: Mapping[str, tuple[str, ...]],
    mapping: Mapping[str, str],
    required: tuple[str, ...],
    constants: Mapping[str, str],
) -> dict[str, int]:
    """Field -> column index, from `--map` first, then the headers. Raises InputError naming what
    is missing and what was found."""
    norm = [h.strip().lower() for h in table.header]
    out: dict[str, int] = {}
    for field, col in mapping.items():
        if field not in aliases:
            raise InputError(f"unknown field {field!r} (fields: {', '.join(aliases)})", "--map")
        if col.strip().lower() in norm:
            out[field] = norm.index(col.strip().lower())
        elif (idx := _letter_index(col)) is not None and idx < len(table.header):
            out[field] = idx
        else:
            raise InputError(f"{field}={col}: no such column (headers: {', '.join(table.header)})", "--map")
    taken = set(out.values())
    for field, names in aliases.items():
        if field in out or field in constants:
            continue
        for i, h in enumerate(norm):
            if h in names and i not in taken:
                out[field] = i
                taken.add(i)
                break
    missing = [f for f in required if f not in out and f not in constants]
    if missing:
        raise InputError(
            f"no column for {', '.join(missing)} (headers: {', '.join(table.header)}); "
            "name it with --map FIELD=COLUMN",
            str(table.path),
        )
    for field in constants:
        if field not in aliases:
            raise InputError(f"unknown field {field!r} (fields: {', '.join(aliases)})", "--set")
    return out


def row_getter(row: list[str], cols: Mapping[str, int], constants: Mapping[str, str]):
    def get(field: str) -> str:
        i = cols.get(field)
        if i is not None and i < len(row) and row[i] != "":
            return row[i]
        return constants.get(field, "")

    return get


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%d.%m.%Y")


def parse_date(text: str) -> dt.date:
    """ISO and the usual written forms (2024-03-05, 2024/3/5, 2024年3月5日)."""
    t = text.strip()
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日?", t)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    t = t.split("T")[0].split(" ")[0]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(t, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r} (write 2024-03-05)")
