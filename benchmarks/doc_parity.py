"""Legacy Word (.doc) reading against LibreOffice: each .doc of a folder is read by bidassist's own
reader (reading/doc.py) and, converted by LibreOffice to .docx, by the .docx reader; the script
prints per file the characters of text (whitespace and cell bars ignored), the similarity, the
blocks, the numbered clauses and the findings of each, and the findings in common.

    .venv/bin/python benchmarks/doc_parity.py FOLDER [-v]

Needs `soffice` (LibreOffice) on the PATH. The session 35 figures used the 13 real .doc files of the
fetched snapshots listed in CHANGELOG (not committed: their licences are unknown).
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bidassist.checklist import load_packs  # noqa: E402
from bidassist.checklist.api import check_contract  # noqa: E402
from bidassist.reading import read_contract  # noqa: E402

_SQUASH = re.compile(r"[\s|]+")


def squash(text: str) -> str:
    return _SQUASH.sub("", text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="list the findings that differ")
    args = ap.parse_args()
    rules = load_packs(None)
    files = sorted(args.folder.glob("*.doc"))
    same = total = identical = 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "docx", "--outdir", tmp, *map(str, files)],
            check=True,
            capture_output=True,
        )
        for path in files:
            converted = Path(tmp) / (path.stem + ".docx")
            ours, theirs = read_contract(path), read_contract(converted)
            a, b = (
                squash("".join(x.text for x in ours.blocks)),
                squash("".join(x.text for x in theirs.blocks)),
            )
            ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
            identical += a == b
            numbered = (sum(1 for c in ours.clauses if c.number), sum(1 for c in theirs.clauses if c.number))
            fa = {(f.category, squash(f.matched or "")[:30]) for f in check_contract(path, rules).findings}
            fb = {
                (f.category, squash(f.matched or "")[:30]) for f in check_contract(converted, rules).findings
            }
            same += len(fa & fb)
            total += max(len(fa), len(fb))
            print(
                f"{path.name[:40]:40s} chars {len(a)}/{len(b)} similarity {ratio:.3f} blocks "
                f"{len(ours.blocks)}/{len(theirs.blocks)} numbered {numbered[0]}/{numbered[1]} findings "
                f"{len(fa)}/{len(fb)} in common {len(fa & fb)}"
            )
            if args.verbose:
                for f in sorted(fa ^ fb):
                    print("     ", "ours " if f in fa else "LibreOffice", f)
    print(
        f"{len(files)} files: text identical {identical}; findings in common {same} of {total} (ours / LibreOffice)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
