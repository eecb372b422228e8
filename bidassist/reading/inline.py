"""Sub-clauses run together on one line: 「2、……。 3、……。 4、……」 or 「一，……．二，……」.

Text converted from Word without its automatic numbering, or typed on one line, puts a whole list
of numbered items into one block; the checklist would then read several clauses as one. A line
that starts with an item number is cut before each following item whose number is the next in
sequence and which stands right after a sentence end (。；; ．. or a space after one). Only the
sequence continuing the line's own first number is cut, so 「见第3、4条」 or an amount never splits."""

from __future__ import annotations

import re
from collections.abc import Callable

_CN_DIGITS = "零一二三四五六七八九"
#: the line's leading item number and its separator: 2、 / 2. / 2． / 一、 / 一， / （2） / (二)
_LEAD = re.compile(
    r"^\s*(?:(?P<ar>\d{1,2})(?P<sep1>[、.．](?![\d.．])|\s*[、，,])"
    r"|(?P<cn>[一二三四五六七八九十]{1,3})(?P<sep2>[、，,．.])"
    r"|(?P<open>[（(])(?P<pn>\d{1,2}|[一二三四五六七八九十]{1,3})(?P<close>[）)]))"
)
#: a sentence end after which a new item may start
_END = r"(?:[。；;！!？?]|(?<!\d)[.．])\s*"


def _cn(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def _cn_value(text: str) -> int | None:
    for n in range(1, 100):
        if _cn(n) == text:
            return n
    return None


def _marker(m: re.Match[str]) -> tuple[int, Callable[[int], str]] | None:
    """(first number, a function giving the literal marker of number k)."""
    if m.group("ar"):
        sep = m.group("sep1").strip()
        return int(m.group("ar")), lambda k: f"{k}{sep}"
    if m.group("cn"):
        n, sep = _cn_value(m.group("cn")), m.group("sep2")
        return (n, lambda k: f"{_cn(k)}{sep}") if n else None
    pn, op, cl = m.group("pn"), m.group("open"), m.group("close")
    if pn.isdigit():
        return int(pn), lambda k: f"{op}{k}{cl}"
    n = _cn_value(pn)
    return (n, lambda k: f"{op}{_cn(k)}{cl}") if n else None


def split_inline_items(line: str) -> list[str]:
    """The line cut before each next-in-sequence item number that follows a sentence end."""
    m = _LEAD.match(line)
    found = _marker(m) if m else None
    if m is None or found is None:
        return [line]
    n, marker = found
    pieces: list[str] = []
    start = 0
    pos = m.end()
    while True:
        nxt = re.compile(_END + "(" + re.escape(marker(n + 1)) + ")").search(line, pos)
        if nxt is None:
            break
        cut = nxt.start(1)
        pieces.append(line[start:cut].strip())
        start, pos, n = cut, nxt.end(1), n + 1
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]
