"""Detail sheets that are alternative costings of one job, not parts of it.

Two cost sheets of one workbook with no summary sheet over them are added up only when nothing
says they are two answers to one question. They read as alternatives — two estimates, two options,
方案一 / 方案二, 预算 and 预算 v2, a full estimate beside a "75k estimate" — when
- both are titled as options (Option A | Option B, 方案一 | 方案二, Scenario 2), or
- both are titled as a costing (their names or the titles above their headers say estimate,
  option, scenario, quotation, budget, 方案, 预算, 估算, 报价 …) and they list similar items (a
  third of the shorter list or more, two items at least), or
- whatever their titles, they list largely the same items (half of the shorter list or more, three
  items at least) with different totals.
Similar items are the same name, or names sharing most of their words (Chinese: character pairs).

They stay parts of one job when their names say what part each is (Phase 1 | Phase 2, 综合楼 |
教学楼, 10月份 | 11月份: a phase, building, floor, zone or period in both names), when they are
named for different trades (Labour | Materials, 人工 | 材料), or when a figure labelled as a total
anywhere in the workbook equals their sum (a grand total that ties them).
Adding alternatives up is a silent wrong total; the import is refused, naming both sheets and the
`--sheet` fix for each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from bidassist.core.errors import Problem
from bidassist.core.money import format_money
from bidassist.costs.model import CostLine
from bidassist.costs.values import cell_text
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

#: a title that names a costing of the whole job (one answer among possible others)
_COSTING = re.compile(
    r"(?<![a-z])(?:estimat(?:es?|ed|ion)|options?|alternatives?|scenarios?|proposals?|quotes?|quotations?|"
    r"costings?|budgets?|offers?|bids?|versions?|variants?|tenders?)(?![a-z])|"
    r"方案|预算|估算|概算|报价|询价|选项|版本|备选|比选|估价|投标价",
    re.I,
)
#: a title that names one of several options (Option B, Scenario 2, 方案二, 备选方案): alternatives
#: whatever items they list
_OPTION = re.compile(
    r"(?<![a-z])(?:options?|alternatives?|scenarios?|variants?)\s*[a-z0-9](?![a-z])|"
    r"方案\s*[一二三四五六七八九十\dA-Za-z甲乙丙丁]|备选|比选",
    re.I,
)
#: a name that says which part of one job a sheet is: a phase, a building, a floor, a period
_PART = re.compile(
    r"(?<![a-z])(?:phases?|stages?|parts?|sections?|lots?|blocks?|buildings?|bldg|floors?|levels?|zones?|"
    r"areas?|sites?|wings?|towers?|months?|weeks?|quarters?|years?|q[1-4]|jan(?:uary)?|feb(?:ruary)?|"
    r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?|packages?|rooms?|modules?|workstreams?|trades?)(?![a-z])|"
    r"期|阶段|部分|分部|标段|楼|栋|幢|层|区|月|季度|年度|周|单体|房间|车间",
    re.I,
)
#: names of different kinds of cost: parts of one estimate (Labour beside Materials)
_TRADE = re.compile(
    r"labou?r|material|equipment|travel|shipping|software|hardware|subcontract|overhead|electrical|"
    r"plumbing|civil|mechanical|人工|材料|机械|设备|差旅|软件|硬件|运输|分包|安装|土建|电气|给排水|暖通|装饰",
    re.I,
)
#: a word or a code (`M8`, `0-0`, `2.5mm`): one token, so that 项目0-0 and 项目1-0 differ
_WORD = re.compile(r"[a-z0-9][a-z0-9\-./]*", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_TOTAL_LABEL = re.compile(r"合\s*计|总\s*计|总\s*价|汇\s*总|总金额|total", re.I)
#: the largest list compared item by item (longer lists compare their exact names only)
_PAIRWISE = 400
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Costing:
    """A used cost sheet as this module compares it."""

    name: str
    title: str
    items: tuple[str, ...]
    total: Decimal
    raw: RawSheet


def _tokens(name: str) -> frozenset[str]:
    text = name.lower()
    out = {w for w in _WORD.findall(text) if len(w) > 1 or w.isdigit()}
    for run in _CJK.findall(text):
        out.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return frozenset(out)


def _alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two item names sharing at least 60 % of their words (Jaccard)."""
    if not a or not b:
        return False
    return len(a & b) * 5 >= len(a | b) * 3


def similar_items(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int]:
    """(items of the shorter list with a like-named item in the other, length of the shorter)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    names = {" ".join(n.lower().split()) for n in long}
    if len(short) > _PAIRWISE or len(long) > _PAIRWISE:
        return sum(" ".join(n.lower().split()) in names for n in short), len(short)
    others = [t for t in (_tokens(n) for n in long) if t]
    hits = 0
    for n in short:
        if " ".join(n.lower().split()) in names:
            hits += 1
            continue
        mine = _tokens(n)
        hits += any(_alike(mine, t) for t in others)
    return hits, len(short)


def _parts(a: Costing, b: Costing) -> bool:
    """The names say which part of one job each sheet is, or name different trades."""
    if _PART.search(a.name) and _PART.search(b.name):
        return True
    ta, tb = _TRADE.search(a.name), _TRADE.search(b.name)
    return ta is not None and tb is not None and ta.group(0).lower() != tb.group(0).lower()


def option_reason(a: Costing, b: Costing, *, titled_only: bool = False) -> str | None:
    """Why sheets a and b read as alternative costings of one job, or None (parts, or unrelated).
    `titled_only`: lists within one sheet (side by side, or sections one under another), which
    only their titles can tell apart from parts."""
    if a.name == b.name or _parts(a, b):
        return None
    la, lb = f"{a.name} {a.title}", f"{b.name} {b.title}"
    if _OPTION.search(la) and _OPTION.search(lb):
        return "both are titled as options"
    titled = _COSTING.search(la) and _COSTING.search(lb)
    if titled_only and not titled:
        return None
    hits, shorter = similar_items(a.items, b.items)
    if titled and hits >= 2 and hits * 3 >= shorter:
        return f"both are titled as costings and {hits} of the {shorter} items of the shorter one are alike"
    if not titled_only and hits >= 3 and hits * 2 >= shorter and a.total != b.total:
        return f"{hits} of the {shorter} items of the shorter one are alike, with different totals"
    return None


def _side_by_side(a: Costing, b: Costing) -> str | None:
    """Two lists side by side in one sheet, told apart by the titles above them."""
    if not a.title or not b.title or a.title == b.title:
        return None
    return option_reason(
        Costing(a.title, "", a.items, a.total, a.raw),
        Costing(b.title, "", b.items, b.total, b.raw),
        titled_only=True,
    )


def section_options(name: str, title: str, lines: list[CostLine]) -> list[Problem]:
    """Sections of one sheet (lines grouped by their heading; the lines before the first heading
    under the sheet's title) that are alternative costings of one job (Option A … Total, Option B
    … Total): a problem naming both sections and the `--map first=ROW,last=ROW` that imports one."""
    # only sections whose headings both read as options, or both as costings, can be alternatives
    # (option_reason with titled_only): the others are never compared, so never summed up. The
    # headings, in the order their first lines come, are read off the distinct categories (no
    # loop a line), and the lines gathered only under headings that so read, if any
    headings = dict.fromkeys(c or title for c in dict.fromkeys(map(_category, lines)))
    labels = [g for g in headings if g and (_OPTION.search(f"{g} ") or _COSTING.search(f"{g} "))]
    out: list[Problem] = []
    if len(labels) < 2:
        return out
    groups: dict[str, list[CostLine]] = {g: [] for g in labels}
    for ln in lines:
        group = groups.get(ln.category or title)
        if group is not None:
            group.append(ln)
    sections = {label: _section(label, groups[label]) for label in labels}
    for i, la in enumerate(labels):
        for lb in labels[i + 1 :]:
            a, b = sections[la], sections[lb]
            why = option_reason(a, b, titled_only=True)
            if why is None:
                continue
            rows = [_row(ln.source) for ln in groups[lb]]
            out.append(
                Problem(
                    groups[lb][0].source or sheet_ref(name),
                    f"sheet {name} lists 「{la[:40]}」 ({format_money(a.total)}) and 「{lb[:40]}」 "
                    f"({format_money(b.total)}), which look like alternative costings of one job ({why}): "
                    "adding them up would count the job twice (同一项目的不同方案，不能相加); import one with "
                    f'--map "{name.replace(chr(34), chr(92) + chr(34))}:first={min(rows)},last={max(rows)}" '
                    "(the rows of one of them)",
                )
            )
    return out


_category = attrgetter("category")


def _section(label: str, lines: list[CostLine]) -> Costing:
    total = sum((ln.quantity * ln.likely for ln in lines), Decimal(0))
    return Costing(label, "", tuple(ln.description for ln in lines), total, RawSheet(label, []))


def _row(source: str | None) -> int:
    m = re.search(r"(\d+)$", source or "")
    return int(m.group(1)) if m else 0


def _figures(raw: RawSheet) -> list[tuple[str, Decimal]]:
    """(cell, figure) of each number in a row that holds a total label."""
    out = []
    for r, row in enumerate(raw.rows):
        if not any(isinstance(v, str) and _TOTAL_LABEL.search(v) for v in row):
            continue
        for c, v in enumerate(row):
            if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
                out.append((f"{sheet_ref(raw.name)}!{col_letter(c)}{r + 1}", Decimal(str(v))))
    return out


def grand_total(raws: list[RawSheet], total: Decimal, parts: int) -> str | None:
    """The cell of a figure labelled as a total anywhere in the workbook that equals `total` (to
    the cent per part, or to half a unit per part when it is written in whole units)."""
    for raw in raws:
        for cell, figure in _figures(raw):
            tol = Decimal("0.5") * (parts + 1) if figure == figure.to_integral_value() else CENT * parts
            if abs(figure - total) <= tol:
                return cell
    return None


def options(sheets: list[Costing], raws: list[RawSheet]) -> list[Problem]:
    """One problem per pair of sheets read as alternative costings of one job, naming both and the
    `--sheet` fix; none when a labelled total in the workbook equals their sum."""
    pairs = []
    for i, a in enumerate(sheets):
        for b in sheets[i + 1 :]:
            why = option_reason(a, b) if a.name != b.name else _side_by_side(a, b)
            if why is not None:
                pairs.append((a, b, why))
    if not pairs:
        return []
    names = {s.name for s in sheets}
    total = sum((s.total for s in sheets), Decimal(0))
    if len(names) >= 2 and grand_total(raws, total, len(names)) is not None:
        return []
    out = []
    for a, b, why in pairs:
        if a.name == b.name:
            out.append(_lists_problem(a, b, why))
            continue
        qa, qb = a.name.replace('"', '\\"'), b.name.replace('"', '\\"')
        out.append(
            Problem(
                sheet_ref(b.name),
                f"sheets {a.name} ({format_money(a.total)}) and {b.name} ({format_money(b.total)}) look like "
                f"alternative costings of one job ({why}) and no summary sheet or grand total ties them: "
                "adding them up would count the job twice (两张表像同一项目的不同方案/估算，不能相加); import "
                f'one with --sheet "{qa}" or --sheet "{qb}"',
            )
        )
    return out


def _lists_problem(a: Costing, b: Costing, why: str) -> Problem:
    return Problem(
        sheet_ref(a.name),
        f"sheet {a.name} holds two lists side by side, 「{a.title[:40]}」 ({format_money(a.total)}) and "
        f"「{b.title[:40]}」 ({format_money(b.total)}), which look like alternative costings of one job ({why}): "
        "adding them up would count the job twice (同一项目的不同方案，不能相加); import one with --map "
        f'"{a.name}:description=…,quantity=…,price=…,amount=…" naming its columns',
    )


def title_text(raw: RawSheet, header_row: int | None) -> str:
    """The texts above a sheet's header row (its title), at most 500 characters."""
    top = header_row if header_row is not None else 6
    return " ".join(t for row in raw.rows[:top] for v in row if (t := cell_text(v)))[:500]
