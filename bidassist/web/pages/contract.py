"""Contract review: upload a contract (and optionally the tender or bid file), see the findings
beside the clauses, waive a finding, download the annotated .docx and the reports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse
from starlette.routing import Route

from bidassist.core.errors import InputError
from bidassist.web.context import checked_form, page, run_library, state_of, text_field
from bidassist.web.uploads import BID_TYPES, CONTRACT_TYPES, save_upload, upload_field

if TYPE_CHECKING:
    from bidassist.checklist.result import CheckResult

#: downloads: name in the URL -> (file in the review's folder, media type)
DOWNLOADS = {
    "annotated.docx": (
        "annotated.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "report.md": ("report.md", "text/markdown; charset=utf-8"),
    "report.html": ("report.html", "text/html; charset=utf-8"),
    "report.json": ("report.json", "application/json"),
}
_KEY = re.compile(r"^[0-9a-f]{16}$")


@dataclass
class Review:
    """One uploaded contract, its latest check and the files made from it."""

    folder: Path
    contract: Path
    against: Path | None
    lang: str | None
    we: str | None = None
    result: CheckResult | None = None
    clauses: list = field(default_factory=list)


def _run_check(review: Review, waivers: Path) -> None:
    """The CLI's calls: check_contract (with the workspace's waivers), the reports, annotate_docx."""
    from bidassist.checklist import check_contract
    from bidassist.core.safeio import atomic_write_text
    from bidassist.reading import read_contract
    from bidassist.reports.check_html import render_html
    from bidassist.reports.check_json import render_json
    from bidassist.reports.check_md import render_md

    result = check_contract(
        review.contract,
        against=review.against,
        waivers=waivers if waivers.exists() else None,
        lang=review.lang,
        we=review.we,
        bid_price=_bid_price(review.against),
    )
    lang = review.lang or result.lang
    out = review.folder / "out"
    out.mkdir(exist_ok=True)
    for name, render in (
        ("report.md", render_md),
        ("report.html", render_html),
        ("report.json", render_json),
    ):
        atomic_write_text(out / name, render(result, lang), force=True)
    if review.contract.suffix.lower() == ".docx":
        from bidassist.reports.check_docx import annotate_docx

        annotate_docx(review.contract, result, out / "annotated.docx", lang=lang, force=True)
    review.clauses = read_contract(review.contract).clauses
    review.result = result


def _bid_price(against: Path | None):
    """The bid's price to compare the contract's with, when `against` is an uploaded bid file that
    states offer.price (a recommended price would need its cost sheet and a simulation)."""
    if against is None or against.suffix.lower() not in (".yaml", ".yml"):
        return None
    from bidassist.core.bidfile import load_bid
    from bidassist.workflow import bid_file_price

    return bid_file_price(against) if load_bid(against).offer.price is not None else None


async def form_page(request: Request):
    return page(request, "contract_upload.html")


async def upload(request: Request):
    st = state_of(request)
    form = await checked_form(request)
    contract = upload_field(form, "contract", "contract")
    against = upload_field(form, "against", "tender or bid file", required=False)
    lang = text_field(form, "lang", max_len=4)
    we = text_field(form, "we", max_len=200)
    if lang not in (None, "zh", "en"):
        raise InputError("choose zh, en or automatic", "lang")
    with st.area.building() as (key, folder):
        src = await save_upload(
            contract,
            folder,
            CONTRACT_TYPES,
            what="contract",
            max_bytes=st.config.max_upload,
            default="contract.txt",
        )
        other = None
        if against is not None:
            sub = folder / "against"
            sub.mkdir()
            other = await save_upload(
                against,
                sub,
                {**CONTRACT_TYPES, **BID_TYPES},
                what="tender or bid file",
                max_bytes=st.config.max_upload,
                default="tender.txt",
            )
        review = Review(folder=folder, contract=src, against=other, lang=lang, we=we)
        await run_library(request, _run_check, review, st.workspace.waivers)
    st.area.attach(key, review)
    return RedirectResponse(f"/contract/{key}", status_code=303)


def _review(request: Request) -> tuple[str, Review]:
    key = request.path_params["key"]
    missing = "no such review (it may have expired; upload the contract again)"
    return key, state_of(request).area.stored(key, Review, missing)


async def show(request: Request):
    from bidassist.web.review_view import build_view

    key, review = _review(request)
    severity = request.query_params.get("severity") or ""
    category = request.query_params.get("category") or ""
    view = build_view(
        review.result,
        review.clauses,
        review.lang,
        severity=severity,
        category=category,
        flagged_only=request.query_params.get("flagged") == "1",
    )
    return page(
        request,
        "contract_review.html",
        key=key,
        view=view,
        severity=severity,
        category=category,
        flagged=request.query_params.get("flagged") == "1",
        downloads=[d for d in DOWNLOADS if (review.folder / "out" / DOWNLOADS[d][0]).exists()],
        waivers_file=state_of(request).workspace.waivers.name,
    )


async def waive(request: Request):
    st = state_of(request)
    key, review = _review(request)
    form = await checked_form(request)
    wkey = text_field(form, "key", required=True, max_len=16)
    reason = text_field(form, "reason", required=True, max_len=500)
    if not _KEY.match(wkey or ""):
        raise InputError("not a finding key", "key")
    findings = review.result.findings if review.result is not None else []
    finding = next((f for f in findings if f.waiver_key == wkey), None)
    if finding is None:
        raise InputError("no such finding in this review (already waived?)", "key")
    st.workspace.add_waiver(
        rule=finding.rule, key=wkey, text=finding.text, reason=reason, by=request.scope.get("bidassist.user")
    )
    await run_library(request, _run_check, review, st.workspace.waivers)
    return RedirectResponse(f"/contract/{key}", status_code=303)


async def download(request: Request):
    _, review = _review(request)
    name = request.path_params["name"]
    if name not in DOWNLOADS:
        raise HTTPException(404, "no such download")
    filename, media = DOWNLOADS[name]
    path = review.folder / "out" / filename
    if not path.exists():
        raise HTTPException(404, "not available for this contract (the annotated copy needs a .docx)")
    stem = review.contract.stem
    return FileResponse(path, media_type=media, filename=f"{stem}.{name}")


def routes() -> list[Route]:
    return [
        Route("/contract", form_page),
        Route("/contract", upload, methods=["POST"]),
        Route("/contract/{key}", show),
        Route("/contract/{key}/waive", waive, methods=["POST"]),
        Route("/contract/{key}/download/{name}", download),
    ]
