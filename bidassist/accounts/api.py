"""The key-account actions as library calls (the CLI and the web page call these)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bidassist.accounts.assess import Account, Assessment, assess
from bidassist.accounts.from_store import load_book
from bidassist.accounts.profile import Profile, load_profile
from bidassist.core.errors import InputError
from bidassist.store import open_store
from bidassist.store.entities import Directory


def assess_store(
    db: str | None = None,
    *,
    as_of: dt.date | None = None,
    profile: Profile | Path | None = None,
    by_group: bool = False,
    beside: Path | None = None,
) -> Assessment:
    """Every customer in the store: value, tier and flags, as of a date (default: today)."""
    prof = profile if isinstance(profile, Profile) else load_profile(profile)
    with open_store(db, beside=beside) as store:
        book = load_book(store, as_of or dt.date.today())
    return assess(book, prof, by_group=by_group)


def canonical_customer(db: str | None, name: str, *, beside: Path | None = None) -> str | None:
    """The store's name for a customer written any of its known ways (aliases, case, width,
    punctuation, legal form), or None when the store does not know it."""
    with open_store(db, beside=beside) as store, store.reading() as session:
        found = Directory(session).customer(name, create=False)
        return found.name if found is not None else None


def customer_assessment(
    db: str | None, name: str, *, as_of: dt.date, profile: Profile, beside: Path | None = None
) -> tuple[str, Assessment] | None:
    """The store's spelling of customer `name` and the assessment of the whole book, from one
    opening of the store; None when the customer is not in the store."""
    with open_store(db, beside=beside) as store:
        with store.reading() as session:
            found = Directory(session).customer(name, create=False)
            canonical = found.name if found is not None else None
        if canonical is None:
            return None
        book = load_book(store, as_of)
    return canonical, assess(book, profile)


def find_account(result: Assessment, key: str) -> Account:
    """An account by its key (the customer's store name, or a group name)."""
    if key in result.accounts:
        return result.accounts[key]
    raise InputError(
        f"no customer or group {key!r} in the store; `bidassist accounts list` shows them", "CUSTOMER"
    )
