"""Word's automatic numbering in a Word 97-2003 binary document (.doc), rebuilt as for .docx.

The list definitions (PlfLst: LSTF and LVL, [MS-DOC] 2.9.147, 2.9.150), the list instances (PlfLfo,
2.9.132) and the paragraph styles' list properties (STSH, 2.9.271) are turned into the .docx
reader's `Numbering` (reading/numbering.py), which replays the counters in document order: one
format of counters, one set of number formats for both kinds of Word file. Level overrides in an
LFO are not read (the list's own levels apply); style-linked lists (LSTF.rgistdPara) are not
followed.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from bidassist.reading.numbering import Level, Numbering, Styles, _Num, ui_style_name

#: [MS-DOC] 2.9.165 MSONFC -> the OOXML number-format names `numbering.format_number` knows
_NFC = {
    0: "decimal",
    1: "upperRoman",
    2: "lowerRoman",
    3: "upperLetter",
    4: "lowerLetter",
    5: "ordinal",
    6: "cardinalText",
    7: "ordinalText",
    10: "ideographDigital",
    11: "japaneseCounting",
    14: "decimalFullWidth",
    15: "decimal",
    16: "japaneseLegal",
    17: "japaneseDigitalTenThousand",
    18: "decimalEnclosedCircle",
    19: "decimalFullWidth2",
    22: "decimalZero",
    23: "bullet",
    26: "decimalEnclosedFullstop",
    27: "decimalEnclosedParen",
    28: "decimalEnclosedCircleChinese",
    29: "ideographEnclosedCircle",
    30: "ideographTraditional",
    31: "ideographZodiac",
    33: "taiwaneseCounting",
    34: "ideographLegalTraditional",
    35: "taiwaneseCountingThousand",
    36: "taiwaneseDigital",
    37: "chineseCounting",
    38: "chineseLegalSimplified",
    39: "chineseCountingThousand",
    255: "none",
}
_FOLLOW = {0: "tab", 1: "space", 2: "nothing"}
_NO_BASE = 0x0FFF
#: most lists, levels and styles read (a document has tens; the bound keeps a damaged file cheap)
_MAX_ITEMS = 10_000


@dataclass(frozen=True, slots=True)
class StyleList:
    """A paragraph style's own list properties and the style it is based on."""

    base: int
    ilfo: int | None
    ilvl: int | None
    name: str | None = None


def read_numbering(table: bytes, pairs: dict[int, tuple[int, int]]) -> Numbering | None:
    """The document's lists as a `Numbering` whose list ids are the 1-based LFO indexes
    (sprmPIlfo); None when the document defines no lists."""
    fc_lst, lcb_lst = pairs.get(73, (0, 0))
    fc_lfo, lcb_lfo = pairs.get(74, (0, 0))
    if not lcb_lst or not lcb_lfo:
        return None
    numbering = Numbering(None, Styles())
    for lsid, levels in _lists(table, fc_lst, lcb_lst):
        numbering.abstracts[str(lsid)] = levels
    for i, (lsid, starts, levels) in enumerate(_lfos(table, fc_lfo), start=1):
        if str(lsid) in numbering.abstracts:
            numbering.nums[str(i)] = _Num(abstract_id=str(lsid), overrides=levels, start_overrides=starts)
    return numbering


def _lists(table: bytes, fc: int, lcb: int) -> list[tuple[int, dict[int, Level]]]:
    count = struct.unpack_from("<h", table, fc)[0]
    if not 0 < count <= _MAX_ITEMS:
        return []
    heads = []
    for i in range(count):
        at = fc + 2 + 28 * i
        lsid = struct.unpack_from("<i", table, at)[0]
        simple = table[at + 26] & 0x01
        heads.append((lsid, 1 if simple else 9))
    pos = fc + lcb  # the LVLs follow the PlfLst, list by list
    out = []
    for lsid, n in heads:
        levels = {}
        for ilvl in range(n):
            level, pos = _level(table, pos)
            levels[ilvl] = level
        out.append((lsid, levels))
    return out


def _level(table: bytes, pos: int) -> tuple[Level, int]:
    """One LVL: LVLF (28 bytes), grpprlPapx, grpprlChpx, then the number text (xst)."""
    start = struct.unpack_from("<i", table, pos)[0]
    nfc, flags = table[pos + 4], table[pos + 5]
    follow = table[pos + 15]
    cb_chpx, cb_papx, restart_lim = table[pos + 24], table[pos + 25], table[pos + 26]
    pos += 28 + cb_papx + cb_chpx
    cch = struct.unpack_from("<H", table, pos)[0]
    raw = table[pos + 2 : pos + 2 + 2 * cch]
    if len(raw) != 2 * cch:
        raise ValueError("a list level's number text runs past the table stream")
    xst = raw.decode("utf-16-le", "replace")
    text = "".join(f"%{ord(ch) + 1}" if ord(ch) < 9 else ch for ch in xst)
    level = Level(
        start=start,
        fmt=_NFC.get(nfc, "decimal"),
        text=text,
        restart=restart_lim if flags & 0x08 else None,  # fNoRestart: only after level ilvlRestartLim
        is_legal=bool(flags & 0x04),
        suffix=_FOLLOW.get(follow, "tab"),
    )
    return level, pos + 2 + 2 * cch


def _lfos(table: bytes, fc: int) -> list[tuple[int, dict[int, int], dict[int, Level]]]:
    """Per LFO (list instance): its list id and its level overrides (LFOLVL: a new start, a new
    level definition), from the LFOData array that follows the LFOs."""
    count = struct.unpack_from("<i", table, fc)[0]
    if not 0 < count <= _MAX_ITEMS:
        return []
    heads = [struct.unpack_from("<iI I B", table, fc + 4 + 16 * i) for i in range(count)]
    pos = fc + 4 + 16 * count
    out = []
    for lsid, _u1, _u2, clfolvl in heads:
        starts: dict[int, int] = {}
        levels: dict[int, Level] = {}
        if clfolvl:
            pos += 4  # LFOData.cp
            for _ in range(min(clfolvl, 9)):
                start, bits = struct.unpack_from("<iI", table, pos)
                pos += 8
                ilvl = bits & 0x0F
                if bits & 0x20:  # fFormatting: a whole level definition follows
                    level, pos = _level(table, pos)
                    levels[ilvl] = level
                    if not bits & 0x10:
                        continue
                if bits & 0x10:  # fStartAt
                    starts[ilvl] = start
        else:
            pos += 4
        out.append((lsid, starts, levels))
    return out


def read_style_lists(table: bytes, pairs: dict[int, tuple[int, int]], sprm_values) -> list[StyleList]:
    """Per style index: its own list properties (sprmPIlfo, sprmPIlvl in its UpxPapx) and its base."""
    fc, lcb = pairs.get(1, (0, 0))
    if not lcb:
        return []
    cb_stshi = struct.unpack_from("<H", table, fc)[0]
    cstd, cb_base = struct.unpack_from("<HH", table, fc + 2)
    pos = fc + 2 + cb_stshi
    end = fc + lcb
    out = []
    for _ in range(min(cstd, _MAX_ITEMS)):
        if pos + 2 > end:
            break
        cb_std = struct.unpack_from("<H", table, pos)[0]
        std = table[pos + 2 : pos + 2 + cb_std]
        pos += 2 + cb_std
        out.append(_style(std, cb_base, sprm_values))
    return out


def _style(std: bytes, cb_base: int, sprm_values) -> StyleList:
    if len(std) < max(cb_base + 2, 6):
        return StyleList(_NO_BASE, None, None)
    word1 = struct.unpack_from("<H", std, 2)[0]
    stk, base = word1 & 0x0F, word1 >> 4
    cch = struct.unpack_from("<H", std, cb_base)[0]
    name = std[cb_base + 2 : cb_base + 2 + 2 * cch].decode("utf-16-le", "replace") or None
    if stk != 1:  # not a paragraph style
        return StyleList(base, None, None, name)
    at = cb_base + 2 + 2 * cch + 2  # the name and its terminating null
    at += at & 1
    if at + 2 > len(std):
        return StyleList(base, None, None, name)
    cb_upx = struct.unpack_from("<H", std, at)[0]
    values = sprm_values(std[at + 4 : at + 2 + cb_upx])  # after the UpxPapx's istd
    return StyleList(base, values.get("ilfo"), values.get("ilvl"), name)


def style_name(styles: list[StyleList], istd: int) -> str | None:
    """A paragraph style's name as Word shows it ("heading 1" -> "Heading 1", as the .docx reader)."""
    name = styles[istd].name if 0 <= istd < len(styles) else None
    return ui_style_name(name) if name else None


def style_list(styles: list[StyleList], istd: int) -> tuple[int | None, int | None]:
    """(ilfo, ilvl) a style gives its paragraphs, through its base styles."""
    ilfo = ilvl = None
    seen = set()
    while 0 <= istd < len(styles) and istd not in seen and (ilfo is None or ilvl is None):
        seen.add(istd)
        st = styles[istd]
        ilfo = st.ilfo if ilfo is None else ilfo
        ilvl = st.ilvl if ilvl is None else ilvl
        istd = st.base if st.base != _NO_BASE else -1
    return ilfo, ilvl
