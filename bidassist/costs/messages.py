"""Many problems told briefly: one summary line per kind of problem (with its count and first
cells), then the first details; everything with `all_errors`."""

from __future__ import annotations

import re
from collections import OrderedDict

from bidassist.core.errors import Problem

DETAIL_LIMIT = 20
_QUOTED = re.compile(r'"[^"]*"|「[^」]*」')
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_CELLS = re.compile(r"\S+![A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?")


def kind_of(problem: Problem) -> str:
    """The message with its values taken out: problems of one kind share it."""
    text = _CELLS.sub("…", problem.message)
    text = _QUOTED.sub('"…"', text)
    return _NUMBER.sub("N", text)


def summarize(problems: list[Problem], *, all_errors: bool = False, limit: int = DETAIL_LIMIT) -> list[str]:
    """Lines to print: when there are few problems, each one; otherwise a summary per kind, then the
    first `limit` details (all of them with `all_errors`)."""
    if len(problems) <= limit or all_errors:
        if len(problems) <= limit:
            return [str(p) for p in problems]
    kinds: OrderedDict[str, list[Problem]] = OrderedDict()
    for p in problems:
        kinds.setdefault(kind_of(p), []).append(p)
    out = [f"{len(problems)} problems of {len(kinds)} kind(s):"]
    for found in kinds.values():
        cells = ", ".join(p.where or "?" for p in found[:3]) + (", …" if len(found) > 3 else "")
        out.append(f"  {len(found)} × {found[0].message}  [{cells}]")
    shown = problems if all_errors else problems[:limit]
    out.append("details:" if all_errors else f"first {len(shown)} details (--all-errors for all):")
    out.extend(str(p) for p in shown)
    return out
