"""Standard wordings of each trap, one a line (CATEGORY|sentence), each checked inside a small contract of
its language: does the checker name the category?

    .venv/bin/python benchmarks/probe_wordings.py benchmarks/corpora/probes/en.txt [-v]

The probe sets (benchmarks/corpora/probes/) were written in session 35 from the category definitions in
findings.md, in common drafting, by the rule writer: they show vocabulary breadth, not performance on unseen
contracts (that is the held-out splits' job). A few misses are by design and say why in CHANGELOG.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bidassist.checklist import load_packs  # noqa: E402
from bidassist.checklist.api import check_text  # noqa: E402

_EN_HEAD = (
    'SUPPLY AGREEMENT\nThis Agreement is made between Alpha Holdings Ltd ("Buyer") and Beta Works Ltd ("Supplier").\n'
    '1. Definitions. "Contractor", "Vendor" and "Seller" mean the Supplier; "Owner", "Purchaser", "Company", '
    '"Employer" and "City" mean the Buyer.\n2. Scope. The Supplier shall supply the goods and services in Schedule 1.\n'
)
_ZH_HEAD = "采购合同\n甲方（采购人）：某某集团有限公司\n乙方（供应商）：某某科技有限公司\n第一条 合同标的 乙方按附件一向甲方供货。\n"


def main() -> int:
    path = Path(sys.argv[1])
    verbose = "-v" in sys.argv
    rules = load_packs(None)
    zh = path.stem.startswith("zh")
    hits = total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if "|" not in line:
            continue
        category, sentence = line.split("|", 1)
        body = (
            f"{_ZH_HEAD}第七条 {sentence}\n第八条 其他 本合同一式两份。\n"
            if zh
            else f"{_EN_HEAD}7. Terms. {sentence}\n8. Notices. Notices shall be in writing.\n"
        )
        found = sorted(
            {f.category for f in check_text(body, rules, we="乙方" if zh else "Supplier").findings}
        )
        total += 1
        hits += category in found
        if verbose or category not in found:
            print(
                "hit " if category in found else "MISS", category, "|", sentence[:80], "|", ", ".join(found)
            )
    print(f"{path.name}: {hits}/{total} named")
    return 0


if __name__ == "__main__":
    sys.exit(main())
