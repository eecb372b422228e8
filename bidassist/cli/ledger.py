"""`bidassist ledger import`: invoices and receipts from finance's exports."""

from __future__ import annotations

from pathlib import Path

import typer

from bidassist.cli.db import DB_HELP
from bidassist.cli.helpfmt import plain_typer
from bidassist.core.errors import InputError

ledger_app = plain_typer(
    help="Invoices and receipts (payment behaviour of customers). 发票与回款。", no_args_is_help=True
)


@ledger_app.command("import")
def import_cmd(
    file: Path = typer.Argument(..., help="Invoice or receipt export (.csv or .xlsx)."),
    kind: str | None = typer.Option(None, "--kind", help="invoices or receipts (default: from the headers)."),
    column_map: list[str] | None = typer.Option(
        None,
        "--map",
        help="Columns by header or letter: customer=B,amount=F "
        "(invoices: customer, number, date, due_date, amount, currency, "
        "contract; receipts: customer, reference, date, amount, invoice).",
    ),
    set_: list[str] | None = typer.Option(None, "--set", help="One value for every row: currency=CNY."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Import the good rows and list the bad ones."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Import invoices or receipts; importing the same file again changes nothing. 导入发票/回款记录。"""
    from bidassist.cli.history_store import _fmt, _pairs, print_import_report
    from bidassist.store import open_store
    from bidassist.store.ledger import import_ledger

    if kind is not None and kind not in ("invoices", "receipts"):
        raise InputError(f"--kind must be invoices or receipts, got {kind!r}", "--kind")
    _fmt(fmt)
    with open_store(db, create=True) as store:
        report = import_ledger(
            store,
            file,
            kind=kind,
            mapping=_pairs(column_map, "--map"),
            constants=_pairs(set_, "--set"),
            skip_bad=skip_bad,
        )
    print_import_report(report, fmt)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(ledger_app, name="ledger")
