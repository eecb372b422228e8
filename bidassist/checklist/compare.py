"""The contract against the tender (or our bid): extract the key terms of both - price, advance,
each payment milestone's share and days, retention share and months, warranty, performance bond,
duration, delay penalty rate and cap - and report each one that changed, with both values and
both places. Unchanged terms are not reported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, partial
from pathlib import Path
from typing import Literal

from bidassist.core.errors import InputError
from bidassist.core.money import format_money
from bidassist.core.resources import package_path
from bidassist.core.types import StrictModel
from bidassist.core.yamlfile import load_yaml, validate

from .engine import Number, Unit, extract_numbers, nearest
from .result import Finding
from .rules import RuleSet, normalise

_SEGMENT = re.compile(r"[^。；;\n]+")
VOCABULARY_FILE = package_path("checklists") / "vocabulary" / "compare.yaml"
#: "质保期（3）年": the bracketed figure is read as a plain number (same length, offsets kept)
#: where a sentence's sub-clauses part (a comma; not the thousands comma of 1,234)
_SUBCLAUSE = re.compile(r"[，,](?!\d{3}(?!\d))")
_BRACKETED_FIGURE = re.compile(r"[（(]\s*(\d{1,3})\s*[)）](?=\s*(?:个)?(?:年|月|日|天|years?|months?|days?))")


class EventSpec(StrictModel):
    name: str
    pattern: str
    zh: str
    en: str


class TermSpec(StrictModel):
    category: str
    zh: str
    en: str
    kind: Literal["amount", "percent", "months", "days", "daily_rate"]
    better: Literal[1, -1]


class SeverityPolicy(StrictModel):
    worse: str
    worse_term: str
    better: str
    one_side: str
    removed_against_us: str
    added_against_us: str


class CompareVocabulary(StrictModel):
    anchors: dict[str, str]
    events: list[EventSpec]
    terms: dict[str, TermSpec]
    severity: SeverityPolicy
    added_against_us: list[str]
    min_months: Decimal


@dataclass(frozen=True)
class _Compiled:
    spec: CompareVocabulary
    anchors: dict[str, re.Pattern]
    events: list[tuple[str, re.Pattern]]


@lru_cache(maxsize=1)
def vocabulary() -> _Compiled:
    """The comparison's vocabulary and policy (checklists/vocabulary/compare.yaml), validated."""
    spec = validate(CompareVocabulary, load_yaml(VOCABULARY_FILE))
    return _Compiled(
        spec=spec,
        anchors={k: re.compile(v) for k, v in spec.anchors.items()},
        events=[(e.name, re.compile(e.pattern)) for e in spec.events],
    )


def _a(name: str) -> re.Pattern:
    return vocabulary().anchors[name]


def event_names() -> dict[str, tuple[str, str]]:
    return {e.name: (e.zh, e.en) for e in vocabulary().spec.events}


@dataclass
class Value:
    value: Decimal
    clause: str | None = None
    location: str | None = None
    text: str = ""
    block_indices: list[int] = field(default_factory=list)
    #: the figure as the document writes it (5个工作日, 3年), when a period was converted
    written: str = ""


@dataclass
class Milestone:
    event: str
    share: Value | None = None
    days: Value | None = None
    #: the share paid in all by this event, where the document writes it so (支付至合同价款的90%)
    paid_to: Value | None = None


@dataclass
class KeyTerms:
    price: Value | None = None
    advance: Value | None = None
    milestones: list[Milestone] = field(default_factory=list)
    retention_share: Value | None = None
    retention_months: Value | None = None
    warranty_months: Value | None = None
    bond: Value | None = None
    duration_days: Value | None = None
    penalty_rate: Value | None = None
    penalty_cap: Value | None = None
    name: str = ""


def classify_event(text: str) -> str:
    for name, pattern in vocabulary().events:
        if pattern.search(text):
            return name
    return "other"


def _first(nums: list[Number]) -> Number | None:
    return nums[0] if nums else None


def _numbers(kind: str, seg: str) -> list[Number]:
    nums = extract_numbers(kind, _BRACKETED_FIGURE.sub(lambda m: f" {m.group(1)} ", seg))
    if kind == "months":  # "7 days" or "10 working days" is no warranty or retention period
        nums = [n for n in nums if n.value >= vocabulary().spec.min_months]
    return nums


def _near(kind: str, seg: str, norm: str, anchor: re.Pattern) -> Number | None:
    nums = _numbers(kind, seg)
    if not nums:
        return None
    spans = [m.span() for m in anchor.finditer(norm)]
    return nearest(nums, spans, norm) if spans else None


@dataclass
class _Segment:
    """One sentence of a unit, as the extractors read it."""

    unit: Unit
    text: str
    norm: str

    def value(self, n: Number | Decimal) -> Value:
        v = n.value if isinstance(n, Number) else n
        written = n.raw.strip() if isinstance(n, Number) else ""
        return Value(
            v, self.unit.clause, self.unit.location, self.text, list(self.unit.block_indices), written
        )


@dataclass
class _Extraction:
    kt: KeyTerms
    paid: Decimal = Decimal(0)  # running total of shares, for "付至 90%" (cumulative) milestones


def _take_price(x: _Extraction, seg: _Segment) -> None:
    if x.kt.price is None and _a("price").search(seg.norm):
        amounts = extract_numbers("amount", seg.text)
        if amounts:
            x.kt.price = seg.value(max(amounts, key=lambda a: a.value))


def _take_retention(x: _Extraction, seg: _Segment) -> bool:
    if not _a("retention").search(seg.norm):
        return False
    p = _near("percent", seg.text, seg.norm, _a("retention"))
    if p is not None and x.kt.retention_share is None:
        x.kt.retention_share = seg.value(p)
    about, _ = _retention_parts(seg.text)
    mo = _near("months", about, normalise(about), _a("retention_months"))
    if mo is not None and x.kt.retention_months is None:
        x.kt.retention_months = seg.value(mo)
    return True


def _retention_parts(text: str) -> tuple[str, str]:
    """(the sub-clauses about the retention, the rest) of a sentence: those naming it and those
    right after them that say when it is returned (质保期满后无息返还), apart from a payment in the
    same sentence (验收合格后45日内支付至90%，余款10%作为质保金): its 45 days are the payment's
    period, not the retention's."""
    mine: list[str] = []
    rest: list[str] = []
    after = False
    for part in _SUBCLAUSE.split(text):
        norm = normalise(part)
        if _a("retention").search(norm):
            mine.append(part)
            after = True
        elif after and _a("retention_months").search(norm) and not _is_payment(norm):
            mine.append(part)
        else:
            rest.append(part)
            after = False
    return "，".join(mine), "，".join(p for p in rest if p.strip())


def _payment_beside_retention(x: _Extraction, seg: _Segment) -> None:
    """A sentence the retention took may also pay an instalment (验收合格后45日内支付至合同价款的
    90%，余款10%作为质保金): the sub-clauses that are not about the retention are read as a payment."""
    _, rest = _retention_parts(seg.text)
    norm = normalise(rest)
    if rest and _is_payment(norm):
        _take_payment(x, _Segment(seg.unit, rest, norm))


def _is_payment(norm: str) -> bool:
    return bool(_a("pay").search(norm)) and not _a("pay_exclude").search(_a("bond").sub("", norm))


def _take_bond(x: _Extraction, seg: _Segment) -> bool:
    without_bond = _a("bond").sub("", seg.norm)
    if not _a("bond").search(seg.norm) or (_is_payment(seg.norm) and _a("advance").search(without_bond)):
        return False
    p = _near("percent", seg.text, seg.norm, _a("bond"))
    if p is not None and x.kt.bond is None:
        x.kt.bond = seg.value(p)
    return True


def _take_warranty(x: _Extraction, seg: _Segment) -> bool:
    if (
        x.kt.warranty_months is not None
        or not _a("warranty").search(seg.norm)
        or _a("warranty_exclude").search(seg.norm)
    ):
        return False
    mo = _near("months", seg.text, seg.norm, _a("warranty"))
    if mo is None:
        return False
    x.kt.warranty_months = seg.value(mo)
    return True


def _take_penalty(x: _Extraction, seg: _Segment) -> bool:
    if not _a("penalty").search(seg.norm) or _a("buyer_late").search(seg.norm):
        return False
    rate = _first(extract_numbers("daily_rate", seg.text))
    if rate is not None and x.kt.penalty_rate is None:
        x.kt.penalty_rate = seg.value(rate)
    cap = _near("percent", seg.text, seg.norm, _a("cap"))
    if cap is not None and x.kt.penalty_cap is None and x.kt.penalty_rate is not None:
        x.kt.penalty_cap = seg.value(cap)
    return True


def _take_payment(x: _Extraction, seg: _Segment) -> bool:
    if not _is_payment(seg.norm):
        return False
    p = _near("percent", seg.text, seg.norm, _a("pay")) or _first(extract_numbers("percent", seg.text))
    if p is None:  # "pay within 5 business days": a period without a share is a milestone too
        days = _first(_numbers("days", seg.text))
        if days is not None and not x.kt.milestones:
            x.kt.milestones.append(
                Milestone(event=classify_event(seg.norm), share=None, days=seg.value(days))
            )
        return True
    if _a("advance").search(_a("bond").sub("", seg.norm)) and x.kt.advance is None and not x.kt.milestones:
        x.kt.advance = seg.value(p)
        x.paid += p.value
        return True
    cumulative = bool(_a("cumulative").search(seg.norm[: p.start]))
    share = p.value - x.paid if cumulative else p.value
    if share > 0:
        x.paid += share
        days = _first(_numbers("days", seg.text))
        x.kt.milestones.append(
            Milestone(
                event=classify_event(seg.norm),
                share=seg.value(share),
                days=seg.value(days) if days else None,
                paid_to=seg.value(p) if cumulative else None,
            )
        )
    return True


def _take_duration(x: _Extraction, seg: _Segment) -> None:
    if x.kt.duration_days is None and _a("duration").search(seg.norm) and not _a("pay").search(seg.norm):
        d = _near("days", seg.text, seg.norm, _a("duration"))
        if d is not None and d.value >= 5:
            x.kt.duration_days = seg.value(d)


#: extractors in the order a sentence is offered to them; the first that takes it ends its turn
_EXTRACTORS = (_take_retention, _take_bond, _take_warranty, _take_penalty, _take_payment)


def extract_key_terms(units: list[Unit], name: str = "") -> KeyTerms:
    """The comparable key terms of a document (first statement of each wins)."""
    x = _Extraction(KeyTerms(name=name))
    for unit in units:
        for m in _SEGMENT.finditer(unit.text):
            text = m.group(0).strip()
            if not text:
                continue
            seg = _Segment(unit, text, normalise(text))
            _take_price(x, seg)
            taken = next((take for take in _EXTRACTORS if take(x, seg)), None)
            if taken is None:
                _take_duration(x, seg)
            elif taken is _take_retention:
                _payment_beside_retention(x, seg)
    return x.kt


def key_terms_from_bid(path: Path) -> KeyTerms:
    """Key terms promised in a bid file: offer price, pricing.payment_terms, offer/tender terms."""
    from bidassist.core.bidfile import load_bid

    bid = load_bid(path)
    name = Path(path).name
    kt = KeyTerms(name=name)

    def v(value, key: str) -> Value | None:
        return None if value is None else Value(Decimal(str(value)), None, f"{name}: {key}", key)

    kt.price = v(bid.offer.price, "offer.price")
    pt = bid.pricing.payment_terms if bid.pricing else None
    if pt is not None:
        if pt.advance:
            kt.advance = v(pt.advance, "pricing.payment_terms.advance")
        for i, m in enumerate(pt.milestones):
            key = f"pricing.payment_terms.milestones[{i}]"
            kt.milestones.append(
                Milestone(
                    event=classify_event(m.name or ""),
                    share=v(m.share, key + ".share"),
                    days=v(m.days, key + ".days"),
                )
            )
        if pt.retention is not None:
            kt.retention_share = v(pt.retention.share, "pricing.payment_terms.retention.share")
            kt.retention_months = v(pt.retention.months, "pricing.payment_terms.retention.months")
    if bid.offer.warranty_months is not None:
        kt.warranty_months = v(bid.offer.warranty_months, "offer.warranty_months")
    elif bid.tender.warranty_months is not None:
        kt.warranty_months = v(bid.tender.warranty_months, "tender.warranty_months")
    for value, key in (
        (bid.offer.duration_days, "offer.duration_days"),
        (pt.duration_days if pt else None, "pricing.payment_terms.duration_days"),
        (bid.tender.duration_days, "tender.duration_days"),
    ):
        if value is not None:
            kt.duration_days = v(value, key)
            break
    return kt


def key_terms_from_file(path: Path) -> KeyTerms:
    path = Path(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        return key_terms_from_bid(path)
    from bidassist.reading import read_contract

    from .units import units_from_clauses

    doc = read_contract(path)
    units = units_from_clauses(doc.clauses)
    if not units:
        raise InputError("no text found in the tender terms", str(path))
    return extract_key_terms(units, path.name)


# --------------------------------------------------------------------------- comparison

_BASIS = (
    "招标投标法第四十六条、招标投标法实施条例第五十七条：合同的标的、价款、质量、履行期限等主要条款应与招标文件和"
    "中标人的投标文件一致 / Tendering Law art. 46; Implementing Regulation art. 57"
)


def show(value: Decimal | None, kind: str, lang: str = "zh") -> str:
    if value is None:
        return "未约定" if lang == "zh" else "not stated"
    if kind == "percent":
        return f"{(value * 100).normalize():f}%"
    if kind == "daily_rate":
        return f"{(value * 100).normalize():f}%/日" if lang == "zh" else f"{(value * 100).normalize():f}%/day"
    if kind == "amount":
        return format_money(value)
    v = f"{value.normalize():f}"
    if kind == "days":
        return f"{v}日" if lang == "zh" else f"{v} days"
    return f"{v}个月" if lang == "zh" else f"{v} months"


def _as_written(v: Value | None, kind: str, lang: str = "zh") -> str:
    """`show`, with a period's own words beside its converted figure: 7日（5个工作日）."""
    shown = show(v.value if v else None, kind, lang)
    if v is None or kind not in ("days", "months") or not v.written:
        return shown
    digits = f"{v.value.normalize():f}"
    if v.written.startswith(digits) and v.written[len(digits) :].strip() in (
        "日",
        "天",
        "个月",
        "月",
        "days",
        "months",
    ):
        return shown
    return f"{shown}（{v.written}）" if lang == "zh" else f"{shown} ({v.written})"


def _severity(key: str, category: str, better: int, a: Decimal | None, b: Decimal | None) -> str:
    policy = vocabulary().spec.severity
    if a is None or b is None:
        if a is None and key in vocabulary().spec.added_against_us:
            return policy.added_against_us
        return policy.one_side
    if (b - a) * better < 0:
        return policy.worse_term if category == "deviation.term" else policy.worse
    return policy.better


def _finding(
    term: str,
    key: str,
    zh_name: str,
    en_name: str,
    category: str,
    kind: str,
    better: int,
    old: Value | None,
    new: Value | None,
    tender: str,
) -> Finding:
    a = old.value if old else None
    b = new.value if new else None
    severity = _severity(term, category, better, a, b)
    zh = f"{zh_name}与{tender}不一致：{_as_written(old, kind)} → 合同 {_as_written(new, kind)}。"
    en = (
        f"{en_name} differs from {tender}: {_as_written(old, kind, 'en')} → contract "
        f"{_as_written(new, kind, 'en')}."
    )
    return Finding(
        rule=f"compare.{key}",
        category=category,
        severity=severity,
        clause=new.clause if new else None,
        location=new.location if new else None,
        text=new.text if new else "",
        message={"zh": zh, "en": en},
        basis=_BASIS,
        fallback={
            "zh": f"按招标文件/投标文件的约定：{zh_name}{show(a, kind)}。",
            "en": f"As in the tender/bid: {en_name} {show(a, kind, 'en')}.",
        },
        matched=new.text if new else None,
        scope=["T"],
        from_value=a,
        to_value=b,
        block_indices=list(new.block_indices) if new else [],
        from_location=old.location if old else None,
        from_clause=old.clause if old else None,
        term=key,
    )


def _same(a: Value | None, b: Value | None) -> bool:
    if a is None and b is None:
        return True
    if a is None or b is None:
        return False  # stated on one side only: added or removed
    return abs(a.value - b.value) <= Decimal("0.000001") * max(Decimal(1), abs(a.value))


#: terms whose absence from the tender side says nothing (a tender rarely states its own price)
_ONE_SIDED_SILENT = ("price",)


def compare_terms(tender: KeyTerms, contract: KeyTerms) -> list[Finding]:
    """A finding for each key term whose value differs between the tender/bid and the contract,
    including a term only one side states (added or removed, with its value)."""
    out: list[Finding] = []
    label = tender.name or "招标文件"
    for key, spec in vocabulary().spec.terms.items():
        old, new = getattr(tender, key), getattr(contract, key)
        args = (key, key, spec.zh, spec.en, spec.category, spec.kind, spec.better)
        if key == "penalty_cap" and old is not None and new is None and contract.penalty_rate is not None:
            out.append(_cap_removed(_finding(*args, old, None, label), contract.penalty_rate))
            continue
        if old is None and key in _ONE_SIDED_SILENT:
            continue
        if not _same(old, new):
            out.append(_finding(*args, old, new, label))
    if tender.milestones and contract.milestones:
        out.extend(_compare_milestones(tender.milestones, contract.milestones, label))
    return out


def _cap_removed(f: Finding, rate: Value) -> Finding:
    """The tender capped the delay penalty; the contract states a rate and no cap."""
    f.clause, f.location, f.text, f.matched = rate.clause, rate.location, rate.text, rate.text
    f.block_indices = list(rate.block_indices)
    f.severity = vocabulary().spec.severity.removed_against_us
    return f


def _compare_milestones(old: list[Milestone], new: list[Milestone], label: str) -> list[Finding]:
    out: list[Finding] = []
    remaining = list(new)
    pairs: list[tuple[Milestone | None, Milestone | None]] = []
    for m in old:
        match = next((n for n in remaining if n.event == m.event), None)
        if match is not None:
            remaining.remove(match)
        pairs.append((m, match))
    # milestones whose event changed (验收 -> 结算) pair up in order
    unmatched_old = [i for i, (a, b) in enumerate(pairs) if b is None]
    for i in unmatched_old:
        if not remaining:
            break
        pairs[i] = (pairs[i][0], remaining.pop(0))
    pairs.extend((None, n) for n in remaining)
    cat = "payment.schedule_changed"
    for i, (a, b) in enumerate(pairs):
        event = (a or b).event  # type: ignore[union-attr]  # a pair has at least one side
        names = event_names()
        zh_ev, en_ev = names[event]
        if a is not None and b is not None and a.event != b.event:
            zh_ev = f"{zh_ev}（合同改为{names[b.event][0]}）"
            en_ev = f"{en_ev} (contract: {names[b.event][1]})"
        key = (
            f"milestone.{event}"
            if sum(1 for p in pairs if (p[0] or p[1]).event == event) == 1  # type: ignore[union-attr,misc]
            else f"milestone.{event}.{i + 1}"
        )
        if a is None or b is None:
            present = a or b
            f = _finding(
                key,
                key + ".share",
                f"{zh_ev}付款节点",
                f"{en_ev} payment",
                cat,
                "percent",
                +1,
                a.share if a else None,
                b.share if b else None,
                label,
            )
            f.severity = "high" if b is None else "medium"
            if b is None:
                f.text = present.share.text if present is not None and present.share else ""
            out.append(f)
            continue
        share = partial(
            _finding, key, key + ".share", f"{zh_ev}付款比例", f"{en_ev} payment share", cat, "percent", +1
        )
        days = partial(
            _finding, key, key + ".days", f"{zh_ev}付款期限", f"{en_ev} payment period", cat, "days", -1
        )
        if a.paid_to is not None and b.paid_to is not None:
            # both write what is paid by then (付至95% → 付至90%): that figure, not the instalment
            # it leaves after an advance that changed too (65% → 80% would read as better)
            if not _same(a.paid_to, b.paid_to):
                out.append(
                    _finding(
                        key,
                        key + ".paid_to",
                        f"{zh_ev}累计付款比例",
                        f"{en_ev} paid in all by then",
                        cat,
                        "percent",
                        +1,
                        a.paid_to,
                        b.paid_to,
                        label,
                    )
                )
        elif not _same(a.share, b.share):
            out.append(share(a.share, b.share, label))
        if a.days is not None and b.days is None and b.share is not None:
            f = days(a.days, None, label)
            f.clause, f.location, f.text, f.matched = (
                b.share.clause,
                b.share.location,
                b.share.text,
                b.share.text,
            )
            f.block_indices, f.severity = list(b.share.block_indices), "high"
            out.append(f)
        elif not _same(a.days, b.days):
            out.append(days(a.days, b.days, label))
    return out


def compare_with(
    units: list[Unit],
    against: Path,
    rules: RuleSet | None = None,
    *,
    lang: str | None = None,
    name: str = "合同",
    bid_price: Decimal | None = None,
) -> list[Finding]:
    """Findings for every key term of the contract (`units`) that differs from `against`;
    `bid_price` stands for the bid's price when the bid file does not write offer.price."""
    tender = key_terms_from_file(against)
    if tender.price is None and bid_price is not None:
        tender.price = Value(
            Decimal(bid_price), None, f"{Path(against).name}: 投标报价 bid price", "bid price"
        )
    contract = extract_key_terms(units, name)
    return compare_terms(tender, contract)
