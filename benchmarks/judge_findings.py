"""Precision as issue 9 measures it: every finding judged by hand, not matched against labels.

`score_real.py` calls a finding right only when it sits on a clause a reader labelled as a trap of
the same category, so a real trap the reader did not list counts as a false alarm, and a finding a
reader would reject on a clause holding some other trap counts as right. Issue 9's figures were
taken the other way: each finding read by a reviewer, in its contract, and judged. This tool
supports that second measure.

    # 1. write a sheet per document: every finding of the full check (as `check --we SUPPLIER`)
    #    with its clause text, for a reader who has not seen the labels or the rules
    .venv/bin/python benchmarks/judge_findings.py sheet CORPUS --split heldout22 --lang en -o DIR
    # 2. the reader fills `verdict:` of each finding: right | category | wrong (see VERDICTS)
    # 3. keep the verdicts without the contract text (keyed by rule, clause and a hash of the text)
    .venv/bin/python benchmarks/judge_findings.py freeze DIR -o benchmarks/corpora/contracts/verdicts
    # 4. judged precision beside the label-matched one; findings not judged yet are counted apart
    .venv/bin/python benchmarks/judge_findings.py score CORPUS --split heldout22 --lang en \
        --verdicts benchmarks/corpora/contracts/verdicts

A finding's key is `rule|clause|sha1(normalised unit text)[:12]`: the same finding of a later
engine keeps its verdict; a new finding (another rule, another clause) is "not judged" until read.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from score_real import (  # noqa: E402
    check_document,
    documents,
    load_packs,
    score_document,
)

#: right: a trap a supplier's reviewer would raise, of the finding's category; category: a real trap
#: but of another category; wrong: nothing a supplier needs to act on (harmless, the supplier's own
#: protection, mutual, or misread)
VERDICTS = ("right", "category", "wrong")
_SPACE = re.compile(r"\s+")


def finding_key(rule: str, clause: str | None, text: str) -> str:
    digest = hashlib.sha1(_SPACE.sub("", text).encode("utf-8")).hexdigest()[:12]
    return f"{rule}|{clause or '-'}|{digest}"


def doc_findings(labels: dict, text_path: Path, rules) -> list[dict]:
    """The findings of one document as sheet entries (unit text in full, in document order)."""
    found, _units = check_document(
        text_path.read_text(encoding="utf-8"), text_path.name, rules, labels.get("supplier_party")
    )
    out: list[dict] = []
    seen: set[str] = set()
    for unit, f in found:
        key = finding_key(f.rule, f.clause, unit.text)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            {
                "key": key,
                "category": f.category,
                "message": f.message_in("en"),
                "clause": f.clause,
                "text": unit.text,
                "verdict": "",
                "note": "",
            }
        )
    return out


def cmd_sheet(args: argparse.Namespace) -> int:
    rules = load_packs()
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for lang, labels, text_path in documents(args.corpus, args.split):
        if args.lang and lang != args.lang:
            continue
        doc_id = labels.get("id", text_path.stem)
        path = args.out / f"{doc_id}.findings.yaml"
        if path.exists() and not args.force:
            print(f"{path}: exists (--force to write it again)", file=sys.stderr)
            return 2
        items = doc_findings(labels, text_path, rules)
        head = {
            "id": doc_id,
            "text": str(text_path),
            "supplier_party": labels.get("supplier_party"),
            "findings": items,
        }
        path.write_text(yaml.safe_dump(head, allow_unicode=True, sort_keys=False, width=120), "utf-8")
        total += len(items)
        print(f"{path}: {len(items)} findings")
    print(f"{total} findings to judge")
    return 0


def load_verdicts(folder: Path) -> dict[str, dict[str, str]]:
    """doc id -> finding key -> verdict, from sheets or frozen files (entries without a verdict are
    skipped; an unknown verdict is an error naming the file)."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        mine = out.setdefault(str(data.get("id", path.stem.split(".")[0])), {})
        for n, item in enumerate(data.get("findings") or [], 1):
            verdict = str(item.get("verdict") or "").strip()
            if not verdict:
                continue
            if verdict not in VERDICTS:
                raise SystemExit(f"{path}: finding {n}: verdict {verdict!r} is not one of {VERDICTS}")
            mine[item["key"]] = verdict
    return out


def cmd_freeze(args: argparse.Namespace) -> int:
    """The verdicts of the sheets in `folder`, without contract text, one file per document."""
    args.out.mkdir(parents=True, exist_ok=True)
    for path in sorted(args.folder.glob("*.findings.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        kept = [
            {k: item[k] for k in ("key", "category", "clause", "verdict", "note") if item.get(k)}
            for item in data.get("findings") or []
            if str(item.get("verdict") or "").strip()
        ]
        out = args.out / f"{data['id']}.verdicts.yaml"
        body = {"id": data["id"], "judged_by": args.judge, "findings": kept}
        tmp = out.with_suffix(".tmp")
        tmp.write_text(yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=120), "utf-8")
        tmp.replace(out)
        print(f"{out}: {len(kept)} verdicts")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    rules = load_packs()
    verdicts = load_verdicts(args.verdicts)
    judged: Counter = Counter()
    label: Counter = Counter()
    docs = []
    for lang, labels, text_path in documents(args.corpus, args.split):
        if args.lang and lang != args.lang:
            continue
        doc_id = labels.get("id", text_path.stem)
        mine = verdicts.get(doc_id, {})
        docs.append(doc_id)
        for item in doc_findings(labels, text_path, rules):
            judged[mine.get(item["key"], "not judged")] += 1
        found, units = check_document(
            text_path.read_text(encoding="utf-8"), text_path.name, rules, labels.get("supplier_party")
        )
        for row in score_document(labels, found, doc_id, units).values():
            label["findings"] += row.findings
            label["right"] += row.correct
    n = sum(judged.values())
    done = n - judged["not judged"]
    print(f"{args.corpus.name} · split {args.split} · {args.lang or 'all'} · {len(docs)} documents")
    print(
        f"findings {n}; judged {done}: right {judged['right']}, right but another category "
        f"{judged['category']}, wrong {judged['wrong']}; not judged {judged['not judged']}"
    )
    if done:
        print(
            f"judged precision: {judged['right']}/{done} = {judged['right'] / done:.2f} "
            f"(a real trap, any category: {judged['right'] + judged['category']}/{done} = "
            f"{(judged['right'] + judged['category']) / done:.2f})"
        )
    if label["findings"]:
        print(
            f"label-matched precision (score_real.py): {label['right']}/{label['findings']} = "
            f"{label['right'] / label['findings']:.2f}"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sheet", help="write a findings sheet per document for a reader")
    s.add_argument("corpus", type=Path)
    s.add_argument("--split", required=True)
    s.add_argument("--lang", choices=("zh", "en"))
    s.add_argument("-o", "--out", type=Path, required=True)
    s.add_argument("--force", action="store_true")
    f = sub.add_parser("freeze", help="keep the verdicts without the contract text")
    f.add_argument("folder", type=Path)
    f.add_argument("-o", "--out", type=Path, required=True)
    f.add_argument("--judge", default="a reader who wrote no rule")
    c = sub.add_parser("score", help="judged precision beside the label-matched one")
    c.add_argument("corpus", type=Path)
    c.add_argument("--split", required=True)
    c.add_argument("--lang", choices=("zh", "en"))
    c.add_argument("--verdicts", type=Path, required=True)
    args = ap.parse_args(argv)
    return {"sheet": cmd_sheet, "freeze": cmd_freeze, "score": cmd_score}[args.cmd](args)


if __name__ == "__main__":
    raise SystemExit(main())
