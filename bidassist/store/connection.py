"""Where the store is, opening it, and its schema version.

The store is a SQLite file by default (`bidassist.db` beside the bid files, or `--db PATH`, or the
`BIDASSIST_DB` environment variable) or, for a team, a PostgreSQL URL (`postgresql://user@host/db`).
The same code runs on both. Writers are serialised: SQLite takes its write lock at the start of a
write transaction (`BEGIN IMMEDIATE`, WAL journal, 60 s busy timeout); PostgreSQL takes a
transaction-scoped advisory lock. A second process therefore waits instead of failing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session

from bidassist.core.errors import InputError

ENV_VAR = "BIDASSIST_DB"
DEFAULT_NAME = "bidassist.db"
#: schema revisions this bidassist knows, oldest first; the last is the head
REVISIONS = ("0001", "0002", "0003")
HEAD = REVISIONS[-1]
BUSY_TIMEOUT_S = 60
_ADVISORY_LOCK = 0x62696461  # "bida": serialises bidassist writers on one PostgreSQL database


class StoreError(InputError):
    """The store cannot be used as asked (missing, wrong schema version, busy, unreachable)."""


def resolve_url(db: str | os.PathLike[str] | None = None, *, beside: Path | None = None) -> URL:
    """The store's URL: `db` (a path or a URL), else $BIDASSIST_DB, else bidassist.db in `beside`
    (the bid file's folder) or the current folder."""
    value = str(db) if db is not None else os.environ.get(ENV_VAR) or None
    if value is None:
        base = Path(beside) if beside is not None else Path.cwd()
        return URL.create("sqlite", database=str((base / DEFAULT_NAME).resolve()))
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+]*://", value):
        try:
            url = make_url(value)
        except ArgumentError as exc:
            raise StoreError(f"not a database URL ({exc})", "--db") from None
        if url.get_backend_name() in ("postgresql", "postgres"):
            return url.set(drivername="postgresql+psycopg")
        if url.get_backend_name() == "sqlite":
            return url
        raise StoreError(
            f"unsupported database {url.get_backend_name()!r}: use a SQLite file or a postgresql:// URL",
            "--db",
        )
    return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))


def shown(url: URL) -> str:
    """The URL as printed: the password hidden; a SQLite store as its file path."""
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://")


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI connection
        dbapi_conn.isolation_level = None  # transactions are begun below, not by the driver
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001
        write = conn.get_execution_options().get("bidassist_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _postgres_engine(url: URL) -> Engine:
    engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001
        if conn.get_execution_options().get("bidassist_write", False):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_ADVISORY_LOCK})")

    return engine


@dataclass
class SchemaState:
    revision: str | None
    has_tables: bool


class Store:
    """An open store: sessions for reading and (serialised) writing."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.backend = url.get_backend_name()
        self.engine = _sqlite_engine(url) if self.backend == "sqlite" else _postgres_engine(url)
        self._writer = self.engine.execution_options(bidassist_write=True)

    @property
    def where(self) -> str:
        return shown(self.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- sessions

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._errors(), Session(self.engine) as session, session.begin():
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction that holds the write lock: all of it is kept, or none of it."""
        with self._errors(), Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:
            raise self._operational(exc) from None
        except DBAPIError as exc:
            if exc.connection_invalidated:
                raise StoreError(
                    f"lost the connection to the store ({_first_line(exc)})", self.where
                ) from None
            raise

    def _operational(self, exc: OperationalError) -> StoreError:
        message = _first_line(exc)
        if "locked" in message or "busy" in message:
            return StoreError(
                f"the store stayed busy for {BUSY_TIMEOUT_S} s (another bidassist is writing "
                "to it); try again / 数据库繁忙，请稍后重试",
                self.where,
            )
        if self.backend == "sqlite":
            return StoreError(f"cannot open the SQLite store ({message})", self.where)
        return StoreError(f"cannot reach the PostgreSQL store ({message})", self.where)

    # ----------------------------------------------------------------- schema

    def schema_state(self) -> SchemaState:
        with self._errors(), self.engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            revision = None
            if "alembic_version" in names:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            conn.rollback()
        return SchemaState(revision, bool(names - {"alembic_version"}))

    def require_current(self) -> None:
        """Raise a clear StoreError unless the schema is at this bidassist's head revision."""
        state = self.schema_state()
        if state.revision == HEAD:
            return
        if state.revision is None:
            what = "has tables but no bidassist schema version" if state.has_tables else "is not initialised"
            raise StoreError(f"the store {what}; run `bidassist db init` / 数据库未初始化", self.where)
        if state.revision in REVISIONS:
            raise StoreError(
                f"the store's schema is at revision {state.revision}, this bidassist needs {HEAD}; "
                "run `bidassist db upgrade` / 请先升级数据库",
                self.where,
            )
        raise StoreError(
            f"the store's schema revision {state.revision!r} is newer than this bidassist knows "
            f"(up to {HEAD}); upgrade bidassist / 数据库版本高于本程序",
            self.where,
        )


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def open_store(
    db: str | os.PathLike[str] | None = None, *, beside: Path | None = None, create: bool = False
) -> Store:
    """Open the store and check its schema. `create`: initialise a new (empty) store to the head
    revision; otherwise a missing SQLite file is an error that says to run `db init`."""
    url = resolve_url(db, beside=beside)
    path = sqlite_file(url)
    if path is not None and not path.exists() and not create:
        raise StoreError(
            f"no store here; run `bidassist db init` (or pass --db / set {ENV_VAR}) / 数据库不存在", str(path)
        )
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the store's folder: {exc.strerror or exc} / 无法创建数据库所在的文件夹",
                str(path.parent),
            ) from None
    store = Store(url)
    try:
        if create:
            state = store.schema_state()
            if state.revision is None and not state.has_tables:
                from bidassist.store.migrate import upgrade

                upgrade(store)
        store.require_current()
    except BaseException:
        store.close()
        raise
    return store
