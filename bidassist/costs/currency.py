"""The currency a cost workbook states for its money, and the check that it is the bid's.

A figure in the wrong currency is a wrong figure: a cost sheet in US dollars priced in a tender in
yuan makes every price 7 times too low, with nothing on screen to tell. The importer therefore reads
the currency a workbook writes where its money is (the header of the price and amount columns, the
title block above the header, a note beside it such as "COST IS IN USD", and money typed with its
sign, `$ 1,200`), and `load_costs` refuses a bid whose tender currency is another one.

Only currencies that are written count: a sheet that names none has no stated currency (None), and
is taken as in the bid's currency; a sheet that names two (a Total (RMB) column converted from
Total (USD)) is read in the one its used columns name, or, when they name both, has none stated
(the importer's own rules already refuse two unconverted money columns).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bidassist.core.errors import Problem, ProblemsError

from .headers import Layout
from .workbook import RawSheet

#: ISO 4217 code -> how sheets write it (lower case; `\b` where a word may sit inside another)
_WRITTEN: dict[str, str] = {
    "CNY": r"\brmb\b|\bcny\b|人民币|[¥￥]|(?<!单)元(?![件器素])|\byuan\b",
    "USD": r"\busd\b|us\s*\$|\$|美元|\bdollars?\b",
    "EUR": r"\beur\b|€|欧元|\beuros?\b",
    "GBP": r"\bgbp\b|£|英镑",
    "HKD": r"\bhkd\b|hk\s*\$|港币|港元",
    "JPY": r"\bjpy\b|日元|円",
    "INR": r"\binr\b|₹|\brs\.|\brs\s*(?=\d)|\(rs\)|\brupees?\b",
    "MYR": r"\bmyr\b|\brm\s*(?=\d)|\(rm\)|\bringgit\b",
    "SGD": r"\bsgd\b|(?<![a-z])s\$",
    "AUD": r"\baud\b|(?<![a-z])a\$",
    "CAD": r"\bcad\b|(?<![a-z])c\$",
    "KRW": r"\bkrw\b|₩|원",
}
_FIND = {code: re.compile(pattern, re.IGNORECASE) for code, pattern in _WRITTEN.items()}
#: a dollar sign that belongs to another dollar (HK$, US$, S$, A$, C$): not the US dollar's own `$`
_OTHER_DOLLAR = re.compile(r"hk\s*\$|(?<![a-z])[sac]\$", re.IGNORECASE)
#: rows above the header read as the title block
TITLE_ROWS = 6
#: data rows whose money cells are read for a sign typed with the figure
MONEY_ROWS = 200


def currencies_in(text: str) -> set[str]:
    """The currencies a text names (Price (USD) -> {USD}; 金额（元） -> {CNY}; HK$ -> {HKD})."""
    found = {code for code, pattern in _FIND.items() if pattern.search(text)}
    if "USD" in found and not re.search(r"\busd\b|us\s*\$|美元|\bdollars?\b", text, re.IGNORECASE):
        if _OTHER_DOLLAR.search(text) and "$" not in _OTHER_DOLLAR.sub("", text):
            found.discard("USD")  # only HK$ / S$ / A$ / C$: their dollar, not the US one
    return found


def _texts(raw: RawSheet, layout: Layout) -> Iterable[str]:
    """What the sheet writes about its money: the headers of its money columns, the title block
    and notes beside the header, and the money cells typed as text."""
    rows: Sequence[list] = raw.rows
    money = [c for f, c in layout.columns.items() if f in ("price", "amount", "low", "likely", "high")]
    for c in money:
        text = layout.header_text.get(c)
        if text:
            yield text
    if layout.header_row is not None:
        top = layout.header_row
        for row in rows[max(0, top - TITLE_ROWS) : top + 1]:
            yield from (v for v in row if isinstance(v, str) and v.strip())
    start = layout.data_start
    for row in rows[start : start + MONEY_ROWS]:
        for c in money:
            v = row[c] if c < len(row) else None
            if isinstance(v, str) and any(ch.isdigit() for ch in v):
                yield v


def sheet_currencies(raw: RawSheet, layout: Layout | None) -> set[str]:
    """The currencies one imported sheet writes where its money is."""
    if layout is None:
        return set()
    found: set[str] = set()
    for text in _texts(raw, layout):
        found |= currencies_in(text)
    return found


def stated_currency(found: Iterable[set[str]]) -> str | None:
    """The one currency the imported sheets state, or None (none stated, or more than one)."""
    codes = set().union(*found)
    return next(iter(codes)) if len(codes) == 1 else None


def check_bid_currency(stated: str | None, bid_currency: str, sheet_file: str, bid_file: str) -> None:
    """A cost sheet that states a currency other than the tender's is refused: its figures are not
    the bid's money."""
    if stated is None or stated == bid_currency:
        return
    raise ProblemsError(
        [
            Problem(
                sheet_file,
                f"the cost sheet's money is in {stated} (币种 {stated}), the tender's in {bid_currency}: "
                f"its costs would be priced as {bid_currency}; fix: convert the cost sheet to {bid_currency}, "
                f"or set tender.currency: {stated} in {bid_file} if the tender is priced in {stated}",
            )
        ],
        f"{sheet_file}: cost sheet currency {stated} ≠ tender currency {bid_currency}",
    )
