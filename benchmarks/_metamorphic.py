"""What the metamorphic checks share (party_rename.py, number_styles.py): a development contract is
rewritten in a way that does not change what its clauses do, and the findings (category, clause) kept
are counted. Unlike a held-out set, such a check needs no new documents."""

from __future__ import annotations

import argparse
import collections
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


def arguments(doc: str, modes: tuple[str, ...], argv: list[str] | None) -> argparse.Namespace:
    """The checks' command line: CORPUS [--lang en|zh] [--mode M] [--ids REGEX] [-v] (the first mode is the default)."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--lang", choices=("en", "zh"), default="en")
    ap.add_argument("--mode", choices=modes, default=modes[0])
    ap.add_argument("--ids", default="")
    ap.add_argument("-v", "--verbose", action="store_true")
    return ap.parse_args(argv)


def dev_documents(corpus: Path, lang: str, ids: str = "") -> Iterator[tuple[dict[str, Any], str]]:
    """(label file, text) of each development contract of `lang` under CORPUS/<lang>/ whose id matches `ids`."""
    for label in sorted((corpus / lang).glob("*.labels.yaml")):
        meta = yaml.safe_load(label.read_text(encoding="utf-8"))
        if not str(meta.get("split", "")).startswith("dev") or not re.search(ids, meta["id"]):
            continue
        stem = label.name.replace(".labels.yaml", "")
        path = next(
            (p for p in (label.with_name(stem + ".txt"), label.with_name(stem + ".md")) if p.exists()), None
        )
        if path is not None:
            yield meta, path.read_text(encoding="utf-8")


def corpus_error(corpus: Path, lang: str) -> str | None:
    """The error line for a CORPUS that has no <lang>/ folder, else None."""
    if (corpus / lang).is_dir():
        return None
    return f"error: {corpus / lang}: no such folder (CORPUS holds en/ and zh/ with <id>.txt and <id>.labels.yaml)"


def keys(result: Any) -> set[tuple[str, str | None]]:
    """A check result's findings as (category, clause)."""
    return {(f.category, f.clause) for f in result.findings}


def findings_before_after(
    rules: Any, meta: dict[str, Any], text: str, made: str
) -> tuple[set[tuple[str, str | None]], set[tuple[str, str | None]]]:
    """The findings (category, clause) of a development contract and of its rewriting, each checked
    with the label's supplier_party as --we (a party the text does not name is a note)."""
    from bidassist.checklist import check_text

    we = meta.get("supplier_party")
    return (
        keys(check_text(text, rules, we=we, we_strict=False)),
        keys(check_text(made, rules, we=we, we_strict=False)),
    )


@dataclass
class Tally:
    docs: int = 0
    total: int = 0
    kept: int = 0
    lost: collections.Counter[str] = field(default_factory=collections.Counter)
    gained: collections.Counter[str] = field(default_factory=collections.Counter)

    def add(self, one: set[tuple[str, str | None]], two: set[tuple[str, str | None]]) -> None:
        """One document's findings before (`one`) and after (`two`) the rewriting."""
        self.docs += 1
        self.total += len(one)
        self.kept += len(one & two)
        self.lost.update(c for c, _ in one - two)
        self.gained.update(c for c, _ in two - one)

    def report(self, title: str) -> None:
        print(
            f"{title}: documents {self.docs}, findings {self.total}, kept {self.kept} ({self.kept / max(self.total, 1):.2f})"
        )
        print("lost:", ", ".join(f"{c} {n}" for c, n in self.lost.most_common()) or "none")
        print("gained:", ", ".join(f"{c} {n}" for c, n in self.gained.most_common()) or "none")


def changes(one: set[tuple[str, str | None]], two: set[tuple[str, str | None]]) -> str:
    """The findings lost and gained, for -v."""
    return f"lost {sorted(one - two, key=str)}, gained {sorted(two - one, key=str)}"


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2
