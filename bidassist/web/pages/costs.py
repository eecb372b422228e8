"""Cost sheets: upload a workbook; see how each sheet was read, the imported lines and totals, and
every error and warning on a grid of the sheet's cells (the offending cell highlighted)."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.routing import Route

from bidassist.core.errors import BidassistError
from bidassist.web.context import checked_form, page, run_library, state_of
from bidassist.web.uploads import SHEET_TYPES, save_upload, upload_field


def _import(path: Path) -> dict:
    """The CLI's call (import_cost_sheet); on problems, the sheet's cells for the grid."""
    from bidassist.costs import import_cost_sheet
    from bidassist.costs.workbook import read_workbook
    from bidassist.web.grid import build_grids

    result, errors = None, []
    try:
        result = import_cost_sheet(path)
    except BidassistError as exc:
        errors = [("error", p.where, p.message) for p in exc.problems]
    warnings = [("warning", w.where, w.message) for w in (result.warnings if result else [])]
    grids = []
    if errors or warnings:
        try:
            grids = build_grids(read_workbook(path), errors + warnings)
        except BidassistError as exc:  # the file itself cannot be read: the error lines say why
            errors += [("error", p.where, p.message) for p in exc.problems if (p.where, p.message) not in
                       {(w, m) for _, w, m in errors}]
    return {"result": result, "errors": errors, "warnings": warnings, "grids": grids}


async def form_page(request: Request):
    return page(request, "costs.html", data=None, sheet_name=None)


async def upload(request: Request):
    st = state_of(request)
    form = await checked_form(request)
    sheet = upload_field(form, "sheet", "cost sheet")
    key, folder = st.area.new()
    try:
        path = await save_upload(sheet, folder, SHEET_TYPES, what="cost sheet", max_bytes=st.config.max_upload,
                                 default="costs.xlsx")
        data = await run_library(request, _import, path)
    finally:
        st.area.drop(key)
    status = 422 if data["errors"] else 200
    return page(request, "costs.html", status=status, data=data, sheet_name=path.name)


def routes() -> list[Route]:
    return [Route("/costs", form_page), Route("/costs", upload, methods=["POST"])]
