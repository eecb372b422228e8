"""History: customers, competitors (with aliases), tenders and the bids opened on them.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bidassist.store.migrations.columns import create_alias_table, fk, id_column
from bidassist.store.types import Exact, JSONText

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customers",
        id_column(),
        sa.Column("name", sa.String(300), nullable=False),
        fk("parent_id", "customers", "customers"),
        sa.Column("sector", sa.String(100)),
        sa.Column("region", sa.String(100)),
        sa.Column("ownership", sa.String(50)),
        sa.UniqueConstraint("name", name="uq_customers_name"),
    )
    op.create_index("ix_customers_parent_id", "customers", ["parent_id"])
    create_alias_table("customers", "customer_id")
    op.create_table(
        "competitors",
        id_column(),
        sa.Column("name", sa.String(300), nullable=False),
        sa.UniqueConstraint("name", name="uq_competitors_name"),
    )
    create_alias_table("competitors", "competitor_id")
    op.create_table(
        "tenders",
        id_column(),
        sa.Column("number", sa.String(200), nullable=False),
        sa.Column("lot", sa.String(100), nullable=False),
        fk("customer_id", "tenders", "customers"),
        sa.Column("name", sa.String(500)),
        sa.Column("date", sa.Date()),
        sa.Column("year", sa.Integer()),
        sa.Column("method", sa.String(50)),
        sa.Column("method_params", JSONText()),
        sa.Column("ceiling", Exact()),
        sa.Column("estimate", Exact()),
        sa.Column("currency", sa.String(3)),
        sa.Column("category", sa.String(200)),
        sa.Column("source", sa.String(500)),
        sa.UniqueConstraint("number", "lot", name="uq_tenders_number_lot"),
    )
    op.create_index("ix_tenders_customer_id", "tenders", ["customer_id"])
    op.create_table(
        "bids",
        id_column(),
        fk("tender_id", "bids", "tenders", cascade=True, nullable=False),
        fk("competitor_id", "bids", "competitors"),
        sa.Column("bidder_key", sa.String(320), nullable=False),
        sa.Column("price", Exact(), nullable=False),
        sa.Column("quantity", Exact()),
        sa.Column("technical_score", Exact()),
        sa.Column("other_score", Exact()),
        sa.Column("valid", sa.Boolean(), nullable=False),
        sa.Column("rejection_reason", sa.String(500)),
        sa.Column("rank", sa.Integer()),
        sa.Column("awarded", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(500)),
        sa.UniqueConstraint("tender_id", "bidder_key", name="uq_bids_tender_bidder"),
    )
    op.create_index("ix_bids_tender_id", "bids", ["tender_id"])
    op.create_index("ix_bids_competitor_id", "bids", ["competitor_id"])


def downgrade() -> None:
    for table in ("bids", "tenders", "competitor_aliases", "competitors", "customer_aliases", "customers"):
        op.drop_table(table)
