"""Word automatic numbering rebuilt from numbering.xml and styles.xml.

python-docx shows a paragraph's text without the number Word displays in front of it, but
contracts number their clauses that way (第%1条, %1.%2, (%3)). This module replays Word's list
counters in document order and returns the label each numbered paragraph shows:

- `w:num` -> `w:abstractNum` (also through `w:numStyleLink` / numbering styles), with
  `w:lvlOverride` / `w:startOverride`;
- each level's `w:start`, `w:numFmt`, `w:lvlText` (%1..%9), `w:lvlRestart`, `w:isLgl`, `w:suff`;
- numbering set directly on the paragraph or inherited from its paragraph style (`w:basedOn`
  chain), including style-linked levels (`w:lvl/w:pStyle`);
- lists that point at the same abstract numbering continue each other, as in Word, unless the
  `w:num` restarts a level with `w:startOverride`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bidassist.core.numbers import int_to_chinese

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W + "}"


def w(tag: str) -> str:
    return _W + tag


def _val(el, tag: str) -> str | None:
    """The w:val of child `tag` of `el`, or None."""
    if el is None:
        return None
    child = el.find(w(tag))
    if child is None:
        return None
    return child.get(w("val"))


#: Word keeps list numbers (start values, overrides) within 0..32767; larger values in a crafted
#: numbering.xml are treated as absent (a start of 10^12 must not build gigantic labels).
MAX_LIST_NUMBER = 32767


def _int(text: str | None, default: int | None = None) -> int | None:
    if text is None or len(text) > 12:
        return default
    try:
        value = int(text)
    except ValueError:
        return default
    return value if -MAX_LIST_NUMBER <= value <= MAX_LIST_NUMBER else default


# --------------------------------------------------------------------------- number formats

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_EN_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _cardinal(n: int) -> str:
    if n < 20:
        return _EN_ONES[n] if n >= 0 else str(n)
    if n < 100:
        t, o = divmod(n, 10)
        return _EN_TENS[t] + (f"-{_EN_ONES[o]}" if o else "")
    return str(n)


def _enclosed(chars: str, n: int, fallback: str) -> str:
    return chars[n - 1] if 1 <= n <= len(chars) else fallback


def _non_negative(convert: Callable[[int], str]) -> Callable[[int], str]:
    return lambda n: convert(n) if n >= 0 else str(n)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_CHINESE_COUNTING = _non_negative(int_to_chinese)
_CHINESE_LEGAL = _non_negative(lambda n: int_to_chinese(n, legal=True))
_IDEOGRAPH_DIGITS = _non_negative(lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)))


def _circled_number(n: int) -> str:
    return _enclosed(_CIRCLED, n, str(n))


def _full_width(n: int) -> str:
    return "".join(chr(ord(d) + 0xFEE0) for d in str(n))


#: Word's number formats (w:numFmt) → the counter as displayed; unknown formats show decimals
_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": lambda n: _roman(n).upper(),
    "lowerRoman": _roman,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerLetter": _letter,
    **dict.fromkeys(
        (
            "chineseCounting",
            "chineseCountingThousand",
            "taiwaneseCounting",
            "taiwaneseCountingThousand",
            "japaneseCounting",
            "koreanCounting",
            "ideographCounting",
        ),
        _CHINESE_COUNTING,
    ),
    **dict.fromkeys(("chineseLegalSimplified", "japaneseLegal", "ideographLegalTraditional"), _CHINESE_LEGAL),
    **dict.fromkeys(
        ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"), _IDEOGRAPH_DIGITS
    ),
    "ideographTraditional": lambda n: _enclosed(_TIANGAN, n, str(n)),
    "ideographZodiac": lambda n: _enclosed(_DIZHI, n, str(n)),
    **dict.fromkeys(
        ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"), _circled_number
    ),
    "decimalEnclosedParen": lambda n: _enclosed(_PAREN, n, f"({n})"),
    "decimalEnclosedFullstop": lambda n: _enclosed(_FULLSTOP, n, f"{n}."),
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "ordinal": _ordinal,
    "cardinalText": lambda n: _cardinal(n).capitalize(),
    "ordinalText": str,
    "none": lambda n: "",
}


def format_number(n: int, fmt: str | None) -> str:
    """The counter value `n` as Word displays it in number format `fmt`."""
    return _FORMATS.get(fmt or "decimal", str)(n)


# --------------------------------------------------------------------------- definitions


@dataclass
class Level:
    start: int = 0
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None means "%<ilvl+1>" is not assumed: Word shows nothing
    restart: int | None = None  # lvlRestart: None = after any higher level, 0 = never
    is_legal: bool = False
    suffix: str = "tab"
    pstyle: str | None = None


def _parse_level(el) -> Level:
    lvl = Level()
    lvl.start = _int(_val(el, "start"), 0) or 0
    lvl.fmt = _val(el, "numFmt") or "decimal"
    text_el = el.find(w("lvlText"))
    if text_el is not None:
        lvl.text = text_el.get(w("val"), "")
    restart = el.find(w("lvlRestart"))
    if restart is not None:
        lvl.restart = _int(restart.get(w("val")), None)
    legal = el.find(w("isLgl"))
    lvl.is_legal = legal is not None and legal.get(w("val"), "1") not in ("0", "false", "off")
    lvl.suffix = _val(el, "suff") or "tab"
    lvl.pstyle = _val(el, "pStyle")
    return lvl


class Styles:
    """Paragraph styles: display names, basedOn chains and numbering properties, read lazily (a
    Word styles part defines a hundred styles; a contract uses a handful)."""

    def __init__(self, elements: dict[str, Any] | None = None, default_paragraph: str | None = None):
        self._elements = elements or {}
        self.default_paragraph = default_paragraph
        self._names: dict[str, str | None] = {}
        self._numbering: dict[str | None, tuple[str | None, int | None, str | None]] = {}

    @classmethod
    def from_xml(cls, root: Any) -> Styles:
        if root is None:
            return cls()
        elements: dict[str, Any] = {}
        default = None
        sid_attr, type_attr, default_attr = w("styleId"), w("type"), w("default")
        for st in root.iterchildren(w("style")):
            sid = st.get(sid_attr)
            if sid is None:
                continue
            elements.setdefault(sid, st)
            if (
                default is None
                and st.get(type_attr) == "paragraph"
                and st.get(default_attr) in ("1", "true", "on")
            ):
                default = sid
        return cls(elements, default)

    def name(self, style_id: str | None) -> str | None:
        if style_id is None:
            return None
        if style_id not in self._names:
            self._names[style_id] = _val(self._elements.get(style_id), "name")
        return self._names[style_id]

    def _own_numbering(self, sid: str) -> tuple[str | None, int | None] | None:
        el = self._elements.get(sid)
        ppr = el.find(w("pPr")) if el is not None else None
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        if numpr is None:
            return None
        return _val(numpr, "numId"), _int(_val(numpr, "ilvl"))

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, id of the style that carries it) inherited through basedOn."""
        if style_id in self._numbering:
            return self._numbering[style_id]
        result: tuple[str | None, int | None, str | None] = (None, None, None)
        seen = set()
        sid = style_id
        while sid and sid not in seen:
            seen.add(sid)
            own = self._own_numbering(sid)
            if own is not None:
                result = (own[0], own[1], sid)
                break
            sid = _val(self._elements.get(sid), "basedOn")
        self._numbering[style_id] = result
        return result


@dataclass
class _Num:
    abstract_id: str
    overrides: dict[int, Level] = field(default_factory=dict)
    start_overrides: dict[int, int] = field(default_factory=dict)


class Numbering:
    """Numbering definitions plus the running counters of one pass over a document."""

    def __init__(self, numbering_root, styles: Styles) -> None:
        self.styles = styles
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.num_style_link: dict[str, str] = {}
        self.style_link: dict[str, str] = {}  # numbering style id -> abstract id defining it
        self.nums: dict[str, _Num] = {}
        if numbering_root is not None:
            self._load(numbering_root)
        # counters: list key -> {ilvl: current value}
        self._counters: dict[str, dict[int, int]] = {}
        self._started_nums: set[str] = set()

    def _load(self, root) -> None:
        for an in root.iter(w("abstractNum")):
            aid = an.get(w("abstractNumId"))
            if aid is None:
                continue
            levels: dict[int, Level] = {}
            for lvl_el in an.findall(w("lvl")):
                ilvl = _int(lvl_el.get(w("ilvl")), 0) or 0
                levels[ilvl] = _parse_level(lvl_el)
            self.abstracts[aid] = levels
            link = _val(an, "numStyleLink")
            if link:
                self.num_style_link[aid] = link
            slink = _val(an, "styleLink")
            if slink:
                self.style_link[slink] = aid
        for num in root.iter(w("num")):
            nid = num.get(w("numId"))
            aid = _val(num, "abstractNumId")
            if nid is None or aid is None:
                continue
            entry = _Num(aid)
            for ov in num.findall(w("lvlOverride")):
                ilvl = _int(ov.get(w("ilvl")), 0) or 0
                so = ov.find(w("startOverride"))
                if so is not None:
                    entry.start_overrides[ilvl] = _int(so.get(w("val")), 0) or 0
                lvl_el = ov.find(w("lvl"))
                if lvl_el is not None:
                    entry.overrides[ilvl] = _parse_level(lvl_el)
            self.nums[nid] = entry

    # ----------------------------------------------------------------- resolution

    def _abstract_levels(self, aid: str) -> tuple[str, dict[int, Level]]:
        """Follow numStyleLink (a list that takes its definition from a numbering style)."""
        seen = set()
        while aid in self.num_style_link and aid not in seen:
            seen.add(aid)
            style_id = self.num_style_link[aid]
            target = self.style_link.get(style_id)
            if target is None:
                num_id, _, _ = self.styles.numbering(style_id)
                target = self.nums[num_id].abstract_id if num_id in self.nums else None
            if target is None or target == aid:
                break
            aid = target
        return aid, self.abstracts.get(aid, {})

    def resolve(self, ppr, style_id: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) a paragraph is numbered with, or None."""
        num_id: str | None = None
        ilvl: int | None = None
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr, "numId")
            ilvl = _int(_val(numpr, "ilvl"))
        style_num, style_ilvl, carrier = self.styles.numbering(style_id)
        if num_id is None:
            num_id = style_num
            if ilvl is None:
                ilvl = style_ilvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        if ilvl is None:
            ilvl = 0
            if carrier is not None:  # style-linked level: the lvl whose pStyle is the style
                _, levels = self._abstract_levels(self.nums[num_id].abstract_id)
                for k, lvl in levels.items():
                    if lvl.pstyle == carrier:
                        ilvl = k
                        break
        return num_id, max(0, min(ilvl, 8))

    def _level(self, num: _Num, levels: dict[int, Level], ilvl: int) -> Level | None:
        return num.overrides.get(ilvl) or levels.get(ilvl)

    def label(self, num_id: str, ilvl: int) -> tuple[str, str, bool]:
        """Advance the counters for one paragraph and return (label, suffix, is_bullet).

        `label` is the number as displayed ("第七条", "7.2.", "(一)"); "" when the level shows
        nothing; `suffix` is the separator Word puts after it (" " for tab/space, "" for nothing)."""
        num = self.nums[num_id]
        aid, levels = self._abstract_levels(num.abstract_id)
        lvl = self._level(num, levels, ilvl)
        if lvl is None:
            return "", "", False
        key = ("n" + num_id) if (num.start_overrides or num.overrides) else ("a" + aid)
        counters = self._counters.setdefault(key, {})
        if num.start_overrides and num_id not in self._started_nums:
            self._started_nums.add(num_id)
            for k in num.start_overrides:
                counters.pop(k, None)
        starts = {
            k: (num.start_overrides.get(k, (self._level(num, levels, k) or Level()).start)) for k in range(9)
        }
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else starts[ilvl]
        for deeper in range(ilvl + 1, 9):
            dl = self._level(num, levels, deeper)
            restart = dl.restart if dl is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters.pop(deeper, None)
        if lvl.fmt == "bullet":
            return "", "", True
        if not lvl.text:
            return "", "", False
        out = []
        text = lvl.text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                k = int(text[i + 1]) - 1
                value = counters.get(k, starts.get(k, 0))
                klvl = self._level(num, levels, k)
                fmt = "decimal" if (lvl.is_legal and k < ilvl) else (klvl.fmt if klvl else "decimal")
                out.append(format_number(value, fmt))
                i += 2
                continue
            out.append(ch)
            i += 1
        label = "".join(out).strip()
        suffix = "" if lvl.suffix == "nothing" else " "
        return label, suffix, False


_UI_NAMES = {f"heading {i}": f"Heading {i}" for i in range(1, 10)} | {
    "caption": "Caption",
    "header": "Header",
    "footer": "Footer",
    "title": "Title",
}


def ui_style_name(name: str) -> str:
    """A built-in style's name as Word shows it ("heading 1" is stored, "Heading 1" shown)."""
    return _UI_NAMES.get(name, name)
