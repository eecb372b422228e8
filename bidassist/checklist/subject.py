"""Whose clause is it: the party that bears the obligation, right or liability a rule matched,
and whether the matched words sit in an option the parties left unselected.

Read per sentence on the normalised clause text. The actor is the party of a passive 由X / by X
after the match, else the nearest party word before the match that is not an object (向甲方,
甲方的, to the Buyer), else the sentence's first party word. Mutual words (任何一方, either
party, 违约方) make the clause mutual. Heuristics, each with the tests in tests/checklist."""

from __future__ import annotations

import re

#: a sentence ends at 。；; or a line break, an English full stop followed by a space, or a
#: full stop between Chinese characters (the full-width ． of typed contracts, read as ".")
_SENTENCE_END = re.compile(
    r"[。；;\n！!？?]|(?<=\s)[●•▪](?=\s)|\.(?=\s)|(?<=[\u4e00-\u9fff）)])\.(?=[\u4e00-\u9fff（(])"
)
_ZH_OBJECT_BEFORE = re.compile(
    r"(?:在|从|将|把|代替|替代|督促|催告|收到|接到|取得|经|(?<!原)(?<!起)因|非因|由于|向|给|对|致|令|使|与|和|及|赔偿|偿付|赔付|付给|支付给|退还|交付|偿还|告知|通知|要求|造成|导致|协助|配合|承担|负担|留置|扣押|扣留|按|按照|根据|依据|依照|视)\s*$"
)
#: 甲方的 / 甲方指定 …, and a party word that only qualifies a noun (甲方客户, 乙方后台账户,
#: 甲方话务, 乙方工作成果): the party names whose customers, accounts or work, it does not act
_ZH_POSSESSIVE_AFTER = re.compile(
    r"^\s*(?:的|之|方面|一方的|所有|指定|认可|书面|签认|客户|用户|话务|流量|财产|资产|后台|账户|账号|工作成果|成果"
    # (session 52, dev zh-1006 judged wrong: 向第三方泄露乙方商业秘密 names whose secrets, not who leaks them)
    r"|商业秘密|秘密|保密信息|信息|资料|数据|知识产权|商誉|名誉|合法权益|权益)"
)
_EN_OBJECT_BEFORE = re.compile(
    r"\b(?:to|from|of|against|for|with|and|by|notif(?:y|ies|ied)|pays?|reimburses?|indemnif(?:y|ies|ied)|"
    r"compensates?|defends?|holds?|credits?|refunds?|rebates?|due|owed|owing)"
    r"\s+(?:the\s+)?$"
)
#: "… may be set off against monies due to Vendor": the matched verb is passive, so the subject
#: before it is not its actor; the agent of a "by X" after it is, else nobody named
_EN_PASSIVE_MATCH = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$")
_EN_AGENT = re.compile(r"\bby\s+(?:the\s+)?$")
#: the matched words start with a past participle (set off, deducted, withheld), not an
#: adjective (will be liable)
_EN_PARTICIPLE = re.compile(
    r"(?:\w+ed|\w+en|set|offset|paid|withheld|held|made|borne|kept|put|cut|lost|sold|spent|met)\b"
)
_COMMA_CHARS = "，,：:"
_COMMA = re.compile(f"[{_COMMA_CHARS}]")
#: a right named by its adjective and its holder, read as a passive: "is terminable at will by Customer"
_EN_RIGHT_ADJECTIVE = re.compile(r"(?:terminable|cancell?able|revocable)\b[^.;]{0,40}?\bby\s+", re.I)
#: ", and the Supplier shall…": `and` after a comma starts a new clause whose subject follows
_EN_CLAUSE_AND = re.compile(r"[,;]\s*and\s+(?:the\s+)?$")
_ZH_PASSIVE = re.compile(r"(?:由|归)\s*$")
#: "borne by the Seller": the party after a liability verb's "by" is the actor ("suffered by" is not)
_EN_PASSIVE = re.compile(
    r"\b(?:borne|paid|payable|assumed|covered|reimbursed|compensated|indemnified|made\s+good|"
    r"responsibility\s+of|for\s+the\s+account\s+of|at\s+the\s+(?:cost|expense|risk)\s+of|charged(?:\s+back)?\s+to|chargeable\s+to)"
    r"\s+(?:solely\s+|entirely\s+)?(?:by\s+)?(?:the\s+)?$"
)
_ZH_RECIPIENT = re.compile(r"(?:向|给|付给|支付给|偿付|赔偿|赔付|退还|交付|偿还)\s*$")
_EN_RECIPIENT = re.compile(
    r"\b(?:pay|paid|payable|owed|due|reimburse|indemnify|compensate)\b[\w\s]{0,20}?"
    r"\b(?:to\s+)?(?:the\s+)?$"
)
_ZH_BEAR_BEFORE = re.compile(r"(?:对|向|要求|责令|给予|扣除|没收|扣收)\s*$")
#: 对乙方处以罚款 / 对乙方作相应处罚 / 给予乙方至少壹万元违约金处罚 / 扣除乙方全部保证金作为违约金
_ZH_BEAR_AFTER = re.compile(
    r"\s*(?:(?:作|作出|给予|进行|予以)?(?:相应|适当)?的?(?:处以|处罚|罚款|收取|索取|索赔|追偿|追究|主张|扣)"
    # 对乙方按当月服务费的3%予以处罚: the measure of the penalty between the party and the verb
    r"|(?:按照?|依照?|根据)[^。；;，,]{1,20}?(?:进行|作出|作|给予|予以)(?:相应|适当)?的?(?:处以|处罚|罚款|扣罚)"
    r"|[^。；;，,]{0,14}(?:违约金|罚款)(?:的)?处罚"
    # (扣除乙方全部保证金作为违约金; not 向甲方支付两倍服务费作为违约金, where the party is paid)
    r"|(?!\s*(?:支付|偿付|缴纳|交纳|赔付|付给|付))[^。；;，,]{0,12}(?:作为|充作|抵作)(?:违约金|罚款|罚金))"
)
_EN_BEAR_BEFORE = re.compile(
    r"\b(?:assess\w*|impos\w*|levied|levy|charg\w*|recover\w*|claim\w*|deduct\w*)\s+(?:\w+\s+){0,3}"
    r"(?:against|on|upon|from)\s+(?:the\s+)?$"
    r"|\b(?:may|shall|will|right\s+to|entitled\s+to)\s+(?:back-?charge|charge\s+back|charge)\s+(?:the\s+)?$"
)
_EN_BEAR_AFTER = re.compile(r"")
#: 乙方应承担的罚款 / 乙方须缴纳的违约金: the party before it pays the penalty
_ZH_PAYER_OF = re.compile(r"\s*(?:应|须|需|所)?(?:承担|缴纳|交纳|支付|偿付)的(?:违约金|罚款|罚金|赔偿金)")
#: 乙方应赔偿… / 乙方须全额赔偿…: the party that compensates, as the subject
_ZH_COMPENSATES = re.compile(
    r"\s*(?:应当?|须|需|必须|同意|承诺)?\s*(?:负责)?\s*(?:全额|足额|如数)?(?:赔偿|赔付)"
)
#: 甲方有权要求乙方赔偿… / 乙方可要求甲方支付…: the party after the demand bears the duty that follows
_ZH_DEMAND = re.compile(r"(?:要求|请求|责令|责成|主张)\s*$")
_ZH_DEMANDED_DUTY = re.compile(
    r"[^。；;，,]{0,40}?(?:赔偿|承担|支付|补偿|偿付|赔付|负责|缴纳|交纳|退还|返还|补足|给付)"
)
_OPTION = re.compile(r"[□☐■☑☒√✓✔▇]|\[\s?[x✓]?\s?\]")
_UNCHECKED = {"□", "☐"}
#: how far after the match a passive 由X / by X still names its actor
PASSIVE_REACH = 20
#: how far before the match a passive 由X still leads its verb (由甲方负责承担…)
PASSIVE_LEAD = 6
OTHER = {"supplier": "buyer", "buyer": "supplier"}
#: how far back (characters, same line) an option box governs the matched words
OPTION_REACH = 120


#: 双方共同验收 / 经甲乙双方确认: both parties check or sign something together; that does not
#: make the payment or duty that follows it mutual
_ZH_JOINT = re.compile(r"\s*(?:共同|一起|联合|一同)?(?:验收|确认|签字|签署|签认|核对|对账|盖章|检验|会签)")


def _joint_check(sentence: str, end: int, lang: str) -> bool:
    return lang == "zh" and bool(_ZH_JOINT.match(sentence, end))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    a = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        a = m.end()
    after = _SENTENCE_END.search(text, end)
    return a, (after.start() if after else len(text))


#: a sentence that is only a condition (如乙方违反本协议约定。甲方有权解除…): a stray full stop
#: cut it from the sentence it governs
_BARE_CONDITION = re.compile(r"(?:如|若|如果|倘若|假如|一旦|凡)[^。；;\n]{0,80}$")
_CONSEQUENCE = re.compile(
    r"有权|应当|应该|须|可以|[，,]\s*(?:则|应)"
    # a later comma part that acts: 如乙方逾期，每延期一个月，甲方扣除…作为违约金 (its own consequence)
    r"|[，,][^，,。；;]{0,20}(?:扣除|扣减|支付|承担|赔偿|赔付|解除|终止)"
)


#: an English list item after the first: "; B) indemnification …", "; or (c) lost profit …"
_EN_ITEM = re.compile(r"\s*(?:(?:and|or)\s+)?\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s", re.I)


def list_lead_in(text: str, a: int) -> str:
    """The lead-in ("IN NO EVENT … SHALL SELLER BE LIABLE FOR:") of the English list item whose sentence
    starts at `a`, when the items are cut apart by semicolons; else ''."""
    if not _EN_ITEM.match(text, a):
        return ""
    colon = text.rfind(":", 0, a)
    if colon < 0 or any(c in text[colon:a] for c in ".。\n"):
        return ""
    start = max(text.rfind(c, 0, colon) for c in ".。\n") + 1
    return text[start : colon + 1]


def condition_start(text: str, a: int) -> int:
    """The start of the sentence that begins at `a`, moved back over a preceding sentence
    that is a bare condition (its consequence is the sentence at `a`)."""
    if a == 0 or text[a - 1] == "\n":
        return a
    pa, _ = sentence_bounds(text, a - 1, a - 1)
    prev = text[pa : a - 1]
    if _BARE_CONDITION.search(prev) and not _CONSEQUENCE.search(prev):
        return pa
    return a


def _hits(pattern: re.Pattern | None, text: str, role: str) -> list[tuple[int, int, str]]:
    if pattern is None:
        return []
    return [(m.start(), m.end(), role) for m in pattern.finditer(text)]


_EN_CONJUNCTION_BEFORE = re.compile(r"\b(?:and|or|but|then)\s+(?:the\s+)?$", re.I)
_EN_MODAL_AFTER = re.compile(r"\s+(?:may|shall|will|must|can|is\s+entitled|has\s+the\s+right)\b", re.I)


#: "The Loss Adjuster's fees … shall become payable", "Grower compensation … shall be paid": the
#: party whose money it is gets paid, it does not act
_EN_PAYEE_AFTER = re.compile(
    r"(?:\s?['’]s?)?\s+(?:fees?|charges|invoices?|remuneration|payments?|compensation|consideration)\b"
)


def _is_object(sentence: str, start: int, end: int, lang: str) -> bool:
    before = sentence[max(0, start - 6) : start]
    if lang == "en":
        if _EN_PAYEE_AFTER.match(sentence, end):
            return True
        window = sentence[max(0, start - 25) : start]
        if _EN_MODAL_AFTER.match(sentence, end) and _EN_CONJUNCTION_BEFORE.search(window):
            return False  # "… and City may deduct": after a conjunction, a party before its own verb is its subject
        return bool(_EN_OBJECT_BEFORE.search(window)) and not _EN_CLAUSE_AND.search(window)
    return bool(_ZH_OBJECT_BEFORE.search(before) or _ZH_POSSESSIVE_AFTER.match(sentence[end : end + 4]))


def actor(
    sentence: str,
    m_start: int,
    m_end: int,
    patterns: dict[str, re.Pattern | None],
    lang: str,
    near: bool = False,
) -> str | None:
    """'supplier', 'buyer', 'mutual' or None for the party the matched span binds; `near`: the
    sentence is the match's own comma part, where 由X before the verb is its actor."""
    hits = sorted(
        _hits(patterns.get("supplier"), sentence, "supplier")
        + _hits(patterns.get("buyer"), sentence, "buyer")
        + [
            h
            for h in _hits(patterns.get("mutual"), sentence, "mutual")
            if not _joint_check(sentence, h[1], lang)
        ]
    )
    if not hits:
        return None
    passive = _ZH_PASSIVE if lang == "zh" else _EN_PASSIVE

    def is_passive(s: int) -> bool:
        return bool(passive.search(sentence[max(0, s - 40) : s]))

    inside = [r for s, _e, r in hits if m_start <= s < m_end and is_passive(s)]
    if inside:
        return inside[0]
    # 由甲方承担全部责任: a passive 由X right before the verb is its actor
    led = [r for s, e, r in hits if is_passive(s) and 0 <= m_start - e <= PASSIVE_LEAD]
    if led:
        return led[-1]
    before_hits = [
        (s, e, r)
        for s, e, r in hits
        if s <= m_start
        and ((near and is_passive(s)) or (not is_passive(s) and not _is_object(sentence, s, e, lang)))
    ]
    before = [r for _s, _e, r in before_hits]
    if before and _joint_subject(sentence, hits, m_start, m_end, lang):
        return "mutual"  # CONTRACTOR OR CLIENT MAY CANCEL / 甲方或乙方均可解除
    # an aside in brackets closed before the match (（预付款支付之前，中标人须向采购人提交保函）,
    # "you agree to defend (at the Company's option), indemnify") names the actor of its own
    # words; a party outside it comes first
    outside = [(s, r) for s, _e, r in before_hits if not _in_closed_aside(sentence, s, m_start)]
    # a party inside the aside that holds the match describes it (赔偿需方的全部损失（包括需方转售的预期利益）):
    # the subject before the aside acts
    opened = _open_aside(sentence, m_start)
    main = [r for s, r in outside if s < opened] if opened < m_start else []
    if main:
        return main[-1]
    if outside:
        return outside[-1][1]
    if before:
        return before[-1]
    # "Any expense which ABC may incur … shall be for the account of the Supplier": an English
    # passive bearer anywhere after the match in its sentence names the actor
    reach = PASSIVE_REACH if lang == "zh" else len(sentence)
    after = [r for s, _e, r in hits if m_end <= s < m_end + reach and is_passive(s)]
    if after:
        return after[0]
    subjects = [r for s, e, r in hits if not is_passive(s) and not _is_object(sentence, s, e, lang)]
    if subjects:
        return subjects[0]
    # only a recipient: 应偿付供方… / shall pay to the Seller… - the actor is the other side
    recipient = _ZH_RECIPIENT if lang == "zh" else _EN_RECIPIENT
    got = {r for s, _e, r in hits if r != "mutual" and recipient.search(sentence[max(0, s - 25) : s])}
    return OTHER[got.pop()] if len(got) == 1 else None


_OPEN = "（("
_CLOSE = "）)"


def _open_aside(sentence: str, m_start: int) -> int:
    """Where the innermost bracket still open at `m_start` opens (`m_start` when none is)."""
    stack: list[int] = []
    for i, ch in enumerate(sentence[:m_start]):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE and stack:
            stack.pop()
    return stack[-1] if stack else m_start


def _in_closed_aside(sentence: str, pos: int, m_start: int) -> bool:
    """Does `pos` stand inside brackets that open before it and close before `m_start`?"""
    depth = 0
    for ch in sentence[pos:m_start]:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return True
    return False


#: two parties joined as one subject: "Contractor or Client may", 甲方或乙方
_JOINT = re.compile(r"\s*(?:or|and|/|或者|或|和|及|与)\s*(?:the\s+)?", re.I)


def _joint_subject(
    sentence: str, hits: list[tuple[int, int, str]], m_start: int, m_end: int, lang: str
) -> bool:
    """Is the last subject before the match one of two parties joined by or/and (both act)?"""
    subjects = [
        (s, e, r)
        for s, e, r in hits
        if s <= m_start and not _is_object(sentence, s, e, lang) and r != "mutual"
    ]
    if not subjects:
        return False
    s0, e0, r0 = subjects[-1]
    prev = [(s, e, r) for s, e, r in hits if e <= s0 and r not in (r0, "mutual")]
    nxt = [(s, e, r) for s, e, r in hits if e0 <= s < m_end and r not in (r0, "mutual")]
    return bool(
        (prev and _JOINT.fullmatch(sentence, prev[-1][1], s0) and not _ZH_TOGETHER_TIME.match(sentence, e0))
        or (
            nxt
            and _JOINT.fullmatch(sentence, e0, nxt[0][0])
            and not _ZH_TOGETHER_TIME.match(sentence, nxt[0][1])
        )
    )


#: 乙方与甲方合作期间 / 甲乙双方合作过程中: the two parties name a time or a relationship, not a
#: subject acting together
_ZH_TOGETHER_TIME = re.compile(
    r"\s*(?:的)?(?:合作|合同|协议|服务)?(?:关系)?(?:存续)?(?:期间|期内|过程中|之间)"
)


def unselected_option(text: str, start: int) -> bool:
    """Is the match governed by an unticked box (□) on its own line, within OPTION_REACH?"""
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - OPTION_REACH) : start]
    boxes = _OPTION.findall(window)
    return bool(boxes) and (boxes[-1] in _UNCHECKED or boxes[-1].replace(" ", "") == "[]")


#: Buyer reserves the right to apply a penalty / may claim liquidated damages: the buyer's right
#: to impose a charge binds the supplier, who pays it
_EN_IMPOSES = re.compile(
    r"[^.;]{0,60}?\b(?:may|right\s+to|entitled\s+to)\b[^.;]{0,40}?"
    r"\b(?:apply|impose|levy|claim|demand|deduct|charge|recover|assess|collect)\w*\b[^.;]{0,60}?"
    r"\b(?:penalt(?:y|ies)|liquidated\s+damages|delay\s+damages|damages\s+for\s+delay|service\s+credits?)"
    # the buyer "is entitled to / shall receive a service credit": the supplier's fee is cut
    r"|[^.;]{0,60}?\b(?:entitled\s+to|(?:shall|will)\s+(?:receive|be\s+credited\s+with|earn))\s+(?:a\s+|the\s+|any\s+)?service\s+credits?\b"
    # the buyer "may reduce the price by 1 % per day of delay", "shall deduct 0.5 percent of the price
    # for every week of delay": a rate per period it deducts (a decimal point does not end the sentence)
    r"|[^.;]{0,60}?\b(?:may|shall|will|right\s+to|entitled\s+to)\b[^.;]{0,40}?\b(?:reduce|deduct|withhold|retain|abate)\w*\b"
    r"(?:[^.;]|(?<=\d)\.(?=\d)){0,80}?(?:%|percent|per\s+cent)(?:[^.;]|(?<=\d)\.(?=\d)){0,60}?"
    r"\b(?:per|each|every|for\s+each|for\s+every)\s+(?:calendar\s+|working\s+|business\s+)?(?:day|week)"
    # session 36: the buyer "shall be entitled to a deduction of 40 %", a breach "shall entitle the Client to
    # liquidated damages equal to 50 % of the Fee"
    r"|[^.;]{0,30}?\b(?:entitled\s+to|to)\s+(?:a\s+|the\s+)?(?:deductions?|liquidated\s+damages|penalt(?:y|ies)|reductions?)\b"
)


#: 甲方将按订单总金额5%从货款中扣除违约金 / 我司有权收取罚款: the buyer takes the penalty, the supplier pays it
_ZH_IMPOSES = re.compile(
    r"[^。；;，,]{0,40}?(?:扣除|扣收|扣减|扣罚|扣出|收取|处以)[^。；;，,]{0,6}?(?:违约金|罚款|罚金|滞纳金|违约赔偿金)"
)


def _buyer_imposes(sentence: str, patterns: dict[str, re.Pattern | None], lang: str) -> bool:
    buyer = patterns.get("buyer")
    imposes = _ZH_IMPOSES if lang == "zh" else _EN_IMPOSES
    return buyer is not None and any(imposes.match(sentence, m.end()) for m in buyer.finditer(sentence))


#: "is entitled to recover", "may claim": the damages the buyer recovers are the supplier's to pay
_EN_RECOVERS = re.compile(
    r"\s+(?:(?:shall|will)\s+be\s+|is\s+)?(?:entitled\s+to|may|shall\s+have\s+the\s+right\s+to)\s+(?:also\s+)?"
    r"(?:recover|claim|be\s+(?:compensated|reimbursed|indemnified))\b(?![^.;]{0,40}\b(?:insur\w+|third\s+part))",
    re.I,
)


def _buyer_recovers(before: str, patterns: dict[str, re.Pattern | None]) -> bool:
    """Is the buyer, up to the match, the one entitled to recover (the supplier pays what the match names)?"""
    buyer = patterns.get("buyer")
    return buyer is not None and any(_EN_RECOVERS.match(before, m.end()) for m in buyer.finditer(before))


#: 需方须向供方赔偿…: the buyer, as subject, compensating the supplier (the words between the two)
_ZH_TO_COMPENSATE = re.compile(r"\s*(?:应当?|须|需|必须|同意|承诺)?\s*(?:向|给)?\s*$")
_ZH_COMPENSATE_VERB = re.compile(r"\s*(?:全额|足额|如数)?(?:赔偿|赔付|补偿)")


def _buyer_compensates_supplier(before: str, patterns: dict[str, re.Pattern | None]) -> bool:
    """Does the sentence, up to the match, have the buyer compensate the supplier (需方须向供方赔偿…供方的
    其余损失（包含供方…预期的所得利益）) with no later supplier bearing a duty of its own? Then the loss the
    match names is the supplier's own, made good by the buyer."""
    buyer, supplier = patterns.get("buyer"), patterns.get("supplier")
    if buyer is None or supplier is None:
        return False
    for m in supplier.finditer(before):
        lead = before[max(0, m.start() - 12) : m.start()]
        if not _ZH_COMPENSATE_VERB.match(before, m.end()):
            continue
        head = next((b for b in buyer.finditer(lead) if _ZH_TO_COMPENSATE.fullmatch(lead, b.end())), None)
        if head is None:
            continue
        rest = before[m.end() :]
        return not any(
            _ZH_COMPENSATES.match(rest, n.end()) or _ZH_BORNE_BY.match(rest, n.end())
            for n in supplier.finditer(rest)
        )
    return False


def bearer(sentence: str, patterns: dict[str, re.Pattern | None], lang: str) -> str | None:
    """The party a penalty or claim is imposed on: 对乙方处以罚款 / 向乙方索赔 / against the Seller."""
    hits = sorted(
        _hits(patterns.get("supplier"), sentence, "supplier")
        + _hits(patterns.get("buyer"), sentence, "buyer")
    )
    before, after = (_ZH_BEAR_BEFORE, _ZH_BEAR_AFTER) if lang == "zh" else (_EN_BEAR_BEFORE, _EN_BEAR_AFTER)
    for s, e, role in hits:
        if before.search(sentence[max(0, s - 40) : s]) and after.match(sentence[e : e + 32]):
            return role
        if lang == "zh" and _ZH_PAYER_OF.match(sentence[e : e + 12]) and not _is_object(sentence, s, e, lang):
            return role
        if lang == "zh" and _ZH_COMPENSATES.match(sentence, e) and not _is_object(sentence, s, e, lang):
            return role  # 乙方应赔偿甲方因此减少的业务收入…以及可得利益损失: the one who compensates
        if lang == "zh" and sentence[max(0, s - 1) : s] == "由" and _ZH_BORNE_BY.match(sentence, e):
            return role  # 甲方因此产生的损失均由乙方赔偿，赔偿范围涵盖商誉损失…: the party named after 由
    return None


#: the duty after 由 + party: 损失均由乙方赔偿 / 费用由乙方负责承担
_ZH_BORNE_BY = re.compile(r"\s*(?:负责)?(?:赔偿|承担|赔付|补偿|偿付)")


def demanded(sentence: str, m_end: int, patterns: dict[str, re.Pattern | None], lang: str) -> str | None:
    """The party a demand just before the match puts the duty on (甲方有权要求乙方赔偿… ->
    supplier; 乙方可要求甲方赔偿… -> buyer; 守约方可要求违约方赔偿… -> mutual), else None: only
    when the demanded party is the last party word up to the match's end that is not an object."""
    if lang != "zh":
        return None
    hits = sorted(
        h for role in ("supplier", "buyer", "mutual") for h in _hits(patterns.get(role), sentence, role)
    )

    def is_demanded(s: int, e: int) -> bool:
        return bool(_ZH_DEMAND.search(sentence[max(0, s - 4) : s]) and _ZH_DEMANDED_DUTY.match(sentence, e))

    subjects = [
        (s, e, role)
        for s, e, role in hits
        if s < m_end and (is_demanded(s, e) or not _is_object(sentence, s, e, lang))
    ]
    if not subjects:
        return None
    s, e, role = subjects[-1]
    return role if is_demanded(s, e) else None


#: 除甲方外 / other than the Buyer: a party named only as the exception to whom the act is barred for
_EXCEPT = {
    "zh": re.compile(r"除(?:了)?(?P<who>[^。；;，,]{1,8}?)(?:以外|之外|外)"),
    "en": re.compile(
        r"\b(?:other\s+than|except(?:\s+for)?|save\s+for)\s+(?:to\s+|for\s+)?(?:the\s+)?(?P<who>[\w-]+(?:\s[\w-]+)?)",
        re.I,
    ),
}
#: words one of which an exception needs (a cheap test before the regex)
_EXCEPT_WORDS = {"zh": ("除",), "en": ("other than", "except", "save for")}


def without_exceptions(text: str, patterns: dict[str, re.Pattern | None], lang: str) -> str:
    """The text with each party named as an exception (除甲方外的其他方, anyone other than the
    Buyer) blanked, same length: that party is not the one the sentence binds."""
    if not any(w in text for w in _EXCEPT_WORDS[lang]):
        return text
    parties = [p for k, p in patterns.items() if k in ("buyer", "supplier") and p is not None]

    def blank(m: re.Match) -> str:
        a, b = m.span("who")
        if not any(p.match(m.group("who")) for p in parties):
            return m.group(0)
        return text[m.start() : a] + "＿" * (b - a) + text[b : m.end()]

    return _EXCEPT[lang].sub(blank, text)


def binding_party(
    text: str,
    m_start: int,
    m_end: int,
    patterns: dict[str, re.Pattern | None],
    lang: str,
    wanted: str = "supplier",
) -> str | None:
    """The party the match at [m_start, m_end) binds: supplier, buyer, mutual, or None if unknown.

    The actor is looked for first in the comma-separated part that holds the end of the match
    (where the verb of a Chinese clause stands: 甲方有权…扣除), then in the whole sentence; a
    penalty imposed on the supplier (对乙方处以罚款) binds the supplier."""
    a, b = sentence_bounds(text, m_start, m_end)
    if lang == "en":
        a = after_agreeing(text, a, m_start)
    if (
        lang == "en"
        and (_EN_PARTICIPLE.match(text, m_start) or _EN_RIGHT_ADJECTIVE.match(text, m_start))
        and _EN_PASSIVE_MATCH.search(text, max(a, m_start - 24), m_start)
    ):
        return passive_agent(text[m_start:b], patterns)
    if lang == "en" and (shared := coordinated_subject(text, a, m_start, patterns)) is not None:
        return shared  # "the Company may suspend … or may put the remittances on hold"
    if wanted == "supplier" and bearer(text[a:b], patterns, lang) == "supplier":
        return "supplier"
    if wanted == "supplier" and lang == "zh" and _buyer_compensates_supplier(text[a:m_start], patterns):
        return "buyer"
    if wanted == "supplier" and lang == "en" and _buyer_recovers(text[a:m_start], patterns):
        return "supplier"  # "Purchaser is entitled to recover incidental damages, including lost profits"
    if wanted == "supplier" and _buyer_imposes(text[a:b], patterns, lang):
        return "supplier"
    owed = demanded(text[a:b], m_end - a, patterns, lang)
    if owed is not None:
        return owed
    seg = _last_part_start(text, a, max(a, m_end - 1))
    nxt = _COMMA.search(text, m_end, b)
    seg_end = nxt.start() if nxt else b
    if lang == "zh":
        deducts = deduction_actor(text, seg, seg_end, m_start, m_end, patterns)
        if deducts is not None:
            return deducts
        if net_payment_to(text, m_start, b, patterns) == "supplier":
            return "buyer"
    who = (
        actor(text[seg:seg_end], max(m_start, seg) - seg, m_end - seg, patterns, lang, near=True)
        if seg > a and (lang == "zh" or (m_start >= seg and _names_a_party(text[seg:m_start], patterns)))
        else None
    )
    if who is None and not _names_a_party(text[a:m_start], patterns):
        who = lead_in_party(text, a, patterns)  # 14.9 The Supplier: / ● indemnifies CCS…
    return who if who is not None else actor(text[a:b], m_start - a, m_end - a, patterns, lang)


def _last_part_start(text: str, a: int, end: int) -> int:
    """Where the comma part holding `end` starts: after the last comma in [a, end) outside brackets
    (a comma inside an aside closed before the verb - (包括但不限于…，或您…行事)终止 - does not
    start the verb's part)."""
    seg, depth = a, 0
    for i in range(a, end):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in _COMMA_CHARS:
            seg = i + 1
    return seg


#: a list item's marker: ● / - / (a) / 1. / （1） / ①
_ITEM = re.compile(r"[^\S\n]*(?:[●•▪◦·‐–—*-]|[(（]?[0-9a-zA-Z]{1,4}[.)）、]|[①-⑳])")
#: a lead-in that names who acts in the items under it: "The Supplier:", "Contractor shall:", 乙方应：
_LEAD_IN = re.compile(
    r"(?:^|\s)(?:the\s+)?(?P<party>\S.{0,40}?)\s*(?:shall|must|will|agrees?\s+to|undertakes?\s+to|hereby|"
    r"应当|应|须|必须|承诺|保证)?\s*[:：]\s*$",
    re.I,
)


def lead_in_party(text: str, a: int, patterns: dict[str, re.Pattern | None]) -> str | None:
    """The party a list item's lead-in names as the actor ("The Supplier:" over "● indemnifies
    CCS…"), when the sentence at `a` is a list item: the nearest line above ending in a colon,
    over the items (and their wrapped lines) between, within LEAD_IN_REACH characters."""
    if not _ITEM.match(text, a) and not _ITEM.match(text, text.rfind("\n", 0, a) + 1):
        return None
    end = text.rfind("\n", 0, a)
    while end > 0 and a - end <= LEAD_IN_REACH:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].rstrip()
        if line.endswith((":", "：")):
            # the subject of a lead-in sentence ("The Buyer may, at any time, by notice to the
            # Supplier:"), else the words just before its colon ("The Supplier shall:")
            lead = _LEAD_SUBJECT.match(line[line.rfind(". ") + 1 :]) or _LEAD_IN.search(line[-60:])
            hits = {
                role
                for role in ("supplier", "buyer")
                if lead
                and (pattern := patterns.get(role)) is not None
                and pattern.search(lead.group("party"))
            }
            return hits.pop() if len(hits) == 1 else None
        if _NUMBERED_CLAUSE.match(line):
            return None  # another clause begins: no lead-in over this item
        end = start - 1
    return None


#: the subject at the start of a lead-in sentence: "We may, at any time, …:", "The Buyer shall:"
_LEAD_SUBJECT = re.compile(
    r"\W*(?:the\s+)?(?P<party>[^\W\d][\w&'’.-]*(?:\s+[^\W\d][\w&'’.-]*){0,4}?)\s+(?:may|shall|will|must|can|reserves?)\b",
    re.I,
)
#: how far above a list item its lead-in may stand
LEAD_IN_REACH = 2000
_NUMBERED_CLAUSE = re.compile(r"\s*(?:\d+(?:\.\d+)+|第[一二三四五六七八九十百\d]+条)\s")


#: "CITY and CONTRACTOR agree that …", "the Parties acknowledge that …": who agrees is not who acts
_EN_AGREE_THAT = re.compile(
    r"\b(?:agree|agrees|agreed|acknowledge|acknowledges|recogni[sz]e|recogni[sz]es|understand|understands|"
    r"accept|accepts)\s+(?:and\s+agree\s+)?that\b",
    re.I,
)


#: a verb phrase joined to the one before, its subject left out: "… or may put …"
_EN_JOINED_MODAL = re.compile(r"(?:may|shall|will|can|must)\b")
_EN_JOINED_BEFORE = re.compile(r"\b(?:and|or|and/or)\s+$")
_EN_MODAL_AFTER = re.compile(r"\s+(?:(?:also|further|then)\s+)?(?:may|shall|will|can|must)\b")


def coordinated_subject(
    text: str, a: int, m_start: int, patterns: dict[str, re.Pattern | None]
) -> str | None:
    """The subject of a match that opens with a modal verb joined by "and"/"or" to the verb
    phrase before it ("the Company may suspend the Seller Registration or may put the
    remittances on hold"): the party that acts with a modal verb last before it, in the sentence."""
    if not _EN_JOINED_MODAL.match(text, m_start) or not _EN_JOINED_BEFORE.search(
        text, max(a, m_start - 12), m_start
    ):
        return None
    best: tuple[int, str] | None = None
    for role in ("supplier", "buyer"):
        pattern = patterns.get(role)
        if pattern is None:
            continue
        for h in pattern.finditer(text, a, m_start):
            if _EN_MODAL_AFTER.match(text, h.end()) and (best is None or h.start() > best[0]):
                best = (h.start(), role)
    return best[1] if best else None


def after_agreeing(text: str, a: int, m_start: int) -> int:
    """The start of the words the parties agree to, when the match stands in them."""
    ends = [m.end() for m in _EN_AGREE_THAT.finditer(text, a, m_start)]
    return ends[-1] if ends else a


#: a deduction from a sum named by its source (从乙方当月服务费中扣除, 在乙方应得的款项中扣除,
#: 从甲方应付货款中抵扣): whoever owes that sum makes the deduction
_ZH_FUND = r"(?:从|在)(?P<src>[^，,。；;：:]{0,30}?(?:款项|款|费用|费|金额|资金|保证金|押金|报酬|分成))[^，,。；;]{0,2}(?:中|里|内)"
_ZH_DEDUCT_FROM = re.compile(
    _ZH_FUND + r"[^，,。；;]{0,8}?(?:扣除|扣减|扣回|扣收|扣取|扣划|抵扣|抵销|抵消|冲抵|充抵|折抵)"
)
#: 甲方应付货款 / 乙方应支付的: the party named owes the sum
_ZH_OWES = re.compile(r"\s*的?\s*(?:应付|应支付|未付|未支付|尚未支付|待付|待支付|须支付|需支付|应向)")


def deduction_actor(
    text: str, seg: int, seg_end: int, m_start: int, m_end: int, patterns: dict[str, re.Pattern | None]
) -> str | None:
    """The party that makes a deduction the match is part of, read from the sum it comes out of
    (Chinese): the one who owes that sum - the party named with 应付 before it, else the other side
    of the party whose money it is (no party named: the sentence decides).
    None when no such deduction holds the match, or its comma part names its actor before it."""
    for d in _ZH_DEDUCT_FROM.finditer(text, seg, seg_end):
        if d.start() >= m_end or d.end() <= m_start:
            continue
        lead = text[seg : d.start()]
        if any(not _is_object(lead, s, e, "zh") for s, e, _r in _party_hits(lead, patterns)):
            return None  # 甲方有权从…中扣除: the sentence names its actor
        src, base = d.group("src"), d.start("src")
        hits = _party_hits(src, patterns)
        if not hits:  # 从应付款中扣除 / 从该款项中: nobody's sum named, the sentence decides
            return None
        s, e, role = hits[0]
        if role not in OTHER:
            return None
        return role if _ZH_OWES.match(text, base + e) else OTHER[role]
    return None


#: a deduction, then the rest paid (扣除…违约金、罚款等费用后无息支付给乙方): the payer deducts
_ZH_NET_PAYMENT = re.compile(
    r"(?:扣除|扣减|扣罚|扣回|抵扣|冲抵|冲减|扣留|扣收)[^。；;]{0,40}?(?:后|之后|以后)[^。；;，,]{0,12}?"
    r"(?:支付|付给|付还|退还|返还|拨付|退回|结算)(?:给|予)?"
)


def net_payment_to(text: str, m_start: int, b: int, patterns: dict[str, re.Pattern | None]) -> str | None:
    """The party paid what is left after a deduction the match starts (Chinese): 扣除乙方应承担的违约金后
    无息支付给乙方 pays the supplier, so the one deducting is the buyer (乙方 inside 乙方应承担的 only
    says whose debt it is). None when the match starts no such net payment or names no payee."""
    d = _ZH_NET_PAYMENT.match(text, m_start, b)
    if d is None:
        return None
    hits = _party_hits(text[d.end() : min(b, d.end() + 8)], patterns)
    return hits[0][2] if hits and hits[0][0] <= 1 else None


#: a deduction out of a fund (从应付给承包人的任何款项中…扣除, 从项目工程款中扣除): the fund's words
_ZH_FROM_FUND = re.compile(_ZH_FUND)


def deducts_from_money_owed(
    text: str, m_start: int, m_end: int, patterns: dict[str, re.Pattern | None]
) -> bool:
    """Does the match take something out of a fund that is not the buyer's own money, with no actor
    named before it in its comma part (…赔偿给中国电信，或者从项目工程款中扣除)? The one who holds such a
    fund and deducts from it is the payer, the buyer (Chinese)."""
    for d in _ZH_FROM_FUND.finditer(text, m_start, m_end):
        seg = max((c.end() for c in _COMMA.finditer(text, 0, d.start())), default=0)
        lead = text[seg : d.start()]
        if any(not _is_object(lead, s, e, "zh") for s, e, _r in _party_hits(lead, patterns)):
            return False  # 乙方从其收到的款项中扣除: the comma part names its actor
        src = d.group("src")
        if any(r == "buyer" and not _ZH_OWES.match(src, e) for _s, e, r in _party_hits(src, patterns)):
            return False  # 从甲方的账户中: the buyer's own money
        a, b = sentence_bounds(text, m_start, m_end)
        # what comes out is a claim (违约金, 赔偿), not an agreed settlement adjustment (在已交款中增付或扣除)
        return _ZH_CLAIM.search(text, a, b) is not None
    return False


_ZH_CLAIM = re.compile(r"违约金|罚款|罚金|赔偿|赔款|损失|扣罚")


def _party_hits(text: str, patterns: dict[str, re.Pattern | None]) -> list[tuple[int, int, str]]:
    return sorted(
        h for role in ("supplier", "buyer", "mutual") for h in _hits(patterns.get(role), text, role)
    )


def passive_agent(after: str, patterns: dict[str, re.Pattern | None]) -> str | None:
    """The party of "by (the) X" in the words from a passive match on, else None (nobody named)."""
    hits = sorted(
        (m.start(), role)
        for role in ("supplier", "buyer", "mutual")
        if (pattern := patterns.get(role)) is not None
        for m in pattern.finditer(after)
    )
    return next((role for s, role in hits if _EN_AGENT.search(after, max(0, s - 8), s)), None)


def _names_a_party(part: str, patterns: dict[str, re.Pattern | None]) -> bool:
    """An English comma part names its actor before the match (`, Buyer may terminate`); one
    that does not is a list item or a relative clause (`loss or damage whether direct or
    consequential which the buyer may suffer`) and the sentence decides."""
    return any(p is not None and p.search(part) for p in patterns.values())


def binds(
    wanted: str, text: str, m_start: int, m_end: int, patterns: dict[str, re.Pattern | None], lang: str
) -> bool:
    """Does a rule for `wanted` (supplier / buyer) apply to the match (unknown: yes)?"""
    who = binding_party(text, m_start, m_end, patterns, lang, wanted)
    return who is None or who == wanted


def party_of_heading(context: str, patterns: dict[str, re.Pattern | None]) -> str | None:
    """The one party the titles above a clause name (乙方义务 -> supplier), else None."""
    found = {
        role
        for role in ("supplier", "buyer")
        if (pattern := patterns.get(role)) is not None and pattern.search(context)
    }
    return found.pop() if len(found) == 1 else None


#: a clause's first line that is only its title ("10. TERMINATION FOR CONVENIENCE AND CHANGES:",
#: 十二、违约责任): short, and no verb of duty or right in it
HEADING_CHARS = 80
_DUTY_WORD = re.compile(
    r"\b(?:shall|may|will|must|agrees?|is|are|be)\b|应|须|有权|可以|不得|承担|支付|负责|同意|视为"
)
#: a sum of money or a share: titles name a subject, they carry no amount
_TERM_FIGURE = re.compile(r"\d[\d,，.]*\s*(?:万元|元|%|％)")
#: the end of a title line: a line break, or a colon that ends its line ("Payment: 30 days" is
#: a term with its value, not a title)
_LINE_END = re.compile(r"[:：]?[ \t]*\n")


def heading_end(text: str) -> int:
    """Where the clause's title line ends, or 0 when its first line is a sentence."""
    m = _LINE_END.search(text, 0, HEADING_CHARS + 2)
    if m is None or not text[m.end() :].strip():
        return 0
    title = text[: m.start()].rstrip()
    if not title or title[-1] in "。；;.，," or _DUTY_WORD.search(title) or _TERM_FIGURE.search(title):
        # a sentence of its own (4） 个月无息商业承兑汇票。), or a term with its sum
        # (（2）项目结束后付剩下15万元), not a title
        return 0
    return m.end()


#: a unit that is only a clause's title in English ("14. Non-Competition and Non-Solicitation",
#: "9 Rate Parity and Rate Accuracy"): an optional number, then at most 8 words, each significant
#: word capitalised, no sentence punctuation and no other digit
_TITLE_NUMBER = re.compile(r"^\s*(?:(?:clause|section|article)\s+)?[\dIVXivx]+(?:\.\d+)*\.?\s+", re.I)
_TITLE_WORDS = re.compile(r"^[A-Za-z][A-Za-z'’&/\- ]*$")
_MINOR_WORDS = frozenset({"and", "or", "of", "the", "for", "to", "in", "on", "a", "an", "by", "with", "&"})
TITLE_MAX_WORDS = 8


def title_only(text: str) -> bool:
    """Is the whole unit an English title with no clause under it (its words name a subject, they
    bind nobody)?"""
    if "\n" in text.strip():
        return False
    body = _TITLE_NUMBER.sub("", text.strip(), count=1).strip()
    if not _TITLE_WORDS.match(body):
        return False
    words = body.replace("/", " ").split()
    if not 0 < len(words) <= TITLE_MAX_WORDS:
        return False
    return all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words if w[0].isalpha())


#: "ECP平台：指…系统" / 本合同所称“保证金”是指… / "Platform" means …: the sentence defines a word
_DEFINITION = re.compile(
    r"\s*(?:[\d.]+\s*|[（(]?[一二三四五六七八九十\d]+[)）、.]\s*)?[^，,。；;:：\n]{1,30}?"
    # an aside between the word and "means" ("Final Acceptance" (used in the context of construction contracts) means)
    r"(?:[\"”]?\s*\([^()\n]{1,80}\))?"
    r"(?:[:：]\s*(?:指|是指|系指)|(?:是指|系指|指的是)|[\"”]?\s+(?:means|shall\s+mean|refers\s+to)\b)"
)


def in_definition(text: str, start: int, end: int | None = None) -> bool:
    """Does the match at `start` (or its end, when the match runs on into the next sentence:
    "…Material Transfer Agreement. "Background IPR" means…") sit in a sentence that defines a
    word (not a duty)?"""
    ats = (start,) if end is None or end <= start else (start, end - 1)
    return any(_DEFINITION.match(text, sentence_bounds(text, at, at)[0]) for at in ats)


#: the matched words name another clause ("non-competition (Clause 11)", 保密条款（第九条）,
#: "as set out in Clause 7"): a reference, not the clause itself
_REFERENCE_AFTER = re.compile(
    r"\s*(?:[(（]\s*(?:(?:clauses?|sections?|articles?|paras?\.?|paragraphs?)\s*\d|第\s*[\d一二三四五六七八九十百]+\s*[条款章])"
    r"|(?:in|under|of)\s+(?:clauses?|sections?|articles?)\s+\d)",
    re.I,
)


def is_reference(text: str, end: int) -> bool:
    """Is the match followed at once by a reference to the clause it names? Not a party's liability
    under a clause ("shall not apply to the Seller's liability under Clause 10 (Warranty)")."""
    return bool(_REFERENCE_AFTER.match(text, end)) and not _OWN_LIABILITY.search(text, max(0, end - 40), end)


#: a party's own liability ending the match: what a clause it then cites imposes, not the clause's name
_OWN_LIABILITY = re.compile(r"\w['’]s?\s+liabilit(?:y|ies)$", re.I)


#: a charge for paying late (逾期支付租金 / 逾期付款 / late payment of invoices): it binds the payer
_ZH_LATE_PAYMENT = re.compile(
    r"(?:逾期|迟延|延迟|延期|拖延|未按(?:期|时|约定)?)(?:(?:支付|付款|缴纳|交纳|缴付)(?:租金|费用|价款|货款|款项|服务费|运费)?"
    # 交付 is paying only with a sum after it (逾期交付租金); 逾期交付广告制作 is late delivery
    r"|交付(?:租金|费用|价款|货款|款项|服务费|运费))"
    r"|拖欠(?:租金|货款|价款|款项|费用)"
    # 未按约定期限支付物业服务费 / 未能按合同约定时间支付货款
    r"|未能?按[^，,。；;]{0,10}?(?:支付|付款|付清|缴纳|交纳|缴付)(?:租金|费用|价款|货款|款项|服务费|运费|物业服务费)"
)
_EN_LATE_PAYMENT = re.compile(
    r"\blate\s+payments?\b|\b(?:overdue|unpaid|outstanding)\s+(?:invoices?|amounts?|sums?|balances?)\b"
    r"|\bnot\s+paid\s+(?:when|by\s+the)\s+due\b"
)


def late_payment_charge(text: str, start: int, lang: str) -> bool:
    """Is the matched sentence a charge for paying late? With no party named, the payer of the
    price is the buyer (a lessee's rent, a customer's invoices)."""
    a, b = sentence_bounds(text, start, start)
    sentence = text[condition_start(text, a) : b]
    return bool((_ZH_LATE_PAYMENT if lang == "zh" else _EN_LATE_PAYMENT).search(sentence))


#: how far before the late-payment words the party that pays late is named (甲方无故延迟付款)
LATE_PAYER_REACH = 8


def late_payer(text: str, start: int, patterns: dict[str, re.Pattern | None], lang: str) -> str | None:
    """The party whose late payment the matched sentence charges for, when it is named just
    before the words (如甲方无故延迟付款，乙方有权…收取滞纳金 -> buyer), else None."""
    a, b = sentence_bounds(text, start, start)
    a = condition_start(text, a)
    late = (_ZH_LATE_PAYMENT if lang == "zh" else _EN_LATE_PAYMENT).search(text, a, b)
    if late is None:
        return None
    window = text[max(a, late.start() - LATE_PAYER_REACH - 12) : late.start()]
    hits = sorted(
        (m.end(), role)
        for role in ("supplier", "buyer")
        if (pattern := patterns.get(role)) is not None
        for m in pattern.finditer(window)
    )
    if not hits or len(window) - hits[-1][0] > LATE_PAYER_REACH:
        return None
    return hits[-1][1]


#: 甲方有权扣除当月服务费的5% / 采购人将处以罚款 / 学校有权没收: the buyer's right to charge, deduct or
#: forfeit; the party that pays is the other one, even when the sentence does not name it
_ZH_CHARGE_VERB = re.compile(
    r"\s*(?:有权|可以|可|将|得|应当|应)?(?:[^。；;，,]{0,10}?(?:扣除|扣减|扣罚|罚扣|扣收|扣发|处以|处罚|罚款|没收|收取|索取|给予)"
    # 甲方可从应支付给乙方的货款中获得…赔偿金: the buyer takes the charge out of what it owes
    r"|从[^。；;，,]{0,20}?中(?:获得|取得|得到))"
)
#: the buyer imposes the charge ("the Client shall have the option to exercise a penalty", "the Buyer may
#: levy liquidated damages"): the words after the buyer's name
_EN_CHARGE_VERB = re.compile(
    r"\s+(?:shall|will|may|can|is\s+entitled\s+to|reserves\s+the\s+right\s+to)?\s*"
    r"(?:have\s+the\s+(?:option|right)\s+to\s+)?(?:impose|levy|charge|deduct|recover|exercise|assess)\b"
    # "the UNIVERSITY shall, without prejudice to its other remedies …, be entitled to liquidated damages"
    r"|\s+(?:shall|will)\s*(?:,[^,.;]{0,120},\s*)?be\s+entitled\s+to\s+(?:claim\s+|recover\s+|receive\s+)?"
    r"(?:liquidated\s+damages|(?:a\s+)?penalt(?:y|ies)|delay\s+damages)\b"
)
_CHARGE_VERB = {"zh": _ZH_CHARGE_VERB, "en": _EN_CHARGE_VERB}
#: the buyer given the charge as an object ("each day of delay shall entitle the Buyer to a price
#: reduction of 0.08%"): the words before and after the buyer's name
_EN_ENTITLES = re.compile(r"\bentitl(?:e|es|ed|ing)\s+(?:the\s+)?$")
_EN_ENTITLED_TO = re.compile(
    r"\s+to\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:reductions?|deductions?|damages|compensation|credits?|rebates?|penalt(?:y|ies))\b"
)
#: how far before the match's end the buyer's charging verb may stand
CHARGE_REACH = 30


def buyer_charges(
    text: str, m_start: int, m_end: int, patterns: dict[str, re.Pattern | None], lang: str = "zh"
) -> bool:
    """Does the buyer, named as the actor of the match's comma part, charge, deduct or forfeit
    (甲方有权扣除…, 采购人将处以罚款; the Client may exercise a penalty)? The match then binds the party
    that pays, the supplier."""
    buyer = patterns.get("buyer")
    if buyer is None:
        return False
    a, b = sentence_bounds(text, m_start, m_end)
    commas = _COMMA.finditer(text, a, max(a, m_start)) if lang == "zh" else ()
    seg = max((c.end() for c in commas), default=a)
    for hit in buyer.finditer(text, seg, m_end):
        if (
            lang == "en"
            and _EN_ENTITLES.search(text, max(a, hit.start() - 24), hit.start())
            and _EN_ENTITLED_TO.match(text, hit.end())
        ):
            return True
        verb = _CHARGE_VERB[lang].match(text, hit.end())
        if (
            verb
            and verb.end() <= m_end + CHARGE_REACH
            and not _is_object(text[a:b], hit.start() - a, hit.end() - a, lang)
        ):
            return True
    return False


#: a failure of the other side that a right to end answers: If the Seller fails to deliver…, in
#: the event that the goods are not received by the delivery date, should the Contractor be in
#: breach, terminate for default, 乙方逾期交货超过三十日的 / 如供方违约
_EN_FAILURE = (
    r"(?:fail(?:s|ed|ing|ure)?|breach\w*|default\w*|delay\w*|late|overdue|insolven\w*|bankrupt\w*|violat\w*|"
    r"non-?conform\w*|non-?perform\w*|nonconform\w*|defective|neglect\w*|refus(?:e|es|ed|al)|abandon\w*|"
    r"not\s+(?:been\s+|be\s+|yet\s+)?(?:received|delivered|completed|performed|remedied|cured|rectified|corrected)|"
    r"not\s+(?:comply|deliver|perform|complete|remedy|cure|correct|rectify|meet|achieve))\b"
)
_EN_FOR_CAUSE = re.compile(
    r"\b(?:if|where|when|whenever|should|in\s+the\s+event(?:\s+(?:that|of))?|in\s+case(?:\s+of)?|upon|"
    r"due\s+to|because\s+of|owing\s+to|as\s+a\s+result\s+of)\b[^.;]{0,150}?\b"
    + _EN_FAILURE
    + r"|\bfor\s+(?:(?:the\s+)?\w+(?:'|’)s?\s+)?(?:cause|default|breach|non-?performance)\b|\btime\s+is\s+(?:of\s+)?the\s+essence\b"
)
_ZH_FOR_CAUSE = re.compile(
    r"(?:逾期|迟延|延迟|延误|违约(?!责任|金)|违反|未能|未按|不能按|不按|不合格|不符合|拒绝|拒不|擅自|破产|资不抵债|"
    r"失职|质量问题|无法履行|不履行|达不到|未达到)"
)
#: words that make an end at will whatever else the sentence says (not "sole discretion": the
#: buyer's choice among remedies for the supplier's failure is still for cause)
_EN_AT_WILL = re.compile(
    r"\bfor\s+(?:its\s+|their\s+|the\s+\w+(?:'|’)s\s+)?(?:own\s+)?convenience\b|\bwithout\s+(?:any\s+)?(?:cause|reason)\b"
    r"|\bfor\s+(?:any|no)\s+reason\b|\bat\s+will\b|\bwhether\s+or\s+not\b|\bwith\s+or\s+without\b"
    # a catch-all ground among the causes ("…; gross misconduct; in any circumstance deemed necessary")
    r"|\bany\s+(?:other\s+)?circumstances?\s+(?:(?:\w+\s+){0,3}?(?:deemed|considered|thought)|that\s+(?:\w+\s+){0,3}?"
    r"(?:deems?|considers?|thinks?))\s+(?:necessary|appropriate|fit|expedient|desirable)\b"
    # a breach the buyer only suspects is its own judgment, not a failure shown
    r"|\bsuspect(?:ed|s)?\s+(?:\w+\s+){0,2}?(?:breach|violation|fraud|misconduct)|\bsuspicion\s+of\b"
)
_ZH_AT_WILL = re.compile(
    r"无[需须](?:说明|提供|给出)?(?:任何)?理由|不需(?:要)?(?:说明)?(?:任何)?理由|任意|"
    r"(?:无论|不论)(?:是否|有无)?(?:任何|何种)?(?:原因|理由)|根据(?:其|自身)?(?:工作|实际|经营|业务|项目)?的?需要|便利|"
    r"涉嫌(?:违约|违规)|(?:怀疑|疑似)(?:乙方)?(?:存在)?(?:违约|违规)"
)
#: "In such instances, …" / 出现上述情形的，…: the condition stands in the sentence before
_EN_ANAPHOR = re.compile(
    r"\s*(?:in\s+(?:any\s+)?(?:such|these|those|that|this|either|each\s+such)\s+(?:instances?|events?|cases?|circumstances?)|thereupon)\b"
)
_ZH_ANAPHOR = re.compile(
    r"\s*(?:如|若)?(?:出现|发生|有)?(?:上述|前述|以上|该等?|此类?)(?:任[一何]|各)?(?:情形|情况|事项|行为)"
)
#: the matched words are about money on termination (a refund, a forfeiture, no further payment):
#: a term that can be a trap for cause too, left to the rule's own frame
_EN_MONEY = re.compile(
    r"\b(?:pay\w*|paid|refund\w*|repay\w*|forfeit\w*|reimburs\w*|compensat\w*|financial|monetary)\b"
)
_ZH_MONEY = re.compile(r"退还|返还|退回|支付|付款|没收|扣除|不予|赔偿")


#: the "failure" is measured by the buyer's own rules or judgement (violates the Platform's policies,
#: in the Company's opinion, 违反甲方规定, 甲方认为): a ground the buyer sets, not a cause
_EN_BUYER_MEASURE = (
    r"(?:'|’)?s?\s+(?:own\s+)?(?:policies|policy|rules|guidelines|standards|procedures|codes?|requirements|instructions|"
    r"(?:reasonable\s+|sole\s+|absolute\s+)?(?:opinion|judg(?:e)?ment|view|satisfaction))\b"
    r"|\s+(?:(?:reasonably\s+)?(?:deems?|considers?|believes?|determines?|decides?|suspects?|finds?))\b"
)
_ZH_BUYER_MEASURE = r"的?(?:规定|制度|规则|要求|管理|标准|政策|指示|认为|认定|判断|判定|确定|满意)"
_EN_OWN_MEASURE = re.compile(
    r"\bin\s+(?:its|their|our|the\s+[\w-]+(?:'|’)s)\s+(?:reasonable\s+|sole\s+|absolute\s+)?(?:opinion|judg(?:e)?ment|view)\b"
)


def _buyer_measures(text: str, a: int, b: int, patterns: dict[str, re.Pattern | None], lang: str) -> bool:
    if lang == "en" and _EN_OWN_MEASURE.search(text, a, b):
        return True
    buyer = patterns.get("buyer")
    if buyer is None:
        return False
    after = re.compile(_EN_BUYER_MEASURE if lang == "en" else _ZH_BUYER_MEASURE)
    return any(after.match(text, hit.end()) for hit in buyer.finditer(text, a, b))


def for_cause(
    text: str, m_start: int, m_end: int, lang: str, patterns: dict[str, re.Pattern | None] | None = None
) -> bool:
    """Is the matched right to end conditioned on a failure of the other side (If the Seller fails
    to deliver…, the buyer may at its sole discretion treat the order as cancelled; 乙方逾期交货超过
    三十日的，甲方有权解除合同), in its sentence or in the sentence before when it starts "In such
    instances" / 出现上述情形, with no words of an end at will and no failure the buyer measures by its
    own rules or opinion (违反甲方规定, in the Company's opinion)? Not when the matched words are about
    the money on termination (refunds, forfeitures), which can be a trap for cause too."""
    money, at_will = (_EN_MONEY, _EN_AT_WILL) if lang == "en" else (_ZH_MONEY, _ZH_AT_WILL)
    if money.search(text, m_start, m_end):
        return False
    a, b = sentence_bounds(text, m_start, m_end)
    a = condition_start(text, a)
    anaphor = _EN_ANAPHOR if lang == "en" else _ZH_ANAPHOR
    prev = a
    if a > 0 and anaphor.match(text, a):
        prev = condition_start(text, sentence_bounds(text, a - 1, a - 1)[0])
    if at_will.search(text, prev, b) or _buyer_measures(text, prev, b, patterns or {}, lang):
        return False
    if lang == "en":
        # the sentence before, pointed to by "In any such event", is the condition itself
        return bool(re.search(r"\b" + _EN_FAILURE, text[prev:a]) or _EN_FOR_CAUSE.search(text, a, b))
    return bool(_ZH_FOR_CAUSE.search(text, prev, m_start))


#: the party named as the actor refuses or excludes the liability the match names ("the Supplier does
#: not accept liability for consequential loss", "accepts no other responsibility or liability
#: whatsoever including…", 乙方不承担间接损失): its own protection, not a burden
_EN_DISCLAIM = re.compile(
    r"\b(?:(?:does|do|shall|will|is|are|can|could)\s+not\s+(?:(?:accept|assume|bear|have|incur)\b|be\s+(?:held\s+)?(?:liable|responsible)\b)"
    r"|(?:accepts?|assumes?|bears?|has|have|incurs?|with)\s+no\s+(?:\w+\s+){0,3}?(?:liability|responsibility|obligation)\b"
    r"|in\s+no\s+(?:event|case)\b|under\s+no\s+circumstances\b"
    r"|(?:is|are|be|been)\s+(?:hereby\s+|expressly\s+)?excluded\b|exclud(?:es?|ing)\s+(?:all\s+|any\s+)?(?:liability|responsibility)\b"
    r"|disclaims?\b)"
)
#: but not a refusal of the exclusion ("shall not be entitled to exclude", "no limitation shall apply")
_EN_NO_EXCLUSION = re.compile(
    r"\bnot\s+(?:be\s+)?(?:entitled|permitted|able)\s+to\s+(?:exclude|limit)|\bno\s+(?:limitation|exclusion|cap)\b"
    r"|\b(?:shall|will|does)\s+not\s+(?:apply|limit|exclude|restrict)\b|\bnot\s+(?:be\s+)?limited\b"
)
_ZH_DISCLAIM = re.compile(
    r"不(?:承担|负责|负(?:任何)?(?:赔偿)?责任|予赔偿|赔偿|负担)|(?:无需|无须|毋需|不必)(?:承担|负责|赔偿)|概不负责|"
    r"免(?:除|于)(?:承担)?[^，,。；;]{0,6}(?:责任|赔偿)|免责"
)
_ZH_NO_EXCLUSION = re.compile(
    r"不(?:得|能|应|可)(?:以[^，,。；;]{0,10})?(?:免除|排除|减轻)|不受[^，,。；;]{0,8}限制"
)


def disclaims(text: str, m_start: int, m_end: int, lang: str) -> bool:
    """Does the matched liability sit in a refusal or exclusion of it: in English anywhere in its
    sentence before the match ends, in Chinese in the match's own comma part?"""
    a, b = sentence_bounds(text, m_start, m_end)
    if lang == "en":
        span = text[condition_start(text, a) : m_end]
        return bool(_EN_DISCLAIM.search(span)) and not _EN_NO_EXCLUSION.search(text, a, b)
    seg = max((c.end() for c in _COMMA.finditer(text, a, max(a, m_start))), default=a)
    nxt = _COMMA.search(text, m_end, b)
    part = text[seg : nxt.start() if nxt else b]
    return bool(_ZH_DISCLAIM.search(part)) and not _ZH_NO_EXCLUSION.search(part)


#: what the contract itself fixes or the supplier owes by agreement, taken from its payments: the
#: platform's fee or commission, the agreed share, a tax withheld, the deposit or retention the
#: contract sets (lodged by deduction), an advance repaid
_EN_AGREED = re.compile(
    r"\b(?:(?:applicable|agreed|platform|service|transaction|processing|listing|subscription|booking|management|"
    r"commission|marketplace|membership)\s+fees?|commissions?|(?:withholding\s+)?tax(?:es)?|gst|vat|tds|"
    r"security\s+deposits?|retention\s+money|mobili[sz]ation\s+advances?|advance\s+payments?|"
    # levies withheld by law (REVIEW rule 16): at source, social insurance, a statutory royalty (session 51, dev)
    r"(?:deducted|withheld)\s+at\s+source|social\s+(?:insurance|security)(?:\s+contributions?)?|royalt(?:y|ies)(?:\s+charges?)?)\b"
)
_ZH_AGREED = re.compile(
    r"(?:技术服务费|平台(?:使用|服务)?费|佣金|手续费|管理费|年费|分成|应得收益|商业折扣|返利|税款?|保证金|押金|预付款|预付款项)"
)
#: what the buyer claims or sets (a penalty, a loss, costs, a refund it decides, a breach): the
#: set-off trap (REVIEW decision rule 16)
_EN_CLAIMED = re.compile(
    r"\b(?:damages|penalt\w*|loss(?:es)?|claims?|costs?|expenses?|liquidated|back-?charg\w*|fines?|charge-?backs?|"
    r"refunds?|any\s+(?:sum|amount|monies)|all\s+(?:sums|amounts|monies)|owe[sd]?|indemn\w*|disput\w*|"
    r"breach\w*|default\w*|fail\w*|violat\w*|forfeit\w*|dut(?:y|ies)|non-?receipt|no\s+receipt|"
    r"not\s+(?:been\s+)?(?:received|provided|submitted|uploaded|furnished|filed))\b"
)
_ZH_CLAIMED = re.compile(
    r"违约|违反|罚|赔|损失|索赔|追偿|投诉|退款|退货|处罚|考核|不合格|整改|费用|款项|金额|欠|冻结|没收|全额|全部|"
    r"造成|损坏|货损|损毁|丢失|由[^，,。；;]{0,8}承担"
)


def agreed_amount(text: str, m_start: int, m_end: int, lang: str) -> bool:
    """Does the matched deduction take an amount the contract fixes or the supplier owes by
    agreement (a fee or commission, a tax, the agreed deposit), with nothing in its sentence that
    the buyer claims or sets (penalty, loss, costs, refund, breach)?"""
    a, b = sentence_bounds(text, m_start, m_end)
    a = condition_start(text, a)
    agreed, claimed = (_EN_AGREED, _EN_CLAIMED) if lang == "en" else (_ZH_AGREED, _ZH_CLAIMED)
    if (_EN_FOR_CAUSE if lang == "en" else _ZH_FOR_CAUSE).search(text, a, b):
        return False  # a tax deducted because the supplier failed to file: the buyer's claim
    return bool(agreed.search(text, a, b)) and not claimed.search(text, a, b)
