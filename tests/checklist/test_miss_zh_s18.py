"""Two structural causes of Chinese misses found by the session-18 miss map (helper miss-zh), each
on small texts written for this test (a courier service, a signage job, a lab-equipment lease):

- a delay rate stated per several days (每逾期十日 … 2%, 每迟延交货3天, 每（日）) is a daily rate
  of 1/N of it; a number of days without a delay word (每30日支付) is a payment schedule;
  最高结算金额 / 最高限价 is the base of a rate, not a cap;
- a cap written elsewhere in the contract overrides a finding only when it caps that finding's
  party: the buyer's own cap on what it pays (甲方向乙方累计支付的违约金总额不超过…) leaves the
  supplier's unlimited liability standing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bidassist.checklist import check_text, load_packs
from bidassist.checklist.subject import deduction_actor
from bidassist.core.numbers import find_daily_rates

RULES = load_packs()


def _cats(text: str) -> set[str]:
    return {f.category for f in check_text(text, RULES, model=False).findings}


# --------------------------------------------------------------------------- rates per N days


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("乙方每逾期五（5）日送达，应按当批运费的百分之二（2%）支付违约金", Decimal("0.004")),
        ("承揽人每迟延交货3天，按合同价款的0.6%向定作人支付违约金", Decimal("0.002")),
        ("每逾期十日完工，扣除合同金额的1%", Decimal("0.001")),
        ("出租人每延迟交付两周，按月租金的1.4%计付违约金", Decimal("0.001")),
        ("逾期交付的，每（日）按未交设备租金的千分之三计收违约金", Decimal("0.003")),
        ("每延误 2 日，按最高结算金额的 1 %计收违约金", Decimal("0.005")),
        ("每逾期一日，按最高限价的0.2%支付违约金", Decimal("0.002")),
    ],
)
def test_a_rate_per_several_days_is_read_per_day(text, per_day):
    assert [f.value for f in find_daily_rates(text)] == [per_day]


@pytest.mark.parametrize(
    "text",
    [
        "甲方每30日支付一次运费，每次支付当期运费的90%",  # a payment schedule, not a rate
        "每3天巡检一次，巡检合格率不低于98%",
        "违约金累计最高不超过合同总价的10%",  # a cap, no day at all
    ],
)
def test_a_period_without_a_delay_is_no_daily_rate(text):
    assert find_daily_rates(text) == []


def test_a_cap_still_stops_the_pairing():
    # 最高 before 不超过 is a cap: the 10 % is not the daily rate; the 0.05 % after 每逾期一日 is
    assert [f.value for f in find_daily_rates("违约金最高不超过合同价的10%，每逾期一日0.05%")] == [
        Decimal("0.0005")
    ]


def test_a_weekly_delay_rate_above_the_line_is_excessive_and_its_twin_is_not():
    trap = (
        "第六条 违约责任\n"
        "6.1 承揽人每逾期完工十（10）日，按合同价款的百分之二（2%）向定作人支付违约金，"
        "违约金累计不超过合同价款的10%。"
    )
    twin = (
        "第六条 违约责任\n"
        "6.1 承揽人每逾期完工十（10）日，按合同价款的百分之零点五（0.5%）向定作人支付违约金，"
        "违约金累计不超过合同价款的10%。"
    )
    assert "penalty.excessive" in _cats(trap)
    assert "penalty.excessive" not in _cats(twin)


# --------------------------------------------------------------------------- whose cap


_LIABILITY = (
    "第九条 责任\n9.1 乙方在标识安装过程中发生的一切安全事故，由乙方承担全部责任。\n第十条 付款违约\n"
)


def test_the_buyers_own_cap_does_not_cap_the_supplier():
    text = _LIABILITY + "10.1 甲方逾期付款的，甲方向乙方累计支付的违约金及赔偿总额不超过合同总价的5%。"
    assert "liability.uncapped" in _cats(text)


def test_a_cap_on_the_supplier_written_elsewhere_still_overrides():
    text = _LIABILITY + "10.1 乙方依本合同承担的赔偿责任累计总额不超过合同总价的30%。"
    assert "liability.uncapped" not in _cats(text)


def test_a_mutual_cap_still_overrides():
    text = _LIABILITY + "10.1 任何一方依本合同承担的赔偿责任累计总额不超过合同总价的50%。"
    assert "liability.uncapped" not in _cats(text)


# --------------------------------------------------------------------------- who deducts, who is fined

_ZH = RULES.role_patterns("zh")


@pytest.mark.parametrize(
    ("sentence", "deducts"),
    [
        ("相关费用从乙方当月服务费中扣除", "buyer"),  # the supplier's fee: the buyer holds it back
        ("可在乙方应得的款项中直接扣除", "buyer"),
        ("可直接从甲方应付货款中予以抵扣", "buyer"),  # what the buyer owes: the buyer deducts
        ("乙方有权从甲方交纳的押金中扣除滞纳金", None),  # the sentence names its actor
        ("违约金从应付款中扣除", None),  # nobody's sum named: left to the sentence
        ("从该笔款项中扣除手续费", None),  # nobody's sum named: left to the sentence
    ],
)
def test_a_deduction_is_made_by_whoever_owes_the_sum(sentence, deducts):
    start = sentence.index("扣") if "扣" in sentence else sentence.index("抵")
    assert deduction_actor(sentence, 0, len(sentence), start, start + 2, _ZH) == deducts


@pytest.mark.parametrize(
    "text",
    [
        "第四条 保洁\n4.3 若乙方未按时清运垃圾的，由甲方代为清运，所需费用从乙方当月保洁费中扣除。",
        "第四条 报告\n4.3 乙方逾期提交检测报告的，相应罚款可在乙方应得的检测费中直接扣除。",
    ],
)
def test_a_deduction_after_the_suppliers_failure_is_the_buyers_set_off(text):
    assert "payment.set_off" in _cats(text)


def test_the_suppliers_own_deduction_from_the_buyers_deposit_is_no_set_off():
    text = "第四条 租金\n4.3 甲方逾期支付租金的，乙方有权从甲方交纳的设备押金中扣除相应滞纳金。"
    assert "payment.set_off" not in _cats(text)


def test_a_penalty_the_buyer_imposes_at_a_measure_binds_the_supplier():
    fined = "第八条 考核\n8.2 保洁质量抽检不合格的，甲方有权视情节轻重对乙方按当月保洁费的3%予以处罚。"
    capped = fined.replace("予以处罚。", "予以处罚，全年处罚累计不超过合同总额的5%。")
    assert "penalty.uncapped" in _cats(fined)
    assert "penalty.uncapped" not in _cats(capped)
