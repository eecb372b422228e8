"""Documents: render the tender document set for a workspace bid file and download it as a zip
(and the bound 投标文件 where the library makes one)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse
from starlette.routing import Route

from bidassist.web.context import checked_form, page, run_library, state_of, text_field

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class DocumentSet:
    bid: str
    price: str
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    zip: Path | None = None
    bound: Path | None = None


def _render(bid_path: Path, name: str, folder: Path, accept_risk: bool = False) -> DocumentSet:
    """The CLI's calls: load_bid, load_costs, choose_price (offer.price, a saved price result whose
    inputs match, or a simulation; a risky price only with `accept_risk`), render_documents with the
    bound 投标文件; then one zip."""
    from bidassist.core.bidfile import load_bid
    from bidassist.core.money import format_money
    from bidassist.costs import load_costs
    from bidassist.documents import render_documents
    from bidassist.documents.price_source import choose_price
    from bidassist.pricing import price_bid

    bid = load_bid(bid_path)
    costs = load_costs(bid).model
    saved = [p for p in (bid.base_dir / "out" / "price.json", bid.base_dir / "price.json") if p.is_file()]
    choice = choose_price(
        bid,
        costs,
        candidates=saved,
        accept_risk=accept_risk,
        simulate=(lambda: price_bid(bid, costs).to_json()) if bid.pricing else None,
    )
    out = folder / "documents"
    report = render_documents(bid, costs, choice.price, out, provenance=choice, bound=True)
    result = DocumentSet(
        bid=name,
        price=f"{bid.tender.currency} {format_money(choice.price)} — {choice.source}; "
        f"analysis status 分析结论: {choice.status or 'unknown 未知'}",
    )
    result.warnings = [f"{c.where}: {c.message}" for c in report.warnings]
    result.notes = list(report.notes)
    result.bound = report.bound
    result.zip = folder / "documents.zip"
    with zipfile.ZipFile(result.zip, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(out.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(out).as_posix())
                result.files.append(path.relative_to(out).as_posix())
    return result


async def form_page(request: Request):
    st = state_of(request)
    return page(request, "documents.html", bids=st.workspace.bid_files(), key=None, docs=None)


async def render(request: Request):
    st = state_of(request)
    form = await checked_form(request)
    name = text_field(form, "bid", required=True, max_len=300)
    accept_risk = text_field(form, "accept_risk", max_len=10) in ("on", "1", "yes")
    bid_path = st.workspace.bid_path(name)
    with st.area.building() as (key, folder):
        docs = await run_library(request, _render, bid_path, name, folder, accept_risk)
    st.area.attach(key, docs)
    return RedirectResponse(f"/documents/{key}", status_code=303)


def _docs(request: Request) -> tuple[str, DocumentSet]:
    key = request.path_params["key"]
    missing = "no such document set (it may have expired; render it again)"
    return key, state_of(request).area.stored(key, DocumentSet, missing)


async def show(request: Request):
    st = state_of(request)
    key, docs = _docs(request)
    return page(request, "documents.html", bids=st.workspace.bid_files(), key=key, docs=docs)


async def download(request: Request):
    _, docs = _docs(request)
    what = request.path_params["what"]
    if what == "zip" and docs.zip is not None:
        return FileResponse(docs.zip, media_type="application/zip", filename="投标文件.zip")
    if what == "bound" and docs.bound is not None:
        return FileResponse(docs.bound, media_type=DOCX, filename=docs.bound.name)
    raise HTTPException(404, "no such download")


def routes() -> list[Route]:
    return [
        Route("/documents", form_page),
        Route("/documents", render, methods=["POST"]),
        Route("/documents/{key}", show),
        Route("/documents/{key}/download/{what}", download),
    ]
