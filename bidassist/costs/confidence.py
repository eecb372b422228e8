"""A sheet that states no total: the import must be sure of its lines, or refuse.

With a stated total (合计 / 总计 / Total / a summary sheet) a lost row or a wrong column shows as a
difference. Without one nothing in the workbook contradicts the import, so every sign that the lines
may not be the sheet's money is an error naming the sheet, the cells and the fix (`--map`, `--sheet`,
`--accept-difference`, which turns them into warnings):

- amount cells that disagree with quantity × unit price by more than rounding (which figure is the
  line's money is not known);
- subtotals or section amounts that differ from the lines they cover;
- rows between the header and the last line that hold figures but were not read as lines;
- a second column headed like the one used (two 合价 columns) holding other figures.
"""

from __future__ import annotations

from decimal import Decimal

from bidassist.core.errors import Problem
from bidassist.core.money import format_money
from bidassist.costs.table import SheetResult
from bidassist.costs.workbook import col_letter, sheet_ref

_FIRST = 5  # cells named in a message


def _cells(cells: list[str]) -> str:
    shown = ", ".join(cells[:_FIRST])
    return shown + (f" … ({len(cells)} in all)" if len(cells) > _FIRST else "")


def _quoted(name: str) -> str:
    return name.replace('"', '\\"')


def unconfirmed(
    name: str, result: SheetResult, imported: Decimal, accept: bool
) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) of a used sheet that states no total."""
    found = _signs(name, result, imported)
    if accept:
        return [], [
            Problem(p.where, p.message.split("; fix:")[0] + "; accepted (--accept-difference)") for p in found
        ]
    return found, []


def _signs(name: str, result: SheetResult, imported: Decimal) -> list[Problem]:
    lead = f"{name} states no total (合计/总计/Total) to check the import against, and "
    quoted = _quoted(name)
    found: list[Problem] = []
    diffs = result.amount_diffs
    if diffs and not amounts_stand(result, imported):
        gap = sum((d for _, d in diffs), Decimal(0))
        found.append(
            Problem(
                diffs[0][0],
                lead
                + (
                    f"{len(diffs)} line(s) have an amount ≠ quantity × unit price ({_cells([c for c, _ in diffs])}; "
                    f"{format_money(gap)} apart in all): which figure is the line's money is not known; fix: "
                    f'name the columns with --map "{quoted}:quantity=…,price=…,amount=…", or keep quantity × '
                    "unit price with --accept-difference"
                ),
            )
        )
    if result.mismatches:
        first = result.mismatches[0]
        found.append(
            Problem(
                first.where,
                lead
                + (
                    f"{len(result.mismatches)} subtotal(s) differ from their lines ({first.message}): a row is missing "
                    "or read in the wrong column; fix: check the rows, name the rows with "
                    f'--map "{quoted}:first=ROW,last=ROW", or accept with --accept-difference'
                ),
            )
        )
    if result.unread:
        rows = [f"{sheet_ref(name)}!{r + 1}" for r in result.unread]
        found.append(
            Problem(
                rows[0].replace("!", "!A", 1),
                lead
                + (
                    f"{len(rows)} row(s) between the header and the last line hold figures but were not read as "
                    f"lines (rows {_cells([r.split('!')[-1] for r in rows])}): they may be cost lines under another "
                    f'header; fix: name the columns with --map "{quoted}:…" (header=ROW), import another sheet with '
                    "--sheet, or accept with --accept-difference"
                ),
            )
        )
    if result.rivals:
        cell, fld, other = result.rivals[0]
        found.append(
            Problem(
                cell,
                lead
                + (
                    f"two columns are headed {fld}: {col_letter_of(cell)} is used and {col_letter_of(other)} holds "
                    f"other figures on {len(result.rivals)} line(s) (first {other}); fix: choose one with "
                    f'--map "{quoted}:{fld}=LETTER", or accept with --accept-difference'
                ),
            )
        )
    return found


#: amounts that differ from quantity × unit price by a discount, postage or rounding: each within
#: this factor of its product, and all together within `_GAP` of the sheet's money
_FACTOR = Decimal(2)
_GAP = Decimal("0.10")


def amounts_stand(result: SheetResult, imported: Decimal) -> bool:
    """With no stated total, the amount column (the money the sheet adds up) is the lines' money
    when its differences from quantity × unit price are of the kind a shop writes — a discount,
    postage, rounding: under one currency unit in all, or every line within a factor of 2 of its
    product and all of them within 10 % of the sheet. A bigger gap (an amount 10 × its product: a
    pack price, a wrong column) means the columns are not understood, and the sheet is refused."""
    diffs = result.amount_diffs
    gap = sum((d for _, d in diffs), Decimal(0))
    if gap <= max(Decimal(1), abs(imported) / 1000):
        return True
    if not result.alternatives or gap > _GAP * abs(imported):
        return False
    for i, unit in result.alternatives:
        likely = result.lines[i].likely if i < len(result.lines) else Decimal(0)
        if likely <= 0 or unit <= 0 or not (likely <= unit * _FACTOR and unit <= likely * _FACTOR):
            return False
    return True


def col_letter_of(cell: str) -> str:
    """`Sheet!E12` -> `E`."""
    ref = cell.rsplit("!", 1)[-1]
    return "".join(ch for ch in ref if ch.isalpha()) or col_letter(0)


def priced_skips(
    skipped: list[tuple[str, str, str, set[str]]], accept: bool
) -> tuple[list[Problem], list[Problem]]:
    """Sheets set aside by their name or title (measurement, analysis) that have price or amount
    columns, in a workbook that states no total: whether their rows are costs is not known.
    `skipped`: (sheet, role, reason, the fields of its header)."""
    found = []
    for name, role, reason, fields in skipped:
        if role not in ("measurement", "analysis") or not fields & {"price", "amount", "likely"}:
            continue
        text = (
            f"sheet skipped as {role} ({reason}) although its header has price/amount columns, and the "
            "workbook states no total to show whether its rows are costs"
        )
        fix = (
            f'; fix: import it with --sheet "{_quoted(name)}", or accept the import without it with '
            "--accept-difference"
        )
        found.append(Problem(sheet_ref(name), text + ("; accepted (--accept-difference)" if accept else fix)))
    return ([], found) if accept else (found, [])
