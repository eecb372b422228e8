"""`bidassist costs` commands: import a cost sheet, write a blank cost sheet template."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bidassist.core.money import format_money
from bidassist.core.safeio import atomic_write_text
from bidassist.costs.model import CostImport

costs_app = typer.Typer(help="Import finance's cost sheets; write a blank cost sheet. 成本表导入与模板。",
                        no_args_is_help=True)


class Format(StrEnum):
    table = "table"
    json = "json"


def _run_import(source: Path, sheet: str | None, column_map: str | None) -> CostImport:
    """One library call: a bid file uses its costs section, anything else is a cost sheet."""
    if source.suffix.lower() in (".yaml", ".yml"):
        from bidassist.core.bidfile import load_bid
        from bidassist.costs import load_costs

        if sheet or column_map:
            raise typer.BadParameter("--sheet/--map come from the bid file's costs section here")
        return load_costs(load_bid(source))
    from bidassist.costs import import_cost_sheet

    return import_cost_sheet(source, sheet=sheet, mapping=column_map)


def _print_table(result: CostImport, console: Console) -> None:
    model = result.model
    table = Table(title=escape(f"成本明细 Cost lines — {model.source}"), show_lines=False, header_style="bold")
    for name, justify in (("来源 Source", "left"), ("编码 Code", "left"), ("名称 Description", "left"),
                          ("单位 Unit", "left"), ("数量 Qty", "right"), ("最低 Low", "right"),
                          ("最可能 Likely", "right"), ("最高 High", "right"), ("分布 Dist", "left"),
                          ("类别 Category", "left")):
        table.add_column(name, justify=justify, overflow="fold")
    for ln in model.lines:
        table.add_row(*(escape(str(x)) for x in (  # cell text is data, never Rich markup
            ln.source or "", ln.code or "", ln.description, ln.unit or "", f"{ln.quantity:,}",
            format_money(ln.low), format_money(ln.likely), format_money(ln.high),
            ln.distribution, ln.category or "")))
    console.print(table)
    totals = model.totals
    console.print(f"{len(model.lines)} 行 lines · 合计 totals (quantity × unit cost): "
                  f"low {format_money(totals.low)} · likely {format_money(totals.likely)} · "
                  f"high {format_money(totals.high)} {model.currency}")


@costs_app.command("import")
def import_cmd(
    sheet_file: Path = typer.Argument(..., help="Cost sheet (.xlsx/.xlsm/.xls/.xlsb/.ods/.csv), or a "
                                                "bid file (bid.yaml) whose costs section names one."),
    sheet: str | None = typer.Option(None, "--sheet", help="Import this sheet only (default: every "
                                                           "sheet that holds a cost table)."),
    column_map: str | None = typer.Option(None, "--map", help="Columns for sheets whose headers are not "
                                          "recognised: code=A,description=B,unit=C,quantity=D,price=E "
                                          "(also low/likely/high/amount/category/distribution/risk, "
                                          "header=ROW)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Also write the JSON to this file."),
    fmt: Format = typer.Option(Format.table, "--format", help="table (default) or json on stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite the -o file if it exists."),
) -> None:
    """Import a cost sheet: print its lines and totals. Problems are listed as `Sheet!Cell: problem`
    (exit 2); warnings are printed and do not fail. 导入成本表。"""
    result = _run_import(sheet_file, sheet, column_map)
    data = result.to_json()
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output is not None:
        atomic_write_text(output, text, force=force)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    for w in result.warnings:
        err.print(f"[yellow]warning:[/] {escape(str(w))}", markup=True, highlight=False)
    if fmt is Format.json:
        typer.echo(text, nl=False)
    else:
        _print_table(result, Console(highlight=False))
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
