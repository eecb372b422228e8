"""A metamorphic check of the party reading: rename the two sides of each labelled development contract
consistently and see whether the findings stay.

A finding is about what a clause does to the supplier, not about the words the contract calls its
parties by, so renaming "the Owner" to "Globex" and "the Contractor" to "Contoso" everywhere (and
checking with `--we Contoso`) should keep every finding on its clause. What is lost shows where the
party reading leans on known role words; unlike a held-out set, it needs no new documents.

    .venv/bin/python benchmarks/party_rename.py CORPUS [--lang en|zh] [--mode role|name|head|pronoun] [--ids REGEX] [-v]

Modes: `role` swaps each side's role word for another role word (Purchaser, Vendor, …; 采购人, 供应商);
`name` replaces "the Buyer" by a short proper name used bare ("Globex"; 华信公司); `head` does the same
and adds a head line defining both names ('between Globex Limited ("Globex") and Contoso Limited
("Contoso")'; 本合同由北京华信科技有限公司（以下简称“华信公司”）与…签订), as contracts that call their
parties by name do; `pronoun` (English) writes the buyer as "we"/"us"/"our" and the supplier as "you"/"your"
under a head line saying so, as order terms and platform terms do ('In these terms "we", "us" and "our" mean
Globex Limited and "you" and "your" mean the supplier'), checked with `--we you`. Prints documents renamed, findings kept (category
and clause) and the categories lost and gained. Documents whose sides are not read as role words,
or whose text already uses a new name, are skipped.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _metamorphic import Tally, arguments, changes, corpus_error, dev_documents, fail, keys  # noqa: E402

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
ZH_BUYER_WORDS = {"甲方", "采购人", "发包人", "需方", "委托方", "业主", "买方", "采购方"}
ZH_SUPPLIER_WORDS = {"乙方", "供应商", "承包人", "供方", "受托方", "服务商", "卖方", "供货方"}
ZH_NEW_ROLES = (["采购人", "需方", "委托方", "买方"], ["供应商", "供方", "受托方", "卖方"])
ZH_NEW_NAMES = (["华信公司"], ["恒达公司"])
ZH_HEAD = (
    "本合同由北京华信科技有限公司（以下简称“华信公司”）与上海恒达实业有限公司（以下简称“恒达公司”）签订。\n"
)


def rename(text: str, old: str, new: str, *, drop_article: bool) -> str:
    """`old` (whole word, singular, any case) replaced by `new` (capitals kept), with its "the" when
    `drop_article` (a proper name takes none); Chinese: every occurrence."""
    if not old.isascii():
        return text.replace(old, "\x00" + new + "\x01")
    article = r"(?:the\s+)?" if drop_article else ""

    def sub(m: re.Match) -> str:
        word = m.group(0).split()[-1]
        return "\x00" + (new.upper() if word.isupper() else new) + "\x01"

    return re.sub(rf"\b{article}{re.escape(old)}\b(?!s\b)", sub, text, flags=re.I)


#: what comes before a party that is an object ("to the Buyer", "between the Buyer and")
_OBJECT_BEFORE = re.compile(r"\b(?:to|by|of|from|for|with|against|upon|on|between|than)\s*$", re.I)
#: what follows a party that is the subject of its clause ("the Buyer shall", "the Buyer agrees")
_SUBJECT_AFTER = re.compile(r"\s+(?:\(|,|shall|may|will|must|can|cannot|hereby|also|not|[a-z]+s)\b")
#: third-person verbs after "we"/"you" and their plain forms
_VERBS = {"is": "are", "has": "have", "does": "do", "was": "were"}
_VERB_S = re.compile(r"\b([Ww]e|[Yy]ou)(\s+(?:hereby\s+|also\s+|not\s+)?)([a-z]+?)(ies|es|s)\b")
_KEEP_S = frozenset({"thi", "hi", "a", "ha", "i", "wa", "doe", "u", "plu", "ye"})


def pronoun_rename(text: str, old: str, ours: bool) -> str:
    """`old` (with its article) written as "we"/"us"/"our" (`ours`) or "you"/"your", with the verb after it
    agreeing ("the Buyer agrees" -> "we agree"; "the Supplier is" -> "you are")."""

    def sub(m: re.Match) -> str:
        before = text[max(0, m.start() - 20) : m.start()]
        if m.group(1):  # possessive
            word = "our" if ours else "your"
        elif ours and (_OBJECT_BEFORE.search(before) or not _SUBJECT_AFTER.match(text, m.end())):
            word = "us"
        else:
            word = "we" if ours else "you"
        at_start = not before.strip() or before.rstrip()[-1] in ".:;\n)"
        return "\x00" + (word.capitalize() if at_start else word) + "\x01"

    out = re.sub(rf"\b(?:the\s+)?{re.escape(old)}\b(?!s\b)(['’]s\b)?", sub, text, flags=re.I)
    return out


def _agree(text: str) -> str:
    def verb(m: re.Match) -> str:
        stem, ending = m.group(3), m.group(4)
        whole = stem + ending
        if whole in _VERBS:
            return f"{m.group(1)}{m.group(2)}{_VERBS[whole]}"
        if whole in ("shall", "will", "may", "must") or stem in _KEEP_S or whole.endswith("ss"):
            return m.group(0)
        if ending == "ies":
            plain = stem + "y"
        elif ending == "es" and not stem.endswith(("s", "sh", "ch", "x", "z", "o")):
            plain = stem + "e"
        else:
            plain = stem
        return f"{m.group(1)}{m.group(2)}{plain}"

    return _VERB_S.sub(verb, text)


def sides(result) -> tuple[list[str], list[str]]:
    parties = result.parties["parties"]
    return (
        [lab for p in parties if p["role"] == "buyer" for lab in p["labels"]],
        [lab for p in parties if p["role"] == "supplier" for lab in p["labels"]],
    )


def renamed(
    text: str, buyer: str, supplier: str, mode: str, lang: str, rng: random.Random
) -> tuple[str, str, str] | None:
    """(the renamed text, the new buyer word, the new supplier word), or None when a new word is used already."""
    if mode == "pronoun":
        if re.search(r"\b(?:we|us|our|you|your)\b", text, re.I):
            return None
        out = pronoun_rename(pronoun_rename(text, buyer, ours=True), supplier, ours=False)
        out = _agree(out.replace("\x00", "").replace("\x01", ""))
        head = (
            'In these terms "we", "us" and "our" mean Globex Limited and "you" and "your" mean the supplier '
            "named in the order.\n"
        )
        return head + out, "we", "you"
    if lang == "zh":
        pool_b, pool_s = ZH_NEW_ROLES if mode == "role" else ZH_NEW_NAMES
    else:
        pool_b, pool_s = NEW_ROLES if mode == "role" else NEW_NAMES
    nb = rng.choice([w for w in pool_b if w.lower() != buyer])
    ns = rng.choice([w for w in pool_s if w.lower() != supplier])
    if nb in text or ns in text or (lang == "en" and re.search(rf"\b(?:{nb}|{ns})\b", text, re.I)):
        return None
    drop = mode != "role"
    out = rename(rename(text, buyer, nb, drop_article=drop), supplier, ns, drop_article=drop)
    out = out.replace("\x00", "").replace("\x01", "")
    if mode == "head":
        head = (
            ZH_HEAD
            if lang == "zh"
            else f'This Agreement is made between {nb} Limited ("{nb}") and {ns} Limited ("{ns}").\n'
        )
        out = head + out
    return out, nb, ns


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, ("head", "role", "name", "pronoun"), argv)
    if error := corpus_error(args.corpus, args.lang):
        return fail(error)
    rules = load_packs()
    rng = random.Random(7)
    tally = Tally()
    buyer_words, supplier_words = (
        (ZH_BUYER_WORDS, ZH_SUPPLIER_WORDS) if args.lang == "zh" else (BUYER_WORDS, SUPPLIER_WORDS)
    )
    for meta, text in dev_documents(args.corpus, args.lang, args.ids):
        before = check_text(text, rules, we_strict=False)
        b, s = sides(before)
        bw = next((w for w in b if w in buyer_words), None)
        sw = next((w for w in s if w in supplier_words), None)
        made = renamed(text, bw, sw, args.mode, args.lang, rng) if bw and sw else None
        if made is None:
            continue
        after = check_text(made[0], rules, we=made[2], we_strict=False)
        one, two = keys(before), keys(after)
        tally.add(one, two)
        if args.verbose and one != two:
            print(f"{meta['id']}: {bw} -> {made[1]}, {sw} -> {made[2]}: {changes(one, two)}")
            print(f"    read as buyer {sides(after)[0]}, supplier {sides(after)[1]}")
    tally.report(f"{args.lang} mode {args.mode}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
