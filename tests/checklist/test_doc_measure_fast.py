"""`doclevel.first_measure` reads a clause's numbers before searching its anchor, and the stand-in
phrases (银行贷款利率, LPR) only in the clauses `literals.Joined` says they may be in: the same
number and clause as searching every anchor clause first, on mixes of rate clauses, stand-ins,
anchors without a figure and the packs' examples."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from shipped_packs import RULES  # the shipped packs, loaded once for all checklist tests

from bidassist.checklist import doclevel
from bidassist.checklist.doclevel import _equivalents, _pattern, _same, first_measure
from bidassist.checklist.engine import Unit, extract_numbers, nearest
from bidassist.checklist.literals import Joined, finditer

PIECES = [
    "乙方每逾期一日，应向甲方支付合同总价千分之五的违约金。",
    "甲方逾期付款的，应按同期银行贷款利率向乙方支付利息。",
    "甲方逾期付款的，按一年期贷款市场报价利率（LPR）支付逾期利息。",
    "甲方未按时付款的，每日按未付款项的万分之三支付滞纳金。",
    "甲方逾期付款的，应承担违约责任。",  # the anchor and no figure
    "乙方逾期交货的，每日支付合同价的0.5%作为违约金，但不超过合同价的10%。",
    "付款方式：验收合格后30日内支付合同价的95%。",  # figures, no anchor
    "The Supplier shall pay liquidated damages of 0.5% of the Contract Price per day of delay.",
    "Late payments shall bear interest at 0.01% per day.",
    "The Buyer shall pay interest on late payment at the rate stated in the Schedule.",
    "The Supplier shall pay USD 500 per day as liquidated damages for late delivery.",
    "All notices shall be in writing.",
]
EXAMPLES = sorted({ex for r in RULES.rules if "penalty" in r.rule.category for ex in r.rule.examples.match})[
    :80
]


def _reference(measure, units, ruleset, lang, taken=None):
    """first_measure as it was: every clause the anchor's gate leaves searched for the anchor first."""
    anchor = _pattern(ruleset, measure.near, lang)
    joined = Joined([u.norm for u in units])
    for i in joined.may_match(anchor):
        unit = units[i]
        spans = [m.span() for m in finditer(anchor, unit.norm)]
        if not spans:
            continue
        numbers = extract_numbers(measure.kind, unit.text) + _equivalents(measure, unit.norm, ruleset, lang)
        picked = nearest(numbers, spans, unit.norm)
        if picked is not None and not _same((picked, unit), taken):
            return picked, unit
    return None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES + EXAMPLES), min_size=1, max_size=10))
def test_first_measure_equals_the_anchor_first_loop(texts: list[str]) -> None:
    units = [Unit(text=t, clause=str(i)) for i, t in enumerate(texts)]
    assert RULES.document
    for lang, drule in RULES.document:
        for measure in (drule.numerator, drule.denominator):
            want = _reference(measure, units, RULES, lang)
            got = first_measure(measure, units, RULES, lang)
            assert got == want
            if want is not None:  # a number taken by the other side is passed over alike
                assert first_measure(measure, units, RULES, lang, taken=want) == _reference(
                    measure, units, RULES, lang, taken=want
                )


def test_a_stand_in_without_a_figure_is_still_read() -> None:
    """银行贷款利率 stated with no figure: the clause has no number of the kind, yet its stand-in counts."""
    zh = [(lang, d) for lang, d in RULES.document if lang == "zh" and d.numerator.equivalents]
    assert zh
    lang, drule = zh[0]
    units = [Unit(text=PIECES[4]), Unit(text=PIECES[1])]
    got = first_measure(drule.numerator, units, RULES, lang)
    assert got is not None and got[1] is units[1] and got[0].raw and "利率" in got[0].raw
    assert first_measure(drule.numerator, [Unit(text=PIECES[4])], RULES, lang) is None  # look-alike: no rate
    assert doclevel.first_measure is first_measure
