"""Session 20 (helper fa): engine-level false alarms on real contracts, each with the true trap
beside it that must still fire."""

from __future__ import annotations

from bidassist.checklist import check_text, load_packs

RULES = load_packs()


def _cats(text: str) -> set[str]:
    return {f.category for f in check_text(text, RULES, model=False).findings}


def test_joined_condition_keeps_the_exemption_of_its_sentence() -> None:
    # a preceding 如… sentence joined as a bare condition no longer hides 给甲方造成损失的…全额赔偿
    harmless = "8.8 如该情形导致第三方向甲方提出法律程序，乙方应负责解决。如该情形给甲方造成损失的，乙方应全额赔偿：\n"
    trap = "8.8 如该情形导致第三方向甲方提出法律程序，乙方应负责解决。如该情形给甲方造成损失的，乙方应全额赔偿，且不受合同金额限制。\n"
    assert "liability.uncapped" not in _cats(harmless)
    assert "liability.uncapped" in _cats(trap)


def test_a_figure_in_another_table_row_is_not_the_payment_period() -> None:
    table = (
        "2、合同条款要求\n序号 | 项目 | 要求\n"
        "1 | 工期 | 合同签订后30日内完成。\n"
        "2 | 缺陷责任期 | 12个月\n"
        "3 | 分包 | 不允许\n"
        "4 | 付款方式 | 合同签订甲方收到乙方发票后支付至合同价的30%；验收合格后支付至合同价的80%。\n"
    )
    same_row = (
        "2、合同条款要求\n序号 | 项目 | 要求\n"
        "1 | 工期 | 合同签订后30日内完成。\n"
        "2 | 缺陷责任期 | 12个月\n"
        "3 | 分包 | 不允许\n"
        "4 | 付款方式 | 甲方在验收合格后120日内支付至合同价的80%。\n"
    )
    assert "payment.long_term" not in _cats(table)
    assert "payment.long_term" in _cats(same_row)
