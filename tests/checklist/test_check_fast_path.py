"""The fast path of `check_text` (headings detected once while reading, one keyword scan over the
whole contract, number extraction cached across the rules of a clause, rules and regex searches
skipped where the clause lacks a string every match needs, ligature regexes skipped where they
cannot match) gives exactly the findings and key terms of the slow path: clauses split by
detecting every heading again, no cached numbers, every regex of every candidate run. Over
generated mixes of the packs' own examples, and every corpus contract; the same with the
pure-Python automaton."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shipped_packs import RULES  # the shipped packs, loaded once for all checklist tests

from bidassist.checklist import check_text, engine, literals, scan
from bidassist.checklist.api import run_units
from bidassist.checklist.engine import _extract, _extract_cached, extract_numbers
from bidassist.checklist.literals import match_starts, pattern_literals, search_from
from bidassist.checklist.result import CheckResult
from bidassist.checklist.rules import normalise
from bidassist.checklist.scan import absent, scanner_for
from bidassist.checklist.units import units_from_clauses
from bidassist.core import automaton, numbers
from bidassist.reading import split_clauses, text_blocks

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpora" / "contracts"
EXAMPLES = sorted(
    {ex for r in RULES.rules for ex in r.rule.examples.match + r.rule.examples.no_match}
    | {"乙方应按照国家有关标准和招标文件的技术要求组织生产和安装。", "All notices shall be in writing."}
)
HEADS = ["第一条 付款", "第十二条 违约责任", "一、总则", "Article 3. Payment", "7.2", "(a)", "1.", ""]


def _slow(text: str) -> CheckResult:
    _extract_cached.cache_clear()
    clauses = split_clauses(text_blocks(text, "text"))  # headings detected again, as before
    literals.ENABLED = numbers.PREFILTER = False
    try:
        return run_units(units_from_clauses(clauses), RULES, name="text")
    finally:
        literals.ENABLED = numbers.PREFILTER = True


def _same(fast: CheckResult, slow: CheckResult) -> None:
    assert fast.findings == slow.findings  # dataclasses: every field
    assert fast.clauses == slow.clauses
    assert fast.clause_count == slow.clause_count


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(HEADS), st.sampled_from(EXAMPLES)), min_size=1, max_size=14))
def test_fast_path_equals_slow_path_on_mixed_pack_examples(parts: list[tuple[str, str]]) -> None:
    text = "\n".join(f"{head} {body}".strip() for head, body in parts)
    slow = _slow(text)
    assert slow.findings or slow.clauses or slow.clause_count  # the mix is read as clauses
    _same(check_text(text, RULES), slow)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*/*.txt")), ids=lambda p: p.name)
def test_fast_path_equals_slow_path_on_corpus_contracts(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _same(check_text(text, RULES), _slow(text))


def test_the_pure_python_automaton_gives_the_same_findings() -> None:
    """Without pyahocorasick (core/automaton.py's fallback), every corpus contract's check is the same."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))]
    fast = [check_text(t, RULES) for t in texts]
    automaton.FORCE_PURE = True
    scan._SCANNERS.clear()
    try:
        pure = [check_text(t, RULES) for t in texts]
    finally:
        automaton.FORCE_PURE = False
        scan._SCANNERS.clear()
    for a, b in zip(fast, pure, strict=True):
        _same(b, a)
    assert sum(len(r.findings) for r in fast) > 0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=3),
    st.sampled_from(["percent", "days", "months", "amount", "daily_rate"]),
)
def test_cached_numbers_equal_a_fresh_extraction(parts: list[str], kind: str) -> None:
    text = " ".join(parts)
    first = extract_numbers(kind, text)
    first.clear()  # a caller changing its list does not change the cache
    assert extract_numbers(kind, text) == _extract(kind, text)


def test_the_gate_skips_searches_and_never_a_match() -> None:
    """Every pattern with gate strings: on each pack example, a skipped search is one that fails."""
    skipped = 0
    for lang in ("zh", "en"):
        scanner = scanner_for(RULES, lang)
        gated = scanner.gated()
        for text in EXAMPLES:
            norm = normalise(text)
            present = scanner.present(norm)
            for p, need in gated:
                if absent(need, present):
                    skipped += 1
                    assert p.search(norm) is None, (p.pattern, text)
    assert skipped > 0


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (r"\bpay[\s-]*(?:when|if)[\s-]*paid", {frozenset({"pay"}), frozenset({"paid"})}),
        (r"(?:逾期|迟延)交货", {frozenset({"逾期", "迟延"}), frozenset({"交货"})}),
        (r"\b(?:within)?\s*days", {frozenset({"days"})}),
    ],
)
def test_gate_strings_of_a_pattern(pattern: str, needed: set[frozenset[str]]) -> None:
    found = pattern_literals(re.compile(pattern, re.IGNORECASE))
    assert found is not None and set(found) == needed


def _languages_by_counting(text: str) -> set[str]:
    """The rule languages_of implements, by counting (its fast path skips counting when one
    script is absent)."""
    head = text[:4000]
    cjk, words = len(engine._CJK.findall(head)), len(engine._LATIN_WORD.findall(head))
    if cjk >= 20 and words >= 20:
        return {"zh", "en"}
    if cjk == 0 and words == 0:
        return {"zh"}
    return {"zh"} if cjk >= words else {"en"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["合同", "a", "ab ", "The ", "，", "1", " ", "乙方应", "xxx"]), max_size=60))
def test_languages_of_equals_counting(parts: list[str]) -> None:
    text = "".join(parts)
    assert engine.languages_of(text) == _languages_by_counting(text)


STARTED = [
    (p, f) for r in RULES.rules for p in (*r.any, *r.all, *r.none) if (f := match_starts(p)) is not None
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([*EXAMPLES, " ", "ſhall", "\u212a", "ı", "Payment. "]), min_size=1, max_size=4)
)
def test_search_from_the_match_starts_equals_search(parts: list[str]) -> None:
    """A pattern tried only where one of its start strings stands finds search's first match."""
    norm = normalise(" ".join(parts))
    gate_text = literals.folded(norm)
    assert STARTED
    for p, starts in STARTED:
        got, want = search_from(p, starts, norm, gate_text), p.search(norm)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), p.pattern


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\bpay[\s-]*(?:when|if)[\s-]*paid", {"pay"}),
        (r"\b(?:sole|only)\s+supplier", {"sole", "only"}),
        (r"(?:逾期|迟延)交货", None),  # no letter: re scans for the first character itself
        # an alternative opening with a lookbehind: re has no first characters to scan for
        (r"(?:乙方|(?<!总)承包人)[^。]{0,9}逾期", {"乙方", "承包人"}),
        (r"(?<!向)(?:乙方|供应商)逾期", {"乙方", "供应商"}),
        (r"\b(?<![\w-])(?:buyer|owner)\b", {"buyer", "owner"}),  # lookarounds add no characters
        (r"(?=乙方)", None),
        (r"[a-z]+ment", None),
        # an optional start: the match starts with it or with what follows it
        (r"(?:乙方|(?:劳务|专业)?分包人)逾期", {"乙方", "劳务", "专业", "分包人"}),
        (r"(?:the\s+)?(?:buyer|owner)\b", {"the", "buyer", "owner"}),
        (r"(?:a)?(?:b)??\bcd", {"a", "b", "cd"}),
        (r"(?:劳务|)?分包人", None),  # the optional part may be empty: its start is not known
        (r"(?:劳务)?[甲乙]方", None),  # what follows starts with a class
        (r"x(?:劳务)?", {"x"}),
        (r"(?:劳务)?", None),  # nothing follows: a match may be empty
    ],
)
def test_match_starts_of_a_pattern(pattern: str, starts: set[str] | None) -> None:
    found = match_starts(re.compile(pattern, re.IGNORECASE))
    assert (set(found) if found is not None else None) == starts


OPTIONAL_STARTS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?:乙方|(?<!总)承包人|(?:劳务|专业)?分包人|(?:施工|劳务)?分包商)[^。]{0,6}?逾期",
        r"\b(?:(?:the\s+)?(?:main\s+)?contractor|(?:service\s+)?provider)\b",
        r"(?:每)??(?:逾期|迟延)?(?:一天|1日|半日)",
        r"(?:per\s+)?(?:calendar\s+)?day",
    )
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "乙方",
                "总",
                "承包人",
                "劳务",
                "专业",
                "分包人",
                "分包商",
                "施工",
                "逾期",
                "每",
                "迟延",
                "一",
                "1",
                "日",
                "天",
                "半",
                "。",
                " ",
                "the ",
                "The ",
                "main ",
                "contractor",
                "service ",
                "provider",
                "ſervice ",
                "x",
                "per ",
                "calendar ",
                "day",
                "Day",
            ]
        ),
        max_size=16,
    )
)
def test_optional_match_starts_find_what_search_finds(parts: list[str]) -> None:
    """A pattern whose match may start with an optional part (or with what follows it) tried only
    where a start string stands finds search's first match and finditer's matches."""
    norm = normalise("".join(parts))
    gate_text = literals.folded(norm)
    for p in OPTIONAL_STARTS:
        starts = match_starts(p)
        assert starts is not None, p.pattern
        got, want = search_from(p, starts, norm, gate_text), p.search(norm)
        assert (got and got.span()) == (want and want.span()), p.pattern
        assert [m.span() for m in literals.finditer_from(p, starts, norm)] == [
            m.span() for m in p.finditer(norm)
        ]


@given(st.text(alphabet=st.sampled_from("aZ1 \u3000％．０９ＡＺａｚ合同İıſK\uff5b\uff0f"), max_size=30))
def test_normalise_equals_translating_every_character(s: str) -> None:
    """normalise translates only text holding a full-width character: the same as translating all."""
    from bidassist.checklist.rules import _WIDE_TABLE

    assert normalise(s) == s.translate(_WIDE_TABLE).lower()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Supplier",
                "SUPPLIER",
                "supplier",
                "ſupplier",
                "Main Contractor",
                "main contractor",
                "Sub-Contractor",
                "Service Provider",
                "Owner",
                "OWNERS",
                "İ",
                "ı",
                "\u212a",
                "Client",
                "cLIENT",
                "Buyer",
                "buyerX",
                "x",
                " ",
                "-",
                ".",
                "\n",
                "乙方",
                "甲方",
            ]
        ),
        max_size=14,
    )
)
def test_finditer_from_the_match_starts_equals_finditer(parts: list[str]) -> None:
    """The party words' pattern tried only where a role word starts finds every match finditer finds."""
    from bidassist.checklist.parties import _EN_USAGE, _EN_USAGE_STARTS

    text = "".join(parts)
    got = [(m.span(), m.group(1)) for m in literals.finditer_from(_EN_USAGE, _EN_USAGE_STARTS, text)]
    assert got == [(m.span(), m.group(1)) for m in _EN_USAGE.finditer(text)]
    for p, starts in STARTED[:40]:
        norm = normalise(text)
        assert [m.span() for m in literals.finditer_from(p, starts, norm)] == [
            m.span() for m in p.finditer(norm)
        ]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*EXAMPLES, "ſ", "\u212a"]), min_size=1, max_size=12))
def test_joined_may_match_keeps_every_clause_a_pattern_matches(parts: list[str]) -> None:
    """The clauses may_match leaves are those cannot_match leaves, so none a pattern matches is lost."""
    norms = [normalise(p) for p in parts]
    joined = literals.Joined(norms)
    for p, _need in scanner_for(RULES, "zh").gated()[:80] + scanner_for(RULES, "en").gated()[:80]:
        want = [i for i, n in enumerate(norms) if not literals.cannot_match(p, n)]
        assert joined.may_match(p) == want
        assert all(i in want for i, n in enumerate(norms) if p.search(n))


def _reference_vector(m, text: str):
    """The clause model's vector as first written: a Counter of the n-gram list, a Python loop."""
    from collections import Counter

    import numpy as np

    from bidassist.checklist.model import features

    pairs = [(m.vocab[g], c) for g, c in Counter(features(text, m.lang)).items() if g in m.vocab]
    if not pairs:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    idx = np.array([i for i, _ in pairs], dtype=np.int64)
    x = (1.0 + np.log(np.array([c for _, c in pairs], dtype=np.float64))) * m.idf[idx]
    return idx, x / np.linalg.norm(x)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_model_vectors_and_keyword_gates_equal_the_plain_loops(lang: str) -> None:
    """The model's n-gram counts (C-level maps), vectors and keyword gates (one automaton pass)
    are exactly those of the plain loops, bit for bit, on corpus clauses and the packs' examples."""
    import numpy as np

    from bidassist.checklist.model import Keywords, default_layer

    m = default_layer().models[lang]
    texts = [
        normalise(line)
        for p in sorted(CORPUS.glob(f"{lang}/*.txt"))[:12]
        for line in p.read_text("utf-8").split("\n")
    ]
    texts += [normalise(t) for t in EXAMPLES] + ["", "a", " 甲 ", "ab  c"]
    groups = {i: tuple(r.keywords) for i, r in enumerate(RULES.rules) if r.language == lang}
    groups["empty"] = ()
    gates = Keywords(groups)
    for text in texts:
        idx, x = m.vector(text)
        ref_idx, ref_x = _reference_vector(m, text)
        assert np.array_equal(idx, ref_idx) and np.array_equal(x, ref_x)
        present = gates.present(text)
        for key, words in groups.items():
            assert gates.holds(key, present) == any(k in text for k in words)


def _hits_of_joined(scanner: scan.Scanner, norms: list[str]) -> dict[int, set[int]]:
    """The words of each clause as one scan of the joined clauses finds them, mapped by position."""
    joined = scan.SEPARATOR.join(norms)
    starts, pos = [], 0
    for n in norms:
        starts.append(pos)
        pos += len(n) + 1
    found: dict[int, set[int]] = {}
    for end, k in scanner.automaton.iter(joined):
        u = max(i for i, s in enumerate(starts) if s <= end)
        found.setdefault(u, set()).add(k)
    return found


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*EXAMPLES, "", " ", "ſ"]), min_size=1, max_size=12))
def test_each_clause_scanned_alone_finds_the_joined_scans_words(parts: list[str]) -> None:
    norms = [normalise(p) for p in parts]
    for lang in ("zh", "en"):
        scanner = scanner_for(RULES, lang)
        assert scanner._hits(norms) == _hits_of_joined(scanner, norms)
