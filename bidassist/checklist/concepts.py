"""Concepts: the shared vocabulary of the rule packs (checklists/vocabulary/*.yaml).

A rule pattern writes `{delay}` and gets every variant of the concept `delay` in its pack's
language as one non-capturing alternation. Role concepts (`supplier`, `buyer`, `third_party`)
are re-mapped per contract to the words that contract uses for its parties (parties.py), so a
rule says whose obligation triggers it instead of naming 甲方/乙方."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field, ValidationError

from bidassist.core.errors import Problem
from bidassist.core.resources import package_path
from bidassist.core.types import StrictModel
from bidassist.core.yamlfile import YamlDoc, validation_problems

#: the vocabulary shipped with bidassist
DEFAULT_VOCABULARY = package_path("checklists") / "vocabulary"
#: a placeholder in a pattern: {name}; quantifiers such as {0,10} never match it
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
ROLE_NAMES = ("supplier", "buyer", "third_party")
#: the literal start of a variant: plain characters and \\s+ between words, up to the first
#: character with a regex meaning (a quantifier or group may make the char before it optional)
_LITERAL_HEAD = re.compile(r"(?:[^\\()\[\]{}?*+|.^$]|\\s\+)+(?![?*{])")


class ConceptExamples(StrictModel):
    zh: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)


class Concept(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str = Field(min_length=1)
    role: bool = False
    zh: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)
    examples: ConceptExamples = Field(default_factory=ConceptExamples)

    def variants(self, lang: str) -> list[str]:
        return self.en if lang == "en" else self.zh


class ConceptFile(StrictModel):
    concepts: list[Concept] = Field(min_length=1)


def alternation(variants: list[str]) -> str:
    return "(?:" + "|".join(variants) + ")"


class ConceptCycle(ValueError):
    """A concept names itself, directly or through others ({a} → {b} → {a})."""


@dataclass
class Vocabulary:
    """Every concept by id, with where it was defined (and where each language's variants are)."""

    concepts: dict[str, Concept] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)
    #: (concept id, language) -> file:line of that language's variants
    variants_where: dict[tuple[str, str], str] = field(default_factory=dict)

    def pattern(
        self,
        concept_id: str,
        lang: str,
        roles: dict[str, list[str]] | None = None,
        _path: tuple[str, ...] = (),
    ) -> str:
        """The alternation of the concept's variants, each concept it names ({supplier} in
        {own_breach}) expanded in turn; KeyError for an unknown concept, ConceptCycle for a
        concept that names itself. A role mapped by `roles` is this contract's words, not expanded."""
        if concept_id in _path:
            raise ConceptCycle(" → ".join("{" + c + "}" for c in (*_path, concept_id)))
        if roles is not None and concept_id in roles:
            alt = alternation(roles[concept_id])
        else:
            inner = (*_path, concept_id)
            alt = PLACEHOLDER.sub(
                lambda m: self.pattern(m.group(1), lang, roles, inner),
                alternation(self.concepts[concept_id].variants(lang)),
            )
        if lang == "en" and (concept_id in ROLE_NAMES or self.concepts[concept_id].role):
            return rf"(?<![\w-]){alt}\b"  # "contractor" is not inside "subcontractor" or "sub-contractor"
        return alt

    def expand(self, pattern: str, lang: str, roles: dict[str, list[str]] | None = None) -> str:
        """`pattern` with every {concept} replaced by its alternation, concepts inside concepts
        too; KeyError for an unknown one (load_packs refuses unknown and cyclic names first)."""
        return PLACEHOLDER.sub(lambda m: self.pattern(m.group(1), lang, roles), pattern)

    def nesting_problems(self) -> list[Problem]:
        """Concepts that name an unknown concept, or themselves through others, each with the
        file and line of its variants. Each is removed (and so is a concept naming it, in turn),
        so a rule naming it is refused as naming an unknown concept."""
        problems: list[Problem] = []
        refused: set[str] = set()
        while True:
            found = self._nesting_pass(refused)
            if not found:
                return problems
            for concept_id, lang, msg in found:
                where = self.variants_where.get((concept_id, lang), self.where.get(concept_id))
                problems.append(Problem(where, f"concept {concept_id!r} ({lang}): {msg}"))
                refused.add(concept_id)
                self.concepts.pop(concept_id, None)

    def _nesting_pass(self, refused: set[str]) -> list[tuple[str, str, str]]:
        out = []
        for concept_id, concept in self.concepts.items():
            for lang in ("zh", "en"):
                msg = self._nesting_problem(concept_id, concept.variants(lang), lang, refused)
                if msg is not None:
                    out.append((concept_id, lang, msg))
                    break
        return out

    def _nesting_problem(
        self, concept_id: str, variants: list[str], lang: str, refused: set[str]
    ) -> str | None:
        for name in (m.group(1) for v in variants for m in PLACEHOLDER.finditer(v)):
            if name in refused:
                return f"names {{{name}}}, which is refused"
            if name not in self.concepts:
                return f"names an unknown concept {{{name}}}"
        try:
            self.pattern(concept_id, lang)
        except ConceptCycle as exc:
            if exc.args[0].endswith("{" + concept_id + "}"):
                return f"names itself: {exc.args[0]}"
        return None

    def unknown(self, pattern: str) -> list[str]:
        return [m.group(1) for m in PLACEHOLDER.finditer(pattern) if m.group(1) not in self.concepts]

    def literals(self, concept_id: str, lang: str) -> list[str]:
        """The literal head of each variant (what a keyword prefilter can look for): 没有按 of
        没有按(?:期|时)?, "late" of late(?:ness)?. A variant that starts with a pattern gives none."""
        out = []
        for v in self.concepts[concept_id].variants(lang):
            head = _LITERAL_HEAD.match(v)
            word = head.group(0) if head else ""
            if word.endswith("\\s+") or word.endswith("\\"):
                word = word.rsplit("\\", 1)[0]
            if word and (lang == "zh" or len(word) >= 3):
                out.append(word.replace("\\s+", " ").replace("\\s", " ").strip())
        return [w for w in out if w]

    def compiled(self, concept_id: str, lang: str) -> re.Pattern:
        """The concept as one pattern, the concepts it names expanded (nesting)."""
        return re.compile(self.pattern(concept_id, lang), re.IGNORECASE)


def uses_roles(pattern: str | None) -> bool:
    return pattern is not None and any(m.group(1) in ROLE_NAMES for m in PLACEHOLDER.finditer(pattern))


def is_vocabulary(doc: YamlDoc) -> bool:
    return isinstance(doc.data, dict) and "concepts" in doc.data


def add_vocabulary(
    doc: YamlDoc,
    vocab: Vocabulary,
    problems: list[Problem],
    compile_: Callable[[str, int], re.Pattern] = re.compile,
) -> None:
    """Validate one concept file into `vocab`; every problem names file and line. `compile_`:
    re.compile or what stands for it (the pattern cache, checklist/patterncache.py)."""
    try:
        parsed = ConceptFile.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, doc))
        return
    for i, concept in enumerate(parsed.concepts):
        here = doc.where(("concepts", i, "id"))
        if concept.id in vocab.concepts:
            problems.append(
                Problem(here, f"concept {concept.id!r} also defined at {vocab.where[concept.id]}")
            )
            continue
        for lang in ("zh", "en"):
            try:
                compile_(alternation(concept.variants(lang)), 0)
            except re.error as exc:
                problems.append(Problem(doc.where(("concepts", i, lang)), f"bad regular expression: {exc}"))
        vocab.concepts[concept.id] = concept
        vocab.where[concept.id] = here
        for lang in ("zh", "en"):
            vocab.variants_where[(concept.id, lang)] = doc.where(("concepts", i, lang))


def vocabulary_files(extra: list[Path] | None = None) -> list[Path]:
    files = sorted(DEFAULT_VOCABULARY.glob("*.yaml"))
    return files + [p for p in (extra or []) if p not in files]
