"""One call from the book to every customer's value, tier and flags."""

from __future__ import annotations

from dataclasses import dataclass

from bidassist.accounts.book import Book
from bidassist.accounts.flags import (
    Flag,
    RepeatModel,
    defection,
    fit_repeat_model,
    one_off,
    squeezer,
    volume_without_profit,
)
from bidassist.accounts.profile import Profile
from bidassist.accounts.tiers import TierPlace, assign_tiers
from bidassist.accounts.value import CustomerValue, customer_value


@dataclass(frozen=True)
class Account:
    value: CustomerValue
    place: TierPlace
    flags: tuple[Flag, ...]
    p_alive: float | None

    def flag(self, name: str) -> Flag | None:
        return next((f for f in self.flags if f.name == name), None)


@dataclass(frozen=True)
class Assessment:
    accounts: dict[str, Account]
    repeat_model: RepeatModel
    by_group: bool

    def ranked(self) -> list[Account]:
        return sorted(self.accounts.values(), key=lambda a: a.place.rank)


def keys_of(book: Book, by_group: bool) -> list[str]:
    """Customers, or groups with every ungrouped customer standing for itself."""
    if not by_group:
        return sorted(c.id for c in book.customers)
    return sorted({c.group or c.id for c in book.customers})


def assess(book: Book, profile: Profile, *, by_group: bool = False) -> Assessment:
    keys = keys_of(book, by_group)
    values = [customer_value(book, k, profile) for k in keys]
    places = assign_tiers(values, profile)
    rm = fit_repeat_model(book, keys)
    accounts = {}
    for v in values:
        place = places[v.key]
        flags = (
            one_off(v, place, rm, book, profile),
            volume_without_profit(v, place, profile),
            squeezer(v, profile),
            defection(v, book, profile),
        )
        accounts[v.key] = Account(
            value=v, place=place, flags=tuple(f for f in flags if f), p_alive=rm.p_alive.get(v.key)
        )
    return Assessment(accounts=accounts, repeat_model=rm, by_group=by_group)
