"""Experiments beside the clause model (session 15): does another statistical layer catch the traps
the rules miss on unseen sources, or tell a rule's false alarms from its right findings? Reports
only; nothing here is shipped (what ships is chosen by train_clause_model.py).

    .venv/bin/python benchmarks/clause_model_experiments.py false-alarm --cv-cache CACHE --lang zh
    .venv/bin/python benchmarks/clause_model_experiments.py sentence --cv-cache CACHE --lang zh
    .venv/bin/python benchmarks/clause_model_experiments.py outside /work/corpus/contracts --lang zh

CACHE is the `--cv-cache` of `train_clause_model.py --cv-only` (its per-document results: rule
findings, the fold model's scores per clause; folds grouped by source, as there).

- false-alarm: every rule finding of the unseen folds, right (on a trap of its category) or wrong;
  a logistic regression over the n-grams of the sentence the rule matched (alone, with the
  category, with the rule id), cross-validated by source: AUC and what suppressing below s removes.
- sentence: a sentence-level scorer (trained on sentences, a clause scored by its best sentence)
  against the clause model, on the same folds: the findings each would add to the rules with no
  keyword gate and no party test (added, right, traps the rules missed, look-alikes flagged).
- outside: both scorers trained on all the development documents, run on a corpus never trained
  on (the labelled documents of CORPUS with `split: dev`): their additions, and how well the
  clause model's confidence tells the rules' right findings from their false alarms there.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import train_clause_model as T  # noqa: E402
from score_real import SKIP, covers, documents, squash  # noqa: E402

from bidassist.checklist import load_packs  # noqa: E402
from bidassist.checklist.model import LangModel, features, sentences  # noqa: E402
from bidassist.checklist.rules import normalise  # noqa: E402

AT = (0.5, 0.7, 0.85)
SUPPRESS = (0.2, 0.3, 0.4, 0.5)


def load_cache(cache: Path, lang: str) -> list[dict]:
    import __main__

    __main__.Doc = T.Doc  # type: ignore[attr-defined]  # the cache was pickled by train_clause_model
    path = cache.with_name(f"{cache.stem}.{lang}{cache.suffix}")
    return pickle.loads(path.read_bytes())  # noqa: S301 - our own file from --cv-cache


def auc(pos: list[float], neg: list[float]) -> float:
    if not pos or not neg:
        return float("nan")
    p, n = np.array(pos)[:, None], np.array(neg)[None, :]
    return float(((p > n) + 0.5 * (p == n)).mean())


def is_right(u, f, labels: dict) -> bool:
    return any(t["category"] == f.category and covers(u.text, t["quote"]) for t in labels.get("traps") or [])


# --------------------------------------------------------------------------- false alarms


def finding_rows(results: list[dict]) -> list[dict]:
    """Every rule finding of the unseen folds with its sentence, category, rule, source and verdict."""
    rows = []
    for r in results:
        labels = r["doc"].labels
        for u, f in r["found"]:
            if f.source == "model":
                continue
            sent = T.matched_sentence(normalise(u.text), f)
            rows.append(
                {
                    "sent": sent,
                    "cat": f.category,
                    "rule": f.rule,
                    "group": r["doc"].group,
                    "ok": is_right(u, f, labels),
                }
            )
    return rows


def design(train: list[dict], test: list[dict], lang: str, extra: str | None):
    """Tf-idf of the sentences, with a one-hot column per value of `extra` (cat or rule) when given."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=lambda t: features(t, lang), sublinear_tf=True, min_df=2)
    xtr, xte = vec.fit_transform([d["sent"] for d in train]), vec.transform([d["sent"] for d in test])
    if extra is None:
        return xtr, xte
    values = sorted({d[extra] for d in train})

    def onehot(ds: list[dict]):
        m = np.zeros((len(ds), len(values)))
        for i, d in enumerate(ds):
            if d[extra] in values:
                m[i, values.index(d[extra])] = 1.0
        return csr_matrix(m)

    return hstack([xtr, onehot(train)]).tocsr(), hstack([xte, onehot(test)]).tocsr()


def false_alarm(results: list[dict], lang: str) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    rows = finding_rows(results)
    y = np.array([d["ok"] for d in rows])
    print(f"{lang}: {len(rows)} rule findings on the unseen folds, {int((~y).sum())} wrong")
    for extra in (None, "cat", "rule"):
        oof = np.zeros(len(rows))
        for tr, te in GroupKFold(n_splits=T.FOLDS).split(rows, groups=[d["group"] for d in rows]):
            xtr, xte = design([rows[i] for i in tr], [rows[i] for i in te], lang, extra)
            clf = LogisticRegression(C=2.0, class_weight="balanced", max_iter=2000).fit(xtr, y[tr])
            oof[te] = clf.predict_proba(xte)[:, 1]
        line = (
            f"  sentence n-grams{' + ' + extra if extra else ''}: AUC {auc(list(oof[y]), list(oof[~y])):.2f};"
        )
        for s in SUPPRESS:
            gone = oof < s
            line += f" below {s}: removes {int(gone.sum())} ({int((gone & ~y).sum())} wrong);"
        print(line)


# --------------------------------------------------------------------------- additions


def additions(docs: list[dict], cats: list[str], scores: str, t: float) -> dict[str, list[int]]:
    """Per category [added, right, traps the rules missed, look-alikes flagged] of the clauses
    scored ≥ t that hold no rule finding of the category (docs: labels, units, found, scores)."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for d in docs:
        for ci, cat in enumerate(cats):
            row = out[cat]
            traps = [x["quote"] for x in d["labels"].get("traps") or [] if x["category"] == cat]
            looks = [x["quote"] for x in d["labels"].get("lookalikes") or [] if x["category"] == cat]
            ruled = [u for u, f in d["found"] if f.category == cat]
            caught = {q for q in traps if any(covers(u.text, q) for u in ruled)}
            new: set[str] = set()
            for j, u in enumerate(d["units"]):
                if d[scores][j][ci] < t or any(u is v for v in ruled):
                    continue
                row[0] += 1
                hit = [q for q in traps if covers(u.text, q)]
                row[1] += bool(hit)
                row[3] += not hit and any(covers(u.text, q) for q in looks)
                new |= set(hit) - caught
            row[2] += len(new)
    return out


def print_additions(title: str, docs: list[dict], cats: list[str], scores: str) -> None:
    print(f"\n{title}: category, t: added / right / traps the rules missed / look-alikes flagged")
    for t in AT:
        got = additions(docs, cats, scores, t)
        total = [sum(v[i] for v in got.values()) for i in range(4)]
        print(f"  t={t}: TOTAL {total[0]} / {total[1]} / {total[2]} / {total[3]}")
        for cat, v in sorted(got.items()):
            if v[0]:
                print(f"    {cat:28} {v[0]:>4} / {v[1]:>3} / {v[2]:>2} / {v[3]}")


def inside(sentence: str, quote: str) -> bool:
    s, q = squash(sentence), squash(quote)
    return len(s) >= 6 and (s in q or q[:40] in s)


def sentence_rows(doc: T.Doc) -> tuple[list[str], list[set[str]], list[float]]:
    """The document's sentences, each a positive of the categories whose trap quote holds it."""
    labels = doc.labels or {}
    traps = [t for t in labels.get("traps") or [] if t["category"] not in SKIP]
    looks = [t for t in labels.get("lookalikes") or [] if t["category"] not in SKIP]
    texts, pos, weights = [], [], []
    for u in doc.units:
        norm = normalise(u.text)
        for a, b in sentences(norm):
            s = norm[a:b]
            texts.append(s)
            pos.append({t["category"] for t in traps if inside(s, t["quote"])})
            weights.append(T.LOOKALIKE_WEIGHT if any(inside(s, t["quote"]) for t in looks) else 1.0)
    return texts, pos, weights


def sentence_model(docs: list[T.Doc], rules, lang: str, cats: list[str]) -> LangModel:
    texts, pos, weights, groups = [], [], [], []
    for d in docs:
        t, p, w = sentence_rows(d)
        texts += t
        pos += p
        weights += w
        groups += [d.group or d.id] * len(t)
    ex_texts, ex_pos = T.pack_examples(rules, lang)
    texts += [normalise(x) for x in ex_texts]
    pos += ex_pos
    weights += [1.0] * len(ex_texts)
    groups += [f"pack-{i % T.INNER_FOLDS}" for i in range(len(ex_texts))]
    vec, clfs = T.fit(lang, texts, pos, weights, groups, cats)
    return T.export(lang, vec, clfs)


def best_sentence_scores(model: LangModel, units) -> np.ndarray:
    return np.array(
        [
            np.max([model.proba(normalise(u.text)[a:b]) for a, b in sentences(normalise(u.text))], axis=0)
            for u in units
        ]
    )


def sentence(results: list[dict], lang: str) -> None:
    """The sentence scorer retrained on the same folds as the cached clause-model CV."""
    rules = load_packs()
    cats = results[0]["cats"]
    real = [d for d in T.real_docs(T.DEFAULT) if d.lang == lang]
    by_id = {r["doc"].id: r for r in results}
    docs = []
    for k in sorted({r["fold"] for r in results}):
        test = {r["doc"].id for r in results if r["fold"] == k}
        model = sentence_model([d for d in real if d.id not in test], rules, lang, cats)
        for d in (d for d in real if d.id in test):
            r = by_id[d.id]
            units = r["doc"].units  # the units the cached findings are on
            found = [(u, f) for u, f in r["found"] if f.source != "model"]
            docs.append(
                {
                    "labels": d.labels,
                    "units": units,
                    "found": found,
                    "clause": r["proba"],
                    "sentence": best_sentence_scores(model, units),
                }
            )
    print_additions("Clause model, unseen folds", docs, cats, "clause")
    print_additions("Sentence scorer, unseen folds", docs, cats, "sentence")


# --------------------------------------------------------------------------- outside corpus


def outside(corpus: Path, lang: str) -> None:
    rules = load_packs()
    real = [d for d in T.real_docs(T.DEFAULT) if d.lang == lang]
    cats = [c for c in T.categories_of(real, rules, lang) if c not in T.NUMERIC]
    clause_model = T.train(real, rules, lang, cats)
    sent_model = sentence_model(real, rules, lang, cats)
    docs = []
    for lg, labels, path in documents(corpus, "dev"):
        if lg != lang:
            continue
        d = T.Doc(path.stem, lg, T.split_units(path.read_text(encoding="utf-8"), path.name), [], [], labels)
        d.we = labels.get("supplier_party")
        found, _ = T.run_doc(d, rules, None)
        scores = np.array([clause_model.proba(normalise(u.text)) for u in d.units])
        docs.append(
            {
                "labels": labels,
                "units": d.units,
                "found": found,
                "clause": scores,
                "sentence": best_sentence_scores(sent_model, d.units),
            }
        )
    print(f"{corpus} ({lang}, {len(docs)} documents), models trained on all development documents")
    print_additions("Clause model", docs, cats, "clause")
    print_additions("Sentence scorer", docs, cats, "sentence")
    verdicts: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for d in docs:
        index = {id(u): j for j, u in enumerate(d["units"])}
        for u, f in d["found"]:
            if f.category in cats:
                p = float(d["clause"][index[id(u)]][cats.index(f.category)])
                verdicts[f.category][0 if is_right(u, f, d["labels"]) else 1].append(p)
    right = [p for v in verdicts.values() for p in v[0]]
    wrong = [p for v in verdicts.values() for p in v[1]]
    print(
        f"\nRule findings: {len(right)} right, {len(wrong)} wrong; clause-model AUC {auc(right, wrong):.2f}"
    )
    for s in (0.1, 0.2, 0.3):
        print(
            f"  suppress below {s}: removes {sum(p < s for p in right)} right, {sum(p < s for p in wrong)} wrong"
        )
    for cat, (r, w) in sorted(verdicts.items()):
        print(f"  {cat:28} right {len(r):>3} wrong {len(w):>3} AUC {auc(r, w):.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("experiment", choices=("false-alarm", "sentence", "outside"))
    ap.add_argument("corpus", nargs="?", type=Path, help="outside: the corpus never trained on")
    ap.add_argument("--lang", choices=("zh", "en"), default="zh")
    ap.add_argument("--cv-cache", type=Path, help="false-alarm, sentence: train_clause_model.py's --cv-cache")
    args = ap.parse_args(argv)
    if args.experiment == "outside":
        if args.corpus is None:
            ap.error("outside needs CORPUS")
        outside(args.corpus, args.lang)
        return 0
    if args.cv_cache is None:
        ap.error(f"{args.experiment} needs --cv-cache")
    results = load_cache(args.cv_cache, args.lang)
    (false_alarm if args.experiment == "false-alarm" else sentence)(results, args.lang)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
