"""Session 42: kinds read from heldout24 (platform and agency terms; moved to development this
session, a fresh real set, heldout25, replaced it), each written as the kind.

- terms "由您与X共同缔结" (the reader first) whose writer gets its short name later (X在本协议中亦称为
  “X APP”), or "由您（以下称为“乙方”）与X（以下称为“甲方”）就…所订立": the reader (您, 你, 注册者) is
  the supplier and X, by its short name and its full name, the buyer;
- a company's name before a bracket of two short names (北京某某有限公司（以下称为“甲方”或“某某”）) is the
  party's name, so a court "of 北京某某有限公司所在地" is the buyer's;
- a court of the buyer's 运营地 / 经营地 is its home court;
- a breach of the platform's rules forfeiting the whole deposit, or every commission earned, is an
  excessive penalty; a fine "按有关规则" (the platform's rules) has no ceiling.

- terms "between you ("You") and X, Inc. ("X" or "We" or "Us")": X is the buyer by its short name, and
  "actual or potential X customers ("Customers")" a class of third persons, not a party;
- the platform "can withhold or reduce or offset Your accrued compensation balance", or "permanently or
  temporarily withhold compensation": set-off;
- no contacting the platform's customers outside the platform: exclusivity;
- "payment timelines may vary depending on client payment cycles": pay when the customer pays.

Not taken: rules published later becoming part of the terms (将来可能发布的规则…为本协议不可分割的组成部分)
as a unilateral change: one reader labelled it in one document and not in another (zh-2402 一、1).
"""

from __future__ import annotations

from shipped_packs import RULES

from bidassist.checklist import check_text

_YOU_FIRST = (
    "保证金协议\n本协议由您与上海某某物流科技有限公司共同缔结，协议具有合同效应。\n"
    "本协议中协议双方合称协议方，上海某某物流科技有限公司在本协议中亦称为“某某物流APP”。\n"
)
_YOU_BRACKETED = (
    "某某传媒业务合作政策\n本《某某传媒业务合作政策》是由您（以下称为 “乙方”或“业务合作人”）与北京某某腾飞影视传媒"
    "有限公司（以下称为 “甲方”或“某某传媒”）就某某传媒所提供的产品和服务（包括但不限于广告承接业务等）所订立。\n"
)


def _check(head: str, clause: str):
    return check_text(head + "一、条款\n" + clause, RULES)


def _rules(head: str, clause: str) -> set[str]:
    return {f.rule for f in _check(head, clause).findings}


def _parties(head: str) -> dict[str, list[str]]:
    found = _check(head, "1.双方应遵守本协议。").parties["parties"]
    return {p["role"]: p["labels"] + ([p["name"]] if p["name"] else []) for p in found}


def test_terms_the_reader_makes_with_a_platform_named_later_by_its_short_name() -> None:
    parties = _parties(_YOU_FIRST)
    assert "某某物流APP" in parties["buyer"]
    assert "上海某某物流科技有限公司" in parties["buyer"]
    assert "您" in parties["supplier"]
    clause = "5.某某物流APP有权提前十五天以书面通知的方式终止本协议。"
    assert "zh.termination.convenience.paid" in _rules(_YOU_FIRST, clause)


def test_the_reader_named_in_brackets_is_the_supplier_and_the_company_before_the_other_bracket_the_buyer() -> (
    None
):
    parties = _parties(_YOU_BRACKETED)
    assert {"乙方", "您"} <= set(parties["supplier"])
    assert "北京某某腾飞影视传媒有限公司" in parties["buyer"]
    court = "九、因本政策产生的争议，双方均可向北京某某腾飞影视传媒有限公司所在地有管辖权的法院提起诉讼。"
    assert "zh.dispute.forum" in _rules(_YOU_BRACKETED, court)
    neutral = "九、因本政策产生的争议，双方均可向被告住所地有管辖权的法院提起诉讼。"
    assert "zh.dispute.forum" not in _rules(_YOU_BRACKETED, neutral)


def test_the_platform_s_place_of_operation_is_its_home_court() -> None:
    head = "甲方：某某科技有限公司\n乙方：某某运输有限公司\n"
    assert "zh.dispute.forum" in _rules(
        head, "1.因本协议产生之争议，任何一方均有权向甲方运营地有管辖权的人民法院起诉。"
    )


def test_forfeiting_the_whole_deposit_or_every_commission_is_an_excessive_penalty() -> None:
    assert "zh.penalty.excessive.multiple" in _rules(
        _YOU_FIRST, "4.您同意，如果注册者违背相关法律、法规和某某物流APP相关规则等，保证金在清退时不予退还。"
    )
    assert "zh.penalty.excessive.multiple" in _rules(
        _YOU_BRACKETED, "3.甲方可直接终止与你的合作关系，并罚除你留存在甲方的一切提成与佣金。"
    )
    refunded = "4.注册者无违约行为的，保证金在协议终止后无息退还。"
    assert "zh.penalty.excessive.multiple" not in _rules(_YOU_FIRST, refunded)
    bid_bond = "4.中标人放弃中标的，投标保证金不予退还。"
    assert "zh.penalty.excessive.multiple" not in _rules("甲方：某某医院\n乙方：某某公司\n", bid_bond)


def test_a_fine_by_the_platform_s_rules_has_no_ceiling() -> None:
    clause = "3.某某物流APP有权立即终止本协议，且按有关规则对注册者进行处罚。"
    assert "zh.penalty.uncapped.discretionary" in _rules(_YOU_FIRST, clause)
    fixed = "3.注册者每次违约的，按本协议附件的标准支付违约金200元。"
    assert "zh.penalty.uncapped.discretionary" not in _rules(_YOU_FIRST, fixed)


_GENGO = (
    'This Agreement is made between you ("You") and Quillbridge, Inc. ("Quillbridge" or "We" or "Us"). '
    "Quillbridge offers a service that connects independent translators (like You) with customers. If You do "
    "not agree, You may not use the Service and You may not engage with any actual or potential Quillbridge "
    'customers ("Customers"). You agree that You will work for Customers through the Service. Customers rate '
    "Your work. Customers may reject Your work. We pay You. We may change Our fees. Our Service is provided as "
    "is. You are responsible for Your taxes. You represent that You are an adult.\n"
)


def test_the_writer_named_in_the_pronoun_bracket_is_the_buyer_and_its_customers_a_class() -> None:
    parties = _parties_en(_GENGO)
    assert "quillbridge" in parties["buyer"]
    assert "customer" not in parties["buyer"] and "customers" not in parties["buyer"]
    assert "you" in parties["supplier"]


def test_compensation_withheld_or_offset_by_the_platform_is_set_off() -> None:
    held = "5. You agree that Quillbridge can withhold or reduce or offset Your accrued compensation balance if a Customer complains."
    assert "en.payment.set_off" in _rules_en(_GENGO, held)
    temporary = "11. Quillbridge may also, in its sole discretion, permanently or temporarily withhold compensation for jobs in progress."
    assert "en.payment.set_off" in _rules_en(_GENGO, temporary)
    ours = "5. You may withhold or reduce Your services if Your invoice is unpaid for 30 days."
    assert "en.payment.set_off" not in _rules_en(_GENGO, ours)


def test_no_dealing_with_the_platform_s_customers_outside_it_is_exclusivity() -> None:
    clause = "11. You shall not attempt to contact Customers outside of the Quillbridge platform."
    assert "en.exclusivity" in _rules_en(_GENGO, clause)
    inside = "11. You may contact Customers through the messaging tool of the Quillbridge platform."
    assert "en.exclusivity" not in _rules_en(_GENGO, inside)


def test_payment_timed_by_the_customers_payment_cycle_is_back_to_back() -> None:
    head = (
        'INTERPRETER SERVICES AGREEMENT between Lingua Co ("Company") and the interpreter ("Interpreter").\n'
    )
    clause = "3. Interpreter acknowledges that payment timelines may vary depending on client payment cycles."
    assert "en.payment.back_to_back" in _rules_en(head, clause)
    fixed = "3. Company pays each invoice within 30 days of receipt, whatever the client's payment cycle."
    assert "en.payment.back_to_back" not in _rules_en(head, fixed)


def _rules_en(head: str, clause: str) -> set[str]:
    return {f.rule for f in check_text(head + clause, RULES).findings}


def _parties_en(head: str) -> dict[str, list[str]]:
    found = check_text(head + "1. The parties shall act in good faith.", RULES).parties["parties"]
    return {p["role"]: p["labels"] for p in found}


# probe set F, odd (development) items


def test_paid_after_the_live_streaming_platform_settles_is_back_to_back() -> None:
    head = "甲方（经纪方）：某某文化传媒有限公司\n乙方（主播）：与甲方签署独家经纪协议的网络主播\n"
    clause = "7.1 甲方在收到直播平台支付的打赏结算款后，按本协议约定比例向乙方发放分成。"
    assert "zh.payment.back_to_back" in _rules(head, clause)
    monthly = "7.1 甲方每月10日前按本协议约定比例向乙方发放上月分成。"
    assert "zh.payment.back_to_back" not in _rules(head, monthly)


def test_the_court_of_a_signing_place_that_is_the_buyer_s_seat_is_its_home_court() -> None:
    head = "平台运营方：某某云商网络科技有限公司（以下简称“平台”）\n入驻商户：在平台注册并完成入驻的商家（以下简称“商户”）\n"
    clause = "第十六条 本协议的签订地为平台运营方住所地。因本协议产生的任何争议，双方同意提交本协议签订地有管辖权的人民法院诉讼解决。"
    assert "zh.dispute.forum" in _rules(head, clause)
    site = "第十六条 本协议的签订地为项目所在地。因本协议产生的任何争议，双方同意提交本协议签订地有管辖权的人民法院诉讼解决。"
    assert "zh.dispute.forum" not in _rules(head, site)


def test_proceeds_released_on_the_ninetieth_day_are_a_long_payment_term() -> None:
    head = 'SELLER TERMS between Brightmart Ltd ("Brightmart") and the Seller.\n'
    late = (
        "9.1 Sales proceeds for each order shall be released to the Seller's wallet on the ninetieth (90th) day after "
        "the buyer confirms receipt of the goods."
    )
    assert "en.payment.long_term" in _rules_en(head, late)
    prompt = late.replace("ninetieth (90th)", "seventh (7th)")
    assert "en.payment.long_term" not in _rules_en(head, prompt)
