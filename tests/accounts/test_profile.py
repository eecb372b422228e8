"""The company profile is data: the shipped default loads, and mistakes are reported at their line."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest

from bidassist.accounts.profile import DEFAULT_PROFILE, load_profile
from bidassist.core.errors import InputError, ProblemsError


def test_default_profile_loads():
    p = load_profile()
    assert p.tiers.A < p.tiers.B and p.margin_floor.of("C") > p.margin_floor.of("A")


@pytest.mark.parametrize(
    "old, new, where",
    [
        ("  A: 0.80  ", "  A: 1.5   ", "tiers.A"),
        ("annual_rate: 0.045", "annual_rate: lots", "annual_rate"),
        ("no_bid_flags: [squeezer]", "no_bid_flags: [sqeezer]", "unknown flag"),
        ("  B: 0.95", "  B: 0.50", "must be at least A"),
        ("big_revenue_share: 0.05", "big_revenue_share: 0.05\nbig_revnue_share: 0.1", "unknown key"),
    ],
)
def test_profile_mistakes_name_file_and_line(tmp_path, old, new, where):
    text = DEFAULT_PROFILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "profile.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProblemsError) as err:
        load_profile(path)
    text = " ".join(f"{p.where}: {p.message}" for p in err.value.problems)
    assert where in text
    assert re.search(r"profile\.yaml:\d+", text), text


def test_a_profile_gives_only_what_it_changes(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text("tiers: {A: 0.6}\ndecide:\n  max_dso_days: 120\n", encoding="utf-8")
    p = load_profile(path)
    default = load_profile()
    assert p.tiers.A == D("0.6") and p.tiers.B == default.tiers.B
    assert p.decide.max_dso_days == 120 and p.decide.no_bid_flags == default.decide.no_bid_flags
    assert p.margin_floor == default.margin_floor


def test_partial_profile_mistakes_point_at_the_users_line(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text("annual_rate: 0.05\ntiers: {A: 2}\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as err:
        load_profile(path)
    assert [str(p.where) for p in err.value.problems] == [f"{path}:2: tiers.A"]
    path.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(InputError, match="mapping"):
        load_profile(path)
