"""Train the clause-type model (bidassist/models/clause_types.npz) for CUAD's English clause types
and choose, by cross-validation grouped by contract on CUAD's even-indexed (tuning) contracts only,
which types it may add or confirm and from which score.

    .venv/bin/python benchmarks/train_clause_types.py --cv-only   # CV report only
    .venv/bin/python benchmarks/train_clause_types.py             # CV report, then train and write

The odd-indexed contracts are CUAD's held-out part: this script never reads them.

The type model reads the same features as the clause model (the English vocabulary and idf of
clauses.npz) and adds one logistic regression per clause type, fitted on the clauses of the tuning
contracts (a clause is a positive of a type when it holds a CUAD label span of the category).
A contract's clause types are then those of the rules and terms, where (per type):
- `add`: a clause whose score reaches it is typed even when no rule or term typed it;
- `keep`: a clause a rule or term typed keeps the type only when its score reaches it
  (None: always kept).
The pair is chosen on the unseen folds to maximise the contract-level F1 of the category; a type
is enabled only when that F1 beats the rules' by MIN_GAIN. Needs scikit-learn (test extra).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cuad_score import CATEGORY_TYPES, DEFAULT_DATA, load_contracts  # noqa: E402
from score_real import covers  # noqa: E402

from bidassist.checklist import load_packs  # noqa: E402
from bidassist.checklist.api import run_units  # noqa: E402
from bidassist.checklist.engine import TEXT_LIMIT  # noqa: E402
from bidassist.checklist.model import (  # noqa: E402
    LangModel,
    default_layer,
    load_models,
    save_types,
    type_keywords,
)
from bidassist.checklist.units import units_from_clauses  # noqa: E402
from bidassist.reading import split_clauses  # noqa: E402
from bidassist.reading.text import text_blocks_and_headings  # noqa: E402

MODEL_DIR = ROOT / "bidassist" / "models"
FOLDS = 5
SEED = 0
C = 1.0
#: the enabled pair must beat the rules' contract-level F1 on the unseen folds by this much
MIN_GAIN = 0.02
GRID = [round(float(x), 2) for x in np.arange(-3.0, 6.01, 0.25)]


def units_of(text: str, name: str) -> list:
    """The units `check_text` makes of a contract (same reader, same headings)."""
    blocks, headings = text_blocks_and_headings(text, name)
    return units_from_clauses(split_clauses(blocks, headings=headings))


def vectors(units: list, model: LangModel):
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for r, u in enumerate(units):
        idx, x = model.vector(u.norm)
        rows += [r] * len(idx)
        cols += idx.tolist()
        vals += x.tolist()
    return csr_matrix((vals, (rows, cols)), shape=(len(units), len(model.vocab)))


def prepare(path: Path, limit: int | None, model: LangModel):
    """Per tuning contract: units, their features, gold per unit and contract, rule types per unit."""
    rules = load_packs()
    # the rules, the terms and the clause model's findings as shipped, without the type layer
    findings_layer = replace(default_layer(), types={})
    docs = []
    t0 = time.perf_counter()
    for i, c in enumerate(load_contracts(path, None)):
        if i % 2:  # held-out part: never read
            continue
        if limit is not None and len(docs) >= limit:
            break
        name = str(c.get("contract_id", i))
        units = units_of(c["text"], name)
        if not units:
            continue
        res = run_units(units, rules, name=name, lang="en", model=findings_layer)
        where = defaultdict(list)
        for k, u in enumerate(units):
            where[(u.clause, u.text[:TEXT_LIMIT])].append(k)
        typed: list[set[str]] = [set() for _ in units]
        for kt in res.clauses:
            for k in where.get((kt.clause, kt.text), ()):
                typed[k].add(kt.type)
        gold_units, gold = {}, {}
        for cat in CATEGORY_TYPES:
            spans = [s["text"] for s in c["labels"].get(cat) or [] if s.get("text", "").strip()]
            gold[cat] = bool(spans)
            gold_units[cat] = np.array([any(covers(u.text, s) for s in spans) for u in units])
        gates = {
            cat: np.array([any(k in u.norm for k in words) for u in units])
            for cat, words in zip(
                CATEGORY_TYPES, type_keywords(rules, list(CATEGORY_TYPES.values()), "en"), strict=True
            )
        }
        docs.append(
            {
                "id": i,
                "X": vectors(units, model),
                "typed": typed,
                "gold": gold,
                "unit_gold": gold_units,
                "gate": gates,
            }
        )
    print(f"prepared {len(docs)} tuning contracts in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return docs


def fit_type(X, y):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(
        C=C, class_weight="balanced", solver="liblinear", random_state=SEED, max_iter=2000
    )
    return clf.fit(X, y)


def cv_scores(docs, cats):
    """Decision values of each unit per category from models that never saw its contract."""
    from scipy.sparse import vstack
    from sklearn.model_selection import GroupKFold

    out = {cat: [None] * len(docs) for cat in cats}
    ids = list(range(len(docs)))
    for k, (tr, te) in enumerate(GroupKFold(n_splits=FOLDS).split(ids, groups=ids)):
        t0 = time.perf_counter()
        X = vstack([docs[i]["X"] for i in tr])
        for cat in cats:
            y = np.concatenate([docs[i]["unit_gold"][cat] for i in tr])
            if y.sum() < 3:
                continue
            clf = fit_type(X, y)
            for i in te:
                out[cat][i] = clf.decision_function(docs[i]["X"])
        print(f"  fold {k + 1}/{FOLDS}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return out


def f1(pred: list[bool], gold: list[bool]) -> float:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def contract_pred(
    typed: list[bool], d: np.ndarray, gate: np.ndarray, add: float | None, keep: float | None
) -> bool:
    """As `model_types` decides: a typed clause keeps its type at keep (or add); an untyped one
    gains it at add when it holds one of the type's keywords."""
    for t, s, g in zip(typed, d, gate, strict=True):
        if t and (keep is None or s >= keep):
            return True
        if add is not None and s >= add and (t or g):
            return True
    return False


def f1_grid(typed, scores, gates, gold) -> np.ndarray:
    """Contract-level F1 for every (add, keep) of [None, *GRID]² (index 0: that side off)."""
    axis = [None, *GRID]
    out = np.zeros((len(axis), len(axis)))
    for i, add in enumerate(axis):
        for j, keep in enumerate(axis):
            pred = [contract_pred(t, s, g, add, keep) for t, s, g in zip(typed, scores, gates, strict=True)]
            out[i, j] = f1(pred, gold)
    return out


def smoothed(grid: np.ndarray) -> np.ndarray:
    """Each (add, keep) scored by the mean F1 of its neighbours within one step on the grid (the
    "off" row and column are smoothed along their own line only): a lone lucky peak does not win."""
    out = np.empty_like(grid)
    n = grid.shape[0]
    for i in range(n):
        for j in range(n):
            rows = [i] if i == 0 else [r for r in (i - 1, i, i + 1) if 1 <= r < n]
            cols = [j] if j == 0 else [c for c in (j - 1, j, j + 1) if 1 <= c < n]
            out[i, j] = grid[np.ix_(rows, cols)].mean()
    return out


def choose(docs, scores, cats) -> dict[str, dict]:
    axis = [None, *GRID]
    chosen = {}
    for cat in cats:
        if any(s is None for s in scores[cat]):
            continue
        typ = CATEGORY_TYPES[cat]
        gold = [d["gold"][cat] for d in docs]
        typed = [[typ in t for t in d["typed"]] for d in docs]
        rules_f1 = f1([any(t) for t in typed], gold)
        grid = f1_grid(typed, scores[cat], [d["gate"][cat] for d in docs], gold)
        i, j = np.unravel_index(np.argmax(smoothed(grid)), grid.shape)
        best = (float(grid[i, j]), axis[i], axis[j])
        on = best[0] >= rules_f1 + MIN_GAIN and (int(i), int(j)) != (0, 0)
        chosen[cat] = {
            "type": typ,
            "rules_f1": rules_f1,
            "f1": best[0],
            "add": best[1],
            "keep": best[2],
            "on": on,
        }
        print(
            f"{cat:36} rules {rules_f1:.3f}  best {best[0]:.3f}  add {best[1]}  keep {best[2]}  {'ON' if on else 'off'}",
            flush=True,
        )
    return chosen


def print_settings(on: dict) -> None:
    print("settings to copy into clauses.yaml (types:):")
    for cat, v in on.items():
        print(
            f"    - {{type: {v['type']}, add: {v['add']}, keep: {v['keep']}, "
            f'note: "CUAD tuning CV ({FOLDS} folds by contract): {cat} F1 {v["rules_f1"]:.2f}→{v["f1"]:.2f}"}}'
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="only the first N tuning contracts")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--category", action="append", help="only these CUAD categories")
    ap.add_argument("--settings-only", action="store_true", help="print the settings, keep the weights")
    ap.add_argument(
        "--prepared", type=Path, help="prepare the contracts into this file and stop (reused when it exists)"
    )
    ap.add_argument("--scores", type=Path, help="keep the CV scores here (reused when the file exists)")
    args = ap.parse_args(argv)
    base = load_models(MODEL_DIR / "clauses.npz")["en"]
    if args.prepared and args.prepared.exists():
        docs = pickle.loads(args.prepared.read_bytes())  # noqa: S301 - our own file from --prepared
    else:
        docs = prepare(args.data, args.limit, base)
        if args.prepared:
            args.prepared.write_bytes(pickle.dumps(docs))
            return 0
    cats = args.category or list(CATEGORY_TYPES)
    if args.scores and args.scores.exists():
        scores = pickle.loads(args.scores.read_bytes())  # noqa: S301 - our own file from --scores
    else:
        scores = cv_scores(docs, cats)
        if args.scores:
            args.scores.write_bytes(pickle.dumps(scores))
    chosen = choose(docs, scores, cats)
    on = {c: v for c, v in chosen.items() if v["on"]}
    mean_rules = np.mean([v["rules_f1"] for v in chosen.values()])
    mean_best = np.mean([v["f1"] if v["on"] else v["rules_f1"] for v in chosen.values()])
    print(f"mean CV F1 over {len(chosen)} categories: rules {mean_rules:.3f} -> with types {mean_best:.3f}")
    if args.cv_only or not on:
        return 0
    if args.settings_only:
        print_settings(on)
        return 0
    from scipy.sparse import vstack

    X = vstack([d["X"] for d in docs])
    fitted = {}
    for cat in on:
        y = np.concatenate([d["unit_gold"][cat] for d in docs])
        clf = fit_type(X, y)
        fitted[CATEGORY_TYPES[cat]] = (clf.coef_[0], float(clf.intercept_[0]))
    save_types(MODEL_DIR / "clause_types.npz", "en", fitted)
    print(f"wrote {MODEL_DIR / 'clause_types.npz'}")
    print_settings(on)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
