"""Import a cost sheet (or the bid file's cost lines) into a validated CostModel."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import Any

from bidassist.core.errors import InputError, Problem, ProblemsError
from bidassist.core.gcpause import no_cyclic_gc
from bidassist.core.money import format_money_or_dash
from bidassist.core.yamlfile import load_yaml
from bidassist.costs.confidence import priced_skips
from bidassist.costs.currency import check_bid_currency, sheet_currencies, stated_currency
from bidassist.costs.groups import mark_group_summaries
from bidassist.costs.headers import parse_sheet_mappings
from bidassist.costs.infer import proposed_map
from bidassist.costs.model import CostImport, CostLine, CostModel, Markup, Reconciliation
from bidassist.costs.options import Costing, options, section_options, title_text
from bidassist.costs.sheets import (
    NO_HEADER,
    SheetOutcome,
    added_up,
    alternatives,
    combined,
    mark_copies,
    mark_inferred,
    mark_plain_summaries,
    mark_price_lists,
    mark_provisional_materials,
    mark_summaries,
    mark_supporting,
    read_lists,
    sheet_problems,
    summary_check,
    table_entries,
    uncalculated,
)
from bidassist.costs.spread import SpreadTable, three_point
from bidassist.costs.versions import versions
from bidassist.costs.workbook import DEFAULT_LIMITS, SheetLimits, read_workbook, sheet_ref


def _spread_table(spread: Mapping[str, Any] | SpreadTable | None) -> SpreadTable:
    if isinstance(spread, SpreadTable):
        return spread
    try:
        return SpreadTable(spread)
    except (ValueError, ArithmeticError) as exc:
        raise InputError(str(exc)) from None


def import_cost_sheet(
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: str | Mapping[str, Any] | None = None,
    spread: Mapping[str, Any] | None = None,
    accept_difference: bool = False,
    role: str = "costs",
    limits: SheetLimits = DEFAULT_LIMITS,
) -> CostImport:
    """Read the cost lines of a spreadsheet (.xlsx/.xlsm/.xls/.xlsb/.ods/.csv).

    `sheet`: one sheet by name; default every sheet, each classified (cost detail, summary,
    analysis, measurement, blank, not a cost table; hidden sheets are skipped) and the cost detail
    sheets imported. `mapping`: field -> column letter (`"code=A,description=B,..."`, with
    `header/first/last=ROW`, and `SHEET:` scopes: `"清单:quantity=G"`), or a dict. `spread`:
    category -> {low, high} rates given to single-price lines. `accept_difference`: a stated total
    that differs from the imported lines is a warning instead of an error. `role="bill"`: a buyer's
    bill of quantities, whose lines may have no price (unit cost 0, `priced` False). `limits`: the
    sheet size limits (rows, columns, cells, XML size) checked before a sheet is read.

    Raises ProblemsError listing every `Sheet!Cell: problem` when the workbook cannot be used;
    warnings that do not stop the import are returned with the model, with the markups, the sheets'
    roles and the reconciliation."""
    path = Path(path)
    if role not in ("costs", "bill"):
        raise InputError(f"role {role!r} should be costs or bill")
    maps = parse_sheet_mappings(mapping if isinstance(mapping, str) else dict(mapping)) if mapping else None
    spreads = _spread_table(spread)
    with no_cyclic_gc():  # millions of acyclic objects (core/gcpause.py)
        return _import(path, sheet, maps, spreads, accept_difference, role == "bill", limits)


_LIKELY = attrgetter("likely")


def _not_a_cost(used: list, lines: list[CostLine], unpriced: bool) -> list[Problem]:
    """Lines that add up to less than nothing are no cost estimate (a cash-flow projection with
    income, a ledger of refunds): refused, naming the sheets, never imported as a negative cost."""
    if unpriced or not lines or min(map(_LIKELY, lines)) >= 0:
        return []  # no quantity is negative: without a negative unit cost no line takes money off
    total = sum((ln.quantity * ln.likely for ln in lines), Decimal(0))  # `likely_total`, inline
    if total >= 0:
        return []
    names = ", ".join(sheet_ref(o.name) for o in used)
    return [
        Problem(
            names,
            f"not a cost table: the {len(lines)} line(s) read add up to {total:,.2f}, a negative cost "
            "(income and costs mixed, a projection or a ledger?) 成本行合计为负数; fix: name the cost "
            "columns with --map, or import another sheet with --sheet",
        )
    ]


def _map_for(maps: dict[str | None, dict[str, str]] | None, name: str) -> dict[str, str] | None:
    if not maps:
        return None
    if name in maps:
        return {**(maps.get(None) or {}), **maps[name]}
    return maps.get(None)


def _read_all(
    path: Path,
    sheet: str | None,
    maps: dict | None,
    spreads: SpreadTable,
    unpriced: bool,
    limits: SheetLimits = DEFAULT_LIMITS,
) -> list[SheetOutcome]:
    unknown = [k for k in (maps or {}) if k is not None]
    raws = read_workbook(path, sheet=sheet, limits=limits)
    names = {raw.name for raw in raws}
    if sheet is None and any(k not in names for k in unknown):
        bad = [k for k in unknown if k not in names]
        raise InputError(
            f"--map names no sheet {bad[0]!r}; the sheets are " + ", ".join(repr(n) for n in names), str(path)
        )
    outcomes = []
    for raw in raws:
        if sheet is None and not raw.visible:
            outcomes.append(SheetOutcome(raw, "hidden", "a hidden sheet (name it with --sheet to import it)"))
            continue
        outcomes.extend(
            read_lists(raw, _map_for(maps, raw.name), spreads, forced=sheet is not None, unpriced=unpriced)
        )
    if sheet is None:
        mark_inferred(outcomes)
        mark_supporting(outcomes)
        mark_copies(outcomes)
        mark_price_lists(outcomes)
        mark_provisional_materials(outcomes)
        mark_group_summaries(outcomes)
        mark_summaries(outcomes)
        mark_plain_summaries(outcomes)
    return outcomes


def _import(
    path: Path,
    sheet: str | None,
    maps: dict | None,
    spreads: SpreadTable,
    accept: bool,
    unpriced: bool,
    limits: SheetLimits = DEFAULT_LIMITS,
) -> CostImport:
    outcomes = _read_all(path, sheet, maps, spreads, unpriced, limits)
    used = [o for o in outcomes if o.used]
    never_calculated = uncalculated(outcomes)
    if not used:
        named = {p.where for p in never_calculated}
        raise ProblemsError(
            never_calculated + [_refusal(o, sheet) for o in outcomes if sheet_ref(o.name) not in named]
            or [Problem(str(path), "the workbook has no sheet")],
            f"{path.name}: no cost table",
        )
    warnings: list[Problem] = []
    problems: list[Problem] = []
    markups: list[Markup] = []
    lines: list[CostLine] = []
    for o in outcomes:
        if o.used and o.result is not None:
            warnings.extend(o.layout.warnings if o.layout else [])
            warnings.extend(o.result.warnings)
            problems.extend(o.result.problems)
            markups.extend(o.result.markups)
            lines.extend(o.result.lines)
        elif o.role != "summary" and (o.role != "blank" or o.layout is not None or o.role == "hidden"):
            warnings.append(Problem(sheet_ref(o.name), f"sheet skipped: {o.role}: {o.reason}"))
    problems.extend(never_calculated)
    if maps is None:
        for o in used:
            problems.extend(section_options(o.name, _title(o), o.result.lines if o.result else []))
    if sheet is None and not any(o.role == "summary" for o in outcomes):
        rivals = (
            alternatives(used)
            or versions([_version_key(o) for o in used])
            # options are pairs of sheets: one sheet needs no Costing (a pass over its lines)
            or (options([_costing(o) for o in used], [o.raw for o in outcomes]) if len(used) > 1 else [])
        )
        problems.extend(rivals)
        warnings.extend([] if rivals else added_up(used))
    problems.extend(_not_a_cost(used, lines, unpriced))
    reconciliation = _reconcile(outcomes, used, accept, problems, warnings, markups)
    if reconciliation.status == "no stated total":
        bad, soft = priced_skips(
            [
                (o.name, o.role, o.reason, set(o.layout.columns))
                for o in outcomes
                if not o.used and o.layout is not None
            ],
            accept,
        )
        problems.extend(bad)
        warnings.extend(soft)
    if problems:
        raise ProblemsError(
            problems,
            f"{path.name} has {len(problems)} problem(s); fix: correct the cells "
            "named, choose the columns with --map (rows with first=ROW,last=ROW), "
            "or import one sheet with --sheet",
        )
    if not lines:
        raise InputError("no cost lines found", str(path))
    # lines are validated cell by cell above; the model only gathers them
    stated = stated_currency(sheet_currencies(o.raw, o.layout) for o in used)
    model = CostModel.model_construct(lines=lines, currency=stated, source=str(path))
    return CostImport(
        model=model,
        warnings=warnings,
        markups=markups,
        sheets=[o.info() for o in outcomes],
        reconciliation=reconciliation,
        text_format=next((o.raw.text_format for o in outcomes if o.raw.text_format), None),
    )


def _version_key(o: SheetOutcome) -> tuple[str, frozenset[str], list, Decimal]:
    """A used sheet as `versions` compares it: name, header words, lines, imported total."""
    lines = o.result.lines if o.result is not None else []
    words = o.layout.header_words if o.layout is not None else frozenset()
    return o.name, words, lines, o.check.imported if o.check is not None else Decimal(0)


def _title(o: SheetOutcome) -> str:
    """The texts above a used sheet's header row (its title), as `_costing` gives them."""
    return title_text(o.raw, o.layout.header_row if o.layout is not None else None)


def _costing(o: SheetOutcome) -> Costing:
    """A used sheet as `options` compares it: name, title, item names, imported total."""
    lines = o.result.lines if o.result is not None else []
    head = o.layout.header_row if o.layout is not None else None
    total = o.check.imported if o.check is not None else Decimal(0)
    return Costing(o.name, title_text(o.raw, head), tuple(ln.description for ln in lines), total, o.raw)


def _reconcile(
    outcomes: list[SheetOutcome],
    used: list[SheetOutcome],
    accept: bool,
    problems: list[Problem],
    warnings: list[Problem],
    markups: list[Markup],
) -> Reconciliation:
    summary = next(
        (
            o
            for o in outcomes
            if o.role == "summary" and o.result is not None and o.check is not None and o.entries is None
        ),
        None,
    )
    tables = table_entries(outcomes)
    if summary is not None and summary.check is not None and summary.check.basis == "difference":
        # a sheet that copies the detail rows is proven a repeat by its rows; any other summary whose
        # rows do not add up to its own total cannot be set aside silently
        text = (
            f"the summary sheet {summary.name} does not add up to its own total "
            f"{format_money_or_dash(summary.check.stated)}; it is not used to check the detail sheets"
        )
        if summary.repeats_rows or accept:
            warnings.append(Problem(summary.check.cell, text))
        else:
            problems.append(
                Problem(
                    summary.check.cell,
                    text + f" and is not imported: import it with "
                    f'--sheet "{summary.name}", or accept with '
                    "--accept-difference",
                )
            )
        summary = None
    if summary is not None:
        rec, summary_markups, ok = summary_check(summary, used, tables)
        if not summary.repeats_rows:
            markups.extend(summary_markups)
        if not ok:
            message = (
                f"the summary sheet {summary.name} states {format_money_or_dash(rec.sheet_total)} "
                f"({rec.cell}) but its detail sheets ({', '.join(o.name for o in used)}) add up to "
                f"{format_money_or_dash(rec.imported)} (difference {format_money_or_dash(rec.difference)}): import one "
                "sheet with --sheet, or accept the difference with --accept-difference"
            )
            (warnings if accept else problems).append(Problem(rec.cell, message))
        for o in used:
            bad, soft = sheet_problems(o, True, confirmed=ok)
            warnings.extend(soft)
        return rec
    for o in used:
        bad, soft = sheet_problems(o, accept)
        problems.extend(bad)
        warnings.extend(soft)
    for o in outcomes:
        if o.entries is not None:  # a markup table with no summary sheet to check its entries against
            name = o.name.replace('"', '\\"')
            text = (
                f"sheet {o.name} was read as a markup table (总价措施/其他项目/规费、税金) but no summary "
                "sheet states the total its entries add to: they are not counted"
            )
            (warnings if accept else problems).append(
                Problem(
                    sheet_ref(o.name),
                    text
                    + (
                        "; accepted (--accept-difference)"
                        if accept
                        else f'; fix: import it with --sheet "{name}", or accept with --accept-difference'
                    ),
                )
            )
    return combined(used, accept)


def _refusal(o: SheetOutcome, sheet: str | None) -> Problem:
    name = o.name.replace('"', '\\"')
    proposal = proposed_map(o.raw) if o.role == "not a cost table" and o.reason == NO_HEADER else None
    if proposal is not None:
        fix = (
            "its figures read as quantity × unit price = amount on every item row, but no total in the "
            f'sheet confirms the reading; if it is right, import it with --map "{proposal}"'
        )
    elif o.role == "not a cost table":
        fix = (
            f'name the columns with --map, e.g. --map "{name}:description=B,quantity=D,price=E" '
            "(header=ROW for the header row)"
        )
    elif o.role == "blank":
        fix = "fill in the prices (an unpriced bill of quantities is read with role bill)"
    else:
        fix = f'import it anyway with --sheet "{name}"'
    return Problem(sheet_ref(o.name), f"{o.role}: {o.reason}; {fix}")


def load_costs(bid: Any) -> CostImport:
    """The bid's costs: its cost sheet (`costs.file`, with sheet/map/spread) or its `costs.lines`."""
    costs = getattr(bid, "costs", None)
    bid_name = str(bid.source) if getattr(bid, "source", None) else "bid file"
    if costs is None:
        raise InputError(
            "the bid file has no costs section; add `costs: {file: costs.xlsx}` or `costs: {lines: [...]}`",
            bid_name,
        )
    if costs.file is not None:
        result = import_cost_sheet(
            costs.file, sheet=costs.sheet, mapping=costs.map or None, spread=costs.spread
        )
        tender = getattr(bid, "tender", None)
        if tender is not None:
            check_bid_currency(result.model.currency, tender.currency, str(costs.file), bid_name)
        return result
    return _lines_from_bid(bid, costs)


def _lines_from_bid(bid: Any, costs: Any) -> CostImport:
    where_of = _yaml_lines(bid)
    spreads = _spread_table(costs.spread)
    lines: list[CostLine] = []
    problems: list[Problem] = []
    for i, item in enumerate(costs.lines or []):
        where = where_of(i)
        low, high, dist, found = three_point(
            item.likely, item.low, item.high, item.distribution, spreads.for_category(item.category)
        )
        if found:
            problems.extend(Problem(f"{where}: costs.lines[{i}].{fld}", msg) for fld, msg in found)
            continue
        lines.append(
            CostLine(
                code=item.code,
                description=item.description,
                unit=item.unit,
                quantity=item.quantity,
                low=low,
                likely=item.likely,
                high=high,
                distribution=dist,
                category=item.category,
                risk=item.risk,
                source=where,
            )
        )
    if problems:
        raise ProblemsError(problems, "costs.lines have problems")
    if not lines:
        raise InputError("costs.lines is empty", where_of(None))
    tender = getattr(bid, "tender", None)
    return CostImport(
        model=CostModel(
            lines=lines,
            currency=tender.currency if tender is not None else None,
            source=str(getattr(bid, "source", None) or "bid"),
        )
    )


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
