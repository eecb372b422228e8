"""The contract against the tender (or our bid): extract the key terms of both - price, advance,
each payment milestone's share and days, retention share and months, warranty, performance bond,
duration, delay penalty rate and cap - and report each one that changed, with both values and
both places. Unchanged terms are not reported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from bidassist.core.errors import InputError
from bidassist.core.money import format_money

from .engine import Number, Unit, extract_numbers, nearest
from .result import Finding
from .rules import RuleSet, normalise

_SEGMENT = re.compile(r"[^。；;\n]+")
_PAY = re.compile(r"(支付|付款|付至|付清|结清|拨付|\bpay|\bpaid|\bpayment)")
_PAY_EXCLUDE = re.compile(r"(违约金|罚款|利息|滞纳|penalt|liquidated|interest|保证金(?!.*质保))")
_ADVANCE = re.compile(r"(预付|首付|首期款|定金|合同(签订|生效)|签订合同后|\badvance|down payment|upon signing)")
_RETENTION = re.compile(r"(质保金|质量保证金|保修金|保留金|质保款|retention)")
_BOND = re.compile(r"(履约保证金|履约保函|履约担保|performance (bond|security|guarantee))")
_WARRANTY = re.compile(r"(质保期|保修期|质量保证期|缺陷责任期|warranty period|defects? liability period)")
_DURATION = re.compile(r"(工期|交货期|供货期|交付期|交货时间|完工|竣工|供货及安装|交货|供货|completion|delivery)")
_PENALTY = re.compile(r"(违约金|liquidated damages|penalt)")
_BUYER_LATE = re.compile(r"(甲方|采购人|发包人|买方|buyer|employer|purchaser)[^。；;]{0,10}(逾期|延期|迟延|late)")
_CAP = re.compile(r"(累计|总额|上限|最高|不超过|不得超过|为限|cap|not exceed|maximum)")
_PRICE = re.compile(r"(合同总价|合同价款|合同金额|签约合同价|合同总金额|合同价格|中标价|中标金额|投标总价|投标报价|"
                    r"contract price|contract sum|total price)")
_CUMULATIVE = re.compile(r"(付至|支付至|累计支付|累计付|付到|up to)[^0-9%]{0,12}$")
_EVENTS = (  # first match wins
    ("settlement", re.compile(r"(结算|审计|决算|final account)")),
    ("acceptance", re.compile(r"(验收合格|验收通过|终验|最终验收|竣工验收|final acceptance)")),
    ("installation", re.compile(r"(安装|调试|commission|install)")),
    ("delivery", re.compile(r"(到货|交货|发货|供货|进场|签收|deliver)")),
    ("acceptance", re.compile(r"(验收|accept)")),
)
EVENT_NAMES = {"settlement": ("结算", "settlement"), "acceptance": ("验收", "acceptance"),
               "installation": ("安装调试", "installation"), "delivery": ("到货", "delivery"),
               "other": ("其他节点", "other milestone")}


@dataclass
class Value:
    value: Decimal
    clause: str | None = None
    location: str | None = None
    text: str = ""
    block_indices: list[int] = field(default_factory=list)


@dataclass
class Milestone:
    event: str
    share: Value | None = None
    days: Value | None = None


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
    for name, pattern in _EVENTS:
        if pattern.search(text):
            return name
    return "other"


def _first(nums: list[Number]) -> Number | None:
    return nums[0] if nums else None


def _near(kind: str, seg: str, norm: str, anchor: re.Pattern) -> Number | None:
    nums = extract_numbers(kind, seg)
    if not nums:
        return None
    spans = [m.span() for m in anchor.finditer(norm)]
    return nearest(nums, spans, norm) if spans else None


def extract_key_terms(units: list[Unit], name: str = "") -> KeyTerms:
    """The comparable key terms of a document (first statement of each wins)."""
    kt = KeyTerms(name=name)
    paid = Decimal(0)        # running total of shares, for "付至 90%" (cumulative) milestones
    for unit in units:
        for m in _SEGMENT.finditer(unit.text):
            seg = m.group(0).strip()
            if not seg:
                continue
            norm = normalise(seg)

            def val(n: Number, _u: Unit = unit, _s: str = seg) -> Value:
                return Value(n.value, _u.clause, _u.location, _s, list(_u.block_indices))

            if kt.price is None and _PRICE.search(norm):
                amounts = extract_numbers("amount", seg)
                if amounts:
                    kt.price = val(max(amounts, key=lambda a: a.value))
            if _RETENTION.search(norm):
                p = _near("percent", seg, norm, _RETENTION)
                if p is not None and kt.retention_share is None:
                    kt.retention_share = val(p)
                mo = _near("months", seg, norm, re.compile(r"(期满|满|届满|after|质保期|保修期|warranty)"))
                if mo is not None and kt.retention_months is None:
                    kt.retention_months = val(mo)
                continue
            is_payment = bool(_PAY.search(norm)) and not _PAY_EXCLUDE.search(_BOND.sub("", norm))
            if _BOND.search(norm) and not (is_payment and _ADVANCE.search(_BOND.sub("", norm))):
                p = _near("percent", seg, norm, _BOND)
                if p is not None and kt.bond is None:
                    kt.bond = val(p)
                continue
            if _WARRANTY.search(norm) and kt.warranty_months is None and not re.search(r"(防水|屋面)", norm):
                mo = _near("months", seg, norm, _WARRANTY)
                if mo is not None:
                    kt.warranty_months = val(mo)
                    continue
            if _PENALTY.search(norm) and not _BUYER_LATE.search(norm):
                rate = _first(extract_numbers("daily_rate", seg))
                if rate is not None and kt.penalty_rate is None:
                    kt.penalty_rate = val(rate)
                cap = _near("percent", seg, norm, _CAP)
                if cap is not None and kt.penalty_cap is None and kt.penalty_rate is not None:
                    kt.penalty_cap = val(cap)
                continue
            if is_payment:
                p = _near("percent", seg, norm, _PAY) or _first(extract_numbers("percent", seg))
                if p is None:
                    continue
                if _ADVANCE.search(_BOND.sub("", norm)) and kt.advance is None and not kt.milestones:
                    kt.advance = val(p)
                    paid += p.value
                    continue
                share = p.value
                if _CUMULATIVE.search(norm[:p.start]):
                    share = p.value - paid
                if share <= 0:
                    continue
                paid += share
                days = _first(extract_numbers("days", seg))
                ms = Milestone(event=classify_event(norm), share=Value(share, unit.clause, unit.location, seg,
                                                                    list(unit.block_indices)),
                               days=val(days) if days else None)
                kt.milestones.append(ms)
                continue
            if kt.duration_days is None and _DURATION.search(norm) and not _PAY.search(norm):
                d = _near("days", seg, norm, _DURATION)
                if d is not None and d.value >= 5:
                    kt.duration_days = val(d)
    return kt


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
            kt.milestones.append(Milestone(event=classify_event(m.name or ""),
                                           share=v(m.share, key + ".share"), days=v(m.days, key + ".days")))
        if pt.retention is not None:
            kt.retention_share = v(pt.retention.share, "pricing.payment_terms.retention.share")
            kt.retention_months = v(pt.retention.months, "pricing.payment_terms.retention.months")
    if bid.offer.warranty_months is not None:
        kt.warranty_months = v(bid.offer.warranty_months, "offer.warranty_months")
    elif bid.tender.warranty_months is not None:
        kt.warranty_months = v(bid.tender.warranty_months, "tender.warranty_months")
    for value, key in ((bid.offer.duration_days, "offer.duration_days"),
                       (pt.duration_days if pt else None, "pricing.payment_terms.duration_days"),
                       (bid.tender.duration_days, "tender.duration_days")):
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

#: term -> (category, zh name, en name, unit kind, +1 if a higher value is better for the supplier)
_TERMS = {
    "price": ("deviation.price", "合同价", "contract price", "amount", +1),
    "advance": ("payment.schedule_changed", "预付款比例", "advance payment", "percent", +1),
    "retention_share": ("payment.schedule_changed", "质保金比例", "retention", "percent", -1),
    "retention_months": ("deviation.term", "质保金返还期限", "retention period", "months", -1),
    "warranty_months": ("deviation.term", "质保期", "warranty period", "months", -1),
    "bond": ("deviation.term", "履约保证金比例", "performance bond", "percent", -1),
    "duration_days": ("deviation.term", "工期/交货期", "delivery / duration", "days", +1),
    "penalty_rate": ("deviation.term", "逾期违约金日费率", "delay penalty rate", "daily_rate", -1),
    "penalty_cap": ("deviation.term", "违约金上限", "penalty cap", "percent", -1),
}
_BASIS = ("招标投标法第四十六条、招标投标法实施条例第五十七条：合同的标的、价款、质量、履行期限等主要条款应与招标文件和"
          "中标人的投标文件一致 / Tendering Law art. 46; Implementing Regulation art. 57")


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


def _finding(term: str, key: str, zh_name: str, en_name: str, category: str, kind: str, better: int,
             old: Value | None, new: Value | None, tender: str) -> Finding:
    a = old.value if old else None
    b = new.value if new else None
    if a is None or b is None:
        severity = "medium"
    else:
        worse = (b - a) * better < 0
        severity = ("high" if category != "deviation.term" else "medium") if worse else "low"
    zh = f"{zh_name}与{tender}不一致：{show(a, kind)} → 合同 {show(b, kind)}。"
    en = f"{en_name} differs from {tender}: {show(a, kind, 'en')} → contract {show(b, kind, 'en')}."
    return Finding(
        rule=f"compare.{key}", category=category, severity=severity,
        clause=new.clause if new else None, location=new.location if new else None,
        text=new.text if new else "", message={"zh": zh, "en": en}, basis=_BASIS,
        fallback={"zh": f"按招标文件/投标文件的约定：{zh_name}{show(a, kind)}。",
                  "en": f"As in the tender/bid: {en_name} {show(a, kind, 'en')}."},
        matched=new.text if new else None, scope=["T"], from_value=a, to_value=b,
        block_indices=list(new.block_indices) if new else [],
        from_location=old.location if old else None, from_clause=old.clause if old else None, term=key)


def _same(a: Value | None, b: Value | None) -> bool:
    if a is None or b is None:
        return True  # a term only one side states is not a comparison we can make
    return abs(a.value - b.value) <= Decimal("0.000001") * max(Decimal(1), abs(a.value))


def compare_terms(tender: KeyTerms, contract: KeyTerms) -> list[Finding]:
    """A finding for each key term whose value differs between the tender/bid and the contract."""
    out: list[Finding] = []
    label = tender.name or "招标文件"
    for key, (category, zh_name, en_name, kind, better) in _TERMS.items():
        old, new = getattr(tender, key), getattr(contract, key)
        if key == "penalty_cap" and old is not None and new is None and contract.penalty_rate is not None:
            f = _finding(key, key, zh_name, en_name, category, kind, better, old, None, label)
            rate = contract.penalty_rate
            f.clause, f.location, f.text, f.matched = rate.clause, rate.location, rate.text, rate.text
            f.block_indices = list(rate.block_indices)
            f.severity = "high"
            out.append(f)
            continue
        if not _same(old, new):
            out.append(_finding(key, key, zh_name, en_name, category, kind, better, old, new, label))
    if tender.milestones and contract.milestones:
        out.extend(_compare_milestones(tender.milestones, contract.milestones, label))
    return out


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
        event = (a or b).event
        zh_ev, en_ev = EVENT_NAMES[event]
        if a is not None and b is not None and a.event != b.event:
            zh_ev = f"{zh_ev}（合同改为{EVENT_NAMES[b.event][0]}）"
            en_ev = f"{en_ev} (contract: {EVENT_NAMES[b.event][1]})"
        key = f"milestone.{event}" if sum(1 for p in pairs if (p[0] or p[1]).event == event) == 1 \
            else f"milestone.{event}.{i + 1}"
        if a is None or b is None:
            present = a or b
            f = _finding(key, key + ".share", f"{zh_ev}付款节点", f"{en_ev} payment", cat, "percent", +1,
                         a.share if a else None, b.share if b else None, label)
            f.severity = "high" if b is None else "medium"
            if b is None:
                f.text = present.share.text if present.share else ""
            out.append(f)
            continue
        if not _same(a.share, b.share):
            out.append(_finding(key, key + ".share", f"{zh_ev}付款比例", f"{en_ev} payment share", cat,
                                "percent", +1, a.share, b.share, label))
        if a.days is not None and b.days is None and b.share is not None:
            f = _finding(key, key + ".days", f"{zh_ev}付款期限", f"{en_ev} payment period", cat, "days", -1,
                         a.days, None, label)
            f.clause, f.location, f.text, f.matched = b.share.clause, b.share.location, b.share.text, b.share.text
            f.block_indices, f.severity = list(b.share.block_indices), "high"
            out.append(f)
        elif not _same(a.days, b.days):
            out.append(_finding(key, key + ".days", f"{zh_ev}付款期限", f"{en_ev} payment period", cat,
                                "days", -1, a.days, b.days, label))
    return out


def compare_with(units: list[Unit], against: Path, rules: RuleSet | None = None, *,
                 lang: str | None = None, name: str = "合同", bid_price: Decimal | None = None) -> list[Finding]:
    """Findings for every key term of the contract (`units`) that differs from `against`;
    `bid_price` stands for the bid's price when the bid file does not write offer.price."""
    tender = key_terms_from_file(against)
    if tender.price is None and bid_price is not None:
        tender.price = Value(Decimal(bid_price), None, f"{Path(against).name}: 投标报价 bid price", "bid price")
    contract = extract_key_terms(units, name)
    return compare_terms(tender, contract)
