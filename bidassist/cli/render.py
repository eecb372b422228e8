"""`bidassist templates list|check` and `bidassist render`: tender documents from templates."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bidassist.cli.consoles import lazy_console
from bidassist.cli.helpfmt import plain_typer
from bidassist.core.errors import InputError

if TYPE_CHECKING:
    pass

if TYPE_CHECKING:  # pydantic models and the costs package: only when a command runs
    from bidassist.core.bidfile import Bid
    from bidassist.costs.model import CostModel


def load_bid(path: Path) -> Bid:
    """The bid file (the pydantic models are imported when a command needs them)."""
    from bidassist.core.bidfile import load_bid as load

    return load(path)


if TYPE_CHECKING:
    from bidassist.documents.price_source import PriceChoice

templates_app = plain_typer(
    help="Tender-document templates: list them, check their fields. 投标文件模板。", no_args_is_help=True
)
bill_app = plain_typer(help="The buyer's bill of quantities (清单计价). 工程量清单。", no_args_is_help=True)
console = lazy_console(highlight=False, soft_wrap=True)


def load_inputs(data: Path) -> tuple[Bid, CostModel, Decimal]:
    """The bid file, its cost model and the bid price (offer.price, else the recommended price)."""
    from bidassist.costs import load_costs
    from bidassist.workflow import resolve_bid_price

    bid = load_bid(data)
    costs = load_costs(bid).model
    return bid, costs, resolve_bid_price(bid, costs)


def choose_render_price(data: Path, out: Path, price_result: Path | None, accept_risk: bool):
    """The bid, its costs and the price choice for `render`: offer.price, else a saved price
    result whose inputs match (--price-result, else OUT's folder's price.json as the main job
    writes it), else a simulation with a progress bar."""
    from rich.progress import Progress

    from bidassist.costs import load_costs
    from bidassist.documents.price_source import choose_price

    bid = load_bid(data)
    costs = load_costs(bid).model
    if price_result is not None and not price_result.is_file():
        raise InputError("price result not found", str(price_result))
    candidates = (
        [price_result]
        if price_result is not None
        else list(dict.fromkeys([out.parent / "price.json", bid.base_dir / "out" / "price.json"]))
    )

    def simulate() -> dict:
        from rich.console import Console

        from bidassist.pricing import price_bid

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task(
                "simulating 正在模拟报价", total=bid.pricing.iterations if bid.pricing else None
            )
            priced = price_bid(
                bid, costs, progress=lambda done, total: progress.update(task, completed=done, total=total)
            )
        return priced.to_json()

    choice = choose_price(
        bid, costs, candidates=candidates, simulate=simulate if bid.pricing else None, accept_risk=accept_risk
    )
    return bid, costs, choice


def _print_choice(choice: PriceChoice) -> None:
    from bidassist.core.money import format_money

    console.print(
        f"price 报价: {format_money(choice.price)} — {choice.source}; analysis status 分析结论: "
        f"{choice.status or 'unknown 未知'}"
    )
    for n in choice.notes:
        console.print(f"[yellow]note:[/] {n}")


def _record(db: str | None, bid: Bid, price: Decimal, files: list[Path]) -> None:
    from rich.console import Console

    from bidassist.store.record import record_render

    Console(stderr=True, highlight=False).print(str(record_render(db, bid, price, files)))


def _emit_json(obj: object) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2))


@templates_app.command("list")
def list_cmd(
    data: Path | None = typer.Option(
        None, "--data", help="Bid file: also list its own templates (documents.template_dir)."
    ),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """List the templates: name, title, language, the fields each uses. 列出模板。"""
    from rich.table import Table

    from bidassist.documents.manifest import catalogue

    specs = catalogue(load_bid(data) if data else None)
    if fmt == "json":
        _emit_json(
            [
                {
                    "name": s.name,
                    "title": s.title,
                    "language": s.language,
                    "file": str(s.path),
                    "builtin": s.builtin,
                    "include": s.include,
                    "fields": list(s.fields),
                }
                for s in specs
            ]
        )
        return
    table = Table("name", "title 标题", "lang", "include", "fields 字段")
    for s in specs:
        required = [f for f in s.fields if not f.endswith("(optional)")]
        table.add_row(
            s.name,
            s.title,
            s.language,
            s.include,
            str(len(required)) + f" required, {len(s.fields) - len(required)} optional",
        )
    console.print(table)


@templates_app.command("check")
def check_cmd(
    template: str = typer.Argument(..., help="Template name, title (投标函) or file (.docx/.md/.html/.txt)."),
    data: Path | None = typer.Option(None, "--data", help="Bid file: also show which fields it lacks."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Show the fields TEMPLATE uses and, with --data, which the data lacks (exit 1 if any).
    检查模板字段及数据缺项。"""
    from bidassist.documents import dry_render, find_template, inspect_fields

    bid = None
    missing: list[str] = []
    if data is not None:
        bid, costs, price = load_inputs(data)
        missing = dry_render(template, bid, costs, price)
    spec = find_template(template, bid)
    fields = inspect_fields(spec)
    if fmt == "json":
        _emit_json(
            {
                "template": spec.name,
                "file": str(spec.path),
                "fields": [{"path": f.path, "required": f.required} for f in fields],
                "missing": missing,
            }
        )
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


@bill_app.command("map-template")
def map_template_cmd(
    data: Path = typer.Option(..., "--data", help="The bid file (with tender.bill)."),
    out: Path = typer.Option(..., "--out", "-o", help="The mapping workbook to write (.xlsx)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write the mapping sheet: the bill's items and a column for our cost lines, to fill in and
    name in tender.bill.mapping. 生成清单映射表。"""
    from bidassist.costs import load_costs
    from bidassist.documents.bill import write_map_template

    bid = load_bid(data)
    if out.suffix.lower() != ".xlsx":
        raise InputError("the mapping sheet is an .xlsx file", str(out))
    path = write_map_template(bid, load_costs(bid).model, out, force=force)
    console.print(f"wrote {path}: fill in 对应成本行 and set tender.bill.mapping: {path.name}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(templates_app, name="templates")
    app.add_typer(bill_app, name="bill")

    @app.command("render")
    def render_cmd(
        template: str | None = typer.Argument(None, help="Template name, title or file; omit with --all."),
        data: Path = typer.Option(..., "--data", help="The bid file (bid.yaml)."),
        out: Path = typer.Option(..., "--out", "-o", help="Output .docx (one template) or folder (--all)."),
        all_: bool = typer.Option(False, "--all", help="Write the whole document set and an index."),
        force: bool = typer.Option(False, "--force", help="Overwrite existing output files."),
        pdf: bool = typer.Option(False, "--pdf", help="Also convert to PDF with LibreOffice (if installed)."),
        price_result: Path | None = typer.Option(
            None, "--price-result", help="A saved price result (price.json) to reuse when its inputs match."
        ),
        accept_risk: bool = typer.Option(
            False,
            "--accept-risk",
            help="Write the documents even when the price analysis says below break-even or do not bid.",
        ),
        bound: bool = typer.Option(
            False,
            "--bound",
            help="With --all: also one bound 投标文件 .docx (cover, "
            "contents, every form), and its PDF with LibreOffice.",
        ),
        copy_label: str = typer.Option("正本", "--copy", help="The bound bid's cover label: 正本 or 副本."),
        fmt: str = typer.Option("text", "--format", help="text or json."),
        record: bool = typer.Option(
            False, "--record", help="Record the bid as written (price, document hashes) in the store."
        ),
        db: str | None = typer.Option(
            None,
            "--db",
            help="The store for --record (default: $BIDASSIST_DB, else bidassist.db beside the bid file).",
        ),
    ) -> None:
        """Fill a template (or --all: the document set) from the bid file, check it, write it.
        生成投标文件（大写金额、分项报价、总价一致性均经校验）。"""
        from bidassist.core.safeio import check_output
        from bidassist.documents.render import INDEX_NAME

        _check_render_options(template, all_=all_, bound=bound, copy_label=copy_label)
        if not all_:  # before any simulation: an existing output refuses at once
            check_output(out, force=force)
        elif out.is_dir():
            check_output(out / INDEX_NAME, force=force)  # the set's index stands for the set
        bid, costs, choice = choose_render_price(data, out, price_result, accept_risk)
        if template is None:
            opts = _SetOptions(pdf=pdf, bound=bound, copy_label=copy_label, force=force)
            _render_set(bid, costs, choice, out, opts, fmt=fmt, record=record, db=db)
        else:
            _render_one(
                template, bid, costs, choice, out, pdf=pdf, force=force, fmt=fmt, record=record, db=db
            )


@dataclass(frozen=True)
class _SetOptions:
    pdf: bool
    bound: bool
    copy_label: str
    force: bool


def _check_render_options(template: str | None, *, all_: bool, bound: bool, copy_label: str) -> None:
    if all_ == (template is not None):
        raise InputError("give a TEMPLATE or --all (not both)", "render")
    if bound and not all_:
        raise InputError("--bound binds the whole set: use it with --all", "render")
    if copy_label not in ("正本", "副本"):
        raise InputError(f"--copy is 正本 or 副本, not {copy_label!r}", "render")


def _render_set(
    bid: Bid,
    costs: CostModel,
    choice: PriceChoice,
    out: Path,
    opts: _SetOptions,
    *,
    fmt: str,
    record: bool,
    db: str | None,
) -> None:
    """`render --all`: the document set, its index, and with --bound the bound bid."""
    from rich.markup import escape

    from bidassist.documents import render_documents

    report = render_documents(
        bid,
        costs,
        choice.price,
        out,
        force=opts.force,
        pdf=opts.pdf,
        provenance=choice,
        bound=opts.bound,
        copy_label=opts.copy_label,
    )
    if record:
        files = [f.path for f in report.files] + ([report.bound] if report.bound is not None else [])
        _record(db, bid, report.price or choice.price, files)
    if fmt == "json":
        _emit_json(report.to_dict())
        return
    _print_choice(choice)
    for f in report.files:
        console.print(f"wrote {f.path}" + (f" and {f.pdf.name}" if f.pdf else ""))
    if report.bound is not None:
        console.print(f"wrote {report.bound}" + (f" and {report.bound_pdf.name}" if report.bound_pdf else ""))
    console.print(f"wrote {report.index} and {report.index_json}")
    for c in report.warnings:
        console.print(f"[yellow]warning:[/] {escape(f'{c.where}: {c.message}')}")
    for n in report.notes:
        console.print(f"[yellow]note:[/] {n}")


def _render_one(
    template: str,
    bid: Bid,
    costs: CostModel,
    choice: PriceChoice,
    out: Path,
    *,
    pdf: bool,
    force: bool,
    fmt: str,
    record: bool,
    db: str | None,
) -> None:
    """`render TEMPLATE`: one filled form, and with --pdf its PDF when LibreOffice is installed."""
    from bidassist.documents import render_template
    from bidassist.documents.pdf import NOT_INSTALLED, convert_to_pdf, soffice_path

    path = render_template(template, bid, costs, choice.price, out, force=force)
    if record:
        _record(db, bid, choice.price, [path])
    made = None
    note = None
    if pdf and path.suffix == ".docx":
        if soffice_path() is None:
            note = NOT_INSTALLED
        else:
            made = convert_to_pdf(path, path.with_suffix(".pdf"), force=force)
    if fmt == "json":
        _emit_json(
            {
                "file": str(path),
                "pdf": str(made) if made else None,
                "notes": [note] if note else [],
                "price_source": choice.to_dict(),
            }
        )
        return
    _print_choice(choice)
    console.print(f"wrote {path}" + (f" and {made.name}" if made else ""))
    if note:
        console.print(f"[yellow]note:[/] {note}")
