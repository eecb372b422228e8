"""The main job, end to end, on a bid file: each step is one library call, in the order a bid
team works: cost sheet → price range → tender documents → contract check → bid / no-bid.

Nothing here prints: each step's typed result goes to a `MainJobObserver` (the CLI's prints it,
`bidassist/cli/main_job.py`). Every output the job may write is checked before anything is priced
or written, so an existing output without `force` costs nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bidassist.core.bidfile import Bid, load_bid
from bidassist.core.errors import InputError
from bidassist.core.money import round_money
from bidassist.core.resources import package_path
from bidassist.core.safeio import atomic_write_text, check_output, output_dir
from bidassist.costs import load_costs
from bidassist.costs.model import CostImport, CostModel
from bidassist.store.record import Recorded, record_price, record_render
from bidassist.store.review import record_review

if TYPE_CHECKING:
    from bidassist.accounts.bidding import BidDecision
    from bidassist.checklist.result import CheckResult
    from bidassist.documents.render import RenderReport
    from bidassist.pricing.result import PriceResult

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
    lines: list[str] = []
    with open_store(store_path, create=True) as store:
        for path in files:
            rep = import_ledger(store, path)
            lines.append(f"{path.name}: added {rep.added}, updated {rep.updated}, unchanged {rep.skipped}")
    return lines


#: the main job's own outputs in its folder (the document set goes to DOCUMENTS_DIR, its index last)
PRICE_JSON, PRICE_XLSX = "price.json", "price_report.xlsx"
REVIEW_JSON, REVIEW_MD, ANNOTATED = "contract_review.json", "contract_review.md", "contract_annotated.docx"
DOCUMENTS_DIR = "documents"


class MainJobObserver(Protocol):
    """What the main job tells its caller, step by step (each call gets that step's result)."""

    def bid_loaded(self, bid: Bid) -> None: ...
    def costs_imported(self, bid: Bid, costs: CostImport) -> None: ...
    def pricing_started(self, iterations: int) -> Callable[[int, int], None] | None: ...
    def priced(self, bid: Bid, priced: PriceResult, recorded: Recorded) -> None: ...
    def rendering(self, bid: Bid, price: Decimal) -> None: ...
    def rendered(self, report: RenderReport, recorded: Recorded) -> None: ...
    def checked(
        self, checked: CheckResult, recorded: Recorded, annotated: tuple[Path, int] | None
    ) -> None: ...
    def deciding(self, ledger: list[str]) -> None: ...
    def decided(self, decided: BidDecision) -> None: ...
    def done(self, result: MainJobResult) -> None: ...


class _Silent:
    """An observer that ignores every step (the main job called as a plain library function)."""

    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


def planned_outputs(bid: Bid, out_dir: Path) -> list[Path]:
    """The files the main job writes directly in `out_dir` (the document set is checked by
    render_documents itself; its index stands for it here)."""
    paths = [out_dir / DOCUMENTS_DIR / "index.html"]
    if bid.pricing is not None:
        paths += [out_dir / PRICE_JSON, out_dir / PRICE_XLSX]
    if bid.contract is not None:
        paths += [out_dir / REVIEW_JSON, out_dir / REVIEW_MD]
        if bid.contract.file.suffix.lower() in (".docx", ".docm"):
            paths.append(out_dir / ANNOTATED)
    return paths


def _check_planned_outputs(bid: Bid, out_dir: Path, force: bool) -> None:
    """Refuse before pricing (which takes the time) when an output exists and `force` is not given."""
    for path in planned_outputs(bid, out_dir):
        if path.parent.is_dir():
            check_output(path, force=force)


def _price_step(bid: Bid, model: CostModel, out_dir: Path, force: bool, obs: MainJobObserver) -> PriceResult:
    from bidassist.pricing import price_bid
    from bidassist.reports.price_xlsx import write_price_xlsx

    assert bid.pricing is not None
    priced = price_bid(bid, model, progress=obs.pricing_started(bid.pricing.iterations))
    as_json = priced.to_json()
    atomic_write_text(out_dir / PRICE_JSON, json.dumps(as_json, ensure_ascii=False, indent=2), force=force)
    write_price_xlsx(priced, out_dir / PRICE_XLSX, force=force)
    obs.priced(bid, priced, record_price(out_dir / STORE_NAME, bid, as_json))
    return priced


def _contract_step(
    bid: Bid, out_dir: Path, force: bool, obs: MainJobObserver
) -> tuple[CheckResult, list[Path]]:
    from bidassist.checklist import check_bid_contract
    from bidassist.reports.check_docx import annotate_docx
    from bidassist.reports.check_json import render_json
    from bidassist.reports.check_md import render_md

    contract = bid.contract
    assert contract is not None
    checked = check_bid_contract(bid)
    recorded = record_review(
        out_dir / STORE_NAME, contract.file, checked.to_json(), customer=bid.tender.buyer
    )
    files = [
        atomic_write_text(out_dir / REVIEW_JSON, render_json(checked), force=force),
        atomic_write_text(out_dir / REVIEW_MD, render_md(checked), force=force),
    ]
    annotated = None
    if contract.file.suffix.lower() in (".docx", ".docm"):
        count = annotate_docx(contract.file, checked, out_dir / ANNOTATED, force=force)
        annotated = (out_dir / ANNOTATED, count)
        files.append(out_dir / ANNOTATED)
    obs.checked(checked, recorded, annotated)
    return checked, files


def _decide_step(bid_file: Path, store_path: Path, checked: CheckResult | None, obs: MainJobObserver) -> str:
    """Bid / bid with conditions / no-bid for this customer (needs the bid's pricing)."""
    from bidassist.accounts.bidding import decide_bid

    obs.deciding(import_bid_ledger(bid_file, store_path))
    decided = decide_bid(bid_file, db=str(store_path), review=checked)
    obs.decided(decided)
    return decided.decision.verdict


def run_main_job(
    bid_file: Path, out_dir: Path, *, force: bool = False, observer: MainJobObserver | None = None
) -> MainJobResult:
    """Load the bid, import its costs, price it, write its documents, check its contract and decide
    whether to bid. Outputs go to `out_dir`; nothing existing is overwritten unless `force`, and
    that is checked before any step runs."""
    from bidassist.documents import render_documents

    obs: MainJobObserver = observer or _Silent()
    result = MainJobResult()
    bid = load_bid(bid_file)
    out_dir = output_dir(Path(out_dir))
    _check_planned_outputs(bid, out_dir, force)
    obs.bid_loaded(bid)
    costs = load_costs(bid)
    obs.costs_imported(bid, costs)
    recommended = None
    if bid.pricing is not None:
        priced = _price_step(bid, costs.model, out_dir, force, obs)
        result.files += [out_dir / PRICE_JSON, out_dir / PRICE_XLSX]
        recommended = priced.recommended.price
    result.price = price = resolve_bid_price(bid, costs.model, recommended=recommended)
    obs.rendering(bid, price)
    report = render_documents(bid, costs.model, price, out_dir / DOCUMENTS_DIR, force=force)
    result.files += [f.path for f in report.files] + ([report.index] if report.index is not None else [])
    obs.rendered(report, record_render(out_dir / STORE_NAME, bid, price, [f.path for f in report.files]))
    checked = None
    if bid.contract is not None:
        checked, files = _contract_step(bid, out_dir, force, obs)
        result.findings = len(checked.findings)
        result.files += files
    if bid.pricing is not None:
        result.decision = _decide_step(bid_file, out_dir / STORE_NAME, checked, obs)
    obs.done(result)
    return result
