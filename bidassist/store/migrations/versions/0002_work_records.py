"""Our work: our bids, outcomes, contracts and findings, invoices and receipts, the import log.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bidassist.store.migrations.columns import fk, id_column
from bidassist.store.types import Exact, JSONText

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "our_bids",
        id_column(),
        fk("tender_id", "our_bids", "tenders", cascade=True, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("record_key", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("bid_file", sa.String(500)),
        sa.Column("bid_sha256", sa.String(64)),
        sa.Column("inputs", JSONText()),
        sa.Column("price", Exact()),
        sa.Column("p_win", sa.Float()),
        sa.Column("expected_profit", Exact()),
        sa.Column("range_low", Exact()),
        sa.Column("range_high", Exact()),
        sa.Column("cost_mean", Exact()),
        sa.Column("documents", JSONText()),
        sa.UniqueConstraint("record_key", name="uq_our_bids_record_key"),
    )
    op.create_index("ix_our_bids_tender_id", "our_bids", ["tender_id"])
    op.create_table(
        "outcomes",
        id_column(),
        fk("tender_id", "outcomes", "tenders", cascade=True, nullable=False),
        sa.Column("result", sa.String(10), nullable=False),
        fk("winner_id", "outcomes", "competitors"),
        sa.Column("winning_price", Exact()),
        sa.Column("our_price", Exact()),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("tender_id", name="uq_outcomes_tender_id"),
    )
    op.create_table(
        "contracts",
        id_column(),
        fk("customer_id", "contracts", "customers"),
        fk("tender_id", "contracts", "tenders"),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("parties", JSONText()),
        sa.Column("price", Exact()),
        sa.Column("key_terms", JSONText()),
        sa.Column("findings_count", sa.Integer(), nullable=False),
        sa.Column("worst_severity", sa.String(10)),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("sha256", name="uq_contracts_sha256"),
    )
    op.create_index("ix_contracts_customer_id", "contracts", ["customer_id"])
    op.create_index("ix_contracts_tender_id", "contracts", ["tender_id"])
    op.create_table(
        "contract_findings",
        id_column(),
        fk("contract_id", "contract_findings", "contracts", cascade=True, nullable=False),
        sa.Column("rule", sa.String(200), nullable=False),
        sa.Column("category", sa.String(100), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("clause", sa.String(100)),
        sa.Column("location", sa.String(200)),
        sa.Column("message", sa.Text()),
        sa.Column("value", sa.String(100)),
    )
    op.create_index("ix_contract_findings_contract_id", "contract_findings", ["contract_id"])
    op.create_table(
        "invoices",
        id_column(),
        fk("customer_id", "invoices", "customers", nullable=False),
        sa.Column("number", sa.String(100), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date()),
        sa.Column("amount", Exact(), nullable=False),
        sa.Column("currency", sa.String(3)),
        sa.Column("contract_ref", sa.String(200)),
        sa.Column("source", sa.String(500)),
        sa.UniqueConstraint("customer_id", "number", name="uq_invoices_customer_number"),
    )
    op.create_index("ix_invoices_customer_id", "invoices", ["customer_id"])
    op.create_table(
        "receipts",
        id_column(),
        fk("customer_id", "receipts", "customers", nullable=False),
        fk("invoice_id", "receipts", "invoices"),
        sa.Column("reference", sa.String(200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount", Exact(), nullable=False),
        sa.Column("source", sa.String(500)),
        sa.UniqueConstraint("customer_id", "reference", name="uq_receipts_customer_reference"),
    )
    op.create_index("ix_receipts_customer_id", "receipts", ["customer_id"])
    op.create_index("ix_receipts_invoice_id", "receipts", ["invoice_id"])
    op.create_table(
        "import_runs",
        id_column(),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("bad", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "import_runs",
        "receipts",
        "invoices",
        "contract_findings",
        "contracts",
        "outcomes",
        "our_bids",
    ):
        op.drop_table(table)
