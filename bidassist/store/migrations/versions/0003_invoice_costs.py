"""Key accounts: what each invoiced sale cost us (direct cost, cost to serve, penalties and claims),
so that customer value is margin after financing cost and cost to serve, not revenue.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bidassist.store.types import Exact

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = ("cost", "cost_to_serve", "penalties")


def upgrade() -> None:
    with op.batch_alter_table("invoices") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, Exact(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("invoices") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
