"""Rule packs (docs/rule-format.md): pydantic models for the YAML and a loader that validates
every pack, compiles every regex and reports all problems at once with file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from bidassist.core.errors import InputError, Problem, ProblemsError
from bidassist.core.regexsafe import catastrophic
from bidassist.core.resources import package_path
from bidassist.core.types import StrictModel
from bidassist.core.yamlfile import YamlDoc, load_yaml, validation_problems

from .categories import CATEGORIES

Language = Literal["zh", "en"]
ValueKind = Literal["percent", "days", "months", "daily_rate", "amount"]
Scope = Literal["G", "L", "SOE", "SME", "T", "C"]

#: default folder of the packs shipped with bidassist (package data: bidassist/checklists)
DEFAULT_PACK_DIR = package_path("checklists")
REGEX_FLAGS = re.IGNORECASE

# Full-width digits, letters, % and the ideographic space, mapped one-to-one to ASCII so text
# offsets are unchanged (NFKC would also rewrite punctuation the patterns rely on).
_WIDE = {0x3000: " ", 0xFF05: "%", 0xFF0E: "."}
_WIDE.update({0xFF10 + i: chr(0x30 + i) for i in range(10)})
_WIDE.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})
_WIDE.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})
_WIDE_TABLE = str.maketrans(_WIDE)


def normalise(text: str) -> str:
    """The text rules read: full-width digits/letters/% as ASCII, lower case; same length."""
    return text.translate(_WIDE_TABLE).lower()


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
    category: str
    severity: Literal["high", "medium", "low"]
    clause_type: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    scope: list[Scope] = Field(default_factory=list)
    languages: list[Language] | None = None
    keywords: list[str] = Field(min_length=1)
    any: list[str] = Field(default_factory=list)
    all: list[str] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)
    value: ValueCondition | None = None
    message: Text2
    basis: str | None = None
    fallback: Text2 | None = None
    examples: Examples = Field(default_factory=Examples)

    @field_validator("keywords", "any", "all", "none")
    @classmethod
    def _no_blank(cls, v: list[str]) -> list[str]:
        return _nonblank(v)

    @field_validator("category")
    @classmethod
    def _known_category(cls, v: str) -> str:
        if v not in CATEGORIES:
            raise ValueError(f"unknown category {v!r} (see findings.md: {', '.join(sorted(CATEGORIES))})")
        return v


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


class Pack(StrictModel):
    pack: str = Field(pattern=r"^[a-z0-9_.-]+$")
    language: Language
    description: str | None = None
    rules: list[Rule] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)


# --------------------------------------------------------------------------- compiled forms


@dataclass
class CompiledRule:
    rule: Rule
    pack: str
    language: str
    where: str                       # file:line of the rule
    any: list[re.Pattern]
    all: list[re.Pattern]
    none: list[re.Pattern]
    near: re.Pattern | None
    keywords: list[str]

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
    _index: dict = field(default_factory=dict, repr=False)

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


def _dotted(path: tuple) -> str:
    return ".".join(f"[{x}]" if isinstance(x, int) else str(x) for x in path).replace(".[", "[")


def _compile(patterns: list[str], doc: YamlDoc, path: tuple, problems: list[Problem]) -> list[re.Pattern]:
    out = []
    for i, pattern in enumerate(patterns):
        problem = catastrophic(pattern)
        if problem:
            problems.append(Problem(f"{doc.where(path + (i,))}: {_dotted(path)}[{i}]",
                                    f"regular expression refused: {problem} ({pattern[:80]!r})"))
            continue
        try:
            out.append(re.compile(pattern, REGEX_FLAGS))
        except re.error as exc:
            problems.append(Problem(f"{doc.where(path + (i,))}: {_dotted(path)}[{i}]",
                                    f"bad regular expression {pattern!r}: {exc}"))
    return out


def _one(pattern: str | None, doc: YamlDoc, path: tuple, problems: list[Problem]) -> re.Pattern | None:
    if pattern is None:
        return None
    problem = catastrophic(pattern)
    if problem:
        problems.append(Problem(f"{doc.where(path)}: {_dotted(path)}",
                                f"regular expression refused: {problem} ({pattern[:80]!r})"))
        return None
    try:
        return re.compile(pattern, REGEX_FLAGS)
    except re.error as exc:
        problems.append(Problem(f"{doc.where(path)}: {_dotted(path)}",
                                f"bad regular expression {pattern!r}: {exc}"))
        return None


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


def compile_pack(pack: Pack, doc: YamlDoc, ruleset: RuleSet, problems: list[Problem]) -> None:
    for i, rule in enumerate(pack.rules):
        base = ("rules", i)
        langs = rule.languages or [pack.language]
        if pack.language not in langs:
            problems.append(Problem(f"{doc.where(base + ('languages',))}: rules[{i}].languages",
                                    f"rule is in a {pack.language} pack but lists {langs}"))
        if not rule.id.startswith(pack.language + "."):
            problems.append(Problem(f"{doc.where(base + ('id',))}: rules[{i}].id",
                                    f"rule id {rule.id!r} must start with {pack.language!r}."))
        near = _one(rule.value.near if rule.value else None, doc, base + ("value", "near"), problems)
        ruleset.rules.append(CompiledRule(
            rule=rule, pack=pack.pack, language=pack.language, where=doc.where(base),
            any=_compile(rule.any, doc, base + ("any",), problems),
            all=_compile(rule.all, doc, base + ("all",), problems),
            none=_compile(rule.none, doc, base + ("none",), problems),
            near=near, keywords=[normalise(k) for k in rule.keywords]))
    for i, term in enumerate(pack.terms):
        base = ("terms", i)
        ruleset.terms.append(CompiledTerm(
            term=term, pack=pack.pack, language=pack.language, where=doc.where(base),
            any=_compile(term.any, doc, base + ("any",), problems),
            all=_compile(term.all, doc, base + ("all",), problems),
            none=_compile(term.none, doc, base + ("none",), problems),
            keywords=[normalise(k) for k in term.keywords]))


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


def load_packs(dirs: list[Path] | None = None, *, languages: set[str] | None = None) -> RuleSet:
    """Load, validate and compile every pack under `dirs` (default: the shipped `checklists/`).

    All problems of all packs are reported together, each with file and line; rule and pack ids
    must be unique across packs."""
    files = pack_files(list(dirs) if dirs else [DEFAULT_PACK_DIR])
    ruleset = RuleSet(files=files)
    problems: list[Problem] = []
    seen_rules: dict[str, str] = {}
    seen_packs: dict[str, str] = {}
    for path in files:
        try:
            doc = load_yaml(path)
        except ProblemsError as exc:
            problems.extend(exc.problems)
            continue
        except InputError as exc:
            problems.append(Problem(exc.where or str(path), exc.message))
            continue
        pack, pack_problems = parse_pack(doc)
        problems.extend(pack_problems)
        if pack is None:
            continue
        if languages is not None and pack.language not in languages:
            continue
        if pack.pack in seen_packs:
            problems.append(Problem(doc.where(("pack",)), f"pack id {pack.pack!r} also used in "
                                    f"{seen_packs[pack.pack]}"))
        seen_packs[pack.pack] = doc.where(("pack",))
        for i, rule in enumerate(pack.rules):
            here = doc.where(("rules", i, "id"))
            if rule.id in seen_rules:
                problems.append(Problem(here, f"rule id {rule.id!r} also used at {seen_rules[rule.id]}"))
            seen_rules[rule.id] = here
        compile_pack(pack, doc, ruleset, problems)
        ruleset.packs.append(pack)
    if problems:
        raise ProblemsError(problems, "rule packs are not valid")
    if not ruleset.rules and not ruleset.terms:
        raise InputError("no rules found", ", ".join(str(d) for d in (dirs or [DEFAULT_PACK_DIR])))
    return ruleset
