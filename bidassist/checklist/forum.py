"""The buyer's home court named by its place: a document-level reading of `zh.dispute.forum`.

The clause rule catches 「甲方所在地人民法院」. A contract can also name the court or the arbitration
commission of the buyer's city (「提交杭州市余杭区人民法院」「提交临沂仲裁委员会仲裁」) or the court of the
place where it is signed (「合同签订地人民法院」, the signing place being the buyer's office). Only the
whole contract tells whose place that is: the place is compared with the other side's name and
address (its party line and the address lines under it) and with the signing place; a place
that is also ours, or a court of the defendant, the site or the place of performance, is neutral.
The finding is the clause rule's (its message, basis and fallback), on the dispute clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .engine import Unit, rule_finding
from .rules import RuleSet

#: the clause rule whose finding this is
FORUM_RULE = "zh.dispute.forum"

_CJK = "\u4e00-\u9fff"
#: 「杭州市余杭区人民法院」「深圳市中级人民法院」: the places named before a court
_COURT = re.compile(rf"((?:[{_CJK}]{{2,7}}?(?:省|市|区|县|自治州)){{1,3}})(?:中级|基层)?(?:人民)?法院")
#: 「提交临沂仲裁委员会」「向北京市仲裁委员会申请仲裁」: the city of an arbitration commission
_COMMISSION = re.compile(rf"(?:提交|提请|向|由|交|在|申请)\s*([{_CJK}]{{2,4}}?)(?:市)?仲裁委员会")
#: the court of the place where the contract is signed
_SIGNED_COURT = re.compile(r"签订地[^。；;，,]{0,20}法院")
#: the place a contract says it is signed at: 「签订地点：杭州市余杭区」「本合同于佛山市顺德区签订」
_SIGNING_PLACE = re.compile(
    rf"签订地(?:点)?\s*[：:]\s*([{_CJK}]{{2,20}})|本合同(?:于|在)\s*([{_CJK}]{{2,20}}?)\s*签(?:订|署)"
)
#: courts that are not the buyer's: the defendant's, the plaintiff's (either side), the site's,
#: the place of performance
_NEUTRAL = re.compile(r"被告|原告|项目所在地|工程所在地|项目地|工程地|不动产|履行地|标的物所在地")
_DISPUTE = re.compile(r"争议|纠纷|诉讼|起诉|管辖|仲裁")
_PLACE = re.compile(rf"([{_CJK}]{{2,7}}?)(?:省|市|区|县|自治州)")
_ADDRESS = re.compile(r"地址|住所|所在地|注册地")
#: not a place: words that end in 市/区/县 or precede 仲裁委员会 without naming one
_NOT_PLACE = re.compile(
    r"所在|住所|签订|当地|管辖|双方|一方|甲方|乙方|城市|地区|辖区|本市|本区|中国|国际|有关"
)
#: the other side's usual label, when the contract's parties show only one side
_MIRROR = {
    "甲方": "乙方",
    "乙方": "甲方",
    "买方": "卖方",
    "卖方": "买方",
    "需方": "供方",
    "供方": "需方",
    "采购人": "供应商",
    "供应商": "采购人",
    "发包人": "承包人",
    "承包人": "发包人",
}
#: units read after a party's line for its address lines
ADDRESS_LINES = 4


def _places(text: str) -> set[str]:
    """The place names in a text (「浙江省杭州市余杭区」 -> 浙江, 杭州, 余杭)."""
    return {p for p in _PLACE.findall(text) if not _NOT_PLACE.search(p)}


def _column(row: str, labels: Sequence[str]) -> int | None:
    """The table column of a party row (「甲方：X | 乙方：Y」) that holds one of `labels`."""
    cells = row.split("|")
    if len(cells) < 2:
        return None
    return next((i for i, cell in enumerate(cells) if any(lab in cell for lab in labels)), None)


def _party_line(line: str, label: str, opens: bool = True) -> bool:
    """Is the line a party's line: 「甲方：」「派遣单位（乙方）：」「托运方（甲方） |」? A line that
    does not open its unit (`opens`) only with the colon."""
    return (
        opens
        and line.lstrip().startswith(label)
        or re.search(re.escape(label) + r"\s*[）)]?\s*[：:]", line) is not None
    )


def _side_text(units: Sequence[Unit], labels: Sequence[str], other: Sequence[str], name: str | None) -> str:
    """A party's name and the address lines under its party line (the same table column when the
    party lines are a two-column row), until the other party's line."""
    out = [name or ""]
    # every line, not each unit's first: a form's head rows are one unit when no number opens them
    # (a line inside a unit names a party only with a colon: 「甲方应…」 there is a sentence)
    lines = [(k == 0, line) for unit in units for k, line in enumerate(unit.text.split("\n"))]
    for i, (opens, first) in enumerate(lines):
        if not any(_party_line(first, lab, opens) for lab in labels):
            continue
        col = _column(first, labels)
        for _opens, text in lines[i + 1 : i + 1 + ADDRESS_LINES]:
            if col is None and any(text.lstrip().startswith(lab) for lab in other):
                break
            cells = text.split("|")
            cell = cells[col] if col is not None and col < len(cells) else text
            if _ADDRESS.search(cell):
                out.append(cell)
        line = first if col is None else first.split("|")[col]
        # a form's other column on the party's line (供方：…  签订地点：上海市…) is not the party's place
        out.append(_FORM_FIELD.split(line, maxsplit=1)[0])
        break
    return "\n".join(out)


#: the fields a contract form prints beside a party's line (合同编号, 签订地点): the party's line ends there
_FORM_FIELD = re.compile(r"签订地点|签订地|签约地点|合同编号|项目编号|签订日期|签订时间")


def _signing_place(units: Sequence[Unit]) -> str:
    for unit in units:
        m = _SIGNING_PLACE.search(unit.text)
        if m:
            # a form's next field written on against it (「签订地点：杭州市余杭区签订日期：」) is no place
            return _FORM_FIELD.split(m.group(1) or m.group(2) or "", maxsplit=1)[0]
    return ""


def _signed_at_ours(signed_at: str, buyer: str, ours: str) -> bool:
    """Is the signing place not the buyer's? It is taken for the buyer's (who drafts the contract
    and names the place) unless the buyer's address says otherwise or ours is filled in with
    another place (a platform's place, 「签订地点：上海市闸北区」 with our seat in 泰州)."""
    places = _places(signed_at) or {signed_at}
    if any(_in(p, buyer) for p in places if len(p) >= 2):
        return False
    return bool(_places(ours))


def _named_places(sentence: str, signed_at: str) -> set[str]:
    """The places of the courts and commissions a dispute sentence names (the signing place for
    「合同签订地人民法院」)."""
    places: set[str] = set()
    for m in _COURT.finditer(sentence):
        places |= _places(m.group(1))
    for m in _COMMISSION.finditer(sentence):
        if not _NOT_PLACE.search(m.group(1)):
            places.add(m.group(1))
    if _SIGNED_COURT.search(sentence):
        places |= _places(signed_at) or ({signed_at} if len(signed_at) >= 2 else set())
    return places


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；;])", text) if s.strip()]


def _in(place: str, text: str) -> bool:
    """Is the place named in the text? 「提交北京」 (the words before 市) is 北京: its endings of two
    characters or more are tried."""
    return any(place[-k:] in text for k in range(2, len(place) + 1))


def _dispute_sentences(units: Sequence[Unit]) -> Iterator[tuple[Unit, str]]:
    """(unit, sentence) for each sentence on disputes that names a court or commission and not a
    neutral one (the defendant's, the site's)."""
    for unit in units:
        if "法院" not in unit.text and "仲裁委员会" not in unit.text:
            continue
        for sentence in _sentences(unit.text):
            if _DISPUTE.search(sentence) and not _NEUTRAL.search(sentence):
                yield unit, sentence


def home_court_units(units: Sequence[Unit], buyer: str, ours: str, signed_at: str) -> list[tuple[Unit, str]]:
    """Each clause's first dispute sentence that names a court or commission at the buyer's place
    and not at ours."""
    out: list[tuple[Unit, str]] = []
    for unit, sentence in _dispute_sentences(units):
        if out and out[-1][0] is unit:
            continue  # the clause is reported once, on its first such sentence
        named = _named_places(sentence, signed_at)
        if any(_in(p, buyer) for p in named) and not any(_in(p, ours) for p in named):
            out.append((unit, sentence))
    return out


def home_forum_findings(units: Sequence[Unit], ruleset: RuleSet, parties) -> list:
    """The clause rule's finding on the dispute clause that names the buyer's own place
    (`parties`: checklist.parties.Parties, or None: nothing to compare with)."""
    if parties is None:
        return []
    try:
        cr = ruleset.rule(FORUM_RULE)
    except KeyError:
        return []
    theirs = "buyer" if parties.we == "supplier" else "supplier"
    ours_role = "supplier" if theirs == "buyer" else "buyer"
    them = [p for p in parties.parties if p.role == theirs]
    us = [p for p in parties.parties if p.role == ours_role]
    if not them:
        return []
    signed_at = _signing_place(units)
    their_labels = [lab for p in them for lab in p.labels]
    our_labels = [lab for p in us for lab in p.labels] or [
        _MIRROR[lab] for lab in their_labels if lab in _MIRROR
    ]
    buyer = _side_text(units, their_labels, our_labels, them[0].name)
    ours = _side_text(units, our_labels, their_labels, us[0].name if us else None)
    if not _signed_at_ours(signed_at, buyer, ours):
        buyer += "\n" + signed_at
    if _blank_template(ours, us) and not _places(buyer):
        # the buyer's form with our side left blank (乙方：＿＿): a court the form fixes before any
        # supplier is known is in the place the buyer chose, its own
        buyer += "\n" + "\n".join(_court_places(units, our_labels))
    return [
        rule_finding(cr, unit, unit.text, sentence.strip()[:120])
        for unit, sentence in home_court_units(units, buyer, ours, signed_at)
    ]


#: a form's blank: 「乙方：＿＿」「xxx」「[供应商名称]」「【乙方】」
_BLANK = re.compile(r"^[\s＿_\-—.…xX×]*$|^[\s]*[\[【(（{<].{0,20}[\]】)）}>][\s]*$")


def _blank_template(ours: str, us: Sequence) -> bool:
    """Is our side a form's blank: no place in its lines and no name, or a placeholder for one?"""
    if _places(ours):
        return False
    names = [p.name for p in us if p.name]
    return not names or all(_BLANK.match(n) for n in names)


def _court_places(units: Sequence[Unit], our_labels: Sequence[str]) -> set[str]:
    """The places of the courts the dispute sentences name, neither neutral nor ours (「乙方所在地—重庆市
    人民法院」). Arbitration commissions are left out: a form's institution is often a neutral one."""
    places: set[str] = set()
    for _unit, sentence in _dispute_sentences(units):
        if not any(lab in sentence for lab in our_labels):
            for m in _COURT.finditer(sentence):
                places |= _places(m.group(1))
    return places
