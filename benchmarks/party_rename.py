"""A metamorphic check of the party reading: rename the two sides of each labelled English development
contract consistently and see whether the findings stay.

A finding is about what a clause does to the supplier, not about the words the contract calls its
parties by, so renaming "the Owner" to "Globex" and "the Contractor" to "Contoso" everywhere (and
checking with `--we Contoso`) should keep every finding on its clause. What is lost shows where the
party reading leans on known role words; unlike a held-out set, it needs no new documents.

    .venv/bin/python benchmarks/party_rename.py CORPUS [--mode role|name|head] [--ids REGEX] [-v]

Modes: `role` swaps each side's role word for another role word (Purchaser, Vendor, …); `name`
replaces "the Buyer" by a short proper name used bare ("Globex"); `head` does the same and adds a
head line defining both names ('between Globex Limited ("Globex") and Contoso Limited ("Contoso")'),
as contracts that call their parties by name do. Prints documents renamed, findings kept (category
and clause) and the categories lost and gained. Documents whose sides are not read as role words,
or whose text already uses a new name, are skipped.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bidassist.checklist import check_text, load_packs  # noqa: E402

BUYER_WORDS = {
    "buyer", "client", "purchaser", "authority", "customer", "owner", "company", "council", "employer",
    "principal", "department", "agency", "district", "county", "city", "state", "university", "hospital",
}  # fmt: skip
SUPPLIER_WORDS = {
    "vendor", "consultant", "service provider", "contractor", "seller", "supplier", "provider",
    "subcontractor", "bidder", "tenderer",
}  # fmt: skip
NEW_ROLES = (
    ["Client", "Purchaser", "Authority", "Customer", "Owner"],
    ["Vendor", "Consultant", "Seller", "Provider"],
)
NEW_NAMES = (["Northwind", "Globex", "Initech", "Umbrella"], ["Contoso", "Vandelay", "Hooli", "Stark"])


def rename(text: str, old: str, new: str, *, drop_article: bool) -> str:
    """`old` (whole word, singular, any case) replaced by `new` (capitals kept), with its "the" when
    `drop_article` (a proper name takes none)."""
    article = r"(?:the\s+)?" if drop_article else ""

    def sub(m: re.Match) -> str:
        word = m.group(0).split()[-1]
        lead = "" if drop_article else m.group(0)[: -len(word)]
        return "\x00" + lead + (new.upper() if word.isupper() else new) + "\x01"

    return re.sub(rf"\b{article}{re.escape(old)}\b(?!s\b)", sub, text, flags=re.I)


def sides(result) -> tuple[list[str], list[str]]:
    parties = result.parties["parties"]
    return (
        [lab for p in parties if p["role"] == "buyer" for lab in p["labels"]],
        [lab for p in parties if p["role"] == "supplier" for lab in p["labels"]],
    )


def renamed(
    text: str, buyer: str, supplier: str, mode: str, rng: random.Random
) -> tuple[str, str, str] | None:
    """(the renamed text, the new buyer word, the new supplier word), or None when a new word is used already."""
    pool_b, pool_s = NEW_ROLES if mode == "role" else NEW_NAMES
    nb = rng.choice([w for w in pool_b if w.lower() != buyer])
    ns = rng.choice([w for w in pool_s if w.lower() != supplier])
    if re.search(rf"\b(?:{nb}|{ns})\b", text, re.I):
        return None
    drop = mode != "role"
    out = rename(rename(text, buyer, nb, drop_article=drop), supplier, ns, drop_article=drop)
    out = out.replace("\x00", "").replace("\x01", "")
    if mode == "head":
        out = f'This Agreement is made between {nb} Limited ("{nb}") and {ns} Limited ("{ns}").\n' + out
    return out, nb, ns


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--mode", choices=("role", "name", "head"), default="head")
    ap.add_argument("--ids", default="")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    rules = load_packs()
    rng = random.Random(7)
    docs = total = kept = 0
    lost: collections.Counter[str] = collections.Counter()
    gained: collections.Counter[str] = collections.Counter()
    for label in sorted((args.corpus / "en").glob("*.labels.yaml")):
        meta = yaml.safe_load(label.read_text(encoding="utf-8"))
        if not str(meta.get("split", "")).startswith("dev") or not re.search(args.ids, meta["id"]):
            continue
        text = label.with_name(label.name.replace(".labels.yaml", ".txt")).read_text(encoding="utf-8")
        before = check_text(text, rules, we_strict=False)
        b, s = sides(before)
        bw = next((w for w in b if w in BUYER_WORDS), None)
        sw = next((w for w in s if w in SUPPLIER_WORDS), None)
        made = renamed(text, bw, sw, args.mode, rng) if bw and sw else None
        if made is None:
            continue
        after = check_text(made[0], rules, we=made[2], we_strict=False)
        one = {(f.category, f.clause) for f in before.findings}
        two = {(f.category, f.clause) for f in after.findings}
        docs += 1
        total += len(one)
        kept += len(one & two)
        lost.update(c for c, _ in one - two)
        gained.update(c for c, _ in two - one)
        if args.verbose and (one - two or two - one):
            print(
                f"{meta['id']}: {bw} -> {made[1]}, {sw} -> {made[2]}: lost {sorted(one - two)}, gained {sorted(two - one)}"
            )
            print(f"    read as buyer {sides(after)[0]}, supplier {sides(after)[1]}")
    print(f"mode {args.mode}: documents {docs}, findings {total}, kept {kept} ({kept / max(total, 1):.2f})")
    print("lost:", ", ".join(f"{c} {n}" for c, n in lost.most_common()) or "none")
    print("gained:", ", ".join(f"{c} {n}" for c, n in gained.most_common()) or "none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
