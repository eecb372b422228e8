"""Schema migrations with Alembic; the migration scripts ship inside the package."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from bidassist.core.resources import package_path
from bidassist.store.connection import Store


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(package_path("store") / "migrations"))
    return cfg


def script_head() -> str:
    """The head revision of the shipped migration scripts."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def upgrade(store: Store, revision: str = "head") -> tuple[str | None, str | None]:
    """Migrate the store to `revision` in one transaction; returns (before, after)."""
    before = store.schema_state().revision
    cfg = _config()
    with store._errors(), store._writer.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return before, store.schema_state().revision
