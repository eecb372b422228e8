"""Import a cost sheet (or the bid file's cost lines) into a validated CostModel."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from bidassist.core.errors import InputError, Problem, ProblemsError
from bidassist.core.yamlfile import load_yaml
from bidassist.costs.headers import HEADER_SEARCH_ROWS, find_layout, parse_mapping
from bidassist.costs.model import CostImport, CostLine, CostModel
from bidassist.costs.spread import SpreadTable, three_point
from bidassist.costs.table import parse_rows
from bidassist.costs.workbook import read_workbook, sheet_ref

_NO_HEADER = (f"no cost table found: no header row in the first {HEADER_SEARCH_ROWS} rows names a description "
              "column (项目名称/名称/description) and a quantity or price column (数量/工程量/单价/合价/"
              "quantity/unit price/amount); name the columns with --map, e.g. "
              "--map description=B,unit=C,quantity=D,price=E")


def _spread_table(spread: Mapping[str, Any] | SpreadTable | None) -> SpreadTable:
    if isinstance(spread, SpreadTable):
        return spread
    try:
        return SpreadTable(spread)
    except (ValueError, ArithmeticError) as exc:
        raise InputError(str(exc)) from None


def import_cost_sheet(path: Path | str, *, sheet: str | None = None,
                      mapping: str | Mapping[str, str] | None = None,
                      spread: Mapping[str, Any] | None = None, role: str = "costs") -> CostImport:
    """Read the cost lines of a spreadsheet (.xlsx/.xlsm/.xls/.xlsb/.ods/.csv).

    `sheet`: one sheet by name; default every sheet that holds a cost table (hidden sheets are
    skipped with a warning). `mapping`: field -> column letter (`"code=A,description=B,..."` or a
    dict), for sheets whose headers no synonym fits. `spread`: category -> {low, high} rates given
    to single-price lines. `role="bill"` reads a buyer's bill of quantities (工程量清单): its lines
    may be unpriced (a line without a unit price gets 0). Raises ProblemsError listing every `Sheet!Cell: problem` when the sheet
    cannot be used; warnings that do not stop the import are returned with the model."""
    path = Path(path)
    cols_map = parse_mapping(mapping) if mapping else None
    spreads = _spread_table(spread)
    with _no_cyclic_gc():
        return _import(path, sheet, cols_map, spreads, unpriced=role == "bill")


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a sheet is read: a big sheet creates millions of
    acyclic objects (cells, Decimals, lines) and the collector would rescan them again and again
    (about 10 % of the import time on a 100,000-line sheet). Reference counting still frees memory."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import(path: Path, sheet: str | None, cols_map: dict[str, str] | None,
            spreads: SpreadTable, *, unpriced: bool = False) -> CostImport:
    raws = read_workbook(path, sheet=sheet)
    lines: list[CostLine] = []
    warnings: list[Problem] = []
    problems: list[Problem] = []
    no_table: list[Problem] = []
    used = 0
    for raw in raws:
        where = sheet_ref(raw.name)
        if sheet is None and not raw.visible:
            if find_layout(raw, cols_map) is not None:
                warnings.append(Problem(where, "hidden sheet skipped (name it with --sheet to import it)"))
            continue
        if not any(any(v != "" and v is not None for v in row) for row in raw.rows):
            no_table.append(Problem(where, "the sheet is empty"))
            continue
        layout = find_layout(raw, cols_map)
        if layout is None:
            no_table.append(Problem(where, _NO_HEADER))
            continue
        used += 1
        result = parse_rows(raw, layout, spreads, unpriced=unpriced)
        warnings.extend(layout.warnings)
        warnings.extend(result.warnings)
        problems.extend(result.problems)
        lines.extend(result.lines)
        if not result.lines and not result.problems:
            problems.append(Problem(where, "the cost table has a header but no cost lines below it"))
    if used == 0:
        if no_table:
            raise ProblemsError(no_table, f"{path.name}: no cost table")
        raise InputError("the workbook has no visible sheet with a cost table", str(path))
    if problems:
        raise ProblemsError(problems, f"{path.name} has {len(problems)} problem(s)")
    if not lines:
        raise InputError("no cost lines found", str(path))
    # lines are validated cell by cell above; the model only gathers them
    model = CostModel.model_construct(lines=lines, currency="CNY", source=str(path))
    return CostImport(model=model, warnings=warnings)


def load_costs(bid: Any) -> CostImport:
    """The bid's costs: its cost sheet (`costs.file`, with sheet/map/spread) or its `costs.lines`."""
    costs = getattr(bid, "costs", None)
    bid_name = str(bid.source) if getattr(bid, "source", None) else "bid file"
    if costs is None:
        raise InputError("the bid file has no costs section; add `costs: {file: costs.xlsx}` or "
                         "`costs: {lines: [...]}`", bid_name)
    if costs.file is not None:
        return import_cost_sheet(costs.file, sheet=costs.sheet, mapping=costs.map or None,
                                 spread=costs.spread)
    return _lines_from_bid(bid, costs)


def _lines_from_bid(bid: Any, costs: Any) -> CostImport:
    where_of = _yaml_lines(bid)
    spreads = _spread_table(costs.spread)
    lines: list[CostLine] = []
    problems: list[Problem] = []
    for i, item in enumerate(costs.lines or []):
        where = where_of(i)
        low, high, dist, found = three_point(item.likely, item.low, item.high, item.distribution,
                                             spreads.for_category(item.category))
        if found:
            problems.extend(Problem(f"{where}: costs.lines[{i}].{fld}", msg) for fld, msg in found)
            continue
        lines.append(CostLine(code=item.code, description=item.description, unit=item.unit,
                              quantity=item.quantity, low=low, likely=item.likely, high=high,
                              distribution=dist, category=item.category, risk=item.risk, source=where))
    if problems:
        raise ProblemsError(problems, "costs.lines have problems")
    if not lines:
        raise InputError("costs.lines is empty", where_of(None))
    return CostImport(model=CostModel(lines=lines, source=str(getattr(bid, "source", None) or "bid")))


def _yaml_lines(bid: Any):
    """index -> `bid.yaml:40` for each cost line of the bid file."""
    source = getattr(bid, "source", None)
    doc = None
    if source is not None:
        try:
            doc = load_yaml(Path(source))
            doc.name = Path(source).name
        except InputError:
            doc = None

    def where(i: int | None) -> str:
        path = ("costs", "lines") if i is None else ("costs", "lines", i)
        if doc is not None:
            return doc.where(path)
        return "bid.costs.lines" + ("" if i is None else f"[{i}]")

    return where


__all__ = ["import_cost_sheet", "load_costs"]
