"""`bidassist db init|upgrade|info|export`: the bid-history store itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bidassist.cli.helpfmt import plain_typer
from bidassist.core.errors import InputError

if TYPE_CHECKING:
    pass

db_app = plain_typer(
    help="The bid-history and customer store (SQLite or PostgreSQL). 投标历史与客户数据库。",
    no_args_is_help=True,
)

DB_HELP = (
    "The store: a SQLite file or a postgresql:// URL (default: $BIDASSIST_DB, else bidassist.db in "
    "the current folder)."
)


def db_option() -> str | None:
    return typer.Option(None, "--db", help=DB_HELP)


@db_app.command("init")
def init_cmd(db: str | None = db_option()) -> None:
    """Create the store (or check it) at the current schema revision. 初始化数据库。"""
    from bidassist.store import open_store

    with open_store(db, create=True) as store:
        typer.echo(f"store ready: {store.where} (schema {store.schema_state().revision})")


@db_app.command("upgrade")
def upgrade_cmd(db: str | None = db_option()) -> None:
    """Migrate the store to this bidassist's schema revision. 升级数据库结构。"""
    from bidassist.store.connection import Store, StoreError, resolve_url, sqlite_file
    from bidassist.store.migrate import upgrade

    url = resolve_url(db)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise StoreError("no store here; run `bidassist db init`", str(path))
    with Store(url) as store:
        before, after = upgrade(store)
        typer.echo(
            f"{store.where}: schema {before or '(none)'} → {after}"
            if before != after
            else f"{store.where}: schema already at {after}"
        )


@db_app.command("info")
def info_cmd(
    db: str | None = db_option(), fmt: str = typer.Option("table", "--format", help="table or json.")
) -> None:
    """Where the store is, its schema revision and the rows in each table. 数据库信息。"""
    from rich.console import Console
    from rich.table import Table

    from bidassist.store.admin import store_info
    from bidassist.store.connection import Store, StoreError, resolve_url, sqlite_file

    if fmt not in ("table", "json"):
        raise InputError(f"--format must be table or json, got {fmt!r}", "--format")
    url = resolve_url(db)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise StoreError("no store here; run `bidassist db init`", str(path))
    with Store(url) as store:
        info = store_info(store)
    if fmt == "json":
        typer.echo(json.dumps(info.to_json(), ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    console.print(f"store 数据库: {info.where} ({info.backend})")
    note = "" if info.revision == info.head else "  → run `bidassist db upgrade`"
    console.print(f"schema 版本: {info.revision or '(not initialised)'} (this bidassist: {info.head}){note}")
    if info.counts:
        table = Table("table 表", "rows 行数")
        for name, n in info.counts.items():
            table.add_row(name, f"{n:,}")
        console.print(table)


@db_app.command("export")
def export_cmd(
    out: Path | None = typer.Option(
        None,
        "-o",
        "--output",
        help="Folder for one file per table (JSON without -o: the whole store on stdout).",
    ),
    fmt: str = typer.Option("csv", "--format", help="csv or json."),
    force: bool = typer.Option(False, "--force", help="Overwrite existing files."),
    db: str | None = db_option(),
) -> None:
    """Write every table to CSV or JSON: nothing is kept only in the database. 导出全部数据。"""
    from rich.console import Console

    from bidassist.store import open_store
    from bidassist.store.admin import export_json, export_store

    if out is None and fmt != "json":
        raise InputError("give -o FOLDER (or --format json for stdout)", "-o")
    with open_store(db) as store:
        if out is None:
            typer.echo(export_json(store), nl=False)
            return
        written = export_store(store, out, fmt=fmt, force=force)
    Console(stderr=True).print(f"wrote {len(written)} files to {out}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(db_app, name="db")
