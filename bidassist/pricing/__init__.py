"""Bid pricing with no reserve price: Monte Carlo cost, competitors and evaluation methods, a
recommended price with its range (see README, "Pricing")."""

from bidassist.pricing.recommend import price_bid
from bidassist.pricing.result import PriceResult

__all__ = ["PriceResult", "price_bid"]
