"""Contract-level precision / recall / F1 of the English checklist packs on CUAD (dev part).

A contract is predicted positive for a CUAD category when the engine reports the mapped clause
type in it (`result.clauses[*].type`); it is gold positive when CUAD has a non-empty label span.
The same figures are printed, in the same run, for an untuned baseline of one obvious regex per
category searched over the whole contract text.

The packs were tuned on the even-indexed contracts only; the odd-indexed ones are the held-out
part and are reported separately (and "all" for both).

    .venv/bin/python benchmarks/cuad_score.py                 # all 403 contracts (~1-2 min)
    .venv/bin/python benchmarks/cuad_score.py --limit 100     # first 100 only
    .venv/bin/python benchmarks/cuad_score.py --json          # machine-readable figures
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bidassist.checklist import check_text, load_packs  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "cuad" / "cuad_dev.jsonl"

#: CUAD category -> bidassist clause type (checklists/en terms)
CATEGORY_TYPES: dict[str, str] = {
    "Uncapped Liability": "uncapped_liability",
    "Cap On Liability": "cap_on_liability",
    "Liquidated Damages": "liquidated_damages",
    "Termination For Convenience": "termination_for_convenience",
    "Renewal Term": "renewal_term",
    "Notice Period To Terminate Renewal": "renewal_term",
    "Most Favored Nation": "most_favored_nation",
    "Exclusivity": "exclusivity",
    "Non-Compete": "non_compete",
    "Ip Ownership Assignment": "ip_ownership_assignment",
    "Warranty Duration": "warranty_duration",
    "Audit Rights": "audit_rights",
    "Anti-Assignment": "anti_assignment",
    "Governing Law": "governing_law",
    "Insurance": "insurance",
    "Minimum Commitment": "minimum_commitment",
}

#: the untuned baseline: one obvious regex per category over the whole contract
BASELINE: dict[str, str] = {
    "Uncapped Liability": r"unlimited liability|uncapped",
    "Cap On Liability": r"limitation of liability",
    "Liquidated Damages": r"liquidated damages",
    "Termination For Convenience": r"terminat\w* for convenience",
    "Renewal Term": r"renew",
    "Notice Period To Terminate Renewal": r"non-?renewal",
    "Most Favored Nation": r"most favou?red",
    "Exclusivity": r"exclusiv",
    "Non-Compete": r"not compete|non-?compet",
    "Ip Ownership Assignment": r"assigns? all (?:of its )?right,? title and interest",
    "Warranty Duration": r"warranty period",
    "Audit Rights": r"audit",
    "Anti-Assignment": r"assign",
    "Governing Law": r"governed by",
    "Insurance": r"insurance",
    "Minimum Commitment": r"minimum",
}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        if predicted and gold:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_contracts(path: Path, limit: int | None) -> list[dict]:
    contracts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                contracts.append(json.loads(line))
            if limit is not None and len(contracts) >= limit:
                break
    return contracts


def score(contracts: list[dict], packs: list[Path] | None) -> dict:
    rules = load_packs(packs) if packs else load_packs([ROOT / "bidassist" / "checklists" / "en"])
    baseline = {c: re.compile(p, re.I) for c, p in BASELINE.items()}
    parts = ("tune", "held_out", "all")
    engine = {p: {c: Counts() for c in CATEGORY_TYPES} for p in parts}
    base = {p: {c: Counts() for c in CATEGORY_TYPES} for p in parts}
    size = 0
    t0 = time.perf_counter()
    for i, doc in enumerate(contracts):
        text = doc["text"]
        size += len(text.encode("utf-8"))
        result = check_text(text, rules, name=str(doc.get("contract_id", i)), lang="en")
        types = {k.type for k in result.clauses}
        part = "tune" if i % 2 == 0 else "held_out"
        for cat, typ in CATEGORY_TYPES.items():
            gold = any(s.get("text", "").strip() for s in doc["labels"].get(cat) or [])
            for p in (part, "all"):
                engine[p][cat].add(typ in types, gold)
                base[p][cat].add(bool(baseline[cat].search(text)), gold)
    seconds = time.perf_counter() - t0
    return {"engine": engine, "baseline": base, "contracts": len(contracts), "bytes": size,
            "seconds": seconds}


def report(res: dict) -> str:
    lines = [f"CUAD dev: {res['contracts']} contracts, {res['bytes'] / 1e6:.1f} MB, "
             f"engine run {res['seconds']:.1f} s ({res['bytes'] / 1e6 / max(res['seconds'], 1e-9):.2f} MB/s)",
             "contract level; tuned on even-indexed contracts, held-out = odd-indexed", ""]
    head = (f"{'CUAD category':36} {'gold':>4} | {'held-out P':>10} {'R':>5} {'F1':>5} {'base F1':>7} | "
            f"{'all P':>5} {'R':>5} {'F1':>5} {'base F1':>7} {'ratio':>5}")
    lines += [head, "-" * len(head)]
    wins = 0
    for cat in CATEGORY_TYPES:
        h, a = res["engine"]["held_out"][cat], res["engine"]["all"][cat]
        hb, ab = res["baseline"]["held_out"][cat], res["baseline"]["all"][cat]
        gold = a.tp + a.fn
        ratio = f"{a.f1 / ab.f1:.2f}" if ab.f1 else "  inf"
        wins += a.f1 > ab.f1
        lines.append(f"{cat:36} {gold:4d} | {h.precision:10.2f} {h.recall:5.2f} {h.f1:5.2f} {hb.f1:7.2f} | "
                     f"{a.precision:5.2f} {a.recall:5.2f} {a.f1:5.2f} {ab.f1:7.2f} {ratio:>5}")
    n = len(CATEGORY_TYPES)
    mean = sum(res["engine"]["all"][c].f1 for c in CATEGORY_TYPES) / n
    mean_b = sum(res["baseline"]["all"][c].f1 for c in CATEGORY_TYPES) / n
    mean_h = sum(res["engine"]["held_out"][c].f1 for c in CATEGORY_TYPES) / n
    mean_hb = sum(res["baseline"]["held_out"][c].f1 for c in CATEGORY_TYPES) / n
    lines += ["", f"macro F1 held-out: engine {mean_h:.2f} vs baseline {mean_hb:.2f}; "
                  f"all: engine {mean:.2f} vs baseline {mean_b:.2f} (ratio {mean / mean_b:.2f}); "
                  f"engine beats baseline in {wins}/{n} categories (all contracts)"]
    return "\n".join(lines)


def as_json(res: dict) -> dict:
    out = {"contracts": res["contracts"], "bytes": res["bytes"], "seconds": round(res["seconds"], 2),
           "categories": {}}
    for cat in CATEGORY_TYPES:
        entry = {"type": CATEGORY_TYPES[cat], "baseline_regex": BASELINE[cat]}
        for who in ("engine", "baseline"):
            for part in ("tune", "held_out", "all"):
                c = res[who][part][cat]
                entry[f"{who}_{part}"] = {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 3),
                                          "recall": round(c.recall, 3), "f1": round(c.f1, 3)}
        out["categories"][cat] = entry
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CUAD jsonl (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N contracts")
    ap.add_argument("--packs", type=Path, action="append", help="pack folder(s) (default: checklists/en)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"error: {args.data}: CUAD data not found", file=sys.stderr)
        return 2
    res = score(load_contracts(args.data, args.limit), args.packs)
    print(json.dumps(as_json(res), indent=2) if args.json else report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
