"""Numbers and YAML in bid files (issue 18 items 4 and 6): every number finite and within its
documented bound (named in the message, with file, line and key path); alias bombs and deep
nesting refused; impossible dates reported at their key."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from bidassist.core.bidfile import load_bid
from bidassist.core.errors import BidassistError
from bidassist.core.yamlfile import MAX_DEPTH, parse_yaml

EXAMPLE = Path(__file__).resolve().parents[2] / "bidassist" / "examples" / "hospital" / "bid.yaml"
BASE = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))

CASES = [
    (("pricing", "iterations"), 10**12, "10000000"),
    (("pricing", "iterations"), 0, "greater than or equal to 1"),
    (("pricing", "seed"), -1, "greater than or equal to 0"),
    (("pricing", "overhead"), 1e300, "10^15"),
    (("pricing", "overhead"), 2, "[-1, 1]"),
    (("pricing", "overhead"), float("nan"), "finite"),
    (("pricing", "management_fee"), float("inf"), "finite"),
    (("offer", "price"), "1" * 29, "10^15"),
    (("tender", "bid_bond"), "1" * 31, "10^15"),
    (("tender", "ceiling_price"), float("-inf"), "finite"),
    (("pricing", "competitors", "ratio", "high"), float("inf"), "finite"),
    (("pricing", "competitors", "ratio", "low"), 1e300, "1000000000000000"),
    (("pricing", "competitors", "common_factor"), float("nan"), "finite"),
    (("pricing", "risks", 0, "probability"), float("nan"), "finite"),
    (("pricing", "risks", 0, "impact", "high"), 1e300, "1000000000000000"),
    (("pricing", "competitors", "count"), 10**9, "200"),
    (("pricing", "policy", "min_win_probability"), float("nan"), "finite"),
    (("tender", "bid_validity_days"), 10**12, "36500"),
    (("offer", "warranty_months"), 10**9, "1200"),
]


def _set(data: dict, path: tuple, value: object) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


@pytest.mark.parametrize("path,value,bound", CASES, ids=lambda x: str(x)[:30])
def test_out_of_bound_numbers_name_the_bound_and_the_key(path, value, bound, tmp_path):
    data = copy.deepcopy(BASE)
    _set(data, path, value)
    f = tmp_path / "bid.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(BidassistError) as info:
        load_bid(f)
    text = str(info.value)
    dotted = ".".join(f"[{p}]" if isinstance(p, int) else p for p in path).replace(".[", "[")
    assert "bid.yaml:" in text and dotted in text and bound in text, text


def test_impossible_date_is_reported_at_its_key(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    data = copy.deepcopy(BASE)
    data["tender"]["deadline"] = "DEADLINE"
    f = tmp_path / "bid.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True).replace("DEADLINE", "2026-02-30"), encoding="utf-8")
    with pytest.raises(BidassistError) as info:
        load_bid(f)
    assert "tender.deadline" in str(info.value) and "day value is outside" in str(info.value)
    assert text  # the example itself is untouched


def _laughs(levels: int, width: int) -> str:
    lines = ["l0: &l0 [" + ",".join(["lol"] * width) + "]"]
    lines += [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "text,words",
    [
        (_laughs(9, 10), "alias bomb"),
        (_laughs(3, 60), "aliases"),
        ("a: " + "[" * 900 + "]" * 900, f"{MAX_DEPTH} levels"),
        ("a: " + "{b: " * 300 + "1" + "}" * 300, f"{MAX_DEPTH} levels"),
        ("".join("  " * i + f"k{i}:\n" for i in range(120)) + "  " * 120 + "v: 1\n", f"{MAX_DEPTH} levels"),
    ],
)
@pytest.mark.slow
def test_alias_bombs_and_deep_nesting_are_refused(text, words):
    with pytest.raises(BidassistError) as info:
        parse_yaml(text, "bid.yaml")
    assert words in str(info.value) and "bid.yaml:" in str(info.value)


def test_huge_integer_literal_stays_text_for_the_model():
    doc = parse_yaml("n: " + "1" * 30000 + "\n", "bid.yaml")
    assert isinstance(doc.data["n"], str)
