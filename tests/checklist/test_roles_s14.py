"""Parties named as real buyers name themselves, `--we` that names nobody, concepts inside
concepts, and rules that follow `--we` instead of naming 甲方/乙方 (issue #9, session 14, helper
chk-roles). Drafting styles not in the corpus: an NHS trust's conditions, a prime contractor's
subcontract, a freight broker's carrier terms, a marketplace's terms written between "we" and
"you", a Chinese consultancy and a platform agreement; each trap beside its harmless twin."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.checklist import check_text, load_packs
from bidassist.checklist.concepts import Concept, Vocabulary
from bidassist.checklist.parties import choose_we, find_parties, with_pronoun_parties
from bidassist.cli.app import main
from bidassist.core.errors import InputError, ProblemsError

RULES = load_packs()


def _cats(text: str, we: str | None = None) -> set[str]:
    return {f.category for f in check_text(text, RULES, we=we, model=False).findings}


def _roles(text: str, we: str | None = None) -> dict[str, str]:
    parties = with_pronoun_parties(find_parties([(text, None)]), text)
    return {lab: p.role for p in choose_we(parties, we).parties for lab in p.labels}


# --------------------------------------------------------------------------- buyers by their own word

TRUST = (
    "CONDITIONS OF CONTRACT\n"
    'This Contract is made between Northshire Hospitals NHS Foundation Trust (the "Trust") and '
    'Medline Clinical Supplies Ltd (the "Supplier").\n'
)


def test_a_public_body_defined_by_its_own_word_is_the_buyer():
    for body in ("Trust", "University", "Board", "Commission", "Ministry"):
        head = TRUST.replace('"Trust"', f'"{body}"')
        assert _roles(head)[body.lower()] == "buyer", body
    trap = TRUST + "12. The Trust may terminate the Contract at any time for its convenience.\n"
    twin = TRUST + "12. The Supplier may terminate the Contract at any time for its convenience.\n"
    assert "termination.convenience" in _cats(trap)
    assert "termination.convenience" not in _cats(twin)


SUBCONTRACT = (
    "SUBCONTRACT AGREEMENT\n"
    'Between Harbour Build Inc. (the "Prime Contractor") and Delta Electrical LLC (the "Subcontractor").\n'
)


def test_the_prime_contractor_is_the_buyer_and_not_our_contractor_word():
    roles = _roles(SUBCONTRACT)
    assert roles["prime contractor"] == "buyer" and roles["subcontractor"] == "supplier"
    trap = SUBCONTRACT + (
        "7. Prime Contractor may set off against any sums due to Subcontractor any amount Subcontractor "
        "owes Prime Contractor under this or any other agreement.\n"
    )
    twin = SUBCONTRACT + (
        "7. Subcontractor may set off against any sums due to Prime Contractor any amount Prime "
        "Contractor owes Subcontractor under this or any other agreement.\n"
    )
    assert "payment.set_off" in _cats(trap)
    assert "payment.set_off" not in _cats(twin)


CARRIER_TERMS = "BROKER-CARRIER AGREEMENT\nBROKER: Eastline Logistics LLC\nCARRIER: Red Mesa Trucking Inc.\n"


def test_a_broker_buys_carriage_from_the_carrier():
    assert _roles(CARRIER_TERMS) == {"broker": "buyer", "carrier": "supplier"}
    trap = CARRIER_TERMS + (
        "9. BROKER may deduct from any amounts due to CARRIER any claim BROKER has against CARRIER.\n"
    )
    twin = CARRIER_TERMS + (
        "9. CARRIER may deduct from any amounts due to BROKER any claim CARRIER has against BROKER.\n"
    )
    assert "payment.set_off" in _cats(trap)
    assert "payment.set_off" not in _cats(twin)


# --------------------------------------------------------------------------- terms between "we" and "you"

MARKET = (
    "SELLER TERMS\n"
    "1. These terms are between Northwind Market Ltd (we, us, our) and you, the business selling "
    "through our marketplace. You agree that we may update our policies. Your listings must be "
    "accurate. We pay you monthly. Our fees are listed on our site. You must ship your orders.\n"
)


def test_we_wrote_the_terms_and_you_are_the_seller():
    roles = _roles(MARKET)
    assert roles["you"] == "supplier" and roles["we"] == "buyer" and roles["our"] == "buyer"
    trap = MARKET + "2. We may terminate these terms at any time without cause.\n"
    twin = MARKET + "2. You may terminate these terms at any time without cause.\n"
    assert "termination.convenience" in _cats(trap)
    assert "termination.convenience" not in _cats(twin)


def test_a_bracket_ties_you_to_the_customer_side():
    saas = (
        'These terms are between Cloudhub Inc. ("we", "us") and the Customer ("you" or "your"). '
        "You pay our fees. We host your data. Your users. Our service. We may. You may. Our. Your. We.\n"
    )
    roles = _roles(saas)
    assert roles["you"] == "buyer" and roles["we"] == "supplier"
    # --we naming the platform by its pronoun makes it the supplier whatever the default
    assert _roles(MARKET, "Northwind Market Ltd (we/us)")["we"] == "supplier"


def test_a_few_pronouns_make_no_party():
    text = TRUST + "3. We note that you may ask the Trust for a copy.\n"
    assert "we" not in _roles(text) and "you" not in _roles(text)


# --------------------------------------------------------------------------- Chinese role words


def test_chinese_consultancy_and_platform_roles():
    consult = "咨询服务合同\n委托人：某市交通投资集团有限公司\n咨询人：某工程咨询有限公司\n"
    assert _roles(consult) == {"委托人": "buyer", "咨询人": "supplier"}
    assert "termination.convenience" in _cats(consult + "八、委托人有权随时解除本合同，无需承担任何责任。\n")
    assert "termination.convenience" not in _cats(
        consult + "八、咨询人有权随时解除本合同，无需承担任何责任。\n"
    )
    platform = "平台入驻协议\n平台方：某网络科技有限公司\n商户：某食品有限公司\n"
    assert _roles(platform) == {"平台方": "buyer", "商户": "supplier"}


def test_the_name_stops_before_the_preamble():
    """The demo contract's party line, glued to the recital by a converted file."""
    line = "乙方（供应商）：江南洁净空调工程有限公司根据《中华人民共和国民法典》及招标文件，双方协商一致，订立本合同。"
    (party,) = find_parties([(line, None)])
    assert party.name == "江南洁净空调工程有限公司"
    (party,) = find_parties([("甲方：某市人民医院依据《政府采购法》签订本合同。", None)])
    assert party.name == "某市人民医院"


# --------------------------------------------------------------------------- --we that names no party

HEAD_ZH = "采购合同\n甲方（采购人）：滨江市第一人民医院\n乙方（供应商）：江南洁净空调工程有限公司\n一、甲方有权随时解除本合同。\n"


def test_we_naming_no_party_is_an_error_naming_the_parties():
    with pytest.raises(InputError) as err:
        check_text(HEAD_ZH, RULES, we="UNKNOWN", model=False)
    message = str(err.value)
    assert err.value.where == "--we"
    assert "不是本合同的当事人" in message and "is not a party of this contract" in message
    assert "滨江市第一人民医院" in message and "江南洁净空调工程有限公司" in message
    # a supplier's role word the contract does not define is read as the supplier, as before
    assert "termination.convenience" in _cats(HEAD_ZH, we="供方")
    # not strict (the bid file's bidder): a note, and the default reading
    result = check_text(HEAD_ZH, RULES, we="UNKNOWN", model=False, we_strict=False)
    assert any("UNKNOWN" in n for n in result.notes)
    assert "termination.convenience" in {f.category for f in result.findings}


def test_the_cli_refuses_we_naming_no_party(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    contract = tmp_path / "c.txt"
    contract.write_text(HEAD_ZH, encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        main(["check", str(contract), "--we", "UNKNOWN", "--no-model"])
    err = capsys.readouterr().err
    assert refused.value.code == 2 and "Traceback" not in err
    assert "--we" in err and "不是本合同的当事人" in err and "滨江市第一人民医院" in err
    with pytest.raises(SystemExit) as named:
        main(["check", str(contract), "--we", "江南洁净空调工程有限公司", "--no-model"])
    assert named.value.code in (0, 1)


# --------------------------------------------------------------------------- concepts inside concepts


def _vocab(**concepts: list[str]) -> Vocabulary:
    vocab = Vocabulary()
    for cid, variants in concepts.items():
        vocab.concepts[cid] = Concept(id=cid, description=cid, zh=variants, en=variants)
        vocab.where[cid] = f"c.yaml:{len(vocab.where) + 1}"
    return vocab


def test_a_concept_names_another():
    vocab = _vocab(late=["late", "overdue"], late_pay=["{late}\\s+payment"], charge=["fee for {late_pay}"])
    assert vocab.compiled("charge", "en").search("a fee for overdue payment")
    assert not vocab.compiled("charge", "en").search("a fee for payment")
    assert vocab.nesting_problems() == []


def test_a_concept_cycle_and_an_unknown_name_are_refused_with_file_and_line(tmp_path: Path):
    (tmp_path / "extra.yaml").write_text(
        "concepts:\n"
        "  - id: ring_a\n    description: a\n    zh: ['甲{ring_b}']\n    en: ['a {ring_b}']\n"
        "  - id: ring_b\n    description: b\n    zh: ['乙{ring_a}']\n    en: ['b {ring_a}']\n"
        "  - id: dangling\n    description: c\n    zh: ['{nowhere}']\n    en: ['x']\n"
        "  - id: leaning\n    description: d\n    zh: ['丁{ring_a}']\n    en: ['d']\n",
        encoding="utf-8",
    )
    with pytest.raises(ProblemsError) as err:
        load_packs([tmp_path])
    text = str(err.value)
    assert "extra.yaml:4" in text and "'ring_a' (zh): names itself: {ring_a} → {ring_b} → {ring_a}" in text
    assert "'dangling' (zh): names an unknown concept {nowhere}" in text and "extra.yaml:12" in text
    assert "'leaning' (zh): names {ring_a}, which is refused" in text


def test_the_shipped_vocabulary_nests_without_problems():
    assert RULES.vocabulary.nesting_problems() == []
    # own_breach names {supplier}: the whole concept compiles to one pattern
    assert RULES.vocabulary.compiled("own_breach", "zh").search("因乙方原因造成延误")


# --------------------------------------------------------------------------- property: converted rules follow --we

#: clauses of rules that named 甲方/乙方 literally until this session, and the shared-word clauses
CLAUSES = [
    "付款时间以甲方内部审批流程为准。",
    "付款比例及进度以甲方资金安排为准。",
    "验收时间由甲方另行通知。",
    "乙方向其他任何客户提供的价格不得优于给予甲方的价格。",
    "本合同履行中产生的一切知识产权均归甲方所有，但乙方原有的知识产权仍归乙方。",
    "甲方有权从货款中扣除经乙方书面确认的违约金。",
    "甲方可以商业承兑汇票支付货款，但须经乙方书面同意。",
    "甲方有权随时解除本合同，无需承担任何责任。",
    "乙方每逾期一日，按合同总价的千分之五向甲方支付违约金。",
]
_SWAP = str.maketrans({"甲": "乙", "乙": "甲"})


def _document(picked: list[int]) -> str:
    head = "甲方：某甲公司\n乙方：某乙公司\n"
    return head + "".join(f"{n}、{CLAUSES[i]}\n" for n, i in zip("一二三四五六", picked, strict=False))


def _found(text: str, we: str) -> set[tuple[str, str | None]]:
    return {(f.category, f.clause) for f in check_text(text, RULES, we=we, model=False).findings}


def test_the_converted_rules_fire_as_before_on_the_plain_reading():
    found = {i: _found(_document([i]), "乙方") for i in range(7)}
    assert {c for c, _ in found[0]} >= {"payment.no_deadline"}
    assert {c for c, _ in found[1]} >= {"payment.schedule_changed"}
    assert {c for c, _ in found[2]} >= {"acceptance.no_deadline"}
    assert {c for c, _ in found[3]} >= {"price.most_favored"}
    assert not any(c == "ip.assignment" for c, _ in found[4])  # background IP kept: no trap
    assert not any(c == "payment.bill" for c, _ in found[6])  # the supplier must agree: no trap


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(0, len(CLAUSES) - 1), min_size=1, max_size=4, unique=True))
def test_swapping_the_labels_and_we_keeps_the_converted_rules(picked):
    """甲方 and 乙方 exchanged everywhere and `--we` following: the same findings."""
    text = _document(picked)
    swapped = (
        text.translate(_SWAP)
        .replace("某乙公司", "某X")
        .replace("某甲公司", "某乙公司")
        .replace("某X", "某甲公司")
    )
    assert _found(text, "乙方") == _found(swapped, "甲方")


def test_a_subcontract_names_the_subcontractor_by_the_contractor_word():
    """专业分包合同: 发包方（总包单位） buys, 承包方（分包单位） supplies; the contractor word does
    not flip to the buyer's side when the same party is called the subcontractor."""
    head = "专业分包合同\n发包方（总包单位）：某建工集团有限公司\n承包方（分包单位）：某机电安装有限公司\n"
    assert _roles(head) == {
        "发包方": "buyer",
        "总包单位": "buyer",
        "承包方": "supplier",
        "分包单位": "supplier",
    }
    assert "termination.convenience" in _cats(head + "一、发包方有权随时解除本合同。\n")
    assert "termination.convenience" not in _cats(head + "一、承包方有权随时解除本合同。\n")
    # a plain subcontract keeps the flip: 承包人 above 分包人
    assert _roles("承包人：某建工集团有限公司\n分包人：某机电安装有限公司\n") == {
        "承包人": "buyer",
        "分包人": "supplier",
    }


# --------------------------------------------------------------------------- one rate, two anchors

ZH_PARTIES = "甲方：某商贸有限公司\n乙方：某食品有限公司\n"


def _asymmetric(text: str, we: str | None = None) -> list[str | None]:
    found = check_text(ZH_PARTIES + text, RULES, we=we, model=False).findings
    return [f.clause for f in found if f.category == "penalty.asymmetric"]


def test_one_rate_both_anchors_reach_is_the_rate_of_the_party_it_binds():
    """zh-008: the supplier's daily charge, which the late-payment anchor also reaches (交付款项),
    is the supplier's penalty - the buyer's rate is missing; the buyer's own late-payment rate
    read by both anchors is no asymmetry; nor is the supplier's charge for paying the platform late."""
    assert _asymmetric("一、乙方每逾期一天应向甲方缴纳未交付款项的3‰的滞纳金。\n") == ["一、"]
    assert _asymmetric("一、甲方未能按时履行付款义务，每逾期一日应支付合同总货款的0.5%违约金给乙方。\n") == []
    assert _asymmetric("一、乙方应自逾期之日起向甲方支付未付款项每日千分之五的违约金。\n") == []
    # the twin: a buyer's rate at a tenth of the supplier's, in two clauses, is flagged on the buyer's
    two = (
        "一、乙方每逾期一天应向甲方缴纳未交付款项的3‰的滞纳金。\n"
        "二、甲方逾期付款的，每逾期一日按应付款的万分之三支付违约金。\n"
    )
    assert _asymmetric(two) == ["二、"]
