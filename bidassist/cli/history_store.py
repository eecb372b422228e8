"""`bidassist history import|result|show|competitors|tenders|alias`: the store's history commands,
added to the `history` group."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from bidassist.cli.consoles import lazy_console
from bidassist.cli.db import DB_HELP
from bidassist.cli.history import history_app
from bidassist.core.errors import InputError

if TYPE_CHECKING:
    from rich.table import Table

console = lazy_console(highlight=False, soft_wrap=True)
err = lazy_console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


# options several commands share (typer reads them as defaults; one definition each)
_BUYER = typer.Option(None, "--buyer", help="Only this buyer's tenders (and its group's members').")
_CATEGORY = typer.Option(None, "--category", help="Only this category.")
_SINCE = typer.Option(None, "--since", help="Only tenders from this year or date on.")
_FORMAT = typer.Option("table", "--format", help="table or json.")
_DB = typer.Option(None, "--db", help=DB_HELP)


def _pairs(values: list[str] | None, option: str) -> dict[str, str]:
    from bidassist.store.tabular import parse_pairs

    out: dict[str, str] = {}
    for v in values or []:
        out.update(parse_pairs(v, option))
    return out


def _fmt(fmt: str) -> str:
    if fmt not in ("table", "json"):
        raise InputError(f"--format must be table or json, got {fmt!r}", "--format")
    return fmt


def _filters(buyer: str | None, category: str | None, since: str | None):  # noqa: ANN202
    from bidassist.store.history_source import since_date
    from bidassist.store.queries import Filters

    return Filters(buyer, category, since_date(since))


def _query(
    db: str | None,
    query: Callable[[Any, Any], Any],
    buyer: str | None,
    category: str | None,
    since: str | None,
    fmt: str,
) -> Any:
    """A filtered store query's result, or None when it went to stdout as JSON."""
    from bidassist.store import open_store

    with open_store(db) as store:
        data = query(store, _filters(buyer, category, since))
    if _fmt(fmt) == "json":
        _emit(data)
        return None
    return data


def _emit(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def print_import_report(report: Any, fmt: str) -> None:
    """Counts on stdout (or JSON), each skipped bad row as a warning on stderr."""
    from rich.markup import escape

    data = report.to_json()
    for p in report.bad:
        err.print(f"[yellow]warning:[/] {escape(str(p))} (skipped)")
    if fmt == "json":
        _emit(data)
        return
    extra = {
        k: v for k, v in data.items() if k not in ("file", "added", "updated", "skipped", "bad_rows", "kind")
    }
    console.print(
        f"{data['file']}: added {data['added']}, updated {data['updated']}, skipped {data['skipped']} "
        f"(unchanged), bad rows {len(report.bad)} · " + ", ".join(f"{k} {v}" for k, v in extra.items())
    )


@history_app.command("import")
def import_cmd(
    file: Path = typer.Argument(..., help="Past bids, one row per bid (.csv or .xlsx)."),
    column_map: list[str] | None = typer.Option(
        None,
        "--map",
        help="Columns by header or letter when not recognised: "
        "buyer=district,price=E (fields: tender, lot, buyer, tender_name, date, "
        "year, category, method, ceiling, estimate, currency, bidder, price, "
        "quantity, technical_score, other_score, status, rank, reason).",
    ),
    set_: list[str] | None = typer.Option(
        None, "--set", help="One value for every row: category=school milk."
    ),
    skip_bad: bool = typer.Option(
        False,
        "--skip-bad",
        help="Import the good rows and list the bad ones (default: a bad row means nothing is imported).",
    ),
    fmt: str = _FORMAT,
    db: str | None = _DB,
) -> None:
    """Import past tenders and their bids; importing the same file again changes nothing.
    导入历史开标记录（可重复导入）。"""
    from bidassist.store import open_store
    from bidassist.store.history_import import import_history

    _fmt(fmt)
    with open_store(db, create=True) as store:
        report = import_history(
            store,
            file,
            mapping=_pairs(column_map, "--map"),
            constants=_pairs(set_, "--set"),
            skip_bad=skip_bad,
        )
    print_import_report(report, fmt)


@history_app.command("result")
def result_cmd(
    tender: str = typer.Argument(..., help="The tender number (招标编号)."),
    won: bool = typer.Option(None, "--won/--lost", help="Did we win?"),
    winner: str | None = typer.Option(None, "--winner", help="Who won (default with --won: our company)."),
    price: str = typer.Option(..., "--price", help="The winning price."),
    bids: Path | None = typer.Option(
        None, "--bids", help="The opening's bids (CSV/XLSX: bidder, price, status …)."
    ),
    lot: str = typer.Option("", "--lot", help="The lot (标段/包号), when the tender has lots."),
    buyer: str | None = typer.Option(None, "--buyer", help="The buyer, for a tender not yet in the store."),
    db: str | None = _DB,
) -> None:
    """Record an opening: won or lost, the winner, the winning price, and optionally every bid.
    记录开标结果。"""
    from bidassist.core.money import parse_amount
    from bidassist.store import open_store
    from bidassist.store.history_import import import_history
    from bidassist.store.record import record_result

    if won is None:
        raise InputError("say --won or --lost", "history result")
    amount = parse_amount(price)
    if bids is not None:
        with open_store(db, create=True) as store:
            report = import_history(
                store, bids, constants={"tender": tender, "lot": lot, **({"buyer": buyer} if buyer else {})}
            )
        print_import_report(report, "table")
    done = record_result(db, tender, won=won, winner=winner, price=Decimal(amount), lot=lot, buyer=buyer)
    console.print(str(done))


def _tenders_table(rows: list[dict]) -> Table:
    from rich.table import Table

    table = Table(
        "tender 招标编号", "lot", "buyer 招标人", "year", "category", "bids", "lowest 最低价", "winner 中标人"
    )
    for r in rows:
        table.add_row(
            r["number"],
            r["lot"] or "",
            r["buyer"] or "",
            str(r["year"] or ""),
            r["category"] or "",
            str(r["bids"]),
            r["lowest"] or "",
            ", ".join(r["winners"]),
        )
    return table


@history_app.command("tenders")
def tenders_cmd(
    buyer: str | None = _BUYER,
    category: str | None = _CATEGORY,
    since: str | None = _SINCE,
    limit: int | None = typer.Option(None, "--limit", help="At most this many."),
    fmt: str = _FORMAT,
    db: str | None = _DB,
) -> None:
    """List the tenders in the store. 历史招标项目列表。"""
    from bidassist.store.queries import list_tenders

    rows = _query(db, lambda store, f: list_tenders(store, f, limit=limit), buyer, category, since, fmt)
    if rows is not None:
        console.print(_tenders_table(rows))
        console.print(f"{len(rows)} tenders")


def _print_competitors(rows: list[dict]) -> None:
    from rich.table import Table

    table = Table("competitor 对手", "tenders", "bids", "wins", "bid / median", "years", "aliases 别名")
    for r in rows:
        ratio = "" if r["mean_ratio_to_median"] is None else f"{r['mean_ratio_to_median']:.3f}"
        years = f"{r['first_year']}–{r['last_year']}" if r["first_year"] else ""
        table.add_row(
            r["name"],
            str(r["tenders"]),
            str(r["bids"]),
            str(r["wins"]),
            ratio,
            years,
            ", ".join(r["aliases"]),
        )
    console.print(table)


def _print_summary(data: dict) -> None:
    console.print(
        f"{data['tenders']} tenders, {data['bids']} bids, {data['buyers']} buyers; "
        f"{len(data['our_bids'])} recorded bids of ours, {len(data['outcomes'])} outcomes, "
        f"{len(data['contracts'])} contracts, {data['invoices']} invoices, {data['receipts']} receipts"
    )
    for o in data["our_bids"]:
        console.print(
            f"  our {o['kind']} bid {o['tender']}: {o['price']} (P(win) {o['p_win']}) {o['recorded_at']}"
        )
    for o in data["outcomes"]:
        console.print(f"  result {o['tender']}: {o['result']}, winner {o['winner']} at {o['winning_price']}")
    for c in data["contracts"]:
        console.print(
            f"  contract {c['file']} ({c['customer'] or 'customer unknown'}): {c['findings']} findings, "
            f"worst {c['worst'] or '-'}"
        )


def _filtered_command(name: str, doc: str, query: str, show: Callable[[Any], None]) -> None:
    """Register `history NAME`: the store query QUERY (from bidassist.store.queries) under the
    common filters, printed by SHOW (or as JSON)."""

    def command(
        buyer: str | None = _BUYER,
        category: str | None = _CATEGORY,
        since: str | None = _SINCE,
        fmt: str = _FORMAT,
        db: str | None = _DB,
    ) -> None:
        from bidassist.store import queries

        data = _query(db, getattr(queries, query), buyer, category, since, fmt)
        if data is not None:
            show(data)

    command.__doc__ = doc
    history_app.command(name)(command)


_filtered_command(
    "competitors",
    "The competitors seen: tenders, bids, wins, mean ratio to the median bid, aliases. 竞争对手。",
    "list_competitors",
    _print_competitors,
)
_filtered_command(
    "show",
    "What the store holds: tenders, bids, our bids and outcomes, contracts, invoices. 概览。",
    "show_summary",
    _print_summary,
)


@history_app.command("alias")
def alias_cmd(
    name: str = typer.Argument(..., help="The competitor (or with --customer, the customer)."),
    aliases: list[str] = typer.Argument(..., help="Other spellings of the same company."),
    customer: bool = typer.Option(False, "--customer", help="Aliases of a customer instead of a competitor."),
    group: str | None = typer.Option(
        None, "--group", help="With --customer: the group (集团) it belongs to."
    ),
    db: str | None = _DB,
) -> None:
    """Tell the store that several spellings are one company (merges their bids). 合并别名。"""
    from bidassist.store import open_store
    from bidassist.store.entities import add_competitor_alias, add_customer_alias

    with open_store(db) as store, store.writing() as session:
        for alias in aliases:
            if customer:
                add_customer_alias(session, name, alias, parent=group)
            else:
                _, moved = add_competitor_alias(session, name, alias)
                if moved:
                    console.print(f"{alias}: {moved} bids moved to {name}")
        if customer and not aliases and group:
            add_customer_alias(session, name, name, parent=group)
    console.print(f"{name}: {len(aliases)} alias(es) recorded")


@history_app.command("customer")
def customer_cmd(
    name: str = typer.Argument(..., help="The customer (created when new)."),
    group: str | None = typer.Option(None, "--group", help="The group (集团) it belongs to."),
    sector: str | None = typer.Option(None, "--sector", help="Sector, e.g. hospital, utility, rail."),
    region: str | None = typer.Option(None, "--region", help="Region, e.g. 浙江."),
    ownership: str | None = typer.Option(
        None, "--ownership", help="state_owned, government, private, foreign or other."
    ),
    db: str | None = _DB,
) -> None:
    """Set a customer's group, sector, region and ownership. 客户信息（集团、行业、地区、性质）。"""
    from bidassist.store import open_store
    from bidassist.store.entities import set_customer

    with open_store(db, create=True) as store, store.writing() as session:
        c = set_customer(session, name, group=group, sector=sector, region=region, ownership=ownership)
        line = (
            f"{c.name}: group {c.parent.name if c.parent else '-'}, sector {c.sector or '-'}, "
            f"region {c.region or '-'}, ownership {c.ownership or '-'}"
        )
    console.print(line)


def register(app: typer.Typer) -> None:
    """The commands are on `history_app` (registered by bidassist.cli.history)."""
