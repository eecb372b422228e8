"""Key accounts: the tier table (profit after financing cost), flags with their evidence, and one
customer's value, payments and tenders — from the store, through the library's accounts API."""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from bidassist.core.errors import BidassistError
from bidassist.web.context import page, run_library, state_of


def _accounts(db: str | None, beside, by_group: bool, customer: str | None) -> dict:
    """The CLI's calls (`accounts list|show`): assess_store, then the JSON shapes of the report."""
    from bidassist.accounts.api import assess_store, canonical_customer, find_account
    from bidassist.reports.accounts_json import account_json, assessment_json

    result = assess_store(db, by_group=by_group, beside=beside)
    one = None
    if customer:
        key = (
            customer
            if customer in result.accounts
            else (canonical_customer(db, customer, beside=beside) or customer)
        )
        one = account_json(find_account(result, key))
    return {"all": assessment_json(result), "one": one}


async def accounts(request: Request):
    st = state_of(request)
    by_group = request.query_params.get("by_group") == "1"
    customer = (request.query_params.get("customer") or "").strip()[:200] or None
    try:
        data = await run_library(request, _accounts, st.config.db, st.workspace.root, by_group, customer)
        lines = []
    except BidassistError as exc:
        data, lines = None, [str(p) for p in exc.problems]
    return page(request, "accounts.html", data=data, lines=lines, by_group=by_group, customer=customer or "")


def routes() -> list[Route]:
    return [Route("/accounts", accounts)]
