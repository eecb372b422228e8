"""The bid-history and customer store: SQLite by default, PostgreSQL for a team.

What it holds (models.py): customers with aliases and groups, competitors with aliases, tenders
and their bids, our recorded bids and outcomes, contracts with their findings, invoices and
receipts. How it is filled: `history import` (history_import.py), `ledger import` (ledger.py),
`price/render/check --record` and `history result` (record.py). How it is read back:
queries.py, and `competitors.history.db` in the pricing engine (history_source.py).
"""

from bidassist.store.connection import HEAD, Store, StoreError, open_store, resolve_url

__all__ = ["HEAD", "Store", "StoreError", "open_store", "resolve_url"]
