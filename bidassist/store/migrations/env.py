"""Alembic environment: bidassist runs migrations itself on a connection it passes in
(`config.attributes["connection"]`), so no alembic.ini and no URL in a file."""

from __future__ import annotations

from alembic import context

from bidassist.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection, target_metadata=Base.metadata, render_as_batch=connection.dialect.name == "sqlite"
)
with context.begin_transaction():
    context.run_migrations()
