"""Keep the labels of the fetched contracts in the repository without their text.

The fetched contracts' texts and label files live outside the repository (FETCHED.md: nothing fetched is
committed, not even quotes), so a rebuilt machine loses the labels while the texts can be made again with
fetched_text.py / fetched_text_en.py. This script stores each label file as positions instead:

    python benchmarks/corpora/contracts/label_store.py freeze /work/corpus/contracts   # labels -> fetched_labels/
    python benchmarks/corpora/contracts/label_store.py thaw /work/corpus/contracts     # fetched_labels/ -> labels

`freeze` reads every <lang>/<id>.labels.yaml beside its <id>.txt and writes fetched_labels/<lang>/<id>.yaml: the
label file's keys with each quote replaced by `at: [start, end]` (character offsets into the text) and `sha`
(the first 16 hex digits of the quote's sha256), the text's own sha256, and no `note`/`notes` (a reader's notes may
quote the text; they stay outside). `thaw` writes <id>.labels.yaml back beside each rebuilt text (never over an
existing one unless --force), after checking the text's sha256 and every quote's sha.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
STORE = HERE / "fetched_labels"
DROPPED = ("notes",)


def _sha(text: str, n: int = 16) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


class BadLabels(ValueError):
    """A label file that cannot be stored (its quote is not in its text): reported, the others go on."""


def _freeze_item(item: dict, text: str, where: str) -> dict:
    quote = item["quote"]
    start = text.find(quote)
    if start < 0:
        raise BadLabels(f"{where}: quote not in text: {quote[:60]!r}")
    kept = {k: v for k, v in item.items() if k not in ("quote", "note")}
    return {**kept, "at": [start, start + len(quote)], "sha": _sha(quote)}


def freeze(corpus: Path, store: Path = STORE) -> int:
    count = 0
    problems: list[str] = []
    for labels_path in sorted(corpus.glob("*/*.labels.yaml")):
        text_path = labels_path.with_name(labels_path.name.replace(".labels.yaml", ".txt"))
        if not text_path.exists():
            continue
        try:
            labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
            text = text_path.read_text(encoding="utf-8")
            frozen = {
                k: v for k, v in labels.items() if k not in DROPPED and k not in ("traps", "lookalikes")
            }
            frozen["text_sha256"] = _sha(text, 64)
            for kind in ("traps", "lookalikes"):
                frozen[kind] = [
                    _freeze_item(item, text, f"{labels_path}: {kind}[{i}]")
                    for i, item in enumerate(labels.get(kind) or [])
                ]
        except (BadLabels, yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
            problems.append(f"{labels_path}: not stored ({error})".replace("\n", " "))
            continue
        out = store / labels_path.parent.name / f"{labels['id']}.yaml"
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".part")
        tmp.write_text(
            yaml.safe_dump(frozen, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8"
        )
        tmp.replace(out)
        count += 1
    for line in problems:
        print(line)
    print(f"froze {count} label files into {store}, {len(problems)} not stored")
    return 1 if problems else 0


def thaw(corpus: Path, force: bool, store: Path = STORE) -> int:
    made = skipped = 0
    problems: list[str] = []
    for stored in sorted(store.glob("*/*.yaml")):
        frozen = yaml.safe_load(stored.read_text(encoding="utf-8"))
        text_path = corpus / stored.parent.name / f"{frozen['id']}.txt"
        out = text_path.with_name(f"{frozen['id']}.labels.yaml")
        if not text_path.exists():
            problems.append(f"{stored.name}: no text {text_path} (rebuild it with fetched_text*.py)")
            continue
        if out.exists() and not force:
            skipped += 1
            continue
        text = text_path.read_text(encoding="utf-8")
        if _sha(text, 64) != frozen.pop("text_sha256"):
            problems.append(f"{stored.name}: {text_path} differs from the text the labels were made on")
            continue
        for kind in ("traps", "lookalikes"):
            items = []
            for item in frozen.get(kind) or []:
                start, end = item.pop("at")
                quote = text[start:end]
                if _sha(quote) != item.pop("sha"):
                    problems.append(f"{stored.name}: {kind} at {start}: the quote's sha differs")
                items.append({"category": item.pop("category"), "quote": quote, **item})
            frozen[kind] = items
        frozen["notes"] = (
            "Restored by label_store.py thaw from fetched_labels/ (the readers' notes stay outside the repository)."
        )
        out.write_text(
            yaml.safe_dump(frozen, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8"
        )
        made += 1
    for line in problems:
        print(line)
    print(
        f"thawed {made} label files, {skipped} left as they were (exist; --force to replace), {len(problems)} problems"
    )
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("freeze", "thaw"))
    ap.add_argument("corpus", type=Path, help="the folder with zh/ and en/ (e.g. /work/corpus/contracts)")
    ap.add_argument("--force", action="store_true", help="thaw: replace existing label files")
    ap.add_argument(
        "--store", type=Path, default=STORE, help=f"where the positions are kept (default {STORE})"
    )
    args = ap.parse_args(argv)
    if args.action == "freeze":
        return freeze(args.corpus, args.store)
    return thaw(args.corpus, args.force, args.store)


if __name__ == "__main__":
    sys.exit(main())
