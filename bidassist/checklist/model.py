"""The statistical layer beside the rule packs: a linear model over character n-grams that
scores each clause per finding category, with a calibrated confidence.

The model raises recall where the rules' wording runs out; the rule pack stays the explanation
(a model finding carries the message, legal basis and fallback wording of its category's rule)
and the party test of the rules still applies (a buyer's obligation or a mutual clause is not a
supplier trap). Which categories the model may report, and from which confidence, is data:
`bidassist/models/clauses.yaml`, validated on load. The weights are `clauses.npz` (vocabulary,
idf, coefficients, Platt calibration) trained by `benchmarks/train_clause_model.py`; scoring
needs numpy only, and this module is imported only when a check runs.

Features: lower-cased text with digits read as 0; Chinese: character 1–3-grams with white space
removed; English: character 3–5-grams with white space collapsed. Vector: sublinear tf × idf,
l2-normalised (scikit-learn's TfidfVectorizer with this analyzer)."""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import repeat
from operator import add
from pathlib import Path

import numpy as np
from pydantic import Field

from bidassist.core.automaton import new_automaton
from bidassist.core.errors import InputError, Problem, ProblemsError
from bidassist.core.resources import package_path
from bidassist.core.types import StrictModel
from bidassist.core.yamlfile import load_yaml, validate

from .categories import CATEGORIES
from .engine import TEXT_LIMIT, Unit, rule_finding
from .result import Finding, KeyTerm
from .rules import CompiledRule, RuleSet, normalise
from .subject import actor, bearer, party_of_heading, unselected_option

LANGS = ("zh", "en")
#: characters of a clause the model reads (a longer clause is read by its sentences)
MAX_CHARS = 4000
#: n-gram lengths per language
NGRAMS = {"zh": (1, 2, 3), "en": (3, 4, 5)}
_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s+")
#: where a sentence ends (as in subject.py); a "sentence" needs two letters or characters
_SENTENCE_END = re.compile(r"[。；;\n！!？?]|\.(?=\s)")
_WORDY = re.compile(r"[a-z\u3400-\u9fff]{2}")


def _prepared(text: str, lang: str) -> str:
    t = _DIGIT.sub("0", text[:MAX_CHARS].lower())
    return _SPACE.sub("", t) if lang == "zh" else " " + _SPACE.sub(" ", t).strip() + " "


def features(text: str, lang: str) -> list[str]:
    """The character n-grams the model reads (the analyzer used in training and at run time)."""
    t = _prepared(text, lang)
    return [t[i : i + n] for n in NGRAMS[lang] for i in range(len(t) - n + 1)]


def _gram_counts(text: str, lang: str) -> Counter:
    """Counter(features(text, lang)) with the same keys in the same order, the n-grams built by
    C-level maps (each n-gram is its (n-1)-gram plus the next character)."""
    t = _prepared(text, lang)
    counts: Counter = Counter()
    grams: list[str] | str = t
    for n in range(1, max(NGRAMS[lang]) + 1):
        if n > 1:
            grams = list(map(add, grams, t[n - 1 :]))
        if n in NGRAMS[lang]:
            counts.update(grams)
    return counts


@dataclass
class LangModel:
    """One language's vocabulary, idf and per-category weights with their Platt calibration
    (probability = 1 / (1 + exp(a·d + b)) for the decision value d)."""

    lang: str
    categories: list[str]
    vocab: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # categories × features
    intercept: np.ndarray
    a: np.ndarray
    b: np.ndarray

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(vocabulary indices, l2-normalised sublinear tf × idf) of the text's n-grams in the
        vocabulary, in the order of their first occurrence (the n-gram lengths in turn)."""
        kept = _VECTORS.get()
        cached = kept.get((self.lang, text)) if kept is not None else None
        if cached is not None and cached[0] is self.vocab:
            return cached[1]
        counts = _gram_counts(text, self.lang)
        n = len(counts)
        ids = np.fromiter(map(self.vocab.get, counts, repeat(-1)), dtype=np.int64, count=n)
        known = ids >= 0
        if not known.any():
            out = np.zeros(0, dtype=np.int64), np.zeros(0)
        else:
            idx = ids[known]
            tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=n)[known])
            x = tf * self.idf[idx]
            out = idx, x / np.linalg.norm(x)
        if kept is not None:
            kept[(self.lang, text)] = (self.vocab, out)
        return out

    def decision(self, text: str) -> np.ndarray:
        idx, x = self.vector(text)
        return self.coef[:, idx] @ x + self.intercept

    def proba(self, text: str) -> np.ndarray:
        """Calibrated probability per category (the order of `categories`)."""
        return 1.0 / (1.0 + np.exp(self.a * self.decision(text) + self.b))


#: while a document's clauses are scored (`vectors_kept`): (lang, text) -> (the vocabulary, its
#: vector), so the finding and the type models read each clause's vector once; a context variable,
#: so threads checking documents at once (the web page) keep their own
_VECTORS: ContextVar[dict | None] = ContextVar("bidassist_clause_vectors", default=None)


class vectors_kept:  # noqa: N801 - used as a plain `with` block
    """Within the block, each text's vector is computed once per language (then forgotten)."""

    def __enter__(self) -> None:
        outer = _VECTORS.get()
        self._token = _VECTORS.set({} if outer is None else outer)

    def __exit__(self, *exc) -> None:
        _VECTORS.reset(self._token)


def save_model(path: Path, models: list[LangModel]) -> None:
    """Write the models to one .npz (plain arrays, no pickle)."""
    arrays: dict[str, np.ndarray] = {}
    for m in models:
        words = [""] * len(m.vocab)
        for g, i in m.vocab.items():
            words[i] = g
        arrays[f"{m.lang}.vocab"] = np.array(words, dtype=f"<U{max(NGRAMS[m.lang])}")
        arrays[f"{m.lang}.categories"] = np.array(m.categories)
        arrays[f"{m.lang}.idf"] = m.idf.astype(np.float32)
        arrays[f"{m.lang}.coef"] = m.coef.astype(np.float32)
        for k in ("intercept", "a", "b"):
            arrays[f"{m.lang}.{k}"] = np.asarray(getattr(m, k), dtype=np.float64)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, allow_pickle=False, **arrays)
    tmp.replace(path)


def _read_arrays(path: Path, what: str) -> dict[str, np.ndarray]:
    """Every array of the .npz file `path` (no pickles); an unreadable file is an InputError."""
    try:
        with np.load(path, allow_pickle=False) as z:
            return {k: z[k] for k in z.files}
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read {what}: {exc}", str(path)) from None


def load_models(path: Path) -> dict[str, LangModel]:
    data = _read_arrays(path, "the clause model")
    out = {}
    for lang in LANGS:
        if f"{lang}.vocab" not in data:
            continue
        cats = [str(c) for c in data[f"{lang}.categories"]]
        coef = data[f"{lang}.coef"].astype(np.float64)
        vocab = {str(g): i for i, g in enumerate(data[f"{lang}.vocab"])}
        if coef.shape != (len(cats), len(vocab)):
            raise InputError(f"{lang}: coefficients {coef.shape} do not fit the vocabulary", str(path))
        out[lang] = LangModel(
            lang,
            cats,
            vocab,
            data[f"{lang}.idf"].astype(np.float64),
            coef,
            *(data[f"{lang}.{k}"] for k in ("intercept", "a", "b")),
        )
    return out


def save_types(path: Path, lang: str, fitted: dict[str, tuple[np.ndarray, float]]) -> None:
    """Write the clause-type weights (type -> coefficients over the clause model's vocabulary of
    `lang`, intercept) to one .npz (plain arrays, float16 weights, no pickle)."""
    types = list(fitted)
    arrays = {
        f"{lang}.types": np.array(types),
        f"{lang}.coef": np.vstack([fitted[t][0] for t in types]).astype(np.float16),
        f"{lang}.intercept": np.array([fitted[t][1] for t in types], dtype=np.float64),
    }
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, allow_pickle=False, **arrays)
    tmp.replace(path)


@dataclass
class TypeModel:
    """Clause-type weights over one language's clause-model features: decision value per type
    d = coef · x + intercept, with x the clause model's tf-idf vector of the clause."""

    base: LangModel
    types: list[str]
    coef: np.ndarray  # types × features
    intercept: np.ndarray

    def decision(self, text: str) -> np.ndarray:
        idx, x = self.base.vector(text)
        return self.coef[:, idx] @ x + self.intercept


def load_types(path: Path, models: dict[str, LangModel]) -> dict[str, TypeModel]:
    """The clause-type weights of `path`, each language on the vocabulary of its clause model."""
    data = _read_arrays(path, "the clause-type model")
    out = {}
    for lang in LANGS:
        if f"{lang}.types" not in data:
            continue
        base = models.get(lang)
        coef = data[f"{lang}.coef"].astype(np.float64)
        if base is None or coef.shape[1] != len(base.vocab):
            raise InputError(f"{lang}: the type weights do not fit the clause model's vocabulary", str(path))
        out[lang] = TypeModel(base, [str(t) for t in data[f"{lang}.types"]], coef, data[f"{lang}.intercept"])
    return out


# --------------------------------------------------------------------------- settings (data)


class CategorySetting(StrictModel):
    category: str
    #: the calibrated confidence from which the model reports the category
    threshold: float = Field(gt=0, lt=1)
    #: the rule whose message, basis and fallback explain the finding (default: the category's
    #: first rule in the language without a numeric condition, else its first rule)
    rule: str | None = Field(default=None, pattern=r"^(zh|en)\.[a-z0-9_.]+$")
    #: what cross-validation on the development documents showed (for the reader)
    note: str | None = None


class TypeSetting(StrictModel):
    """A clause type the type model may add (score ≥ add on a clause no rule or term typed) or
    must confirm (a rule's or term's type on a clause is kept only at score ≥ keep)."""

    type: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    add: float | None = None
    keep: float | None = None
    #: what cross-validation on the tuning contracts showed (for the reader)
    note: str | None = None


class ModelSettings(StrictModel):
    model: str = Field(pattern=r"^[\w.-]+\.npz$")
    enabled: dict[str, list[CategorySetting]] = Field(default_factory=dict)
    #: the clause-type weights (over the clause model's features) and the types they decide
    types_model: str | None = Field(default=None, pattern=r"^[\w.-]+\.npz$")
    types: dict[str, list[TypeSetting]] = Field(default_factory=dict)


@dataclass
class ClauseLayer:
    """The models with the categories enabled per language and their thresholds."""

    models: dict[str, LangModel]
    thresholds: dict[str, dict[str, float]]  # lang -> category -> threshold
    columns: dict[str, list[int]]  # lang -> column of each enabled category
    rules: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> category -> rule id
    #: lang -> the type model cut to the types enabled, with their (add, keep) scores
    types: dict[str, tuple[TypeModel, list[tuple[float | None, float | None]]]] = field(default_factory=dict)
    _cut: dict[str, LangModel] = field(default_factory=dict, repr=False)

    def scores(self, text: str, lang: str) -> dict[str, float]:
        """Confidence per enabled category of `lang` (empty when none is enabled)."""
        cats = self.thresholds.get(lang)
        if not cats:
            return {}
        p = self._active(lang).proba(text)
        return dict(zip(cats, p.tolist(), strict=True))

    def _active(self, lang: str) -> LangModel:
        """The language's model cut to its enabled categories (built once)."""
        got = self._cut.get(lang)
        if got is None:
            m, rows = self.models[lang], self.columns[lang]
            got = replace(
                m,
                categories=[m.categories[i] for i in rows],
                coef=m.coef[rows],
                intercept=m.intercept[rows],
                a=m.a[rows],
                b=m.b[rows],
            )
            self._cut[lang] = got
        return got


def load_layer(settings_path: Path) -> ClauseLayer:
    """Read the settings and the model they name; every problem names the file and line."""
    doc = load_yaml(settings_path)
    settings = validate(ModelSettings, doc)
    models = load_models(settings_path.parent / settings.model)
    problems: list[Problem] = []
    thresholds: dict[str, dict[str, float]] = {}
    columns: dict[str, list[int]] = {}
    rules: dict[str, dict[str, str]] = {}
    for lang, items in settings.enabled.items():
        if lang not in LANGS:
            problems.append(Problem(doc.where(("enabled", lang)), f"unknown language {lang!r}; use zh or en"))
            continue
        model = models.get(lang)
        for i, item in enumerate(items):
            here = doc.where(("enabled", lang, i, "category"))
            if item.category not in CATEGORIES:
                problems.append(Problem(here, f"unknown category {item.category!r}"))
            elif model is None or item.category not in model.categories:
                problems.append(Problem(here, f"the {lang} model has no category {item.category!r}"))
            elif item.rule is not None and not item.rule.startswith(f"{lang}."):
                problems.append(
                    Problem(doc.where(("enabled", lang, i, "rule")), f"{item.rule!r} is not a {lang} rule")
                )
            else:
                thresholds.setdefault(lang, {})[item.category] = item.threshold
                columns.setdefault(lang, []).append(model.categories.index(item.category))
                if item.rule:
                    rules.setdefault(lang, {})[item.category] = item.rule
    types = _type_settings(doc, settings, settings_path.parent, models, problems)
    if problems:
        raise ProblemsError(problems, "the clause model settings are not valid")
    return ClauseLayer(models, thresholds, columns, rules, types)


def _type_settings(doc, settings: ModelSettings, folder: Path, models: dict[str, LangModel], problems: list):
    """The enabled clause types per language, cut from the type model (problems name the line)."""
    if not settings.types:
        return {}
    if settings.types_model is None:
        problems.append(
            Problem(doc.where(("types",)), "types need types_model (the .npz of the type weights)")
        )
        return {}
    loaded = load_types(folder / settings.types_model, models)
    out = {}
    for lang, items in settings.types.items():
        tm = loaded.get(lang)
        rows, cuts = [], []
        for i, item in enumerate(items):
            here = doc.where(("types", lang, i, "type"))
            if tm is None or item.type not in tm.types:
                problems.append(Problem(here, f"the {lang} type model has no type {item.type!r}"))
            elif item.add is None and item.keep is None:
                problems.append(Problem(here, f"{item.type}: give add, keep or both"))
            else:
                rows.append(tm.types.index(item.type))
                cuts.append((item.add, item.keep))
        if tm is not None and rows:
            out[lang] = (
                replace(
                    tm, types=[tm.types[r] for r in rows], coef=tm.coef[rows], intercept=tm.intercept[rows]
                ),
                cuts,
            )
    return out


DEFAULT_SETTINGS = "models/clauses.yaml"


@lru_cache(maxsize=1)
def default_layer() -> ClauseLayer:
    """The shipped model and settings, loaded once per process on first use."""
    return load_layer(package_path(DEFAULT_SETTINGS.split("/")[0]) / DEFAULT_SETTINGS.split("/")[1])


# --------------------------------------------------------------------------- findings


def explaining_rule(
    ruleset: RuleSet, category: str, lang: str, rule_id: str | None = None
) -> CompiledRule | None:
    """The rule whose message, basis and fallback explain a model finding of `category`: the one
    the settings name (when the packs have it), else the category's first rule in `lang` without a
    numeric condition, else its first rule."""
    rules = [cr for cr in ruleset.rules if cr.rule.category == category and cr.language == lang]
    named = [cr for cr in rules if cr.id == rule_id]
    if named:
        return named[0]
    plain = [cr for cr in rules if cr.rule.value is None]
    return plain[0] if plain else (rules[0] if rules else None)


def sentences(norm: str) -> list[tuple[int, int]]:
    """Spans of the clause's sentences (as the rules' party test splits them), without the ones
    that are only a number or a label (「1.」)."""
    spans, a = [], 0
    for m in _SENTENCE_END.finditer(norm):
        spans.append((a, m.end()))
        a = m.end()
    spans.append((a, len(norm)))
    return [(a, b) for a, b in spans if _WORDY.search(norm, a, b)] or [(0, len(norm))]


def best_sentence(norm: str, category: str, lang: str, layer: ClauseLayer) -> tuple[int, int]:
    """The span (in `norm`) of the sentence the model scores highest for `category`."""
    spans = sentences(norm)
    if len(spans) == 1:
        return spans[0]
    scored = [(layer.scores(norm[a:b], lang).get(category, 0.0), -a, (a, b)) for a, b in spans]
    return max(scored)[2]


def binds_rule_party(
    cr: CompiledRule, norm: str, span: tuple[int, int], ruleset: RuleSet, unit: Unit
) -> bool:
    """The rule's party test on the sentence: not an unselected option; its subject (or the
    party a penalty is imposed on, or the party of the heading above) is the rule's party or
    unknown. A mutual sentence does not bind one party."""
    a, b = span
    if unselected_option(norm, a):
        return False
    if cr.rule.party == "any":
        return True
    patterns = ruleset.role_patterns(cr.language)
    sentence = norm[a:b]
    if cr.rule.party == "supplier" and bearer(sentence, patterns, cr.language) == "supplier":
        return True
    who = actor(sentence, 0, 0, patterns, cr.language)
    if who is None and unit.context:
        who = party_of_heading(normalise(unit.context), patterns)
    return who is None or who == cr.rule.party


def _finding(cr: CompiledRule, unit: Unit, sentence: str, confidence: float) -> Finding:
    return rule_finding(
        cr, unit, unit.text, sentence.strip()[:160], source="model", confidence=round(confidence, 3)
    )


def category_keywords(ruleset: RuleSet, layer: ClauseLayer) -> dict[str, dict[str, tuple[str, ...]]]:
    """Per language and enabled category, the keywords of the category's rules: the model reads
    only clauses that hold one of them (the rules' own prefilter; it bounds the model's cost)."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang, cats in layer.thresholds.items():
        for category in cats:
            words = {
                k
                for cr in ruleset.rules
                if cr.language == lang and cr.rule.category == category
                for k in cr.keywords
            }
            out.setdefault(lang, {})[category] = tuple(sorted(words))
    return out


def rule_excepts(cr: CompiledRule, norm: str, span: tuple[int, int]) -> bool:
    """The explaining rule's own exceptions hold: a `none` pattern in the clause or an
    `unless_sentence` pattern in the model's sentence (a termination for breach is for cause,
    whatever the model's score)."""
    sentence = norm[span[0] : span[1]]
    return any(p.search(norm) for p in cr.none) or any(p.search(sentence) for p in cr.sentence_none)


def unit_findings(
    unit: Unit,
    ruleset: RuleSet,
    have: set[str],
    langs: set[str],
    layer: ClauseLayer,
    keywords: dict[str, dict[str, tuple[str, ...]]],
) -> list[tuple[Finding, CompiledRule]]:
    """The model's findings on one clause for categories no rule reported on it."""
    out = []
    norm = unit.norm
    for lang in sorted(langs & set(layer.thresholds)):
        gates = _gates_of(keywords, lang)
        present = gates.present(norm)
        gated = {c for c in keywords.get(lang, {}) if c not in have and gates.holds(c, present)}
        if not gated:
            continue
        for category, p in layer.scores(norm, lang).items():
            if category not in gated or p < layer.thresholds[lang][category]:
                continue
            cr = explaining_rule(ruleset, category, lang, layer.rules.get(lang, {}).get(category))
            if cr is None:
                continue
            span = best_sentence(norm, category, lang, layer)
            if binds_rule_party(cr, norm, span, ruleset, unit) and not rule_excepts(cr, norm, span):
                out.append((_finding(cr, unit, norm[span[0] : span[1]], p), cr))
                have.add(category)
    return out


class Keywords:
    """Which groups of keywords a text holds one of (`any(k in text for k in words)` per group),
    from one Aho–Corasick pass over the text."""

    def __init__(self, groups: dict) -> None:
        ids: dict[str, int] = {}
        self.ids = {
            key: frozenset(ids.setdefault(w, len(ids)) for w in words if w) for key, words in groups.items()
        }
        self.always = {key for key, words in groups.items() if "" in words}  # "" is in every text
        self.automaton = new_automaton()
        for w, i in ids.items():
            self.automaton.add_word(w, i)
        self.empty = not ids
        if not self.empty:
            self.automaton.make_automaton()

    def present(self, text: str) -> set[int]:
        return set() if self.empty else {k for _end, k in self.automaton.iter(text)}

    def holds(self, key, present: set[int]) -> bool:
        return key in self.always or not self.ids[key].isdisjoint(present)


#: the keyword automata of the last keyword tables (id of the table -> (table, lang -> Keywords))
_KEYWORDS: OrderedDict[int, tuple[object, dict[str, Keywords]]] = OrderedDict()


def _gates_of(table, lang: str) -> Keywords:
    """The Keywords of `table` (category -> words per language, or a list of word groups for one
    language), built once per table object."""
    got = _KEYWORDS.get(id(table))
    if got is None or got[0] is not table:
        got = (table, {})
        _KEYWORDS[id(table)] = got
        while len(_KEYWORDS) > 16:
            _KEYWORDS.popitem(last=False)
    found = got[1].get(lang)
    if found is None:
        groups = table.get(lang, {}) if isinstance(table, dict) else dict(enumerate(table))
        found = got[1][lang] = Keywords(groups)
    return found


#: (id(ruleset), id(layer)) -> (ruleset, layer, category_keywords, type_keywords per language)
_TABLES: OrderedDict[tuple[int, int], tuple] = OrderedDict()


def _tables(ruleset: RuleSet, layer: ClauseLayer) -> tuple[dict, dict]:
    """category_keywords(ruleset, layer) and type_keywords of each language's types, built once
    per rule set and layer (the last few kept, holding them so their ids are not reused)."""
    key = (id(ruleset), id(layer))
    got = _TABLES.get(key)
    if got is None or got[0] is not ruleset or got[1] is not layer:
        types = {lang: type_keywords(ruleset, tm.types, lang) for lang, (tm, _) in layer.types.items()}
        got = _TABLES[key] = (ruleset, layer, category_keywords(ruleset, layer), types)
        while len(_TABLES) > 16:
            _TABLES.popitem(last=False)
    return got[2], got[3]


def model_findings(
    units: list[Unit],
    ruleset: RuleSet,
    rule_findings: list[Finding],
    languages: set[str] | None,
    layer: ClauseLayer,
) -> tuple[list[Finding], list[KeyTerm]]:
    """Model findings (source: model, with confidence) on clauses where no rule of the same
    category fired, each with the key term of its explaining rule's clause type."""
    fired: dict[tuple[str | None, str], set[str]] = {}
    for f in rule_findings:
        fired.setdefault((f.clause, f.text), set()).add(f.category)
    findings: list[Finding] = []
    terms: list[KeyTerm] = []
    keywords = _tables(ruleset, layer)[0]
    for unit in units:
        have = set(fired.get((unit.clause, unit.text[:TEXT_LIMIT]), ()))
        langs = languages or set(unit.languages)
        for f, cr in unit_findings(unit, ruleset, have, langs, layer, keywords):
            findings.append(f)
            if cr.rule.clause_type:
                terms.append(
                    KeyTerm(
                        cr.rule.clause_type,
                        unit.clause,
                        unit.location,
                        f.text,
                        language=f.language,
                        source="model",
                    )
                )
    return findings, terms


def type_keywords(ruleset: RuleSet, types: list[str], lang: str) -> list[tuple[str, ...]]:
    """Per type, the keywords of the terms and rules of `lang` that give it: the model adds a type
    only to a clause holding one of them (it bounds the model's cost)."""
    out = []
    for typ in types:
        words = {
            k for ct in ruleset.terms if ct.language == lang and ct.term.type == typ for k in ct.term.keywords
        }
        words |= {
            k
            for cr in ruleset.rules
            if cr.language == lang and cr.rule.clause_type == typ
            for k in cr.keywords
        }
        out.append(tuple(sorted(words)))
    return out


def _unit_types(
    unit: Unit, lang: str, tm: TypeModel, cuts: list, have: set[str], gates: list[tuple[str, ...]]
) -> tuple[set[str], list[KeyTerm]]:
    """(types of the rules and terms on the clause the model does not confirm, types it adds)."""
    norm = unit.norm
    kw = _gates_of(gates, lang)
    present = kw.present(norm)
    open_ = [typ not in have and kw.holds(i, present) for i, typ in enumerate(tm.types)]
    if not any(open_) and not any(
        typ in have and keep is not None for typ, (_, keep) in zip(tm.types, cuts, strict=True)
    ):
        return set(), []
    drop, add = set(), []
    scores = tm.decision(norm)
    for typ, (at, keep), d, gate in zip(tm.types, cuts, scores.tolist(), open_, strict=True):
        reached = at is not None and d >= at and (gate or typ in have)
        if typ in have:
            if keep is not None and d < keep and not reached:
                drop.add(typ)
        elif reached:
            add.append(
                KeyTerm(
                    typ, unit.clause, unit.location, unit.text[:TEXT_LIMIT], language=lang, source="model"
                )
            )
    return drop, add


def model_types(
    units: list[Unit], terms: list[KeyTerm], ruleset: RuleSet, languages: set[str] | None, layer: ClauseLayer
) -> list[KeyTerm]:
    """The key terms with the clause-type model applied: on each clause, a type of the rules or
    terms that the model does not confirm (score < keep) is dropped, and a type no rule or term
    gave is added where the score reaches `add`. Findings are not touched."""
    if not layer.types:
        return terms
    by_unit: dict[tuple[str | None, str], list[KeyTerm]] = {}
    for t in terms:
        by_unit.setdefault((t.clause, t.text), []).append(t)
    out = list(terms)
    gates = _tables(ruleset, layer)[1]
    for unit in units:
        for lang in sorted((languages or set(unit.languages)) & set(layer.types)):
            tm, cuts = layer.types[lang]
            mine = by_unit.get((unit.clause, unit.text[:TEXT_LIMIT]), [])
            drop, add = _unit_types(unit, lang, tm, cuts, {t.type for t in mine}, gates[lang])
            if drop:
                gone = {id(t) for t in mine if t.type in drop}
                out = [t for t in out if id(t) not in gone]
            out.extend(add)
    return out
