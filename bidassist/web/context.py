"""What every page shares: the server state, page rendering, checked forms, library calls off the
event loop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, overload

import anyio
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from bidassist import __version__
from bidassist.core.resources import package_path
from bidassist.web.config import WebConfig
from bidassist.web.csrf import COOKIE, FIELD, HEADER, Csrf
from bidassist.web.filters import register_filters
from bidassist.web.uploads import PrivateArea
from bidassist.web.workspace import Workspace

NAV = [
    ("/contract", "合同审查 Contract review"),
    ("/pricing", "报价 Pricing"),
    ("/costs", "成本表 Cost sheets"),
    ("/documents", "投标文件 Documents"),
    ("/history", "历史 History"),
    ("/accounts", "大客户 Accounts"),
]


class WebState:
    """The server's state: configuration, workspace, private area, CSRF secret, templates."""

    def __init__(self, config: WebConfig) -> None:
        self.config = config
        self.workspace = Workspace(config.workspace)
        self.area = PrivateArea(keep=config.max_reviews * 2)
        self.csrf = Csrf()
        self.limiter = anyio.CapacityLimiter(config.workers)
        self.templates = Jinja2Templates(directory=str(package_path("web") / "templates"))
        register_filters(self.templates.env)
        self.jobs: dict[str, Any] = {}
        #: workspace bid name -> price.json files of this server's pricing runs (newest last)
        self.prices: dict[str, list[Path]] = {}

    def close(self) -> None:
        for job in list(self.jobs.values()):
            job.cancel()
        self.area.close()


def state_of(request: Request) -> WebState:
    return request.app.state.web


def session_of(request: Request) -> str | None:
    return request.scope.get("bidassist.session") or request.cookies.get(COOKIE)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    st = state_of(request)
    session = session_of(request)
    context.update(
        csrf_token=st.csrf.token(session) if session else "",
        nav=NAV,
        version=__version__,
        path=request.url.path,
        user=request.scope.get("bidassist.user"),
    )
    return st.templates.TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, lines: list[str], status: int) -> HTMLResponse:
    """Every error a page shows: one line per problem, never a traceback."""
    return page(request, "error.html", status=status, lines=lines)


async def checked_form(request: Request) -> FormData:
    """The POSTed form, parsed within limits, after its CSRF token is checked."""
    st = state_of(request)
    form = await request.form(max_files=4, max_fields=40, max_part_size=64 * 1024)
    token = form.get(FIELD) or request.headers.get(HEADER)
    if not st.csrf.valid(request.cookies.get(COOKIE), token if isinstance(token, str) else None):
        raise HTTPException(
            403, "the form's security token is missing or stale; reload the page and try again (CSRF)"
        )
    return form


@overload
def text_field(form: FormData, name: str, *, required: Literal[True], max_len: int = 500) -> str: ...
@overload
def text_field(form: FormData, name: str, *, required: bool = False, max_len: int = 500) -> str | None: ...
def text_field(form: FormData, name: str, *, required: bool = False, max_len: int = 500) -> str | None:
    from bidassist.core.errors import InputError

    value = form.get(name)
    if value is not None and not isinstance(value, str):
        raise InputError("expected a text field", name)
    value = (value or "").strip()
    if not value:
        if required:
            raise InputError("missing field", name)
        return None
    if len(value) > max_len:
        raise InputError(f"longer than {max_len} characters", name)
    return value


async def run_library(request: Request, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a library call in a worker thread, at most `workers` at once."""
    st = state_of(request)
    return await anyio.to_thread.run_sync(lambda: fn(*args, **kwargs), limiter=st.limiter)
