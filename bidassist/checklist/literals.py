"""A literal gate for the rules' regexes: from each pattern's parse tree, a set of strings of
which every match must contain at least one ("pay" for `\\bpay[\\s-]*(?:when|if)[\\s-]*paid`,
{"when", "once"} for `(?:when|once)\\s+paid`). One Aho–Corasick pass over a clause finds which of
these strings it holds (checklist/scan.py); a pattern none of whose strings is there cannot
match, so its search is skipped. The gate only ever skips a search that would have failed: findings are unchanged.

The clause text is `normalise`d (lower case) and every pattern is case-insensitive; a literal
character is used only where its case-insensitive matches in lower-case text are known: ASCII
letters (with the four non-ASCII characters that match them: ı İ ſ K) and characters without case
(CJK, digits, punctuation). Anything else ends the literal.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re

# the parse tree's opcodes (stable since Python 3.11); typeshed stubs only the deprecated sre_* names
import re._compiler as sre_compile  # type: ignore[import-not-found]
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import Any

#: non-ASCII characters a case-insensitive ASCII letter matches (Python's re equivalences)
_FOLD = str.maketrans({"\u0131": "i", "\u0130": "i", "\u017f": "s", "\u212a": "k"})
_FOLD_CHARS = frozenset("\u0131\u0130\u017f\u212a")
#: the gate is on; the identity tests turn it off to compare with the slow path (every regex run)
ENABLED = True
#: a literal this short in ASCII is in almost every clause: no use as a gate
MIN_ASCII = 3

Search = Callable[[re.Pattern, str], "re.Match | None"]


def _usable(ch: str) -> bool:
    """ASCII, or a character without case (CJK, punctuation) that only matches itself."""
    if ch.isascii():
        return True
    return ch not in _FOLD_CHARS and ch.lower() == ch == ch.upper()


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective candidate: the one whose shortest string is longest."""
    return max(candidates, key=lambda c: min(len(s) for s in c), default=None)


def _node(op: object, av: object) -> frozenset[str] | None:
    """The necessary strings of one non-literal node, or None."""
    if op is sre.SUBPATTERN:
        return necessary(av[-1])  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return necessary(av)  # type: ignore[arg-type]
    if op is sre.BRANCH:
        alts = [necessary(b) for b in av[1]]  # type: ignore[index]
        if any(a is None for a in alts):
            return None
        return frozenset().union(*alts)  # type: ignore[arg-type]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:  # type: ignore[index]
        return necessary(av[2])  # type: ignore[index]
    return None


def necessary(seq: Iterable) -> frozenset[str] | None:
    """Strings (lower case) one of which every match of this parsed sequence contains, or None."""
    return _best(requirements(seq))


def requirements(seq: Iterable) -> list[frozenset[str]]:
    """Every necessary string set of the sequence: a match holds a string of each."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in seq:
        if op is sre.LITERAL and _usable(chr(av)):
            run.append(chr(av).lower())
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        found = _node(op, av)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset(["".join(run)]))
    return candidates


def _literal_run(items: list, i: int) -> str:
    """The usable literal characters from items[i] on, lower-cased."""
    run: list[str] = []
    while i < len(items) and items[i][0] is sre.LITERAL and _usable(chr(items[i][1])):
        run.append(chr(items[i][1]).lower())
        i += 1
    return "".join(run)


#: zero-width items a match's first characters follow (anchors, lookarounds)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def first_strings(seq: Iterable) -> frozenset[str] | None:
    """Strings (lower case) one of which every match of the parsed sequence starts with (after
    zero-width assertions such as \\b), or None when that is not known."""
    items = list(seq)
    i = 0
    while i < len(items) and items[i][0] in _ZERO_WIDTH:  # \b, (?<!总), (?=…): no characters
        i += 1
    if i == len(items):
        return None
    op, av = items[i]
    if op is sre.LITERAL:
        return frozenset([run]) if (run := _literal_run(items, i)) else None
    if op is sre.SUBPATTERN:
        return None if av[1] or av[2] else first_strings(av[-1])  # inline flags: not known
    if op is sre.BRANCH:
        alts = [first_strings(b) for b in av[1]]
        return None if any(a is None for a in alts) else frozenset().union(*alts)  # type: ignore[arg-type]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        if av[0] >= 1:
            return first_strings(av[2])
        # an optional start ((?:劳务|专业)?分包人, (?:the\s+)?buyer): the match starts with it or,
        # when it is left out, with what follows it
        body, rest = first_strings(av[2]), first_strings(items[i + 1 :])
        return None if body is None or rest is None else body | rest
    return None


#: where a match may start, per (source, flags): None where CPython's re finds the start itself
_STARTS: dict[tuple[str, int], frozenset[str] | None] = {}


def match_starts(pattern: re.Pattern) -> frozenset[str] | None:
    """The strings every match of the pattern starts with, when one holds an ASCII letter (re has
    no fast scan for a case-insensitive first letter; searching for the strings and trying the
    pattern only where one stands is faster, and finds the same first match), else None."""
    key = (pattern.pattern, pattern.flags)
    if key not in _STARTS:
        try:
            found = _starts_of(sre_parse.parse(pattern.pattern, pattern.flags))
        except re.error:  # pragma: no cover - the pattern compiled, so it parses
            found = None
        _remember(_STARTS, key, found)
    return _STARTS[key]


def _starts_of(tree: Iterable) -> frozenset[str] | None:
    """match_starts of a parsed pattern."""
    found = first_strings(tree)
    if found is None or any(ch.isascii() and ch.isalpha() for s in found for ch in s[:1]):
        return found
    return None if _fast_scan(tree) else found


def _fast_scan(tree: sre_parse.SubPattern) -> bool:
    """Does CPython's re find where a match may start by itself (a literal prefix or a set of
    first characters)? Not when an alternative opens with a lookaround ((?<!总)承包人|乙方…): re
    then tries the whole pattern at every character, slower than looking for the start strings."""
    try:
        flags = tree.state.flags
        prefix, _skip, _all = sre_compile._get_literal_prefix(tree, flags)
        return bool(prefix) or sre_compile._get_charset_prefix(tree, flags) is not None
    except Exception:  # pragma: no cover - another CPython's internals: leave it to re
        return True


def _remember(cache: dict, key: tuple[str, int], value: object) -> None:
    if len(cache) >= MAX_DERIVED:
        cache.clear()
    cache[key] = value


def search_from(pattern: re.Pattern, starts: frozenset[str], text: str, gate_text: str) -> re.Match | None:
    """`pattern.search(text)` for a pattern whose matches all start with one of `starts`: the
    pattern is tried only where one of them stands in `gate_text` (the text read with ı ſ K as
    i s k, same length), left to right, so the first match is the one search finds."""
    where: set[int] = set()
    for s in starts:
        i = gate_text.find(s)
        while i != -1:
            where.add(i)
            i = gate_text.find(s, i + 1)
    for i in sorted(where):
        m = pattern.match(text, i)
        if m is not None:
            return m
    return None


def finditer_from(pattern: re.Pattern, starts: frozenset[str], text: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a pattern whose matches all start with one of `starts` (lower
    case, non-empty) when read case-insensitively: the pattern is tried only where one of them
    stands in the text read in lower case (ı İ ſ K as i i s k, same length), left to right, each
    try after the last match's end."""
    gate = (folded(text) if needs_fold(text) else text).lower()
    where: set[int] = set()
    for s in starts:
        i = gate.find(s)
        while i != -1:
            where.add(i)
            i = gate.find(s, i + 1)
    end = 0
    for i in sorted(where):
        if i < end:
            continue
        m = pattern.match(text, i)
        if m is not None:
            yield m
            end = m.end()


def finditer(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, through finditer_from when the pattern's match starts are known."""
    starts = match_starts(pattern) if ENABLED else None
    return pattern.finditer(text) if starts is None else finditer_from(pattern, starts, text)


def _selective(strings: frozenset[str]) -> bool:
    return all(not s.isascii() or len(s) >= MIN_ASCII for s in strings)


#: gate strings per (source, flags): the role variants of a rule set share most patterns
_DERIVED: dict[tuple[str, int], tuple[frozenset[str], ...] | None] = {}
MAX_DERIVED = 20_000


def pattern_literals(pattern: re.Pattern) -> tuple[frozenset[str], ...] | None:
    """The gate string sets of a compiled pattern (a match holds one string of each), or None
    when it has no selective ones."""
    key = (pattern.pattern, pattern.flags)
    if key in _DERIVED:
        return _DERIVED[key]
    try:
        found = _gate_sets(sre_parse.parse(pattern.pattern, pattern.flags))
    except re.error:  # pragma: no cover - the pattern compiled, so it parses
        found = None
    _remember(_DERIVED, key, found)
    return _DERIVED[key]


def _gate_sets(tree: Iterable) -> tuple[frozenset[str], ...] | None:
    """pattern_literals of a parsed pattern."""
    return tuple(f for f in requirements(tree) if _selective(f)) or None


#: compile_derived parses a source once (off: re.compile, the slow path of the identity tests)
ONE_PARSE = True

#: what `_sre.compile` is given for a pattern, and what is derived from its parse tree:
#: (flags, code, groups - 1, groupindex, indexgroup, pattern_literals, match_starts)
Parts = tuple[
    int,
    list[int],
    int,
    dict[str, int],
    tuple["str | None", ...],
    "tuple[frozenset[str], ...] | None",
    "frozenset[str] | None",
]


def compile_derived(source: str, flags: int) -> re.Pattern:
    """`re.compile(source, flags)`, with the source parsed once for the compiled pattern and for
    its gate strings and match starts (pattern_literals and match_starts would parse it twice
    more): what a rule-set variant's new role patterns cost is mostly parsing. A source with
    inline global flags is compiled by re.compile."""
    return compile_parts(source, flags)[0]


def compile_parts(source: str, flags: int) -> tuple[re.Pattern, Parts | None]:
    """compile_derived, and the pattern's Parts (None when re.compile made it): what
    checklist/patterncache.py keeps to make the same pattern again without parsing."""
    flags = int(flags)
    if not ONE_PARSE:
        return re.compile(source, flags), None
    tree = sre_parse.parse(source, flags)
    full = flags | tree.state.flags
    if full != flags | re.UNICODE:
        return re.compile(source, flags), None
    gates = _gate_sets(tree)  # read from the tree before _code walks it
    starts = _starts_of(tree)
    code = sre_compile._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    parts: Parts = (full, code, tree.state.groups - 1, groupindex, tuple(indexgroup), gates, starts)
    return from_parts(source, parts), parts


def from_parts(source: str, parts: Parts) -> re.Pattern:
    """The pattern re.compile(source, flags) makes, from its Parts (re._compiler.compile given
    the parse tree, with the source kept as the pattern's text); the gate strings and match
    starts are remembered as pattern_literals and match_starts would derive them."""
    full, code, groups, groupindex, indexgroup, gates, starts = parts
    pattern = _sre.compile(source, full, code, groups, groupindex, indexgroup)
    key = (source, full)
    if key not in _DERIVED:
        _remember(_DERIVED, key, gates)
    if key not in _STARTS:
        _remember(_STARTS, key, starts)
    return pattern


def cannot_match(pattern: re.Pattern, norm: str) -> bool:
    """True when the (normalised) text lacks every string of one of the pattern's gate sets, so
    `pattern.search(norm)` is None; False when it may match."""
    need = pattern_literals(pattern) if ENABLED else None
    if need is None:
        return False
    if any(ch in norm for ch in _FOLD_CHARS):
        norm = norm.translate(_FOLD)
    return any(not any(s in norm for s in f) for f in need)


class Joined:
    """Clauses (normalised) joined by newlines, to find at once which clauses may match a pattern."""

    def __init__(self, norms: list[str]):
        self.norms = norms
        self.whole = "\n".join(norms)
        self._gate_text = folded(self.whole) if needs_fold(self.whole) else self.whole
        self.starts: list[int] = []
        pos = 0
        for n in norms:
            self.starts.append(pos)
            pos += len(n) + 1
        self.starts.append(pos)  # sentinel

    def may_match(self, pattern: re.Pattern) -> list[int]:
        """The indices of the clauses `cannot_match` does not rule out for the pattern, in order."""
        need = pattern_literals(pattern) if ENABLED else None
        if need is None or any("\n" in s for f in need for s in f):
            return [i for i, n in enumerate(self.norms) if not cannot_match(pattern, n)]
        # the requirement of fewest strings is looked for in the whole text (one scan per string),
        # the others only in the clauses it leaves
        first, *rest = sorted(need, key=len)
        found = sorted({u for s in first for u in self._clauses_with(s)})
        if rest and found:
            texts = self._gate_norms()
            for f in rest:
                found = [u for u in found if any(s in texts[u] for s in f)]
        return found

    def _gate_norms(self) -> list[str]:
        """Each clause as the gate strings are looked for in it (ı ſ K as i s k)."""
        if self._gate_text is self.whole:
            return self.norms
        return [folded(n) for n in self.norms]

    def _clauses_with(self, s: str) -> list[int]:
        out: list[int] = []
        text, starts = self._gate_text, self.starts
        i = text.find(s)
        while i != -1:
            u = bisect_right(starts, i) - 1
            out.append(u)
            i = text.find(s, starts[u + 1])
        return out


def needs_fold(norm: str) -> bool:
    """The text holds a non-ASCII character a case-insensitive ASCII letter matches."""
    return any(ch in norm for ch in _FOLD_CHARS)


def folded(norm: str) -> str:
    """The text with ı İ ſ K read as i i s k (how the gate strings are looked for)."""
    return norm.translate(_FOLD)


def plain_search(p: re.Pattern, text: str) -> re.Match | None:
    return p.search(text)


#: stands for a party's words (the role placeholders) when a rule's gate strings are derived from
#: its template: a private-use character no contract holds. A gate set or start string holding it is
#: dropped, so what is left holds whatever words a contract gives its parties.
ROLE_SENTINEL = "\ue000"

#: a template's (flags, gate sets, match starts) with the role words left out (role_free)
RoleFree = tuple[int, "tuple[frozenset[str], ...] | None", "frozenset[str] | None"]


def role_free(pattern: re.Pattern) -> RoleFree:
    """The gate sets and match starts of a template compiled with ROLE_SENTINEL for each role,
    less every one that holds it: a necessary condition of the template with any role words (the
    role words sit in a group of their own, so the rest of the parse is the same)."""
    gates = pattern_literals(pattern)
    kept = tuple(f for f in gates or () if not any(ROLE_SENTINEL in s for s in f)) or None
    starts = match_starts(pattern)
    if starts is not None and any(ROLE_SENTINEL in s for s in starts):
        starts = None
    return pattern.flags, kept, starts


class LazyPattern:
    """A rule-set variant's pattern (this contract's party words put into a template), compiled
    on its first search. Its gate sets and match starts are the template's (role_free), known
    without parsing the source, so the scanner of a variant needs no compile; most of a variant's
    patterns are never searched (their rule's keywords are not in the contract)."""

    __slots__ = ("pattern", "flags", "_make", "_compiled")

    def __init__(self, source: str, derived: RoleFree, make: Callable[[str], re.Pattern]) -> None:
        self.pattern = source
        self.flags, gates, starts = derived
        self._make = make
        self._compiled: re.Pattern | None = None
        key = (source, self.flags)
        _remember(_DERIVED, key, gates)
        _remember(_STARTS, key, starts)

    def compiled(self) -> re.Pattern:
        got = self._compiled
        if got is None:
            got = self._compiled = self._make(self.pattern)
        return got

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().sub(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().split(*args, **kwargs)

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self.compiled().groupindex)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r})"
