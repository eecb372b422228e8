"""Contract-level precision / recall / F1 of the English checklist packs on CUAD (dev part).

A contract is predicted positive for a CUAD category when the engine reports the mapped clause
type in it (`result.clauses[*].type`, from a rule or, unless --no-model, the clause model); it is gold positive when CUAD has a non-empty label span.
The same figures are printed, in the same run, for an untuned baseline of one obvious regex per
category searched over the whole contract text.

The packs were tuned on the even-indexed contracts only; the odd-indexed ones are the held-out
part and are reported separately (and "all" for both).

    .venv/bin/python benchmarks/cuad_score.py                 # tuning part (even-indexed)
    .venv/bin/python benchmarks/cuad_score.py --split held_out  # held-out part (odd-indexed)
    .venv/bin/python benchmarks/cuad_score.py --limit 100     # first 100 only
    .venv/bin/python benchmarks/cuad_score.py --json          # machine-readable figures
    .venv/bin/python benchmarks/cuad_score.py --no-model      # rules only (no clause model)
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
    "Notice Period To Terminate Renewal": "renewal_notice",
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


def score(contracts: list[dict], packs: list[Path] | None, split: str = "all", model: bool = True) -> dict:
    """Figures per part; `split` tune/held_out skips the other part's contracts entirely."""
    rules = load_packs(packs) if packs else load_packs([ROOT / "bidassist" / "checklists" / "en"])
    baseline = {c: re.compile(p, re.I) for c, p in BASELINE.items()}
    parts = ("tune", "held_out", "all")
    engine = {p: {c: Counts() for c in CATEGORY_TYPES} for p in parts}
    base = {p: {c: Counts() for c in CATEGORY_TYPES} for p in parts}
    size = 0
    t0 = time.perf_counter()
    for i, doc in enumerate(contracts):
        part = "tune" if i % 2 == 0 else "held_out"
        if split != "all" and part != split:
            continue
        text = doc["text"]
        size += len(text.encode("utf-8"))
        result = check_text(text, rules, name=str(doc.get("contract_id", i)), lang="en", model=model)
        types = {k.type for k in result.clauses}
        for cat, typ in CATEGORY_TYPES.items():
            gold = any(s.get("text", "").strip() for s in doc["labels"].get(cat) or [])
            for p in (part, "all"):
                engine[p][cat].add(typ in types, gold)
                base[p][cat].add(bool(baseline[cat].search(text)), gold)
    seconds = time.perf_counter() - t0
    return {
        "engine": engine,
        "baseline": base,
        "contracts": len(contracts),
        "bytes": size,
        "seconds": seconds,
    }


def report(res: dict, part: str = "held_out") -> str:
    """The table of one part (tune = even-indexed, held_out = odd-indexed, all)."""
    names = {"tune": "tuning (even-indexed)", "held_out": "held-out (odd-indexed)", "all": "all"}
    lines = [
        f"CUAD dev: {res['contracts']} contracts read, {res['bytes'] / 1e6:.1f} MB checked, "
        f"engine run {res['seconds']:.1f} s ({res['bytes'] / 1e6 / max(res['seconds'], 1e-9):.2f} MB/s)",
        f"contract level; tuned on even-indexed contracts; this table: {names[part]}",
        "",
    ]
    head = f"{'CUAD category':36} {'gold':>4} | {'P':>5} {'R':>5} {'F1':>5} | {'base F1':>7} {'beats':>5}"
    lines += [head, "-" * len(head)]
    wins = 0
    n = len(CATEGORY_TYPES)
    for cat in CATEGORY_TYPES:
        e, b = res["engine"][part][cat], res["baseline"][part][cat]
        wins += e.f1 > b.f1
        lines.append(
            f"{cat:36} {e.tp + e.fn:4d} | {e.precision:5.2f} {e.recall:5.2f} {e.f1:5.2f} | "
            f"{b.f1:7.2f} {'yes' if e.f1 > b.f1 else 'NO':>5}"
        )
    mean = sum(res["engine"][part][c].f1 for c in CATEGORY_TYPES) / n
    mean_b = sum(res["baseline"][part][c].f1 for c in CATEGORY_TYPES) / n
    lines += [
        "",
        f"mean contract-level F1 ({names[part]}): engine {mean:.3f} vs keyword baseline {mean_b:.3f}; "
        f"engine beats the baseline in {wins}/{n} categories",
    ]
    return "\n".join(lines)


def as_json(res: dict) -> dict:
    out = {
        "contracts": res["contracts"],
        "bytes": res["bytes"],
        "seconds": round(res["seconds"], 2),
        "categories": {},
    }
    for cat in CATEGORY_TYPES:
        entry = {"type": CATEGORY_TYPES[cat], "baseline_regex": BASELINE[cat]}
        for who in ("engine", "baseline"):
            for part in ("tune", "held_out", "all"):
                c = res[who][part][cat]
                entry[f"{who}_{part}"] = {
                    "tp": c.tp,
                    "fp": c.fp,
                    "fn": c.fn,
                    "precision": round(c.precision, 3),
                    "recall": round(c.recall, 3),
                    "f1": round(c.f1, 3),
                }
        out["categories"][cat] = entry
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CUAD jsonl (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N contracts")
    ap.add_argument("--packs", type=Path, action="append", help="pack folder(s) (default: checklists/en)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "--split",
        choices=("tune", "held_out", "all"),
        default="tune",
        help="which contracts: tune (even-indexed, default), held_out (odd-indexed) or all",
    )
    ap.add_argument("--no-model", action="store_true", help="rules only (as `check --no-model`)")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"error: {args.data}: CUAD data not found", file=sys.stderr)
        return 2
    res = score(load_contracts(args.data, args.limit), args.packs, args.split, model=not args.no_model)
    print(json.dumps(as_json(res), indent=2) if args.json else report(res, args.split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
