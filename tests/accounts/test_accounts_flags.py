"""Each archetype gets exactly its flags, with evidence; tiers are cut on profit after financing."""

from __future__ import annotations

import pytest
from synthetic import archetypes

from bidassist.accounts.assess import assess
from bidassist.accounts.profile import load_profile

EXPECTED = {
    "healthy": set(),
    "oneoff": {"one_off"},
    "volume": {"volume_without_profit"},
    "squeeze": {"squeezer"},
    "leaving": {"defection"},
}


@pytest.fixture(scope="module")
def result():
    return assess(archetypes(), load_profile())


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_archetype_gets_exactly_its_flags(result, key):
    account = result.accounts[key]
    assert {f.name for f in account.flags} == EXPECTED[key], [f.evidence for f in account.flags]
    for flag in account.flags:
        assert flag.evidence and all(isinstance(e, str) and e for e in flag.evidence)


def test_background_customers_raise_no_flags(result):
    flagged = {k for k, a in result.accounts.items() if k.startswith("bg") and a.flags}
    assert not flagged


def test_tiers_follow_profit_not_revenue(result):
    healthy, volume = result.accounts["healthy"], result.accounts["volume"]
    assert volume.value.revenue > healthy.value.revenue  # volume buys the most …
    assert healthy.place.tier == "A" and healthy.place.rank == 1  # … healthy makes the most profit
    assert volume.place.rank > healthy.place.rank
    assert healthy.place.explain().startswith("A: ")


def test_evidence_names_the_numbers(result):
    sq = result.accounts["squeeze"].flag("squeezer")
    text = " ".join(sq.evidence)
    assert "per tender" in text and "days to pay grow" in text and "high-severity" in text
    one = result.accounts["oneoff"].flag("one_off")
    assert one.values["orders"] == 1 and one.values["p_alive"] < 0.35
    assert result.repeat_model.model is not None


def test_financing_cost_counts_slow_payment(result):
    volume, healthy = result.accounts["volume"].value, result.accounts["healthy"].value
    paid = [i for i in volume.payments.invoices if i.open == 0]
    assert paid and all(i.days == 150 for i in paid)
    # invoices still open count up to the analysis date, so DSO is a little under 150
    assert 130 < volume.payments.dso <= 150 and healthy.payments.dso <= 40
    # 150 days at 4.5 % on each paid invoice
    assert all(float(i.financing_cost) == pytest.approx(300000 * 0.045 * 150 / 365, abs=0.01) for i in paid)
    # late: every paid invoice (150 > 60 days) and the open ones already past their due date
    as_of = archetypes().as_of
    late = [i for i in volume.payments.invoices if i.open == 0 or as_of > i.due]
    assert volume.payments.share_late == pytest.approx(len(late) / len(volume.payments.invoices))


def test_every_figure_traces_to_store_rows(result):
    v = result.accounts["squeeze"].value
    assert len(v.ids["orders"]) == v.orders and v.ids["findings"] == ("f1", "f2", "f3")


@pytest.mark.slow
def test_groups_add_up_their_members():
    book = archetypes()
    from dataclasses import replace

    customers = tuple(
        replace(c, group="滨江集团") if c.id in ("healthy", "leaving") else c for c in book.customers
    )
    grouped = replace(book, customers=customers)
    res = assess(grouped, load_profile(), by_group=True)
    g = res.accounts["滨江集团"].value
    single = assess(book, load_profile())
    assert g.revenue == single.accounts["healthy"].value.revenue + single.accounts["leaving"].value.revenue
    assert g.members == ("healthy", "leaving")
