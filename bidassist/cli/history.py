"""`bidassist history`: bid history — `history backtest FILE` scores history-fitted win probabilities
walking forward through time. The store's commands join the same `history_app` group (history_store)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bidassist.cli.helpfmt import plain_typer
from bidassist.core.errors import InputError

if TYPE_CHECKING:
    pass

history_app = plain_typer(
    name="history",
    no_args_is_help=True,
    help="Past tenders, bids and outcomes: import, record, list, fit; calibration and backtests of win "
    "probabilities. 投标历史：导入、记录、查询、拟合，中标概率的校准与回测。",
)


def register(app: typer.Typer) -> None:
    """Add the `history` group to the app."""
    app.add_typer(history_app, name="history")


@history_app.command("backtest")
def backtest_cmd(
    file: Path = typer.Argument(
        ..., help="Past bids (CSV/XLSX): tender, bidder, price, status, year [, buyer]."
    ),
    fmt: str = typer.Option("table", "--format", help="table or json (json goes to stdout)."),
    xlsx: Path | None = typer.Option(
        None, "--xlsx", help="Also write an Excel report with a reliability chart."
    ),
    html: Path | None = typer.Option(
        None, "--html", help="Also write an HTML report with a reliability chart."
    ),
    min_train: int = typer.Option(
        100, "--min-train", help="Lettings needed before the first year predicted."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite existing report files."),
) -> None:
    """Walk forward year by year: fit on earlier years, predict P(win) of every bid of the year at its
    own price; Brier, log loss, calibration slope and reliability against 1/N and a constant.
    逐年前推回测：只用之前年份的数据预测每个投标的中标概率。"""
    from rich.console import Console

    from bidassist.pricing.backtest import run_backtest
    from bidassist.pricing.competitors import load_history
    from bidassist.reports import price_backtest as rep

    if fmt not in ("table", "json"):
        raise InputError(f"--format must be table or json, got {fmt!r}", "--format")
    if min_train < 1:
        raise InputError(f"must be at least 1, got {min_train}", "--min-train")
    for out in (xlsx, html):
        if out is not None and out.exists() and not force:
            raise InputError("already exists; use --force to overwrite it", str(out))
    bt = run_backtest(load_history(file), min_train_lettings=min_train, where=str(file))
    if xlsx is not None:
        rep.write_backtest_xlsx(bt, xlsx, force=force)
    if html is not None:
        rep.write_backtest_html(bt, html, force=force)
    if fmt == "json":
        typer.echo(json.dumps(bt.to_json(), ensure_ascii=False, indent=2))
    else:
        rep.print_backtest(bt, Console())
