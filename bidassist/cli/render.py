"""`bidassist templates list|check` and `bidassist render`: tender documents from templates."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from bidassist.core.bidfile import Bid, load_bid
from bidassist.core.errors import InputError
from bidassist.costs.model import CostModel

templates_app = typer.Typer(help="Tender-document templates: list them, check their fields. 投标文件模板。",
                            no_args_is_help=True)
console = Console(highlight=False, soft_wrap=True)


def load_inputs(data: Path) -> tuple[Bid, CostModel, Decimal]:
    """The bid file, its cost model and the bid price (offer.price, else the recommended price)."""
    bid = load_bid(data)
    try:
        from bidassist.costs import load_costs
    except ImportError:
        raise InputError("the cost import (bidassist.costs.load_costs) is not available", str(data)) from None
    costs = load_costs(bid).model
    price = bid.offer.price
    if price is None:
        try:
            from bidassist.workflow import resolve_bid_price
        except ImportError:
            raise InputError("no offer.price given and the pricing engine is not available; "
                             "set offer.price in the bid file", str(data)) from None
        price = resolve_bid_price(bid, costs)
    return bid, costs, price


def _record(db: str | None, bid: Bid, price: Decimal, files: list[Path]) -> None:
    from bidassist.store.record import record_render

    Console(stderr=True, highlight=False).print(str(record_render(db, bid, price, files)))


def _emit_json(obj: object) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2))


@templates_app.command("list")
def list_cmd(
    data: Path = typer.Option(None, "--data", help="Bid file: also list its own templates (documents.template_dir)."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """List the templates: name, title, language, the fields each uses. 列出模板。"""
    from bidassist.documents.manifest import catalogue

    specs = catalogue(load_bid(data) if data else None)
    if fmt == "json":
        _emit_json([{"name": s.name, "title": s.title, "language": s.language, "file": str(s.path),
                     "builtin": s.builtin, "include": s.include, "fields": list(s.fields)} for s in specs])
        return
    table = Table("name", "title 标题", "lang", "include", "fields 字段")
    for s in specs:
        required = [f for f in s.fields if not f.endswith("(optional)")]
        table.add_row(s.name, s.title, s.language, s.include, str(len(required)) +
                      f" required, {len(s.fields) - len(required)} optional")
    console.print(table)


@templates_app.command("check")
def check_cmd(
    template: str = typer.Argument(..., help="Template name, title (投标函) or file (.docx/.md/.html/.txt)."),
    data: Path = typer.Option(None, "--data", help="Bid file: also show which fields it lacks."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Show the fields TEMPLATE uses and, with --data, which the data lacks (exit 1 if any).
    检查模板字段及数据缺项。"""
    from bidassist.documents import dry_render, find_template, inspect_fields

    bid = costs = price = None
    if data is not None:
        bid, costs, price = load_inputs(data)
    spec = find_template(template, bid)
    fields = inspect_fields(spec)
    missing = dry_render(template, bid, costs, price) if bid is not None else []
    if fmt == "json":
        _emit_json({"template": spec.name, "file": str(spec.path),
                    "fields": [{"path": f.path, "required": f.required} for f in fields],
                    "missing": missing})
    else:
        console.print(f"{spec.title} ({spec.path.name}): {len(fields)} fields")
        for f in fields:
            console.print(f"  {f.path}" + ("" if f.required else "  (optional)"))
        if data is not None:
            if missing:
                console.print(f"[red]missing in {data} (缺少):[/]")
                for m in missing:
                    console.print(f"  [red]{m}[/]")
            else:
                console.print("[green]the data has every field this template needs[/]")
    if missing:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(templates_app, name="templates")

    @app.command("render")
    def render_cmd(
        template: str = typer.Argument(None, help="Template name, title or file; omit with --all."),
        data: Path = typer.Option(..., "--data", help="The bid file (bid.yaml)."),
        out: Path = typer.Option(..., "--out", "-o", help="Output .docx (one template) or folder (--all)."),
        all_: bool = typer.Option(False, "--all", help="Write the whole document set and an index."),
        force: bool = typer.Option(False, "--force", help="Overwrite existing output files."),
        pdf: bool = typer.Option(False, "--pdf", help="Also convert to PDF with LibreOffice (if installed)."),
        fmt: str = typer.Option("text", "--format", help="text or json."),
        record: bool = typer.Option(False, "--record", help="Record the bid as written (price, document "
                                                            "hashes) in the store."),
        db: str = typer.Option(None, "--db", help="The store for --record (default: $BIDASSIST_DB, else "
                                                  "bidassist.db beside the bid file)."),
    ) -> None:
        """Fill a template (or --all: the document set) from the bid file, check it, write it.
        生成投标文件（大写金额、分项报价、总价一致性均经校验）。"""
        from bidassist.documents import render_documents, render_template
        from bidassist.documents.pdf import NOT_INSTALLED, convert_to_pdf, soffice_path

        if all_ == (template is not None):
            raise InputError("give a TEMPLATE or --all (not both)", "render")
        bid, costs, price = load_inputs(data)
        if all_:
            report = render_documents(bid, costs, price, out, force=force, pdf=pdf)
            if record:
                _record(db, bid, price, [f.path for f in report.files])
            if fmt == "json":
                _emit_json(report.to_dict())
                return
            for f in report.files:
                console.print(f"wrote {f.path}" + (f" and {f.pdf.name}" if f.pdf else ""))
            console.print(f"wrote {report.index}")
            for c in report.warnings:
                console.print(f"[yellow]warning:[/] {c.where}: {c.message}")
            for n in report.notes:
                console.print(f"[yellow]note:[/] {n}")
            return
        path = render_template(template, bid, costs, price, out, force=force)
        if record:
            _record(db, bid, price, [path])
        made = None
        note = None
        if pdf and path.suffix == ".docx":
            if soffice_path() is None:
                note = NOT_INSTALLED
            else:
                made = convert_to_pdf(path, path.with_suffix(".pdf"), force=force)
        if fmt == "json":
            _emit_json({"file": str(path), "pdf": str(made) if made else None, "notes": [note] if note else []})
            return
        console.print(f"wrote {path}" + (f" and {made.name}" if made else ""))
        if note:
            console.print(f"[yellow]note:[/] {note}")
