"""Cost simulation, history fit, bad inputs and the Excel report."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import openpyxl
import pytest
from conftest import MILK, make_bid  # noqa: E402
from scipy import stats
from scipy.special import ndtri

from bidassist.core.bidfile import PaymentTerms, load_bid
from bidassist.core.errors import InputError, OutputExistsError, ProblemsError
from bidassist.costs.model import CostLine, CostModel
from bidassist.pricing import price_bid
from bidassist.pricing.breakeven import financing
from bidassist.pricing.competitors import fit_history, load_history
from bidassist.pricing.cost import simulate_costs
from bidassist.pricing.sampling import Marginal
from bidassist.reports.price_xlsx import write_price_xlsx

COMP = {"count": 3, "price": {"dist": "uniform", "low": 100, "high": 140}}


def _lines(k: int, dist: str = "pert", category: str = "材料") -> CostModel:
    return CostModel(
        lines=[
            CostLine(
                code=f"L{i}",
                description=f"line {i}",
                quantity=Decimal(2),
                low=Decimal(90),
                likely=Decimal(100),
                high=Decimal(130),
                distribution=dist,
                category=category,
            )
            for i in range(k)
        ]
    )


def test_pert_and_triangular_marginals_exact():
    z = ndtri((np.arange(20000) + 0.5) / 20000).astype(np.float32)
    pert = Marginal("pert", 90, 100, 130).from_z(z)
    a, b = 1 + 4 * 10 / 40, 1 + 4 * 30 / 40
    assert pert.mean() == pytest.approx((90 + 400 + 130) / 6, abs=0.02)
    for q in (0.05, 0.5, 0.95):
        assert np.quantile(pert, q) == pytest.approx(90 + 40 * stats.beta.ppf(q, a, b), abs=0.02)
    tri = Marginal("triangular", 90, 100, 130).from_z(z)
    assert tri.mean() == pytest.approx(320 / 3, abs=0.02)


def test_correlation_inflates_variance_and_hits_rank_target():
    pricing = make_bid({"competitors": COMP, "correlation": {"within_category": 0.3}}).pricing
    sim = simulate_costs(_lines(10), pricing, 40_000, np.random.SeedSequence(1))
    indep = make_bid({"competitors": COMP, "correlation": {"within_category": 0.0}}).pricing
    sim0 = simulate_costs(_lines(10), indep, 40_000, np.random.SeedSequence(1))
    ratio = sim.total.var() / sim0.total.var()
    assert ratio == pytest.approx(1 + 0.3 * 9, rel=0.08)  # 1 + ρ(k − 1)
    assert sim.total.mean() == pytest.approx(10 * 2 * (90 + 400 + 130) / 6, rel=0.002)
    shares = [it.share(float(sim.total.var())) for it in sim.items]
    assert sum(shares) == pytest.approx(1.0, abs=1e-6)


def test_default_correlation_is_stated():
    pricing = make_bid({"competitors": COMP}).pricing
    sim = simulate_costs(_lines(3), pricing, 1000, np.random.SeedSequence(1))
    assert any("documented default" in n for n in sim.notes)


def test_negative_correlation_repaired_with_warning():
    pricing = make_bid({"competitors": COMP, "correlation": {"within_category": -0.9}}).pricing
    sim = simulate_costs(_lines(5), pricing, 2000, np.random.SeedSequence(1))
    assert any("repaired" in w for w in sim.warnings)


def test_risk_event_mean_and_indirects():
    pricing = make_bid(
        {
            "competitors": COMP,
            "overhead": 0.06,
            "management_fee": 0.02,
            "risks": [
                {"name": "r", "probability": 0.25, "impact": {"dist": "uniform", "low": 100, "high": 300}}
            ],
        }
    ).pricing
    cost = CostModel(
        lines=[
            CostLine(
                description="x",
                quantity=Decimal(1),
                low=Decimal(1000),
                likely=Decimal(1000),
                high=Decimal(1000),
            )
        ]
    )
    sim = simulate_costs(cost, pricing, 100_000, np.random.SeedSequence(3))
    assert sim.total.mean() == pytest.approx((1000 + 0.25 * 200) * 1.08, rel=0.003)


def test_financing_npv_at_signing_closed_form():
    terms = PaymentTerms(
        advance=Decimal("0.3"),
        milestones=[{"share": Decimal("0.7"), "days": 365}],
        annual_rate=Decimal("0.05"),
    )
    f = financing(terms, 0)  # delivery at signing: the advance is cash, the rest a year later
    assert f.receipts_pv == pytest.approx(0.3 + 0.7 / 1.05) and f.spending_pv == 1.0
    f2 = financing(terms, 365)  # a year's work: paid two years after signing, spending spread evenly
    assert f2.receipts_pv == pytest.approx(0.3 + 0.7 / 1.05**2)
    assert f2.spending_pv == pytest.approx((1 - 1 / 1.05) / math.log(1.05))
    spend = PaymentTerms(
        advance=Decimal("0.3"),
        milestones=[{"share": Decimal("0.7"), "days": 0}],
        annual_rate=Decimal("0.05"),
        spending=[{"share": "60%", "day": 0}, {"share": 0.4, "day": 365}],
        bond={"share": 0.1, "annual_fee": 0.01, "months": 12},
    )
    f3 = financing(spend, 365)
    assert f3.spending_pv == pytest.approx(0.6 + 0.4 / 1.05) and f3.bond_share == pytest.approx(0.001)


def test_payment_shares_must_add_up():
    with pytest.raises(ValueError, match="advance 0.8 \\+ retention 0.3 = 1.1"):
        PaymentTerms(advance=Decimal("0.8"), retention={"share": Decimal("0.3"), "months": 12})
    with pytest.raises(ValueError, match="spending shares add up to 0.9"):
        PaymentTerms(spending=[{"share": 0.5, "day": 0}, {"share": 0.4, "day": 10}])
    with pytest.raises(ValueError, match="must add up to 1"):
        PaymentTerms(advance=Decimal("0.3"), milestones=[{"share": Decimal("0.6"), "days": 10}])


def test_bad_inputs(mkbid, fixed100, tmp_path):
    with pytest.raises(InputError):
        price_bid(mkbid({"competitors": COMP}), fixed100, iterations=0)
    yaml = tmp_path / "bid.yaml"
    yaml.write_text(
        "tender: {name: t, number: '1', buyer: b, deadline: 2026-01-01, bid_validity_days: 90}\n"
        "bidder: {company: c, legal_representative: {name: x}, address: a, phone: '1'}\n"
        "pricing:\n  correlation: {within_category: 1.5}\n"
        "  competitors: {count: 3, price: {dist: uniform, low: 100, high: 140}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ProblemsError) as exc:
        load_bid(yaml)
    assert "bid.yaml:4" in str(exc.value) and "within_category" in str(exc.value)


def test_all_competitors_below_cost_warns(mkbid, fixed100):
    bid = mkbid({"competitors": {"count": 2, "price": {"dist": "uniform", "low": 60, "high": 90}}})
    r = price_bid(bid, fixed100, iterations=5000)
    assert not r.policy_satisfied
    assert r.recommended.p_win == 0 and float(r.recommended.price) >= 100
    assert r.decision.status == "do_not_bid" and "P(win) is 0 at every price" in r.decision.reason
    assert r.decision.reason in r.warnings


def test_unsatisfiable_policy_warns(mkbid, fixed100):
    bid = mkbid({"competitors": COMP, "policy": {"min_margin": 0.5}})
    r = price_bid(bid, fixed100, iterations=5000)
    assert not r.policy_satisfied
    assert any("no price satisfies the policy" in w or "certain" in w for w in r.warnings)


def test_negative_margin_clamped_to_cost(mkbid, fixed100):
    r = price_bid(mkbid({"competitors": COMP, "policy": {"min_margin": -0.2}}), fixed100, iterations=5000)
    assert float(r.range.low) >= 100
    assert any("art. 33" in w for w in r.warnings)


def test_history_fit_and_single_tender_bidder(tmp_path, mkbid, fixed100):
    csv = tmp_path / "past.csv"
    rows = ["tender,bidder,price,estimate,winner"]
    rng = np.random.default_rng(0)
    for t in range(12):
        for name, m in (("A", 1.10), ("B", 1.25)):
            rows.append(f"T{t},{name},{100 * m * rng.lognormal(0, 0.03):.2f},100,")
    rows.append("T0,Solo,130,100,")
    csv.write_text("\n".join(rows), encoding="utf-8")
    bid = mkbid(
        {"competitors": {"count": 2, "history": {"file": str(csv)}}, "policy": {"min_win_probability": 0.0}}
    )
    fit = fit_history(load_history(csv), bid.pricing.competitors.history)
    named = {f.name: f for f in fit.named}
    assert named["A"].tenders == 12 and named["A"].mean_ratio == pytest.approx(1.10, abs=0.02)
    assert "Solo" not in named and any("Solo" in w for w in fit.warnings)
    r = price_bid(bid, fixed100, iterations=20_000)
    assert 100 <= float(r.recommended.price) < 125
    assert r.inputs["history_fit"][1]["name"] == "A"


def test_history_needs_data(tmp_path):
    csv = tmp_path / "past.csv"
    csv.write_text("tender,bidder,price\nT1,A,abc\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as exc:
        load_history(csv)
    assert "past.csv:2" in str(exc.value)


@pytest.mark.skipif(not MILK.exists(), reason="bench data not present")
def test_fit_on_real_school_milk_history():
    from bidassist.core.bidfile import History

    fit = fit_history(load_history(MILK), History(file=MILK, reference="median"))
    assert fit.tenders > 1000 and len(fit.named) > 10
    assert all(0.5 < f.mean_ratio < 2 for f in fit.named)
    assert 0.9 < np.exp(fit.unknown.mu) < 1.2


def test_xlsx_report(mkbid, fixed100, tmp_path):
    r = price_bid(mkbid({"competitors": COMP}), _lines(3), iterations=5000)
    out = tmp_path / "report.xlsx"
    write_price_xlsx(r, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Summary", "Curve", "S-curve", "Tornado"]
    assert (
        len(wb["Curve"]._charts) == 2 and len(wb["S-curve"]._charts) == 1 and len(wb["Tornado"]._charts) == 1
    )
    assert wb["Summary"]["B2"].value == float(r.recommended.price) or str(wb["Summary"]["B2"].value)
    with pytest.raises(OutputExistsError):
        write_price_xlsx(r, out)


def test_uncategorised_lines_are_independent():
    # 100 lines without a category: the default 0.3 does not join them (issue 11 item 8)
    pricing = make_bid({"competitors": COMP}).pricing
    sim = simulate_costs(_lines(100, category=None), pricing, 20_000, np.random.SeedSequence(2))
    one = simulate_costs(_lines(1, category=None), pricing, 20_000, np.random.SeedSequence(2))
    assert sim.total.var() == pytest.approx(100 * one.total.var(), rel=0.08)
    assert any("without a category are independent" in n for n in sim.notes)


def test_estimate_reference_without_estimates_suggests_median(tmp_path):
    from bidassist.core.bidfile import History

    csv = tmp_path / "past.csv"
    csv.write_text("tender,bidder,price\nT1,A,100\nT1,B,110\nT2,A,90\nT2,B,95\n", encoding="utf-8")
    with pytest.raises(InputError, match="reference: median"):
        fit_history(load_history(csv), History(file=csv), where=str(csv))
