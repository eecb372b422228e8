"""Cell values to Decimals, distributions, risk flags — with the reason when a value is wrong.

Spreadsheet numbers arrive as binary floats; they become Decimals through 15 significant digits,
the precision a spreadsheet shows (0.1 + 0.2 computed in Excel reads back as 0.3, not
0.30000000000000004). Text numbers are parsed as finance types them (`1,234.50`, `¥1,234.50`,
`12.5万`, full-width digits, `15%` where a rate makes sense).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from bidassist.core.money import AmountError, bounded, parse_amount, parse_number

#: a number typed as plain ASCII text (up to 15 digits before the point, 12 after, commas only
#: between groups of three): its Decimal is the text's, with no sign, scale, currency or bound to
#: apply (tests hold it to parse_amount and parse_number)
_PLAIN_NUMBER = re.compile(r"(?:[0-9]{1,15}|[0-9]{1,3}(?:,[0-9]{3}){1,4})(?:\.[0-9]{1,12})?\Z")
_PER_UNIT = re.compile(r"^(.*?\d\s*(?:元|万元))\s*/\s*\S{1,6}$")


class CellError(ValueError):
    """A cell value that cannot be used; the message names the field and the value."""


#: float -> Decimal of values seen before (quantities and prices repeat within a sheet). Bounded
#: small: the cache outlives the import (a server keeps it), and unique values gain nothing from it
_FLOAT_CACHE: dict[float, Decimal] = {}
_CACHE_LIMIT = 16_384
_INF = float("inf")


def float_to_decimal(value: float) -> Decimal:
    """A spreadsheet float as the Decimal it shows: shortest round-trip text (what the file
    stored), or 15 significant digits for float noise from a calculation; `3.0` -> 3."""
    if not -1e15 <= value <= 1e15:  # also false for nan
        if value != value or value in (_INF, -_INF):
            raise CellError(f"{value!r} is not a finite number")
        raise CellError(f"{value:.6g} is over the limit of ±10^15 (数值超出上限)")
    text = repr(value)
    if len(text) > 16:
        text = format(value, ".15g")
    elif text[-2:] == ".0":
        text = text[:-2]
    d = Decimal(text)
    if len(_FLOAT_CACHE) < _CACHE_LIMIT:
        _FLOAT_CACHE[value] = d
    return d


def _reason(exc: AmountError) -> str:
    msg = exc.message
    if msg.startswith("'") and "' " in msg:
        msg = msg.split("' ", 1)[1]
    return msg.removeprefix("is ").removeprefix(": ")


def to_number(value: object, what: str, *, money: bool = True) -> Decimal | None:
    """A cell value as a Decimal; None for a blank cell; CellError when it is not a number.

    `money=True` refuses percentages (`15%` is not a unit price)."""
    number = _to_number(value, what, money=money)
    if number is None:
        return None
    try:
        return bounded(number)  # finite, within ±10^15, at most 28 digits
    except AmountError as exc:
        raise CellError(f"{what} {exc.message}") from None


def _to_number(value: object, what: str, *, money: bool) -> Decimal | None:
    t = type(value)
    if t is float:
        try:
            return _FLOAT_CACHE.get(value) or float_to_decimal(value)  # type: ignore[call-overload,arg-type]
        except CellError as exc:
            raise CellError(f"{what} {exc}") from None
    if t is int:
        if value.bit_length() > 64:  # type: ignore[attr-defined]
            raise CellError(f"{what} is over the limit of ±10^15")
        return Decimal(value)  # type: ignore[arg-type]
    if t is str:
        return _text_number(value, what, money)  # type: ignore[arg-type]
    if value is None:
        return None
    if t is bool:
        raise CellError(f"{what} is {'TRUE' if value else 'FALSE'}, not a number")
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        raise CellError(
            f"{what} is a date/time ({value}), not a number "
            "(the spreadsheet may have turned the text into a date; format the cell as number)"
        )
    if isinstance(value, Decimal):
        return value
    raise CellError(f"{what} {value!r} is not a number")


def plain_number(text: str) -> Decimal | None:
    """A number typed as plain ASCII text (`36.5`, `1,234.50`) as the Decimal every reader gives
    it (`_text_number`, whatever the field); None for any other text."""
    return Decimal(text.replace(",", "")) if _PLAIN_NUMBER.match(text) else None


def _text_number(value: str, what: str, money: bool) -> Decimal | None:
    """A number typed as text (`1,234.50`, `¥1,234.50`, `１２`, `673元/年`)."""
    if _PLAIN_NUMBER.match(value):  # `36.5`, `1,234.50`: what parse_amount/parse_number give
        return Decimal(value.replace(",", ""))
    s = value.strip()
    if not s:
        return None
    if s[0] == "+":
        s = s[1:]
        if not s:  # a lone `+` (it raised IndexError before)
            raise _text_problem(value, what, "not a number")
    if s[0] == "#" and s[-1:] in ("!", "?", "A") and len(s) <= 8:
        raise CellError(f"{what} is the formula error {s}; fix the formula")
    if money and "/" in s:
        s = _PER_UNIT.sub(r"\1", s)  # 673元/年, 30元/m2: yuan per unit
    try:
        return parse_amount(s) if money else parse_number(s)
    except AmountError as exc:
        text = unicodedata.normalize("NFKC", s)
        m = (
            (_TRAILING_CURRENCY.match(text) or _RINGGIT.match(text))
            if money and len(text) <= _SHORT
            else None
        )
        if m is not None:  # `1,200 USD`, `1200€`, `30 RM`, `Rs. 500/-`: the currency after the figure
            try:
                return parse_amount(m.group(1))
            except AmountError:
                pass
        raise _text_problem(value, what, _reason(exc)) from None


#: ringgit before the figure (`RM 30`, `RM1,200.00`)
_RINGGIT = re.compile(r"^rm\s*(\d[\d,]*(?:\.\d+)?)\s*$", re.I)
#: a figure with its currency written after it (`1,200 USD`, `1200 €`, `30 RM`) or the Indian `/-`
_TRAILING_CURRENCY = re.compile(
    r"^(.*?\d)\s*(?:usd|us\$|eur|euro|euros|gbp|cny|rmb|hkd|myr|rm|inr|rs\.?|sgd|aud|cad|jpy|chf|kes|ksh|"
    r"[€$£¥￥₹]|/-)\s*(?:/-)?\s*$",
    re.I,
)


def money_text(value: str) -> Decimal | None:
    """Money typed as a short text with its currency before or after the figure (`$ 1,200`,
    `10$`, `1,200 USD`, `¥350`); None for any other text."""
    if len(value) > 24 or not any(ch.isdigit() for ch in value):
        return None
    try:
        return parse_amount(value)
    except AmountError:
        pass
    m = _TRAILING_CURRENCY.match(unicodedata.normalize("NFKC", value).strip())
    if m is None:
        return None
    try:
        return parse_amount(m.group(1))
    except AmountError:
        return None


#: a currency sign or code written with a figure
CURRENCY_MARK = re.compile(
    r"[€$£¥￥₹]|(?<![a-z])(?:usd|eur|gbp|cny|rmb|hkd|inr|rs|sgd|aud|cad|jpy|chf|kes|ksh)(?![a-z])|元", re.I
)


#: a quantity typed with its unit: `1.9万㎡`, `500㎡`, `70 m`, `12个`, `3.5 m2` (never a rate or money)
_QTY_UNIT = re.compile(
    r"^\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<mult>万|亿)?\s*"
    r"(?P<unit>(?![元%％])[A-Za-z\u00b2\u00b3\u3000-\u9fff㎡㎥][A-Za-z0-9\u00b2\u00b3.\u3000-\u9fff㎡㎥]{0,7})\s*$"
)
_NOT_UNITS = frozenset({"元", "万元", "块", "约", "左右", "以上", "以内", "起", "折"})


#: an approximate figure: （约）30, 约 30, 30左右, approx. 30, ~30, ≈30
_APPROX = re.compile(
    r"^\s*(?:[（(]\s*(?:约|大约|约合|估)\s*[)）]|约|大约|估|approx\.?|about|circa|ca\.|~|≈)\s*"
    r"(?P<num>[¥￥$]?\s*\d[\d,]*(?:\.\d+)?\s*(?:万|元)?)\s*$"
    r"|^\s*(?P<num2>[¥￥$]?\s*\d[\d,]*(?:\.\d+)?\s*(?:万|元)?)\s*(?:左右|上下|\(约\)|（约）)\s*$",
    re.I,
)


def approximate(value: object) -> Decimal | None:
    """`（约）30` -> 30: an amount written as approximate; None for anything else."""
    if type(value) is not str:
        return None
    m = _APPROX.match(unicodedata.normalize("NFKC", value))
    if m is None:
        return None
    try:
        return parse_amount(m.group("num") or m.group("num2"))
    except AmountError:
        return None


def quantity_with_unit(value: object) -> tuple[Decimal, str] | None:
    """`1.9万㎡` -> (19000, ㎡): a quantity cell that carries its unit; None for anything else
    (an approximate `约30`, money `30元`, a rate `120元/㎡`)."""
    if type(value) is not str:
        return None
    m = _QTY_UNIT.match(unicodedata.normalize("NFKC", value).replace("m²", "㎡").replace("m³", "㎥"))
    if m is None or m.group("unit") in _NOT_UNITS or m.group("unit").startswith(("元", "万元")):
        return None
    try:
        number = parse_number(m.group("num") + (m.group("mult") or ""), allow_percent=False)
    except AmountError:
        return None
    return number, m.group("unit")


#: a count written with a multiplication sign (`x1`, `× 2`, `3x`, `2 X`): a picking list's quantity
_TIMES_COUNT = re.compile(r"^\s*(?:[x×X*]\s*(?P<a>\d+(?:\.\d+)?)|(?P<b>\d+(?:\.\d+)?)\s*[x×X])\s*$")


def quantity_times(value: object) -> Decimal | None:
    """`x1` -> 1, `3×` -> 3: a quantity written as a count with a multiplication sign; None for
    anything else (a product `2x3`, a size `4x8 ft`)."""
    if type(value) is not str or len(value) > 12:
        return None
    m = _TIMES_COUNT.match(unicodedata.normalize("NFKC", value))
    return None if m is None else Decimal(m.group("a") or m.group("b"))


#: the longest text read as money with its unit or its currency after it
_SHORT = 60
#: money written per unit: `￥0.73/h`, `$45/hr`, `7200/per camp`, `$120 per day`, `0.5元/kWh`, `RM 30 /
#: pc` — a figure, then `/`, `per` or `每` and a unit word (a letter or character first, never `1/2`)
_MONEY_PER = re.compile(
    r"^(?P<num>[^/(]*?\d[\d,.]*\s*(?:万元|元|块)?)\s*\(?\s*(?:/\s*(?:per\s+)?|\bper\s+|每\s*)"
    r"(?P<unit>(?:\d{1,3}\s*(?=[\u4e00-\u9fff]|(?:h|hrs?|hours?|days?|weeks?|months?|years?)\b))?[A-Za-z\u00b2\u00b3\u4e00-\u9fff㎡㎥][A-Za-z0-9\u00b2\u00b3\u4e00-\u9fff㎡㎥. ]{0,11}?)"
    r"\s*\)?\s*$",
    re.I,
)


def money_per_unit(value: object) -> tuple[Decimal, str] | None:
    """`￥0.73/h` -> (0.73, h), `7200/per camp` -> (7200, camp): money written with the unit it is
    priced per; None for anything else (a fraction `1/2`, a note, a bare figure)."""
    if type(value) is not str or len(value) > _SHORT:
        return None  # money is written short; a long text is no figure (and never scanned twice)
    m = _MONEY_PER.match(unicodedata.normalize("NFKC", value).strip())
    if m is None:
        return None
    try:
        number = parse_amount(m.group("num").strip())
    except AmountError:
        return None
    return bounded(number), m.group("unit").strip()


def _text_problem(value: str, what: str, reason: str) -> CellError:
    if reason in ("not a number", "has no digits"):
        return CellError(f'{what} "{value}" is not a number')
    if "percentage" in reason:
        return CellError(f'{what} "{value}" is a percentage, not an amount')
    if "commas" in reason:
        return CellError(
            f'{what} "{value}" is not a number (commas separate thousands: '
            "1,234.50; a decimal comma is not accepted)"
        )
    return CellError(f'{what} "{value}" is not a number: {reason}')


def relative_percent(value: object) -> Decimal | None:
    """`-5%` / `+12%` / `12%` typed as text in a low/high column -> 0.05 / 0.12 (a distance from
    likely, sign ignored); None when the cell is not a text percentage."""
    if type(value) is not str:
        return None
    s = unicodedata.normalize("NFKC", value).strip()
    if not s.endswith("%"):
        return None
    s = s.lstrip("+-−± ")
    try:
        return abs(parse_number(s))
    except AmountError:
        raise CellError(f'"{value}" is not a percentage') from None


def cell_text(value: object) -> str:
    """A cell as text: strings stripped, whole floats without `.0`, blanks as ``."""
    if value is None:
        return ""
    t = type(value)
    if t is str:
        return value.strip()  # type: ignore[attr-defined]
    if t is float:
        if value.is_integer():  # type: ignore[attr-defined]
            return str(int(value))  # type: ignore[call-overload]
        return format(value, ".15g")
    if t is bool:
        return "TRUE" if value else "FALSE"
    return str(value)


_DISTRIBUTIONS = {
    "fixed": "fixed",
    "固定": "fixed",
    "定值": "fixed",
    "确定": "fixed",
    "none": "fixed",
    "point": "fixed",
    "triangular": "triangular",
    "triangle": "triangular",
    "tri": "triangular",
    "三角": "triangular",
    "pert": "pert",
    "beta-pert": "pert",
    "betapert": "pert",
    "beta pert": "pert",
    "beta": "pert",
    "uniform": "uniform",
    "均匀": "uniform",
    "flat": "uniform",
    "rectangular": "uniform",
}


def parse_distribution(value: object) -> str | None:
    """`三角分布` -> triangular; None for blank; CellError for an unknown name."""
    s = unicodedata.normalize("NFKC", cell_text(value)).lower().strip()
    if not s:
        return None
    key = s.removesuffix("分布").removesuffix(" distribution").strip()
    if key in _DISTRIBUTIONS:
        return _DISTRIBUTIONS[key]
    raise CellError(
        f'distribution "{cell_text(value)}" is not one of pert, triangular, uniform, fixed '
        "(PERT/三角/均匀/固定)"
    )


_TRUE = {"是", "y", "yes", "true", "1", "√", "✓", "✔", "★", "☆", "x", "有", "风险", "risk"}
_FALSE = {"否", "n", "no", "false", "0", "无", "-", "—"}


def parse_risk(value: object) -> bool:
    if value is None or value == "":
        return False
    if type(value) is bool:
        return bool(value)
    if type(value) in (int, float):
        if value in (0, 1):
            return bool(value)
    s = unicodedata.normalize("NFKC", cell_text(value)).lower().strip()
    if s in _TRUE:
        return True
    if s in _FALSE or not s:
        return False
    raise CellError(f'risk "{cell_text(value)}" should be 是/否 (yes/no)')
