"""Real contracts checked from their ORIGINAL files (.docx, .doc, .pdf: what a user hands the tool)
beside the same contracts checked from the corpus texts the labels were written on.

The fetched Chinese contracts' texts were made by `fetched_text.py` (python-docx paragraphs without
Word's automatic numbers, `pdftotext -layout`, LibreOffice for .doc); `bidassist check` reads the
files with its own readers (numbering rebuilt, pypdf). This script measures what that difference
costs: for every whole-file source of a split (parts cut out of a larger file are skipped, as are
sources read from program code), both readings are checked and a labelled trap counts as caught
when a finding of its category is on a clause whose text holds the start of the trap's quote.
English (`--lang en`, texts by `fetched_text_en.py`): every Word and PDF source, also those whose
text is a part of the file (an RFP's contract chapter): the whole file is checked, and only the
labelled traps are counted, so the figure is recall (findings outside the part do not count).

    .venv/bin/python benchmarks/score_from_files.py [--lang zh|en] [--split dev] [--mirror /work/.mirror]
        [--corpus /work/corpus/contracts] [-v]

Needs the fetched snapshots in MIRROR (see FETCHED.md) and the corpus texts and labels.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "corpora" / "contracts"))

import fetched_text as F  # noqa: E402
import fetched_text_en as FE  # noqa: E402

from bidassist.checklist import load_packs  # noqa: E402
from bidassist.checklist.api import check_contract  # noqa: E402
from bidassist.core.errors import InputError  # noqa: E402

_SQUASH = re.compile(r"[\s|＿_]+")


def squash(text: str) -> str:
    return _SQUASH.sub("", text)


def whole_file_sources() -> dict[str, tuple[str, str | None, str]]:
    """doc id -> (repo, commit or None, path) for sources read whole from a Word or PDF file."""
    specs: dict[str, tuple[str, str | None, str]] = {d: (r, None, p) for d, (r, p) in F.DOCS.items()}
    for table in (F.DOCS8, F.DOCS9):
        specs |= {d: (r, None, p) for d, (r, p, parts) in table.items() if parts == F.WHOLE}
    skip = set(getattr(F, "READERS18", {})) | set(getattr(F, "MARKDOWN13", ()))
    for table in (
        F.DOCS10,
        F.DOCS11,
        F.DOCS12,
        F.DOCS13,
        F.DOCS14,
        F.DOCS15,
        F.DOCS16,
        F.DOCS19,
        F.DOCS20,
        F.DOCS21,
    ):
        specs |= {d: (r, c, p) for d, (r, c, p, parts) in table.items() if parts == F.WHOLE and d not in skip}
    return {d: s for d, s in specs.items() if s[2].endswith((".docx", ".doc", ".pdf"))}


def english_sources() -> dict[str, tuple[str, str | None, str]]:
    """doc id -> (repo, commit, path) for English texts read from one Word or PDF file."""
    specs: dict[str, tuple[str, str | None, str]] = {}
    specs |= {d: (r, c, p) for d, (r, c, p, *_rest) in FE.PDF_DOCS.items()}
    specs |= {d: (FE.LEGALAI, FE.LEGALAI_COMMIT, p) for d, (p, _steps) in FE.DOCX_DOCS.items()}
    specs |= {d: (r, c, p) for d, (r, c, p, _steps) in FE.OTHER_DOCX_DOCS.items()}
    specs |= {d: (r, c, p) for d, (kind, r, c, p, _rest) in FE.DOCS22.items() if kind in ("pdf", "docx")}
    return {d: s for d, s in specs.items() if s[2].endswith((".docx", ".doc", ".pdf"))}


def fetch(mirror: Path, lang: str, repo: str, commit: str | None, path: str) -> bytes:
    if lang == "en":
        return FE.original(mirror, repo, commit or "HEAD", path)
    return F.original(mirror, repo, path) if commit is None else F.original_at(mirror, repo, commit, path)


def caught(findings: list, traps: list[dict]) -> int:
    found = [(f.category, squash(f.text or "")) for f in findings]
    return sum(
        1
        for t in traps
        if (q := squash(t["quote"])[:40]) and any(c == t["category"] and q in text for c, text in found)
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--lang", choices=("zh", "en"), default="zh")
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--corpus", default="/work/corpus/contracts")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    rules = load_packs(None)
    mirror, texts = Path(args.mirror), Path(args.corpus) / args.lang
    sources = english_sources() if args.lang == "en" else whole_file_sources()
    totals = {"documents": 0, "traps": 0, "text": 0, "file": 0}
    for doc_id, (repo, commit, path) in sorted(sources.items()):
        label_file = texts / f"{doc_id}.labels.yaml"
        if not label_file.exists():
            continue
        labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        traps = labels.get("traps") or []
        if labels.get("split", "dev") != args.split or not traps:
            continue
        data = fetch(mirror, args.lang, repo, commit, path)
        we = labels.get("supplier_party")
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / ("contract" + Path(path).suffix)
            source.write_bytes(data)
            try:
                from_file = check_contract(source, rules, we=we, we_strict=False).findings
            except InputError as exc:
                print(f"{doc_id}: the file is refused: {exc}")
                continue
        from_text = check_contract(texts / f"{doc_id}.txt", rules, we=we, we_strict=False).findings
        a, b = caught(from_text, traps), caught(from_file, traps)
        totals["documents"] += 1
        totals["traps"] += len(traps)
        totals["text"] += a
        totals["file"] += b
        if args.verbose or a != b:
            print(
                f"{doc_id} {Path(path).suffix:5s} traps {len(traps):3d}  from text {a:3d}  from file {b:3d}"
            )
    print(
        f"{args.lang} {args.split}: {totals['documents']} contracts read from a Word or PDF file, {totals['traps']} traps; "
        f"caught from the corpus text {totals['text']}, from the original file {totals['file']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
