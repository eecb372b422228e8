"""Rule packs (docs/rule-format.md): pydantic models for the YAML and a loader that validates
every pack, compiles every regex and reports all problems at once with file and line."""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal, cast

from pydantic import AfterValidator, Field, ValidationError, field_validator, model_validator

from bidassist.core.errors import InputError, Problem, ProblemsError
from bidassist.core.regexsafe import catastrophic
from bidassist.core.resources import package_path
from bidassist.core.types import StrictModel
from bidassist.core.yamlfile import MAX_YAML_BYTES, YamlDoc, load_yaml, validation_problems
from bidassist.reading.repair import blank_fill_brackets

from .categories import CATEGORIES, SETTING_WORDS, category_party
from .concepts import (
    DEFAULT_VOCABULARY,
    PLACEHOLDER,
    ROLE_NAMES,
    Vocabulary,
    add_vocabulary,
    is_vocabulary,
    uses_roles,
)
from .hanzi import simplified
from .literals import ROLE_SENTINEL, LazyPattern, compile_derived, role_free
from .patterncache import PatternStore, open_store


def _known_category(v: str) -> str:
    if v not in CATEGORIES:
        raise ValueError(f"unknown category {v!r} (see findings.md: {', '.join(sorted(CATEGORIES))})")
    return v


#: a finding category of findings.md
Category = Annotated[str, AfterValidator(_known_category)]

Language = Literal["zh", "en"]
ValueKind = Literal["percent", "days", "months", "daily_rate", "amount"]
Scope = Literal["G", "L", "SOE", "SME", "T", "C"]

#: default folder of the packs shipped with bidassist (package data: bidassist/checklists)
DEFAULT_PACK_DIR = package_path("checklists")
REGEX_FLAGS = re.IGNORECASE
#: contracts with their own party words each get a recompiled rule set; this many are kept
MAX_VARIANTS = 8
#: compiled role patterns kept per rule set and its variants, by source (REGEX_FLAGS): most of a
#: variant's patterns read the same words as the shared set's or an earlier contract's
MAX_COMPILED = 20_000

# Full-width digits, letters, % and the ideographic space, mapped one-to-one to ASCII so text
# offsets are unchanged (NFKC would also rewrite punctuation the patterns rely on).
_WIDE = {0x3000: " ", 0xFF05: "%", 0xFF0E: "."}
_WIDE.update({0xFF10 + i: chr(0x30 + i) for i in range(10)})
_WIDE.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})
_WIDE.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})
_WIDE_TABLE = str.maketrans(_WIDE)
#: one of the characters _WIDE maps (str.translate with a table costs a dict look-up per character)
_WIDE_CHAR = re.compile("[\u3000\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def normalise(text: str) -> str:
    """The text rules read: full-width digits/letters/% as ASCII, traditional Chinese characters
    as simplified (hanzi.py), the brackets of filled-in form fields around a figure as spaces
    (reading/repair.py), lower case; same length."""
    if _WIDE_CHAR.search(text) is not None:
        text = text.translate(_WIDE_TABLE)
    return simplified(blank_fill_brackets(text)).lower()


class Text2(StrictModel):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class ValueCondition(StrictModel):
    kind: ValueKind
    near: str | None = None
    op: Literal[">", ">=", "<", "<="] | None = None
    threshold: Decimal | None = None
    missing: Literal["pass", "flag", "only"] = "pass"

    @model_validator(mode="after")
    def _op_threshold(self) -> ValueCondition:
        if self.missing != "only" and (self.op is None or self.threshold is None):
            raise ValueError("op and threshold are required (unless missing: only)")
        return self

    def holds(self, value: Decimal) -> bool:
        if self.missing == "only":
            return False
        t = self.threshold
        if t is None or self.op is None:  # validated: only `missing: only` has neither
            return False
        return {">": value > t, ">=": value >= t, "<": value < t, "<=": value <= t}[self.op]


class Examples(StrictModel):
    match: list[str] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)


def _nonblank(values: list[str]) -> list[str]:
    for v in values:
        if not v or not v.strip():
            raise ValueError("empty keyword or pattern")
    return values


class Rule(StrictModel):
    id: str = Field(pattern=r"^(zh|en)\.[a-z0-9_.]+$")
    category: Category
    severity: Literal["high", "medium", "low"]
    clause_type: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    scope: list[Scope] = Field(default_factory=list)
    #: only in a contract of one of these kinds (checklists/vocabulary/categories.yaml `settings`,
    #: read from the whole contract): retention above 3 % is a construction trap, not a goods one
    settings: list[str] = Field(default_factory=list)
    languages: list[Language] | None = None
    keywords: list[str] = Field(min_length=1)
    any: list[str] = Field(default_factory=list)
    all: list[str] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)
    value: ValueCondition | None = None
    #: whose obligation, right or liability triggers the rule: a clause that binds only the
    #: other party, binds both alike, or is an option left unselected is not reported. Unset:
    #: the category's party (checklists/vocabulary/categories.yaml), the same for all its rules
    party: Literal["supplier", "buyer", "any"] = "any"
    #: document-level exception: the finding is dropped when any clause of the contract matches
    #: one of these (a cap on delay penalties stated in another article)
    unless_anywhere: list[str] = Field(default_factory=list)
    #: a match is skipped when its own sentence matches one of these (a termination right
    #: that follows the supplier's breach in the same sentence is for cause)
    unless_sentence: list[str] = Field(default_factory=list)
    #: categories this rule gives way to: its finding is dropped when a rule of one of them fires
    #: on the same clause (a claims waiver inside a termination-at-will clause is that clause's
    #: termination trap, reported once)
    yields_to: list[Category] = Field(default_factory=list)
    #: report only the first clause of the contract this rule flags (a whole-contract property)
    once: bool = False
    #: only in a contract the other side drafted: a clause that is a trap when the buyer writes it
    #: (its home court) is the supplier's own choice in the supplier's terms. The drafter is the
    #: party a contract calls by its own name (parties.py); unknown keeps the finding.
    drafted_by: Literal["buyer", "any"] = "any"
    message: Text2
    basis: str | None = None
    fallback: Text2 | None = None
    examples: Examples = Field(default_factory=Examples)

    @field_validator("keywords", "any", "all", "none", "unless_sentence")
    @classmethod
    def _no_blank(cls, v: list[str]) -> list[str]:
        return _nonblank(v)

    @field_validator("settings")
    @classmethod
    def _known_settings(cls, v: list[str]) -> list[str]:
        unknown = [s for s in v if s not in SETTING_WORDS]
        if unknown:
            raise ValueError(f"unknown setting {unknown[0]!r} (known: {', '.join(sorted(SETTING_WORDS))})")
        return v

    @model_validator(mode="before")
    @classmethod
    def _category_party(cls, data: object) -> object:
        if isinstance(data, dict) and "party" not in data and isinstance(data.get("category"), str):
            return {**data, "party": category_party(data["category"])}
        return data


class Term(StrictModel):
    type: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    keywords: list[str] = Field(min_length=1)
    any: list[str] = Field(default_factory=list)
    all: list[str] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)
    extract: list[ValueKind] = Field(default_factory=list)
    examples: Examples = Field(default_factory=Examples)

    @field_validator("keywords", "any", "all", "none")
    @classmethod
    def _no_blank(cls, v: list[str]) -> list[str]:
        return _nonblank(v)


class Equivalent(StrictModel):
    """Words that stand for a number of the measure's kind (同期银行贷款利率: about 0.01 % a day)."""

    pattern: str = Field(min_length=1)
    value: Decimal


class Measure(StrictModel):
    """A number of one kind next to an anchor (the first such in the contract counts)."""

    kind: ValueKind
    near: str = Field(min_length=1)
    equivalents: list[Equivalent] = Field(default_factory=list)


class DocExamples(StrictModel):
    match: list[str] = Field(default_factory=list)  # whole contracts (clauses on their own lines)
    no_match: list[str] = Field(default_factory=list)


class DocumentRule(StrictModel):
    """A rule that reads across clauses: `ratio` compares two numbers of the same contract
    (the buyer's late-payment rate against the supplier's delay penalty) and reports when
    numerator / denominator is below `threshold`, or when only the denominator is stated."""

    id: str = Field(pattern=r"^(zh|en)\.doc\.[a-z0-9_.]+$")
    category: Category
    severity: Literal["high", "medium", "low"]
    kind: Literal["ratio"]
    numerator: Measure
    denominator: Measure
    threshold: Decimal = Field(gt=0)
    missing: Literal["pass", "flag"] = "flag"
    #: where an unstated numerator is reported: the clause that should have stated it (the buyer's
    #: late-payment or payment clause): for the first of these patterns that reaches a clause, the
    #: last such clause before the denominator's (else the first after it)
    missing_at: list[str] = Field(default_factory=list)
    message: Text2
    basis: str | None = None
    fallback: Text2 | None = None
    examples: DocExamples = Field(default_factory=DocExamples)


class Pack(StrictModel):
    pack: str = Field(pattern=r"^[a-z0-9_.-]+$")
    language: Language
    description: str | None = None
    rules: list[Rule] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    document: list[DocumentRule] = Field(default_factory=list)


# --------------------------------------------------------------------------- compiled forms


@dataclass
class CompiledRule:
    rule: Rule
    pack: str
    language: str
    where: str  # file:line of the rule
    any: list[re.Pattern]
    all: list[re.Pattern]
    none: list[re.Pattern]
    near: re.Pattern | None
    keywords: list[str]
    #: the patterns with their concepts expanded but the role placeholders kept, when any pattern
    #: names a role; a contract with its own party words recompiles only these (RuleSet.for_roles)
    templates: dict[str, list[str]] | None = None
    #: rule.unless_sentence compiled: a match whose sentence matches one is skipped
    sentence_none: list[re.Pattern] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.rule.id


@dataclass
class CompiledTerm:
    term: Term
    pack: str
    language: str
    where: str
    any: list[re.Pattern]
    all: list[re.Pattern]
    none: list[re.Pattern]
    keywords: list[str]


@dataclass
class RuleSet:
    """Every loaded pack, compiled; the engine builds its keyword automata from it lazily."""

    packs: list[Pack] = field(default_factory=list)
    rules: list[CompiledRule] = field(default_factory=list)
    terms: list[CompiledTerm] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    #: document-level rules with their pack language
    document: list[tuple[str, DocumentRule]] = field(default_factory=list)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    #: this contract's party words (language -> role -> variants); None: the shared words
    roles: dict[str, dict[str, list[str]]] | None = None
    _index: dict = field(default_factory=dict, repr=False)
    _variants: dict = field(default_factory=dict, repr=False)
    _role_re: dict = field(default_factory=dict, repr=False)
    _doc_re: dict = field(default_factory=dict, repr=False)
    #: source -> compiled pattern, shared by the rule set and its variants (`compiled`)
    _compiled: dict = field(default_factory=dict, repr=False)
    #: (template, language) -> its gate sets and match starts without the role words (role_free):
    #: what a variant's patterns are gated by before they are compiled (LazyPattern)
    _role_free: dict = field(default_factory=dict, repr=False)

    @cached_property
    def rule_settings(self) -> dict[str, list[str]]:
        """Rule id -> the contract kinds it exists in (`Rule.settings`), for the rules that name some."""
        return {cr.id: cr.rule.settings for cr in self.rules if cr.rule.settings}

    def compiled(self, source: str) -> re.Pattern:
        """`re.compile(source, REGEX_FLAGS)`, once per source across the rule set's variants (the
        same source compiles to the same pattern, so findings are unchanged)."""
        got = self._compiled.get(source)
        if got is None:
            if len(self._compiled) >= MAX_COMPILED:
                self._compiled.clear()  # bounded memory; the shared set's own patterns come back next
            if not self._compiled:  # the shared set's own patterns first: most variants reuse them
                self._compiled.update((p.pattern, p) for p in self._own_patterns())
            got = self._compiled[source] = compile_derived(source, REGEX_FLAGS)
        return got

    def _own_patterns(self) -> list[re.Pattern]:
        """Every compiled clause-rule pattern of this rule set (all compiled with REGEX_FLAGS); not a
        variant's lazy ones, which compile through this cache (one put in it would compile to itself)."""
        out: list[re.Pattern] = []
        for r in self.rules:
            out.extend([*r.any, *r.all, *r.none, *r.sentence_none, *([r.near] if r.near else [])])
        return [p for p in out if isinstance(p, re.Pattern) and p.flags & ~re.UNICODE == REGEX_FLAGS]

    def role_patterns(self, lang: str) -> dict[str, re.Pattern | None]:
        """Compiled supplier / buyer / mutual words in `lang` for the subject test."""
        got = self._role_re.get(lang)
        if got is None:
            mapping = (self.roles or {}).get(lang)
            got = {
                name: re.compile(self.vocabulary.pattern(name, lang, mapping), REGEX_FLAGS)
                for name in ("supplier", "buyer", "mutual")
                if name in self.vocabulary.concepts
            }
            self._role_re[lang] = got
        return got

    def for_roles(self, roles: dict[str, dict[str, list[str]]] | None) -> RuleSet:
        """The rule set with the role placeholders read as this contract's party words
        (roles: language -> role -> regex variants). Cached per distinct mapping; the keyword
        index is shared because role words are never keywords."""
        if not roles:
            return self
        key = tuple(sorted((lang, r, tuple(v)) for lang, m in roles.items() for r, v in m.items()))
        variant = self._variants.pop(key, None)
        if variant is None:
            variant = RuleSet(
                packs=self.packs,
                rules=[_recompiled(r, self.vocabulary, roles, self._lazy) for r in self.rules],
                terms=self.terms,
                files=self.files,
                document=self.document,
                vocabulary=self.vocabulary,
                roles=roles,
                _index=self._index,
                _compiled=self._compiled,
                _role_free=self._role_free,
            )
        self._variants[key] = variant  # most recently used last; memory stays bounded
        while len(self._variants) > MAX_VARIANTS:
            self._variants.pop(next(iter(self._variants)))
        return variant

    def _lazy(self, template: str, lang: str, source: str) -> re.Pattern:
        """The template with this contract's role words (`source`), compiled on its first search
        when the template's role-free gates are known, else now."""
        derived = self._role_free.get((template, lang))
        known = self._compiled.get(source) if self._compiled else None
        if derived is None or known is not None:  # the shared set's own pattern when the words are
            return known or self.compiled(source)
        return cast(re.Pattern, LazyPattern(source, derived, self.compiled))

    def pattern(self, source: str, lang: str) -> re.Pattern:
        """A pattern with concepts and this contract's roles expanded, compiled once per rule set."""
        key = (source, lang)
        got = self._doc_re.get(key)
        if got is None:
            got = self.compiled(self.vocabulary.expand(source, lang, (self.roles or {}).get(lang)))
            self._doc_re[key] = got
        return got

    @property
    def languages(self) -> set[str]:
        return {r.language for r in self.rules} | {t.language for t in self.terms}

    def rule(self, rule_id: str) -> CompiledRule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def subset(self, languages: set[str]) -> RuleSet:
        return RuleSet(
            packs=[p for p in self.packs if p.language in languages],
            rules=[r for r in self.rules if r.language in languages],
            terms=[t for t in self.terms if t.language in languages],
            files=list(self.files),
        )


def _recompiled(
    cr: CompiledRule,
    vocab: Vocabulary,
    roles: dict[str, dict[str, list[str]]],
    make: Callable[[str, str, str], re.Pattern],
) -> CompiledRule:
    if cr.templates is None or cr.language not in roles:
        return cr
    mapping = roles[cr.language]

    def comp(patterns: list[str]) -> list[re.Pattern]:
        return [make(p, cr.language, vocab.expand(p, cr.language, mapping)) for p in patterns]

    near = cr.templates.get("near")
    return CompiledRule(
        rule=cr.rule,
        pack=cr.pack,
        language=cr.language,
        where=cr.where,
        any=comp(cr.templates["any"]),
        all=comp(cr.templates["all"]),
        none=comp(cr.templates["none"]),
        near=comp(near)[0] if near else None,
        keywords=cr.keywords,
        templates=cr.templates,
        sentence_none=comp(cr.templates["unless_sentence"]),
    )


def _dotted(path: tuple) -> str:
    return ".".join(f"[{x}]" if isinstance(x, int) else str(x) for x in path).replace(".[", "[")


@dataclass
class _Compiler:
    """Compiles one pack's patterns: concepts expanded, errors collected with file and line."""

    doc: YamlDoc
    vocab: Vocabulary
    lang: str
    problems: list[Problem]
    #: the shipped packs: their patterns are proved safe by the test suite, so the backtracking
    #: analysis (a second parse of every pattern) is skipped when they are loaded by default
    shipped: bool = False
    #: compiles a source with REGEX_FLAGS (the persistent pattern cache; re.compile's result)
    store: PatternStore | None = None
    #: source -> pattern of every pattern compiled here (RuleSet.compiled starts from them)
    built: dict[str, re.Pattern] = field(default_factory=dict)
    #: RuleSet._role_free, filled for the templates compiled here
    role_free: dict = field(default_factory=dict)

    def source(self, pattern: str, where: str, keep_roles: bool = False) -> str | None:
        unknown = self.vocab.unknown(pattern)
        if unknown:
            known = ", ".join(sorted(self.vocab.concepts))
            self.problems.append(Problem(where, f"unknown concept {{{unknown[0]}}} (known: {known})"))
            return None
        if keep_roles:
            roles = {r: ["{" + r + "}"] for r in ROLE_NAMES}
            return self.vocab.expand(pattern, self.lang, roles)
        return self.vocab.expand(pattern, self.lang)

    def one(self, pattern: str | None, path: tuple) -> re.Pattern | None:
        if pattern is None:
            return None
        where = f"{self.doc.where(path)}: {_dotted(path)}"
        src = self.source(pattern, where)
        if src is None:
            return None
        problem = None if self.shipped else catastrophic(pattern) or catastrophic(src, check_length=False)
        if problem:
            self.problems.append(Problem(where, f"regular expression refused: {problem} ({pattern[:80]!r})"))
            return None
        try:
            got = self.store.compile(src, REGEX_FLAGS) if self.store else re.compile(src, REGEX_FLAGS)
        except re.error as exc:
            self.problems.append(Problem(where, f"bad regular expression {pattern!r}: {exc}"))
            return None
        self.built[src] = got
        return got

    def keywords(self, words: list[str], path: tuple) -> list[str]:
        """Literal keywords; `{concept}` stands for the literal head of each of its variants."""
        out: list[str] = []
        for i, w in enumerate(words):
            m = PLACEHOLDER.fullmatch(w.strip())
            if m is None:
                out.append(normalise(w))
            elif m.group(1) in self.vocab.concepts:
                out.extend(normalise(x) for x in self.vocab.literals(m.group(1), self.lang))
            else:
                self.problems.append(
                    Problem(
                        f"{self.doc.where(path + (i,))}: {_dotted(path)}[{i}]", f"unknown concept {w.strip()}"
                    )
                )
        return out

    def many(self, patterns: list[str], path: tuple) -> list[re.Pattern]:
        out = [self.one(p, path + (i,)) for i, p in enumerate(patterns)]
        return [p for p in out if p is not None]

    def templates(self, rule: Rule) -> dict[str, list[str]] | None:
        near = rule.value.near if rule.value else None
        if not any(uses_roles(p) for p in [*rule.any, *rule.all, *rule.none, *rule.unless_sentence, near]):
            return None
        out: dict[str, list[str]] = {}
        for name in ("any", "all", "none", "unless_sentence"):
            out[name] = [self.source(p, "", keep_roles=True) or "" for p in getattr(rule, name)]
        if near:
            out["near"] = [self.source(near, "", keep_roles=True) or ""]
        for template in (t for ts in out.values() for t in ts if t):
            self.derive(template)
        return out

    def derive(self, template: str) -> None:
        """The template's role-free gates (RuleSet._role_free), from its source with ROLE_SENTINEL
        for each role, compiled through the store (kept between processes like every pattern)."""
        key = (template, self.lang)
        if key in self.role_free:
            return
        sentinel = {r: [ROLE_SENTINEL] for r in ROLE_NAMES}
        src = self.vocab.expand(template, self.lang, sentinel)
        try:
            got = self.store.compile(src, REGEX_FLAGS) if self.store else compile_derived(src, REGEX_FLAGS)
        except re.error:  # pragma: no cover - the same pattern with real words compiled
            return
        self.role_free[key] = role_free(got)


def parse_pack(doc: YamlDoc) -> tuple[Pack | None, list[Problem]]:
    """Validate one parsed pack; returns the pack (None if invalid) and all its problems."""
    if doc.data is None:
        return None, [Problem(doc.name, "rule pack is empty")]
    if not isinstance(doc.data, dict):
        return None, [Problem(doc.name, "a rule pack is a mapping (pack:, language:, rules:)")]
    try:
        return Pack.model_validate(doc.data), []
    except ValidationError as exc:
        return None, validation_problems(exc, doc)


def compile_pack(
    pack: Pack,
    doc: YamlDoc,
    ruleset: RuleSet,
    problems: list[Problem],
    *,
    shipped: bool = False,
    store: PatternStore | None = None,
) -> None:
    comp = _Compiler(
        doc,
        ruleset.vocabulary,
        pack.language,
        problems,
        shipped,
        store,
        ruleset._compiled,
        ruleset._role_free,
    )
    for i, rule in enumerate(pack.rules):
        base = ("rules", i)
        langs = rule.languages or [pack.language]
        if pack.language not in langs:
            problems.append(
                Problem(
                    f"{doc.where(base + ('languages',))}: rules[{i}].languages",
                    f"rule is in a {pack.language} pack but lists {langs}",
                )
            )
        if not rule.id.startswith(pack.language + "."):
            problems.append(
                Problem(
                    f"{doc.where(base + ('id',))}: rules[{i}].id",
                    f"rule id {rule.id!r} must start with {pack.language!r}.",
                )
            )
        near = comp.one(rule.value.near if rule.value else None, base + ("value", "near"))
        ruleset.rules.append(
            CompiledRule(
                rule=rule,
                pack=pack.pack,
                language=pack.language,
                where=doc.where(base),
                any=comp.many(rule.any, base + ("any",)),
                all=comp.many(rule.all, base + ("all",)),
                none=comp.many(rule.none, base + ("none",)),
                near=near,
                keywords=comp.keywords(rule.keywords, base + ("keywords",)),
                templates=comp.templates(rule),
                sentence_none=comp.many(rule.unless_sentence, base + ("unless_sentence",)),
            )
        )
    for i, rule in enumerate(pack.rules):
        for j, pattern in enumerate(rule.unless_anywhere):
            comp.one(pattern, ("rules", i, "unless_anywhere", j))
    for i, drule in enumerate(pack.document):
        if not drule.id.startswith(pack.language + "."):
            problems.append(
                Problem(
                    doc.where(("document", i, "id")),
                    f"rule id {drule.id!r} must start with {pack.language!r}.",
                )
            )
        for side in ("numerator", "denominator"):
            measure = getattr(drule, side)
            comp.one(measure.near, ("document", i, side, "near"))
            for j, eq in enumerate(measure.equivalents):
                comp.one(eq.pattern, ("document", i, side, "equivalents", j, "pattern"))
        for j, pattern in enumerate(drule.missing_at):  # validated on load, with its place
            comp.one(pattern, ("document", i, "missing_at", j))
        ruleset.document.append((pack.language, drule))
    for i, term in enumerate(pack.terms):
        base = ("terms", i)
        ruleset.terms.append(
            CompiledTerm(
                term=term,
                pack=pack.pack,
                language=pack.language,
                where=doc.where(base),
                any=comp.many(term.any, base + ("any",)),
                all=comp.many(term.all, base + ("all",)),
                none=comp.many(term.none, base + ("none",)),
                keywords=comp.keywords(term.keywords, base + ("keywords",)),
            )
        )


def pack_files(dirs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        d = Path(d)
        if d.is_file():
            files.append(d)
        elif d.is_dir():
            files.extend(sorted(p for p in d.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()))
        else:
            raise InputError("rule pack folder not found", str(d))
    return files


def _read_docs(
    files: list[Path], problems: list[Problem], store: PatternStore | None = None
) -> list[YamlDoc]:
    """The parsed files, from the pack cache when it keeps them (checklist/patterncache.py)."""
    docs = []
    for path in files:
        cached = store.yaml_doc(str(path)) if store else None
        if cached is not None:
            docs.append(cached)
            continue
        try:
            docs.append(load_yaml(path))
        except ProblemsError as exc:
            problems.extend(exc.problems)
        except InputError as exc:
            problems.append(Problem(exc.where or str(path), exc.message))
        else:
            if store:
                store.keep_doc(docs[-1])
    return docs


def _vocabulary(
    files: list[Path], docs: list[YamlDoc], problems: list[Problem], store: PatternStore | None = None
) -> Vocabulary:
    """The shipped vocabulary, then any other concept file among the packs read."""
    vocab = Vocabulary()
    read = {Path(f).resolve() for f in files}
    shipped = [p for p in sorted(DEFAULT_VOCABULARY.glob("*.yaml")) if p.resolve() not in read]
    for doc in _read_docs(shipped, problems, store) + docs:
        if is_vocabulary(doc):
            add_vocabulary(doc, vocab, problems, store.compile if store else re.compile)
    problems.extend(vocab.nesting_problems())
    return vocab


#: top-level keys of the other data files kept beside the packs (vocabulary/)
_OTHER_DATA_KEYS = ("categories", "anchors", "traditional")


def _is_other_data(doc: YamlDoc) -> bool:
    return (
        isinstance(doc.data, dict) and "pack" not in doc.data and any(k in doc.data for k in _OTHER_DATA_KEYS)
    )


def _check_ids(
    pack: Pack, doc: YamlDoc, seen_packs: dict[str, str], seen_rules: dict[str, str], problems: list[Problem]
) -> None:
    if pack.pack in seen_packs:
        problems.append(
            Problem(doc.where(("pack",)), f"pack id {pack.pack!r} also used in {seen_packs[pack.pack]}")
        )
    seen_packs[pack.pack] = doc.where(("pack",))
    for i, rule in enumerate(pack.rules):
        here = doc.where(("rules", i, "id"))
        if rule.id in seen_rules:
            problems.append(Problem(here, f"rule id {rule.id!r} also used at {seen_rules[rule.id]}"))
        seen_rules[rule.id] = here


#: rule sets already loaded in this process, by what their files were (see load_packs)
_LOADED: OrderedDict[tuple, RuleSet] = OrderedDict()
#: rule sets kept loaded (each is a few tens of MB)
MAX_LOADED = 4


def _files_state(files: list[Path]) -> tuple:
    """What a set of pack files holds now: each one's path and the sha256 of its bytes (a few ms
    for the shipped packs; modification times can miss an edit made within their resolution)."""
    out = []
    for f in files:
        try:
            data = f.read_bytes() if f.stat().st_size <= MAX_YAML_BYTES else b""
        except OSError:
            return ()  # gone or unreadable: not cached, load_packs says why
        if not data:
            return ()  # empty or too large: not cached, load_packs says why
        out.append((str(f.resolve()), hashlib.sha256(data).hexdigest()))
    return tuple(out)


def load_packs(dirs: list[Path] | None = None, *, languages: set[str] | None = None) -> RuleSet:
    """Load, validate and compile every pack under `dirs` (default: the shipped `checklists/`).

    A rule set is read-only once loaded; loading the same files again in this process (same paths
    and contents) returns the one already compiled. A fresh process builds the compiled patterns
    from the pattern cache of the same files when there is one (checklist/patterncache.py).

    Every pattern of a pack named in `dirs` is refused when it could backtrack catastrophically; the
    shipped packs loaded by default skip that analysis (tests/checklist/test_regex_budget.py loads
    them by name, so the analysis runs on them there).

    Concept files (a mapping with `concepts:`) extend the shipped vocabulary. All problems of
    all packs are reported together, each with file and line; rule and pack ids must be unique
    across packs."""
    files = pack_files(list(dirs) if dirs else [DEFAULT_PACK_DIR])
    vocabulary_files = sorted(DEFAULT_VOCABULARY.glob("*.yaml"))
    state = _files_state([*files, *vocabulary_files])
    key = (bool(dirs), tuple(sorted(languages)) if languages is not None else None, state)
    if state and key in _LOADED:
        _LOADED.move_to_end(key)
        return _LOADED[key]
    store = open_store(key) if state else None
    ruleset = _load(files, dirs, languages, store)
    if store is not None:
        store.save()
    if state:
        _LOADED[key] = ruleset
        while len(_LOADED) > MAX_LOADED:
            _LOADED.popitem(last=False)
    return ruleset


def _load(
    files: list[Path], dirs: list[Path] | None, languages: set[str] | None, store: PatternStore | None = None
) -> RuleSet:
    ruleset = RuleSet(files=files)
    problems: list[Problem] = []
    seen_rules: dict[str, str] = {}
    seen_packs: dict[str, str] = {}
    docs = _read_docs(files, problems, store)
    ruleset.vocabulary = _vocabulary(files, docs, problems, store)
    for doc in docs:
        if is_vocabulary(doc) or _is_other_data(doc):
            continue
        pack, pack_problems = parse_pack(doc)
        problems.extend(pack_problems)
        if pack is None or (languages is not None and pack.language not in languages):
            continue
        _check_ids(pack, doc, seen_packs, seen_rules, problems)
        compile_pack(pack, doc, ruleset, problems, shipped=not dirs, store=store)
        ruleset.packs.append(pack)
    if problems:
        raise ProblemsError(problems, "rule packs are not valid")
    if not ruleset.rules and not ruleset.terms:
        raise InputError("no rules found", ", ".join(str(d) for d in (dirs or [DEFAULT_PACK_DIR])))
    return ruleset
