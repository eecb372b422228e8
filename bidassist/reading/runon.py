"""A contract kept on one line: clause headings running inside one long block.

Text copied from a web page, a PDF text layer or a Word export without its numbering can lose
every line break, so 「……共同执行。第一条本合同签订依据1.1《民法典》……1.2国家及地方……第二条……」
arrives as one block of many kilobytes. A block longer than RUN_ON_MIN_CHARS is cut before each
clause heading found inside it, where a heading is what `detect_heading` (the reader's one
numbering grammar) reads at that position AND what the numbering expects there:

- the next number of a heading that is open (第七条 → 第八条, 7.2 → 7.3, （一） → （二）), or
- the first sub-clause of an open heading (第七条 → 7.1, 7.2 → 7.2.1, or 1 of a deeper kind).

Where the heading may stand is guarded too: after a sentence end (。；：! ? or ". " in English) or
a space any expected heading; right after a Chinese character or a closing bracket only a
第X条 or a dotted number that continues the numbering (「基本情况2.1养护项目」); never after a
digit, a letter, 第 or a full stop inside a number. Numbers inside sentences stay whole: a
reference (「第3条规定的」, 「按第4.1条」, "clause 12.1 of"), an amount or measure (「5.86万平方米」,
「1.5米」, "1.5%") and a number that the numbering does not expect (「第六条」 inside 第七条).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bidassist.core.numbers import chinese_numeral
from bidassist.reading.clauses import Heading, detect_heading

#: blocks at least this long are searched for headings running inside them
RUN_ON_MIN_CHARS = 1500
#: characters handed to the heading grammar at a candidate position
_PROBE = 200

_CANDIDATE = re.compile(r"[第（(0-9０-９一二三四五六七八九十①-⑳⑴-⒇⒈-⒛ASCasc§]")
_SENTENCE_END = set("。；;：:！!？?")
_CLOSING = set("】」』”）)")
_CJK = re.compile(r"[\u3400-\u9fff]")
#: what follows a number that is a reference or a quantity, not a heading
_NOT_HEADING_AFTER = re.compile(
    r"^(?:条|款|项|节|章|规定|约定|所述|所列|所指|的|中|之|项下|[、，,和或及与至]\s*[第\d]|以[上下内外]|"
    r"米|厘米|毫米|公里|公顷|亩|公斤|千克|克|吨|升|平方|立方|度|℃|株|棵|[%％‰]|"
    r"(?:m|cm|mm|km|kg|g|t)\b)"
)
#: what starts the next member of a list of references: 「第二条、第三条」「1.1、1.2」
_LISTED = set("第0123456789０１２３４５６７８９")
#: a Chinese character after which a number is a reference: 「见第3条」「第2.2条和第3条」「按4.1」
_REFERENCE_LEAD = set("和或及与至见按")
#: an English word after which a number is a reference, not a heading ("clause 12.1 of")
_REFERENCE_WORDS = {
    "clause",
    "clauses",
    "section",
    "sections",
    "article",
    "articles",
    "paragraph",
    "paragraphs",
    "para",
    "item",
    "items",
    "schedule",
    "annex",
    "exhibit",
    "appendix",
    "sub-clause",
    "subclause",
    "no",
    "number",
    "of",
    "to",
    "and",
    "or",
    "in",
    "under",
    "per",
    "see",
    "with",
    "by",
    "than",
    "at",
    "from",
    "for",
    "is",
    "be",
    "about",
    "over",
    "within",
    "after",
    "before",
    "on",
    "version",
}
_ARTICLE_KINDS = {"part", "chapter", "section_cn", "article", "para_cn"}
#: kinds that may follow a Chinese character or a closing bracket without a sentence end
_GLUED_KINDS = _ARTICLE_KINDS | {f"d{n}" for n in range(2, 7)}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True)
class _Open:
    kind: str
    rank: int
    path: tuple[int, ...]


def _roman_value(text: str) -> int | None:
    values = [_ROMAN.get(ch) for ch in text.upper()]
    if not values or None in values:
        return None
    nums = [v for v in values if v is not None]
    return sum(-v if i + 1 < len(nums) and v < nums[i + 1] else v for i, v in enumerate(nums))


def _enclosed(ch: str) -> int | None:
    for first, last in (("①", "⑳"), ("⑴", "⒇"), ("⒈", "⒛")):
        if first <= ch <= last:
            return ord(ch) - ord(first) + 1
    return None


def _single(token: str) -> int | None:
    """The value of one number token: 7, ７, 七, ⑦, VII, g."""
    token = token.strip(" （()）、.．第条章节款部分编篇")
    if not token:
        return None
    if token.isdecimal():  # not isdigit(): ② and ⑴ are digits int() does not read
        return int(token)
    if len(token) == 1 and _enclosed(token) is not None:
        return _enclosed(token)
    try:
        return chinese_numeral(token)
    except ValueError:
        pass
    if len(token) == 1 and token.isascii() and token.islower():
        return ord(token) - ord("a") + 1
    return _roman_value(token) if token.isascii() and token.isalpha() else None


def heading_path(h: Heading) -> tuple[int, ...] | None:
    """The numbers a heading stands for: 第七条 → (7,), 7.2.1 → (7, 2, 1), （三） → (3,), None
    when the number cannot be read as a counter."""
    number = h.number
    if h.kind.startswith("d") and h.kind[1:].isdigit():
        digits = re.findall(r"\d+", number)
        if digits:
            return tuple(int(d) for d in digits)
    if " " in number:  # "Article 4", "Section IV"
        number = number.rsplit(" ", 1)[1]
    value = _single(number)
    return None if value is None else (value,)


def _push(stack: list[_Open], item: _Open) -> None:
    while stack and stack[-1].rank >= item.rank:
        stack.pop()
    stack.append(item)


def _expected(item: _Open, stack: list[_Open], *, loose: bool) -> bool:
    """Does the numbering expect `item` here: the next of an open heading of its kind, or the
    first sub-clause of an open heading? `loose` (after a sentence end) also takes a dotted
    number out of order within its parent (10.4 … 10.2)."""
    for s in reversed(stack):
        if s.kind == item.kind and len(s.path) == len(item.path) and s.path[:-1] == item.path[:-1]:
            if item.path[-1] == s.path[-1] + 1:
                return True
            dotted = len(item.path) > 1
            return loose and dotted and 1 <= item.path[-1] <= s.path[-1] + 3 and item.path != s.path
    if item.path[-1] != 1:
        return False
    if len(item.path) > 1:
        return any(s.path == item.path[:-1] for s in stack)
    return not stack or item.rank > stack[-1].rank


def _boundary(line: str, i: int) -> str | None:
    """How a candidate heading at `i` is separated from the text before it: "end" (start of the
    block, a sentence end, or a space in Chinese text), "word" (a space after an English word that
    is not a reference word such as "clause" or "to"), "glued" (right after a Chinese character or
    a closing bracket), or None (inside a word or a number)."""
    if i == 0:
        return "end"
    before = line[max(0, i - 60) : i]
    stripped = before.rstrip()
    if not stripped:
        return "end"
    q = stripped[-1]
    if q in _SENTENCE_END or "\u2500" <= q <= "\u257f" or (q in ".．" and not stripped[-2:-1].isdigit()):
        return "end"  # a sentence end, a full stop not inside a number, or a table's border
    if len(stripped) < len(before):  # a space before the candidate
        if q in _CLOSING or _CJK.match(q):
            return "end"
        word = stripped.rsplit(None, 1)[-1].lower().strip("\"'(")
        return None if word in _REFERENCE_WORDS or not word[-1:].isalnum() else "word"
    if q in _CLOSING or (_CJK.match(q) and q not in _REFERENCE_LEAD):
        return "glued"
    return None


def _accepts(h: Heading, item: _Open, how: str, stack: list[_Open], head: str) -> bool:
    """`head`: the number as written with its separator (「第二条、」 of 「第二条、第三条的」)."""
    # 「第二条约定」 is a reference; 「1.1 约定…」, with a space after the number, is a heading whose
    # text starts with 约定/规定
    titled = head[-1:].isspace() and h.rest[:2] in ("约定", "规定")
    if (_NOT_HEADING_AFTER.match(h.rest) and not titled) or (
        head.rstrip()[-1:] in "、，," and h.rest[:1] in _LISTED
    ):
        return False
    if how == "end":
        return _expected(item, stack, loose=True)
    if how == "word":  # English: "… of purchase 1. GENERAL These …", never "… to Article 4 …"
        return h.rest[:1].isupper() and _expected(item, stack, loose=False)
    return h.kind in _GLUED_KINDS and _expected(item, stack, loose=False)


def _opened(headings: Iterable[Heading | None]) -> list[_Open]:
    stack: list[_Open] = []
    for h in headings:
        path = heading_path(h) if h is not None else None
        if h is not None and path is not None:
            _push(stack, _Open(h.kind, h.rank, path))
    return stack


def split_run_on(line: str, before: Iterable[Heading | None] = ()) -> list[str]:
    """`line` cut before each clause heading that runs inside it (see the module docstring);
    `before` are the headings of the blocks above it, whose numbering continues here. A line
    shorter than RUN_ON_MIN_CHARS is returned whole."""
    if len(line) < RUN_ON_MIN_CHARS:
        return [line]
    stack = _opened(before)
    first = detect_heading(line)
    first_path = heading_path(first) if first is not None else None
    if first is not None and first_path is not None:
        _push(stack, _Open(first.kind, first.rank, first_path))
    cuts = [0]
    for m in _CANDIDATE.finditer(line, 1):
        i = m.start()
        how = _boundary(line, i)
        if how is None:
            continue
        probe = line[i : i + _PROBE]
        h = detect_heading(probe)
        path = heading_path(h) if h is not None else None
        if h is None or path is None:
            continue
        item = _Open(h.kind, h.rank, path)
        if _accepts(h, item, how, stack, probe[: len(probe) - len(h.rest)]):
            cuts.append(i)
            _push(stack, item)
    pieces = [line[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(line)], strict=True)]
    return [p for p in pieces if p]
