"""Session 25: kinds the development contracts missed (heldout12, scored first, then studied: see
CHANGELOG).

- parties: a party defined without brackets (「, hereinafter called COMMISSION,」, "hereinafter
  referred to as the Supplier") is defined as in brackets; a short name that is no role word opposite
  a role word takes the other role.

- per_day: a delay charged by the month (每延期一个月…3%: 0.1 % a day, "each month of delay") is a
  daily rate of a thirtieth (每月支付 alone stays a schedule).
- per_day: a filled-in form field 「每逾期[ 1 ]日」 is read with its brackets blanked (「每逾期  1  日」);
  the spaces around the figure no longer hide the per-day charge, so a delay penalty written in a
  form's fields is judged like the same words typed plainly (excessive, uncapped), whoever set the
  time limit it runs from (乙方未在甲方规定的期限内…).
"""

from __future__ import annotations

import pytest
from shipped_packs import RULES, categories

HEAD = "甲方：某某股份有限公司\n乙方：某某科技有限公司\n"


def _cats(text: str) -> set[str]:
    return categories(HEAD + text, lang="zh")


@pytest.mark.parametrize(
    "clause",
    [
        "第十一条 违约责任\n11.6 如乙方未在甲方规定的期限内完成上述手续，则每逾期[ 1 ]日，乙方应当按照本合同最高结算金额的[ 3 ]%向甲方支付违约金。\n",
        "第十一条 违约责任\n11.6 如乙方未在甲方规定的期限内完成上述手续，则每逾期1日，乙方应当按照本合同最高结算金额的3%向甲方支付违约金。\n",
        "第十一条 违约责任\n11.2 乙方未能按期交付的，每逾期【 1 】日，乙方应当按照合同总价的【 0.5 】%向甲方支付违约金。\n",
    ],
)
def test_a_daily_penalty_in_form_fields_is_read_as_typed(clause: str) -> None:
    assert {"penalty.excessive", "penalty.uncapped"} <= _cats(clause)


@pytest.mark.parametrize(
    "clause",
    [
        # the same form with a low rate and a cap: neither excessive nor uncapped
        "第十一条 违约责任\n11.2 乙方未能按期交付的，每逾期[ 1 ]日，乙方应当按照合同总价的[ 0.05 ]%向甲方支付违约金，"
        "累计不超过合同总价的[ 5 ]%。\n",
        # the buyer's late payment in the same form: the buyer's own duty
        "第十一条 违约责任\n11.3 甲方逾期付款的，每逾期[ 1 ]日，甲方应按应付未付款项的[ 0.05 ]%向乙方支付违约金。\n",
    ],
)
def test_a_low_capped_or_buyers_form_penalty_stays_quiet(clause: str) -> None:
    assert not {"penalty.excessive", "penalty.uncapped"} & _cats(clause)


@pytest.mark.parametrize(
    ("text", "daily"),
    [
        ("每延期一个月，甲方扣除合同总金额的 3%价款作为违约金", "0.001"),
        ("每逾期两个月扣除合同价的6%", "0.001"),
        ("The Supplier shall pay 3% of the price for each month of delay.", "0.001"),
    ],
)
def test_a_monthly_rate_is_a_thirtieth_a_day(text: str, daily: str) -> None:
    from decimal import Decimal

    from bidassist.core.numbers import find_daily_rates

    assert [f.value for f in find_daily_rates(text)] == [Decimal(daily)]


@pytest.mark.parametrize(
    "text",
    ["每月支付合同价的10%", "每月末前支付上月服务费的95%", "interest of 1.5% per month on the overdue sum"],
)
def test_a_monthly_schedule_is_no_daily_rate(text: str) -> None:
    from bidassist.core.numbers import find_daily_rates

    assert find_daily_rates(text) == []


def test_a_monthly_delay_penalty_is_judged_per_day() -> None:
    # 3 % a month is 0.1 % a day: excessive; 1 % a month with no cap anywhere: uncapped only
    high = "第八条 违约责任\n1、如乙方不能按本合同规定日期交付系统，每延期一个月，甲方扣除合同总金额的 3%价款作为乙方向甲方支付的违约赔偿金，违约金总额不超过合同总额的 10%。\n"
    low = "第八条 违约责任\n1、如乙方不能按本合同规定日期交付系统，每延期一个月，甲方扣除合同总金额的 1%价款作为违约赔偿金。\n"
    assert "penalty.excessive" in _cats(high) and "penalty.uncapped" not in _cats(high)
    assert "penalty.excessive" not in _cats(low) and "penalty.uncapped" in _cats(low)


PREAMBLE = (
    "PROFESSIONAL SERVICES AGREEMENT\n"
    "THIS AGREEMENT made and entered into this ___ day of ____, 20__ by and between the SANTA CRUZ COUNTY "
    "REGIONAL TRANSPORTATION COMMISSION, hereinafter called COMMISSION, and ________, hereinafter called "
    "CONSULTANT for ________ (services/project name).\n"
)


def test_a_party_defined_without_brackets_is_a_party() -> None:
    """「, hereinafter called COMMISSION,」 (a public body's form) defines the buyer as
    「("the Commission")」 would; its convenience termination is the buyer's."""
    from bidassist.checklist import check_text

    text = PREAMBLE + (
        "4. EARLY TERMINATION.\nA. COMMISSION may terminate this Agreement for its convenience any time, in whole or "
        "part, by giving CONSULTANT thirty-day (30-day) written notice thereof.\n"
    )
    result = check_text(text, RULES, lang="en", we="CONSULTANT")
    roles = {p["role"]: p["labels"] for p in result.parties["parties"]}
    assert roles == {"buyer": ["commission"], "supplier": ["consultant"]}
    assert "termination.convenience" in {f.category for f in result.findings}


def test_the_supplier_defined_without_brackets_is_ours() -> None:
    # the same right given to the consultant is no trap of ours
    from bidassist.checklist import check_text

    text = PREAMBLE + (
        "4. EARLY TERMINATION.\nA. CONSULTANT may terminate this Agreement for its convenience any time, in whole or "
        "part, by giving COMMISSION thirty-day (30-day) written notice thereof.\n"
    )
    result = check_text(text, RULES, lang="en", we="CONSULTANT")
    assert "termination.convenience" not in {f.category for f in result.findings}


def test_a_non_role_short_name_without_brackets_is_the_other_side() -> None:
    from bidassist.checklist.parties import find_parties

    found = find_parties(
        [
            (
                "This Agreement is made between Acme Widgets Inc., hereinafter called ACME, and Beta Tools Ltd., "
                "hereinafter referred to as the Supplier.",
                "line 1",
            )
        ]
    )
    assert {p.role: p.labels for p in found} == {"supplier": ["supplier"], "buyer": ["acme"]}


@pytest.mark.parametrize(
    ("clause", "category"),
    [
        # the balance at the audited price: settlement gated by an audit
        (
            "第五条 付款\n开发内容全部交付并验收后 30 天内，按审定价一次性付清余款。\n",
            "payment.audit_settlement",
        ),
        # the balance net of fines, in a bracket: the buyer deducts what it claims
        ("第五条 付款\n开发内容全部交付并验收后 30 天内，一次性付清余款（扣除罚款）。\n", "payment.set_off"),
        # every loss, its list of costs written first: beyond the loss of the breach (REVIEW rule 10 a)
        (
            "第八条 违约责任\n乙方服务不到位的，应赔偿给甲方造成的诉讼、评估、律师代理以及给第三方造成的所有损失。\n",
            "liability.uncapped",
        ),
    ],
)
def test_payment_and_liability_kinds(clause: str, category: str) -> None:
    assert category in _cats(clause)


@pytest.mark.parametrize(
    ("clause", "category"),
    [
        (
            "第五条 付款\n开发内容全部交付并验收后 30 天内，按合同价一次性付清余款。\n",
            "payment.audit_settlement",
        ),
        # a provisional sum settled at the buyer's own approval is no audit
        (
            "第十四条 暂估价\n属于依法必须招标的暂估价项目：按发包人审定的价格进行结算。\n",
            "payment.audit_settlement",
        ),
        (
            "第五条 付款\n开发内容全部交付并验收后 30 天内，一次性付清余款（扣除已付预付款）。\n",
            "payment.set_off",
        ),
        ("第八条 违约责任\n乙方违约的，应赔偿给甲方造成的损失。\n", "liability.uncapped"),
    ],
)
def test_payment_and_liability_look_alikes(clause: str, category: str) -> None:
    assert category not in _cats(clause)


@pytest.mark.parametrize(
    ("clause", "category"),
    [
        # paid once the buyer's officer is satisfied with the supplier's work: no clock, the buyer's judgement
        (
            "三、报酬支付\n根据本协议的条款，当项目主任证明对乙方按任务书进行的工作表示满意时，甲方将向乙方支付如下报酬和费用。\n",
            "acceptance.no_deadline",
        ),
        # paid once the buyer approves the work (its subject left out after the comma), with no period
        (
            "四、付款\n甲方得到乙方递交的工作报告，认同乙方工作成果后将向乙方结算报酬尾款。\n",
            "payment.no_deadline",
        ),
    ],
)
def test_paid_on_the_buyers_approval(clause: str, category: str) -> None:
    assert category in _cats(clause)


@pytest.mark.parametrize(
    ("clause", "category"),
    [
        ("三、确认\n乙方对甲方的工作安排表示满意时，双方签署确认单。\n", "acceptance.no_deadline"),
        ("四、付款\n甲方认同乙方工作成果后15个工作日内向乙方结算报酬尾款。\n", "payment.no_deadline"),
    ],
)
def test_approval_with_a_clock_or_the_suppliers_own(clause: str, category: str) -> None:
    assert category not in _cats(clause)


def test_a_party_defined_after_its_address_is_a_party() -> None:
    """between X (the "School System"), 511 Cleveland Street, Durham, and (the "Provider"): the
    address between the two does not hide the buyer's short name."""
    from bidassist.checklist.parties import find_parties

    found = find_parties(
        [
            (
                "This contract for services is made between the Durham Public Schools Board of Education "
                "(the “School System”), 511 Cleveland Street, Durham, NC 27702, and (the “Provider”), , , .",
                "line 3",
            )
        ]
    )
    assert {p.role: p.labels for p in found} == {"supplier": ["provider"], "buyer": ["school system"]}


def test_termination_on_the_buyers_dissatisfaction_is_at_will() -> None:
    head = 'This Agreement is made between Acme County (the "Owner") and Beta LLC (the "Contractor").\n'
    trap = (
        "6. Termination for Default. At any time, the Owner may terminate this Contract immediately and without "
        "prior notice if the Contractor is unable to meet goals and timetables or if the Owner is dissatisfied "
        "with the quality of services provided.\n"
    )
    cured = (
        "6. Termination for Default. The Owner may terminate this Contract if the Owner is dissatisfied with the "
        "Work and the Contractor fails to remedy it within thirty (30) days of written notice.\n"
    )
    assert "termination.convenience" in categories(head + trap, lang="en")
    assert "termination.convenience" not in categories(head + cured, lang="en")


def test_a_cap_on_delay_damages_is_no_cap_on_liability() -> None:
    """违约赔偿金，违约金总额不超过合同总额的10% caps the delay damages only: the clause's
    all-losses sentence is still uncapped, and the buyer deducting the damages from the price is a set-off."""
    clause = (
        "十二、违约责任\n1、乙方违约责任\n如乙方不能按本合同规定日期交付系统，每延期一个月，甲方扣除合同总金额的 3%价款作为乙方向"
        "甲方支付的违约赔偿金，违约金总额不超过合同总额的 10%。乙方服务不到位的，应赔偿给甲方造成的诉讼、评估、律师代理以及给"
        "第三方造成的所有损失。\n"
    )
    cats = _cats(clause)
    assert {"liability.uncapped", "payment.set_off", "penalty.excessive"} <= cats


def test_a_cap_on_the_suppliers_liability_still_caps_it() -> None:
    clause = (
        "十二、违约责任\n1、乙方服务不到位的，应赔偿给甲方造成的诉讼、评估、律师代理以及给第三方造成的所有损失。\n"
        "2、乙方的赔偿责任总额不超过合同总额的100%。\n"
    )
    assert "liability.uncapped" not in _cats(clause)


def test_a_balance_with_no_period_beside_a_first_payment_with_one() -> None:
    """The 30 % is due within ten working days; the 70 % balance waits on the buyer's approval with no
    period: the first payment's period is not the balance's."""
    both = (
        "3、报酬支付\n报酬在本协议签订之日后的十个工作日内由甲方向乙方支付人民币14,250.00元（30%报酬金额），"
        "甲方得到乙方递交的工作报告，认同乙方工作成果后将向乙方结算报酬尾款33,250.00元（70%）。\n"
    )
    timed = (
        "3、报酬支付\n报酬在本协议签订之日后的十个工作日内由甲方向乙方支付人民币14,250.00元（30%报酬金额），"
        "甲方认同乙方工作成果后十个工作日内向乙方结算报酬尾款33,250.00元（70%）。\n"
    )
    assert "payment.no_deadline" in _cats(both)
    assert "payment.no_deadline" not in _cats(timed)


def test_a_plain_right_to_cancel_undelivered_orders_is_at_will() -> None:
    head = 'This Agreement is made between Acme County (the "Buyer") and Beta LLC (the "Supplier").\n'
    trap = "3.2.11 The Buyer can cancel any order or part order of Goods which has not been Delivered.\n"
    late = "3.2.11 The Buyer can cancel any order of Goods which has not been Delivered by the agreed delivery date.\n"
    assert "termination.convenience" in categories(head + trap, lang="en")
    assert "termination.convenience" not in categories(head + late, lang="en")
