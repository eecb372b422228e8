"""Cost sheets that are versions of one list rather than parts of one whole.

A workbook with two or more cost sheets and no summary tying them is read as parts to add up only
when nothing says otherwise. Two sheets are taken for versions (a plan and a purchase list, v1 and
v2, an estimate and what was bought) — and the import is refused, naming both sheets and `--sheet`
— when
- their names say so (v2, 修改版, 最终, draft, 副本, (2), Actual/实际/决算 …; old/new only beside
  the same name without them), or
- they are set out in different forms (fewer than half of the smaller header's words shared) and
  they list an item of the same name, or their totals are within 10 % of each other (a second
  pricing of the same thing lands close to the first; parts of a whole seldom do).
Sheets in one form (one template per building, floor or month) and sheets named for different
kinds of cost (Labour | Materials, 人工 | 材料) stay parts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bidassist.core.errors import Problem
from bidassist.core.money import format_money
from bidassist.costs.workbook import sheet_ref

#: a sheet name that marks a version, a copy or an alternative of a list
_VERSION_NAME = re.compile(
    r"(?<![a-z])v\s*\d|(?<![a-z])rev(?:ision|ised)?(?![a-z])|版本|[修改调终初新旧]版|修改|修订|调整后|调整前|"
    r"最终|草稿|草案|副本|备份|复件|实际|决算|(?<![a-z])(?:draft|final|copy|backup|alt(?:ernative)?|option|actuals?)"
    r"(?![a-z])|方案\s*[一二三四五\d]|\(\s*\d\s*\)\s*$|（\s*\d\s*）\s*$",
    re.I,
)
#: old / new mark a version only beside the same name without them (Budget / Budget new); alone
#: they are words of a name (New York site, Old Town depot)
_AGE = re.compile(r"(?<![a-z])(?:old|new)(?![a-z])", re.I)
#: sheets named for different kinds of cost (Labour, Materials, 人工, 材料): parts of one estimate
_KINDS = re.compile(
    r"labou?r|material|equipment|travel|shipping|software|hardware|subcontract|overhead|"
    r"人工|材料|机械|设备|差旅|软件|硬件|运输|分包|安装",
    re.I,
)
#: the largest relative gap between two sheets' totals that reads as a second pricing of one list
_CLOSE = Decimal("0.10")


def _names(lines: list) -> set[str]:
    out = set()
    for ln in lines:
        name = " ".join(str(ln.description).lower().split())
        if len(name) >= 3 and not name.replace(".", "").replace(" ", "").isdigit():
            out.add(name)
    return out


def same_form(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two header rows of one form: at least half of the smaller one's words in the other."""
    if not a or not b:
        return False
    return len(a & b) * 2 >= min(len(a), len(b))


def close_totals(a: Decimal, b: Decimal) -> bool:
    """Two positive totals within 10 % of the larger."""
    if a <= 0 or b <= 0:
        return False
    return abs(a - b) <= _CLOSE * max(a, b)


def _bare(name: str) -> str:
    return " ".join(_AGE.sub(" ", name).lower().replace("_", " ").replace("-", " ").split())


def _aged_pair(a: str, b: str) -> bool:
    """old/new beside the same name without them, or a sheet named only New/Old."""
    if not (_AGE.search(a) or _AGE.search(b)):
        return False
    return _bare(a) == _bare(b) or not _bare(a) or not _bare(b)


def _kinds_of_cost(a: str, b: str) -> bool:
    """Each sheet named for a different kind of cost (Labour beside Materials)."""
    ka, kb = _KINDS.search(a), _KINDS.search(b)
    return ka is not None and kb is not None and ka.group(0).lower() != kb.group(0).lower()


def version_reason(
    a: tuple[str, frozenset[str], list, Decimal], b: tuple[str, frozenset[str], list, Decimal]
) -> str | None:
    """Why sheets a and b (name, header words, lines, total) look like versions of one list, or
    None when they read as parts."""
    if a[0] == b[0]:
        return None  # lists side by side in one sheet (`sidebyside`): parts of that sheet
    if _VERSION_NAME.search(a[0]) or _VERSION_NAME.search(b[0]) or _aged_pair(a[0], b[0]):
        return "the sheet names mark versions or copies"
    if same_form(a[1], b[1]) or _kinds_of_cost(a[0], b[0]):
        return None
    shared = sorted(_names(a[2]) & _names(b[2]))
    if shared:
        return f"set out in different forms and both list {shared[0]!r}"
    if close_totals(a[3], b[3]):
        return "set out in different forms with totals within 10 % of each other"
    return None


def versions(sheets: list[tuple[str, frozenset[str], list, Decimal]]) -> list[Problem]:
    """One problem per pair of sheets (name, header words, lines, total) read as two versions of
    one cost list, naming both and the `--sheet` fix."""
    out: list[Problem] = []
    for i, a in enumerate(sheets):
        for b in sheets[i + 1 :]:
            why = version_reason(a, b)
            if why is None:
                continue
            qa, qb = a[0].replace('"', '\\"'), b[0].replace('"', '\\"')
            out.append(
                Problem(
                    sheet_ref(b[0]),
                    f"sheets {a[0]} ({format_money(a[3])}) and {b[0]} ({format_money(b[3])}) look like two "
                    f"versions of one cost list ({why}) and no summary sheet ties them: adding them up "
                    "would count the same costs twice (两张表像同一清单的两个版本，不能相加); import one with "
                    f'--sheet "{qa}" or --sheet "{qb}"',
                )
            )
    return out
