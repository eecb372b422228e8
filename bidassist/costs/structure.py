"""Structural cross-checks on the lines read from one sheet: readings that would silently change the
total are turned into subtotals or markups with a warning naming the cells, or reported as
mismatches (errors unless the sheet's stated total settles them), never guessed at quietly.

- `hierarchy_parents`: a line numbered 1 / 1.1 whose amount is the sum of the lines numbered below
  it (1.1, 1.2 …) is their subtotal, never a line of its own; a parent whose amount differs from
  its children is a mismatch.
- `percent_rows`: a lump line whose label states a rate (税率：13%, Testing 10 %) and whose amount is
  that rate of the lines above it is a markup.
- `block_markups`: lump lines (an amount, no quantity) between a block's subtotal and the total
  that closes the block (SUBTOTAL, HST, SHIPPING, TOTAL), when that total is the subtotal plus the
  markups and lumps between them: freight, 运费, handling added to the block, not cost lines.
- `sequence_breaks`: two consecutive lines with the same 序号 and description (a copied row, counted
  twice) are a warning naming both rows.

Each check is a pure function over the lines (and the sheet's stated totals); `apply_checks`
applies them to a `SheetResult`, keeping its totals' running sums consistent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from bidassist.core.errors import Problem
from bidassist.core.money import format_money
from bidassist.costs.charges import any_ending, item_charges
from bidassist.costs.model import CostLine, Markup
from bidassist.costs.rowkinds import markup_kind
from bidassist.costs.table import SheetResult, StatedTotal

__all__ = [
    "Parent",
    "PercentRow",
    "apply_checks",
    "block_markups",
    "drop_lines",
    "hierarchy_parents",
    "outline_number",
    "percent_rows",
    "sequence_breaks",
]

CENT = Decimal("0.01")
HALF_CENT = Decimal("0.005")
_OUTLINE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,5})(?:\.(?!\d)|[、．\s)]|$)")
_RATE = re.compile(r"(\d{1,2}(?:\.\d{1,2})?)\s*[%％]")
_INTEGER = re.compile(r"^\d{1,4}$")


def outline_number(line: CostLine) -> tuple[int, ...] | None:
    """The outline number of a line (1 → (1,), 1.2 → (1, 2)) from its code, else from the start of
    its description (` 1.1 Project Manager`); None when it has none."""
    for text in (line.code or "", line.description):
        m = _OUTLINE.match(text)
        if m:
            parts = m.group(1).rstrip(".").split(".")
            if all(p.isdigit() for p in parts):
                return tuple(int(p) for p in parts)
        if text is line.code and text:
            return None  # a code that is no outline number (010101001001): the description's is not used
    return None


def _amount(line: CostLine) -> Decimal:
    return line.likely_total


def _close(a: Decimal, b: Decimal, n: int) -> bool:
    return abs(a - b) <= max(CENT, HALF_CENT * n)


@dataclass(frozen=True)
class Parent:
    """Line `index` numbered as the parent of `children` (line indexes)."""

    index: int
    children: tuple[int, ...]
    total: Decimal  # Σ of the children's amounts
    rollup: bool  # its amount equals that sum


def hierarchy_parents(lines: list[CostLine]) -> list[Parent]:
    """Lines whose outline number is a prefix of later lines' numbers (1 before 1.1, 1.2; 2.1 before
    2.1.1): each with its direct and deeper descendants that follow it, and whether its amount is
    their sum (a subtotal) or not (a parent with an amount of its own: ambiguous)."""
    numbers = [outline_number(ln) for ln in lines]
    out: list[Parent] = []
    for i, num in enumerate(numbers):
        if num is None:
            continue
        kids: list[int] = []
        for j in range(i + 1, len(lines)):
            other = numbers[j]
            if other is None:
                continue
            if len(other) > len(num) and other[: len(num)] == num:
                kids.append(j)
            elif len(other) <= len(num) or other[: len(num)] != num:
                break
        if not kids:
            continue
        # the amounts of the leaves below it (a child that is itself a parent is not added twice)
        leaves = [j for j in kids if not any(_is_prefix(numbers[j], numbers[k]) for k in kids if k != j)]
        total = sum((_amount(lines[j]) for j in leaves), Decimal(0))
        out.append(Parent(i, tuple(kids), total, _close(_amount(lines[i]), total, len(leaves))))
    return out


def _is_prefix(a: tuple[int, ...] | None, b: tuple[int, ...] | None) -> bool:
    return a is not None and b is not None and len(b) > len(a) and b[: len(a)] == a


@dataclass(frozen=True)
class PercentRow:
    """Line `index` whose label states `rate` and whose amount is that rate of `base`."""

    index: int
    rate: Decimal
    base: Decimal


def percent_rows(lines: list[CostLine]) -> list[PercentRow]:
    """Lump lines (quantity 1) whose label states a rate (税率：13%, Testing (10 %)) and whose amount
    is that rate of the sum of the lines above it, or of the lines since the last such row: a
    markup added to the lines, not a cost line."""
    out: list[PercentRow] = []
    if not any(("%" in ln.description or "％" in ln.description) for ln in lines):
        return out  # no line states a rate (what `_RATE` needs): no sums to run
    running = Decimal(0)
    since = Decimal(0)
    for i, ln in enumerate(lines):
        m = _RATE.search(ln.description) if ln.quantity == 1 else None
        amount = _amount(ln)
        if m is not None:
            rate = Decimal(m.group(1)) / 100
            base = next((b for b in (running, since) if b and _close(b * rate, amount, 1)), None)
            if base is not None:
                out.append(PercentRow(i, rate, base))
                since = Decimal(0)
                continue
        running += amount
        since += amount
    return out


_ROW = re.compile(r"(\d+)$")


def _row_of(line: CostLine) -> int | None:
    m = _ROW.search(line.source or "")
    return int(m.group(1)) - 1 if m else None


def block_markups(lines: list[CostLine], totals: list[StatedTotal], lumps: set[int]) -> list[int]:
    """Indices of lump lines lying between a subtotal S and the next total T when S equals the lines
    it closes and T equals S plus the markups and the lumps between them (SUBTOTAL 119.98, HST,
    SHIPPING 6.92, TOTAL 142.50) and under the block's category: charges added to the block, never
    cost lines of it."""
    out: list[int] = []
    for s, t in zip(totals, totals[1:], strict=False):
        between = range(s.lines, t.lines)
        if s.lines <= s.since or not between or s.row < 0 or t.row <= s.row:
            continue
        if any(_row_of(lines[i]) not in lumps or not _amount(lines[i]) for i in between):
            continue
        if {lines[i].category for i in between} != {lines[s.lines - 1].category}:
            continue  # lumps under a heading of their own are a section, not charges on the block
        closed = sum((_amount(lines[i]) for i in range(s.since, s.lines)), Decimal(0))
        added = sum((_amount(lines[i]) for i in between), Decimal(0))
        n = s.lines - s.since + len(between)
        if _close(closed, s.amount, n) and _close(s.amount + (t.markups - s.markups) + added, t.amount, n):
            out.extend(between)
    return out


def sequence_breaks(lines: list[CostLine]) -> list[tuple[int, int, str]]:
    """(line before, line after, what) where consecutive numbered lines carry the same integer 序号
    and the same description: a row copied, whose money is counted twice. (Gaps in the numbering
    are no finding: numbered headings and unpriced items are rows read as something else.)"""
    out: list[tuple[int, int, str]] = []
    prev: tuple[int, str] | None = None
    for i, ln in enumerate(lines):
        code = ln.code
        # a code longer than 4 characters with no space around it is no 序号 (the regex unrun:
        # most big sheets' codes are 9- or 12-digit item codes)
        if not code or (len(code) > 4 and not code[0].isspace() and not code[-1].isspace()):
            continue
        code = code.strip()
        if not _INTEGER.match(code):
            continue
        if prev is not None and prev[1] == code and lines[prev[0]].description == ln.description:
            out.append((prev[0], i, f"序号 {code} repeated with the same description"))
        prev = (i, code)
    return out


# --------------------------------------------------------------------------- applying them


def apply_checks(result: SheetResult) -> None:
    """Run the checks on one sheet's lines: parents that are subtotals leave the lines, rate rows
    become markups (the sheet's totals keep their running sums), other findings are warnings or
    mismatches."""
    lines = result.lines
    if len(lines) < 2:
        return
    # a check that needs a kind of text no line holds costs no pass over the lines: a parent needs
    # a child numbered 1.2 (an ASCII dot in what `outline_number` reads), a rate row a % sign, a
    # charge a charge word (looked for once over the joined texts)
    percent, charge = _name_marks(lines)
    dotted = any("." in (ln.code or ln.description) for ln in lines)
    drop: dict[int, Markup | None] = {}
    for p in hierarchy_parents(lines) if dotted else ():
        ln = lines[p.index]
        first, last = lines[p.children[0]].source, lines[p.children[-1]].source
        if p.rollup:
            drop[p.index] = None
            result.warnings.append(
                Problem(
                    ln.source or "",
                    f"{ln.description[:40]} {format_money(_amount(ln))} is the sum of the lines numbered below it "
                    f"({first} … {last}): read as their subtotal, not as a line",
                )
            )
        else:
            result.mismatches.append(
                Problem(
                    ln.source or "",
                    f"{ln.description[:40]} {format_money(_amount(ln))} is numbered as the parent of {first} … "
                    f"{last} but differs from their sum {format_money(p.total)}: is it their subtotal "
                    "or an item of its own?",
                )
            )
    for pr in percent_rows(lines) if percent else ():
        if pr.index in drop:
            continue
        ln = lines[pr.index]
        kind = markup_kind(ln.description) or "other"
        drop[pr.index] = Markup(
            kind=kind,
            label=ln.description,
            rate=pr.rate,
            amount=_amount(ln),
            source=ln.source,
        )
        result.warnings.append(
            Problem(
                ln.source or "",
                f"{ln.description[:40]} {format_money(_amount(ln))} is {(pr.rate * 100).normalize():f} % of the lines above it "
                f"({format_money(pr.base)}): read as a markup, not as a cost line",
            )
        )
    for i in block_markups(lines, result.totals, result.lumps):
        if i in drop:
            continue
        ln = lines[i]
        drop[i] = Markup(
            kind=markup_kind(ln.description) or "other",
            label=ln.description,
            amount=_amount(ln),
            source=ln.source,
        )
        result.warnings.append(
            Problem(
                ln.source or "",
                f"{ln.description[:40]} {format_money(_amount(ln))} is a lump charge between a subtotal and the "
                "total that adds it (freight, handling): read as a markup, not as a cost line",
            )
        )
    for i, kind in item_charges(lines) if charge else ():
        if i in drop:
            continue
        ln = lines[i]
        drop[i] = Markup(kind=kind, label=ln.description, amount=_amount(ln), source=ln.source)
        result.warnings.append(
            Problem(
                ln.source or "",
                f"{ln.description[:40]} {format_money(_amount(ln))} is a tax or freight charge on the line it names: "
                "read as a markup, not as a cost line",
            )
        )
    for i, j, what in sequence_breaks(lines):
        result.warnings.append(
            Problem(
                lines[j].source or "",
                f"{what} ({lines[i].source} and {lines[j].source}): if the row was copied by mistake it is "
                "counted twice; delete one",
            )
        )
    if drop:
        drop_lines(result, drop)


#: lines whose names are joined at a time by `_name_marks`
_NAMES_AT_ONCE = 4096


def _name_marks(lines: list[CostLine]) -> tuple[bool, bool]:
    """(a % sign in any line's name, a charge word in any: `any_ending`), looked for over the
    names joined a few thousand lines at a time, never all at once (13 MB of text at 500,000
    lines, held at the import's peak)."""
    percent = charge = False
    for start in range(0, len(lines), _NAMES_AT_ONCE):
        names = "\n".join([ln.description for ln in lines[start : start + _NAMES_AT_ONCE]])
        percent = percent or "%" in names or "％" in names
        charge = charge or any_ending(names)
        if percent and charge:
            break
    return percent, charge


def drop_lines(result: SheetResult, drop: dict[int, Markup | None]) -> None:
    """Remove lines (subtotals, or markups when a Markup is given) and shift the totals' counts."""
    lines = result.lines
    kept = [ln for i, ln in enumerate(lines) if i not in drop]
    order = sorted(drop)

    def shifted(t: StatedTotal) -> StatedTotal:
        before = [i for i in order if i < t.lines]
        gone = sum((_amount(lines[i]) for i in before), Decimal(0))
        added = sum((_amount(lines[i]) for i in before if drop[i] is not None), Decimal(0))
        return replace(
            t,
            lines=t.lines - len(before),
            since=t.since - len([i for i in order if i < t.since]),
            cum=t.cum - gone,
            markups=t.markups + added,
        )

    result.totals[:] = [shifted(t) for t in result.totals]
    result.markups.extend(m for i in order if (m := drop[i]) is not None)
    index = {old: new for new, old in enumerate(i for i in range(len(lines)) if i not in drop)}
    result.alternatives[:] = [(index[i], u) for i, u in result.alternatives if i in index]
    result.unstated[:] = [index[i] for i in result.unstated if i in index]
    result.lines[:] = kept
