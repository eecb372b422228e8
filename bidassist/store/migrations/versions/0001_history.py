"""History: customers, competitors (with aliases), tenders and the bids opened on them.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bidassist.store.types import Exact, JSONText

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def upgrade() -> None:
    op.create_table(
        "customers",
        _id(),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column(
            "parent_id", sa.Integer(), sa.ForeignKey("customers.id", name="fk_customers_parent_id_customers")
        ),
        sa.Column("sector", sa.String(100)),
        sa.Column("region", sa.String(100)),
        sa.Column("ownership", sa.String(50)),
        sa.UniqueConstraint("name", name="uq_customers_name"),
    )
    op.create_index("ix_customers_parent_id", "customers", ["parent_id"])
    op.create_table(
        "customer_aliases",
        _id(),
        sa.Column(
            "customer_id",
            sa.Integer(),
            sa.ForeignKey(
                "customers.id", ondelete="CASCADE", name="fk_customer_aliases_customer_id_customers"
            ),
            nullable=False,
        ),
        sa.Column("alias", sa.String(300), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.UniqueConstraint("key", name="uq_customer_aliases_key"),
    )
    op.create_index("ix_customer_aliases_customer_id", "customer_aliases", ["customer_id"])
    op.create_table(
        "competitors",
        _id(),
        sa.Column("name", sa.String(300), nullable=False),
        sa.UniqueConstraint("name", name="uq_competitors_name"),
    )
    op.create_table(
        "competitor_aliases",
        _id(),
        sa.Column(
            "competitor_id",
            sa.Integer(),
            sa.ForeignKey(
                "competitors.id", ondelete="CASCADE", name="fk_competitor_aliases_competitor_id_competitors"
            ),
            nullable=False,
        ),
        sa.Column("alias", sa.String(300), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.UniqueConstraint("key", name="uq_competitor_aliases_key"),
    )
    op.create_index("ix_competitor_aliases_competitor_id", "competitor_aliases", ["competitor_id"])
    op.create_table(
        "tenders",
        _id(),
        sa.Column("number", sa.String(200), nullable=False),
        sa.Column("lot", sa.String(100), nullable=False),
        sa.Column(
            "customer_id",
            sa.Integer(),
            sa.ForeignKey("customers.id", name="fk_tenders_customer_id_customers"),
        ),
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
        _id(),
        sa.Column(
            "tender_id",
            sa.Integer(),
            sa.ForeignKey("tenders.id", ondelete="CASCADE", name="fk_bids_tender_id_tenders"),
            nullable=False,
        ),
        sa.Column(
            "competitor_id",
            sa.Integer(),
            sa.ForeignKey("competitors.id", name="fk_bids_competitor_id_competitors"),
        ),
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
