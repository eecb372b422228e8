"""Money as Decimal: parsing amounts as finance writes them, rounding, display, and amounts
in Chinese capitals (大写) and English words.

Rules for capitals follow the People's Bank of China (支付结算办法 annex 1); see
shared/domain/amounts.md. Generated style: 整 after 元 only, 零 after 元 when the 元 place is 0
and 角 is not, no 零 between 万 and 仟 when only the 万 place is 0.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from bidassist.core.errors import InputError

CENT = Decimal("0.01")
#: Capitals are defined below one trillion (the largest unit is 亿, four digits of it).
UPPER_LIMIT = Decimal("1000000000000")
#: Every amount and number is within ±10^15 (a bid price, a quantity, a rate) ...
AMOUNT_LIMIT = Decimal(10) ** 15
#: ... with at most this many significant digits (Decimal's context keeps 28) ...
MAX_DIGITS = 28
#: ... and is read from at most this many characters of text.
MAX_TEXT = 64


class AmountError(InputError, ValueError):
    """An amount that cannot be parsed or written."""


# --------------------------------------------------------------------------- rounding / display


def round_money(value: Decimal | int | str) -> Decimal:
    """Round half-up to 0.01 (the edge at which an amount is shown or written)."""
    return to_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def bounded(value: Decimal) -> Decimal:
    """`value` if it is finite, within ±10^15 and of at most 28 significant digits; AmountError
    naming the bound otherwise (so no later rounding or sum can overflow or round silently)."""
    if not value.is_finite():
        raise AmountError(f"{value} is not a finite number")
    if abs(value) > AMOUNT_LIMIT:
        raise AmountError(f"{value:.6g} is over the limit of ±10^15 (数值超出上限)")
    digits = value.as_tuple().digits
    if len(digits) > MAX_DIGITS and value != 0:
        value = value.normalize()
        if len(value.as_tuple().digits) > MAX_DIGITS:
            raise AmountError(f"{value:.6g} has more than {MAX_DIGITS} significant digits")
    return value


def to_decimal(value: object) -> Decimal:
    """Exact Decimal of a number; floats go through their shortest repr (0.1 -> 0.1, not 0.1000…5).
    Finite and bounded (see `bounded`) or AmountError."""
    if isinstance(value, Decimal):
        return bounded(value)
    if isinstance(value, bool):
        raise AmountError(f"{value!r} is not an amount")
    if isinstance(value, int):
        if value.bit_length() > 64:
            raise AmountError("a number over the limit of ±10^15 (数值超出上限)")
        return bounded(Decimal(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise AmountError(f"{value!r} is not a finite amount")
        return bounded(Decimal(repr(value)))
    if isinstance(value, str):
        return parse_amount(value)
    raise AmountError(f"{value!r} is not an amount")


def format_money_or_dash(value: Decimal | None) -> str:
    """format_money, or an em dash for a figure that is not known."""
    return "—" if value is None else format_money(value)


def format_money(value: Decimal | int | str, *, symbol: str = "") -> str:
    """`1234.5` -> `1,234.50` (thousands separators, two decimals, half-up)."""
    d = round_money(value)
    sign = "-" if d < 0 else ""
    return f"{sign}{symbol}{abs(d):,.2f}"


# --------------------------------------------------------------------------- parsing

_CURRENCY_TOKENS = ("人民币", "RMB", "CNY", "USD", "US$", "EUR", "HKD", "元", "¥", "￥", "$", "€")
#: other currencies written before the figure (`KSH 4,000`, `Rs.75000`, `₹ 1,200`, `GBP 12.50`):
#: the code is dropped as the Chinese and dollar ones are (the sheet's figures stay as written)
_OTHER_CURRENCIES = (
    "KSHS", "KSH", "KES", "INR", "RS.", "RS", "GBP", "JPY", "AUD", "CAD", "NZD", "SGD", "CHF", "MYR",
    "PHP", "IDR", "THB", "VND", "TWD", "NTD", "NT$", "HK$", "MOP", "KRW", "AED", "SAR", "PKR", "BDT",
    "LKR", "NPR", "NGN", "ZAR", "EGP", "GHS", "UGX", "TZS", "ETB", "RUB", "BRL", "MXN", "TRY", "PLN",
    "SEK", "NOK", "DKK", "£", "₹", "₩", "₦", "₱",
)  # fmt: skip
_MULTIPLIERS = {
    "万元": Decimal(10_000),
    "万": Decimal(10_000),
    "亿元": Decimal(100_000_000),
    "亿": Decimal(100_000_000),
    "千元": Decimal(1_000),
    "k": Decimal(1_000),
    "K": Decimal(1_000),
}
_FIGURE_START = frozenset("0123456789.-−(")
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f\u3000']")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^(\d+(\.\d*)?|\.\d+)$")


def parse_number(text: str, *, allow_percent: bool = True) -> Decimal:
    """Parse a number as people type it into a sheet: `1,234.50`, `12.5万`, `15%`, `(3.00)`,
    full-width digits. Raises AmountError with the reason for anything ambiguous."""
    return _parse(text, allow_percent=allow_percent, what="number")


def parse_amount(text: str) -> Decimal:
    """Parse an amount of money: `1,234.50`, `¥1,234.50`, `RMB 1 234.5`, `12.5万`, `1.2亿`,
    `(1,234.00)` (negative), full-width digits. Percentages are not amounts."""
    return _parse(text, allow_percent=False, what="amount")


def _parse(text: str, *, allow_percent: bool, what: str) -> Decimal:
    if not isinstance(text, str):
        return to_decimal(text)
    if len(text) > MAX_TEXT:
        raise AmountError(f"{text[:20]!r}… is {len(text)} characters, over the {MAX_TEXT} of an {what}")
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        raise AmountError(f"empty {what}")
    negative, s = _strip_sign_and_currency(s)
    percent, multiplier, s = _strip_scale(s, text, allow_percent=allow_percent, what=what)
    value = _plain_decimal(s, text) * multiplier
    if percent:
        value = value / 100
    return bounded(-value if negative else value)


def _strip_sign(s: str, negative: bool) -> tuple[bool, str]:
    if s.startswith("-") or s.startswith("−"):
        return not negative, s[1:].strip()
    return negative, s


def _strip_sign_and_currency(s: str) -> tuple[bool, str]:
    """`(1.00)`, `-1`, `¥1`, `¥-1`, `RMB 1`: whether negative, and the text without them."""
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    negative, s = _strip_sign(s, negative)
    upper = s.upper()
    for token in _CURRENCY_TOKENS:
        if upper.startswith(token.upper()):
            s = s[len(token) :].strip()
            break
    else:
        token = next((t for t in _OTHER_CURRENCIES if upper.startswith(t)), "")
        rest = s[len(token) :]
        if token and (rest[:1].isdigit() or (rest[:1].isspace() and rest.lstrip()[:1] in _FIGURE_START)):
            s = rest.strip()  # `KSH 4,000`, `₹1,200`; never `RS-485`
    return _strip_sign(s, negative)  # ¥-12


def _strip_scale(s: str, original: str, *, allow_percent: bool, what: str) -> tuple[bool, Decimal, str]:
    """A trailing `%`, 万/亿 multiplier or 元: (percent, multiplier, the digits left)."""
    percent = False
    if s.endswith("%"):
        if not allow_percent:
            raise AmountError(f"{original!r} is a percentage, not an {what}")
        percent, s = True, s[:-1].strip()
    multiplier = Decimal(1)
    for suffix, factor in _MULTIPLIERS.items():
        if s.endswith(suffix):
            multiplier, s = factor, s[: -len(suffix)].strip()
            break
    if s.endswith("元"):
        s = s[:-1].strip()
    return percent, multiplier, _SPACES.sub("", s)


def _plain_decimal(s: str, original: str) -> Decimal:
    """Digits with an optional point and thousands commas (never a decimal comma)."""
    if not s:
        raise AmountError(f"{original!r} has no digits")
    if "," in s:
        if not _GROUPED.match(s):
            raise AmountError(
                f"{original!r} is ambiguous: commas must separate thousands (1,234.50); "
                "a decimal comma is not accepted"
            )
        s = s.replace(",", "")
    if not _PLAIN.match(s):
        raise AmountError(f"{original!r} is not a number")
    try:
        return Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise AmountError(f"{original!r} is not a number") from exc


# --------------------------------------------------------------------------- Chinese capitals

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿")


def _group_upper(n: int) -> str:
    """0 < n < 10000 -> capitals with 零 compressed inside the group, trailing zeros dropped."""
    out: list[str] = []
    digits = f"{n:04d}"
    pending_zero = False
    started = False
    for i, ch in enumerate(digits):
        d = int(ch)
        unit = _SMALL_UNITS[3 - i]
        if d == 0:
            pending_zero = started
            continue
        if pending_zero:
            out.append("零")
        out.append(_DIGITS[d] + unit)
        started, pending_zero = True, False
    return "".join(out)


def rmb_upper(amount: Decimal | int | str, *, prefix: bool = False) -> str:
    """Amount in Chinese capitals, e.g. 1409.50 -> 壹仟肆佰零玖元伍角.

    Rounds half-up to 0.01 first. Negative amounts and amounts of 1e12 or more raise AmountError
    (a bid price is never negative; capitals stop at 亿). `prefix=True` prepends 人民币.
    """
    value = round_money(amount)
    if value < 0:
        raise AmountError(f"{format_money(value)} is negative: amounts in capitals must be ≥ 0")
    if value >= UPPER_LIMIT:
        raise AmountError(f"{format_money(value)} is too large: capitals are written below 1e12")
    cents = int(value * 100)
    integer, jiao, fen = cents // 100, (cents // 10) % 10, cents % 10
    parts: list[str] = []
    if integer:
        groups = [(integer // 10_000**k) % 10_000 for k in range(3)]  # low to high
        skipped_zero_group = False
        for k in (2, 1, 0):
            g = groups[k]
            if g == 0:
                if parts:
                    skipped_zero_group = True
                continue
            if parts and (g < 1000 or skipped_zero_group):
                parts.append("零")
            parts.append(_group_upper(g) + _GROUP_UNITS[k])
            skipped_zero_group = False
        parts.append("元")
        if jiao == 0 and fen == 0:
            parts.append("整")
        elif jiao == 0:
            parts.append("零" + _DIGITS[fen] + "分")
        else:
            if integer % 10 == 0:
                parts.append("零")
            parts.append(_DIGITS[jiao] + "角")
            if fen:
                parts.append(_DIGITS[fen] + "分")
    else:
        if jiao == 0 and fen == 0:
            parts.append("零元整")
        else:
            if jiao:
                parts.append(_DIGITS[jiao] + "角")
            if fen:
                parts.append(_DIGITS[fen] + "分")
    text = "".join(parts)
    return ("人民币" + text) if prefix else text


_TRADITIONAL = str.maketrans(
    {
        "貳": "贰",
        "貮": "贰",
        "參": "叁",
        "陸": "陆",
        "萬": "万",
        "億": "亿",
        "圓": "元",
        "圆": "元",
        "兩": "两",
    }
)
_FORBIDDEN = set("一二三四五六七八九十百千两另毛念〇0123456789")
_ALLOWED = set(_DIGITS) | set("拾佰仟万亿元角分整正")


_UNIT_PLACE = {"拾": 1, "佰": 2, "仟": 3}
_GROUP_PLACE = (("亿", 8), ("万", 4))


def _upper_terms(chunk: str, offset: int, original: str) -> list[tuple[int, int, bool]]:
    """The terms of one group (`伍仟零贰拾`): (digit, place counted from 元, 零 written before it)."""
    terms: list[tuple[int, int, bool]] = []
    digit: int | None = None
    zero = False
    for ch in chunk:
        if ch == "零":
            if digit is not None or zero:
                raise AmountError(f"{original!r}: 零 in the wrong place")
            zero = True
        elif ch in _DIGITS:
            if digit is not None:
                raise AmountError(f"{original!r}: two digits in a row")
            digit = _DIGITS.index(ch)
        elif ch in _UNIT_PLACE:
            if digit is None:
                raise AmountError(f"{original!r}: {ch} without a digit before it (write 壹{ch})")
            terms.append((digit, offset + _UNIT_PLACE[ch], zero))
            digit, zero = None, False
        else:
            raise AmountError(f"{original!r}: unexpected {ch!r}")
    if digit is not None:
        terms.append((digit, offset, zero))
    elif zero:
        raise AmountError(f"{original!r}: stray 零 at the end of a group")
    return terms


def _check_order(terms: list[tuple[int, int, bool]], original: str) -> None:
    """Units strictly descending; 零 exactly where digits are skipped (PBoC: optional only when
    the skipped places end at 万 or 亿 and the next digit is in the 仟 place)."""
    for i, (_, place, zero) in enumerate(terms):
        if i == 0:
            if zero:
                raise AmountError(f"{original!r}: stray 零 at the start")
            continue
        before = terms[i - 1][1]
        if place >= before:
            raise AmountError(f"{original!r}: units out of order (大写单位顺序错误)")
        gap = before - place - 1
        if gap == 0 and zero:
            raise AmountError(f"{original!r}: 零 where no digit is skipped")
        if gap > 0 and not zero and place % 4 != 3:
            raise AmountError(f"{original!r}: 零 is required where digits are skipped")


def _parse_int_upper(s: str, original: str) -> int:
    """Parse the integer part (before 元) of capitals: digits with units in strictly descending
    order, 亿 and 万 closing their groups, 零 exactly where places are skipped."""
    if not s:
        raise AmountError(f"{original!r}: no digits before 元")
    terms: list[tuple[int, int, bool]] = []
    rest = s
    for unit, offset in _GROUP_PLACE:
        if unit in rest:
            head, _, rest = rest.partition(unit)
            if unit in rest:
                raise AmountError(f"{original!r}: {unit} appears twice")
            group = _upper_terms(head, offset, original)
            if not group:
                raise AmountError(f"{original!r}: nothing before {unit}")
            terms += group
    terms += _upper_terms(rest, 0, original)
    if not terms:
        raise AmountError(f"{original!r}: no digits before 元")
    _check_order(terms, original)
    return sum(d * 10**place for d, place, _ in terms)


_JIAO_FEN = re.compile(r"(零)?(?:([壹贰叁肆伍陆柒捌玖])角)?(零)?(?:([壹贰叁肆伍陆柒捌玖])分)?")


def parse_rmb_upper(text: str) -> Decimal:
    """Read amount capitals back to a Decimal, strictly: refuses the forms the PBoC rules forbid
    (lower-case digits, 两/另/毛/念/〇, Arabic digits, a whole amount without 整/正, 整 after 分,
    零角零分, a missing 零 after 元 before 分). Accepts traditional forms (貳 陸 萬 億 圓)."""
    original = text
    s, closing = _upper_characters(text)
    if "元" in s:
        int_part, _, dec_part = s.partition("元")
        if "元" in dec_part:
            raise AmountError(f"{original!r}: 元 appears twice")
        integer = 0 if int_part == "零" else _parse_int_upper(int_part, original)
    else:
        integer, dec_part = 0, s
    jiao, fen = _parse_jiao_fen(dec_part, original, integer=integer, closing=closing, has_yuan="元" in s)
    if not s:
        raise AmountError(f"{original!r}: not an amount")
    return Decimal(integer) + Decimal(jiao) / 10 + Decimal(fen) / 100


def _upper_characters(text: str) -> tuple[str, bool]:
    """The capitals without 人民币 and the closing 整/正, in simplified forms, every character
    checked; and whether the closing 整/正 was there."""
    if len(text) > MAX_TEXT:
        raise AmountError(f"{text[:20]!r}… is too long for an amount in capitals")
    s = text.strip()
    if s.startswith("人民币"):
        s = s[3:]
        if s[:1].isspace():
            raise AmountError(f"{text!r}: no space is allowed after 人民币")
    s = s.translate(_TRADITIONAL)
    bad = sorted({ch for ch in s if ch in _FORBIDDEN})
    if bad:
        raise AmountError(f"{text!r}: {''.join(bad)} may not appear in capitals")
    unknown = sorted({ch for ch in s if ch not in _ALLOWED})
    if unknown:
        raise AmountError(f"{text!r}: unexpected {''.join(unknown)}")
    closing = s[-1:] in ("整", "正")
    if closing:
        s = s[:-1]
    if "整" in s or "正" in s:
        raise AmountError(f"{text!r}: 整 only at the end")
    return s, closing


def _parse_jiao_fen(
    dec_part: str, original: str, *, integer: int, closing: bool, has_yuan: bool
) -> tuple[int, int]:
    """The 角 and 分 after 元 (or the whole amount below one yuan), with the PBoC's 零 and 整 rules."""
    m = _JIAO_FEN.fullmatch(dec_part)
    if m is None:
        raise AmountError(f"{original!r}: cannot read 角/分 part {dec_part!r}")
    lead_zero, j, mid_zero, f = m.groups()
    if mid_zero:
        raise AmountError(f"{original!r}: 零 between 角 and 分")
    if not dec_part and not closing:
        raise AmountError(f"{original!r}: a whole amount must end with 整 (or 正)")
    if f and closing:
        raise AmountError(f"{original!r}: 整 may not follow 分")
    if lead_zero and (not (j or f) or (integer == 0 and not has_yuan)):
        raise AmountError(f"{original!r}: stray 零")
    if f and not j and integer and not lead_zero:
        raise AmountError(f"{original!r}: 零 is required after 元 when 角 is 0 and 分 is not")
    return (_DIGITS.index(j) if j else 0), (_DIGITS.index(f) if f else 0)


def upper_matches(upper: str, amount: Decimal | int | str) -> bool:
    """True when the capitals read back to the amount rounded to 0.01."""
    try:
        return parse_rmb_upper(upper) == round_money(amount)
    except AmountError:
        return False


# --------------------------------------------------------------------------- English words

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))

#: currency -> (name before the words, major unit, minor unit)
CURRENCY_WORDS = {
    "CNY": ("Renminbi", "yuan", "fen"),
    "RMB": ("Renminbi", "yuan", "fen"),
    "USD": ("US Dollars", "", "cents"),
    "EUR": ("Euros", "", "cents"),
    "HKD": ("Hong Kong Dollars", "", "cents"),
    "GBP": ("Pounds Sterling", "", "pence"),
}


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds:
        words.append(f"{_ONES[hundreds]} hundred")
    if rest:
        if hundreds:
            words.append("and")
        if rest < 20:
            words.append(_ONES[rest])
        else:
            tens, ones = divmod(rest, 10)
            words.append(_TENS[tens] + (f"-{_ONES[ones]}" if ones else ""))
    return " ".join(words)


def integer_words(n: int) -> str:
    """British-style cardinal: 1409 -> 'one thousand four hundred and nine'."""
    if n < 0:
        raise AmountError("negative amounts have no words form")
    if n == 0:
        return "zero"
    words = []
    for scale, name in _SCALES:
        if n >= scale:
            q, n = divmod(n, scale)
            words.append(f"{integer_words(q)} {name}")
    if n:
        if words and n < 100:
            words.append("and")
        words.append(_below_thousand(n))
    return " ".join(words)


def amount_words(amount: Decimal | int | str, currency: str = "CNY") -> str:
    """English amount in words for bid forms, e.g. 1409.50 CNY ->
    'Renminbi One Thousand Four Hundred and Nine Yuan and Fifty Fen Only'."""
    value = round_money(amount)
    if value < 0:
        raise AmountError(f"{format_money(value)} is negative: amounts in words must be ≥ 0")
    if value >= UPPER_LIMIT:
        raise AmountError(f"{format_money(value)} is too large for amount in words")
    name, major, minor = CURRENCY_WORDS.get(currency.upper(), (currency.upper(), "", "cents"))
    cents = int(value * 100)
    integer, frac = divmod(cents, 100)
    if integer == 0 and frac:
        text = f"{integer_words(frac)} {minor}"
    else:
        text = integer_words(integer) + (f" {major}" if major else "")
        if frac:
            text += f" and {integer_words(frac)} {minor}"
    text = " ".join(w if w == "and" else w.capitalize() for w in text.split(" "))
    text = "-".join(p[:1].upper() + p[1:] for p in text.split("-"))
    return f"{name} {text} Only"
