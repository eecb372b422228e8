"""Agreement figures between the first reader's labels and the second review.

Usage: python benchmarks/corpora/contracts/review_figures.py BASE_COMMIT
BASE_COMMIT is the commit holding the first reader's labels (before the review); label files that
did not exist at BASE_COMMIT are left out. Items are matched
by (category, quote); a re-categorised or re-quoted item counts as one removed and one added.
Prints one Markdown table per corpus: per language and split, traps confirmed / removed / added,
look-alikes confirmed / removed / added, severity changes, and trap agreement
(confirmed / (confirmed + removed + added)).
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
CORPORA = {"real": HERE, "synthetic": HERE.parent / "contracts_synthetic"}
COLUMNS = ("docs", "t_first", "t_conf", "t_rem", "t_add", "sev", "l_first", "l_conf", "l_rem", "l_add")


def first_reading(base: str, path: Path) -> dict | None:
    """The label file as the first reader left it, or None when it did not exist at BASE (a
    document of another batch, labelled later): it is left out of the figures."""
    relative = path.relative_to(REPO).as_posix()
    shown = subprocess.run(
        ["git", "-C", str(REPO), "show", f"{base}:{relative}"], capture_output=True, text=True
    )
    return yaml.safe_load(shown.stdout) if shown.returncode == 0 else None


def keyed(items: list | None) -> dict:
    return {(item["category"], item["quote"]): item for item in items or []}


def compare(before: dict, after: dict) -> Counter:
    counts = Counter(docs=1)
    for kind, prefix in (("traps", "t"), ("lookalikes", "l")):
        old, new = keyed(before.get(kind)), keyed(after.get(kind))
        counts[f"{prefix}_first"] += len(old)
        counts[f"{prefix}_conf"] += len(old.keys() & new.keys())
        counts[f"{prefix}_rem"] += len(old.keys() - new.keys())
        counts[f"{prefix}_add"] += len(new.keys() - old.keys())
        if kind == "traps":
            counts["sev"] += sum(
                old[key]["severity"] != new[key]["severity"] for key in old.keys() & new.keys()
            )
    return counts


def table(name: str, rows: dict) -> list[str]:
    lines = [
        f"### {name}",
        "",
        "| language | split | documents | traps (first reader) | traps confirmed | traps removed | traps added "
        "| severity changes | look-alikes (first reader) | look-alikes confirmed | look-alikes removed "
        "| look-alikes added | trap agreement |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for (lang, split), counts in rows.items():
        judged = counts["t_conf"] + counts["t_rem"] + counts["t_add"]
        agreement = f"{counts['t_conf'] / judged:.2f}" if judged else "-"
        cells = " | ".join(str(counts[column]) for column in COLUMNS)
        lines.append(f"| {lang} | {split} | {cells} | {agreement} |")
    return lines + [""]


def main(base: str) -> int:
    out: list[str] = []
    for name, corpus in CORPORA.items():
        rows: dict = {}
        total: Counter = Counter()
        for path in sorted(corpus.glob("*/*.labels.yaml")):
            after = yaml.safe_load(path.read_text(encoding="utf-8"))
            before = first_reading(base, path)
            if before is None:
                continue
            counts = compare(before, after)
            rows.setdefault((path.parent.name, after["split"]), Counter()).update(counts)
            total.update(counts)
        out += table(name, {**dict(sorted(rows.items())), ("all", "all"): total})
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: review_figures.py BASE_COMMIT", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
