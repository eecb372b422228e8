"""The store's schema: created from empty, migrated from the first revision, version-checked, and
the migration scripts agree with the models — on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from bidassist.store import HEAD, open_store
from bidassist.store.admin import table_counts
from bidassist.store.connection import REVISIONS, Store, StoreError, resolve_url
from bidassist.store.migrate import script_head, upgrade
from bidassist.store.models import Base, Bid, Competitor, Tender


def test_shipped_scripts_end_at_the_head_this_code_checks_for():
    assert script_head() == HEAD == REVISIONS[-1]


@pytest.mark.slow
def test_init_from_empty_gives_every_table_empty(db_url):
    with open_store(db_url, create=True) as store:
        assert store.schema_state().revision == HEAD
        counts = table_counts(store)
    assert set(counts) == set(Base.metadata.tables) and not any(counts.values())


def test_migrations_match_the_models(db_url):
    with open_store(db_url, create=True) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_upgrade_from_the_first_revision_keeps_the_data(db_url):
    store = Store(resolve_url(db_url))
    try:
        upgrade(store, "0001")
        assert store.schema_state().revision == "0001"
        with pytest.raises(StoreError, match="db upgrade"):
            store.require_current()
        with store.engine.begin() as conn:  # written with the first revision's tables only
            conn.execute(text("INSERT INTO competitors (id, name) VALUES (1, 'ACME')"))
            conn.execute(text("INSERT INTO tenders (id, number, lot) VALUES (1, 'T-1', '')"))
            conn.execute(
                text(
                    "INSERT INTO bids (id, tender_id, competitor_id, bidder_key, price, valid, awarded) "
                    "VALUES (1, 1, 1, 'acme#1', '1234567.89', true, false)"
                )
            )
        before, after = upgrade(store)
        assert (before, after) == ("0001", HEAD)
        store.require_current()
        with store.reading() as session:
            bid = session.get(Bid, 1)
            assert bid.price == Decimal("1234567.89") and bid.competitor.name == "ACME"
            assert session.get(Tender, 1).number == "T-1"
        assert table_counts(store)["our_bids"] == 0
    finally:
        store.close()


def test_a_newer_schema_is_refused_with_a_clear_message(db_url):
    with open_store(db_url, create=True) as store:
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
        with pytest.raises(StoreError, match="newer than this bidassist"):
            store.require_current()


def test_a_missing_sqlite_store_says_run_db_init(tmp_path):
    with pytest.raises(StoreError, match="db init"):
        open_store(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_sqlite_store_uses_wal_and_a_busy_timeout(tmp_path):
    with open_store(tmp_path / "s.db", create=True) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 30000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_url_resolution(tmp_path, monkeypatch):
    monkeypatch.delenv("BIDASSIST_DB", raising=False)
    assert resolve_url(None, beside=tmp_path).database == str(tmp_path / "bidassist.db")
    monkeypatch.setenv("BIDASSIST_DB", str(tmp_path / "env.db"))
    assert resolve_url(None, beside=tmp_path).database == str(tmp_path / "env.db")
    assert resolve_url("postgresql://u:secret@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(StoreError, match="unsupported"):
        resolve_url("mysql://u@h/db")


def test_money_is_never_float(db_url):
    with open_store(db_url, create=True) as store:
        with pytest.raises(Exception, match="never float"), store.writing() as session:
            t = Tender(number="F", lot="")
            session.add_all(
                [
                    t,
                    Bid(
                        tender=t,
                        competitor=Competitor(name="X"),
                        bidder_key="x#1",
                        price=0.1,
                        valid=True,
                        awarded=False,
                    ),
                ]
            )
            session.flush()
        assert table_counts(store)["bids"] == 0
