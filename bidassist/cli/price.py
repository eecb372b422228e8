"""`bidassist price`: recommended bid price, range and cost percentiles for a bid file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bidassist.core.errors import InputError

if TYPE_CHECKING:
    pass

#: runs with more iterations × lines than this show a progress bar
PROGRESS_WORK = 2_000_000


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("price")
    def price_cmd(
        bid_file: Path = typer.Argument(..., help="The bid file (bid.yaml)."),
        fmt: str = typer.Option("table", "--format", help="table or json (json goes to stdout)."),
        xlsx: Path | None = typer.Option(None, "--xlsx", help="Also write an Excel report here."),
        iterations: int | None = typer.Option(
            None, "--iterations", help="Monte Carlo iterations (default: the bid file's)."
        ),
        seed: int | None = typer.Option(None, "--seed", help="Random seed (default: the bid file's)."),
        force: bool = typer.Option(False, "--force", help="Overwrite an existing --xlsx file."),
        scenario: list[Path] | None = typer.Option(
            None, "--scenario", help="A YAML file of pricing overrides; repeat to compare several."
        ),
        record: bool = typer.Option(False, "--record", help="Record this bid and its result in the store."),
        db: str | None = typer.Option(
            None,
            "--db",
            help="The store for --record (default: $BIDASSIST_DB, else bidassist.db beside the bid file).",
        ),
    ) -> None:
        """Recommend a bid price with no reserve price: Monte Carlo cost, competitors, evaluation method.
        无标底报价：成本模拟、竞争对手、评标办法，给出建议报价与区间。"""
        from rich.console import Console

        from bidassist.core.bidfile import load_bid
        from bidassist.core.safeio import check_output
        from bidassist.costs import load_costs
        from bidassist.pricing import price_bid
        from bidassist.reports.price_table import print_price_table

        if fmt not in ("table", "json"):
            raise InputError(f"--format must be table or json, got {fmt!r}", "--format")
        from bidassist.core.bidfile import MAX_ITERATIONS, MAX_SEED

        if iterations is not None and not 1 <= iterations <= MAX_ITERATIONS:
            raise InputError(f"must be between 1 and {MAX_ITERATIONS:,}, got {iterations}", "--iterations")
        if seed is not None and not 0 <= seed <= MAX_SEED:
            raise InputError(f"must be between 0 and 2^63 - 1, got {seed}", "--seed")
        bid = load_bid(bid_file)
        costs = load_costs(bid).model
        if xlsx is not None:  # before the simulation: a refused output costs nothing
            check_output(xlsx, force=force)
        n = iterations or (bid.pricing.iterations if bid.pricing else 0)
        err = Console(stderr=True)
        if fmt == "table" and n * max(len(costs.lines), 1) >= PROGRESS_WORK:
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            with Progress(
                TextColumn("模拟 / simulating"),
                BarColumn(),
                TextColumn("{task.percentage:>3.0f}%"),
                TimeRemainingColumn(),
                console=err,
                transient=True,
            ) as bar:
                task = bar.add_task("price", total=1)
                result = price_bid(
                    bid,
                    costs,
                    iterations=iterations,
                    seed=seed,
                    progress=lambda done, total: bar.update(task, completed=done, total=total),
                )
        else:
            result = price_bid(bid, costs, iterations=iterations, seed=seed)
        if scenario:
            from bidassist.pricing.scenarios import price_scenarios

            result.scenarios = price_scenarios(
                bid, costs, list(scenario), lambda b: price_bid(b, costs, iterations=iterations, seed=seed)
            )
        if record:
            from bidassist.store.record import record_price

            err.print(str(record_price(db, bid, result.to_json())), highlight=False)
        if xlsx is not None:
            from bidassist.reports.price_xlsx import write_price_xlsx

            write_price_xlsx(result, xlsx, force=force)
        if fmt == "json":
            typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        else:
            print_price_table(result, Console(), currency=bid.tender.currency)
            if xlsx is not None:
                Console().print(f"wrote {xlsx}")
