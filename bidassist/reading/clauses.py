"""Clause numbers as contracts print them, and splitting blocks into clauses.

A block that starts with a clause number (typed, or Word's automatic number put in front by the
docx reader) opens a clause; the blocks after it belong to it until the next number. Numbering
kinds have a natural order (第X章 > 第X条 > 一、 > （一） > 1. > 1.1 > 1.1.1 > (1) > 1) > ① > (a) > (i));
a clause's level is its depth among the kinds open above it, so 第七条 / （一） / 1. nest as
1 / 2 / 3 and a later 第八条 is level 1 again. Sub-clauses are clauses of their own; a clause's
text never includes the next heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from bidassist.reading.model import Block, BlockRow, Clause, ClauseRow

_CN = "零〇一二两三四五六七八九十百千"
_NOT_VALUE = (
    r"(?![\d%％‰]|\s*(?:%|％|‰|万|亿|元|倍|天|日|个|月|年|小时|周|"
    r"percent|per\s?cent|days?|months?|years?|weeks?|hours?|million|billion|[kKmM]\b))"
)
_NOT_REFERENCE = (
    r"(?!\s+(?:of|and|or|to|in|hereof|herein|above|below|shall|is|are|will|may|"
    r"hereunder|thereof|provides|applies|\(|through)\b)"
)
#: what follows a bracketed figure that is a value, not a label: the closing bracket of a form
#: field, a percent sign, a unit of time
_NOT_WRAPPED_FIGURE = (
    r"(?![\]】]|\s*(?:%|％|percent\b|per\s?cent\b|"
    r"(?:calendar\s+|working\s+|business\s+|consecutive\s+)?(?:days?|months?|years?|weeks?|hours?)\b))"
)

#: (kind, compiled pattern) in the order they are tried; group "n" is the number token.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("cn_unit", re.compile(rf"(?P<n>[第笫]\s*[{_CN}\d][{_CN}\d—]*\s*(?P<u>条|章|节|款|部分|编|篇))")),
    (
        "en_article",
        re.compile(
            r"(?P<n>(?P<w>ARTICLE|Article|ART\.|Art\.|SECTION|Section|SEC\.|Sec\.|CLAUSE|Clause|§)\s*"
            r"(?P<d>(?>\d{1,3}(?:\.\d{1,3})*)|(?>[IVXLC]{1,7})|[A-Z])\b(?>\.?))" + _NOT_REFERENCE
        ),
    ),
    ("dotted", re.compile(r"(?P<n>\d{1,3}(?:[.．]\d{1,3})+)[.．]?" + _NOT_VALUE)),
    # US federal sections: 「F.4 Deliverables」「H.11.3 Permits」「H. 11.9 Employees」
    ("letter_dotted", re.compile(r"(?P<n>[A-Z][.．] ?\d{1,3}(?:[.．]\d{1,3})*)[.．]?(?=\s)" + _NOT_VALUE)),
    ("d1", re.compile(r"(?P<n>\d{1,3})(?:[.．](?![\d.．])|、|\t|\s*[．.、]\s)" + _NOT_VALUE)),
    ("cn_dun", re.compile(rf"(?P<n>[{_CN}](?:[{_CN}]|—(?=[、．.])){{0,3}})\s*[、．.]")),
    ("cn_paren", re.compile(rf"(?P<n>[（(]\s*[{_CN}]{{1,4}}\s*[）)])")),
    # not a figure written out and repeated in brackets that a line break pushed to the start of a
    # line (「shall be [twenty four」 /「(24)] months from…」, "thirty" / "(30) days")
    ("arabic_paren", re.compile(r"(?P<n>[（(]\s*\d{1,3}\s*[）)]|[⑴-⒇])" + _NOT_WRAPPED_FIGURE)),
    ("arabic_half", re.compile(r"(?P<n>\d{1,3}[）)])")),
    ("circled", re.compile(r"(?P<n>[①-⑳])")),
    ("d1", re.compile(r"(?P<n>[⒈-⒛])")),
    ("roman_paren", re.compile(r"(?P<n>[（(](?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})[）)])")),
    ("letter_paren", re.compile(r"(?P<n>[（(][a-zA-Z][）)])")),
    ("roman_upper", re.compile(r"(?P<n>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))[.．](?=\s)")),
    ("letter_half", re.compile(r"(?P<n>[a-z][.)）])(?=\s)")),
    # A. to H. always; a later letter only before a title in capitals alone on its line ("K. TIME FOR
    # COMPLETION", "S. INSURANCE": a US municipal contract's sections), not an initial ("J. Smith")
    (
        "letter_upper",
        re.compile(r"(?P<n>[A-H]|[I-Z](?=[.．][ \t]+[A-Z][A-Z0-9'’&/,()\- ]{2,80}(?:\n|$)))[.．](?=\s)"),
    ),
]
_RANK = {
    "part": 0,
    "chapter": 1,
    "section_cn": 2,
    "article": 3,
    "para_cn": 4,
    "cn_dun": 5,
    "roman_upper": 5,
    "letter_upper": 5,
    "cn_paren": 6,
    "d1": 7,
    "d2": 8,
    "d3": 9,
    "d4": 10,
    "d5": 11,
    "d6": 12,
    "arabic_paren": 13,
    "arabic_half": 14,
    "circled": 15,
    "letter_paren": 16,
    "letter_half": 17,
    "roman_paren": 18,
    "other": 7,
}
_CN_UNIT_KIND = {
    "条": "article",
    "章": "chapter",
    "节": "section_cn",
    "款": "para_cn",
    "部分": "part",
    "编": "part",
    "篇": "part",
}
#: Table-of-contents lines: leader dots / a tab and a page number at the end.
_TOC_LINE = re.compile(r"(?:[.．·…]{3,}|\t)\s*\d{1,4}\s*$")
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_FIRST_CHARS = set(
    "第笫AaSsCc§（(①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑IVXabcdefghBDEFGH"
    + _CN
    + "0123456789０１２３４５６７８９"
    + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACES = re.compile(r"\s+")
#: "付款方式：..." / "付款方式  ..." (a colon or a gap after at most 16 characters without punctuation)
_CJK_TITLE = re.compile(r"([^\s，,。；;：:、（）()]{1,16})(?:\s*[：:]|\s+)")
#: "Payment Terms. The Buyer ..." / "Payment Terms: ..." (at most 8 words)
_EN_TITLE = re.compile(r"((?:[^\s.:;,]+\s){0,7}[^\s.:;,]+)(?:\.\s|:\s|\s{2,}|\s[-–—]\s)")
_SMALL_WORDS = {"of", "and", "or", "the", "a", "an", "to", "for", "in", "on", "by", "with", "&"}
_SENTENCE_END = re.compile(r"[。；;:：.!?！？]$")


#: In a `headings` list for split_clauses: "not detected yet, detect it from the text".
UNKNOWN_HEADING: object = object()
_UNKNOWN = UNKNOWN_HEADING


@dataclass(frozen=True)
class Heading:
    number: str  #: as printed, without a trailing full stop ("7.2", "第七条", "（一）", "十二、")
    kind: str
    rank: int
    rest: str  #: the text after the number


def _kind_of(kind: str, m) -> str:  # m: re.Match or _Sub
    if kind == "cn_unit":
        return _CN_UNIT_KIND[m["u"]]
    if kind == "en_article":
        word = m["w"].lower().rstrip(".")
        if word in ("article", "art"):
            return "article"
        parts = m["d"].count(".") + 1
        return f"d{min(parts, 6)}"
    if kind in ("dotted", "letter_dotted"):  # F.4.1 is three parts deep, as 6.4.1
        parts = m["n"].count(".") + m["n"].count("．") + 1
        return f"d{min(parts, 6)}"
    return kind


def _renamed(pattern: str, i: int) -> str:
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}_{i}>", pattern)


#: All patterns in one alternation (one C-level match per block instead of a Python loop);
#: group k<i> tells which pattern matched, its own groups are suffixed _<i>.
_COMBINED = re.compile("|".join(f"(?P<k{i}>{_renamed(p.pattern, i)})" for i, (_, p) in enumerate(_PATTERNS)))


#: per pattern i, its group names -> the group numbers in _COMBINED (a look-up, not a name built per use)
_GROUPS = [
    {name[: -len(f"_{i}")]: g for name, g in _COMBINED.groupindex.items() if name.endswith(f"_{i}")}
    | {None: _COMBINED.groupindex[f"k{i}"]}
    for i in range(len(_PATTERNS))
]


class _Sub:
    """A match of the combined pattern seen through the group names of pattern i."""

    __slots__ = ("m", "g")

    def __init__(self, m: re.Match[str], i: int) -> None:
        self.m, self.g = m, _GROUPS[i]

    def __getitem__(self, name: str) -> str:
        return self.m[self.g[name]]

    def end(self, name: str | None = None) -> int:
        return self.m.end(self.g[name])


#: after a number, the next number of a list of references: "44.2,44.3", "6.3 and/or 6.4", "3.1 to 3.5"
_REFERENCE_LIST = re.compile(r"(?:,|，)\s*\d+\.\d|\s+(?:and/or|and|or|to)\s+(?:Sub-?[Cc]lauses?\s+)?\d+\.\d")


def detect_heading(text: str) -> Heading | None:
    """The clause number a block starts with, or None (also None for table-of-contents lines)."""
    s = text.lstrip(" \t\u3000\u00a0")
    if not s or s[0] not in _FIRST_CHARS:
        return None
    m = _COMBINED.match(s)
    if m is None:
        return None
    i = int(m.lastgroup[1:])  # type: ignore[index]
    kind = _PATTERNS[i][0]
    if kind == "cn_dun" and s[m.end() - 1] in ".．" and s[m.end() : m.end() + 1].isdigit():
        for j in range(i + 1, len(_PATTERNS)):  # 一.5: not 一、; try the patterns after cn_dun
            m2 = _PATTERNS[j][1].match(s)
            if m2 is not None:
                return _heading(s, _PATTERNS[j][0], m2)
        return None
    return _heading(s, kind, _Sub(m, i))


def _heading(s: str, kind: str, m) -> Heading | None:  # m: re.Match or _Sub
    number = m["n"]
    if " " in number or "\t" in number or "\u3000" in number:
        number = _SPACES.sub(" " if kind == "en_article" else "", number)
    if kind == "letter_dotted":
        number = number.replace(" ", "")
    if kind in ("dotted", "letter_dotted", "d1", "en_article", "roman_upper", "letter_upper"):
        number = number.rstrip(".．")
    end_n = m.end("n")
    # "44.2,44.3,52.2 and/or 53.3 of the Conditions": a list of references, no heading
    if _REFERENCE_LIST.match(s, end_n):
        return None
    if kind == "d1" and s[end_n : end_n + 1] == "、":
        number += "、"
    end = m.end()
    if kind == "cn_dun":
        number = s[:end].replace(" ", "").replace(".", "、").replace("．", "、")
    if kind in ("cn_unit", "cn_dun"):  # OCR: 「十—、」 is 十一、, 「笫七条」 is 第七条
        number = number.replace("—", "一").replace("笫", "第")
    if len(s) < 160 and s.rstrip()[-1:].isdigit() and _TOC_LINE.search(s):  # a TOC line ends in a page number
        return None
    rest = s[end:].lstrip(" \t\u3000\u00a0:：.．、|")
    k = _kind_of(kind, m)
    return Heading(number=number, kind=k, rank=_RANK.get(k, 7), rest=rest)


def classify_number(number: str) -> tuple[str, int]:
    """(kind, rank) of a clause number as displayed, e.g. Word's automatic "7.2" or "第七条"."""
    for probe in (number + "\tx", number + ". x"):
        h = detect_heading(probe)
        if h is not None:
            return h.kind, h.rank
    return "other", _RANK["other"]


def _title(rest: str) -> str | None:
    """Heading words after the number: the whole rest when it is short and not a sentence
    ("付款方式", "Payment Terms"), else a short leading phrase before ：/: or a wide gap
    ("付款方式：甲方应……" -> 付款方式) or, in English, a capitalised phrase before ". "
    ("Payment. The Buyer shall ..." -> Payment)."""
    rest = rest.strip()
    if not rest:
        return None
    cjk = _CJK.search(rest[:20]) is not None
    if cjk:
        if len(rest) <= 30 and not _SENTENCE_END.search(rest) and "\n" not in rest:
            return rest
        m = _CJK_TITLE.match(rest)
        return m.group(1) if m else None
    words = rest.split()
    if len(words) <= 10 and "\n" not in rest:
        if not _SENTENCE_END.search(rest):
            return rest
        if rest.endswith(".") and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
            return rest[:-1]
    m = _EN_TITLE.match(rest)
    if m and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in m.group(1).split()):
        return m.group(1)
    return None


def heading_block(
    index: int,
    text: str,
    location: str,
    headings: list[Heading | None],
    style: str | None = None,
    rows: bool = False,
) -> Block:
    """A Block (`rows`: a BlockRow, same fields) with its clause number detected; the detection
    is appended to `headings`."""
    h = detect_heading(text)
    headings.append(h)
    if rows:
        return BlockRow(index, text, h.number if h else None, location, style)  # type: ignore[return-value]
    return Block(index=index, text=text, number=h.number if h else None, location=location, style=style)


def _heading_for(block: Block, known: Heading | None | object = None) -> Heading | None:
    h = detect_heading(block.text) if known is _UNKNOWN else cast("Heading | None", known)
    if block.number is None or (h is not None and h.number == block.number):
        return h
    kind, rank = classify_number(block.number)
    text = block.text.lstrip()
    rest = text[len(block.number) :].lstrip(" \t\u3000.．、:：") if text.startswith(block.number) else text
    return Heading(number=block.number, kind=kind, rank=rank, rest=rest)


#: a title line of a text whose numbering was lost in conversion: 「交货」「质保及售后」「甲方权利、义务」
#: 「工程工期：」 (at most 16 characters, no sentence punctuation but a final colon, not a form
#: line) or "Payment Terms" (at most 8 capitalised words)
_CJK_TITLE_LINE = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff、（）()与和及 ]{1,15}[：:]?$")
_EN_TITLE_LINE = re.compile(r"^[A-Z][A-Za-z'’&/\- ]{2,60}$")
#: words of a signature or form line, never a section title (甲方（盖章）, 法定代表人)
_FORM_WORDS = re.compile(
    r"盖章|签字|签章|代表人|日期|甲方|乙方|丙方|买方|卖方|附件|附表|目录|合同书?[：:]?$|协议书?[：:]?$|"
    r"地址|电话|传真|邮编|开户|账号|帐号|税号|联系人|名称|单位[：:]$|人[：:]$|方[：:]$|注[：:]$"
)
#: a block at least this long is a paragraph (for the share of numbered paragraphs)
PARAGRAPH_MIN = 30
#: below this share of paragraphs that start with a clause number, the text lost its numbering
LOST_NUMBERING_SHARE = 0.3


def _is_title_line(text: str) -> bool:
    """A short line that names a section (its number lost in conversion): 「交货」, "Warranty"."""
    s = text.strip()
    if _CJK_TITLE_LINE.match(s):
        return not _FORM_WORDS.search(s)
    if _EN_TITLE_LINE.match(s):
        words = s.replace("/", " ").split()
        return len(words) <= 8 and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)
    return False


#: a text needs at least this many unnumbered section titles to be read as one that lost its numbering
LOST_TITLES_MIN = 3
#: ... and at most this many paragraphs per title (a few part titles over a long text are not
#: the lost headings of its clauses)
LOST_PARAGRAPHS_PER_TITLE = 12


def lost_numbering(blocks: list, found: list[Heading | None]) -> bool:
    """Did the text lose its clause numbering (Word's automatic numbers dropped in a conversion)?
    Fewer than LOST_NUMBERING_SHARE of its paragraphs start with a clause number, and its section
    titles stand without numbers (at least LOST_TITLES_MIN, more than the numbered ones, one at
    least every LOST_PARAGRAPHS_PER_TITLE paragraphs)."""
    paragraphs = [h for b, h in zip(blocks, found, strict=True) if len(b.text) >= PARAGRAPH_MIN]
    if len(paragraphs) < 5:
        return False
    if sum(1 for h in paragraphs if h is not None) >= LOST_NUMBERING_SHARE * len(paragraphs):
        return False
    bare = sum(1 for pos, h in enumerate(found) if h is None and _title_opens(blocks, pos))
    numbered = sum(1 for h in found if h is not None and h.rest and _is_title_line(h.rest))
    return bare >= LOST_TITLES_MIN and bare > numbered and len(paragraphs) <= LOST_PARAGRAPHS_PER_TITLE * bare


def _title_opens(blocks: list, pos: int) -> bool:
    """Block `pos` is a section title: a title line followed by a paragraph."""
    nxt = blocks[pos + 1].text if pos + 1 < len(blocks) else ""
    return _is_title_line(blocks[pos].text) and len(nxt.strip()) > len(blocks[pos].text.strip())


#: a printed line at least this long (Latin / Chinese text) that stops inside a sentence was
#: wrapped at the page width (a PDF text layer): the next line goes on with its sentence
WRAP_MIN_LATIN = 60
WRAP_MIN_CJK = 28
_WRAP_END = re.compile(r"[\w\u4e00-\u9fff,，、/(-]$")
_BULLET = re.compile(r"^\s*[-•·*□☐■☑√▪●○◆]")


def wraps_into(prev: str, line: str) -> bool:
    """Does `line` go on with the sentence of the unnumbered line `prev` (a line wrapped inside a
    sentence by a PDF text layer, 「…shall end on the earlier of … herein have」 / 「been provided」)?"""
    prev = prev.rstrip()
    wide = WRAP_MIN_CJK if _CJK.search(prev[-12:]) else WRAP_MIN_LATIN
    if len(prev) < wide or not _WRAP_END.search(prev):
        return False
    if prev.isupper() and not line.strip().isupper():
        return False  # a long title in capitals opens its own paragraph; a disclaimer in capitals wraps
    return not (_BULLET.match(line) or _is_title_line(line) or _is_title_line(prev))


#: "RETAINAGE. All progress payments …", "TIME OF PERFORMANCE. Time is …": a paragraph that opens
#: with its own title in capitals and a full stop (US subcontracts and city agreements whose
#: numbering was lost in conversion); at most 10 words, one of them at least 3 letters long
_RUNIN_TITLE = re.compile(r"([A-Z][A-Z0-9 ,&'’/()\-]{1,80}?[A-Z)])[.:]\s+(?=\S)")
_RUNIN_WORD = re.compile(r"[A-Z]{3,}")
#: the same in title case ("Confidentiality. The Confidential Information shall …", "Prior Approval. Neither …"):
#: at most 6 capitalised words (small words between them), a full stop, then a capital
_RUNIN_TITLE_CASE = re.compile(
    r"([A-Z][a-z]{2,}(?:[ -](?:[A-Z][a-z]+|of|and|or|the|to|for|in|on|by|with|&)){0,5})\.\s+(?=[A-Z])"
)
#: a text needs at least this many run-in titles for them to open clauses
RUNIN_TITLES_MIN = 4
#: the rank a run-in title opens its clause at: below a lost section title (0.5), above any number
_RUNIN_RANK = 0.75


def _runin_title(text: str) -> str | None:
    """The capitals title a paragraph runs in with ("RETAINAGE" of "RETAINAGE. All progress…")."""
    m = _RUNIN_TITLE.match(text.lstrip())
    if m is None:
        m = _RUNIN_TITLE_CASE.match(text.lstrip())
        return None if m is None else m.group(1)
    title = m.group(1)
    if len(title.split()) > 10 or not _RUNIN_WORD.search(title) or title.count("(") != title.count(")"):
        return None
    return title


def runin_titles(blocks: list, found: list[Heading | None]) -> dict[int, str]:
    """Unnumbered paragraphs that open with a capitals title, by position: all of them when the
    text has at least RUNIN_TITLES_MIN and more of them than numbered paragraphs; otherwise those of
    each stretch of the text written that way (`_runin_regions`: an RFP's numbered chapters with a
    sample contract of titled sections in an exhibit). A lone "NOTE. …" opens nothing."""
    titles = {}
    for pos, (block, h) in enumerate(zip(blocks, found, strict=True)):
        title = None if h is not None else _runin_title(block.text)
        if title is None or len(block.text) <= len(title) + 20:
            continue
        if (
            pos
            and _WRAP_END.search(blocks[pos - 1].text.rstrip())
            and not _is_title_line(blocks[pos - 1].text)
        ):
            continue  # "…approved by the" / "City. The Contractor …": a sentence wrapped onto this line
        titles[pos] = title
    numbered = sum(1 for h in found if h is not None)
    if len(titles) >= max(RUNIN_TITLES_MIN, numbered + 1):
        return titles
    return {pos: titles[pos] for region in _runin_regions(sorted(titles), found) for pos in region}


#: the most paragraphs between two run-in titles of one stretch
RUNIN_GAP = 60
#: a stretch of a document numbered elsewhere needs this many run-in titles (a sample contract's
#: sections; a few capitals notes after a numbered clause stay inside it)
RUNIN_REGION_MIN = 8
#: numbers that belong to a numbered structure, not to items inside a titled section: parts,
#: chapters, articles, 十二、, IV., A., （一）, and dotted numbers of two levels or more (7.2, 7.2.1)
_STRUCTURE_KINDS = frozenset(k for k, r in _RANK.items() if r <= 6 or 8 <= r <= 12)


def _runin_regions(positions: list[int], found: list[Heading | None]) -> list[list[int]]:
    """Stretches of at least RUNIN_REGION_MIN run-in titles, each at most RUNIN_GAP paragraphs from
    the next, with no structural number between them (items such as 1., (a), (i) may be)."""
    regions: list[list[int]] = []
    current: list[int] = []
    for pos in positions:
        if current and (
            pos - current[-1] > RUNIN_GAP
            or any(h is not None and h.kind in _STRUCTURE_KINDS for h in found[current[-1] + 1 : pos])
        ):
            regions.append(current)
            current = []
        current.append(pos)
    regions.append(current)
    return [r for r in regions if len(r) >= RUNIN_REGION_MIN]


#: list items ((1), 1), (a), a), (i), ①): numbers below every structural number
_ITEM_RANK_MIN = _RANK["arabic_paren"]
_SENTENCE_START = re.compile(r"\s*[\"“‘']?[A-Z\u4e00-\u9fff]")


def _leads_in(pending: list) -> bool:
    """The clause before a list is an unnumbered paragraph that leads into it ("… will:")."""
    return bool(pending) and pending[-1][0] is None and pending[-1][5][-1].rstrip().endswith((":", "："))


def _push(stack: list[float], rank: float, lead_list: bool, pending: list) -> bool:
    """Open a numbered clause of `rank` on the stack of open ranks; whether it is (still) an item of
    a list led in by an unnumbered paragraph."""
    if not stack:
        lead_list = rank >= _ITEM_RANK_MIN and _leads_in(pending)
    while stack and stack[-1] >= rank:
        stack.pop()
    stack.append(rank)
    return lead_list and rank >= _ITEM_RANK_MIN


def _ends_lead_list(text: str) -> bool:
    """An unnumbered paragraph after the items of a led-in list that opens a sentence of its own."""
    return _SENTENCE_START.match(text) is not None


def title_only(number: str | None, title: str | None, text: str) -> bool:
    """A numbered clause that is only its number and title ("F.39. Termination for convenience")."""
    if not number or not title:
        return False
    body = text.strip()
    return "\n" not in body and body.endswith(title) and len(body) <= len(title) + len(number) + 4


def _list_under_title(h: Heading, stack: list[float], pending: list) -> float | None:
    """The rank of a "1." that starts numbering afresh right under a clause that is only its title
    ("F.39. Termination for convenience" / "1. Purchaser may …"): a child of that clause, and so
    are the "2.", "3." after it, until a number of the clause's own rank or shallower."""
    if h.kind != "d1" or h.number != "1" or not stack or stack[-1] <= h.rank or not pending:
        return None
    number, title, _location, _indices, _level, texts = pending[-1]
    return stack[-1] + 0.5 if title_only(number, title, "\n".join(texts)) else None


def _still_under(under: float | None, h: Heading, stack: list[float], pending: list) -> float | None:
    """`under` (see _list_under_title) after heading `h`: ended by a number of the title-only
    clause's rank or shallower, started by a "1." right under such a clause."""
    if under is not None and h.kind != "d1" and h.rank <= under - 0.5:
        under = None
    return under if under is not None else _list_under_title(h, stack, pending)


def split_clauses(
    blocks: list[Block], *, headings: list[Heading | None] | None = None, rows: bool = False
) -> list[Clause]:
    """Group blocks into clauses by their numbers (see the module docstring).

    Blocks before the first number, and every block of a text that has no numbers at all, are
    clauses of their own with number None and level 0. An unnumbered Word heading ("Heading 2",
    "标题 2", often the document's title) also opens a clause (number None, level 0, its text as
    title). `headings` (one per block, as
    the readers detected them) saves detecting the numbers again. `rows`: ClauseRows (the same
    fields, not validated: check_text's own use) instead of Clause models."""
    # (number, title, location, block indices, level, texts) per clause; models built at the end
    pending: list[tuple[str | None, str | None, str, list[int], int, list[str]]] = []
    stack: list[float] = []
    open_clause = False
    if headings is not None and len(headings) != len(blocks):
        raise ValueError("headings must have one entry per block")
    found = [_heading_for(b, _UNKNOWN if headings is None else headings[i]) for i, b in enumerate(blocks)]
    titled = lost_numbering(blocks, found)
    runin = runin_titles(blocks, found)
    lead_list = False  # the open clause is an item of a list led in by an unnumbered paragraph
    under: float | None = None  # the rank of a "1.", "2." list numbered afresh under a title-only clause
    for pos, block in enumerate(blocks):
        h = found[pos]
        rank: float | None = None
        number = title = None
        if (
            lead_list
            and h is None
            and _ends_lead_list(block.text)
            and not wraps_into(pending[-1][5][-1], block.text)
        ):
            # "…that all Products will: (a) …; (e) … shall control." / "Supplier will: …": the next
            # paragraph that opens a sentence is no part of the last item (a line the item's last line
            # wraps into is: "… source code available for" / "License;")
            stack.clear()
            lead_list = open_clause = False
        if h is not None:
            rank, number, title = h.rank, h.number, _title(h.rest)
            under = _still_under(under, h, stack, pending)
            rank = under if under is not None and h.kind == "d1" else rank
        elif pos in runin:  # under a section title (0.5) when there is one
            stack[:] = [r for r in stack if r < _RUNIN_RANK] + [_RUNIN_RANK]
            pending.append((None, runin[pos], block.location, [block.index], len(stack), [block.text]))
            open_clause = True
            continue
        elif titled and _title_opens(blocks, pos):
            stack[:] = [0.5]
            pending.append((None, block.text.strip(), block.location, [block.index], 1, [block.text]))
            open_clause = True
            continue
        elif block.style:
            m = _HEADING_STYLE.match(block.style.strip())
            if m and block.text.strip():
                rank, title = int(m.group(1)) - 0.5, block.text.strip()
        if rank is not None:
            level = 0  # an unnumbered Word heading (often the document title): level 0
            if number is not None:
                lead_list = _push(stack, rank, lead_list, pending)
                level = len(stack)
            pending.append((number, title, block.location, [block.index], level, [block.text]))
            open_clause = True
        elif open_clause or (
            pending and pending[-1][0] is None and wraps_into(pending[-1][5][-1], block.text)
        ):
            pending[-1][3].append(block.index)
            pending[-1][5].append(block.text)
        else:
            pending.append((None, None, block.location, [block.index], 0, [block.text]))
    if rows:
        return [
            ClauseRow(number, title, "\n".join(parts), location, indices, level)  # type: ignore[misc]
            for number, title, location, indices, level, parts in pending
        ]
    return [
        Clause(
            number=number,
            title=title,
            text="\n".join(parts),
            location=location,
            block_indices=indices,
            level=level,
        )
        for number, title, location, indices, level, parts in pending
    ]
