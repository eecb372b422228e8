"""A book built in code where the truth is known: 30 small regular customers in the background,
and five archetypes — a healthy key account, a one-off bulk buyer, volume without profit, a
squeezer and a defecting account."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from bidassist.accounts.book import Book, ContractFinding, Customer, Invoice, Order, Receipt, TenderEntry

AS_OF = dt.date(2026, 11, 30)
START = dt.date(2022, 1, 10)


class Builder:
    def __init__(self) -> None:
        self.customers: list[Customer] = []
        self.orders: list[Order] = []
        self.invoices: list[Invoice] = []
        self.receipts: list[Receipt] = []
        self.tenders: list[TenderEntry] = []
        self.findings: list[ContractFinding] = []

    def customer(self, cid: str, name: str, group: str | None = None) -> None:
        self.customers.append(Customer(cid, name, group))

    def order(
        self,
        cid: str,
        day: dt.date,
        revenue: str,
        margin: str,
        *,
        pay_days: int | None = 30,
        serve: str = "0",
        penalties: str = "0",
        terms: int = 60,
    ) -> None:
        n = len(self.orders) + 1
        rev = D(revenue)
        self.orders.append(
            Order(f"o{n}", cid, day, rev, (rev * (1 - D(margin))).quantize(D("0.01")), D(serve), D(penalties))
        )
        self.invoices.append(Invoice(f"i{n}", cid, day, rev, day + dt.timedelta(days=terms)))
        if pay_days is not None and day + dt.timedelta(days=pay_days) <= AS_OF:
            self.receipts.append(Receipt(f"r{n}", f"i{n}", day + dt.timedelta(days=pay_days), rev))

    def tender(
        self,
        cid: str,
        day: dt.date,
        outcome: str,
        price: str | None = None,
        cost: str | None = None,
        winner: str | None = None,
    ) -> None:
        self.tenders.append(
            TenderEntry(
                f"t{len(self.tenders) + 1}",
                cid,
                day,
                outcome,  # type: ignore[arg-type]
                D(price) if price else None,
                D(cost) if cost else None,
                winner,
            )
        )

    def finding(self, cid: str, day: dt.date, category: str, severity: str = "high") -> None:
        n = len(self.findings) + 1
        self.findings.append(ContractFinding(f"f{n}", cid, f"c{n}", day, category, severity))

    def book(self) -> Book:
        return Book(
            AS_OF,
            tuple(self.customers),
            tuple(self.orders),
            tuple(self.invoices),
            tuple(self.receipts),
            tuple(self.tenders),
            tuple(self.findings),
        )


def every(days: int, start: dt.date = START, end: dt.date = AS_OF):
    day = start
    while day <= end:
        yield day
        day += dt.timedelta(days=days)


def archetypes() -> Book:
    b = Builder()
    for k in range(30):  # background: small, regular, profitable, on time
        cid = f"bg{k:02d}"
        b.customer(cid, f"Background {k}")
        for day in every(60 + 7 * (k % 5), START + dt.timedelta(days=3 * k)):
            b.order(cid, day, "20000", "0.22", pay_days=35)
    b.customer("healthy", "稳健医院集团")  # monthly, 25 % margin, pays in 40 days
    for day in every(30):
        b.order("healthy", day, "400000", "0.25", pay_days=40)
    for i, day in enumerate(every(180)):
        b.tender("healthy", day, "won", "1000000", str(740000 + 1000 * (i % 2)))
    b.customer("oneoff", "一次性团购公司")  # one huge order two years ago
    b.order("oneoff", dt.date(2024, 10, 8), "6000000", "0.18", pay_days=45)
    b.customer("volume", "大量低利集团")  # buys a lot, 3 % gross margin, pays in 150 days
    for day in every(20):
        b.order("volume", day, "300000", "0.03", pay_days=150, serve="3000")
    b.customer("squeeze", "扒皮建设集团")  # falling margins, days to pay growing, traps
    for i, day in enumerate(every(45)):
        b.order("squeeze", day, "250000", "0.10", pay_days=40 + 4 * i, penalties="4000")
    for i, day in enumerate(every(120)):
        margin = D("0.20") - D("0.02") * i
        b.tender("squeeze", day, "won", "1000000", str((1 - margin) * 1000000))
    b.finding("squeeze", dt.date(2024, 3, 1), "payment.back_to_back")
    b.finding("squeeze", dt.date(2025, 3, 1), "payment.audit_settlement")
    b.finding("squeeze", dt.date(2025, 9, 1), "penalty.uncapped")
    b.customer("leaving", "渐行渐远设计院")  # regular for three years, then silence
    for day in every(30, START, dt.date(2025, 12, 31)):
        b.order("leaving", day, "150000", "0.24", pay_days=30)
    b.tender("leaving", dt.date(2026, 3, 1), "lost", "900000", "700000", winner="对手科技")
    b.tender("leaving", dt.date(2026, 8, 1), "lost", "880000", "690000", winner="对手科技")
    return b.book()
