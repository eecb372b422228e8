"""Pricing: pick a workspace bid file or upload one, run the Monte Carlo price in the background
(progress, cancel), show the recommendation, range, band, curves and tornado; change rivals, their
spread or the evaluation method and run again."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Route

from bidassist.core.distributions import Triangular
from bidassist.core.errors import InputError
from bidassist.web import jobs
from bidassist.web.context import checked_form, page, run_library, state_of, text_field
from bidassist.web.uploads import BID_TYPES, SHEET_TYPES, confine_bid, save_upload, upload_field

log = logging.getLogger("bidassist.web")
METHODS = ("lowest_price", "weighted_score", "benchmark_average")
MAX_ITERATIONS = 2_000_000


@dataclass
class Overrides:
    """What the form changes in the bid file's pricing section (None: keep the file's)."""

    rivals: int | None = None
    spread: tuple[Decimal, Decimal, Decimal] | None = None
    method: str | None = None
    iterations: int | None = None

    def scenario(self) -> dict[str, Any]:
        """The overrides as a pricing scenario (the YAML `bidassist price --scenario` reads)."""
        out: dict[str, Any] = {"name": "web"}
        comp: dict[str, Any] = {}
        if self.rivals is not None:
            comp["count"] = self.rivals
        if self.spread is not None:
            low, mode, high = (float(v) for v in self.spread)
            comp["ratio"] = {"dist": "triangular", "low": low, "mode": mode, "high": high}
        if comp:
            out["competitors"] = comp
        if self.method is not None:
            out["evaluation"] = {"method": self.method}
        return out

    def describe(self) -> str:
        """The changes in words, for the result page."""
        parts = []
        if self.rivals is not None:
            parts.append(f"对手 rivals {self.rivals}")
        if self.spread is not None:
            parts.append("报价/成本 price ÷ cost " + " / ".join(str(v) for v in self.spread))
        if self.method is not None:
            parts.append(f"评标 method {self.method}")
        if self.iterations is not None:
            parts.append(f"模拟 iterations {self.iterations:,}")
        return " · ".join(parts)

    @property
    def empty(self) -> bool:
        return self.rivals is None and self.spread is None and self.method is None


def _int(form, name: str, lo: int, hi: int) -> int | None:
    text = text_field(form, name, max_len=12)
    if text is None:
        return None
    try:
        value = int(text.replace(",", ""))
    except ValueError:
        raise InputError(f"expected a whole number, got {text!r}", name) from None
    if not lo <= value <= hi:
        raise InputError(f"must be between {lo:,} and {hi:,}, got {value:,}", name)
    return value


def _ratio(form, name: str) -> Decimal | None:
    text = text_field(form, name, max_len=12)
    if text is None:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InputError(f"expected a ratio such as 1.05, got {text!r}", name) from None
    if not Decimal("0.1") <= value <= Decimal(10):
        raise InputError(f"a rival's price ratio to our cost must be between 0.1 and 10, got {text}", name)
    return value


def read_overrides(form) -> Overrides:
    low, mode, high = (_ratio(form, n) for n in ("spread_low", "spread_mode", "spread_high"))
    spread: tuple[Decimal, Decimal, Decimal] | None = None
    if low is not None and mode is not None and high is not None:
        if not low <= mode <= high:
            raise InputError("need low ≤ most likely ≤ high", "spread")
        spread = (low, mode, high)
    elif (low, mode, high) != (None, None, None):
        raise InputError("give the rivals' low, most likely and high price ratios together", "spread")
    method = text_field(form, "method", max_len=30)
    if method is not None and method not in METHODS:
        raise InputError(f"must be one of {', '.join(METHODS)}", "method")
    return Overrides(
        rivals=_int(form, "rivals", 1, 50),
        spread=spread,
        method=method,
        iterations=_int(form, "iterations", 100, MAX_ITERATIONS),
    )


def _price(job: jobs.Job, bid_path: Path, folder: Path, overrides: Overrides, uploaded: bool):
    """The CLI's calls: load_bid, load_costs, (load_scenario,) price_bid."""
    from bidassist.core.bidfile import load_bid
    from bidassist.costs import load_costs
    from bidassist.pricing import price_bid

    bid = load_bid(bid_path)
    if uploaded:
        confine_bid(bid, folder)
    if bid.pricing is None:
        raise InputError("the bid file has no pricing section", bid_path.name)
    if not overrides.empty:
        try:
            from bidassist.pricing.scenarios import load_scenario
        except ImportError:
            raise InputError(
                "changing rivals/spread/method needs pricing scenarios (not in this version)", "form"
            ) from None
        scenario = folder / "web-scenario.yaml"
        scenario.write_text(yaml.safe_dump(overrides.scenario(), allow_unicode=True), encoding="utf-8")
        _, bid = load_scenario(bid, scenario)
    costs = load_costs(bid).model
    job.context.update(currency=bid.tender.currency, tender=bid.tender.name)
    result = price_bid(bid, costs, iterations=overrides.iterations, progress=job.progress)
    if overrides.empty:  # the bid file's own assumptions: the documents page may reuse this result
        from bidassist.core.safeio import atomic_write_text

        atomic_write_text(folder / "price.json", json.dumps(result.to_json(), ensure_ascii=False), force=True)
    return result


def _defaults(st, name: str | None) -> dict[str, Any]:
    """The form's starting values from the chosen bid file (or nothing)."""
    if not name:
        return {}
    from bidassist.core.bidfile import load_bid

    bid = load_bid(st.workspace.bid_path(name))
    p = bid.pricing
    if p is None:
        return {"note": "no pricing section"}
    out: dict[str, Any] = {"iterations": p.iterations, "method": p.evaluation.method}
    count = p.competitors.count
    out["rivals"] = count if isinstance(count, int) else ""
    out["rivals_note"] = "" if isinstance(count, int) else f"file: {count.values}"
    ratio = p.competitors.ratio
    if isinstance(ratio, Triangular):
        out.update(spread_low=ratio.low, spread_mode=ratio.mode, spread_high=ratio.high)
    return out


async def form_page(request: Request):
    st = state_of(request)
    chosen = request.query_params.get("bid") or None
    defaults = await run_library(request, _defaults, st, chosen)
    return page(
        request,
        "pricing.html",
        bids=st.workspace.bid_files(),
        chosen=chosen,
        d={},
        f=defaults,
        methods=METHODS,
        job=None,
        key=None,
    )


def _running(st) -> int:
    return sum(1 for j in st.jobs.values() if j.state == "running")


async def run(request: Request):
    st = state_of(request)
    form = await checked_form(request)
    overrides = read_overrides(form)
    upload = upload_field(form, "bidfile", "bid file", required=False)
    name = text_field(form, "bid", max_len=300)
    if upload is None and name is None:
        raise InputError("choose a bid file from the workspace or upload one (missing field)", "bid")
    for k in [k for k, j in st.jobs.items() if j.state != "running"]:
        st.jobs.pop(k, None)
    if _running(st) >= st.config.max_jobs:
        raise HTTPException(429, f"{st.config.max_jobs} pricing runs are already going; wait or cancel one")
    with st.area.building() as (key, folder):
        if upload is not None:
            bid_path = await save_upload(
                upload, folder, BID_TYPES, what="bid file", max_bytes=1024 * 1024, default="bid.yaml"
            )
            costs = upload_field(form, "costsfile", "cost sheet", required=False)
            if costs is not None:
                await save_upload(
                    costs,
                    folder,
                    SHEET_TYPES,
                    what="cost sheet",
                    max_bytes=st.config.max_upload,
                    default="costs.xlsx",
                )
        else:
            assert name is not None  # a workspace bid or an upload, checked above
            bid_path = st.workspace.bid_path(name)
    job = jobs.Job(label=bid_path.name, context={"bid": name, "overrides": overrides})
    st.area.attach(key, job)
    st.jobs[key] = job
    if (
        name is not None and upload is None
    ):  # a workspace bid: its result (price.json) is offered to the documents page
        st.prices[name] = [*st.prices.get(name, [])[-4:], folder / "price.json"]
    jobs.start(job, lambda j: _price(j, bid_path, folder, overrides, upload is not None), log)
    return RedirectResponse(f"/pricing/run/{key}", status_code=303)


def _job(request: Request) -> tuple[str, jobs.Job]:
    key = request.path_params["key"]
    missing = "no such pricing run (it may have expired; run it again)"
    return key, state_of(request).area.stored(key, jobs.Job, missing)


async def show(request: Request):
    from bidassist.web.price_view import build_price_view

    st = state_of(request)
    key, job = _job(request)
    view = build_price_view(job.result) if job.state == "done" else None
    ov: Overrides = job.context.get("overrides") or Overrides()
    d: dict[str, Any] = {
        "rivals": ov.rivals or "",
        "method": ov.method or "",
        "iterations": ov.iterations or "",
    }
    if ov.spread:
        d.update(spread_low=ov.spread[0], spread_mode=ov.spread[1], spread_high=ov.spread[2])
    chosen = job.context.get("bid")
    try:
        f = await run_library(request, _defaults, st, chosen)
    except InputError:  # the bid file changed or went away since the run: no placeholders
        f = {}
    status = 200 if job.state != "failed" else 400
    return page(
        request,
        "pricing.html",
        status=status,
        bids=st.workspace.bid_files(),
        chosen=chosen,
        d=d,
        f=f,
        methods=METHODS,
        job=job,
        key=key,
        view=view,
        currency=job.context.get("currency", ""),
        changed=ov.describe(),
    )


async def status(request: Request):
    _, job = _job(request)
    return JSONResponse(job.status())


async def result_json(request: Request):
    """The run's result in the documented JSON shape (as `bidassist price --format json`)."""
    _, job = _job(request)
    if job.state != "done":
        raise HTTPException(404, "the run has no result (it is still going, failed or was cancelled)")
    return JSONResponse(
        job.result.to_json(), headers={"content-disposition": 'attachment; filename="price.json"'}
    )


async def cancel(request: Request):
    key, job = _job(request)
    await checked_form(request)
    job.cancel()
    return RedirectResponse(f"/pricing/run/{key}", status_code=303)


def routes() -> list[Route]:
    return [
        Route("/pricing", form_page),
        Route("/pricing", run, methods=["POST"]),
        Route("/pricing/run/{key}", show),
        Route("/pricing/run/{key}/status", status),
        Route("/pricing/run/{key}/price.json", result_json),
        Route("/pricing/run/{key}/cancel", cancel, methods=["POST"]),
    ]
