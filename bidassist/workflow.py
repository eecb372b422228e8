"""The main job, end to end, on a bid file: each step is one library call, in the order a bid
team works: cost sheet → price range → tender documents → contract check."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.rule import Rule

from bidassist.core.bidfile import Bid, load_bid
from bidassist.core.errors import InputError
from bidassist.core.money import format_money, rmb_upper, round_money
from bidassist.core.resources import package_path
from bidassist.core.safeio import atomic_write_text, output_dir
from bidassist.costs import load_costs
from bidassist.costs.model import CostModel
from bidassist.reports.summary import print_bid_summary
from bidassist.store.record import record_price, record_render
from bidassist.store.review import record_review

#: the demo's store: the priced bid, the documents' hashes and the contract review go to out/bidassist.db
STORE_NAME = "bidassist.db"


def default_example() -> Path:
    """The bundled example bid (package data: bidassist/examples/hospital/bid.yaml)."""
    return package_path("examples") / "hospital" / "bid.yaml"


def resolve_bid_price(bid: Bid, costs: CostModel, *, recommended: Decimal | None = None) -> Decimal:
    """The price that goes in the envelope: `offer.price` when the bid file gives one, otherwise
    the recommended price (`recommended` when already computed, else the pricing engine's)."""
    if bid.offer.price is not None:
        return round_money(bid.offer.price)
    if recommended is not None:
        return recommended
    if bid.pricing is None:
        raise InputError(
            "no price: give offer.price, or a pricing section to recommend one",
            f"{bid.source or 'bid file'}: offer.price",
        )
    from bidassist.pricing import price_bid

    return price_bid(bid, costs).recommended.price


def bid_file_price(path: Path) -> Decimal:
    """The price the bid in a bid file uses: offer.price, else the recommended price (what
    `check --against bid.yaml` compares the contract price with)."""
    bid = load_bid(path)
    if bid.offer.price is not None:
        return round_money(bid.offer.price)
    return resolve_bid_price(bid, load_costs(bid).model)


@dataclass
class MainJobResult:
    """What the main job produced: the files written and the figures that matter."""

    price: Decimal | None = None
    files: list[Path] = field(default_factory=list)
    findings: int = 0
    exit_status: int = 0
    decision: str | None = None  # bid | bid_with_conditions | no_bid


#: a folder beside the bid file holding the sales ledger (invoices.csv, receipts.csv) that the main
#: job imports into its store before deciding, so the decision sees how the buyer pays
LEDGER_DIR = "ledger"
LEDGER_FILES = ("invoices.csv", "receipts.csv")


def import_bid_ledger(bid_file: Path, store_path: Path) -> list[str]:
    """Import the ledger beside the bid file into the store (idempotent); the import reports."""
    from bidassist.store import open_store
    from bidassist.store.ledger import import_ledger

    folder = Path(bid_file).parent / LEDGER_DIR
    files = [folder / name for name in LEDGER_FILES if (folder / name).is_file()]
    if not files:
        return []
    lines = []
    with open_store(store_path, create=True) as store:
        for path in files:
            rep = import_ledger(store, path)
            lines.append(f"{path.name}: added {rep.added}, updated {rep.updated}, unchanged {rep.skipped}")
    return lines


def _decide(bid_file: Path, store_path: Path, checked, console: Console) -> str | None:  # noqa: ANN001
    """Step 6: bid / bid with conditions / no-bid for this customer (needs the bid's pricing)."""
    from bidassist.accounts.bidding import decide_bid
    from bidassist.reports.decision_terminal import print_decision

    console.print(Rule("6 · 投标决策 Bid / no-bid"))
    for line in import_bid_ledger(bid_file, store_path):
        console.print(f"ledger 台账 {line}")
    decided = decide_bid(bid_file, db=str(store_path), review=checked)
    print_decision(decided, console)
    return decided.decision.verdict


def run_main_job(
    bid_file: Path, out_dir: Path, *, force: bool = False, console: Console | None = None
) -> MainJobResult:
    """Load the bid, import its costs, price it, write its documents and check its contract.
    Outputs go to `out_dir`; nothing existing is overwritten unless `force`."""
    from bidassist.checklist import check_contract
    from bidassist.documents import render_documents
    from bidassist.pricing import price_bid
    from bidassist.reports.check_terminal import print_result as print_check_result
    from bidassist.reports.price_table import print_price_table
    from bidassist.reports.price_xlsx import write_price_xlsx

    console = console or Console()
    result = MainJobResult()
    out_dir = output_dir(Path(out_dir))

    console.print(Rule("1 · 投标信息 Bid file"))
    bid = load_bid(bid_file)
    print_bid_summary(bid, console)

    console.print(Rule("2 · 成本 Cost sheet"))
    costs = load_costs(bid)
    model = costs.model
    totals = model.totals
    console.print(
        f"{len(model.lines)} cost lines from {model.source or 'the bid file'}; "
        f"likely direct cost {bid.tender.currency} {format_money(totals.likely)} "
        f"(low {format_money(totals.low)}, high {format_money(totals.high)})"
    )
    for w in costs.warnings:
        console.print(f"[yellow]warning:[/] {escape(str(w))}")

    if bid.pricing is not None:
        console.print(Rule("3 · 报价区间 Price range"))
        from rich.progress import Progress

        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("simulating", total=bid.pricing.iterations)
            priced = price_bid(
                bid, model, progress=lambda done, total: progress.update(task, completed=done, total=total)
            )
        print_price_table(priced, console, currency=bid.tender.currency)
        result.files.append(
            atomic_write_text(
                out_dir / "price.json",
                json.dumps(priced.to_json(), ensure_ascii=False, indent=2),
                force=force,
            )
        )
        result.files.append(write_price_xlsx(priced, out_dir / "price_report.xlsx", force=force))
        console.print(str(record_price(out_dir / STORE_NAME, bid, priced.to_json())))
        recommended = priced.recommended.price
    else:
        recommended = None
    price = resolve_bid_price(bid, model, recommended=recommended)
    result.price = price

    console.print(Rule("4 · 投标文件 Tender documents"))
    console.print(
        f"bid price 投标报价: {bid.tender.currency} {format_money(price)}"
        + (f"  人民币{rmb_upper(price)}" if bid.tender.currency == "CNY" else "")
    )
    report = render_documents(bid, model, price, out_dir / "documents", force=force)
    for check in report.checks:
        if check.severity != "ok":
            console.print(f"  [yellow]{check.severity}:[/] {check}")
    result.files.extend(f.path for f in report.files)
    if report.index is not None:
        result.files.append(report.index)
    console.print(str(record_render(out_dir / STORE_NAME, bid, price, [f.path for f in report.files])))

    checked = None
    if bid.contract is not None:
        console.print(Rule("5 · 合同审查 Contract check"))
        checked = check_contract(
            bid.contract.file, against=bid.contract.against, waivers=bid.contract.waivers
        )
        print_check_result(checked, console)
        console.print(
            str(
                record_review(
                    out_dir / STORE_NAME, bid.contract.file, checked.to_json(), customer=bid.tender.buyer
                )
            )
        )
        result.findings = len(checked.findings)
        from bidassist.reports.check_docx import annotate_docx
        from bidassist.reports.check_json import render_json
        from bidassist.reports.check_md import render_md

        result.files.append(
            atomic_write_text(out_dir / "contract_review.json", render_json(checked), force=force)
        )
        result.files.append(
            atomic_write_text(out_dir / "contract_review.md", render_md(checked), force=force)
        )
        if bid.contract.file.suffix.lower() in (".docx", ".docm"):
            annotated = out_dir / "contract_annotated.docx"
            count = annotate_docx(bid.contract.file, checked, annotated, force=force)
            console.print(f"annotated copy with {count} Word comments: {annotated}")
            result.files.append(annotated)
    if bid.pricing is not None:
        result.decision = _decide(bid_file, out_dir / STORE_NAME, checked, console)
    console.print(Rule("完成 Done"))
    for path in result.files:
        console.print(f"  {path}")
    return result
