"""Column helpers shared by the migrations. A migration is history: change these only in a way that
leaves every existing migration's schema as it was (tests/store/test_store_schema.py compares the
migrated schema with the models)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


def id_column() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def fk(column: str, table: str, target: str, *, cascade: bool = False, nullable: bool = True) -> sa.Column:
    """TABLE.COLUMN referencing TARGET.id, its constraint named as the models name it."""
    return sa.Column(
        column,
        sa.Integer(),
        sa.ForeignKey(
            f"{target}.id", ondelete="CASCADE" if cascade else None, name=f"fk_{table}_{column}_{target}"
        ),
        nullable=nullable,
    )


def create_alias_table(owner: str, owner_column: str) -> None:
    """OWNER's aliases (`customer_aliases` for `customers`): other spellings of one name, unique by key."""
    table = f"{owner_column.removesuffix('_id')}_aliases"
    op.create_table(
        table,
        id_column(),
        fk(owner_column, table, owner, cascade=True, nullable=False),
        sa.Column("alias", sa.String(300), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.UniqueConstraint("key", name=f"uq_{table}_key"),
    )
    op.create_index(f"ix_{table}_{owner_column}", table, [owner_column])
