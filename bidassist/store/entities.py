"""Customers and competitors by name: found through their aliases, created when new.

A `Directory` caches every alias key of one session, so an import of thousands of rows asks the
database once per table rather than once per row.
"""

from __future__ import annotations

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
        key = name_key(name)
        if not key:
            return None
        found = self.customers.get(key)
        if found is None and create:
            found = Customer(name=clean_name(name))
            found.aliases.append(CustomerAlias(alias=clean_name(name), key=key))
            self.session.add(found)
            self.customers[key] = found
            self.added_customers += 1
        return found

    def competitor(self, name: str, *, create: bool = True) -> Competitor | None:
        key = name_key(name)
        if not key:
            return None
        found = self.competitors.get(key)
        if found is None and create:
            found = Competitor(name=clean_name(name))
            found.aliases.append(CompetitorAlias(alias=clean_name(name), key=key))
            self.session.add(found)
            self.competitors[key] = found
            self.added_competitors += 1
        return found


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
