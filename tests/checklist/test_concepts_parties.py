"""Concepts as data (each concept's examples match its pattern), parties and roles (who is the
supplier in this contract), and the subject test (a buyer's, mutual or unselected clause is not
a supplier trap)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from shipped_packs import RULES  # the shipped packs, loaded once for all checklist tests

from bidassist.checklist import check_text, literals, load_packs
from bidassist.checklist.concepts import PLACEHOLDER
from bidassist.checklist.parties import choose_we, find_parties, parties_from_usage, roles
from bidassist.core.errors import InputError, ProblemsError

VOCAB = RULES.vocabulary
CASES = [
    (c.id, lang, ex)
    for c in VOCAB.concepts.values()
    for lang in ("zh", "en")
    for ex in getattr(c.examples, lang)
]


def test_every_concept_has_examples_in_both_languages():
    for c in VOCAB.concepts.values():
        assert c.examples.zh and c.examples.en, c.id


@pytest.mark.parametrize(("concept", "lang", "example"), CASES)
def test_concept_example_matches(concept, lang, example):
    assert VOCAB.compiled(concept, lang).search(example.lower()), (concept, example)


def test_every_placeholder_in_the_packs_is_a_known_concept():
    for pack in RULES.packs:
        for rule in pack.rules:
            for p in [*rule.any, *rule.all, *rule.none]:
                assert not VOCAB.unknown(p), (rule.id, p)


def test_unknown_concept_is_reported_with_file_and_line(tmp_path: Path):
    pack = tmp_path / "p.yaml"
    pack.write_text(
        textwrap.dedent("""\
        pack: t
        language: zh
        rules:
          - id: zh.t.one
            category: exclusivity
            severity: low
            keywords: [独家]
            any: ['{no_such_concept}独家']
            message: {zh: 独家, en: exclusive}
        """),
        encoding="utf-8",
    )
    with pytest.raises(ProblemsError) as err:
        load_packs([pack])
    assert "p.yaml:8" in str(err.value) and "no_such_concept" in str(err.value)


def test_a_synonym_added_once_reaches_every_rule(tmp_path: Path):
    vocab = tmp_path / "extra.yaml"
    vocab.write_text(
        "concepts:\n  - id: hurry\n    description: x\n    zh: ['赶紧']\n    en: ['hurry']\n"
        "    examples: {zh: [赶紧], en: [hurry]}\n",
        encoding="utf-8",
    )
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: t\nlanguage: zh\nrules:\n  - id: zh.t.one\n    category: exclusivity\n"
        "    severity: low\n    keywords: [独家]\n    any: ['{hurry}独家']\n"
        "    message: {zh: 独家, en: exclusive}\n",
        encoding="utf-8",
    )
    rules = load_packs([tmp_path])
    assert check_text("乙方赶紧独家供货。", rules).findings


def test_placeholder_never_takes_a_quantifier():
    assert not PLACEHOLDER.search("[^。]{0,10}") and PLACEHOLDER.search("{delay}")


# --------------------------------------------------------------------------- parties

MAIN_CONTRACT = "发包人（全称）：滨江市城投公司\n承包人（全称）：某建设集团有限公司\n"
SUBCONTRACT = "承包人：某建设集团有限公司\n分包人：某机电安装有限公司\n"


def _parties(text: str, we: str | None = None):
    return choose_we(find_parties([(text, None)]), we)


def test_main_construction_contract_makes_the_contractor_the_supplier():
    p = _parties(MAIN_CONTRACT)
    assert {tuple(x.labels): x.role for x in p.parties} == {("发包人",): "buyer", ("承包人",): "supplier"}
    assert p.parties[0].name == "滨江市城投公司"


def test_subcontract_makes_the_contractor_the_buyer():
    p = _parties(SUBCONTRACT)
    assert {tuple(x.labels): x.role for x in p.parties} == {("承包人",): "buyer", ("分包人",): "supplier"}


def test_bracketed_role_decides_over_jia_yi():
    p = _parties("甲方（卖方）：某设备公司\n乙方（买方）：某医院\n")
    assert {tuple(x.labels): x.role for x in p.parties} == {
        ("甲方", "卖方"): "supplier",
        ("乙方", "买方"): "buyer",
    }


def test_english_defined_terms():
    p = _parties(
        'This Subcontract is made between Acme Builders Inc. ("Contractor") and '
        'Bolt Electrical LLC (the "Subcontractor").'
    )
    assert {tuple(x.labels): x.role for x in p.parties} == {
        ("contractor",): "buyer",
        ("subcontractor",): "supplier",
    }


def test_a_short_name_before_the_role_word_in_one_bracket():
    """Securities-filing agreements (CUAD, session 53): ("Norvex" or "Customer") gives the party its
    short name and its role; the short name then reads as that party wherever it is used."""
    p = _parties(
        'This Supply Agreement is made between Norvex Inc. ("Norvex" or "Customer") and Tallis '
        'Manufacturing Ltd. ("Tallis", or the "Manufacturer").'
    )
    assert {tuple(x.labels): x.role for x in p.parties} == {
        ("customer", "norvex"): "buyer",
        ("manufacturer", "tallis"): "supplier",
    }
    assert _parties('Acme Corp. ("we" or "Buyer") and Bolt LLC ("Seller").').parties[0].labels == [
        "buyer",
        "we",
    ]


def test_a_short_name_on_its_own_line_names_the_line_before():
    """A public body's sample contract (heldout25 en-2501): each short name in a bracket of its own
    line, the party's name on the line before, two short names joined by a slash; the definition of
    "Subcontractor" as anyone the Contractor employs makes no subcontract of it."""
    lines = [
        "between",
        "SUPERINTENDENT OF PUBLIC INSTRUCTION,",
        "(hereinafter referred to as Superintendent/OSPI)",
        "and",
        ">CONTRACTOR<",
        "(hereinafter referred to as Consultant)",
        '"Subcontractor" shall mean one not in the employment of the Contractor.',
    ]
    found = find_parties([(line, f"line {i}") for i, line in enumerate(lines, 1)])
    assert {tuple(x.labels): x.role for x in found} == {
        ("consultant", "contractor"): "supplier",
        ("superintendent", "ospi"): "buyer",
    }


def test_a_class_definition_and_an_undefined_principal():
    """A contractors' agreement with no parties' clause (heldout25 en-2502): "Customer" is defined as
    a class of others, and "the Principal" the contractor works for is the buyer, though the
    principal's "Client" is named too."""
    text = (
        '"Customer" means any entity that has entered into an agreement with the Principal. '
        + "The Contractor shall perform the Services for the Principal. " * 4
        + "The Contractor will ensure the safety of the Client. "
    )
    parties = {tuple(p.labels): p.role for p in parties_from_usage(text)}
    assert parties == {("principal",): "buyer", ("contractor",): "supplier"}


def test_terms_that_define_you_and_their_writer():
    """A work-for-hire agreement "agreed to by the party accepting below ("You") … and Karya … ("Karya")"
    (heldout25 en-2504): the reader is the supplier, the writer the buyer; a defined "Agreement" is no party."""
    head = [
        ('This Work for Hire Agreement ("Agreement") is agreed to by the party accepting below', "line 3"),
        ('1 ("You"), and Karya, which includes its affiliates.', "line 4"),
        ('2 ("Karya"). If you do not agree, you must not perform work commissioned by Karya.', "line 5"),
        ("4. Fee: Karya will pay You upon satisfactory completion of Your Submission.", "line 7"),
    ]
    assert {tuple(p.labels): p.role for p in find_parties(head)} == {
        ("karya",): "buyer",
        ("you",): "supplier",
    }


def test_a_head_line_naming_both_sides_without_between():
    """Platform rules headed 'X ("Homecraft") and the contractor admitted as a Service Provider
    ("Provider")', and a bracket listing two short names ("Rider", "you") (probe set F)."""
    pair = [
        ("Homecraft Renovation Marketplace - Service Provider Deposit Rules", "line 1"),
        (
            'Homecraft Living Technology Co., Ltd. ("Homecraft") and the contractor admitted as a Service Provider ("Provider")',
            "line 2",
        ),
    ]
    assert {tuple(p.labels): p.role for p in find_parties(pair)} == {
        ("provider",): "supplier",
        ("homecraft",): "buyer",
    }
    listed = [
        (
            'Between Zipdash Delivery Co., Ltd. ("Zipdash") and the Rider who registers ("Rider", "you")',
            "line 1",
        )
    ]
    # the pronoun the bracket gives the rider names it too (session 45)
    assert {tuple(p.labels): p.role for p in find_parties(listed)} == {
        ("rider", "you"): "supplier",
        ("zipdash",): "buyer",
    }


def test_the_readers_own_short_name_joins_you():
    text = 'These terms are between Kestrelink Network Co., Ltd. ("Kestrelink") and you ("Developer").'
    assert {tuple(p.labels): p.role for p in find_parties([(text, "line 1")])} == {
        ("kestrelink",): "buyer",
        ("you", "developer"): "supplier",
    }


def test_a_chinese_short_name_that_heads_compounds_is_not_read_inside_them():
    """公司 as the buyer's short name names it in 与公司合作, not in 其他任何翻译公司 (probe set F-095)."""
    p = _parties("甲方：译联翻译服务有限公司（以下简称“公司”）\n乙方：兼职译员（以下简称“译员”）\n")
    buyer = roles(p, VOCAB)["zh"]["buyer"]
    assert any(re.search(v, "乙方与公司合作期间") for v in buyer if "公司" in v)
    assert not any(re.search(v, "其他任何翻译公司") for v in buyer if "公司" in v and "贵" not in v)


def test_we_by_name_makes_that_party_the_supplier():
    p = _parties("甲方：江南洁净空调工程有限公司\n乙方：某风机厂\n", we="江南洁净空调")
    assert p.we == "supplier"
    assert {tuple(x.labels): x.role for x in p.parties} == {("甲方",): "supplier", ("乙方",): "buyer"}
    mapping = roles(p, VOCAB)
    assert "甲方" in mapping["zh"]["supplier"] and "乙方" not in mapping["zh"]["supplier"]
    # only the contract's own labels change sides: the shared buyer words stay the buyer's
    assert _names(mapping["zh"]["buyer"], "采购人") and not _names(mapping["zh"]["supplier"], "采购人")


def test_we_not_found_is_an_error_or_a_note():
    """A name the user typed that matches no party is refused (session 14); the bid file's bidder
    or a corpus label (not strict) is read as the supplier with a note."""
    with pytest.raises(InputError, match="Nobody Ltd"):
        _parties(SUBCONTRACT, we="Nobody Ltd")
    p = choose_we(find_parties([(SUBCONTRACT, None)]), "Nobody Ltd", strict=False)
    assert p.we == "supplier" and p.notes


def _names(variants: list[str], label: str) -> bool:
    return any(re.fullmatch(v, label) for v in variants)


def test_third_party_never_names_a_party_of_this_contract():
    main = roles(_parties(MAIN_CONTRACT), VOCAB)["zh"]
    sub = roles(_parties(SUBCONTRACT), VOCAB)["zh"]
    assert "发包人" not in main["third_party"] and "发包人" in sub["third_party"]
    # 承包人 is the supplier of a main contract and the buyer of a subcontract (the variant may
    # carry a lookbehind so that it never matches inside 总承包人)
    assert not _names(sub["supplier"], "承包人") and _names(main["supplier"], "承包人")


# --------------------------------------------------------------------------- subject


def _cats(text: str, we: str | None = None) -> set[str]:
    return {f.category for f in check_text(text, RULES, we=we).findings}


def test_buyer_promising_all_losses_is_not_the_supplier_uncapped():
    # not tied to a breach (REVIEW rule 10: 由此造成的一切损失 after a breach is the statutory measure)
    assert "liability.uncapped" in _cats("十、乙方应赔偿甲方的一切损失。")
    assert "liability.uncapped" not in _cats("十、甲方应赔偿乙方的一切损失。")
    assert "liability.uncapped" not in _cats("十、甲方应赔偿乙方由此造成的一切损失。")


def test_mutual_fault_clause_is_not_the_supplier_uncapped():
    assert "liability.uncapped" not in _cats("十、任何一方违约的，违约方应承担由此给对方造成的全部损失。")


def test_unselected_option_is_not_a_trap():
    assert "liability.uncapped" not in _cats("十、□ 乙方承担一切责任和损失。")
    assert "liability.uncapped" in _cats("十、☑ 乙方承担一切责任和损失。")


def test_back_to_back_in_a_main_contract_is_not_the_owner_paying():
    head = "发包人：滨江市城投公司\n承包人：某建设集团有限公司\n"
    clause = "五、发包人收到承包人付款申请后28天内，向承包人支付进度款。\n"
    assert "payment.back_to_back" not in _cats(head + clause)


def test_roles_recompile_once_per_mapping():
    a = RULES.for_roles(roles(_parties(SUBCONTRACT), VOCAB))
    b = RULES.for_roles(roles(_parties(SUBCONTRACT), VOCAB))
    assert a is b and a is not RULES
    kinds = (re.Pattern, literals.LazyPattern)  # a role pattern is compiled on its first search
    assert all(isinstance(r.any, list) and all(isinstance(p, kinds) for p in r.any) for r in a.rules)


# --------------------------------------------------------------------------- document-level rules

DOC_CASES = [(drule.id, ex, True) for _lang, drule in RULES.document for ex in drule.examples.match] + [
    (drule.id, ex, False) for _lang, drule in RULES.document for ex in drule.examples.no_match
]


@pytest.mark.parametrize(("rule_id", "text", "flagged"), DOC_CASES)
def test_document_rule_examples(rule_id, text, flagged):
    got = {f.rule for f in check_text(text, RULES).findings}
    assert (rule_id in got) == flagged, (rule_id, text, got)


def test_a_cap_in_another_article_answers_the_daily_penalty():
    alone = "一、乙方每逾期一日，应按合同总价的千分之一向甲方支付违约金。"
    capped = alone + "\n二、乙方支付的逾期违约金累计不超过合同总价的10%。"
    assert "penalty.uncapped" in _cats(alone)
    assert "penalty.uncapped" not in _cats(capped)


def test_ratio_uses_the_contracts_own_rates():
    """万分之五 against 1 % is flagged (twenty times lower); the same rate on both sides is not."""
    low = "一、乙方逾期交货的，每逾期一日按合同价的1%支付违约金。\n二、甲方逾期付款的，每逾期一日按应付款的万分之五支付违约金。"
    same = "一、乙方逾期交货的，每逾期一日按合同价的1%支付违约金。\n二、甲方逾期付款的，每逾期一日按应付款的1%支付违约金。"
    assert "zh.doc.penalty.asymmetric.ratio" in {f.rule for f in check_text(low, RULES).findings}
    assert "zh.doc.penalty.asymmetric.ratio" not in {f.rule for f in check_text(same, RULES).findings}


def test_bilingual_clause_is_reported_once():
    text = (
        "5.1 乙方承担一切责任和损失。\n5.1 The Supplier shall bear unlimited liability.\n"
        "5.2 本合同一式两份。\n5.2 This contract is made in two copies."
    )
    found = [f for f in check_text(text, RULES).findings if f.category == "liability.uncapped"]
    assert len(found) == 1 and found[0].language == "zh"


def test_section_heading_names_the_party():
    """(5) under 需方的违约责任 binds the buyer although its sentence names no party."""
    text = (
        "十、违约责任\n1、供方的违约责任\n(1)供方逾期交货的，每逾期一日按货款的千分之五偿付违约金。\n"
        "2、需方的违约责任\n(1)未按合同规定日期付款，每延期一天，应偿付供方以延期付款总额千分之五的罚金。"
    )
    found = {(f.category, f.clause) for f in check_text(text, RULES).findings}
    assert any(
        c == "penalty.excessive" and "1、" in (cl or "") and "2、" not in (cl or "") for c, cl in found
    ), found
    assert not any(c == "penalty.excessive" and "2、" in (cl or "") for c, cl in found), found


def test_a_penalty_imposed_on_the_supplier_binds_the_supplier():
    assert "penalty.excessive" in _cats("五、否则甲方将按已收货款服务费差额对乙方处以十倍罚款。")


def test_buyer_organising_acceptance_is_the_buyers_clause():
    assert "acceptance.no_deadline" in _cats("八、乙方安装调试完毕后，由甲方组织验收。")
    assert "acceptance.no_deadline" not in _cats("八、乙方负责对辅料进行验收。")


# --------------------------------------------------------------------------- whose duty (subject.py)


def _party(sentence: str, words: str) -> str | None:
    from bidassist.checklist.engine import normalise
    from bidassist.checklist.subject import binding_party

    norm = normalise(sentence)
    start = norm.index(words)
    return binding_party(norm, start, start + len(words), RULES.role_patterns("zh"), "zh")


@pytest.mark.parametrize(
    ("sentence", "words", "party"),
    [
        ("甲方有权要求乙方赔偿由此造成的一切损失。", "赔偿由此造成的一切损失", "supplier"),
        ("乙方有权要求甲方赔偿由此造成的一切损失。", "赔偿由此造成的一切损失", "buyer"),
        ("守约方有权要求违约方赔偿全部损失。", "赔偿全部损失", "mutual"),
        ("甲方有权要求乙方赔偿由此给甲方造成的一切损失。", "赔偿由此给甲方造成的一切损失", "supplier"),
        ("因甲方原因造成的损失由甲方承担全部责任。", "承担全部责任", "buyer"),
        ("甲方每延迟一天向乙方支付违约金，并承担乙方误工费。", "违约金，并承担乙方误工费", "buyer"),
    ],
)
def test_demanded_party_and_passive_actor_bear_the_duty(sentence: str, words: str, party: str) -> None:
    assert _party(sentence, words) == party


def test_a_bare_condition_before_a_stray_full_stop_governs_the_next_sentence() -> None:
    from bidassist.checklist.subject import condition_start

    text = "乙方同意如因其违反本协议规定的任何条款或甲方发布的规则。甲方有权单方终止服务。"
    a = text.index("甲方有权")
    assert condition_start(text, a) == 0
    plain = "乙方应遵守甲方发布的规则。甲方有权单方终止服务。"
    assert condition_start(plain, plain.index("甲方有权")) == plain.index("甲方有权")
