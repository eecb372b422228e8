"""Score the checklist on real, labelled contracts: recall, precision and look-alike false
positives per language, per split and per category.

    .venv/bin/python benchmarks/score_real.py [CORPUS_DIR] [--split dev|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12|all] [--packs DIR] [--no-model] [--ids REGEX] [--lang zh|en] [-v]

CORPUS_DIR (default benchmarks/corpora/contracts) holds <lang>/<id>.txt (or .md) with <id>.labels.yaml
(keys: id, split, supplier_party, traps [{category, quote, severity}], lookalikes [{category,
quote}]; `quote` is verbatim text of the contract). Each contract is checked with its
supplier party as "we" (`check --we`).

- A trap is caught when a finding of its category is on the clause that holds the quote. A list
  is reported once, on its lead-in ("10.1 The Supplier shall indemnify PACCA against …: (a) … (c) …"),
  and the engine reads each item with it: a finding on the lead-in covers a trap labelled on one of
  its items (session 30; before, such a pair counted as a miss and a false alarm).
- Findings of the clause model (source: model) are counted like the rules'; `--no-model` scores
  the rules alone. The table adds a `model` column: findings from the model (right ones after /).
- Every finding is judged: on a trap's clause with the trap's category → correct; on a labelled
  look-alike's clause with its category → look-alike false positive; otherwise → false alarm
  (listed with its text under -v).
- A last line scores at clause level, the category ignored: a trap counts when any finding is on
  its clause, a finding when it is on any labelled trap's clause (a reviewer is sent to the right
  clause even when the category differs). The table above stays the strict measure.
- Under each table, recall per labelled severity (high, medium, low).
- Categories only the comparison with a tender can judge (payment.schedule_changed,
  deviation.*) are skipped on both sides.

Tune on `--split dev` only; `--split heldout`, `--split heldout2`, `--split heldout3`, `--split heldout4`, `--split heldout5` (folded into dev in session 12) `--split heldout6` (folded into dev in session 13), `--split heldout7` (folded into dev in session 14), `--split heldout8` (folded into dev in session 15), `--split heldout9` (folded into dev in session 16) `--split heldout10` and `--split heldout11` (folded into dev in session 23) and
`--split heldout12` (a fresh held-out set) are for reporting.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bidassist.checklist import load_packs  # noqa: E402
from bidassist.checklist.api import run_units  # noqa: E402
from bidassist.checklist.categories import COMPARE_CATEGORIES  # noqa: E402
from bidassist.checklist.engine import TEXT_LIMIT, Unit  # noqa: E402
from bidassist.checklist.units import units_from_clauses  # noqa: E402
from bidassist.reading import split_clauses, text_blocks  # noqa: E402

DEFAULT = ROOT / "benchmarks" / "corpora" / "contracts"
SKIP = set(COMPARE_CATEGORIES)
#: a document's text: plain text or Markdown (read as `check` reads a .md contract)
TEXT_SUFFIXES = (".txt", ".md")
_SPACE = re.compile(r"\s+")
#: a quote that runs past its clause is matched by its first HEAD characters (whitespace removed)
HEAD = 40


def squash(text: str) -> str:
    return _SPACE.sub("", text)


def covers(unit_text: str, quote: str) -> bool:
    u, q = squash(unit_text), squash(quote)
    return bool(q) and (q in u or (len(q) > HEAD and q[:HEAD] in u) or (len(u) >= HEAD and u in q))


@dataclass
class Tally:
    traps: int = 0
    caught: int = 0
    findings: int = 0
    correct: int = 0
    lookalike_fp: int = 0
    false_alarms: int = 0
    lookalikes: int = 0
    lookalikes_flagged: int = 0
    model: int = 0  # findings from the clause model
    model_correct: int = 0
    caught_any: int = 0  # traps with a finding of ANY category on their clause
    on_trap_any: int = 0  # findings on a labelled trap's clause, whatever the trap's category
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)
    look_hits: list[str] = field(default_factory=list)  # findings on a labelled look-alike
    #: traps and caught traps per labelled severity (high, medium, low)
    by_severity: Counter = field(default_factory=Counter)
    caught_by_severity: Counter = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.by_severity.update(other.by_severity)
        self.caught_by_severity.update(other.caught_by_severity)
        for k in (
            "traps",
            "caught",
            "findings",
            "correct",
            "lookalike_fp",
            "false_alarms",
            "lookalikes",
            "lookalikes_flagged",
            "model",
            "model_correct",
            "caught_any",
            "on_trap_any",
        ):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def check_document(
    text: str, name: str, rules, we: str | None, model: bool = True
) -> tuple[list[tuple[Unit, object]], list[Unit]]:
    """(unit, finding) pairs of the full check (clause and document rules, and the clause model
    unless `model` is False) as `check --we` runs it, and every unit of the document (for the list
    items a lead-in holds)."""
    units = units_from_clauses(split_clauses(text_blocks(text, name)))
    result = run_units(units, rules, name=name, we=we, model=model, we_strict=False)
    by_text = {(u.clause, u.text[:TEXT_LIMIT]): u for u in units}
    found = [
        (by_text[(f.clause, f.text)], f)
        for f in result.findings
        if f.category not in SKIP and (f.clause, f.text) in by_text
    ]
    return found, units


def reach(units: list[Unit] | None):
    """unit -> the texts a finding on it covers: its own, and for a lead-in ("10.1 The Supplier shall
    indemnify PACCA against all liabilities … arising out of:") the list items read with it (the
    engine reports the list once, on its lead-in; a trap labelled on item (c) is that finding's)."""
    items: dict[str | None, list[str]] = defaultdict(list)
    for u in units or []:
        if getattr(u, "lead_of", None):
            items[u.lead_of].append(u.text)

    def texts(u) -> list[str]:
        if getattr(u, "lead_of", None) or not items:
            return [u.text]
        return [u.text, *items.get(getattr(u, "clause", None), [])]

    return texts


def score_document(
    labels: dict, found: list[tuple[Unit, object]], doc_id: str, units: list[Unit] | None = None
) -> dict[str, Tally]:
    """Per category: traps caught, findings right, on look-alikes or false. `units` (all of the
    document's): a finding on a list's lead-in covers the traps labelled on its items."""
    table: dict[str, Tally] = defaultdict(Tally)
    texts = reach(units)

    def on(u, quote: str) -> bool:
        return any(covers(t, quote) for t in texts(u))

    traps = [t for t in labels.get("traps") or [] if t["category"] not in SKIP]
    looks = [t for t in labels.get("lookalikes") or [] if t["category"] not in SKIP]
    for t in traps:
        row = table[t["category"]]
        row.traps += 1
        severity = str(t.get("severity") or "unrated")
        row.by_severity[severity] += 1
        if any(f.category == t["category"] and on(u, t["quote"]) for u, f in found):
            row.caught += 1
            row.caught_by_severity[severity] += 1
        else:
            row.misses.append(f"{doc_id}: {t['quote'][:90]}")
        row.caught_any += any(on(u, t["quote"]) for u, _ in found)
    for t in looks:
        row = table[t["category"]]
        row.lookalikes += 1
        if any(f.category == t["category"] and on(u, t["quote"]) for u, f in found):
            row.lookalikes_flagged += 1
    for u, f in found:
        row = table[f.category]
        row.findings += 1
        from_model = getattr(f, "source", "rule") == "model"
        row.model += from_model
        row.on_trap_any += any(on(u, t["quote"]) for t in traps)
        if any(t["category"] == f.category and on(u, t["quote"]) for t in traps):
            row.correct += 1
            row.model_correct += from_model
        elif any(t["category"] == f.category and on(u, t["quote"]) for t in looks):
            row.lookalike_fp += 1
            row.look_hits.append(
                f"{doc_id} {f.rule} [{f.clause or '-'}]: {squash(f.matched or u.text)[:100]}"
            )
        else:
            row.false_alarms += 1
            row.alarms.append(f"{doc_id} {f.rule} [{f.clause or '-'}]: {squash(f.matched or u.text)[:100]}")
    return table


def documents(corpus: Path, split: str):
    for labels_path in sorted(corpus.rglob("*.labels.yaml")):
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8")) or {}
        if split != "all" and labels.get("split") != split:
            continue
        stem = labels_path.name.replace(".labels.yaml", "")
        text_path = next(
            (
                labels_path.with_name(stem + ext)
                for ext in TEXT_SUFFIXES
                if labels_path.with_name(stem + ext).exists()
            ),
            None,
        )
        if text_path is None:
            continue
        lang = (
            labels_path.parent.name
            if labels_path.parent.name in ("zh", "en")
            else labels.get("language", "?")
        )
        yield lang, labels, text_path


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "—"


def print_table(title: str, table: dict[str, Tally], verbose: bool) -> Tally:
    print(f"\n{title}")
    print(
        f"{'category':30} {'traps':>5} {'caught':>6} {'recall':>6} {'finds':>5} {'right':>5} {'look':>4} "
        f"{'false':>5} {'prec':>5} {'looks':>5} {'LA-FP':>5} {'model':>7}"
    )
    total = Tally()
    for cat in sorted(table):
        r = table[cat]
        total.add(r)
        print(
            f"{cat:30} {r.traps:>5} {r.caught:>6} {ratio(r.caught, r.traps):>6} {r.findings:>5} {r.correct:>5} "
            f"{r.lookalike_fp:>4} {r.false_alarms:>5} {ratio(r.correct, r.findings):>5} {r.lookalikes:>5} "
            f"{ratio(r.lookalikes_flagged, r.lookalikes):>5} {f'{r.model}/{r.model_correct}':>7}"
        )
        if verbose:
            for m in r.misses:
                print(f"      missed: {m}")
            for a in r.alarms:
                print(f"      false alarm: {a}")
            for a in r.look_hits:
                print(f"      on a look-alike: {a}")
    t = total
    print(
        f"{'TOTAL':30} {t.traps:>5} {t.caught:>6} {ratio(t.caught, t.traps):>6} {t.findings:>5} {t.correct:>5} "
        f"{t.lookalike_fp:>4} {t.false_alarms:>5} {ratio(t.correct, t.findings):>5} {t.lookalikes:>5} "
        f"{ratio(t.lookalikes_flagged, t.lookalikes):>5} {f'{t.model}/{t.model_correct}':>7}"
    )
    print(
        f"clause level (category ignored): traps with a finding on their clause {t.caught_any}/{t.traps} "
        f"= {ratio(t.caught_any, t.traps)}; findings on a labelled trap's clause "
        f"{t.on_trap_any}/{t.findings} = {ratio(t.on_trap_any, t.findings)}"
    )
    print("recall by severity: " + severity_line(t))
    return total


def severity_line(t: Tally) -> str:
    """Caught/traps per labelled severity, high first: what a reviewer would block on comes first."""
    order = ["high", "medium", "low"] + sorted(set(t.by_severity) - {"high", "medium", "low"})
    return "; ".join(
        f"{sev} {t.caught_by_severity[sev]}/{t.by_severity[sev]} = {ratio(t.caught_by_severity[sev], t.by_severity[sev])}"
        for sev in order
        if t.by_severity[sev]
    )


def _split(value: str) -> str:
    if not re.fullmatch(r"dev|all|heldout\d*", value):
        raise argparse.ArgumentTypeError(f"{value!r}: dev, all or heldoutN")
    return value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument(
        "--split",
        type=_split,
        default="dev",
        help="dev, all, or a held-out split: heldout, heldout2, heldout3, … (the labels' `split:`)",
    )
    ap.add_argument("--packs", type=Path, action="append")
    ap.add_argument("--no-model", action="store_true", help="rules only (as `check --no-model`)")
    ap.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list missed traps, false alarms and findings on look-alikes",
    )
    ap.add_argument(
        "--default-we",
        action="store_true",
        help="check as a user who gives no --we (the supplier read from the text), not with the label's supplier_party",
    )
    ap.add_argument("--ids", help="score only documents whose id matches this regex (re.search)")
    ap.add_argument("--lang", choices=("zh", "en"), help="score only this language")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: corpus folder not found", file=sys.stderr)
        return 2
    rules = load_packs(args.packs)
    by_lang: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    docs: dict[str, list[str]] = defaultdict(list)
    for lang, labels, text_path in documents(args.corpus, args.split):
        doc_id = labels.get("id", text_path.stem)
        if (args.ids and not re.search(args.ids, doc_id)) or (args.lang and lang != args.lang):
            continue
        found, units = check_document(
            text_path.read_text(encoding="utf-8"),
            text_path.name,
            rules,
            None if args.default_we else labels.get("supplier_party"),
            model=not args.no_model,
        )
        for cat, row in score_document(labels, found, doc_id, units).items():
            mine = by_lang[lang][cat]
            mine.add(row)
            mine.misses += row.misses
            mine.alarms += row.alarms
            mine.look_hits += row.look_hits
        docs[lang].append(doc_id)
    if not docs:
        print(f"{args.corpus}: no labelled documents in split {args.split}")
        return 0
    for lang in sorted(by_lang):
        print_table(
            f"{args.corpus.name} · {lang} · split {args.split} · {len(docs[lang])} documents: "
            f"{', '.join(docs[lang])}",
            by_lang[lang],
            args.verbose,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
