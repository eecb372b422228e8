"""The ASGI application: routes of every page, the error pages and the security middleware."""

from __future__ import annotations

import contextlib
import logging

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from bidassist.core.errors import BidassistError
from bidassist.core.resources import package_path
from bidassist.web.config import WebConfig
from bidassist.web.context import WebState, error_page
from bidassist.web.middleware import GuardMiddleware
from bidassist.web.pages import accounts, contract, costs, documents, history, home, pricing

log = logging.getLogger("bidassist.web")


async def _bidassist_error(request: Request, exc: Exception):
    assert isinstance(exc, BidassistError)
    return error_page(request, [str(p) for p in exc.problems], 400)


async def _http_error(request: Request, exc: Exception):
    assert isinstance(exc, HTTPException)
    return error_page(request, [str(exc.detail)], exc.status_code)


async def _internal_error(request: Request, exc: Exception):
    log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_page(request, ["internal error: the server log has the details (内部错误)"], 500)


def create_app(config: WebConfig) -> Starlette:
    """The web application for `config` (its workspace must exist)."""
    config.validate()
    state = WebState(config)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        try:
            yield
        finally:
            state.close()

    routes = [
        *home.routes(),
        *contract.routes(),
        *pricing.routes(),
        *costs.routes(),
        *documents.routes(),
        *history.routes(),
        *accounts.routes(),
        Mount("/static", StaticFiles(directory=package_path("web") / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={
            BidassistError: _bidassist_error,
            HTTPException: _http_error,
            Exception: _internal_error,
        },
    )
    app.state.web = state
    app.add_middleware(GuardMiddleware, state=state)
    return app
