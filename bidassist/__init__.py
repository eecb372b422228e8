"""bidassist: bid-and-contract risk assistant for suppliers bidding for key accounts."""

__version__ = "0.1.0"
