"""Score `bidassist costs import` on the hand-labelled costs corpus (issue 10).

    .venv/bin/python benchmarks/corpora/costs/score.py [--split dev|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|all] [--corpus DIR]

Runs the CLI as a user would — `bidassist costs import FILE --format json`, no --sheet, no --map —
on every manifest entry whose file is present in the corpus directory ($BIDASSIST_COST_CORPUS,
default /work/corpus/costs), and prints per split: correct, refused rightly, refused wrongly,
wrong with a warning, silently wrong, crashes, missing files, and how many refusals name a sheet;
then one line per miss.

An import is correct when it yields the expected number of lines (zero-amount item rows may be
dropped) and its total is within max(1.00, 0.1 %) of `lines_total` (sheets round their amounts, the
importer multiplies quantity by unit cost). Expected figures come from manifest.yaml only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
OUTCOMES = (
    "correct",
    "refused rightly",
    "refused wrongly",
    "wrong with warning",
    "silently wrong",
    "crash",
    "missing",
)
NAMING = "refusals naming a sheet"
# heldout2-5: fresh sets, never tuned on
SPLITS = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")


def run_import(path: Path) -> tuple[int, str, str]:
    """The user's first command, as a subprocess (a crash must not stop the run)."""
    cmd = [sys.executable, "-m", "bidassist", "costs", "import", str(path), "--format", "json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=600)
    return proc.returncode, proc.stdout, proc.stderr


def close_enough(got: Decimal, want: Decimal) -> bool:
    return abs(got - want) <= max(Decimal("1.00"), abs(want) * Decimal("0.001"))


def judge_import(entry: dict, data: dict) -> tuple[str, str]:
    lines = data.get("lines", [])
    total = Decimal(data.get("totals", {}).get("likely", "0"))
    want_n, want_t = entry["lines"], Decimal(entry["lines_total"])
    n_ok = len(lines) in (want_n, want_n - entry.get("lines_zero_amount", 0))
    if n_ok and close_enough(total, want_t):
        return "correct", ""
    detail = f"lines {len(lines)} (want {want_n}), total {total} (want {want_t})"
    return ("wrong with warning" if data.get("warnings") else "silently wrong"), detail


def names_a_sheet(entry: dict, err: str) -> bool:
    """Acceptance wants every refusal to name the sheet (a CSV has none: its file name counts)."""
    names = [n for n in entry["sheets"] if not n.startswith("(")] or [Path(entry["file"]).stem]
    return any(n.strip() and n.strip() in err for n in names)


def judge(entry: dict, code: int, out: str, err: str) -> tuple[str, str]:
    """One outcome per file, with a short reason for misses."""
    if code not in (0, 2) or "Traceback" in err:
        return "crash", (err.strip().splitlines() or [f"exit {code}"])[-1][:160]
    if code == 2:
        if entry["expect"] == "refuse" or entry.get("acceptable_refusal"):
            return "refused rightly", ""
        return "refused wrongly", (err.strip().splitlines() or [""])[0][:160]
    if entry["expect"] == "refuse":
        return "silently wrong", "imported a file that must be refused: " + entry["refuse_reason"][:100]
    try:
        data = json.loads(out)
    except json.JSONDecodeError:
        return "crash", "exit 0 without JSON on stdout"
    return judge_import(entry, data)


def score(entries: list[dict], corpus: Path) -> dict[str, list]:
    results: dict[str, list] = {}
    for e in entries:
        path = corpus / e["file"]
        if not path.exists():
            outcome, why = "missing", str(path)
        else:
            code, out, err = run_import(path)
            outcome, why = judge(e, code, out, err)
            if code == 2 and names_a_sheet(e, err):
                why = (why + " " if why else "") + "[names the sheet]"
        results.setdefault(e["split"], []).append((e["id"], e["language"], outcome, why))
    return results


def report(results: dict[str, list]) -> None:
    print("| split | files | " + " | ".join(OUTCOMES) + f" | {NAMING} |")
    print("|---|---|" + "---|" * (len(OUTCOMES) + 1))
    for split in sorted(results):
        c = Counter(r[2] for r in results[split])
        named = sum(1 for r in results[split] if r[2] == "refused rightly" and "[names the sheet]" in r[3])
        print(
            f"| {split} | {len(results[split])} | "
            + " | ".join(str(c[o]) for o in OUTCOMES)
            + f" | {named} of {c['refused rightly']} |"
        )
    for split in sorted(results):
        for eid, lang, outcome, why in results[split]:
            if outcome not in ("correct", "refused rightly"):
                print(f"{split} {eid} ({lang}): {outcome} — {why}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=SPLITS + ("all",), default="all")
    ap.add_argument(
        "--corpus", type=Path, default=Path(os.environ.get("BIDASSIST_COST_CORPUS", "/work/corpus/costs"))
    )
    ap.add_argument("--manifest", type=Path, default=HERE / "manifest.yaml")
    args = ap.parse_args(argv)
    entries = yaml.safe_load(args.manifest.read_text(encoding="utf-8"))
    if args.split != "all":
        entries = [e for e in entries if e["split"] == args.split]
    report(score(entries, args.corpus))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
