"""The bid file: the bundled example loads; mistakes are reported with their key path and line."""

from pathlib import Path

import pytest

from bidassist.core.bidfile import load_bid
from bidassist.core.errors import BidassistError, ProblemsError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "bidassist" / "examples" / "hospital" / "bid.yaml"

MINIMAL = """\
tender:
  name: 测试项目
  number: T-1
  buyer: 某医院
  deadline: 2026-12-01
  bid_validity_days: 90
bidder:
  company: A & B <Tech>
  legal_representative: {name: 张三}
  address: 杭州
  phone: "0571"
"""


def write(tmp_path: Path, text: str, name: str = "bid.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def messages(tmp_path, text):
    with pytest.raises(BidassistError) as info:
        load_bid(write(tmp_path, text))
    return [str(p) for p in info.value.problems]


def test_example_loads_and_resolves_paths():
    bid = load_bid(EXAMPLE)
    assert bid.tender.bid_validity_days == 90
    assert bid.costs.file == EXAMPLE.parent / "costs.xlsx"
    assert bid.contract.against == EXAMPLE.parent / "tender_terms.docx"
    assert bid.tender.ceiling_price == 11_500_000
    assert bid.pricing.evaluation.method == "weighted_score"


def test_minimal_bid(tmp_path):
    bid = load_bid(write(tmp_path, MINIMAL))
    assert bid.bidder.company == "A & B <Tech>"
    assert bid.pricing is None and bid.offer.price is None


def test_typo_key_is_an_error_with_line(tmp_path):
    msgs = messages(tmp_path, MINIMAL.replace("  address:", "  adress:"))
    assert any("bid.yaml:10: bidder.adress: unknown key" in m for m in msgs)
    assert any("bidder.address: field required" in m for m in msgs)


def test_missing_required_field(tmp_path):
    msgs = messages(tmp_path, MINIMAL.replace("  number: T-1\n", ""))
    assert msgs == [f"{tmp_path / 'bid.yaml'}:1: tender.number: field required"]


def test_wrong_type(tmp_path):
    msgs = messages(tmp_path, MINIMAL.replace("bid_validity_days: 90", "bid_validity_days: ninety"))
    assert len(msgs) == 1 and "bid.yaml:6: tender.bid_validity_days:" in msgs[0]


def test_competitor_count_must_be_positive(tmp_path):
    text = MINIMAL + "pricing:\n  competitors: {count: 0, ratio: {dist: uniform, low: 1, high: 1.2}}\n"
    msgs = messages(tmp_path, text)
    assert msgs == [f"{tmp_path / 'bid.yaml'}:13: pricing.competitors.count: must be ≥ 1"]


def test_all_problems_reported_at_once(tmp_path):
    text = MINIMAL.replace("  number: T-1\n", "").replace('  phone: "0571"\n', "  phon: 1\n")
    with pytest.raises(ProblemsError) as info:
        load_bid(write(tmp_path, text))
    assert len(info.value.problems) == 3


def test_duplicate_key_and_syntax_errors(tmp_path):
    msgs = messages(tmp_path, MINIMAL + "tender:\n  name: again\n")
    assert "duplicate key 'tender'" in msgs[0] and "bid.yaml:12" in msgs[0]
    msgs = messages(tmp_path, MINIMAL + "offer: [unclosed\n")
    assert "YAML syntax" in msgs[0]


def test_amounts_as_finance_writes_them(tmp_path):
    text = MINIMAL.replace(
        "  bid_validity_days: 90\n",
        '  bid_validity_days: 90\n  bid_bond: "¥80,000.00"\n  ceiling_price: 1150万\n',
    )
    bid = load_bid(write(tmp_path, text))
    assert str(bid.tender.bid_bond) == "80000.00"
    assert bid.tender.ceiling_price == 11_500_000
    msgs = messages(tmp_path, text.replace("1150万", "11,50O"))
    assert "tender.ceiling_price" in msgs[0]


def test_missing_file_and_not_a_mapping(tmp_path):
    with pytest.raises(BidassistError, match="not found"):
        load_bid(tmp_path / "nope.yaml")
    with pytest.raises(BidassistError, match="mapping"):
        load_bid(write(tmp_path, "- a\n- b\n"))
    with pytest.raises(BidassistError, match="empty"):
        load_bid(write(tmp_path, "# nothing\n"))
