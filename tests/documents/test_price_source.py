"""Which price `render` uses: offer.price, a saved result whose inputs match, or a simulation; a
price the analysis marks below break-even or do-not-bid is refused without --accept-risk; an older
result without decision/inputs_hash is treated as unknown, and the notes say so (issue 12 item 6,
issue 11 item 5)."""

from __future__ import annotations

import json

import pytest
from conftest import PRICE

from bidassist.core.errors import InputError
from bidassist.documents import render_documents
from bidassist.documents.price_source import choose_price, current_hash


def result(price="8765432.10", status="bid", inputs_hash=None, decision=True):
    data = {"recommended": {"price": price}}
    if decision:
        data["decision"] = {"status": status, "reason": f"the analysis says {status}"}
    if inputs_hash is not None:
        data["inputs_hash"] = inputs_hash
    return data


def test_simulated_price_and_its_status(bid, costs):
    bid.offer.price = None
    choice = choose_price(bid, costs, candidates=[], simulate=lambda: result())
    assert str(choice.price) == "8765432.10" and choice.status == "bid"
    assert "simulated now" in choice.source


@pytest.mark.slow
@pytest.mark.parametrize("status", ["below_break_even", "do_not_bid"])
def test_risky_price_refused_unless_accepted(bid, costs, status, tmp_path):
    bid.offer.price = None
    with pytest.raises(InputError) as exc:
        choose_price(bid, costs, candidates=[], simulate=lambda: result(status=status))
    assert status in str(exc.value) and "--accept-risk" in str(exc.value)
    choice = choose_price(bid, costs, candidates=[], simulate=lambda: result(status=status), accept_risk=True)
    report = render_documents(bid, costs, choice.price, tmp_path / "out", provenance=choice)
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert index["price_source"]["status"] == status
    assert index["price_source"]["price"] == "8765432.10" == f"{report.price:.2f}"
    assert status in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_older_result_is_unknown_and_not_reused(bid, costs, tmp_path):
    bid.offer.price = None
    old = tmp_path / "price.json"
    old.write_text(json.dumps(result(price="1.00", decision=False)), encoding="utf-8")
    choice = choose_price(bid, costs, candidates=[old], simulate=lambda: result(decision=False))
    assert str(choice.price) == "8765432.10" and choice.status is None
    assert any("no inputs_hash" in n for n in choice.notes)
    assert any("no decision status" in n for n in choice.notes)


def test_offer_price_wins_and_says_status_unknown(bid, costs):
    bid.offer.price = PRICE
    choice = choose_price(bid, costs, candidates=[], simulate=None)
    assert choice.price == PRICE and choice.source.startswith("offer.price")
    assert choice.status is None and any("unknown" in n for n in choice.notes)


def test_matching_saved_result_is_reused(bid, costs, tmp_path):
    want = current_hash(bid, costs)
    if want is None:
        pytest.skip("the pricing engine's inputs_hash is not available on this branch")
    bid.offer.price = None
    saved = tmp_path / "price.json"
    saved.write_text(json.dumps(result(inputs_hash=want)), encoding="utf-8")

    def never():
        raise AssertionError("must not simulate when the saved result matches")

    choice = choose_price(bid, costs, candidates=[saved], simulate=never)
    assert "inputs match, reused" in choice.source and choice.status == "bid"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(result(inputs_hash="0" * 64)), encoding="utf-8")
    choice = choose_price(bid, costs, candidates=[other], simulate=lambda: result(price="1234.00"))
    assert str(choice.price) == "1234.00" and any("other inputs" in n for n in choice.notes)
