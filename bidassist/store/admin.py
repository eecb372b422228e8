"""`db info` and `db export`: what the store holds, and every table written out as CSV or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, select

from bidassist.core.celltext import csv_row
from bidassist.core.errors import InputError
from bidassist.core.safeio import atomic_write_text, output_dir
from bidassist.store.connection import HEAD, Store, sqlite_file
from bidassist.store.models import TABLES
from bidassist.store.types import dump_json


@dataclass
class StoreInfo:
    where: str
    backend: str
    revision: str | None
    head: str
    counts: dict[str, int] = field(default_factory=dict)
    size_bytes: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "store": self.where,
            "backend": self.backend,
            "revision": self.revision,
            "head": self.head,
            "counts": dict(self.counts),
            "size_bytes": self.size_bytes,
        }


def store_info(store: Store) -> StoreInfo:
    """Backend, schema revision and row count of every table."""
    state = store.schema_state()
    info = StoreInfo(store.where, store.backend, state.revision, HEAD)
    if state.revision == HEAD:
        info.counts = table_counts(store)
    path = sqlite_file(store.url)
    if path is not None and path.exists():
        info.size_bytes = path.stat().st_size
    return info


def table_counts(store: Store) -> dict[str, int]:
    with store.reading() as session:
        return {
            m.__tablename__: int(session.scalar(select(func.count()).select_from(m)) or 0) for m in TABLES
        }


def _plain(value: Any) -> Any:
    """A stored value as exported: Decimal as its exact text, dates as ISO, JSON columns as text."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return dump_json(value)
    return value


def table_rows(store: Store) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Every table: its column names and its rows (ordered by id) as plain values."""
    out: dict[str, tuple[list[str], list[list[Any]]]] = {}
    with store.reading() as session:
        for model in TABLES:
            table = model.__table__
            assert isinstance(table, Table)  # every model maps one table
            cols = [c.name for c in table.columns]
            rows = session.execute(select(*table.columns).order_by(table.c.id)).all()
            out[table.name] = (cols, [[_plain(v) for v in row] for row in rows])
    return out


def export_json(store: Store) -> str:
    """The whole store as one JSON document: {table: [{column: value}]}."""
    data = {
        name: [dict(zip(cols, row, strict=True)) for row in rows]
        for name, (cols, rows) in table_rows(store).items()
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv_text(cols: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(cols)
    for row in rows:
        writer.writerow(
            csv_row(  # names from bid files and ledgers: never a formula in a spreadsheet
                "" if v is None else ("true" if v is True else "false" if v is False else v) for v in row
            )
        )
    return buf.getvalue()


def export_store(store: Store, out_dir: Path, *, fmt: str = "csv", force: bool = False) -> list[Path]:
    """Write every table to `out_dir`: one `<table>.csv` each, or `<table>.json` each (a list of
    row objects). Written atomically; an existing file is kept unless `force`."""
    if fmt not in ("csv", "json"):
        raise InputError(f"--format must be csv or json, got {fmt!r}", "--format")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("the export goes to a folder", str(out_dir))
    tables = table_rows(store)
    targets = [out_dir / f"{name}.{fmt}" for name in tables]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise InputError(
            f"already exists ({len(existing)} file(s)); use --force to overwrite", str(existing[0])
        )
    output_dir(out_dir)
    written = []
    for (cols, rows), target in zip(tables.values(), targets, strict=True):
        if fmt == "csv":
            content = _csv_text(cols, rows)
        else:
            content = (
                json.dumps([dict(zip(cols, r, strict=True)) for r in rows], ensure_ascii=False, indent=2)
                + "\n"
            )
        written.append(atomic_write_text(target, content, force=force))
    return written
