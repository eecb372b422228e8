"""`bidassist decide BID_FILE`: bid, bid with conditions, or no-bid — from the customer's record in
the store, the price as the customer really pays, and the draft contract's traps."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bidassist.cli.consoles import lazy_console
from bidassist.cli.db import DB_HELP
from bidassist.core.errors import InputError

if TYPE_CHECKING:
    pass

console = lazy_console(highlight=False, soft_wrap=True)


def decide_cmd(
    bid_file: Path = typer.Argument(..., help="The bid file (bid.yaml)."),
    db: str | None = typer.Option(
        None, "--db", help=DB_HELP + " Default here: bidassist.db beside the bid file."
    ),
    profile: Path | None = typer.Option(None, "--profile", help="Company profile (tiers, floors, policy)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Date of the customer analysis (default: today)."),
    iterations: int | None = typer.Option(None, "--iterations", help="Monte Carlo iterations for the price."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Bid / bid with conditions / no-bid, with the reasons. 投标决策。"""
    from bidassist.accounts.bidding import decide_bid
    from bidassist.reports.accounts_json import bid_decision_json
    from bidassist.reports.decision_terminal import print_decision

    if fmt not in ("table", "json"):
        raise InputError(f"--format must be table or json, got {fmt!r}", "--format")
    try:
        day = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {as_of!r}", "--as-of") from None
    result = decide_bid(bid_file, db=db, profile=profile, as_of=day, iterations=iterations)
    if fmt == "json":
        typer.echo(json.dumps(bid_decision_json(result), ensure_ascii=False, indent=2))
        return
    print_decision(result, console)


def register(app: typer.Typer) -> None:
    app.command("decide")(decide_cmd)
