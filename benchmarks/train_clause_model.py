"""Train the clause model (bidassist/models/clauses.npz) and choose, by cross-validation on the
development documents only, which categories it reports and from which confidence.

    .venv/bin/python benchmarks/train_clause_model.py            # CV report, then train and write
    .venv/bin/python benchmarks/train_clause_model.py --cv-only  # CV report only
    .venv/bin/python benchmarks/train_clause_model.py --lang en

Needs scikit-learn (the `train` extra); the shipped scorer needs numpy only.

Training data (development part only; held-out documents are never read):
- the real corpus, `benchmarks/corpora/contracts/{zh,en}/*.labels.yaml` with `split: dev`: each
  clause is a positive for the categories whose trap quotes it holds, a negative for the rest
  (clauses holding a labelled look-alike weigh LOOKALIKE_WEIGHT);
- CUAD's even-indexed contracts (English) for the categories CUAD labels (CUAD_CATEGORIES);
- every rule's examples: `match` positives and `no_match` negatives of the rule's category, and the
  labelled clause corpora of the tests (`tests/checklist/corpus_{zh,en}`: traps and their twins).

Cross-validation: group folds by document (FOLDS); each fold's model is exported to the shipped
numpy form and run through the real pipeline (`run_units`, party test, dedupe with the rules), so
the figures are those of `check`. A category is enabled at the lowest threshold at which the model
alone is right on ALONE_PRECISION of its findings (at least MIN_CORRECT) on the unseen folds of the
real dev documents (the rules were tuned on those documents, so their dev recall overstates what is
left for the model), if its additions to the rules are right at MIN_PRECISION and (English) it does
not lower CUAD's contract-level F1 of the category's clause type. Deterministic (seeded solvers, fixed folds).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cuad_score import CATEGORY_TYPES, DEFAULT_DATA, load_contracts  # noqa: E402
from score_real import DEFAULT, SKIP, covers, documents, score_document  # noqa: E402

from bidassist.checklist import load_packs  # noqa: E402
from bidassist.checklist.api import run_units  # noqa: E402
from bidassist.checklist.engine import TEXT_LIMIT  # noqa: E402
from bidassist.checklist.model import ClauseLayer, LangModel, features, save_model  # noqa: E402
from bidassist.checklist.rules import normalise  # noqa: E402
from bidassist.checklist.units import units_from_clauses  # noqa: E402
from bidassist.reading import split_clauses, text_blocks  # noqa: E402

MODEL_DIR = ROOT / "bidassist" / "models"
#: CUAD category -> our category (CUAD labels a clause type for either party; the party test filters)
CUAD_CATEGORIES = {
    "Termination For Convenience": "termination.convenience",
    "Renewal Term": "renewal.auto",
    "Notice Period To Terminate Renewal": "renewal.auto",
    "Most Favored Nation": "price.most_favored",
    "Exclusivity": "exclusivity",
    "Non-Compete": "exclusivity",
    "Ip Ownership Assignment": "ip.assignment",
    "Liquidated Damages": "penalty.excessive",
    "Warranty Duration": "warranty.long",
}
FOLDS = 5
INNER_FOLDS = 3
SEED = 0
MAX_FEATURES = {"zh": 40000, "en": 40000}
MIN_DF = 2
C = 2.0
#: a category is trained when the documents hold at least this many positive clauses
MIN_POSITIVES = 8
LOOKALIKE_WEIGHT = 3.0
THRESHOLDS = [round(x, 2) for x in np.arange(0.30, 0.96, 0.05)]
FLOOR = min(THRESHOLDS)
MIN_PRECISION = 0.5
#: categories decided by a number (a rate, a period, a share): the model reads digits as 0 and
#: cannot judge them, so it never reports them (trained for the figures only)
NUMERIC = {
    "penalty.excessive",
    "warranty.long",
    "retention.excessive",
    "payment.long_term",
    "bond.performance_excessive",
    "bond.bid_excessive",
}
#: the rule that explains a model finding where the default (the first rule without a number)
#: says more than the model can know: at-will termination, whether or not work done is paid
EXPLAINED_BY = {"termination.convenience": "{lang}.termination.convenience.paid"}
ALONE_PRECISION = 0.6
MIN_CORRECT = 3


@dataclass
class Doc:
    id: str
    lang: str
    units: list
    positives: list[set[str]]  # per unit
    weights: list[float]
    labels: dict | None = None  # real corpus labels (None: CUAD)
    cuad_gold: dict[str, bool] = field(default_factory=dict)  # CUAD category -> gold
    we: str | None = None


def split_units(text: str, name: str) -> list:
    return units_from_clauses(split_clauses(text_blocks(text, name)))


def real_docs(corpus: Path) -> list[Doc]:
    out = []
    for lang, labels, path in documents(corpus, "dev"):
        assert labels.get("split") == "dev"
        units = split_units(path.read_text(encoding="utf-8"), path.name)
        traps = [t for t in labels.get("traps") or [] if t["category"] not in SKIP]
        looks = [t for t in labels.get("lookalikes") or [] if t["category"] not in SKIP]
        pos = [{t["category"] for t in traps if covers(u.text, t["quote"])} for u in units]
        w = [LOOKALIKE_WEIGHT if any(covers(u.text, t["quote"]) for t in looks) else 1.0 for u in units]
        out.append(
            Doc(labels.get("id", path.stem), lang, units, pos, w, labels, we=labels.get("supplier_party"))
        )
    return out


def cuad_docs(path: Path, limit: int | None) -> list[Doc]:
    out = []
    for i, c in enumerate(load_contracts(path, None)):
        if i % 2:  # odd-indexed contracts are CUAD's held-out part: never read
            continue
        if limit is not None and len(out) >= limit:
            break
        units = split_units(c["text"], str(c.get("contract_id", i)))
        pos: list[set[str]] = [set() for _ in units]
        gold = {}
        for cuad_cat in CATEGORY_TYPES:
            spans = [s["text"] for s in c["labels"].get(cuad_cat) or [] if s.get("text", "").strip()]
            gold[cuad_cat] = bool(spans)
            ours = CUAD_CATEGORIES.get(cuad_cat)
            if ours is None:
                continue
            for k, u in enumerate(units):
                if any(covers(u.text, s) for s in spans):
                    pos[k].add(ours)
        out.append(Doc(f"cuad-{i}", "en", units, pos, [1.0] * len(units), cuad_gold=gold))
    return out


def clause_corpus(lang: str) -> tuple[list[str], list[set[str]]]:
    """The labelled clause corpora of the tests (tests/checklist/corpus_<lang>): traps are positives
    of their categories, twins negatives."""
    import yaml

    texts, pos = [], []
    for path in sorted((ROOT / "tests" / "checklist" / f"corpus_{lang}").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for item in data.get("items") or [] if isinstance(data, dict) else data:
            cats = set(item.get("categories") or [item["category"]])
            texts.append(item["text"])
            pos.append(cats if item["label"] == "trap" else set())
    return texts, pos


def pack_examples(rules, lang: str) -> tuple[list[str], list[set[str]]]:
    """The rules' examples and the clause corpora of `lang`."""
    texts, pos = clause_corpus(lang)
    for cr in rules.rules:
        if cr.language != lang:
            continue
        for t in cr.rule.examples.match:
            texts.append(t)
            pos.append({cr.rule.category})
        for t in cr.rule.examples.no_match:
            texts.append(t)
            pos.append(set())
    return texts, pos


# --------------------------------------------------------------------------- fitting


def fit(lang: str, texts: list[str], pos: list[set[str]], weights: list[float], groups: list[str], cats):
    """TfidfVectorizer + one calibrated logistic regression per category (sklearn objects)."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    vec = TfidfVectorizer(
        analyzer=lambda t: features(t, lang),
        sublinear_tf=True,
        min_df=MIN_DF,
        max_features=MAX_FEATURES[lang],
        dtype=np.float64,
    )
    X = vec.fit_transform(texts)
    w = np.asarray(weights)
    splits = list(GroupKFold(n_splits=INNER_FOLDS).split(X, groups=groups))
    clfs = {}
    for cat in cats:
        y = np.array([cat in p for p in pos], dtype=int)
        base = LogisticRegression(
            C=C, class_weight="balanced", solver="liblinear", dual=True, random_state=SEED, max_iter=2000
        )
        clf = CalibratedClassifierCV(base, method="sigmoid", cv=splits, ensemble=False)
        clfs[cat] = clf.fit(X, y, sample_weight=w)
    return vec, clfs


def export(lang: str, vec, clfs: dict) -> LangModel:
    """The fitted sklearn objects in the shipped numpy form."""
    cats = list(clfs)
    coef, intercept, a, b = [], [], [], []
    for cat in cats:
        cc = clfs[cat].calibrated_classifiers_[0]
        coef.append(cc.estimator.coef_[0])
        intercept.append(cc.estimator.intercept_[0])
        a.append(cc.calibrators[0].a_)
        b.append(cc.calibrators[0].b_)
    return LangModel(
        lang,
        cats,
        {g: int(i) for g, i in vec.vocabulary_.items()},
        vec.idf_.astype(np.float64),
        np.vstack(coef),
        np.array(intercept),
        np.array(a),
        np.array(b),
    )


def training_set(docs: list[Doc], rules, lang: str):
    texts, pos, weights, groups = [], [], [], []
    for d in docs:
        for u, p, w in zip(d.units, d.positives, d.weights, strict=True):
            texts.append(normalise(u.text))
            pos.append(p)
            weights.append(w)
            groups.append(d.id)
    ex_texts, ex_pos = pack_examples(rules, lang)
    texts += [normalise(t) for t in ex_texts]
    pos += ex_pos
    weights += [1.0] * len(ex_texts)
    groups += [f"pack-{i % INNER_FOLDS}" for i in range(len(ex_texts))]
    return texts, pos, weights, groups


def categories_of(docs: list[Doc], rules, lang: str) -> list[str]:
    """Categories with at least MIN_POSITIVES positive clauses in the documents and the examples."""
    count: dict[str, int] = defaultdict(int)
    for p in [p for d in docs for p in d.positives] + pack_examples(rules, lang)[1]:
        for c in p:
            count[c] += 1
    return sorted(c for c, n in count.items() if n >= MIN_POSITIVES)


def train(docs: list[Doc], rules, lang: str, cats: list[str]) -> LangModel:
    texts, pos, weights, groups = training_set(docs, rules, lang)
    vec, clfs = fit(lang, texts, pos, weights, groups, cats)
    return export(lang, vec, clfs)


# --------------------------------------------------------------------------- cross-validation


def run_doc(doc: Doc, rules, layer: ClauseLayer | None):
    """(rule findings, model findings, clause types by source) of `check` on one document."""
    from score_real import SKIP as skip

    lang = "en" if doc.labels is None else None
    res = run_units(doc.units, rules, name=doc.id, lang=lang, we=doc.we, model=layer if layer else False)
    by_text = {(u.clause, u.text[:TEXT_LIMIT]): u for u in doc.units}
    found = [
        (by_text[(f.clause, f.text)], f)
        for f in res.findings
        if f.category not in skip and (f.clause, f.text) in by_text
    ]
    return found, res


def model_alone(doc: Doc, rules, layer: ClauseLayer):
    """(unit, finding) pairs of the model alone (no rule findings to dedupe against), party test kept."""
    from bidassist.checklist.api import contract_parties
    from bidassist.checklist.model import model_findings
    from bidassist.checklist.parties import roles

    ruleset = rules.for_roles(roles(contract_parties(doc.units, doc.we), rules.vocabulary))
    langs = {"en"} if doc.labels is None else None
    found, _ = model_findings(doc.units, ruleset, [], langs, layer)
    by_text = {(u.clause, u.text[:TEXT_LIMIT]): u for u in doc.units}
    return [(by_text[(f.clause, f.text)], f) for f in found if (f.clause, f.text) in by_text]


def cv_results(docs: list[Doc], rules, lang: str, cats: list[str]) -> list[dict]:
    """Per document: found (unit, finding) pairs with model findings at FLOOR, and CUAD types."""
    from sklearn.model_selection import GroupKFold

    ids = [d.id for d in docs]
    out = []
    for k, (tr, te) in enumerate(GroupKFold(n_splits=FOLDS).split(ids, groups=ids)):
        t0 = time.perf_counter()
        model = train([docs[i] for i in tr], rules, lang, cats)
        layer = ClauseLayer({lang: model}, {lang: dict.fromkeys(cats, FLOOR)}, {lang: list(range(len(cats)))})
        for i in te:
            found, res = run_doc(docs[i], rules, layer)
            rule_types = {kt.type for kt in res.clauses if kt.source == "rule"}
            model_types = [(f.category, f.confidence) for f in res.findings if f.source == "model"]
            alone = model_alone(docs[i], rules, layer)
            out.append(
                {
                    "doc": docs[i],
                    "found": found,
                    "alone": alone,
                    "rule_types": rule_types,
                    "model_types": model_types,
                }
            )
        print(
            f"  fold {k + 1}/{FOLDS}: trained and checked in {time.perf_counter() - t0:.0f} s",
            file=sys.stderr,
        )
    return out


def at_threshold(found, cat: str | None, t: float):
    """Rule findings plus model findings at confidence ≥ t (of `cat` only, when given)."""
    return [
        (u, f)
        for u, f in found
        if f.source != "model" or (f.confidence >= t and (cat is None or f.category == cat))
    ]


def real_tally(results, cat: str, t: float | None):
    """(traps, caught, findings, correct) of `cat` on the real dev documents; t None: rules only."""
    tr = ca = fi = co = 0
    for r in results:
        d = r["doc"]
        if d.labels is None:
            continue
        found = (
            [(u, f) for u, f in r["found"] if f.source != "model"]
            if t is None
            else at_threshold(r["found"], cat, t)
        )
        row = score_document(d.labels, found, d.id).get(cat)
        if row:
            tr, ca, fi, co = tr + row.traps, ca + row.caught, fi + row.findings, co + row.correct
    return tr, ca, fi, co


def rule_type_of(rules, cat: str, lang: str) -> str | None:
    from bidassist.checklist.model import explaining_rule

    cr = explaining_rule(rules, cat, lang)
    return cr.rule.clause_type if cr else None


def cuad_f1(results, cuad_cat: str, typ: str, cat: str, t: float | None) -> float:
    tp = fp = fn = 0
    for r in results:
        d = r["doc"]
        if d.labels is not None:
            continue
        model_hit = t is not None and any(c == cat and p >= t for c, p in r["model_types"])
        # a type reported only by the model counts only at confidence ≥ t
        pred = (typ in r["rule_types"]) or model_hit
        gold = d.cuad_gold.get(cuad_cat, False)
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * rc / (p + rc) if p + rc else 0.0


def alone_tally(results, cat: str, t: float):
    """(caught, findings, correct) of the model alone for `cat` at confidence ≥ t on the real dev documents."""
    ca = fi = co = 0
    for r in results:
        d = r["doc"]
        if d.labels is None:
            continue
        found = [(u, f) for u, f in r["alone"] if f.category == cat and f.confidence >= t]
        row = score_document(d.labels, found, d.id).get(cat)
        if row:
            ca, fi, co = ca + row.caught, fi + row.findings, co + row.correct
    return ca, fi, co


def pick_threshold(results, cat: str) -> float | None:
    """The lowest threshold at which the model alone is right often enough on unseen dev documents."""
    for t in THRESHOLDS:
        _, fi, co = alone_tally(results, cat, t)
        if co >= MIN_CORRECT and co / fi >= ALONE_PRECISION:
            return t
    return None


def choose(results, rules, lang: str, cats: list[str]) -> dict[str, dict]:
    """The threshold per category and the CV figures behind it: the model alone must reach
    ALONE_PRECISION with MIN_CORRECT right findings; its additions to the rules must reach
    MIN_PRECISION; (English) CUAD's contract-level F1 of the category must not drop."""
    chosen = {}
    for cat in cats:
        tr, ca0, fi0, co0 = real_tally(results, cat, None)
        t = pick_threshold(results, cat)
        shown = t if t is not None else THRESHOLDS[-1]
        _, ca, fi, co = real_tally(results, cat, shown)
        alone = alone_tally(results, cat, shown)
        typ = rule_type_of(rules, cat, lang)
        cuad_rows = {}
        for cuad_cat, ours in CUAD_CATEGORIES.items():
            if ours == cat and lang == "en" and typ:
                cuad_rows[cuad_cat] = (
                    round(cuad_f1(results, cuad_cat, CATEGORY_TYPES[cuad_cat], cat, None), 3),
                    round(cuad_f1(results, cuad_cat, CATEGORY_TYPES[cuad_cat], cat, shown), 3),
                )
        added, added_ok = fi - fi0, co - co0
        ok = t is not None and cat not in NUMERIC and (added == 0 or added_ok / added >= MIN_PRECISION)
        ok = ok and all(after >= before for before, after in cuad_rows.values())
        chosen[cat] = {
            "enabled": ok,
            "threshold": shown,
            "traps": tr,
            "rules": {"caught": ca0, "findings": fi0, "correct": co0},
            "alone": dict(zip(("caught", "findings", "correct"), alone, strict=True)),
            "with_model": {"caught": ca, "findings": fi, "correct": co},
            "cuad_f1_rules_vs_with": cuad_rows,
        }
    return chosen


def _rp(caught: int, traps: int, correct: int, findings: int) -> str:
    r = f"{caught / traps:.2f}" if traps else "—"
    p = f"{correct / findings:.2f}" if findings else "—"
    return f"{r:>5} {p:>5}"


def print_cv(lang: str, chosen: dict) -> None:
    print(
        f"\nCV on dev ({lang}, {FOLDS} folds by document): recall precision of the rules, the model alone, both"
    )
    print(
        f"{'category':28} {'traps':>5} {'t':>5} | {'rules':^11} | {'model':^11} | {'both':^11} | on  CUAD F1 rules→both"
    )
    for cat, c in chosen.items():
        r, a, m, n = c["rules"], c["alone"], c["with_model"], c["traps"]
        cuad = "; ".join(f"{k}: {x:.2f}→{y:.2f}" for k, (x, y) in c["cuad_f1_rules_vs_with"].items())
        print(
            f"{cat:28} {n:>5} {c['threshold']:>5.2f} | {_rp(r['caught'], n, r['correct'], r['findings'])} | "
            f"{_rp(a['caught'], n, a['correct'], a['findings'])} | {_rp(m['caught'], n, m['correct'], m['findings'])} | "
            f"{'yes' if c['enabled'] else 'no ':3} {cuad}"
        )


def write_settings(chosen_by_lang: dict[str, dict], rules) -> None:
    lines = [
        "# Which categories the clause model (clauses.npz) may report, per language, and from which",
        "# calibrated confidence. Written by benchmarks/train_clause_model.py from cross-validation on the",
        "# development documents (group folds by document); a category is listed only where it added",
        "# caught traps there; categories later found not to help on held-out documents are removed by hand",
        "# (see the note of the closing report).",
        "model: clauses.npz",
        "enabled:",
    ]
    for lang, chosen in chosen_by_lang.items():
        on = {c: v for c, v in chosen.items() if v["enabled"] and c not in NUMERIC}
        ids = {cr.id for cr in rules.rules}
        if not on:
            lines.append(f"  {lang}: []")
            continue
        lines.append(f"  {lang}:")
        for cat, v in on.items():
            m, r = v["with_model"], v["rules"]
            note = f"dev CV: caught {r['caught']}→{m['caught']} of {v['traps']}, findings {r['findings']}→{m['findings']}"
            rule = EXPLAINED_BY.get(cat, "").format(lang=lang)
            rule = f", rule: {rule}" if rule in ids else ""
            lines.append(f'    - {{category: {cat}, threshold: {v["threshold"]}{rule}, note: "{note}"}}')
    (MODEL_DIR / "clauses.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=("zh", "en"), action="append")
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument(
        "--cuad-limit", type=int, default=None, help="only the first N even-indexed CUAD contracts"
    )
    ap.add_argument("--cuad", type=Path, default=DEFAULT_DATA, help="CUAD jsonl (default: %(default)s)")
    ap.add_argument("--json", type=Path, help="write the CV figures here")
    ap.add_argument(
        "--cv-from", type=Path, action="append", help="reuse the CV figures of an earlier --json run (no CV)"
    )
    args = ap.parse_args(argv)
    rules = load_packs()
    langs = args.lang or ["zh", "en"]
    real = real_docs(DEFAULT)
    models, chosen_by_lang = [], {}
    for lang in langs:
        docs = [d for d in real if d.lang == lang]
        if lang == "en":
            docs += cuad_docs(args.cuad, args.cuad_limit)
        cats = categories_of(docs, rules, lang)
        print(
            f"{lang}: {len(docs)} documents, {sum(len(d.units) for d in docs)} clauses, categories {cats}",
            file=sys.stderr,
        )
        earlier = {
            k: v for p in args.cv_from or [] for k, v in json.loads(p.read_text(encoding="utf-8")).items()
        }
        if lang in earlier:
            chosen_by_lang[lang] = earlier[lang]
        else:
            chosen_by_lang[lang] = choose(cv_results(docs, rules, lang, cats), rules, lang, cats)
        print_cv(lang, chosen_by_lang[lang])
        if not args.cv_only:
            models.append(train(docs, rules, lang, cats))
    if args.json:
        args.json.write_text(json.dumps(chosen_by_lang, indent=2), encoding="utf-8")
    if not args.cv_only:
        MODEL_DIR.mkdir(exist_ok=True)
        save_model(MODEL_DIR / "clauses.npz", models)
        write_settings(chosen_by_lang, rules)
        print(
            f"wrote {MODEL_DIR / 'clauses.npz'} ({(MODEL_DIR / 'clauses.npz').stat().st_size / 1e6:.2f} MB) and clauses.yaml"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
