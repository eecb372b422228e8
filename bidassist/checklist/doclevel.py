"""Document-level rules: what only the whole contract shows.

- `unless_anywhere` on a clause rule: its finding is dropped when some clause of the contract
  says otherwise (a cap on the daily delay penalty written in another article).
- `ratio` document rules: two numbers of the same contract compared (the buyer's late-payment
  rate against the supplier's delay penalty), and the one missing when the other is stated."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from .engine import TEXT_LIMIT, Number, Unit, extract_numbers, nearest
from .forum import home_forum_findings
from .literals import Joined, finditer
from .result import Finding
from .rules import DocumentRule, Measure, RuleSet
from .subject import OTHER, binding_party, late_payment_charge, sentence_bounds

Located = tuple[Number, Unit]


def _pattern(ruleset: RuleSet, source: str, lang: str) -> re.Pattern:
    return ruleset.pattern(source, lang)


def drop_overridden(
    findings: list[Finding], units: Sequence[Unit], ruleset: RuleSet, joined: Joined | None = None
) -> list[Finding]:
    """Findings whose rule's `unless_anywhere` matches no clause of the contract (`joined`: the
    units' normalised texts joined, when already built)."""
    found = {f.rule for f in findings}
    by_id = {cr.id: cr for cr in ruleset.rules if cr.rule.unless_anywhere and cr.id in found}
    if not by_id:
        return findings
    lists = _lists_whole(units)
    joined = Joined(lists) if lists else joined or Joined([u.norm for u in units])
    norms = joined.norms
    overridden: dict[str, bool] = {}
    for rule_id, cr in by_id.items():
        patterns = [_pattern(ruleset, p, cr.language) for p in cr.rule.unless_anywhere]
        roles = ruleset.role_patterns(cr.language)
        overridden[rule_id] = any(
            not _other_sides(cr.rule.party, norms[i], m, roles, cr.language)
            for p in patterns
            for i in joined.may_match(p)
            for m in finditer(p, norms[i])
        )
    return [f for f in findings if not overridden.get(f.rule, False)]


def _lists_whole(units: Sequence[Unit]) -> list[str] | None:
    """The units' normalised texts with each lead-in and the list items that complete it as one
    text ("the limit shall not apply to or be reduced by: (i) …; (iii) … any indemnities"), so an
    override is read with its exceptions; None when the contract has no such list."""
    if not any(u.lead_of for u in units):
        return None
    out: list[str] = []
    leads: dict[str | None, tuple[int, str]] = {}
    for u in units:
        lead = leads.get(u.lead_of) if u.lead_of else None
        if lead is None:
            leads[u.clause] = (len(out), u.norm)
            out.append(u.norm)
            continue
        index, lead_norm = lead
        body = u.norm[len(lead_norm) :] if u.norm.startswith(lead_norm) else u.norm
        out[index] += " " + body.strip()
        leads[u.clause] = (index, body.strip())  # an item may itself lead a list of its own
    return out


def _other_sides(party: str, norm: str, m: re.Match, roles: dict, lang: str) -> bool:
    """Does the override's match bind the other party (甲方…向乙方累计支付的违约金总额不得超过10%:
    the buyer's cap, which does not cap the supplier's liability)?"""
    if party not in OTHER:
        return False
    return binding_party(norm, m.start(), m.end(), roles, lang, wanted=party) == OTHER[party]


def first_of_once(findings: list[Finding], ruleset: RuleSet) -> list[Finding]:
    """Only the first finding of each `once` rule."""
    once = {cr.id for cr in ruleset.rules if cr.rule.once}
    seen: set[str] = set()
    out = []
    for f in findings:
        if f.rule in once:
            if f.rule in seen:
                continue
            seen.add(f.rule)
        out.append(f)
    return out


def _equivalents(measure: Measure, norm: str, ruleset: RuleSet, lang: str) -> list[Number]:
    """The measure's stand-in phrases found in the clause, as numbers (银行贷款利率 -> 0.0001)."""
    return [
        Number(eq.value, m.start(), m.end(), m.group(0))
        for eq in measure.equivalents
        for m in _pattern(ruleset, eq.pattern, lang).finditer(norm)
    ]


def first_measure(
    measure: Measure,
    units: Sequence[Unit],
    ruleset: RuleSet,
    lang: str,
    joined: Joined | None = None,
    taken: Located | None = None,
) -> Located | None:
    """The first number of the measure's kind next to its anchor, in contract order (`joined`:
    the units' normalised texts joined, when already built); a number `taken` by the other side
    of a ratio is passed over."""
    anchor = _pattern(ruleset, measure.near, lang)
    joined = joined or Joined([u.norm for u in units])
    # the clauses a stand-in phrase may be in (the others have none: literals.Joined's gate)
    stand_ins = {
        i for eq in measure.equivalents for i in joined.may_match(_pattern(ruleset, eq.pattern, lang))
    }
    for i in joined.may_match(anchor):
        unit = units[i]
        norm = unit.norm
        # a clause without a number of the kind or a stand-in has nothing next to the anchor: the
        # numbers (cached, prefiltered) rule it out for less than the anchor's search
        numbers = extract_numbers(measure.kind, unit.text)
        if i in stand_ins:
            numbers += _equivalents(measure, norm, ruleset, lang)
        if not numbers:
            continue
        spans = [m.span() for m in finditer(anchor, norm)]
        if not spans:
            continue
        picked = nearest(numbers, spans, norm)
        if picked is not None and not _same((picked, unit), taken):
            return picked, unit
    return None


def _same(one: Located, other: Located | None) -> bool:
    return (
        other is not None
        and one[1] is other[1]
        and (one[0].start, one[0].raw) == (other[0].start, other[0].raw)
    )


def _whose(located: Located, ruleset: RuleSet, lang: str) -> str | None:
    """The party whose rate a number is, from the sentence that states it (甲方未按时付款的，每日
    支付…: the buyer's; 乙方每逾期一天应向甲方缴纳…: the supplier's), or None."""
    number, unit = located
    if number.end > len(unit.norm):
        return None
    return binding_party(unit.norm, number.start, number.end, ruleset.role_patterns(lang), lang)


#: money owed and not paid (未付款项, 拖欠, overdue sums): a charge on it is for paying late
_UNPAID = {
    "zh": re.compile(r"未付(?:款项|款|金额|费用|价款)|欠付|欠款|拖欠|应付未付"),
    "en": re.compile(r"\b(?:unpaid|overdue\s+(?:amounts?|sums?|invoices?|payments?)|late\s+payments?)\b"),
}


def _pays_late(located: Located, lang: str) -> bool:
    """Is the number a charge for paying late (逾期付款的滞纳金, 自逾期之日起…支付未付款项每日…)?"""
    number, unit = located
    a, b = sentence_bounds(unit.norm, number.start, number.end)
    return late_payment_charge(unit.norm, number.start, lang) or bool(_UNPAID[lang].search(unit.norm, a, b))


def _both_sides(
    drule: DocumentRule, lang: str, units: Sequence[Unit], ruleset: RuleSet, joined: Joined
) -> tuple[Located | None, Located | None]:
    """(numerator, denominator): when both anchors reach one number, it is the rate of the party
    its sentence binds, and the other side is looked for elsewhere; unknown: read as both."""
    den = first_measure(drule.denominator, units, ruleset, lang, joined)
    num = first_measure(drule.numerator, units, ruleset, lang, joined)
    if den is None or num is None or not _same(num, den):
        return num, den
    who = _whose(den, ruleset, lang)
    if who == "supplier" and _pays_late(den, lang):
        # the supplier's charge for paying the buyer late (a platform's fees): neither side's
        return (
            first_measure(drule.numerator, units, ruleset, lang, joined, taken=den),
            first_measure(drule.denominator, units, ruleset, lang, joined, taken=den),
        )
    if who == "supplier":  # the supplier's own penalty: the buyer's rate is elsewhere, or missing
        return first_measure(drule.numerator, units, ruleset, lang, joined, taken=den), den
    if who == "buyer":  # the buyer's late-payment rate: the supplier's penalty is elsewhere
        return num, first_measure(drule.denominator, units, ruleset, lang, joined, taken=num)
    return num, den


def _show(value: Decimal) -> str:
    return f"{(value * 100).normalize():f}%"


def _finding(drule: DocumentRule, lang: str, where: Unit, num: Number | None, den: Number) -> Finding:
    if num is None:
        detail = {
            "zh": f"（合同未约定；乙方违约金 {_show(den.value)}）",
            "en": f" (none stated; supplier's penalty {_show(den.value)})",
        }
    else:
        detail = {
            "zh": f"（{_show(num.value)} 对 {_show(den.value)}）",
            "en": f" ({_show(num.value)} against {_show(den.value)})",
        }
    message = {k: drule.message.get(k) + detail[k] for k in ("zh", "en")}
    return Finding(
        rule=drule.id,
        category=drule.category,
        severity=drule.severity,
        clause=where.clause,
        location=where.location,
        text=where.text[:TEXT_LIMIT],
        message=message,
        basis=drule.basis,
        fallback=drule.fallback.model_dump() if drule.fallback else None,
        value=None if num is None else num.value,
        threshold=den.value * drule.threshold,
        matched=(num or den).raw,
        language=lang,
        block_indices=list(where.block_indices),
    )


def _missing_place(
    drule: DocumentRule, lang: str, units: Sequence[Unit], ruleset: RuleSet, joined: Joined, den: Unit
) -> Unit:
    """The clause a ratio with no numerator is reported on (see DocumentRule.missing_at), else the
    denominator's."""
    at_den = next(i for i, u in enumerate(units) if u is den)
    for source in drule.missing_at:
        at = _pattern(ruleset, source, lang)
        hits = [i for i in joined.may_match(at) if i != at_den and at.search(units[i].norm)]
        if hits:
            before = [i for i in hits if i < at_den]
            return units[before[-1] if before else hits[0]]
    return den


def evaluate_ratio(
    drule: DocumentRule, lang: str, units: Sequence[Unit], ruleset: RuleSet, joined: Joined | None = None
) -> Finding | None:
    joined = joined or Joined([u.norm for u in units])
    num, den = _both_sides(drule, lang, units, ruleset, joined)
    if den is None or den[0].value <= 0:
        return None
    if num is None:
        if drule.missing != "flag":
            return None
        return _finding(
            drule, lang, _missing_place(drule, lang, units, ruleset, joined, den[1]), None, den[0]
        )
    if num[0].value / den[0].value < drule.threshold:
        return _finding(drule, lang, num[1], num[0], den[0])
    return None


def document_findings(
    units: Sequence[Unit], ruleset: RuleSet, languages: set[str], joined: Joined | None = None
) -> list[Finding]:
    """Findings of the document rules of the contract's languages."""
    out = []
    joined = joined or Joined([u.norm for u in units])
    for lang, drule in ruleset.document:
        if lang in languages:
            f = evaluate_ratio(drule, lang, units, ruleset, joined)
            if f is not None:
                out.append(f)
    return out


def apply_document_rules(
    findings: list[Finding], units: Sequence[Unit], ruleset: RuleSet, languages: set[str], parties=None
) -> list[Finding]:
    """Clause findings less the overridden ones, plus the document rules' findings (one per
    category and clause: a clause already flagged for that category is not flagged twice);
    `parties` (checklist.parties.Parties) lets the dispute clause be compared with the buyer's
    place (checklist/forum.py)."""
    joined = Joined([u.norm for u in units])
    kept = first_of_once(drop_overridden(findings, units, ruleset, joined), ruleset)
    seen = {(f.category, f.clause, f.text[:80]) for f in kept}
    more = document_findings(units, ruleset, languages, joined)
    if "zh" in languages:
        more += home_forum_findings(units, ruleset, parties)
    for f in more:
        if (f.category, f.clause, f.text[:80]) not in seen:
            kept.append(f)
    return kept
