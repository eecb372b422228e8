"""Numbers as contracts write them: percentages, durations, daily penalty rates, amounts.

Every finder takes a text and returns `Found` items in text order, with the value normalised
(percentages as fractions, durations in their unit, amounts in their currency) and the span of
the text it was read from, so a rule can show the matched words and compare the value with a
threshold. Full-width digits and signs (１０％) are read like ASCII; offsets always refer to the
text as given.

Forms read (see tests/core/test_numbers.py for the full set):
- percentages: 10%, 10 %, 10％, 百分之十, 百分之三点五, 千分之五 (0.005), 万分之五 (0.0005), 5‰,
  "ten percent (10%)", "10 per cent", and a bare 0.1 only where the context says 比例/rate;
- durations: 60日, 六十天, 两个月, 90个自然日, 30个工作日, 一年半, 半年, "sixty (60) days",
  "2 years", "30 business days", "thirty-day"; dates (2024年3月5日, 每月5日) are not durations;
- daily rates: 每日按合同总价的千分之五, 每逾期一天支付0.1%, 日万分之五, "0.05% per day",
  "per day of delay ... 0.5%", weekly rates converted to a daily rate;
- amounts: ¥1,234.50, 1,234.50元, 12.5万元, 人民币壹佰万元整, 五百万元, USD 1,000,000, $2.5 million.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from decimal import Decimal

from pydantic import BaseModel

from bidassist.core.money import AmountError, parse_amount, parse_rmb_upper

__all__ = [
    "Found",
    "chinese_numeral",
    "english_numeral",
    "find_amounts",
    "find_daily_rates",
    "find_durations",
    "find_percents",
    "int_to_chinese",
    "to_days",
    "to_months",
]


class Found(BaseModel):
    """One number found in a text: its normalised value, unit, and where it was written."""

    value: Decimal
    unit: str
    start: int
    end: int
    raw: str


# --------------------------------------------------------------------------- helpers

#: Full-width ASCII (！..～) to ASCII and the ideographic space to a space: one char for one char,
#: so offsets in the translated text are offsets in the original.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
_WIDTH[0x3007] = ord("〇")  # keep 〇


def _narrow(text: str) -> str:
    return text.translate(_WIDTH)


def _dedupe(cands: Iterable[tuple[int, int, Decimal, str]], text: str) -> list[Found]:
    """Keep the longest of overlapping candidates, earliest first."""
    out: list[Found] = []
    last_end = -1
    for start, end, value, unit in sorted(cands, key=lambda c: (c[0], -(c[1] - c[0]))):
        if start < last_end:
            continue
        out.append(Found(value=value, unit=unit, start=start, end=end, raw=text[start:end]))
        last_end = end
    return out


# --------------------------------------------------------------------------- prefilter

#: the finders' regexes run only on text holding a string every match of theirs needs (speed
#: only: the prefilter passes every text a regex can match in; tests turn it off to compare)
PREFILTER = True
#: non-ASCII characters that re.IGNORECASE matches to an ASCII letter and lower() keeps
#: (K lower-cases to k and İ to i + a combining dot)
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s"})
_FOLDED = re.compile("[\u0131\u017f]")


#: an English number word (_PCT_WORDS) needs a letter
_LETTER = re.compile("[a-z]")


def _lowered(t: str) -> str:
    """The text as the needles are looked for: lower case, ı and ſ read as i and s."""
    low = t.lower()
    return low.translate(_FOLD) if _FOLDED.search(low) else low


def _finditer(
    pattern: re.Pattern[str], t: str, low: str, needles: tuple[str, ...]
) -> Iterable[re.Match[str]]:
    """pattern.finditer(t), or nothing when `low` (_lowered(t)) holds none of the needles, one of
    which every match of the pattern contains (lower case)."""
    if PREFILTER and not any(n in low for n in needles):
        return ()
    return pattern.finditer(t)


# --------------------------------------------------------------------------- Chinese numerals

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "幺": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "貮": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_CN_TENS = {"廿": "二十", "卄": "二十", "卅": "三十", "卌": "四十"}
_CN_ALL = set(_CN_DIGITS) | set(_CN_SMALL_UNITS) | set(_CN_BIG_UNITS) | set(_CN_TENS)
#: A run of Chinese numeral characters (for regexes).
CN_NUM_CHARS = "".join(sorted(_CN_ALL))


def _cn_small(chunk: str, original: str) -> int:
    """0..9999 from a chunk without 万/亿, e.g. 一千零五, 十二, 三千五 (= 3500)."""
    total = 0
    digit: int | None = None
    last_unit = 0
    zero_seen = False
    for ch in chunk:
        if ch in _CN_DIGITS:
            d = _CN_DIGITS[ch]
            if d == 0:
                zero_seen = True
                if digit is not None:
                    raise ValueError(f"{original!r} is not a Chinese numeral")
                continue
            if digit is not None:
                raise ValueError(f"{original!r} is not a Chinese numeral (two digits in a row)")
            digit = d
        elif ch in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[ch]
            if last_unit and unit >= last_unit:
                raise ValueError(f"{original!r} is not a Chinese numeral ({ch} out of order)")
            if digit is None:
                if unit == 10 and total == 0:
                    digit = 1  # 十二
                else:
                    raise ValueError(f"{original!r} is not a Chinese numeral ({ch} without a digit)")
            total += digit * unit
            digit = None
            last_unit = unit
            zero_seen = False
        else:
            raise ValueError(f"{original!r} is not a Chinese numeral")
    if digit is not None:
        if last_unit >= 100 and not zero_seen:
            total += digit * last_unit // 10  # 三千五 = 3500, 一百二 = 120
        else:
            total += digit
    return total


def chinese_numeral(text: str) -> int:
    """Read a Chinese numeral: 十二, 两, 一百二十, 一百零五, 三十, 廿, 零, 一万五 (15000),
    壹佰贰拾, 二〇二四 (digit by digit). Arabic digits are accepted too. ValueError otherwise."""
    original = text
    s = _narrow(text).strip()
    if not s:
        raise ValueError("empty numeral")
    if len(s) > MAX_NUMERAL_CHARS:
        raise ValueError(f"{original[:20]!r}… is over {MAX_NUMERAL_CHARS} characters: not a numeral")
    if s.isascii() and s.isdigit():
        return int(s)
    for k, v in _CN_TENS.items():
        s = s.replace(k, v)
    if any(ch not in _CN_ALL for ch in s):
        raise ValueError(f"{original!r} is not a Chinese numeral")
    if all(ch in _CN_DIGITS for ch in s):
        if len(s) == 1:
            return _CN_DIGITS[s]
        # digit by digit (二〇二四); two or more digits with a leading 零 are not a number
        if len(s) > 20:
            raise ValueError(f"{original[:20]!r}… has over 20 digits: not a numeral")
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    s = s.replace("萬", "万").replace("億", "亿")
    return _cn_big(s, original)


def _cn_big(s: str, original: str) -> int:
    """Integers with 亿 and 万 groups: 一亿二千万, 一万亿, 一万五 (15000), 一亿五 (150 million),
    九千万亿零七 (万亿 = 10^12, as `int_to_chinese` writes up to 10^16)."""
    if "万亿" in s:
        head, _, tail = s.partition("万亿")
        if "万亿" in tail or not head:
            raise ValueError(f"{original!r} is not a Chinese numeral")
        return _cn_small(head, original) * 10**12 + (_cn_big(tail, original) if tail else 0)
    if "亿" in s:
        return _cn_split(s, original, "亿", 100_000_000, _cn_wan)
    return _cn_wan(s, original)


def _cn_wan(s: str, original: str) -> int:
    if "万" in s:
        return _cn_split(s, original, "万", 10_000, _cn_small)
    return _cn_small(s, original)


def _cn_split(s: str, original: str, unit: str, factor: int, part: Callable[[str, str], int]) -> int:
    """`s` read as head × unit + tail, each read by `part`; a lone digit after the unit is in the
    next lower place (三万五 = 35,000; 两亿三 = 230,000,000)."""
    head, _, tail = s.partition(unit)
    if unit in tail or not head:
        raise ValueError(f"{original!r} is not a Chinese numeral")
    high = part(head, original) * factor
    if len(tail) == 1 and _CN_DIGITS.get(tail):
        return high + _CN_DIGITS[tail] * (factor // 10)
    return high + (part(tail, original) if tail else 0)


_CN_NUMERALS_SIMPLE = "零一二三四五六七八九"
#: Chinese numerals are written and read below 10^16 (the largest unit is 万亿) ...
CHINESE_LIMIT = 10**16
#: ... from at most this many characters (digits one by one: 20).
MAX_NUMERAL_CHARS = 40


def int_to_chinese(n: int, *, legal: bool = False) -> str:
    """0 -> 零, 12 -> 十二, 105 -> 一百零五, 110 -> 一百一十, 10000 -> 一万; `legal` uses 壹贰叁."""
    if n < 0:
        raise ValueError("negative numbers have no Chinese counting form here")
    if n >= CHINESE_LIMIT:
        raise ValueError(f"{n:.3g} is over the limit of 10^16 for Chinese numerals")
    digits = "零壹贰叁肆伍陆柒捌玖" if legal else _CN_NUMERALS_SIMPLE
    units = ("", "拾", "佰", "仟") if legal else ("", "十", "百", "千")
    if n == 0:
        return digits[0]

    def group(g: int) -> str:
        out: list[str] = []
        zero = False
        for i, ch in enumerate(f"{g:04d}"):
            d = int(ch)
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out.append(digits[0])
                zero = False
            out.append(digits[d] + units[3 - i])
        return "".join(out)

    parts: list[str] = []
    groups = []
    while n:
        n, g = divmod(n, 10_000)
        groups.append(g)
    big = ("", "万" if not legal else "万", "亿", "万亿")
    need_zero = False
    for k in range(len(groups) - 1, -1, -1):
        g = groups[k]
        if g == 0:
            need_zero = bool(parts)
            continue
        if parts and (need_zero or g < 1000):
            parts.append(digits[0])
        parts.append(group(g) + big[k])
        need_zero = False
    text = "".join(parts)
    if not legal and text.startswith("一十"):
        text = text[1:]  # 十二, not 一十二
    return text


# --------------------------------------------------------------------------- English numerals

_EN_ONES = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_EN_TENS = {
    w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_EN_SCALES = {"hundred": 100, "thousand": 1000}
_EN_WORD = "|".join(sorted(list(_EN_ONES) + list(_EN_TENS), key=len, reverse=True))
#: English number words: "sixty", "one hundred twenty", "thirty-five", "two hundred and ten".
EN_NUMBER = rf"(?:(?:{_EN_WORD})(?:(?:[\s-]+(?:and\s+)?)(?:{_EN_WORD}|hundred|thousand)\b){{0,12}})"


def english_numeral(text: str) -> int:
    """'sixty' -> 60, 'one hundred and twenty' -> 120, 'thirty-five' -> 35. ValueError otherwise."""
    words = [w for w in re.split(r"[\s-]+", text.strip().lower()) if w and w != "and"]
    if not words:
        raise ValueError(f"{text!r} is not an English numeral")
    total, current = 0, 0
    for w in words:
        if w in _EN_ONES:
            current += _EN_ONES[w]
        elif w in _EN_TENS:
            current += _EN_TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            raise ValueError(f"{text!r} is not an English numeral")
    return total + current


# --------------------------------------------------------------------------- percentages

#: a number in digits: at most 24 before the point and 12 after (longer runs are not numbers)
_NUM = r"(?<!\d)\d{1,24}(?:\.\d{1,12})?"
_CN_NUM = rf"(?<![{CN_NUM_CHARS}])[{CN_NUM_CHARS}]{{1,24}}(?:点[零〇一二三四五六七八九]{{1,12}})?"
_CN_FRACTION_DIGITS = {ch: str(v) for ch, v in _CN_DIGITS.items() if v < 10}


def _cn_decimal(text: str) -> Decimal:
    """三点五 -> 3.5, 十二 -> 12, 5 -> 5, 0.5 -> 0.5."""
    s = _narrow(text).strip()
    if re.fullmatch(_NUM, s):
        return Decimal(s)
    head, sep, tail = s.partition("点")
    value = Decimal(chinese_numeral(head)) if head else Decimal(0)
    if sep:
        if not tail or any(ch not in _CN_FRACTION_DIGITS for ch in tail):
            raise ValueError(f"{text!r} is not a number")
        value += Decimal("0." + "".join(_CN_FRACTION_DIGITS[ch] for ch in tail))
    return value


_PCT_DIGITS = re.compile(
    rf"(?<![\d.])(?P<n>{_NUM}|\.\d+)(?P<f>[½¼¾⅓⅔])?[ \t]{{0,3}}(?P<s>%|‰|‱|percent\b|per\s?cent\b\.?|pct\b)",
    re.I,
)
#: a vulgar fraction written after the digits: 7½% is 7.5 %
_VULGAR = {
    "½": Decimal("0.5"),
    "¼": Decimal("0.25"),
    "¾": Decimal("0.75"),
    "⅓": Decimal(1) / 3,
    "⅔": Decimal(2) / 3,
}
_PCT_CN = re.compile(rf"(?P<b>百|千|万)分之\s*(?P<n>{_NUM}|{_CN_NUM})")
_PCT_WORDS = re.compile(
    rf"\b(?P<w>{EN_NUMBER})\s*(?:\(\s*(?P<d1>{_NUM})\s*%?\s*\)\s*)?(?:percent\b|per\s?cent\b\.?|%)"
    rf"(?:\s*\(\s*(?P<d2>{_NUM})\s*%\s*\))?",
    re.I,
)
_PCT_CONTEXT = re.compile(
    r"(?:比例|比率|费率|税率|利率|扣率|\brate\b|\bratio\b)[^\d%。；;\n]{0,10}?(?<![\d.])(?P<n>0?\.\d+|0|1(?:\.0+)?)"
    r"(?![\d%‰.]|\s*(?:%|元|万|天|日|个|月|年|percent|per\s?cent|days?|months?|years?))",
    re.I,
)
#: the whole price as a share: "bonds, each in the full amount of the Subcontract Price" is 100 %
_PCT_FULL = re.compile(
    r"\bfull\s+(?:amount|value)\s+of\s+(?:the\s+|this\s+)?(?:sub-?contract|contract|purchase\s+order|order)"
    r"\s+(?:price|sum|amount|value)\b",
    re.I,
)
#: a fraction of a percent: "1/10 of 1%", "one-tenth of one percent (0.001)", "one-half of one per cent",
#: "one-tenth (1/10) of one percent", "one-twentieth of one percent"
_PCT_FRACTION = re.compile(
    rf"(?<![\d.])(?:(?P<num>\d{{1,3}})\s*/\s*(?P<den>\d{{1,4}})|(?:(?P<wn>one|a|two|three|four|five)[\s-]+)?(?P<wd>half|"
    rf"third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth|fifteenth|twentieth|twenty-fifth|fortieth|"
    rf"fiftieth|hundredth|thousandth)s?(?:\s*\(\s*\d{{1,3}}\s*/\s*\d{{1,4}}\s*\))?)\s+of\s+(?:(?P<n>{_NUM})|one|a|an)\s*"
    rf"(?:%|percent\b|per\s?cent\b\.?)(?:\s*\(\s*(?P<d>{_NUM})\s*(?P<dp>%)?\s*\))?",
    re.I,
)
#: a fraction written before the sign: "penalties of 1/10% per day" is a tenth of one percent
_PCT_SLASH = re.compile(
    r"(?<![\d./])(?P<num>\d{1,3})[ \t]*/[ \t]*(?P<den>\d{1,4})[ \t]{0,3}(?:%|percent\b|per\s?cent\b)", re.I
)
_FRACTION_WORDS = {
    "half": Decimal(2),
    "third": Decimal(3),
    "quarter": Decimal(4),
    "fourth": Decimal(4),
    "fifth": Decimal(5),
    "sixth": Decimal(6),
    "seventh": Decimal(7),
    "eighth": Decimal(8),
    "ninth": Decimal(9),
    "tenth": Decimal(10),
    "fifteenth": Decimal(15),
    "twentieth": Decimal(20),
    "twenty-fifth": Decimal(25),
    "fortieth": Decimal(40),
    "fiftieth": Decimal(50),
    "hundredth": Decimal(100),
    "thousandth": Decimal(1000),
}
_SMALL_WORDS = {
    "one": Decimal(1),
    "a": Decimal(1),
    "an": Decimal(1),
    "two": Decimal(2),
    "three": Decimal(3),
    "four": Decimal(4),
    "five": Decimal(5),
}


def _fraction_of_percent(m: re.Match[str]) -> Decimal | None:
    """The share a _PCT_FRACTION match states (1/10 of 1 % -> 0.001), or None for a zero denominator."""
    if m["num"]:
        num, den = Decimal(m["num"]), Decimal(m["den"])
    else:
        num, den = _SMALL_WORDS[(m["wn"] or "one").lower()], _FRACTION_WORDS[m["wd"].lower()]
    if m["d"] and m["dp"]:
        # "one-tenth of one percent (1%)": the figure in brackets, as "one percent (1%)" is read
        return Decimal(m["d"]) / 100
    pct = Decimal(m["n"]) if m["n"] else Decimal(1)
    return None if den == 0 else num / den * pct / 100


#: a string every _PCT_CONTEXT match holds ("rat": rate, ratio)
_CONTEXT_NEEDLES = ("比例", "比率", "费率", "税率", "利率", "扣率", "rat")
_PCT_BASES = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10_000)}
_PCT_SIGNS = {"%": Decimal(100), "‰": Decimal(1000), "‱": Decimal(10_000)}


def _percent_candidates(t: str) -> list[tuple[int, int, Decimal, str]]:
    cands: list[tuple[int, int, Decimal, str]] = []
    low = _lowered(t)
    for m in _finditer(_PCT_DIGITS, t, low, ("%", "‰", "‱", "cent", "pct")):
        base = _PCT_SIGNS.get(m["s"], Decimal(100))
        n = Decimal(m["n"]) + (_VULGAR[m["f"]] if m["f"] else 0)
        cands.append((m.start(), m.end(), n / base, "percent"))
    for m in _finditer(_PCT_CN, t, low, ("分之",)):
        try:
            n = _cn_decimal(m["n"])
        except ValueError:
            continue
        cands.append((m.start(), m.end(), n / _PCT_BASES[m["b"]], "percent"))
    for m in _finditer(_PCT_WORDS, t, low, ("%", "cent") if _LETTER.search(low) else ()):
        digits = m["d2"] or m["d1"]
        try:
            n = Decimal(digits) if digits else Decimal(english_numeral(m["w"]))
        except ValueError:
            continue
        cands.append((m.start(), m.end(), n / 100, "percent"))
    for m in _finditer(_PCT_FRACTION, t, low, (" of ",)):
        share = _fraction_of_percent(m)
        if share is not None:
            cands.append((m.start(), m.end(), share, "percent"))
    for m in _finditer(_PCT_SLASH, t, low, ("/",)):
        if int(m["den"]):
            cands.append((m.start(), m.end(), Decimal(m["num"]) / Decimal(m["den"]) / 100, "percent"))
    for m in _finditer(_PCT_FULL, t, low, ("full",)):
        cands.append((m.start(), m.end(), Decimal(1), "percent"))
    for m in _finditer(_PCT_CONTEXT, t, low, _CONTEXT_NEEDLES):
        cands.append((m.start("n"), m.end("n"), Decimal(m["n"]), "percent"))
    return cands


def find_percents(text: str) -> list[Found]:
    """Percentages and shares as fractions: 10% -> 0.10, 千分之五 -> 0.005, 百分之三点五 -> 0.035.
    `unit` is "percent" (the value is always the fraction)."""
    return _dedupe(_percent_candidates(_narrow(text)), text)


# --------------------------------------------------------------------------- durations

_DUR_CN = re.compile(
    rf"(?:(?P<n>{_NUM}|{_CN_NUM}|半)\s*(?:[(（]\s*(?P<p>{_NUM})\s*[)）]\s*)?|[(（]\s*(?P<q>{_NUM})\s*[)）]\s*)"
    r"(?P<ge>个)?\s*(?P<half>半)?\s*"
    r"(?P<u>个?工作日|个?自然日|个?日历[日天]|个?公历日|天|日|周年|周|星期|个?月|年)(?P<yhalf>半)?"
)
_DUR_EN = re.compile(
    rf"(?<![\w.])(?P<n>{_NUM}|{EN_NUMBER})(?:\s*\(\s*(?P<p>{_NUM})\s*\))?[\s-]*"
    r"(?P<k>calendar|business|working|banking|consecutive|full)?[\s-]*"
    r"(?P<u>days?|months?|years?|weeks?)\b",
    re.I,
)
#: a period written as the day it ends: "on the ninetieth (90th) day after delivery", "the 30th
#: business day following receipt" (not "the 5th day of each month": a date)
_DUR_EN_ORDINAL = re.compile(
    r"(?<![\w.])(?:[a-z]+(?:-[a-z]+)?\s*\(\s*)?(?P<p>\d{1,4})(?:st|nd|rd|th)\s*\)?[\s-]+"
    r"(?:(?P<k>calendar|business|working|banking)[\s-]+)?day(?=\s+(?:after|following|from)\b)",
    re.I,
)
_HALF = Decimal("0.5")


def _duration_candidates(t: str) -> list[tuple[int, int, Decimal, str]]:
    cands: list[tuple[int, int, Decimal, str]] = []
    low = _lowered(t)
    for m in _finditer(_DUR_CN, t, low, ("日", "天", "周", "星", "月", "年")):
        found = _cn_duration(m, t)
        if found is not None:
            cands.append((m.start(), m.end(), *found))
    for m in _finditer(_DUR_EN, t, low, ("day", "month", "year", "wee")):
        found = _en_duration(m)
        if found is not None:
            cands.append((m.start(), m.end(), *found))
    if "day" in low:
        for m in _DUR_EN_ORDINAL.finditer(t):
            unit = "working_days" if (m["k"] or "").lower() in _EN_WORKING else "days"
            cands.append((m.start(), m.end(), Decimal(m["p"]), unit))
    return cands


#: Chinese units that are a duration whatever precedes them
_CN_PLAIN_UNITS = {
    "工作日": "working_days",
    "自然日": "days",
    "日历日": "days",
    "日历天": "days",
    "公历日": "days",
}


def _cn_duration(m: re.Match[str], t: str) -> tuple[Decimal, str] | None:
    """(value, unit) of a Chinese duration match, or None when it is a date or not a duration."""
    n_text, unit = _cn_count(m), m["u"]
    if unit.startswith("个") and m["ge"]:
        return None  # 个个月
    has_ge = bool(m["ge"]) or unit.startswith("个")
    unit = unit.lstrip("个")
    try:
        value = (
            _HALF
            if n_text == "半"
            else Decimal(m["p"] or m["q"])
            if m["p"] or m["q"]
            else _cn_decimal(n_text)
        )
    except ValueError:
        return None
    if m["half"]:
        if not has_ge or unit != "月":
            return None
        value += _HALF  # 一个半月
    kind = _cn_kind(m, t, unit, has_ge)
    if kind is None:
        return None
    if unit in ("周", "星期"):
        return value * 7, kind
    if kind == "years" and unit == "年" and m["yhalf"]:
        return value * 12 + 6, "months"  # 一年半
    return value, kind


def _cn_count(m: re.Match[str]) -> str:
    """The number of a Chinese duration: 三（3）年 -> 三, （3）年 -> 3 (a form's bracketed blank, filled)."""
    return m["n"] or m["q"]


def _cn_kind(m: re.Match[str], t: str, unit: str, has_ge: bool) -> str | None:
    n_text = _cn_count(m)
    if unit in _CN_PLAIN_UNITS:
        return _CN_PLAIN_UNITS[unit]
    if unit in ("天", "日"):
        before = t[m.start() - 1] if m.start() else ""
        if (before and before in "月/-.") or (n_text != "半" and re.fullmatch(r"\d{4}", n_text)):
            return None  # 3月5日, 每月5日: a date
        return "days"
    if unit in ("周", "星期"):
        return None if n_text == "半" else "days"
    if unit == "周年":
        return "years"
    if unit == "月":
        return "months" if has_ge or n_text == "半" else None  # 3月 is March, 十二月 December
    return None if has_ge and n_text == "半" or _cn_year_is_date(m, t, has_ge) else "years"


#: 一年期贷款市场报价利率, 五年期LPR: the tenor of a rate, not a number of years
_RATE_TENOR = re.compile(r"期(?:以上)?[^。；;，,]{0,8}?(?:贷款|存款|利率|LPR|lpr|报价|国债|定期)")


def _cn_year_is_date(m: re.Match[str], t: str, has_ge: bool) -> bool:
    """2024年 / 二〇二四年 / 24年3月: a date, not a number of years (nor a rate's tenor, 一年期LPR)."""
    n_text, after = _cn_count(m), t[m.end() : m.end() + 3]
    if re.fullmatch(r"\d{3,4}", n_text) or (len(n_text) >= 3 and all(ch in _CN_DIGITS for ch in n_text)):
        return True
    if _RATE_TENOR.match(t, m.end()):
        return True
    return after[:1].isdigit() or (after[:1] in _CN_DIGITS and after.find("月") > 0 and not has_ge)


_EN_WORKING = ("business", "working", "banking")


def _en_duration(m: re.Match[str]) -> tuple[Decimal, str] | None:
    """(value, unit) of an English duration match ("sixty (60) days", "2 business days")."""
    n_text = m["n"]
    try:
        if m["p"]:
            value = Decimal(m["p"])
        else:
            value = Decimal(n_text) if n_text[0].isdigit() else Decimal(english_numeral(n_text))
    except ValueError:
        return None
    unit = m["u"].lower().rstrip("s")
    if unit == "day":
        return value, ("working_days" if (m["k"] or "").lower() in _EN_WORKING else "days")
    if unit == "week":
        return value * 7, "days"  # a business week is a calendar week
    return value, ("months" if unit == "month" else "years")


def find_durations(text: str) -> list[Found]:
    """Periods of time: 60日, 六十天, 两个月, 90个自然日, 30个工作日, "sixty (60) days", 2 years.

    `unit` is one of "days", "working_days", "months", "years"; weeks are given in days, 一年半 in
    months. Dates (2024年3月5日, 每月5日, 3月) are not durations."""
    return _dedupe(_duration_candidates(_narrow(text)), text)


_TO_DAYS = {
    "days": Decimal(1),
    "working_days": Decimal(7) / Decimal(5),
    "months": Decimal(30),
    "years": Decimal(365),
}


def to_days(found: Found) -> Decimal:
    """Calendar days: months x 30, years x 365, working days x 7/5."""
    try:
        return found.value * _TO_DAYS[found.unit]
    except KeyError:
        raise ValueError(f"{found.unit!r} is not a duration unit") from None


def to_months(found: Found) -> Decimal:
    """Months: days / 30, years x 12, working days x 7/5 / 30."""
    if found.unit == "months":
        return found.value
    if found.unit == "years":
        return found.value * 12
    return to_days(found) / 30


# --------------------------------------------------------------------------- daily rates

#: a delay named before a number of days or weeks (每逾期十（10）日, 每迟延交付3天): the rate is per
#: that many days; a number there without a delay word (每30日支付10%) is a schedule, not a rate
_DELAY_CN = (
    r"(?:逾期|延期|延迟|迟延|拖延|延误|超期|超时|误期|拖期|推迟|延后|滞后|迟到|晚到|迟交|晚交|迟|逾|晚)"
)
_TASK_CN = r"(?:交货|付款|支付|付|完工|竣工|交付|履行|提交|供货|到货|发货|送达|到达|到场|到岗|上线|响应|恢复)"
_PERIOD_N = (
    r"(?P<{0}>[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{{1,3}}|\d{{1,3}})\s*(?:[(（]\s*\d{{1,3}}\s*[)）])?"
)
_RATE_ANCHOR = re.compile(
    rf"(?P<day>每{_DELAY_CN}{_TASK_CN}?\s*{_PERIOD_N.format('dn')}\s*(?:个)?(?:日历|自然|工作)?(?:天|日)(?!期|常|内|起)"
    r"|每\s*[(（]\s*(?:天|日)\s*[)）]"
    rf"|每{_DELAY_CN}?{_TASK_CN}?"
    r"\s*(?:一|壹|1)?\s*(?:个)?(?:日历|自然|工作)?(?:天|日)(?!期|常|内|起)"
    r"|(?:逾期|延期|延误|迟延|延迟|超期|误期|拖期)(?:的)?(?:天|日)数|按日|[/／]\s*(?:天|日)|日(?=\s*(?:[百千万]分之|\d+(?:\.\d+)?\s*[%‰]))"
    r"|\bper\s+(?:calendar\s+|business\s+|working\s+)?day\b|\b(?:for\s+)?(?:each|every)\s+(?:full\s+|complete\s+|commenced\s+|started\s+|whole\s+)?"
    r"(?:calendar\s+|business\s+|working\s+)?day\b|\bdaily\b|\bper\s+diem\b|\ba\s+day\b|/\s?day\b)"
    rf"|(?P<week>每{_DELAY_CN}{_TASK_CN}?\s*{_PERIOD_N.format('wn')}\s*(?:个)?(?:周|星期)"
    r"|每(?:逾期|延期|延迟|迟延|拖延|延误|超期|超时|误期|拖期|推迟|延后|滞后|迟)?(?:交货|付款|完工|交付|发货|送达|到货)?\s*(?:一|壹|1)?\s*(?:个)?(?:周|星期)"
    r"|\bper\s+week\b|\b(?:each|every)\s+(?:full\s+|complete\s+|commenced\s+|started\s+|whole\s+)?(?:calendar\s+)?week\b|\bweekly\b)"
    # a month of delay (每延期一个月, 每逾期两个月, "for each month of delay"): always with the delay
    # word, as 每月 alone is a schedule (每月支付合同价的10%), not a rate
    rf"|(?P<month>每{_DELAY_CN}{_TASK_CN}?\s*(?:{_PERIOD_N.format('mn')})?\s*(?:个)?月(?!份|末|底|初|内)"
    r"|\b(?:per|each|every|for\s+each|for\s+every)\s+(?:full\s+|complete\s+)?(?:calendar\s+)?month\s+(?:or\s+part\s+thereof\s+)?(?:of\s+)?(?:delay|late)\w*)",
    re.I,
)
#: a string every _RATE_ANCHOR match holds
_RATE_NEEDLES = ("日", "天", "周", "星期", "月", "day", "dail", "diem", "wee", "month")
_SENTENCE_BREAK = re.compile(r"[。；;！？!?]|(?<![:：])\n|\.\s")  # a colon ends a lead-in, not the sentence
_CAP_WORDS = re.compile(
    # words that start a cap; not 总额 / "total" alone (合同总额的千分之五 is the base of a rate)
    # 最高结算金额 / 最高限价 is the base of a rate, not a cap
    r"不超过|不得超过|不应超过|不高于|最高(?!(?:结算|合同)?(?:总)?(?:金额|限价|价))|最多|上限|封顶|累计|\bcap(?:ped)?\b|\bmaximum\b|\bexceed|"
    r"\blimit|\baggregate\b|\bup to\b|\bin total\b",
    re.I,
)
_RATE_WINDOW = 48
#: an English rate may name its base at length between rate and day ("1% of the delayed goods or
#: services scheduled for delivery for every day"): plain words only, no number or punctuation
_RATE_WINDOW_WORDS = 120
_PLAIN_WORDS = re.compile(r"[A-Za-z\s'’/()-]*")  # (s) of "product(s)" too


#: the words from an English per-day phrase on to its rate, one comma part at most ("For each complete
#: week by which delivery of any Goods is late, the Supplier shall pay liquidated damages of 1%")
_PLAIN_WORDS_AFTER = re.compile(r"[A-Za-z\s'’/()-]*,?[A-Za-z\s'’/()-]*")


def _within_window(gap: str, words: re.Pattern = _PLAIN_WORDS) -> bool:
    return len(gap) <= _RATE_WINDOW or (len(gap) <= _RATE_WINDOW_WORDS and words.fullmatch(gap) is not None)


def _period_days(n: str | None) -> int:
    """The number of days (or weeks) of 每逾期N日; 1 when none is written or it cannot be read."""
    if not n:
        return 1
    try:
        return max(1, chinese_numeral(n))
    except ValueError:
        return 1


def _rate_candidates(t: str) -> list[tuple[int, int, Decimal, str]]:
    percents = sorted(_dedupe(_percent_candidates(t), t), key=lambda f: f.start)
    if not percents:
        return []
    used: set[int] = set()
    cands: list[tuple[int, int, Decimal, str]] = []

    def clean_between(a: int, b: int) -> bool:
        gap = t[a:b]
        return not _SENTENCE_BREAK.search(gap) and not _CAP_WORDS.search(gap)

    starts = [p.start for p in percents]
    longest = max(p.end - p.start for p in percents)
    for m in _finditer(_RATE_ANCHOR, t, _lowered(t), _RATE_NEEDLES):
        best: tuple[int, int] | None = None  # (distance, index of percent)
        first = bisect_left(starts, m.start() - _RATE_WINDOW_WORDS - longest)  # earlier ones are too far
        for i in range(first, len(percents)):
            p = percents[i]
            if i in used:
                continue
            if p.end <= m.start():
                dist = m.start() - p.end
                if _within_window(t[p.end : m.start()]) and clean_between(p.end, m.start()):
                    if best is None or dist < best[0]:
                        best = (dist, i)
            elif p.start >= m.end():
                dist = p.start - m.end()
                if dist > _RATE_WINDOW_WORDS:
                    break
                if (
                    _within_window(t[m.end() : p.start], _PLAIN_WORDS_AFTER)
                    and clean_between(m.end(), p.start)
                    and (best is None or dist < best[0])
                ):
                    best = (dist, i)
        if best is None:
            continue
        p = percents[best[1]]
        used.add(best[1])
        if m["week"]:
            value = p.value / (_period_days(m["wn"]) * 7)
        elif m["month"]:
            value = p.value / (_period_days(m["mn"]) * _TO_DAYS["months"])  # a month as `to_days` counts it
        else:
            value = p.value / _period_days(m["dn"])
        cands.append((min(m.start(), p.start), max(m.end(), p.end), value, "per_day"))
    return cands


def find_daily_rates(text: str) -> list[Found]:
    """Penalty or interest rates per day, as a fraction per day: 每日按合同总价的千分之五 -> 0.005,
    每逾期一天支付0.1% -> 0.001, "0.05% per day" -> 0.0005. The percentage is paired with the
    nearest per-day phrase in the same sentence, never across a cap (不超过, up to, maximum);
    weekly rates are divided by 7, monthly ones (每延期一个月, "each month of delay") by 30. `unit` is
    "per_day"; the span covers phrase and rate."""
    return _dedupe(_rate_candidates(_narrow(text)), text)


# --------------------------------------------------------------------------- amounts

_AMOUNT_NUM = r"\d{1,3}(?:,\d{3}){1,8}(?:\.\d{1,12})?|\d{1,24}(?:\.\d{1,12})?"
_CUR_PREFIX = {
    "人民币": "CNY",
    "RMB": "CNY",
    "CNY": "CNY",
    "¥": "CNY",
    "￥": "CNY",
    "USD": "USD",
    "US$": "USD",
    "$": "USD",
    "HK$": "HKD",
    "HKD": "HKD",
    "EUR": "EUR",
    "€": "EUR",
    "GBP": "GBP",
    "£": "GBP",
    "JPY": "JPY",
}
_CUR_SUFFIX = {
    "元人民币": "CNY",
    "元": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "港元": "HKD",
    "港币": "HKD",
    "日元": "JPY",
    "英镑": "GBP",
    "yuan": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "us dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "hkd": "HKD",
}
_MULT_EN = {
    "million": Decimal(10**6),
    "billion": Decimal(10**9),
    "thousand": Decimal(1000),
    "m": Decimal(10**6),
    "mn": Decimal(10**6),
    "bn": Decimal(10**9),
}


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_AMT_PREFIX = re.compile(
    rf"(?P<cur>{_alt(_CUR_PREFIX)})\s*(?P<n>{_AMOUNT_NUM})(?![\d,])"
    r"(?:\s*(?P<mult>万元|亿元|千元|万|亿|(?:million|billion|thousand|mn|bn|m)\b))?(?:\s*(?P<yuan>元))?"
    r"(?!\s*[%‰])",
    re.I,
)
_AMT_SUFFIX = re.compile(
    rf"(?<![\d.,])(?P<n>{_AMOUNT_NUM})\s*(?P<mult>万|亿|千|(?:million|billion|thousand)\b)?\s*"
    rf"(?P<cur>{_alt(_CUR_SUFFIX)})(?![A-Za-z])",
    re.I,
)
_UPPER_CHARS = "零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億"
_AMT_UPPER = re.compile(
    rf"(?:人民币)?(?<![{_UPPER_CHARS}])[{_UPPER_CHARS}]{{1,40}}[元圆圓](?:[零{_UPPER_CHARS[1:]}]{{0,6}}[角分])?"
    rf"(?:[零{_UPPER_CHARS[1:]}]{{0,3}}分)?[整正]?"
)
_AMT_CN_LOWER = re.compile(
    rf"(?<![{CN_NUM_CHARS}])(?P<n>[{CN_NUM_CHARS}]{{1,24}})(?P<cur>元|美元|欧元|港元)(?![整正角分])"
)

#: a string every _AMT_PREFIX / _AMT_SUFFIX match holds (the currency, lower case)
_PREFIX_NEEDLES = ("人民币", "rmb", "cny", "¥", "￥", "usd", "$", "hkd", "eur", "€", "gbp", "£", "jpy")
_SUFFIX_NEEDLES = ("元", "港币", "英镑", "yuan", "rmb", "cny", "dollar", "usd", "eur", "hkd")


def _amount_candidates(t: str) -> list[tuple[int, int, Decimal, str]]:
    cands: list[tuple[int, int, Decimal, str]] = []
    low = _lowered(t)
    for m in _finditer(_AMT_PREFIX, t, low, _PREFIX_NEEDLES):
        cur = _CUR_PREFIX.get(m["cur"]) or _CUR_PREFIX.get(m["cur"].upper(), "CNY")
        mult = m["mult"] or ""
        try:
            if mult.lower() in _MULT_EN:
                value = parse_amount(m["n"]) * _MULT_EN[mult.lower()]
            else:
                value = parse_amount(m["n"] + mult)
        except AmountError:
            continue
        cands.append((m.start(), m.end(), value, cur))
    for m in _finditer(_AMT_SUFFIX, t, low, _SUFFIX_NEEDLES):
        # casefold, not lower: re.IGNORECASE also matched uſd (ſ folds to s), which lower() keeps
        cur = _CUR_SUFFIX[m["cur"].casefold()]
        mult = m["mult"] or ""
        try:
            if mult.lower() in _MULT_EN:
                value = parse_amount(m["n"]) * _MULT_EN[mult.lower()]
            else:
                value = parse_amount(m["n"] + (mult + "元" if mult else ""))
        except AmountError:
            continue
        cands.append((m.start(), m.end(), value, cur))
    for m in _finditer(_AMT_UPPER, t, low, ("元", "圆", "圓")):
        raw = m.group()
        upper: Decimal | None
        try:
            upper = parse_rmb_upper(raw)
        except AmountError:
            try:  # tolerate a missing 整 (人民币壹佰万元) – common in practice
                upper = parse_rmb_upper(raw + "整") if raw[-1] in "元圆圓" else None
            except AmountError:
                upper = None
        if upper is not None:
            cands.append((m.start(), m.end(), upper, "CNY"))
    for m in _finditer(_AMT_CN_LOWER, t, low, ("元",)):
        try:
            value = Decimal(chinese_numeral(m["n"]))
        except ValueError:
            continue
        cands.append((m.start(), m.end(), value, _CUR_SUFFIX[m["cur"]]))
    return cands


def find_amounts(text: str) -> list[Found]:
    """Amounts of money: ¥1,234.50, 1,234.50元, 12.5万元, 人民币壹佰万元整 (大写), 五百万元,
    USD 1,000,000, $2.5 million. `unit` is the currency code (CNY, USD, EUR, HKD, GBP, JPY);
    percentages are never amounts."""
    return _dedupe(_amount_candidates(_narrow(text)), text)


#: name -> finder, for rule packs that name the kind of value a condition reads.
FINDERS: dict[str, Callable[[str], list[Found]]] = {
    "percent": find_percents,
    "duration": find_durations,
    "daily_rate": find_daily_rates,
    "amount": find_amounts,
}
