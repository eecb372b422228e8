"""One Aho–Corasick automaton per language for every keyword of every rule and term, run over each
clause of a contract; then, for the candidates only, the literal gate (checklist/literals.py).

Each clause's normalised text is scanned on its own, so no occurrence spans two clauses. Per
clause this gives the candidate rules and terms (a keyword of theirs is there). A candidate none of whose `any`
patterns can match, or one of whose `all` patterns cannot (a string every match needs is
missing from the clause), is not run at all; within a run, a pattern that cannot match is not
searched. Findings are those of running every regex on every candidate clause.

Gate strings found in a quarter of the packs' example clauses (乙方, shall) rule out almost
nothing, so requirements holding one are not used (COMMON_SHARE).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from bidassist.core.automaton import new_automaton

from . import literals
from .literals import Search, match_starts, pattern_literals, plain_search, search_from
from .rules import CompiledRule, CompiledTerm, RuleSet, normalise

#: joins the clauses in one scanned text; no keyword may contain it
SEPARATOR = "\x00"
#: a pattern's gate: per requirement, the ids of its strings (a match holds one of each)
Need = tuple[frozenset[int], ...]
#: a rule's or term's gate: the needs of its `any` patterns (None: one is ungated), of its `all` ones
Gate = tuple["frozenset[int] | None", "tuple[Need, ...]"]
#: an `any` pattern as Scanner.first_matches tries it: (pattern, its first requirement or None
#: when ungated, its other requirements, the strings its matches start with or None)
Planned = tuple[re.Pattern, "frozenset[int] | None", Need, "frozenset[str] | None"]
#: a gate string in at least this share of the packs' example clauses gates almost nothing and
#: costs an automaton hit in nearly every clause: requirements holding one are not used
COMMON_SHARE = 0.25


@dataclass
class Candidates:
    """What the scan found in one clause for one language."""

    rules: list[int]  #: indices into RuleSet.rules, ascending
    terms: list[int]  #: indices into RuleSet.terms, ascending
    #: ids of the words in the clause (read with ı ſ K as i s k); None: the gate is off
    present: frozenset[int] | None


class Scanner:
    """The automaton of one rule set in one language, and each pattern's gate in word ids."""

    def __init__(self, ruleset: RuleSet, lang: str):
        rules = [(i, r) for i, r in enumerate(ruleset.rules) if r.language == lang]
        terms = [(i, t) for i, t in enumerate(ruleset.terms) if t.language == lang]
        self.words: dict[str, int] = {}
        by_word: dict[int, tuple[set[int], set[int]]] = {}
        for i, r in rules:
            for k in r.keywords:
                by_word.setdefault(self._word(k), (set(), set()))[0].add(i)
        for i, t in terms:
            for k in t.keywords:
                by_word.setdefault(self._word(k), (set(), set()))[1].add(i)
        #: keyword id -> (rule indices, term indices) it makes candidates
        self.payload = {k: (tuple(sorted(rs)), tuple(sorted(ts))) for k, (rs, ts) in by_word.items()}
        items = _items(ruleset, lang)
        self._patterns = [p for it in items for p in (*it.any, *it.all, *it.none)]  # keeps their ids alive
        self.needs = self._gates(self._patterns, _examples(items))  # id(pattern) -> its gate
        #: id(pattern) -> the strings its matches start with (literals.match_starts)
        self.starts = {id(p): f for p in self._patterns if (f := match_starts(p)) is not None}
        self.automaton = new_automaton()
        for word, kid in self.words.items():
            self.automaton.add_word(word, kid)
        self.empty = not self.words
        if not self.empty:
            self.automaton.make_automaton()
        self.rule_gate = {i: self._rule_gate(r) for i, r in rules}
        self.term_gate = {i: self._rule_gate(t) for i, t in terms}
        #: per rule and term: each `any` pattern with its gate and start strings (first_matches)
        self.rule_any = {i: self._plan(r.any) for i, r in rules}
        self.term_any = {i: self._plan(t.any) for i, t in terms}

    def like(self, ruleset: RuleSet, lang: str) -> Scanner:
        """This scanner for another rule set of the same shape (shape_of): the automaton, the
        keyword payload and the rule gates shared, each pattern's gate and start strings taken from
        the pattern in the same place. A rule-set variant (another contract's party words) whose
        role patterns are gated by their templates (literals.LazyPattern) has the shape of every
        other variant of its rule set, so its scanner costs a copy, not a build."""
        items = _items(ruleset, lang)
        patterns = [p for it in items for p in (*it.any, *it.all, *it.none)]
        twin = object.__new__(Scanner)
        twin.words, twin.payload, twin.automaton, twin.empty = (
            self.words,
            self.payload,
            self.automaton,
            self.empty,
        )
        twin.rule_gate, twin.term_gate = self.rule_gate, self.term_gate
        twin._patterns = patterns
        twin.needs, twin.starts = {}, {}
        for old, new in zip(self._patterns, patterns, strict=True):
            if id(old) in self.needs:
                twin.needs[id(new)] = self.needs[id(old)]
            if id(old) in self.starts:
                twin.starts[id(new)] = self.starts[id(old)]
        rules = [(i, r) for i, r in enumerate(ruleset.rules) if r.language == lang]
        terms = [(i, t) for i, t in enumerate(ruleset.terms) if t.language == lang]
        twin.rule_any = {i: twin._plan(r.any) for i, r in rules}
        twin.term_any = {i: twin._plan(t.any) for i, t in terms}
        return twin

    def _plan(self, patterns: list[re.Pattern]) -> tuple[Planned, ...]:
        out: list[Planned] = []
        for p in patterns:
            need = self.needs.get(id(p))
            out.append((p, need[0] if need else None, need[1:] if need else (), self.starts.get(id(p))))
        return tuple(out)

    def _word(self, word: str) -> int:
        if SEPARATOR in word:  # pragma: no cover - packs are text
            raise ValueError(f"a keyword holds {SEPARATOR!r}: {word!r}")
        return self.words.setdefault(word, len(self.words))

    def _gates(self, patterns: list[re.Pattern], examples: list[str]) -> dict[int, Need]:
        """Each gated pattern's requirements in word ids, less those holding a common word."""
        found = {id(p): sets for p in patterns if (sets := pattern_literals(p)) is not None}
        common = common_words({s for sets in found.values() for f in sets for s in f}, examples)
        needs: dict[int, Need] = {}
        for key, sets in found.items():
            kept = tuple(frozenset(self._word(s) for s in f) for f in sets if common.isdisjoint(f))
            if kept:
                needs[key] = kept
        return needs

    def _rule_gate(self, item: CompiledRule | CompiledTerm) -> Gate | None:
        """(a regex that finds a string of one requirement of each `any` pattern - no match: none
        of them can match - or None when one of them is ungated; the needs of the gated `all`
        patterns), or None when neither can rule the item out."""
        any_ = [self.needs.get(id(p)) for p in item.any]
        any_ids = None
        if any_ and None not in any_:
            any_ids = frozenset(k for need in any_ for k in need[0])  # type: ignore[index]
        all_needs = tuple(n for p in item.all if (n := self.needs.get(id(p))) is not None)
        return None if any_ids is None and not all_needs else (any_ids, all_needs)

    def scan(self, norms: Sequence[str]) -> list[Candidates | None]:
        """Per clause (normalised text): its candidates, or None when no keyword is there."""
        out: list[Candidates | None] = [None] * len(norms)
        if self.empty or not norms:
            return out
        joined = SEPARATOR.join(norms)
        found = self._hits(norms)
        gate_on = literals.ENABLED
        fold = gate_on and literals.needs_fold(joined)
        payload = self.payload
        for u, words in found.items():
            rs: set[int] = set()
            ts: set[int] = set()
            for k in payload.keys() & words:
                r, t = payload[k]
                rs.update(r)
                ts.update(t)
            if not rs and not ts:
                continue
            present = None
            if gate_on:
                present = self.present(norms[u]) if fold else frozenset(words)
            out[u] = Candidates(sorted(rs), sorted(ts), present)
        return out

    def _hits(self, norms: Sequence[str]) -> dict[int, set[int]]:
        """Clause index -> ids of the words found in it (each clause scanned on its own: no
        keyword holds the separator, so the words are those of the joined text's scan, for less
        Python per occurrence than mapping each to its clause)."""
        found: dict[int, set[int]] = {}
        scan = self.automaton.iter
        for u, norm in enumerate(norms):
            words = {k for _end, k in scan(norm)}
            if words:
                found[u] = words
        return found

    def present(self, norm: str) -> frozenset[int]:
        """The ids of the words in one clause read as the gate reads it (ı ſ K as i s k)."""
        if self.empty:
            return frozenset()
        if literals.needs_fold(norm):
            norm = literals.folded(norm)
        return frozenset(k for _end, k in self.automaton.iter(norm))

    def possible(self, gate: Gate | None, present: frozenset[int]) -> bool:
        """False when the gate shows the rule or term cannot fire: none of its `any` patterns can
        match, or one of its `all` patterns cannot."""
        if gate is None:
            return True
        any_ids, all_ = gate
        if any_ids is not None and any_ids.isdisjoint(present):
            return False
        for need in all_:
            if absent(need, present):
                return False
        return True

    def first_matches(
        self,
        plan: tuple[Planned, ...],
        norm: str,
        gate_text: str,
        present: frozenset[int],
        stop: bool = False,
    ) -> list[re.Match]:
        """The first match of each planned pattern that has one, as searcher(norm, present) finds
        them, in the plan's order (`stop`: only up to the first)."""
        out: list[re.Match] = []
        isdisjoint = present.isdisjoint
        for p, need0, more, first in plan:
            if need0 is not None and (isdisjoint(need0) or (more and any(map(isdisjoint, more)))):
                continue  # (absent(more, present), without the call)
            m = p.search(norm) if first is None else search_from(p, first, norm, gate_text)
            if m is not None:
                out.append(m)
                if stop:
                    break
        return out

    def gated(self) -> list[tuple[re.Pattern, Need]]:
        """Every gated pattern with its gate."""
        return [(p, self.needs[id(p)]) for p in self._patterns if id(p) in self.needs]

    def searcher(self, norm: str, present: frozenset[int] | None) -> Search:
        """`p.search(text)`, except that a pattern the gate rules out in this clause is not run."""
        if present is None:
            return plain_search
        needs, starts = self.needs, self.starts
        gate_text = literals.folded(norm) if literals.needs_fold(norm) else norm

        def search(p: re.Pattern, text: str) -> re.Match | None:
            if text is not norm:
                return p.search(text)
            need = needs.get(id(p))
            if need is not None and absent(need, present):
                return None
            first = starts.get(id(p))
            return p.search(text) if first is None else search_from(p, first, text, gate_text)

        return search


def _items(ruleset: RuleSet, lang: str) -> list[CompiledRule | CompiledTerm]:
    """The rules, then the terms, of `lang`, in the rule set's order (what a scanner is built of)."""
    rules: list[CompiledRule | CompiledTerm] = [r for r in ruleset.rules if r.language == lang]
    return rules + [t for t in ruleset.terms if t.language == lang]


def shape_of(ruleset: RuleSet, lang: str) -> tuple:
    """What a scanner is built from, less the pattern objects: each rule's and term's keywords
    (the same list objects in every variant) and each pattern's gate sets and start strings (read
    from the caches literals fills when a pattern is compiled or made lazy: no parse). Two rule
    sets of one shape give the same scanner, pattern for pattern."""
    out: list[object] = [lang]
    for it in _items(ruleset, lang):
        out.append(id(it.keywords))
        for group in (it.any, it.all, it.none):
            out.append(tuple((pattern_literals(p), match_starts(p)) for p in group))
    return tuple(out)


def _examples(items: list[CompiledRule | CompiledTerm]) -> list[str]:
    """The packs' example clauses of these rules and terms, normalised."""
    out: list[str] = []
    for it in items:
        ex = it.rule.examples if isinstance(it, CompiledRule) else it.term.examples
        out.extend(normalise(t) for t in (*ex.match, *ex.no_match))
    return out


def common_words(words: set[str], examples: list[str]) -> set[str]:
    """The words found in at least COMMON_SHARE of the examples."""
    if not examples or not words:
        return set()
    auto = new_automaton()
    for w in words:
        auto.add_word(w, w)
    auto.make_automaton()
    counts: dict[str, int] = dict.fromkeys(words, 0)
    for ex in examples:
        for w in {w for _end, w in auto.iter(ex)}:
            counts[w] += 1
    return {w for w, n in counts.items() if n >= COMMON_SHARE * len(examples)}


def absent(need: Need, present: frozenset[int]) -> bool:
    """Some requirement has none of its words in the clause: the pattern cannot match."""
    for f in need:
        if f.isdisjoint(present):
            return True
    return False


#: the scanners of the last rule sets used (a rule set per contract's party words)
_SCANNERS: OrderedDict[tuple[int, str], tuple[RuleSet, Scanner]] = OrderedDict()
MAX_SCANNERS = 16
#: a scanner of each shape met lately (shape_of), from which rule sets of that shape copy theirs;
#: the keywords' ids in a shape stay valid while the scanner's rule set is held here
_SHAPES: OrderedDict[tuple, tuple[RuleSet, Scanner]] = OrderedDict()
MAX_SHAPES = 8


def scanner_for(ruleset: RuleSet, lang: str) -> Scanner:
    """The scanner of the rule set's rules and terms in `lang` (cached)."""
    key = (id(ruleset), lang)
    got = _SCANNERS.get(key)
    if got is not None and got[0] is ruleset:
        _SCANNERS.move_to_end(key)
        return got[1]
    scanner = _shaped(ruleset, lang)
    _SCANNERS[key] = (ruleset, scanner)  # holds the rule set, so its id is not reused while cached
    while len(_SCANNERS) > MAX_SCANNERS:
        _SCANNERS.popitem(last=False)
    return scanner


def _shaped(ruleset: RuleSet, lang: str) -> Scanner:
    """A scanner for the rule set: a copy of one of the same shape when one was built lately."""
    if ruleset.roles is None:  # the shared rule set: one of its kind
        return Scanner(ruleset, lang)
    shape = shape_of(ruleset, lang)
    got = _SHAPES.get(shape)
    if got is not None:
        _SHAPES.move_to_end(shape)
        return got[1].like(ruleset, lang)
    scanner = Scanner(ruleset, lang)
    _SHAPES[shape] = (ruleset, scanner)
    while len(_SHAPES) > MAX_SHAPES:
        _SHAPES.popitem(last=False)
    return scanner
