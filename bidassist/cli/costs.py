"""`bidassist costs` commands: import a cost sheet, write a blank cost sheet template."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import typer

from bidassist.cli.helpfmt import plain_typer
from bidassist.core.errors import ProblemsError
from bidassist.core.money import format_money
from bidassist.core.safeio import atomic_write_text

if TYPE_CHECKING:
    from rich.console import Console

if TYPE_CHECKING:  # the costs package imports openpyxl: only when a command runs
    from bidassist.costs.model import CostImport

costs_app = plain_typer(
    help="Import finance's cost sheets; write a blank cost sheet. 成本表导入与模板。", no_args_is_help=True
)


class Format(StrEnum):
    table = "table"
    json = "json"


def _run_import(source: Path, sheet: str | None, column_map: str | None, accept: bool = False) -> CostImport:
    """One library call: a bid file uses its costs section, anything else is a cost sheet."""
    if source.suffix.lower() in (".yaml", ".yml"):
        from bidassist.core.bidfile import load_bid
        from bidassist.costs import load_costs

        if sheet or column_map:
            raise typer.BadParameter("--sheet/--map come from the bid file's costs section here")
        return load_costs(load_bid(source))
    from bidassist.costs import import_cost_sheet

    return import_cost_sheet(source, sheet=sheet, mapping=column_map, accept_difference=accept)


#: (title, justify, narrow) — the narrow table (under 120 columns) keeps the columns marked True
_COLUMNS: tuple[tuple[str, Literal["left", "right"], bool], ...] = (
    ("来源 Source", "left", False),
    ("编码 Code", "left", False),
    ("名称 Description", "left", True),
    ("单位 Unit", "left", True),
    ("数量 Qty", "right", True),
    ("最低 Low", "right", False),
    ("最可能 Likely", "right", True),
    ("最高 High", "right", False),
    ("分布 Dist", "left", False),
    ("类别 Category", "left", False),
)


def _print_table(result: CostImport, console: Console, *, wide: bool = False) -> None:
    """The lines as a table; numbers never wrap (descriptions do). Under 120 columns only
    description, unit, quantity and likely are shown unless `wide`."""
    from rich.markup import escape
    from rich.table import Table

    model = result.model
    narrow = not wide and console.width < 120
    table = Table(
        title=escape(f"成本明细 Cost lines — {model.source}"), show_lines=False, header_style="bold"
    )
    keep = [i for i, col in enumerate(_COLUMNS) if col[2] or not narrow]
    for i in keep:
        name, justify, _ = _COLUMNS[i]
        numeric = justify == "right"
        table.add_column(
            name,
            justify=justify,
            no_wrap=numeric,
            overflow="ellipsis" if numeric else "fold",
            ratio=None if numeric else (3 if i == 2 else 1),
        )
    for ln in model.lines:
        cells = (
            ln.source or "",
            ln.code or "",
            ln.description,
            ln.unit or "",
            f"{ln.quantity:,}",
            format_money(ln.low),
            format_money(ln.likely),
            format_money(ln.high),
            ln.distribution,
            ln.category or "",
        )
        table.add_row(*(escape(cells[i]) for i in keep))
    console.print(table)
    totals = model.totals
    console.print(
        f"{len(model.lines)} 行 lines · 合计 totals (quantity × unit cost): "
        f"low {format_money(totals.low)} · likely {format_money(totals.likely)} · "
        f"high {format_money(totals.high)} {model.currency or '(币种未注明 currency not stated)'}"
    )
    for m in result.markups:
        rate = f" {m.rate * 100:g} %" if m.rate is not None else ""
        amount = f" {format_money(m.amount)}" if m.amount is not None else ""
        console.print(f"markup {m.kind}: {escape(m.label)}{rate}{amount} ({m.source})")
    for line in result.pricing_offer().yaml_lines() if result.markups else ():
        console.print(f"offer to pricing 报价设置建议: {escape(line)}")
    rec = result.reconciliation
    if rec is not None:
        if rec.sheet_total is None:
            console.print(
                f"reconciliation: NO STATED TOTAL 无合计可核对 — imported {format_money(rec.imported)} "
                f"is checked against no figure of the workbook: {escape(rec.basis)}"
            )
        else:
            console.print(
                f"reconciliation: {rec.status} — stated {format_money(rec.sheet_total)} ({escape(rec.cell or '')})"
                f" vs imported {format_money(rec.imported)}, difference {format_money(rec.difference or 0)}"
            )
    for sh in result.sheets:
        console.print(
            f"sheet {escape(sh.name)}: {sh.role}" + (f" — {escape(sh.reason)}" if sh.reason else "")
        )


@costs_app.command("import")
def import_cmd(
    sheet_file: Path = typer.Argument(
        ...,
        help="Cost sheet (.xlsx/.xlsm/.xls/.xlsb/.ods/.csv), or a "
        "bid file (bid.yaml) whose costs section names one.",
    ),
    sheet: str | None = typer.Option(
        None, "--sheet", help="Import this sheet only (default: every sheet that holds a cost table)."
    ),
    column_map: str | None = typer.Option(
        None,
        "--map",
        help="Columns for sheets whose headers are not "
        "recognised: code=A,description=B,unit=C,quantity=D,price=E "
        "(also low/likely/high/amount/category/distribution/risk, "
        'header=ROW, first=ROW, last=ROW; per sheet: "清单:quantity=G").',
    ),
    output: Path | None = typer.Option(None, "-o", "--output", help="Also write the JSON to this file."),
    fmt: Format = typer.Option(Format.table, "--format", help="table (default) or json on stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite the -o file if it exists."),
    all_errors: bool = typer.Option(
        False, "--all-errors", help="List every problem (default: a summary per kind and the first 20)."
    ),
    wide: bool = typer.Option(False, "--wide", help="All table columns, whatever the terminal width."),
    accept: bool = typer.Option(
        False,
        "--accept-difference",
        help="Import even when the stated total differs from the lines (reported as a warning).",
    ),
) -> None:
    """Import a cost sheet: print its lines and totals. Problems are listed as `Sheet!Cell: problem`
    (exit 2); warnings are printed and do not fail. 导入成本表。"""
    from rich.console import Console
    from rich.markup import escape

    from bidassist.costs.messages import summarize

    err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
    try:
        result = _run_import(sheet_file, sheet, column_map, accept)
    except ProblemsError as exc:
        for text in summarize(exc.problems, all_errors=all_errors):
            err.print(f"[bold red]error:[/] {escape(text)}", markup=True, highlight=False)
        if "fix:" in exc.message:
            err.print(f"[bold red]error:[/] {escape(exc.message)}", markup=True, highlight=False)
        raise typer.Exit(2) from None
    data = result.to_json()
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output is not None:
        atomic_write_text(output, text, force=force)
    for line in summarize(result.warnings, all_errors=all_errors):
        err.print(f"[yellow]warning:[/] {escape(line)}", markup=True, highlight=False)
    if fmt is Format.json:
        typer.echo(text, nl=False)
    else:
        _print_table(result, Console(highlight=False), wide=wide)
        if output is not None:
            err.print(f"wrote {output}")


@costs_app.command("template")
def template_cmd(
    output: Path = typer.Option(..., "-o", "--output", help="Where to write the blank cost sheet (.xlsx)."),
    force: bool = typer.Option(False, "--force", help="Overwrite the file if it exists."),
) -> None:
    """Write a blank cost sheet for finance: headers, number formats, dropdowns, an example line.
    生成空白成本表模板。"""
    from bidassist.costs import write_template

    if output.suffix.lower() not in (".xlsx", ".xlsm"):
        raise typer.BadParameter("the template is an Excel workbook: name it *.xlsx", param_hint="-o")
    write_template(output, force=force)
    typer.echo(f"wrote {output}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(costs_app, name="costs")
