"""A contract's own party words give a rule-set variant (RuleSet.for_roles) whose role patterns are
taken from a cache by source (RuleSet.compiled), or compiled on their first search and gated until
then by their template's role-free gate strings (literals.LazyPattern), instead of compiled afresh:
the variant must equal the one compiled afresh, pattern for pattern and finding for finding."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from shipped_packs import RULES  # the shipped packs, loaded once for all checklist tests

from bidassist.checklist import literals
from bidassist.checklist.engine import check_units
from bidassist.checklist.rules import REGEX_FLAGS, CompiledRule, RuleSet, _recompiled
from bidassist.checklist.units import units_from_clauses
from bidassist.reading import split_clauses, text_blocks

VOCAB = RULES.vocabulary
ZH_NAMES = st.text(alphabet="供应商承包方建设单位服务华信科技有限公司乙丙丁", min_size=2, max_size=6)
EN_NAMES = st.from_regex(r"[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9})?", fullmatch=True)
EXAMPLES = [
    ex
    for r in RULES.rules
    if r.templates is not None
    for ex in r.rule.examples.match + r.rule.examples.no_match
]


def _mapping(zh_supplier: str, zh_buyer: str, en_supplier: str, en_buyer: str) -> dict:
    """Party words as parties.roles() gives them: the shared words plus the contract's names."""
    out: dict[str, dict[str, list[str]]] = {}
    for lang, ours, theirs in (("zh", zh_supplier, zh_buyer), ("en", en_supplier, en_buyer)):
        generic = {r: VOCAB.concepts[r].variants(lang) for r in ("supplier", "buyer", "third_party")}
        out[lang] = {
            "supplier": [*generic["supplier"], re.escape(ours)],
            "buyer": [*generic["buyer"], re.escape(theirs)],
            "third_party": generic["third_party"],
        }
    return out


def _afresh(roles: dict) -> RuleSet:
    """The variant with every role pattern compiled anew (the path before the cache)."""
    return RuleSet(
        packs=RULES.packs,
        rules=[
            _recompiled(r, VOCAB, roles, lambda t, lang, s: re.compile(s, REGEX_FLAGS)) for r in RULES.rules
        ],
        terms=RULES.terms,
        files=RULES.files,
        document=RULES.document,
        vocabulary=VOCAB,
        roles=roles,
    )


def _patterns(r: CompiledRule) -> list[re.Pattern | None]:
    return [*r.any, *r.all, *r.none, *r.sentence_none, r.near]


def _real(p: re.Pattern | None) -> re.Pattern | None:
    return p.compiled() if isinstance(p, literals.LazyPattern) else p


@settings(max_examples=8, deadline=None)
@given(ZH_NAMES, ZH_NAMES, EN_NAMES, EN_NAMES, st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=6))
def test_a_cached_variant_equals_one_compiled_afresh(
    zh_s: str, zh_b: str, en_s: str, en_b: str, examples: list[str]
) -> None:
    roles = _mapping(zh_s, zh_b, en_s, en_b)
    RULES._variants.clear()  # a fresh variant: its lazy patterns not yet compiled
    cached, afresh = RULES.for_roles(roles), _afresh(roles)
    # the contract's own names in the example clauses, checked with both variants (the lazy
    # patterns gated by their templates' role-free strings, the fresh ones by their own)
    text = "\n".join(
        ex.replace("乙方", zh_s).replace("甲方", zh_b).replace("Supplier", en_s).replace("Buyer", en_b)
        for ex in examples
    )
    units = units_from_clauses(split_clauses(text_blocks(text, "text")))
    assert check_units(units, cached) == check_units(units, afresh)
    for a, b in zip(cached.rules, afresh.rules, strict=True):
        # re.Pattern equality: source, flags and compiled code
        assert [_real(p) for p in _patterns(a)] == _patterns(b)


def test_a_variant_compiles_only_the_patterns_it_searches() -> None:
    """The scanners of a new variant are built without compiling its role patterns; a check of a
    short contract compiles a few of them, and each one's role-free gate strings are a necessary
    condition of its real pattern (every string set of the template is in the real pattern's)."""
    RULES._variants.clear()
    roles = _mapping("华信科技", "丙方单位", "Acme", "Globex")
    variant = RULES.for_roles(roles)
    lazy = [p for r in variant.rules for p in _patterns(r) if isinstance(p, literals.LazyPattern)]
    assert len(lazy) > 100
    text = "乙方逾期交货的，每逾期一日，按合同总价的1%向甲方支付违约金。\n华信科技承担全部损失。"
    check_units(units_from_clauses(split_clauses(text_blocks(text, "text"))), variant)
    compiled = [p for p in lazy if p._compiled is not None]
    assert 0 < len(compiled) < len(lazy) // 4
    for p in lazy:
        role_free = literals.pattern_literals(p) or ()  # LazyPattern: the template's, no parse
        real = literals.pattern_literals(re.compile(p.pattern, p.flags)) or ()
        assert set(role_free) <= set(real)
        starts = literals.match_starts(p)
        assert starts is None or starts == literals.match_starts(re.compile(p.pattern, p.flags))


def test_patterns_reading_the_shared_words_are_the_shared_set_s_own() -> None:
    roles = _mapping("华信科技", "丙方单位", "Acme", "Globex")
    del roles["zh"]  # the Chinese rules keep the shared words
    variant = RULES.for_roles(roles)
    zh = [(a, b) for a, b in zip(variant.rules, RULES.rules, strict=True) if a.language == "zh"]
    assert zh and all(a is b for a, b in zh)  # not recompiled at all
    en = [
        (a, b) for a, b in zip(variant.rules, RULES.rules, strict=True) if a.templates and a.language == "en"
    ]
    assert any(a.any != b.any for a, b in en)  # the names are read
    # an English pattern whose role words did not change is the shared set's own object
    shared = {id(p) for _, b in en for p in b.any}
    assert any(id(p) in shared for a, _ in en for p in a.any)


def test_one_parse_compiles_as_re_compile_and_derives_the_same_gates() -> None:
    """compile_derived gives the pattern re.compile gives (same code) and fills the gate and start
    caches with what parsing the compiled pattern again gives, for every shipped pattern."""
    patterns = [p for r in RULES.rules for p in _patterns(r) if p is not None]
    patterns += [p for t in RULES.terms for p in (*t.any, *t.all, *t.none)]
    patterns += [
        re.compile(r"(?s)乙方.{0,9}赔偿", REGEX_FLAGS),
        re.compile(r"(?P<n>\d+)\s*days?", REGEX_FLAGS),
    ]
    for p in patterns:
        literals._DERIVED.clear()
        literals._STARTS.clear()
        got = literals.compile_derived(p.pattern, REGEX_FLAGS)
        derived = literals._DERIVED.get((p.pattern, p.flags)), literals._STARTS.get((p.pattern, p.flags))
        literals._DERIVED.clear()
        literals._STARTS.clear()
        assert (got, got.pattern, got.flags, got.groupindex) == (p, p.pattern, p.flags, p.groupindex)
        if p.flags == int(REGEX_FLAGS) | re.UNICODE:  # no inline global flag: derived from the one parse
            assert derived == (literals.pattern_literals(p), literals.match_starts(p))


def test_a_variant_s_scanner_copied_from_one_of_the_same_shape_equals_one_built_afresh() -> None:
    """Two contracts with other names give variants of one shape (scan.shape_of): the second's
    scanner is a copy of the first's with its own patterns in place, and equals a fresh build."""
    from bidassist.checklist import scan

    RULES._variants.clear()
    scan._SHAPES.clear()
    first = RULES.for_roles(
        _mapping("甬江电气", "市第三医院", "Wexford", "Northwind")
    )  # names no other test uses
    second = RULES.for_roles(_mapping("宏达建设", "市人民医院", "Initech", "Umbrella"))
    for lang in ("zh", "en"):
        assert scan.shape_of(first, lang) == scan.shape_of(second, lang)
        scan._shaped(first, lang)  # builds, and keeps the shape
        copied, fresh = scan._shaped(second, lang), scan.Scanner(second, lang)
        assert copied is not fresh and copied.automaton is not fresh.automaton
        assert [copied.needs.get(id(p)) for p in fresh._patterns] == [
            fresh.needs.get(id(p)) for p in fresh._patterns
        ]
        assert [copied.starts.get(id(p)) for p in fresh._patterns] == [
            fresh.starts.get(id(p)) for p in fresh._patterns
        ]
        assert copied.rule_any == fresh.rule_any and copied.term_any == fresh.term_any
        assert copied.rule_gate == fresh.rule_gate and copied.payload == fresh.payload
        assert copied.words == fresh.words


def test_a_variant_of_a_variant_survives_the_pattern_cache_refill(monkeypatch) -> None:
    """When the shared cache of compiled sources is full it is emptied and refilled with the rule set's
    own patterns; a variant's own are lazy, and one put in the cache compiled to itself (a
    RecursionError on its first search, seen once a test run had made enough variants)."""
    import bidassist.checklist.rules as rules_module

    monkeypatch.setattr(rules_module, "MAX_COMPILED", 50)
    first = RULES.for_roles({"en": {"buyer": ["globex"], "supplier": ["contoso"]}})
    second = first.for_roles({"en": {"buyer": ["acme"], "supplier": ["beta"]}})
    text = "acme may terminate this agreement at any time for any reason. beta shall deliver."
    hits = [p.search(text) for cr in second.rules for p in cr.any]
    assert any(hits)
