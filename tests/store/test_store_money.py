"""Money goes into the store and comes back with the same digits, on both backends."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bidassist.store import open_store
from bidassist.store.models import Bid, Tender

amounts = st.decimals(
    min_value=Decimal("0.0001"),
    max_value=Decimal("999999999999.9999"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)


@pytest.mark.slow
def test_amounts_round_trip_exactly(db_url):
    with open_store(db_url, create=True) as store:
        counter = iter(range(10**6))

        @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
        @given(price=amounts, quantity=st.decimals(min_value=0, max_value=10**9, places=3))
        def check(price: Decimal, quantity: Decimal) -> None:
            n = next(counter)
            with store.writing() as session:
                session.add(
                    Bid(
                        tender=Tender(number=f"M{n}", lot=""),
                        bidder_key=f"#{n}",
                        price=price,
                        quantity=quantity,
                        valid=True,
                        awarded=False,
                    )
                )
            with store.reading() as session:
                bid = session.scalars(select(Bid).join(Tender).where(Tender.number == f"M{n}")).one()
                assert bid.price == price and str(bid.price) == format(price, "f")
                assert bid.quantity == quantity and str(bid.quantity) == format(quantity, "f")

        check()
