"""Score the cost-sheet importer on a corpus of real public workbooks, per split.

    .venv/bin/python benchmarks/score_costs.py [--corpus DIR] [--manifest FILE] [--split dev|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12|heldout13|heldout14|all]

Each manifest entry (keys: id, file, sha256, split, expect import|refuse, lines, lines_total,
stated_total, ...) is imported the way a user first runs it: `import_cost_sheet(file)`, no sheet,
no map. Outcomes:
- correct: expect import, no error, the line count and the lines' total equal the manifest, and a
  reconciliation is reported (matched) where the workbook states a total;
- refused rightly: expect refuse, and the refusal names a sheet, a reason and a fix (--sheet/--map);
  or the manifest's stated total differs from its lines plus markups (an inconsistent workbook) and
  the refusal names the stated total; or the entry has `acceptable_refusal` and the refusal names
  one of its sheets;
- silently wrong: no error but a wrong line count or total (the failure that must never happen),
  or a non-zero total imported from a workbook that should be refused (two versions added up); a
  right total whose line count differs only by rows the manifest counts as zero-amount lines
  (`lines_zero_amount`) is a miss, not a wrong figure;
- crash: anything that is not a BidassistError;
- other misses (refused a workbook that should import, imported one that should be refused,
  refusal without sheet/reason/fix, no reconciliation where a total is stated) are listed per file.

Corpus: --corpus or $BIDASSIST_COST_CORPUS (default /work/corpus/costs). Tune on `split: dev` only;
held-out files are only ever run through this script to report.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import traceback
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bidassist.core.errors import BidassistError  # noqa: E402
from bidassist.costs import import_cost_sheet  # noqa: E402

OUTCOMES = ("correct", "refused rightly", "silently wrong", "crash", "miss")


def _dec(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value).replace(",", ""))
    except InvalidOperation:
        return None


_FIXES = ("--sheet", "--map", "fill in", "fix", "delete", "open it", "save it", "--accept-difference")


def _refusal_ok(exc: BidassistError) -> bool:
    """Every problem names a place (a sheet or cell) and a reason, and the refusal says the fix
    (in each problem or in the error's closing line)."""
    problems = exc.problems
    fixed = any(k in exc.message for k in _FIXES) or all(
        any(k in p.message for k in _FIXES) for p in problems
    )
    return bool(problems) and fixed and all(p.where and len(p.message) > 10 for p in problems)


def _acceptable(entry: dict, exc: BidassistError) -> bool:
    """The manifest's `acceptable_refusal`: a refusal is also right for this workbook when it names
    one of its sheets (the fix is checked by `_refusal_ok`)."""
    if not entry.get("acceptable_refusal"):
        return False
    names = [str(n) for n in (entry.get("sheets") or {}) if not str(n).startswith("(")]
    return any(n in (p.where or "") for p in exc.problems for n in names)


def _inconsistent(entry: dict) -> bool:
    """The workbook's own stated total differs from its lines plus markups (the manifest says so):
    the right outcome is an error naming the stated total, never an import that picks one."""
    stated, lines = _dec(entry.get("stated_total")), _dec(entry.get("lines_total"))
    if stated is None or lines is None:
        return False
    markups = sum((_dec(m.get("amount")) or Decimal(0) for m in entry.get("markups") or []), Decimal(0))
    # a whole currency unit or more is not rounding (k241: every cell in cents, 1.00 apart; k03's 0.54 is rounding)
    return abs(stated - lines - markups) >= Decimal("1.00")


def _in_yuan(entry: dict, figure: Decimal) -> tuple[Decimal, ...]:
    """The manifest's figure, and for `amount_unit: 万元…` (amounts labelled as shown, in 万) also
    the figure in yuan: an importer that reads `228.0万` as 2,280,000 is right too."""
    if str(entry.get("amount_unit") or "").startswith("万"):
        return figure, figure * 10_000
    return (figure,)


def score_entry(entry: dict, corpus: Path) -> tuple[str, str]:
    """(outcome, detail) for one manifest entry."""
    path = corpus / entry["file"]
    if not path.exists():
        return "miss", f"file not found: {path}"
    if entry.get("sha256") and hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
        return "miss", "sha256 differs from the manifest"
    expect = entry.get("expect", "import")
    inconsistent = _inconsistent(entry)
    try:
        result = import_cost_sheet(path)
    except BidassistError as exc:
        first = str(exc.problems[0]) if exc.problems else str(exc)
        if (
            expect == "refuse"
            or (inconsistent and any("stated total" in p.message for p in exc.problems))
            or _acceptable(entry, exc)
        ):
            return (
                ("refused rightly", "")
                if _refusal_ok(exc)
                else ("miss", f"refusal lacks sheet/reason/fix: {first}")
            )
        return "miss", f"refused: {first[:300]}"
    except Exception as exc:  # noqa: BLE001 - a crash is what is being counted
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return "crash", tb[:300]
    n = len(result.model.lines)
    total = result.model.totals.likely
    if expect == "refuse":
        # a total a user could put into a bid, where no total is right: as bad as a wrong one
        outcome = "silently wrong" if total != 0 else "miss"
        return (
            outcome,
            f"imported ({n} lines, {total}) but should be refused: {entry.get('refuse_reason', '')}",
        )
    want_n, want_total = entry.get("lines"), _dec(entry.get("lines_total"))
    total_right = want_total is None or any(
        abs(total - t) <= Decimal("0.05") for t in _in_yuan(entry, want_total)
    )
    if total_right and want_n is not None and n != want_n:
        # rows that move no money counted differently: a miss, not a wrong figure
        if want_total is not None and abs(n - want_n) <= (entry.get("lines_zero_amount") or 0):
            return (
                "miss",
                f"right total, but {n} lines where {want_n} are expected (zero-amount lines differ)",
            )
    if not (total_right and (want_n is None or n == want_n)):
        return "silently wrong", f"{n} lines, total {total}; expected {want_n} lines, {want_total}"
    rec = result.reconciliation
    if _dec(entry.get("stated_total")) is not None and (rec is None or rec.status != "matched"):
        status = rec.status if rec else "none"
        return "miss", f"right lines and total, but no reconciliation reported (status {status})"
    return "correct", ""


def _in_range(entry: dict, ids: str | None) -> bool:
    """`--ids k65-k82`: entries numbered from 65 to 82 (the letter prefix is ignored)."""
    if not ids:
        return True
    low, _, high = ids.partition("-")
    n = int(str(entry.get("id", "k0")).lstrip("abcdefghijklmnopqrstuvwxyz") or 0)
    return int(low.lstrip("k")) <= n <= int((high or low).lstrip("k"))


#: every split of the manifest, in report order (`--split all`)
SPLITS = (
    "dev",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", type=Path, default=Path(os.environ.get("BIDASSIST_COST_CORPUS", "/work/corpus/costs"))
    )
    ap.add_argument("--manifest", type=Path, default=ROOT / "benchmarks/corpora/costs/manifest.yaml")
    ap.add_argument(
        "--split",
        choices=(*SPLITS, "all"),
        default="dev",
    )
    ap.add_argument("--ids", help="only these entries of the split, as a range: k65-k82")
    args = ap.parse_args(argv)
    data = yaml.safe_load(args.manifest.read_text(encoding="utf-8"))
    entries = data.get("entries", data) if isinstance(data, dict) else data
    splits = SPLITS if args.split == "all" else (args.split,)
    for split in splits:
        chosen = [e for e in entries if e.get("split") == split and _in_range(e, args.ids)]
        if not chosen and args.split == "all":
            continue  # a manifest without this split
        counts: Counter[str] = Counter()
        misses = []
        for entry in chosen:
            outcome, detail = score_entry(entry, args.corpus)
            counts[outcome] += 1
            if outcome not in ("correct", "refused rightly"):
                misses.append(f"  {outcome:15} {entry.get('id')}: {detail}")
        n = len(chosen) or 1
        right = counts["correct"] + counts["refused rightly"]
        print(
            f"split {split}: {len(chosen)} workbooks — right {right} ({100 * right / n:.0f} %): "
            f"correct {counts['correct']}, refused rightly {counts['refused rightly']}; "
            f"silently wrong {counts['silently wrong']}, crashes {counts['crash']}, other misses {counts['miss']}"
        )
        for line in misses:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
