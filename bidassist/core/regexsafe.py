"""Regular expressions from data files (rule packs, concepts) checked at load for the forms that
backtrack catastrophically, and a bound on the text one search may see.

Python's `re` backtracks: `(a+)+$`, `(\\w*)*x`, `(a|a)*` or `(.{0,100}){0,100}` can take
exponential or huge polynomial time on a crafted clause. A pattern is refused when a repeated group
contains another repeat that can itself match a variable, unbounded (or large) amount of text,
when an unbounded repeat holds alternatives that can start with the same character, or when
the product of nested repeat bounds exceeds NESTED_LIMIT. Single-level repeats (`\\s*`, `.{0,60}?`)
are linear per start position and allowed; the clause length bound (MAX_CLAUSE_CHARS) keeps their
total cost bounded.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# re's own parser (private, stable across 3.11+; typeshed does not describe it)
sre_constants: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")

#: nested repeat bounds whose product exceeds this are refused (e.g. (x{0,100}){0,100})
NESTED_LIMIT = 1_000
#: an outer repeat of at most this many rounds is allowed even over an ambiguous body (the
#: backtracking stays polynomial of a small degree and the body's delimiters bound it in practice)
SMALL_REPEAT = 5
#: the longest text one pattern search sees: longer clauses are checked in windows
MAX_CLAUSE_CHARS = 20_000
#: the longest pattern accepted from a data file
MAX_PATTERN_CHARS = 2_000

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_UNBOUNDED = sre_constants.MAXREPEAT


def _children(op, av) -> list:
    """Sub-patterns of one parsed node."""
    if op in _REPEATS:
        return [av[2]]
    if op is sre_constants.SUBPATTERN:
        return [av[-1]]
    if op is sre_constants.BRANCH:
        return list(av[1])
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [av[1]]
    if op is sre_constants.GROUPREF_EXISTS:
        return [x for x in av[1:] if x is not None]
    if hasattr(sre_constants, "ATOMIC_GROUP") and op is sre_constants.ATOMIC_GROUP:
        return [av]
    return []


def _max_repeat(sub) -> float:
    """The largest repeat count inside a parsed pattern (inf for unbounded), 1 when none."""
    worst = 1.0
    for op, av in sub:
        if op in _REPEATS:
            hi = float("inf") if av[1] == _UNBOUNDED else float(av[1])
            worst = max(worst, hi * _max_repeat(av[2]))
        for child in _children(op, av):
            if op not in _REPEATS:
                worst = max(worst, _max_repeat(child))
    return worst


_ALPHABET = [chr(c) for c in range(0x250)] + list(
    "\u3000一二三四五六七八九十百千万亿元日月年的了是在不付款合同甲乙方违约金质保％，。；：（）【】、"
)
_ALL = frozenset(_ALPHABET)
_CATEGORY = {
    "CATEGORY_DIGIT": str.isdigit,
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_WORD": lambda ch: ch.isalnum() or ch == "_",
}
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}


def _in_range(lo: int, hi: int, ch: str) -> bool:
    return any(lo <= ord(c) <= hi for c in {ch, ch.lower(), ch.upper()} if len(c) == 1)


def _in_class(items: list, ch: str) -> bool:
    negate, hit = False, False
    for op, av in items:
        if op is sre_constants.NEGATE:
            negate = True
        elif op is sre_constants.LITERAL:
            hit |= ch.lower() == chr(av).lower()
        elif op is sre_constants.RANGE:
            hit |= _in_range(av[0], av[1], ch)
        elif op is sre_constants.CATEGORY:
            name = str(av)
            test = _CATEGORY.get(name.replace("NOT_", "").replace("UNI_", "").replace("LOC_", ""))
            if test is None:
                return True  # unknown category: assume it may match
            hit |= test(ch) != ("NOT_" in name)
    return hit != negate


def _charset(op, av) -> frozenset | None:
    """Characters one single-character node can match (None: not a single-character node)."""
    if op is sre_constants.LITERAL:
        ch = chr(av)
        return frozenset({ch, ch.lower(), ch.upper()})
    if op is sre_constants.NOT_LITERAL:
        return _ALL - {chr(av)}
    if op is sre_constants.ANY:
        return _ALL
    if op is sre_constants.IN:
        return frozenset(ch for ch in _ALPHABET if _in_class(av, ch))
    return None


def _node_first(op, av) -> tuple[frozenset | None, bool]:
    """(characters the node can start with, whether it must match at least one character)."""
    single = _charset(op, av)
    if single is not None:
        return single, True
    if op in _REPEATS:
        first, mandatory = _first_set(av[2])
        return first, mandatory and av[0] >= 1
    if op is sre_constants.SUBPATTERN:
        return _first_set(av[-1])
    if op is sre_constants.BRANCH:
        firsts = [_first_set(b) for b in av[1]]
        if any(f is None for f, _ in firsts):
            return None, False
        return frozenset().union(*(f for f, _ in firsts if f is not None)), all(m for _, m in firsts)
    return None, False


def _first_set(seq) -> tuple[frozenset | None, bool]:
    union: frozenset = frozenset()
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        first, mandatory = _node_first(op, av)
        if first is None:
            return None, False
        union |= first
        if mandatory:
            return union, True
    return union, False


def _variable(op, av) -> bool:
    return op in _REPEATS and av[1] != av[0]


def _ambiguous_part(body: list, i: int) -> bool:
    """Can the text matched by the variable part body[i] also be matched by what follows it
    (cyclically, through optional parts), before a mandatory part with other characters?"""
    inner = body[i][1][2]
    mine = _charset(*inner[0]) if len(inner) == 1 else None
    if mine is None:
        return True
    for op, av in body[i + 1 :] + body[: i + 1]:
        if op in _ZERO_WIDTH:
            continue
        first, mandatory = _node_first(op, av)
        if first is None or first & mine:
            return True
        if mandatory:
            return False
    return True


def _ambiguous_body(body: list) -> bool:
    """True when a repeated body can split the same text between its variable parts in more than
    one way (the source of exponential backtracking)."""
    for i, (op, av) in enumerate(body):
        if _variable(op, av):
            if _ambiguous_part(body, i):
                return True
        elif op in (sre_constants.SUBPATTERN, sre_constants.BRANCH) and _max_repeat([(op, av)]) > 1:
            inner = av[-1] if op is sre_constants.SUBPATTERN else None
            if inner is None or _ambiguous_body(list(inner)) or _max_repeat(inner) > NESTED_LIMIT:
                return True
    return False


def _walk(sub) -> str | None:
    for op, av in sub:
        if op in _REPEATS:
            hi = float("inf") if av[1] == _UNBOUNDED else float(av[1])
            inner = list(av[2])
            inner_max = _max_repeat(inner)
            if (
                SMALL_REPEAT < hi
                and inner_max > 1
                and hi * inner_max > NESTED_LIMIT
                and _ambiguous_body(inner)
            ):
                return (
                    "a repeated group holds another repeat that can match the same text "
                    "(nested quantifiers: catastrophic backtracking)"
                )
        for child in _children(op, av):
            problem = _walk(child)
            if problem:
                return problem
    return None


def catastrophic(pattern: str, *, check_length: bool = True) -> str | None:
    """Why `pattern` may backtrack catastrophically, or None (`check_length=False` for a pattern
    expanded from concepts, whose written form was checked)."""
    if check_length and len(pattern) > MAX_PATTERN_CHARS:
        return f"over {MAX_PATTERN_CHARS} characters"
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None  # compiling reports the syntax error
    return _walk(list(parsed))


def windows(text: str, size: int = MAX_CLAUSE_CHARS, overlap: int = 1_000) -> list[str]:
    """`text` in pieces of at most `size` characters, cut after a sentence end where possible,
    each overlapping the previous by `overlap` (so a phrase across a cut is still seen whole)."""
    if len(text) <= size:
        return [text]
    pieces = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max(text.rfind(ch, end - 2_000, end) for ch in "。；;\n.")
            if cut > start + overlap:
                end = cut + 1
        pieces.append(text[start:end])
        if end >= len(text):
            break
        start = end - overlap
    return pieces
