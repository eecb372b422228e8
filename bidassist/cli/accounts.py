"""`bidassist accounts list|show|report`: key accounts from the store — tiers on profit after
financing cost, the three kinds of fake key account, defection, with the evidence."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bidassist.cli.consoles import lazy_console
from bidassist.cli.db import DB_HELP
from bidassist.cli.helpfmt import plain_typer
from bidassist.core.errors import InputError

if TYPE_CHECKING:
    pass

accounts_app = plain_typer(
    help="Key accounts: tiers, fake key accounts (假大户), defection. 大客户分析。", no_args_is_help=True
)
console = lazy_console(highlight=False, soft_wrap=True)

_AS_OF = "Analysis date YYYY-MM-DD (default: today); later records are left out."
_PROFILE = "Company profile (tier cut-offs, margin floors, flag thresholds); default: the shipped one."


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {text!r}", "--as-of") from None


def _fmt(fmt: str) -> str:
    if fmt not in ("table", "json"):
        raise InputError(f"--format must be table or json, got {fmt!r}", "--format")
    return fmt


def _assess(db: str | None, as_of: str | None, profile: Path | None, by_group: bool):  # noqa: ANN202
    from bidassist.accounts.api import assess_store

    return assess_store(db, as_of=_date(as_of), profile=profile, by_group=by_group)


@accounts_app.command("list")
def list_cmd(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help=_AS_OF),
    profile: Path | None = typer.Option(None, "--profile", help=_PROFILE),
    by_group: bool = typer.Option(False, "--by-group", help="One line per customer group (集团)."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Every customer ranked by profit after financing cost, with its tier and flags. 客户分层。"""
    from rich.markup import escape
    from rich.table import Table

    from bidassist.reports.accounts_json import assessment_json

    result = _assess(db, as_of, profile, by_group)
    if _fmt(fmt) == "json":
        typer.echo(json.dumps(assessment_json(result), ensure_ascii=False, indent=2))
        return
    t = Table(
        "#",
        "customer 客户",
        "tier",
        "profit 利润",
        "share",
        "margin",
        "DSO",
        "late",
        "P(alive)",
        "flags 标记",
        box=None,
    )
    for a in result.ranked():
        v = a.value
        t.add_row(
            str(a.place.rank),
            escape(v.name),
            a.place.tier,
            f"{v.profit:,.2f}",
            f"{a.place.profit_share:.1%}",
            "-" if v.margin is None else f"{v.margin:.1%}",
            "-" if v.payments.dso is None else f"{v.payments.dso:.0f}",
            "-" if v.payments.share_late is None else f"{v.payments.share_late:.0%}",
            "-" if a.p_alive is None else f"{a.p_alive:.2f}",
            ", ".join(f.name for f in a.flags),
        )
    console.print(t)
    console.print(f"repeat-purchase model: {escape(result.repeat_model.note)}")


@accounts_app.command("show")
def show_cmd(
    customer: str = typer.Argument(..., help="Customer (any known spelling) or group name."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help=_AS_OF),
    profile: Path | None = typer.Option(None, "--profile", help=_PROFILE),
    by_group: bool = typer.Option(False, "--by-group", help="Analyse customer groups."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """One customer: value, payment behaviour, tenders, contract findings, flags with evidence. 客户详情。"""
    from rich.markup import escape

    from bidassist.accounts.api import canonical_customer, find_account
    from bidassist.reports.accounts_json import account_json

    result = _assess(db, as_of, profile, by_group)
    key = customer if customer in result.accounts else (canonical_customer(db, customer) or customer)
    data = account_json(find_account(result, key))
    if _fmt(fmt) == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    pay = data["payments"]
    console.print(f"[bold]{escape(data['name'])}[/]  {escape(data['explain'])}")
    console.print(
        f"revenue {data['revenue']}  profit {data['profit']}  margin "
        f"{'-' if data['margin'] is None else format(data['margin'], '.1%')}  financing {data['financing_cost']}"
        f"  cost to serve {data['cost_to_serve']}  penalties {data['penalties']}"
    )
    console.print(
        f"orders {data['orders']} ({data['first_order']} … {data['last_order']}), "
        f"P(alive) {data['p_alive']}; DSO {pay['dso']} days, late {pay['share_late']}, open {pay['open']}"
    )
    console.print(
        f"tenders: bid {data['tenders']['bid']}, won {data['tenders']['won']}, lost "
        f"{data['tenders']['lost']} {escape(str(data['tenders']['lost_to']))}; findings {data['findings']}"
    )
    for flag in data["flags"]:
        console.print(f"[yellow]{flag['name']}[/]: " + "; ".join(escape(e) for e in flag["evidence"]))


@accounts_app.command("report")
def report_cmd(
    output: Path = typer.Option(..., "-o", "--output", help="The .xlsx to write."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help=_AS_OF),
    profile: Path | None = typer.Option(None, "--profile", help=_PROFILE),
    by_group: bool = typer.Option(False, "--by-group", help="Analyse customer groups."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """A workbook: tier table with a Pareto chart, flags with evidence, payment charts. 大客户报告。"""
    from bidassist.reports.accounts_xlsx import write_accounts_xlsx

    if output.suffix.lower() != ".xlsx":
        raise InputError("the report is an .xlsx workbook", str(output))
    path = write_accounts_xlsx(_assess(db, as_of, profile, by_group), output, force=force)
    typer.echo(f"wrote {path}")


def register(app: typer.Typer) -> None:
    app.add_typer(accounts_app, name="accounts")
