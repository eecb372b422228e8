"""History: what the bid-history store holds — tenders, competitors, our bids and outcomes,
contracts — for all customers or one customer (and its group's members)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from bidassist.web.context import page, run_library, state_of

MAX_TENDERS = 300


def _history(db: str | None, beside, buyer: str | None, category: str | None) -> dict:
    """The CLI's calls (`history show|tenders|competitors`) on the store, read only."""
    from bidassist.store import open_store
    from bidassist.store.connection import resolve_url, shown
    from bidassist.store.queries import Filters, list_competitors, list_tenders, show_summary

    filters = Filters(buyer, category, None)
    with open_store(db, beside=beside) as store:
        return {
            "summary": show_summary(store, filters),
            "tenders": list_tenders(store, filters, limit=MAX_TENDERS),
            "competitors": list_competitors(store, filters)[:100],
            "store": shown(resolve_url(db, beside=beside)),
        }


async def history(request: Request):
    from bidassist.core.errors import BidassistError

    st = state_of(request)
    buyer = (request.query_params.get("buyer") or "").strip()[:200] or None
    category = (request.query_params.get("category") or "").strip()[:200] or None
    try:
        data = await run_library(request, _history, st.config.db, st.workspace.root, buyer, category)
        lines = []
    except BidassistError as exc:
        data, lines = None, [str(p) for p in exc.problems]
    return page(request, "history.html", data=data, lines=lines, buyer=buyer or "", category=category or "")


def routes() -> list[Route]:
    return [Route("/history", history)]
