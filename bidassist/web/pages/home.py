"""The start page."""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from bidassist.web.context import page, state_of


async def index(request: Request):
    st = state_of(request)
    return page(request, "home.html", bids=st.workspace.bid_files(), workspace=st.workspace.root)


def routes() -> list[Route]:
    return [Route("/", index)]
