"""Session 25: kinds the development contracts missed.

- per_day: a filled-in form field 「每逾期[ 1 ]日」 is read with its brackets blanked (「每逾期  1  日」);
  the spaces around the figure no longer hide the per-day charge, so a delay penalty written in a
  form's fields is judged like the same words typed plainly (excessive, uncapped), whoever set the
  time limit it runs from (乙方未在甲方规定的期限内…).
"""

from __future__ import annotations

import pytest
from shipped_packs import RULES

from bidassist.checklist import check_text

HEAD = "甲方：某某股份有限公司\n乙方：某某科技有限公司\n"


def _cats(text: str) -> set[str]:
    return {f.category for f in check_text(HEAD + text, RULES, lang="zh").findings}


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
