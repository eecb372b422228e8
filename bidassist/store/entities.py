"""Customers and competitors by name: found through their aliases, created when new.

A `Directory` caches every alias key of one session, so an import of thousands of rows asks the
database once per table rather than once per row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from bidassist.core.errors import InputError
from bidassist.store.models import Competitor, CompetitorAlias, Customer, CustomerAlias
from bidassist.store.names import clean_name, name_key


class Directory:
    """Alias key -> customer / competitor within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.customers: dict[str, Customer] = {
            a.key: a.customer for a in session.scalars(select(CustomerAlias).join(CustomerAlias.customer))
        }
        self.competitors: dict[str, Competitor] = {
            a.key: a.competitor
            for a in session.scalars(select(CompetitorAlias).join(CompetitorAlias.competitor))
        }
        self.added_customers = 0
        self.added_competitors = 0

    def customer(self, name: str, *, create: bool = True) -> Customer | None:
        found, added = _named(self.session, name, self.customers, _new_customer, create)
        self.added_customers += added
        return found

    def competitor(self, name: str, *, create: bool = True) -> Competitor | None:
        found, added = _named(self.session, name, self.competitors, _new_competitor, create)
        self.added_competitors += added
        return found


_E = TypeVar("_E", Customer, Competitor)


def _new_customer(name: str, key: str) -> Customer:
    return Customer(name=name, aliases=[CustomerAlias(alias=name, key=key)])


def _new_competitor(name: str, key: str) -> Competitor:
    return Competitor(name=name, aliases=[CompetitorAlias(alias=name, key=key)])


def _named(
    session: Session, name: str, known: dict[str, _E], new: Callable[[str, str], _E], create: bool
) -> tuple[_E | None, bool]:
    """The customer or competitor `name` is a spelling of (by its name key), added when new and
    `create`; and whether it was added. None for a name with no letters or digits."""
    key = name_key(name)
    if not key:
        return None, False
    found = known.get(key)
    if found is not None or not create:
        return found, False
    found = new(clean_name(name), key)
    session.add(found)
    known[key] = found
    return found, True


def add_competitor_alias(session: Session, name: str, alias: str) -> tuple[Competitor, int]:
    """Make `alias` a spelling of competitor `name`. When the alias is already a competitor of its
    own, its bids and aliases move to `name` and it is removed. Returns (competitor, bids moved)."""
    from bidassist.store.models import Bid, Outcome

    directory = Directory(session)
    target = directory.competitor(name, create=False)
    if target is None:
        raise InputError("no such competitor in the store", name)
    key = name_key(alias)
    if not key:
        raise InputError("the alias is blank", "alias")
    other = directory.competitors.get(key)
    moved = 0
    if other is None:
        session.add(CompetitorAlias(competitor=target, alias=clean_name(alias), key=key))
    elif other.id != target.id:
        for bid in session.scalars(select(Bid).where(Bid.competitor_id == other.id)):
            bid.competitor_id = target.id
            moved += 1
        for outcome in session.scalars(select(Outcome).where(Outcome.winner_id == other.id)):
            outcome.winner_id = target.id
        for a in list(other.aliases):
            a.competitor = target
        session.flush()
        session.delete(other)
    return target, moved


def add_customer_alias(session: Session, name: str, alias: str, *, parent: str | None = None) -> Customer:
    """Make `alias` a spelling of customer `name` (created when new); `parent` sets its group."""
    directory = Directory(session)
    customer = directory.customer(name)
    assert customer is not None
    key = name_key(alias)
    if key and key not in directory.customers:
        session.add(CustomerAlias(customer=customer, alias=clean_name(alias), key=key))
    elif key and directory.customers[key] is not customer:
        raise InputError(f"{alias!r} already names customer {directory.customers[key].name!r}", "alias")
    if parent:
        group = directory.customer(parent)
        if group is customer:
            raise InputError("a customer cannot be its own group", parent)
        customer.parent = group
    return customer


OWNERSHIP = {
    "state_owned": ("state_owned", "state-owned", "soe", "国企", "国有", "央企"),
    "government": ("government", "public", "政府", "事业单位", "机关", "公立"),
    "private": ("private", "民营", "私营"),
    "foreign": ("foreign", "外资", "合资"),
    "other": ("other", "其他"),
}


def ownership_value(text: str) -> str:
    """A customer's ownership as stored: state_owned, government, private, foreign or other."""
    t = text.strip().lower()
    for value, names in OWNERSHIP.items():
        if t in names:
            return value
    raise InputError(
        f"ownership {text!r}: one of {', '.join(OWNERSHIP)} (国企/政府/民营/外资/其他)", "--ownership"
    )


def set_customer(
    session: Session,
    name: str,
    *,
    group: str | None = None,
    sector: str | None = None,
    region: str | None = None,
    ownership: str | None = None,
) -> Customer:
    """Create or update a customer's group (集团), sector, region and ownership."""
    customer = add_customer_alias(session, name, name, parent=group)
    if sector is not None:
        customer.sector = sector
    if region is not None:
        customer.region = region
    if ownership is not None:
        customer.ownership = ownership_value(ownership)
    return customer
