"""Which side a party is, read from what the contract makes it do.

A contract that names one side by a role word ("the Client") and the other by a term no list
holds ("The Implementing Agency (IA)", "the BPA Holder") still says which is which in its clauses:
the supplier submits, delivers, performs, furnishes a performance security and is paid; the buyer
pays, approves, may terminate, deduct or reject, and work is done to its satisfaction. This module
counts those duties and rights for a term; `parties.py` uses the count only where the party words
leave a side open or name a side against the clauses' evidence.
"""

from __future__ import annotations

import re
from collections import Counter

from .names import COMMON_WORDS

#: how many duties of one side a term needs, and by how much they must outweigh the other side's
DUTY_MIN, DUTY_MARGIN = 3, 2

_MODAL = r"(?:shall|must|will|agrees?\s+to|undertakes?\s+to|is\s+(?:required|obliged)\s+to)\s+(?:also\s+|promptly\s+|forthwith\s+)?"
_SUPPLIER_VERBS = (
    r"(?:submit|provide|furnish|deliver|supply|perform|complete|carry\s+out|execute|install|commission|maintain|"
    r"replace|rectify|repair|remedy|indemnify|deploy|render|manufacture|ship|warrant|invoice|quote|keep\s+the)\b"
)
_SUPPLIER_THINGS = (
    r"(?:invoices?|bills?|performance|personnel|staff|employees|quotation|bid|offer|proposal|fees?|charges|"
    r"deliverables|goods|products|obligations)\b"
)
_BUYER_VERBS = r"(?:pay|make\s+(?:the\s+|all\s+)?payments?|reimburse|release\s+(?:the\s+)?payments?)\b"
_BUYER_RIGHTS = (
    r"(?:(?:may|shall|will)\s+(?:\w+\s+){0,2}?(?:terminate|suspend|reject|deduct|withhold|recover|forfeit|encash|cancel|"
    r"debar|blacklist|levy|impose|evaluate|inspect|approve)\b"
    r"|(?:reserves?|retains?|shall\s+have|(?:shall\s+be|is)\s+entitled\s+to)\s+(?:the|its|all)\s+rights?\b)"
)
_BUYER_THINGS = r"(?:approval|consent|satisfaction|premises|property|representative)\b"
#: what a supplier receives or earns for its work (up to three words before it: "no other sums")
_PAID_THINGS = r"(?:\w+\s+){0,3}?(?:sums|compensation|remuneration|fees?|payments?|rewards?|commissions?)\b"
#: an independent worker's role ("an independent promoter")
_WORKER = r"(?i:contractor|promoter|agent|consultant|business|service\s+provider)\b"


def _patterns(labels: list[str]) -> tuple[list[re.Pattern], list[re.Pattern]]:
    """The supplier's and the buyer's duty patterns for some terms, as the text writes them: one
    alternation (longest first), the term written in group "t"."""
    alts = "|".join(re.escape(lab) for lab in sorted(set(labels), key=len, reverse=True))
    lab = r"(?<![\w-])(?P<t>" + alts + r")(?![\w-])"
    own = r"[’']s\s+"
    supplier = [
        re.compile(lab + r"\s+" + _MODAL + _SUPPLIER_VERBS),
        re.compile(lab + own + _SUPPLIER_THINGS),
        # "your invoices", "your employees": the possessive of "you"
        re.compile(r"(?<![\w-])(?P<t>" + alts + r")(?<=[Yy]ou)r\s+" + _SUPPLIER_THINGS),
        re.compile(
            r"\b(?:paid|payable|payments?|due|released|remit(?:s|ted)?|remittance)\s+(?:[\w,]+\s+){0,3}?to\s+(?:the\s+)?"
            + lab
        ),
        # Participant shall receive no other sums, compensation … / you will earn fees
        re.compile(
            lab
            + r"\s+(?:shall|will|may|is\s+entitled\s+to)\s+(?:\w+\s+){0,2}?(?:receive|earn)\s+"
            + _PAID_THINGS
        ),
        # You will be paid a fee / the Consultant shall be reimbursed: the payee
        re.compile(
            lab + r"\s+(?:shall|will)\s+(?:only\s+)?be\s+(?:paid|reimbursed|remunerated|compensated)\b"
        ),
        # Participant desires to … act as an independent promoter / You are an independent Contractor
        re.compile(lab + r"\s+(?:\w+\s+){0,6}?(?:is|are|acts?\s+as)\s+an\s+independent\s+" + _WORKER),
    ]
    buyer = [
        re.compile(lab + r"\s+" + _MODAL + _BUYER_VERBS),
        re.compile(lab + r"\s+" + _BUYER_RIGHTS),
        re.compile(r"\b(?:satisfaction|approval|consent)\s+of\s+(?:the\s+)?" + lab),
        # not the approval of the terms themselves ("Participant's approval of this Agreement")
        re.compile(lab + own + _BUYER_THINGS + r"(?!\s+of\s+(?:this|these|the)\s+(?i:agreement|terms)\b)"),
        re.compile(r"\b(?:paid|payable)\s+by\s+(?:the\s+)?" + lab),
    ]
    return supplier, buyer


#: a Chinese contract's duties of the supplier (交付、开具发票, paid by the other side) and of the buyer (pays
#: the price, accepts, approves, may end, deduct or reject); {t} stands for the term (no word boundaries in Chinese)
_ZH_SUPPLIER = (
    r"{t}(?:应|须|必须|负责|保证|承诺)[^。；;，,]{0,6}?(?:提供|交付|供货|送货|发货|履行|完成|安装|调试|维修|更换|开具|提交|承担)",
    r"{t}(?:开具|提供)(?:的)?(?:增值税)?(?:专用|普通)?发票",
    r"(?:向|支付给|付给|拨付给){t}(?:支付|付款|结算|拨付)?(?=[^。；;]{0,12}?(?:货款|价款|合同款|服务费|费用|款项))",
)
_ZH_BUYER = (
    # not "向恒达公司支付货款": the payee
    r"(?<![向给]){t}(?:应|须)?[^。；;，,]{0,20}?(?:支付|付清)[^。；;，,]{0,6}?(?:货款|价款|合同款|服务费|进度款|预付款|尾款)",
    r"(?<![向给]){t}有权(?:单方)?(?:解除|终止|扣除|扣减|拒收|没收|抽查|检查)",
    r"(?<![向给]){t}(?:组织)?验收",
    r"经{t}(?:验收|确认|同意|批准|审核)",
)
_CJK_LABEL = re.compile(r"[\u4e00-\u9fff]")


def _zh_patterns(labels: list[str]) -> tuple[list[re.Pattern], list[re.Pattern]]:
    """The supplier's and the buyer's duty patterns of Chinese terms, the term in group "t"."""
    lab = "(?P<t>" + "|".join(re.escape(x) for x in sorted(set(labels), key=len, reverse=True)) + ")"
    return (
        [re.compile(p.replace("{t}", lab)) for p in _ZH_SUPPLIER],
        [re.compile(p.replace("{t}", lab)) for p in _ZH_BUYER],
    )


def duty_counts_all(text: str, labels: list[str]) -> dict[str, dict[str, int]]:
    """How many supplier duties and buyer duties or rights the text gives each of `labels` (one scan
    per pattern for all of them)."""
    counts = {lab: {"supplier": 0, "buyer": 0} for lab in labels}
    if not labels:
        return counts
    chinese = any(_CJK_LABEL.search(lab) for lab in labels)
    for side, patterns in zip(
        ("supplier", "buyer"), (_zh_patterns if chinese else _patterns)(labels), strict=True
    ):
        for p in patterns:
            for m in p.finditer(text):
                counts[m.group("t")][side] += 1
    return counts


def duty_counts(text: str, label: str) -> dict[str, int]:
    """How many supplier duties and buyer duties or rights the text gives `label`."""
    return duty_counts_all(text, [label])[label]


def duty_side(text: str, label: str, *, only: bool = False) -> str | None:
    """The side the clauses make `label`, when their evidence is clear: at least DUTY_MIN duties
    of one side and DUTY_MARGIN times as many as of the other (`only`: none of the other)."""
    return _side_of(duty_counts(text, label), only=only)


def duty_sides(text: str, labels: list[str]) -> list[str | None]:
    """`duty_side` of each of `labels`, counted in one scan per pattern."""
    every = duty_counts_all(text, labels)
    return [_side_of(every[lab]) for lab in labels]


def pronoun_side(text: str, pronoun: str) -> str | None:
    """The side the clauses make a pronoun ("you" and "You"), when their evidence is clear."""
    both = duty_counts_all(text, [pronoun, pronoun.capitalize()]).values()
    return _side_of({side: sum(c[side] for c in both) for side in ("supplier", "buyer")})


def _side_of(counts: dict[str, int], *, only: bool = False) -> str | None:
    for side, other in (("supplier", "buyer"), ("buyer", "supplier")):
        if (
            counts[side] >= DUTY_MIN
            and counts[side] >= DUTY_MARGIN * counts[other]
            and not (only and counts[other])
        ):
            return side
    return None


#: "The Implementing Agency (IA)": a term defined by its initials in brackets
_INITIALS = re.compile(r"\b((?:[A-Z][a-z]+[^\S\n]+){1,5}[A-Z][a-z]+)[^\S\n]*\([^\S\n]*([A-Z]{2,6})[^\S\n]*\)")
#: "the BPA Holder", "the Government", "the Procuring Entity": a capitalised term after "the"
_THE_TERM = re.compile(
    r"\b[Tt]he[^\S\n]+((?:[A-Z]{2,6}[^\S\n]+)?[A-Z][A-Za-z]+(?:[^\S\n]+[A-Z][a-z]+){0,2})\b"
)
#: capitalised terms that name a thing or a document, never a party
_THINGS = frozenset(
    "agreement contract services service work works project scope schedule site bank act law rules section "
    "clause article annex annexure appendix exhibit tender rfp bid order goods products deliverables term "
    "parties party court price effective date notice state board owner engineer arbitrator terms conditions "
    "policy policies".split()
)


#: "Participant shall", "Participant will": a capitalised word written bare as the actor of a modal verb
_BARE_ACTOR = re.compile(
    r"(?<![\w.’'-])(?<!\bthe\s)(?<!\bThe\s)([A-Z][a-z]{3,20})[^\S\n]+(?:shall|will|may|must|agrees)\b"
)


def duty_candidates(text: str) -> list[tuple[str, list[str]]]:
    """Terms that may name a party: (the form counted, its labels), in the order first written."""
    seen: dict[str, list[str]] = {}
    for m in _INITIALS.finditer(text):
        short = m.group(2)
        words = m.group(1).split()[-len(short) :]  # the words the initials stand for
        full = " ".join(words)
        initials = "".join(w[0] for w in words)
        if initials == short and short not in seen and words[-1].lower() not in _THINGS:
            seen[short] = [short.lower(), full.lower()]
    for m in _THE_TERM.finditer(text):
        term = m.group(1)
        if term not in seen and term.lower() not in _THINGS and term.split()[-1].lower() not in _THINGS:
            seen[term] = [term.lower()]
    bare = Counter(m.group(1) for m in _BARE_ACTOR.finditer(text))
    for term, n in bare.items():
        if n >= DUTY_MIN and term not in seen and term.lower() not in _THINGS and term not in COMMON_WORDS:
            seen[term] = [term.lower()]
    return list(seen.items())


def sides_by_duties(text: str, sides: list[str], taken: set[str]) -> dict[str, tuple[str, list[str]]]:
    """For each of `sides`, the term whose duties make it that side most clearly, among terms no
    party has taken: {side: (term, labels)} (one count of every term for all the sides)."""
    # too rare to carry DUTY_MIN duties, or taken: not counted
    terms = [
        (t, labs) for t, labs in duty_candidates(text) if not taken & set(labs) and text.count(t) >= DUTY_MIN
    ]
    every = duty_counts_all(text, [t for t, _labs in terms])
    best: dict[str, tuple[int, str, list[str]]] = {}
    for term, labels in terms:
        counts = every[term]
        side = _side_of(counts)
        if side in sides and (side not in best or counts[side] > best[side][0]):
            best[side] = (counts[side], term, labels)
    out = {side: (term, labels) for side, (_n, term, labels) in best.items()}
    if len(sides) == 2 and len(out) < 2:
        # a side left open: the pair leaning opposite ways, where it keeps the side found
        pair = _pair_by_balance(terms, every)
        if all(pair.get(side, (term,))[0] == term for side, (term, _labs) in out.items()):
            out = pair or out
    return out


def _pair_by_balance(terms: list[tuple[str, list[str]]], every: dict[str, dict[str, int]]) -> dict:
    """Both sides open and no term clear on its own: the term whose duties lean most to the
    supplier's and the one leaning most to the buyer's, when they lean opposite ways and apart by
    DUTY_MIN (Participant receives, acts as a promoter and indemnifies; the Foundation reserves
    rights and consents)."""
    lean = {t: every[t]["supplier"] - every[t]["buyer"] for t, _labs in terms}
    if len(lean) < 2:
        return {}
    (s_term, s_labs), (b_term, b_labs) = (
        max(terms, key=lambda tl: lean[tl[0]]),
        min(terms, key=lambda tl: lean[tl[0]]),
    )
    if lean[s_term] > 0 > lean[b_term] and lean[s_term] - lean[b_term] >= DUTY_MIN:
        return {"buyer": (b_term, b_labs), "supplier": (s_term, s_labs)}
    return {}
