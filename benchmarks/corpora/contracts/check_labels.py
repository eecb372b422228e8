"""Check the contract corpus labels: every quote is a verbatim substring of its document.

Usage: python benchmarks/corpora/contracts/check_labels.py [CORPUS_DIR ...]
(default: the in-repository corpora; a fetched corpus outside the repository, e.g. /work/corpus/contracts, is
named on the command line)
Prints one line per problem (file, item, reason) and a summary; exit 1 if any problem.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CORPORA = (HERE, HERE.parent / "contracts_synthetic")
KEYS = {
    "id",
    "title",
    "source",
    "split",
    "drafted_by",
    "supplier_party",
    "parties",
    "traps",
    "lookalikes",
    "notes",
}
SEVERITIES = {"high", "medium", "low"}


def document_for(labels: Path) -> Path:
    stem = labels.name.removesuffix(".labels.yaml")
    for ext in (".txt", ".md"):
        candidate = labels.with_name(stem + ext)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{labels}: no document {stem}.txt|.md")


def check_item(where: str, item: dict, text: str, kind: str) -> list[str]:
    problems = []
    quote = item.get("quote", "")
    if not quote or quote not in text:
        problems.append(f"{where}: quote not in text: {quote!r}")
    if kind == "traps" and item.get("severity") not in SEVERITIES:
        problems.append(f"{where}: bad severity {item.get('severity')!r}")
    if not item.get("category"):
        problems.append(f"{where}: no category")
    return problems


def check_file(labels: Path) -> tuple[list[str], int]:
    try:
        data = yaml.safe_load(labels.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        return [f"{labels.name}: not valid YAML: {error}".replace("\n", " ")], 0
    text = document_for(labels).read_text(encoding="utf-8")
    problems = [f"{labels.name}: missing keys {sorted(KEYS - data.keys())}"] if KEYS - data.keys() else []
    count = 0
    for kind in ("traps", "lookalikes"):
        for index, item in enumerate(data.get(kind) or []):
            count += 1
            problems += check_item(f"{labels.name} {kind}[{index}]", item, text, kind)
    return problems, count


def main(argv: list[str]) -> int:
    problems: list[str] = []
    files = quotes = 0
    for corpus in [Path(a) for a in argv] or CORPORA:
        for labels in sorted(corpus.glob("*/*.labels.yaml")):
            found, count = check_file(labels)
            problems += found
            files += 1
            quotes += count
    for line in problems:
        print(line)
    print(f"{files} label files, {quotes} quotes, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
