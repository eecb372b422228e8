"""Cost sheets: upload a workbook; see how each sheet was read, the imported lines and totals, and
every error and warning on a grid of the sheet's cells (the offending cell highlighted)."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.routing import Route

from bidassist.core.errors import BidassistError, InputError, ProblemsError
from bidassist.web.context import checked_form, page, run_library, state_of, text_field
from bidassist.web.uploads import SHEET_TYPES, save_upload, upload_field

#: problems listed one by one up to this many; beyond, the library's summary per kind comes first
LIST_LIMIT = 50


def _listed(problems) -> list[str]:
    from bidassist.costs.messages import summarize

    return summarize(list(problems), limit=LIST_LIMIT)


def _import(path: Path, sheet: str | None, accept: bool) -> dict:
    """The CLI's call (import_cost_sheet); the sheet's cells for the grid when there are problems."""
    from bidassist.costs import import_cost_sheet
    from bidassist.costs.workbook import read_workbook
    from bidassist.web.grid import build_grids

    result, errors, lines = None, [], []
    try:
        result = import_cost_sheet(path, sheet=sheet, accept_difference=accept)
    except BidassistError as exc:
        errors = [("error", p.where, p.message) for p in exc.problems]
        lines = _listed(exc.problems)
        if isinstance(exc, ProblemsError) and "fix:" in exc.message:
            lines.append(exc.message)
    warnings = [("warning", w.where, w.message) for w in (result.warnings if result else [])]
    grids = []
    if errors or warnings:
        try:
            grids = build_grids(read_workbook(path, sheet=sheet), errors + warnings)
        except BidassistError:  # the file itself cannot be read: the error lines say why
            grids = []
    return {
        "result": result,
        "errors": errors,
        "error_lines": lines,
        "warnings": warnings,
        "warning_lines": _listed(result.warnings) if result else [],
        "grids": grids,
    }


async def form_page(request: Request):
    return page(request, "costs.html", data=None, sheet_name=None)


async def upload(request: Request):
    st = state_of(request)
    form = await checked_form(request)
    upload_file = upload_field(form, "sheet", "cost sheet")
    sheet = text_field(form, "sheet_name", max_len=100)
    accept = text_field(form, "accept", max_len=3)
    if accept not in (None, "1"):
        raise InputError("expected a checkbox", "accept")
    key, folder = st.area.new()
    try:
        path = await save_upload(
            upload_file,
            folder,
            SHEET_TYPES,
            what="cost sheet",
            max_bytes=st.config.max_upload,
            default="costs.xlsx",
        )
        data = await run_library(request, _import, path, sheet, accept == "1")
    finally:
        st.area.drop(key)
    status = 422 if data["errors"] else 200
    return page(request, "costs.html", status=status, data=data, sheet_name=path.name)


def routes() -> list[Route]:
    return [Route("/costs", form_page), Route("/costs", upload, methods=["POST"])]
