"""How often the default party reading (no --we) agrees with the labelled supplier.

For every labelled development contract of the corpora given (default: the in-repository corpus), the
parties are read twice: as a user who gives no --we, and with the label file's `supplier_party` as
--we (what score_real.py does). A document is listed as suspect when the default reading finds no
buyer or no supplier, or makes a different party the supplier than the labelled one:

    .venv/bin/python benchmarks/party_check.py [CORPUS ...] [--split dev]

The last line prints `documents N suspect M`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bidassist.checklist.api import contract_parties, units_from_clauses  # noqa: E402
from bidassist.reading import split_clauses, text_blocks  # noqa: E402

DEFAULT = ROOT / "benchmarks" / "corpora" / "contracts"


def _sides(parties, role: str) -> set[str]:
    return {lab for p in parties.parties if p.role == role for lab in p.labels}


def check(label_path: Path) -> str | None:
    """A line describing the disagreement, or None when the default reading agrees."""
    labels = yaml.safe_load(label_path.read_text(encoding="utf-8"))
    text_path = label_path.with_name(label_path.name.replace(".labels.yaml", ".txt"))
    units = units_from_clauses(
        split_clauses(text_blocks(text_path.read_text(encoding="utf-8"), text_path.name))
    )
    default = contract_parties(units, None, we_strict=False)
    given = contract_parties(units, labels.get("supplier_party"), we_strict=False)
    sup, buy, want = _sides(default, "supplier"), _sides(default, "buyer"), _sides(given, "supplier")
    if sup and buy and (not want or sup & want):
        return None
    return (
        f"{text_path.stem}: default supplier {sorted(sup)} buyer {sorted(buy)}; "
        f"with the label's --we {sorted(want)} ({str(labels.get('supplier_party'))[:60]})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="*", type=Path, default=[DEFAULT])
    ap.add_argument("--split", default="dev", help="the label files' split to read (default dev)")
    args = ap.parse_args(argv)
    n = suspect = 0
    for corpus in args.corpus:
        for label_path in sorted(corpus.glob("*/*.labels.yaml")):
            split = str(yaml.safe_load(label_path.read_text(encoding="utf-8")).get("split", "")).split()
            if not split or split[0] != args.split:
                continue
            if not label_path.with_name(label_path.name.replace(".labels.yaml", ".txt")).exists():
                continue
            n += 1
            line = check(label_path)
            if line:
                suspect += 1
                print(line)
    print(f"documents {n} suspect {suspect}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
