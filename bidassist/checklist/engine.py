"""The checking engine: one Aho–Corasick scan per language over all the clauses (checklist/scan.py:
every rule's and term's keywords, and the strings their patterns need) picks the candidate rules
of each clause; only those run their regexes, exceptions and numeric conditions.

A clause is read in the language of its script (CJK or Latin); a clause with both runs both.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from bidassist.core.regexsafe import MAX_CLAUSE_CHARS, windows
from bidassist.reading.repair import blank_fill_brackets

from . import literals
from .categories import CATEGORY_DATA, SEVERITY_RANK
from .literals import Search, plain_search
from .result import Finding, KeyTerm
from .rules import CompiledRule, CompiledTerm, RuleSet, normalise
from .scan import Candidates, Scanner, scanner_for
from .subject import (
    OTHER,
    agreed_amount,
    binding_party,
    buyer_charges,
    condition_start,
    deducts_from_money_owed,
    disclaims,
    for_cause,
    heading_end,
    in_definition,
    is_reference,
    late_payer,
    late_payment_charge,
    list_lead_in,
    party_of_heading,
    sentence_bounds,
    title_only,
    unselected_option,
    without_exceptions,
)

#: a number further than this (characters) from the `near` match does not count as "its" number
NEAR_WINDOW = 80
#: characters of clause text kept in a finding / key term: a whole unit (units.py cuts a clause
#: into units of at most MAX_UNIT_CHARS), so a finding's text holds the words it quotes
TEXT_LIMIT = 1500

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass
class Unit:
    """One clause as the engine reads it."""

    text: str
    clause: str | None = None  # number as printed (第十二条, 7.2)
    location: str | None = None  # "paragraph 12", "table 1 row 3"
    block_indices: list[int] = field(default_factory=list)
    title: str | None = None
    #: the titles of the clauses above this one (乙方义务 / Seller's obligations), for whose clause it is
    context: str = ""
    #: the reported number of the lead-in this list item is read after (units.py), if any
    lead_of: str | None = None
    #: how many characters of `text` are that lead-in (and its space): the item's own words follow
    lead_chars: int = 0
    #: the contract's price and its currency where the document states one (`stated_price`)
    price: tuple[Decimal, str | None] | None = None
    _norm: str | None = field(default=None, repr=False, compare=False)
    _langs: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @property
    def norm(self) -> str:
        """The text as rules read it (normalise), computed once."""
        if self._norm is None:
            self._norm = normalise(self.text)
        return self._norm

    @property
    def languages(self) -> frozenset[str]:
        """languages_of(text), computed once."""
        if self._langs is None:
            self._langs = frozenset(languages_of(self.text))
        return self._langs


def languages_of(text: str, sample: int = 4000) -> set[str]:
    """{'zh'}, {'en'} or both, from the script of the text (CJK characters vs Latin words)."""
    head = text[:sample]
    if _LATIN_WORD.search(head) is None:  # no Latin word: zh whatever the CJK count
        return {"zh"}
    if _CJK.search(head) is None:  # Latin words and no CJK
        return {"en"}
    cjk = len(_CJK.findall(head))
    words = len(_LATIN_WORD.findall(head))
    if cjk >= 20 and words >= 20:
        return {"zh", "en"}
    if cjk == 0 and words == 0:
        return {"zh"}
    return {"zh"} if cjk >= words else {"en"}


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Number:
    value: Decimal
    start: int
    end: int
    raw: str


def extract_numbers(kind: str, text: str) -> list[Number]:
    """Every number of one kind the text states, normalised (percent/daily_rate as fractions,
    days, months, amounts) with its position, via bidassist.core.numbers. Several rules and key
    terms of one clause ask for the same kind: the last clauses' answers are kept (a small cache)."""
    return list(_extract_cached(kind, text))


@lru_cache(maxsize=256)
def _extract_cached(kind: str, text: str) -> tuple[Number, ...]:
    return tuple(_extract(kind, blank_fill_brackets(text)))


def _extract(kind: str, text: str) -> list[Number]:
    from bidassist.core import numbers as nb

    out: list[Number] = []
    if kind == "percent":
        found = nb.find_percents(text)
        return [Number(f.value, f.start, f.end, f.raw) for f in found] + shares_of_price(text)
    if kind == "daily_rate":
        return [Number(f.value, f.start, f.end, f.raw) for f in nb.find_daily_rates(text)]
    if kind == "amount":
        return [Number(f.value, f.start, f.end, f.raw) for f in nb.find_amounts(text)]
    convert = nb.to_days if kind == "days" else nb.to_months
    for f in nb.find_durations(text):
        try:
            v = convert(f)
        except (ValueError, ArithmeticError, TypeError):
            continue
        if v is not None:
            out.append(Number(Decimal(v), f.start, f.end, f.raw))
    return out


#: the contract's price stated just before an amount: 合同总价为人民币…, the Contract Price is USD …
_PRICE_BEFORE = re.compile(
    r"(?:合同(?:总价|总金额|总额|价款|金额|价格)|签约合同价|合同价|总价款?)(?:款|为|是|：|:|\s)*(?:人民币|RMB|¥|￥)?\s*$"
    r"|(?i:\b(?:contract\s+(?:price|sum|value|amount)|total\s+(?:contract\s+)?price)\s*(?:is|of|shall\s+be|:|=|amounts?\s+to)?\s*)$"
)


def stated_price(texts: Iterable[str]) -> tuple[Decimal, str | None] | None:
    """The contract's price and currency where the document states it (合同总价为人民币…, the
    Contract Price is …) and every statement of it agrees; None where it states none, or several
    prices (lots, a price per year)."""
    found = {(a.value.normalize(), a.unit) for text in texts for a in _price_statements(text)[1]}
    return found.pop() if len(found) == 1 else None


#: a cheap test for a price statement before the amounts are read
_PRICE_WORD = re.compile(
    r"合同(?:总价|总金额|总额|价款|金额|价格|价)|签约合同价|总价"
    r"|(?i:contract\s+(?:price|sum|value|amount)|total\s+(?:contract\s+)?price)"
)


def _price_statements(text: str) -> tuple[list, list]:
    """The clause's amounts, and those of them it states as the contract's price (none read where
    no price word is in it)."""
    from bidassist.core import numbers as nb

    if _PRICE_WORD.search(text) is None:
        return [], []
    amounts = nb.find_amounts(text)
    return amounts, [
        a for a in amounts if a.value and _PRICE_BEFORE.search(text[max(0, a.start - 32) : a.start])
    ]


def _shares(amounts: list, price: Decimal, unit: str | None) -> list[Number]:
    """Each amount below the price, in its currency, as a share of it, standing where the amount stands
    (so that the anchor nearest to it picks it); the price and its echoes (大写 and 小写 of one figure) are
    no shares, nor is an amount above it."""
    return [
        Number(a.value / price, a.start, a.end, a.raw)
        for a in amounts
        if 0 < a.value < price and a.unit == unit
    ]


def shares_of(text: str, price: tuple[Decimal, str | None]) -> list[Number]:
    """The clause's amounts as shares of the contract's price stated elsewhere in the document
    (a performance security of 人民币肆拾伍万元 where 第二条 states 合同总价叁佰万元), for a rule
    whose trap is a share above a limit; none where the clause states a price of its own
    (`shares_of_price` reads those)."""
    from bidassist.core import numbers as nb

    if _price_statements(text)[1]:
        return []
    return _shares(nb.find_amounts(text), *price)


def shares_of_price(text: str) -> list[Number]:
    """Amounts of a clause that also states the contract's price, as shares of it: a performance
    security of 人民币肆拾伍万元 beside 合同总价为人民币叁佰万元 is 15 %."""
    amounts, stated = _price_statements(text)
    return _shares(amounts, stated[0].value, stated[0].unit) if stated else []


_SEPARATORS = re.compile(r"[，,；;。:：\n]")
#: a table row boundary: a line break next to a cell separator (text_blocks writes cells as " | ")
_OTHER_ROW = re.compile(r"\|[^\n|]*\n|\n[^\n|]*\|")
#: a clause separator between a number and its anchor counts as this many characters of distance
SEPARATOR_COST = 40


def nearest(
    numbers: Sequence[Number],
    anchors: Sequence[tuple[int, int]],
    text: str = "",
    window: int = NEAR_WINDOW,
    *,
    strict_before: int | None = None,
) -> Number | None:
    """The number closest to any anchor span, within `window`; crossing a comma or semicolon
    costs SEPARATOR_COST (质保金为3% beats 履约保证金10%，质保金); ties: the one after the anchor.
    `strict_before`: for a number that ends before this offset the cost counts against the
    window too (a figure two comma parts before the matched words is another part's)."""
    best: tuple[int, int, Number] | None = None
    spans = sorted(anchors)
    starts = [a for a, _ in spans]
    reach = window + max((b - a for a, b in spans), default=0)
    for n in numbers:  # only the anchors that can be within the window (linear, not numbers × anchors)
        lo, hi = bisect_left(starts, n.start - reach), bisect_right(starts, n.end + window)
        for a_start, a_end in spans[lo:hi]:
            if n.start >= a_end:
                gap, after = (a_end, n.start), 0
            elif n.end <= a_start:
                gap, after = (n.end, a_start), 1
            else:
                gap, after = (0, 0), 0
            dist = gap[1] - gap[0]
            if dist > window:
                continue
            if text and dist and _OTHER_ROW.search(text, gap[0], gap[1]):
                continue  # 3 | 缺陷责任期 | 12个月 … 6 | 付款方式 | …支付: another row's figure
            if text and dist:
                dist += SEPARATOR_COST * len(_SEPARATORS.findall(text, gap[0], gap[1]))
                if strict_before is not None and n.end <= strict_before and dist > window:
                    continue
            if best is None or (dist, after) < best[:2]:
                best = (dist, after, n)
    return best[2] if best else None


# --------------------------------------------------------------------------- evaluation


#: matches of a rule's `any` patterns tried per clause before giving up (one per sentence is usual)
MAX_MATCHES = 24


def _gate(all_: list[re.Pattern], none: list[re.Pattern], norm: str, search: Search = plain_search) -> bool:
    """Every `all` pattern and no `none` pattern is in the clause."""
    return all(search(p, norm) for p in all_) and not any(search(p, norm) for p in none)


def _none_in_paragraph(none: list[re.Pattern], norm: str, m: re.Match | None) -> bool:
    """Does a `none` pattern match in the paragraph (line) of the clause that holds the match? A
    clause read as one unit can run over several paragraphs (a payment article with its retention,
    variations and invoices): an exemption in one does not reach a trap in another."""
    if m is None:
        return any(p.search(norm) for p in none)
    a = norm.rfind("\n", 0, m.start()) + 1
    b = norm.find("\n", m.end())
    part = norm[a : b if b >= 0 else len(norm)]
    return any(p.search(part) for p in none)


def _first_matches(any_: list[re.Pattern], norm: str, search: Search = plain_search) -> list[re.Match]:
    """The first match of each `any` pattern that has one."""
    return [m for m in (search(p, norm) for p in any_) if m is not None]


def _candidates(any_: list[re.Pattern], norm: str, firsts: list[re.Match]) -> Iterable[re.Match | None]:
    """Each match of the `any` patterns in clause order (None once when the rule has none);
    `firsts` is _first_matches(any_, norm)."""
    if not any_:
        yield None
        return
    if not firsts:
        return
    yield from sorted(firsts, key=lambda m: m.start())
    seen = {m.span() for m in firsts}
    # a pattern without a first match has no other: only those with one are read on, from it
    # (firsts is in the order of any_, so ties sort as when every pattern was read from the start)
    more = [m for f in firsts for m in f.re.finditer(norm, f.start()) if m.span() not in seen]
    yield from sorted(more, key=lambda m: m.start())[:MAX_MATCHES]


def _snippet(text: str, m: re.Match | None, keyword_pos: int | None = None) -> str:
    if m is not None:
        start, end = m.span()
    elif keyword_pos is not None:
        start, end = keyword_pos, keyword_pos
    else:
        return text[:120]
    a = max(0, start - 15)
    b = min(len(text), max(end, start + 1) + 15)
    return ("…" if a else "") + text[a:b].strip() + ("…" if b < len(text) else "")


def _sentence_exempt(cr: CompiledRule, norm: str, m: re.Match) -> bool:
    """Does the sentence of the match meet one of the rule's `unless_sentence` exemptions?"""
    a, b = sentence_bounds(norm, m.start(), m.end())
    cs = condition_start(norm, a)
    # a bare condition joined to the sentence it governs is one sentence: its full stop
    # must not cut the exemptions that read the whole sentence (^[^。；;]*…)
    sentence = norm[cs : a - 1] + "，" + norm[a:b] if cs < a else norm[a:b]
    if cr.language == "en" and (lead := list_lead_in(norm, a)):
        sentence = f"{lead} {sentence}"  # "IN NO EVENT … LIABLE FOR: …; OR C) LOST PROFIT …"
    return any(p.search(sentence) for p in cr.sentence_none)


def applies(cr: CompiledRule, norm: str, m: re.Match | None, roles: dict | None, context: str = "") -> bool:
    """The matched words are not in an unselected option and bind the rule's party (from the
    sentence, else from the titles above the clause: 乙方义务 / Seller's obligations)."""
    if m is None:
        return True
    title_end = heading_end(norm)
    if unselected_option(norm, m.start()) or m.end() <= title_end:
        return False  # an option left unticked; the words of the clause's title only
    if cr.rule.value is None and in_definition(norm, m.start(), m.end()):
        return False  # "ECP平台：指…供应链平台": a definition, no duty
    if is_reference(norm, m.end()):
        return False  # "non-competition (Clause 11)": the name of another clause
    if cr.sentence_none and _sentence_exempt(cr, norm, m):
        return False
    if cr.rule.party == "any" or roles is None:
        return True
    who = binding_party(
        without_exceptions(norm, roles, cr.language),
        m.start(),
        m.end(),
        roles,
        cr.language,
        wanted=cr.rule.party,
    )
    if who is None and (context or title_end):
        # the titles above the clause, then its own title line (2.1 甲方的权利\n（1）有权…)
        who = party_of_heading(normalise(context), roles) if context else None
        who = who or party_of_heading(norm[:title_end], roles)
        if (
            who == "buyer"
            and _penalty_rule_of(cr, "supplier")
            and not _breach_heading(context, roles.get("buyer"))
        ):
            # a fine in the buyer's rights section (甲方的权利和义务) is imposed on the supplier; in a
            # section on the buyer's own breach (发包人违约的责任) it is the buyer's
            who = None
    if who == "supplier" and _under_buyer_breach(cr, norm, m, roles, context):
        who = "buyer"  # 10.4 甲方重大违约情形 / （1）未按约定支付服务费用，应按…: the heading names who breaches
    if who is None and cr.rule.party == "supplier" and late_payment_charge(norm, m.start(), cr.language):
        who = "buyer"  # a charge for paying late with nobody named: the payer, the buyer
    if _charges_the_late_buyer(cr, who, norm, m, roles):
        return False  # 如甲方延迟付款，乙方有权收取滞纳金: the supplier collects, the buyer pays
    if who == "buyer" and _buyer_charges_the_supplier(cr, norm, m, roles):
        return True  # 甲方有权扣除当月服务费的5%: the buyer charges, the supplier pays
    if who in ("supplier", "mutual") and _buyer_deducts(cr, norm, m, roles):
        who = "buyer"  # …赔偿给中国电信，或者从项目工程款中扣除: whoever holds the price deducts
    return (who is None or who == cr.rule.party) and not _harmless_twin(cr, norm, m, roles, who)


def _harmless_twin(cr: CompiledRule, norm: str, m: re.Match, roles: dict, who: str | None) -> bool:
    """The category's harmless twins the engine reads for every rule of it (categories.yaml):
    a right to end that answers the other side's failure (for cause), a deduction of an amount the
    contract fixes (fees, commission, tax, the agreed deposit), and the supplier's own refusal or
    exclusion of the liability."""
    data = CATEGORY_DATA.get(cr.rule.category)
    if data is None:
        return False
    if data.for_cause_harmless and for_cause(norm, m.start(), m.end(), cr.language, roles):
        return True  # If the Seller fails to deliver, the Buyer may cancel: for cause
    if data.agreed_amount_harmless and agreed_amount(norm, m.start(), m.end(), cr.language):
        return True  # platform fees deducted from the payouts: an amount the contract fixes
    return (
        data.disclaimer_harmless
        and cr.rule.party == "supplier"
        and who in (None, "supplier")
        and disclaims(norm, m.start(), m.end(), cr.language)
    )  # the Supplier does not accept liability for consequential loss: its protection


def _charges_the_late_buyer(cr: CompiledRule, who: str | None, norm: str, m: re.Match, roles: dict) -> bool:
    """A supplier's penalty rule matched a sentence that charges the buyer for paying late, with
    the supplier as the party that collects (the payer is named before the late-payment words)."""
    return (
        who == "supplier" == cr.rule.party
        and cr.rule.category.startswith("penalty.")
        and late_payer(norm, m.start(), roles, cr.language) == "buyer"
    )


@lru_cache(maxsize=64)
def _breach_words(buyer: str) -> re.Pattern:
    return re.compile(f"(?:{buyer})(?:的|方)?(?:重大|严重|根本|一般)?(?:违约|责任)")


def _under_buyer_breach(cr: CompiledRule, norm: str, m: re.Match, roles: dict, context: str) -> bool:
    """A Chinese list item under a heading on the buyer's own breach (甲方违约责任, 甲方重大违约情形)
    whose sentence names nobody before the match: the buyer is the one in breach, whatever party
    the rest of the sentence names (…乙方有权停止服务)."""
    if cr.language != "zh" or not context or not _breach_heading(context, roles.get("buyer")):
        return False
    a, _b = sentence_bounds(norm, m.start(), m.end())
    return not any(p is not None and p.search(norm, a, m.start()) for p in roles.values())


def _breach_heading(context: str, buyer: re.Pattern | None) -> bool:
    """Do the titles above the clause name the buyer's own breach or liability (发包人违约)?"""
    return buyer is not None and _breach_words(buyer.pattern).search(normalise(context)) is not None


def _penalty_rule_of(cr: CompiledRule, party: str) -> bool:
    return cr.rule.party == party and cr.rule.category.startswith("penalty.")


def _buyer_charges_the_supplier(cr: CompiledRule, norm: str, m: re.Match, roles: dict) -> bool:
    """A supplier's penalty rule matched the buyer's own right to charge, deduct or forfeit
    (甲方有权扣除…作为违约金): the penalty is the supplier's, who pays it."""
    return (
        cr.rule.party == "supplier"
        and cr.rule.category.startswith("penalty.")
        and buyer_charges(norm, m.start(), m.end(), roles, cr.language)
    )


def _buyer_deducts(cr: CompiledRule, norm: str, m: re.Match, roles: dict) -> bool:
    """A set-off rule matched a deduction out of money the buyer owes or holds for the supplier,
    with no actor named before it: the buyer makes it."""
    return (
        cr.rule.category == "payment.set_off"
        and cr.rule.party == "buyer"
        and cr.language == "zh"
        and deducts_from_money_owed(norm, m.start(), m.end(), roles)
    )


def _anchors(cr: CompiledRule, norm: str, m: re.Match | None) -> list[list[tuple[int, int]]]:
    """Where the rule's number should stand, nearest tier first: the `near` matches inside the
    match, then those of the matched sentence, then all (empty tiers left out)."""
    spans = [a.span() for a in cr.near.finditer(norm)] if cr.near is not None else []
    if m is None or not spans:
        return [spans]
    a, b = sentence_bounds(norm, m.start(), m.end())
    inside = [s for s in spans if a <= s[0] < b]
    # the match's own anchors first: "(i) remove the System within 120 days …, (ii) … payable within
    # Fifteen (15) Business Days" - the payment rule matched the second "within", not the first
    own = [s for s in inside if m.start() <= s[0] < m.end()]
    return [t for t in (own, inside) if t] or [spans]


def _anchored_elsewhere(cr: CompiledRule, norm: str, m: re.Match, n: Number) -> bool:
    """Is the number in a sentence other than the match's (cut at 。) that holds an anchor of its
    own? Then it is that sentence's figure (a deposit returned in 3 years), not the match's."""
    s0 = norm.rfind("。", 0, m.start()) + 1
    s1 = norm.find("。", m.end())
    if n.start >= s0 and (s1 < 0 or n.end <= s1):
        return False
    a = norm.rfind("。", 0, n.start) + 1
    b = norm.find("。", n.end)
    return cr.near is not None and cr.near.search(norm, a, len(norm) if b < 0 else b) is not None


def _other_sides_late_payment(cr: CompiledRule, norm: str, n: Number, roles: dict) -> bool:
    """Is the number in a sentence charging the other side for paying late (甲方逾期支付…每逾期一天
    甲方向乙方支付应付未付款额的1%)? That rate is not the rule's party's penalty."""
    if n.end > len(norm) or not late_payment_charge(norm, n.start, cr.language):
        return False
    who = binding_party(norm, n.start, n.end, roles, cr.language, wanted=cr.rule.party)
    return who == OTHER[cr.rule.party]


def _clause_numbers(cr: CompiledRule, text: str, unit: Unit) -> list[Number]:
    """The clause's numbers of the rule's kind; for a share above a limit, also its amounts as
    shares of the document's stated price (`shares_of`)."""
    cond = cr.rule.value
    assert cond is not None  # only asked for a rule with a numeric condition
    numbers = extract_numbers(cond.kind, text)
    if cond.kind == "percent" and cond.op in (">", ">=") and unit.price is not None:
        return numbers + shares_of(text, unit.price)
    return numbers


def own_numbers(cr: CompiledRule, norm: str, numbers: list[Number], roles: dict | None) -> list[Number]:
    """The clause's numbers a rule for one party may read: not a figure of an option left unticked
    (质保金：□10% ☑3%, "[ ] 90 days [x] 30 days": the parties chose the other), and not a rate the
    other side pays for paying late, stated in another sentence of the clause (a supplier's penalty
    rule that matched 卖方…支付违约金 does not take the buyer's 5‰ of the next item)."""
    numbers = [n for n in numbers if n.end > len(norm) or not unselected_option(norm, n.start)]
    if roles is None or cr.rule.party not in OTHER or not numbers:
        return numbers
    return [n for n in numbers if not _other_sides_late_payment(cr, norm, n, roles)]


#: the words between the two ends of a range: "45 days to a maximum of 90 days", "30-60 days", "15至30日"
_RANGE_JOIN = re.compile(
    r"\s*(?:(?:calendar\s+|working\s+|business\s+)?(?:days?|months?|weeks?|日|天|个月|个工作日|工作日)\s*)?"
    r"(?:to|and|or|-|–|—|~|～|至|到|或)\s*(?:(?:a|the)\s+)?(?:maximum|max\.?|最多|最长)?\s*(?:of\s+)?",
    re.I,
)


def range_end(numbers: Sequence[Number], picked: Number, text: str, *, upper: bool) -> Number:
    """`picked`, or the other end of the range it opens or closes when the rule reads that end: a
    rule on too long a period reads the longest (between 45 days to a maximum of 90 days -> 90),
    one on too short a period the shortest."""
    for n in numbers:
        lo, hi = (picked, n) if n.start >= picked.end else (n, picked)
        if lo is hi or hi.start < lo.end or hi.start - lo.end > 40:
            continue
        if _RANGE_JOIN.fullmatch(text, lo.end, hi.start) and lo.value < hi.value:
            return hi if upper else lo
    return picked


def decide_value(
    cr: CompiledRule, text: str, norm: str, m: re.Match | None, numbers: list[Number] | None = None
) -> tuple[Decimal | None, Decimal | None, re.Match | None] | None:
    """(value, threshold, match) when the rule's numeric condition holds for this match, else None.
    `numbers`: the clause's numbers of the condition's kind, when already extracted."""
    cond = cr.rule.value
    if cond is None:
        return None, None, m
    if numbers is None:
        numbers = extract_numbers(cond.kind, text)
    if cr.near is not None:
        tiers = _anchors(cr, norm, m)
        anchors = tiers[0]
        before: int | None = None  # figures ending before it count their separators against the window
        if cond.missing == "only" and m is not None:
            # a period is missing from the matched event's own payment: the anchors of another
            # payment earlier in the sentence (首付款…十个工作日内支付，…认同后结算尾款) do not lend
            # theirs, nor does a figure two comma parts before the matched words
            anchors = [s for s in anchors if s[1] > m.start()] or anchors
            before = m.start()
            # nor a figure of another sentence that has an anchor of its own (…甲方支付全款。质保金到3年无息返还)
            numbers = [n for n in numbers if not _anchored_elsewhere(cr, norm, m, n)]
        picked = nearest(numbers, anchors, norm, strict_before=before) if anchors else None
        if picked is None and cond.missing != "only" and len(tiers) > 1:
            # none near the match's own words: the sentence's other anchors ("a Performance Security in
            # the form of an unconditional, irrevocable on-demand bank guarantee in the amount of 15%")
            picked = nearest(numbers, tiers[1], norm)
    else:
        picked = next((n for n in numbers if cond.holds(n.value)), numbers[0] if numbers else None)
    if cond.missing == "only":
        return None if picked is not None else (None, cond.threshold, m)
    if picked is None:
        return (None, cond.threshold, m) if cond.missing == "flag" else None
    picked = range_end(numbers, picked, text, upper=cond.op in (">", ">="))
    if not cond.holds(picked.value):
        return None
    if m is None:
        m = re.compile(re.escape(picked.raw)).search(text)
    return picked.value, cond.threshold, m


def evaluate_rule(
    cr: CompiledRule,
    text: str,
    norm: str,
    unit: Unit,
    roles: dict | None = None,
    search: Search = plain_search,
    firsts: list[re.Match] | None = None,
) -> Finding | None:
    """The rule's finding on this clause: the first match that binds the rule's party and meets
    its numeric condition (a buyer's sentence before the supplier's does not hide it).
    `firsts`: _first_matches(cr.any, norm, search), when the caller has them."""
    if firsts is None:
        firsts = _first_matches(cr.any, norm, search)
    if cr.any and not firsts:  # the usual miss: the gate's searches are not needed
        return None
    if not all(search(p, norm) for p in cr.all):
        return None
    vetoed = any(search(p, norm) for p in cr.none)
    if vetoed and (not cr.any or "\n" not in norm):
        return None  # one paragraph: the veto is the paragraph's, no need to read it again per match
    numbers: list[Number] | None = None  # extracted once per clause, not once per match
    for m in _candidates(cr.any, norm, firsts):
        if vetoed and _none_in_paragraph(cr.none, norm, m):
            continue
        if not applies(cr, norm, m, roles, unit.context):
            continue
        if numbers is None and cr.rule.value is not None:
            numbers = own_numbers(cr, norm, _clause_numbers(cr, text, unit), roles)
        decided = decide_value(cr, text, norm, m, numbers)
        if decided is not None:
            return _finding(cr, text, unit, *decided)
    return None


def rule_finding(cr: CompiledRule, unit: Unit, text: str, matched: str | None, **extra: Any) -> Finding:
    """A finding of rule `cr` on `unit`: the rule's category, severity, message, basis and fallback;
    `extra` adds what the finder knows (value and threshold, or the model's source and confidence)."""
    rule = cr.rule
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=rule.severity,
        clause=unit.clause,
        location=unit.location,
        text=text[:TEXT_LIMIT],
        message=rule.message.model_dump(),
        basis=rule.basis,
        fallback=rule.fallback.model_dump() if rule.fallback else None,
        matched=matched,
        scope=list(rule.scope),
        language=cr.language,
        block_indices=list(unit.block_indices),
        **extra,
    )


def _finding(
    cr: CompiledRule,
    text: str,
    unit: Unit,
    value: Decimal | None,
    threshold: Decimal | None,
    m: re.Match | None,
) -> Finding:
    return rule_finding(cr, unit, text, _snippet(text, m), value=value, threshold=threshold)


def evaluate_term(
    ct: CompiledTerm, text: str, norm: str, unit: Unit, search: Search = plain_search, hit: bool | None = None
) -> KeyTerm | None:
    """The term's key term on this clause (`hit`: whether one of its `any` patterns matches, when
    the caller knows)."""
    if hit is None:
        hit = not ct.any or any(search(p, norm) for p in ct.any)
    if not hit or not _gate(ct.all, ct.none, norm, search):
        return None
    values: dict[str, list] = {}
    for kind in ct.term.extract:
        found = [n.value for n in extract_numbers(kind, text)]
        if found:
            values[kind] = found
    return KeyTerm(
        type=ct.term.type,
        clause=unit.clause,
        location=unit.location,
        text=text[:TEXT_LIMIT],
        values=values,
        language=ct.language,
    )


def check_unit(
    unit: Unit, ruleset: RuleSet, *, languages: set[str] | None = None, rule_filter: str | None = None
) -> tuple[list[Finding], list[KeyTerm]]:
    """Run every candidate rule and term on one clause. `languages` forces the packs used.
    A clause longer than MAX_CLAUSE_CHARS is checked in overlapping windows (bounded time per
    search; see core/regexsafe)."""
    if len(unit.text) > MAX_CLAUSE_CHARS:
        parts = [
            check_unit(
                replace(unit, text=piece, _norm=None, _langs=None),  # not the whole clause's
                ruleset,
                languages=languages or languages_of(unit.text),
                rule_filter=rule_filter,
            )
            for piece in windows(unit.text)
        ]
        return (_dedupe([f for fs, _ in parts for f in fs]), _merge_terms([t for _, ts in parts for t in ts]))
    langs = sorted(languages or languages_of(unit.text))
    scanned = {lang: scanner_for(ruleset, lang).scan([unit.norm])[0] for lang in langs}
    return check_scanned(unit, ruleset, scanned, rule_filter=rule_filter)


def check_scanned(
    unit: Unit, ruleset: RuleSet, scanned: dict[str, Candidates | None], *, rule_filter: str | None = None
) -> tuple[list[Finding], list[KeyTerm]]:
    """Run the candidate rules and terms the scan found in one clause (per language, in order)."""
    findings: list[Finding] = []
    terms: list[KeyTerm] = []
    yields: dict[str, list[str]] = {}
    for lang, cand in scanned.items():
        if cand is None:
            continue
        read = _Reading(unit, scanner_for(ruleset, lang), cand.present)
        roles = ruleset.role_patterns(lang)
        for i in cand.rules:
            cr = ruleset.rules[i]
            if rule_filter is not None and cr.id != rule_filter:
                continue
            f = read.rule(i, cr, roles)
            if f is not None:
                findings.append(f)
                if cr.rule.yields_to:
                    yields[cr.id] = cr.rule.yields_to
                if cr.rule.clause_type:
                    terms.append(_type_term(cr.rule.clause_type, unit, unit.text, lang))
        if rule_filter is None:
            terms.extend(kt for i in cand.terms if (kt := read.term(i, ruleset.terms[i])) is not None)
    return _dedupe(_yielded(findings, yields)), _merge_terms(terms)


class _Reading:
    """One clause read in one language: its scanned words (`present`; None: the gate is off) and
    the searches the gate allows."""

    def __init__(self, unit: Unit, scanner: Scanner, present: frozenset[int] | None):
        self.unit, self.scanner, self.present = unit, scanner, present
        norm = unit.norm
        self.search = scanner.searcher(norm, present)
        self.gate_text = literals.folded(norm) if present is not None and literals.needs_fold(norm) else norm

    def rule(self, i: int, cr: CompiledRule, roles: dict) -> Finding | None:
        """Rule i's finding on the clause, or None (ruled out by the gate without a search)."""
        unit, scanner, present = self.unit, self.scanner, self.present
        firsts = None
        if present is not None:
            if not scanner.possible(scanner.rule_gate[i], present):
                return None
            firsts = scanner.first_matches(scanner.rule_any[i], unit.norm, self.gate_text, present)
            if cr.any and not firsts:  # the usual miss (evaluate_rule would say None at once)
                return None
        return evaluate_rule(cr, unit.text, unit.norm, unit, roles, self.search, firsts)

    def term(self, i: int, ct: CompiledTerm) -> KeyTerm | None:
        """Term i's key term on the clause, or None."""
        unit, scanner, present = self.unit, self.scanner, self.present
        hit = None
        if present is not None:
            if not scanner.possible(scanner.term_gate[i], present):
                return None
            hit = not ct.any or bool(
                scanner.first_matches(scanner.term_any[i], unit.norm, self.gate_text, present, True)
            )
        return evaluate_term(ct, unit.text, unit.norm, unit, self.search, hit)


def _type_term(clause_type: str, unit: Unit, text: str, lang: str) -> KeyTerm:
    return KeyTerm(
        type=clause_type, clause=unit.clause, location=unit.location, text=text[:TEXT_LIMIT], language=lang
    )


def _yielded(findings: list[Finding], yields: dict[str, list[str]]) -> list[Finding]:
    """Findings less those whose rule gives way to a category also found on this clause."""
    if not yields:
        return findings
    found = {f.category for f in findings}
    return [f for f in findings if not found.intersection(yields.get(f.rule, ()))]


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per category per clause: the most severe (then the first) rule wins."""
    best: dict[str, Finding] = {}
    for f in findings:
        cur = best.get(f.category)
        if cur is None or SEVERITY_RANK[f.severity] > SEVERITY_RANK[cur.severity]:
            best[f.category] = f
    return [f for f in findings if best[f.category] is f]


def _merge_terms(terms: list[KeyTerm]) -> list[KeyTerm]:
    out: dict[str, KeyTerm] = {}
    for t in terms:
        cur = out.get(t.type)
        if cur is None:
            out[t.type] = t
        else:
            for k, v in t.values.items():
                cur.values.setdefault(k, v)
    return list(out.values())


def check_units(
    units: Iterable[Unit], ruleset: RuleSet, *, languages: set[str] | None = None
) -> tuple[list[Finding], list[KeyTerm], int]:
    """Check every clause: one scan per language over all of them (checklist/scan.py) finds
    each clause's candidate rules and terms; only those run."""
    units = list(units)
    scanned = scan_units(units, ruleset, languages)
    findings: list[Finding] = []
    terms: list[KeyTerm] = []
    for unit, found in zip(units, scanned, strict=True):
        if title_only(unit.text):  # "14. Non-Competition": a title with its clause elsewhere
            continue
        if found is None:  # a long clause: checked in windows
            f, t = check_unit(unit, ruleset, languages=languages)
        elif not any(found.values()):
            continue
        else:
            f, t = check_scanned(unit, ruleset, found)
        findings.extend(f)
        terms.extend(t)
    return findings, terms, len(units)


def scan_units(
    units: list[Unit], ruleset: RuleSet, languages: set[str] | None = None
) -> list[dict[str, Candidates | None] | None]:
    """Per clause: its candidates per language (its languages in order), or None for a clause
    longer than MAX_CLAUSE_CHARS (check_unit reads it in windows)."""
    langs: list[list[str] | None] = [
        None if len(u.text) > MAX_CLAUSE_CHARS else sorted(languages or u.languages) for u in units
    ]
    out: list[dict[str, Candidates | None] | None] = [None if ls is None else {} for ls in langs]
    for lang in sorted({lang for ls in langs if ls for lang in ls}):
        members = [i for i, ls in enumerate(langs) if ls and lang in ls]
        found = scanner_for(ruleset, lang).scan([units[i].norm for i in members])
        for i, cand in zip(members, found, strict=True):
            out[i][lang] = cand  # type: ignore[index]
    return out


def rule_matches(ruleset: RuleSet, rule_id: str, text: str) -> bool:
    """Does this one rule fire on `text` read as one clause (used by the example tests)?"""
    cr = ruleset.rule(rule_id)
    findings, _ = check_unit(Unit(text=text), ruleset, languages={cr.language}, rule_filter=rule_id)
    return bool(findings)


def term_matches(ruleset: RuleSet, term: CompiledTerm, text: str) -> bool:
    norm = normalise(text)
    if not any(k in norm for k in term.keywords):
        return False
    return evaluate_term(term, text, norm, Unit(text=text)) is not None
