"""A rule's legal scope against who signs the contract (checklist/scope.py): the SME payment rules
bind a public body or a large enterprise paying an SME; elsewhere the clause is a commercial risk."""

from pathlib import Path

import pytest

from bidassist.checklist import check_contract, load_packs
from bidassist.checklist.scope import ContractContext, scope_mismatch

CONTRACT = """第一条 付款
甲方在收到业主支付的工程款后支付乙方货款。
第二条 其他
本合同一式两份。
"""


@pytest.fixture(scope="module")
def packs():
    return load_packs()


@pytest.fixture(scope="module")
def contract(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scope") / "contract.txt"
    path.write_text(CONTRACT, encoding="utf-8")
    return path


def _back_to_back(path, packs, ctx):
    result = check_contract(path, packs, context=ctx)
    return [f for f in result.findings if f.category == "payment.back_to_back"]


def test_sme_rule_binds_a_public_payer_paying_an_sme(contract, packs):
    (f,) = _back_to_back(contract, packs, ContractContext("government", True, False))
    assert f.severity == "high" and "商业风险" not in f.message["zh"]


@pytest.mark.parametrize(
    ("ctx", "why"),
    [
        (ContractContext("private", True, None), "payer is private"),
        (ContractContext("large", False, None), "not an SME"),
    ],
)
def test_sme_rule_is_a_commercial_risk_elsewhere(contract, packs, ctx, why):
    (f,) = _back_to_back(contract, packs, ctx)
    assert f.severity == "medium"
    assert why in f.message["en"] and "commercial risk" in f.message["en"]
    assert "按商业风险谈判" in f.message["zh"]


def test_unknown_facts_never_downgrade(contract, packs):
    (plain,) = _back_to_back(contract, packs, None)
    (unknown,) = _back_to_back(contract, packs, ContractContext())
    assert plain.severity == unknown.severity == "high"


def test_scope_reading():
    public_sme = ContractContext("government", True, True)
    assert scope_mismatch(["G", "L", "SME"], public_sme) is None
    assert scope_mismatch(["G", "L", "SME"], ContractContext("soe", True, None)) is None  # an SOE is large
    assert scope_mismatch(["G"], ContractContext("large", None, None)) is not None
    assert scope_mismatch(["C"], ContractContext(construction=False)) == "not a construction contract"
    assert (
        scope_mismatch(["T", "G"], ContractContext("private", False, False)) is None
    )  # every bid is tendered
    assert scope_mismatch([], ContractContext("private", False, False)) is None


def test_tender_terms_file_is_the_comparison_when_contract_against_is_not_given(packs):
    from bidassist.checklist import check_bid_contract
    from bidassist.core.bidfile import load_bid
    from bidassist.workflow import default_example

    bid = load_bid(default_example())
    assert bid.contract is not None and bid.tender.terms_file is not None
    without_against = bid.model_copy(update={"contract": bid.contract.model_copy(update={"against": None})})
    result = check_bid_contract(without_against, packs)
    assert result.against == bid.tender.terms_file.name
