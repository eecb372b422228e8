"""The parties of a contract and which of them we are.

Parties are read from the definitions and signature blocks (`甲方（采购人）：滨江市第一人民医院`,
`发包人：…`, `… (the "Buyer")`, `SUBCONTRACTOR:`). Each gets a role - buyer or supplier - from its
labels: 发包人/承包人 make 承包人 the supplier, 承包人/分包人 make it the buyer; Contractor and
Subcontractor likewise. The role words of the shared vocabulary are then re-mapped for this
contract (`roles()`), so `{supplier}` in a rule means whoever we are here and `{third_party}`
never names a party of the contract itself."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from bidassist.core.errors import InputError

from .concepts import Vocabulary
from .duties import duty_side, duty_sides, pronoun_side, sides_by_duties
from .literals import finditer_from
from .names import NOT_PARTY_LAST, named_parties, named_party, top_actor

ZH_BUYER = (
    "甲方",
    "采购人",
    "采购方",
    "采购单位",
    "买方",
    "需方",
    "发包人",
    "发包方",
    "委托人",
    "委托方",
    "定作人",
    "定作方",
    "招标人",
    "业主",
    "建设单位",
    "总包方",
    "总承包方",
    "总承包人",
    "总承包单位",
    "总包人",
    "总包单位",
    "总承包商",
    "总包商",
    "承租人",
    "承租方",
    "用户",
    "买受人",
    "购货方",
    "购买方",
    "订货方",
    "托运人",
    "托运方",
    "平台方",
    "需求方",
    "客户",
    "客户方",
    # session 38 (probe set D): licensing and franchising, advertising, insurance
    "被许可方",
    "被许可人",
    "被特许方",
    "被特许人",
    "被授权方",
    "被授权人",
    "加盟方",
    "加盟商",
    "广告主",
    "委托单位",
    "用户方",
    "保险人",
    # session 39 (probe set E): farm produce, aircraft repair, clinical trials
    "收购方",
    "送修方",
    "申办方",
    # session 41 (probe set F): the platform, its operator, a creators' agency
    "平台",
    "平台运营方",
    "运营方",
    "经纪方",
    "经纪公司",
)
ZH_SUPPLIER = (
    "乙方",
    "供应商",
    "供货商",
    "供方",
    "卖方",
    "承包人",
    "承包方",
    "分包人",
    "分包方",
    "分包单位",
    "分包商",
    "施工分包商",
    "劳务分包商",
    "专业分包商",
    "专业分包人",
    "专业分包方",
    "专业分包单位",
    "劳务分包人",
    "劳务分包方",
    "劳务分包单位",
    "施工分包人",
    "施工分包方",
    "承包商",
    "承揽人",
    "承揽方",
    "受托人",
    "受托方",
    "中标人",
    "成交供应商",
    "服务方",
    "服务商",
    "施工单位",
    "出租人",
    "出租方",
    "供货方",
    "供应方",
    "出卖人",
    "销售方",
    "承运人",
    "承运方",
    "咨询人",
    "咨询方",
    "咨询者",
    "设计人",
    "设计方",
    "勘察人",
    "勘察方",
    "监理人",
    "监理方",
    "施工方",
    "服务提供方",
    "服务提供商",
    "商家",
    "商户",
    # session 38 (probe set D): licensing and franchising, events, media, agency and distribution
    "许可方",
    "许可人",
    "特许方",
    "特许人",
    "授权方",
    "授权人",
    "承办方",
    "承办单位",
    "媒体方",
    "服务单位",
    "代理方",
    "代理商",
    "经销商",
    "经销方",
    # session 39 (probe set E): farm produce, aircraft repair and handling, clinical trials, research,
    # contract manufacturing, testing
    "交售方",
    "承修方",
    "合同研究组织",
    "研究开发方",
    "研发方",
    "受托加工方",
    "受托生产方",
    "检测机构",
    "检测方",
    "地面服务代理人",
    # session 41 (probe set F): those who sell or serve through a platform
    "开发者",
    "驾驶员",
    "司机",
    "骑手",
    "配送员",
    "主播",
    "达人",
    "创作者",
    "译员",
    "安装商",
    "合作商",
)
#: public-body and generic words that name a party only when the contract defines them ("the City")
_DEFINED_ONLY = (
    "authority",
    "company",
    "principal",
    "city",
    "county",
    "state",
    "agency",
    "department",
    "district",
    "province",
    "council",
    "municipality",
    "crown",
    "commonwealth",
    "trust",
    "university",
    "college",
    "board",
    "commission",
    "school",
    "ministry",
    "hospital",
)
#: the party one tier up in a subcontract: the buyer whatever the other side is called
EN_UPPER_TIER = ("prime contractor", "general contractor", "main contractor", "head contractor")
EN_BUYER = (
    "buyer",
    "purchaser",
    "customer",
    "owner",
    "employer",
    "client",
    "broker",
    "shipper",
    # session 37 (probe set C): retail, leasing and hire, licensing
    "retailer",
    "lessee",
    "hirer",
    "tenant",
    "licensee",
    # session 38 (probe set D): franchising, distribution, media, insurance and banking buyers
    "franchisee",
    "area developer",
    "dealer",
    "reseller",
    "advertiser",
    "sponsor",
    "ordering activity",
    # session 53 (heldout57): a contract translated from Chinese names its sides Party A and Party B (甲方, 乙方),
    # read as 甲方/乙方 are: Party A buys unless its bracket says otherwise ("Party A (Shipper): ZTO Express")
    "party a",
    *EN_UPPER_TIER,
    *_DEFINED_ONLY,
)
#: session 41 (probe set F): those who sell or serve through a platform and sign its terms (not
#: "merchant": a payment processor's merchants are its customers, defined as such)
_PLATFORM_USERS = (
    "restaurant partner",
    "driver",
    "rider",
    "courier",
    "actual carrier",
    "creator",
    "content creator",
    "streamer",
    "translator",
    "interpreter",
    "freelancer",
    "installer",
    "member",
    # session 44 (heldout28): a company's 1099 workers paid by the hour or the job
    "worker",
    # session 47 (en-3903): the performers a booking platform places ("between The Talent Club and
    # the Artist"); an artist manager's "Artist" is its client: a party only where a head line says so
    "artist",
    "performer",
)
EN_SUPPLIER = (
    "supplier",
    "seller",
    "vendor",
    "provider",
    "service provider",
    "party b",
    "contractor",
    "subcontractor",
    "sub-contractor",
    "consultant",
    "consultancy",
    "designer",
    "lessor",
    "landlord",
    "licensor",
    "caterer",
    "esco",
    "subconsultant",
    "sub-consultant",
    "trade contractor",
    "carrier",
    "system integrator",
    "integrator",
    "bidder",
    "tenderer",
    # session 38 (probe set D): franchising, distribution and agency, insurance services, media
    "franchisor",
    "manufacturer",
    "agent",
    "distributor",
    "operator",
    "representative",
    "adjuster",
    "administrator",
    "outsourcer",
    "publisher",
    "producer",
    "production company",
    # session 39 (probe set E): concessions and PFI, farm produce, aviation, clinical trials
    "concessionaire",
    "project co",
    "projectco",
    "grower",
    "co-packer",
    "handling company",
    "ground handler",
    "repairer",
    "cro",
    *_PLATFORM_USERS,
)
#: role words that name either side, by what the other side is: a Distributor buys from a Manufacturer
#: and supplies a Hospital; a Media Agency serves a Brand Owner while a State Agency buys; an Operator
#: runs a plant for its Owner and buys a franchise from a Franchisor; a University researches for a
#: Sponsor; a Carrier (承运人) buys its ground handling; an EPC Contractor buys its concrete. Beside a party of the same role
#: with a firmer word, the first tier's word takes the other role (then the second tier's).
_RELATIVE = {
    "buyer": (("agency", "university", "college"), ("company",), ("owner", "client")),
    "supplier": (
        ("distributor", "operator", "carrier", "经销商", "经销方", "承运人", "承运方"),
        ("agent", "代理方", "代理商"),
        ("contractor", "project co", "projectco"),
    ),
}
#: role words that name a party from a head line or a definition, never from their use in the text
#: alone (a contract's "Manufacturer" or "Agent" is often someone outside it)
_RELATIVE_WORDS = frozenset(
    {
        "agent",
        "distributor",
        "operator",
        "dealer",
        "reseller",
        "manufacturer",
        "representative",
        "administrator",
        "producer",
        "publisher",
        # a platform's users are parties when a head line or a definition says so (a carrier's "drivers"
        # are often outside the contract)
        *_PLATFORM_USERS,
        "平台",
        "运营方",
    }
)
#: labels whose role flips when the contract also names a party one tier down (a subcontract)
_MAIN_CONTRACTOR = {"承包人", "承包方", "承包商", "contractor"}
_SUBCONTRACTOR = {w for w in ZH_SUPPLIER + EN_SUPPLIER if "分包" in w or w.startswith("sub")}

_ZH_LABELS = sorted(set(ZH_BUYER + ZH_SUPPLIER + ("丙方",)), key=len, reverse=True)
_ZH_LABEL = "|".join(_ZH_LABELS)
#: 甲方（采购人）：名称 / 采购人(甲方): 名称 / 发包人（全称）：
_ZH_LINE = re.compile(
    rf"^\s*(?:[一二三四五六七八九十\d]+[、.．]\s*)?({_ZH_LABEL})\s*(?:[（(]\s*([^）)]{{1,16}})\s*[）)])?"
    rf"\s*(?:名称|全称)?\s*[：:][^\S\n]*([^\n：:]{{0,60}})",
    re.M,
)
#: 收购方（甲方）：名称: a word for the side that no list holds, bracketing 甲方/乙方 or another label
_ZH_LINE_ALIASED = re.compile(
    rf"^\s*(?:[一二三四五六七八九十\d]+[、.．]\s*)?([\u4e00-\u9fff]{{1,10}}(?:方|人|单位|机构|组织))\s*"
    rf"[（(]\s*({_ZH_LABEL})\s*[）)]\s*(?:名称|全称)?\s*[：:][^\S\n]*([^\n：:]{{0,60}})",
    re.M,
)
#: a head line of a party by a word that no list holds: 机场方：临江国际机场集团有限公司
_ZH_HEAD_LABEL = re.compile(
    r"^\s*([\u4e00-\u9fff]{1,10}(?:方|人|单位|机构|组织))\s*[：:][^\S\n]*([^\n：:]{4,60})", re.M
)
#: 某某公司（以下简称“甲方”）
_ZH_DEFINED = re.compile(
    rf"([^\s，,、。；;：:（(]{{2,40}}?)\s*[（(]\s*(?:[^（()）“”\n]{{2,40}}?[，,]\s*)?(?:以下|下文|下)?(?:简称|称)(?:为)?\s*[“\"'「]?\s*"
    rf"({_ZH_LABEL})\s*[”\"'」]?\s*[）)]"
)
#: an organisation's name with its side in brackets, no 简称: 华耐耐火材料有限公司（供方）, 临岳钢铁集团有限公司采购中心（需方）
#: (not a form's field label, 华信公司（委托方）：＿＿: the words before the bracket are then the label)
_ZH_ORG_SIDE = re.compile(
    r"(?:^|[与和由及，,、：:\s])([^\s与由及，,、。；;：:“”\"（()）]{2,40}?(?:公司|集团|中心|医院|大学|学院|研究院|研究所|事务所|局|厂|合作社)"
    r"[^\s，,、。；;：:“”\"（()）]{0,8}?)\s*[（(]\s*(" + _ZH_LABEL + r")\s*[）)](?!\s*[：:])",
    re.M,
)
#: an organisation's name just before a bracket of short names: 与北京某某传媒有限公司（以下称为…）
_ZH_ORG_BEFORE = re.compile(
    r"(?:^|[与和由及，,、\s])([^\s与由及，,、。；;：:“”\"]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|集团|医院|"
    r"大学|学院|研究院|研究所|中心))\s*$"
)
#: （下称“商户”或“甲方”）: a bracket of defined short names, one of them a role label
_ZH_ALIASES = re.compile(r"[（(]\s*(?:以下|下文|下)?(?:简称|称)(?:为)?\s*([^）)]{2,40})[）)]")
_QUOTED = re.compile(r"[“\"'「]\s*([\u4e00-\u9fff]{2,8})\s*[”\"'」]")
_EN_ROLE = "|".join(sorted({w for w in EN_BUYER + EN_SUPPLIER}, key=len, reverse=True))
#: a short name given without brackets: ", hereinafter called COMMISSION," (before the name)
_HEREINAFTER = r"here(?:in)?after\s+(?:called|referred\s+to\s+as|known\s+as)\s+(?:the\s+)?[\"“”']?\s*"
#: the optional words before a short name in brackets: (hereinafter referred to as …, (hereafter, …
_HEREAFTER_LEAD = r"(?:here(?:in)?after,?\s+(?:referred\s+to\s+as\s+|called\s+)?)?"
#: ACME Ltd. ("Buyer") / (hereinafter referred to as the "Subcontractor")
_EN_DEFINED = re.compile(
    rf"([A-Z][\w&.,' -]{{2,80}}?)[,\s]*\(\s*{_HEREAFTER_LEAD}"
    rf"(?:the\s+)?[\"“”']\s*({_EN_ROLE})\s*[\"“”']",
    re.I,
)
#: ("Buyer") / (hereinafter referred to as the "Subcontractor"): the name stands before it
#: words before a role word in a defined name that keep its side: the "Panel Supplier", the "Framework
#: Contractor", the "O&M Contractor" (not a "Third Party Supplier" or an "End Customer")
_ROLE_QUALIFIER = r"(?:(?!(?:third|other|end|sub|former|previous|replacement|incoming|outgoing|nominated)\b)[a-z][\w&-]*\s+){0,2}?"
_EN_DEFINED_ANCHOR = re.compile(
    rf"\(\s*{_HEREAFTER_LEAD}(?:the\s+)?"
    rf"[\"“”']\s*{_ROLE_QUALIFIER}({_EN_ROLE})\s*[\"“”']"
    # (hereafter Client) / (hereinafter the Supplier): the bracket holds the role word alone
    rf"|\(\s*here(?:in)?after\s+(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?({_EN_ROLE})\s*\)"
    # , hereinafter called COMMISSION, / hereinafter referred to as the Contractor: no brackets
    rf"|,?\s*\b{_HEREINAFTER}({_EN_ROLE})\b(?![\w-])"
    # , hereinafter referred to as ("Contractor," "you," or "your"): the bracket after the lead words
    rf"|,?\s*\bhere(?:in)?after\s+(?:called|referred\s+to\s+as|known\s+as)\s*\(\s*(?:the\s+)?[\"“”']\s*({_EN_ROLE})\s*[,.]?\s*[\"“”']"
    # ("Norvex" or "Customer"): a short name first, then the role word (the short name is another label)
    rf"|\(\s*{_HEREAFTER_LEAD}(?:the\s+)?[\"“”']\s*([A-Za-z][\w&.'-]*(?:\s+[\w&.'-]+){{0,2}})\s*[\"“”']\s*,?\s*(?:or|and)?\s*"
    rf"(?:the\s+)?[\"“”']\s*{_ROLE_QUALIFIER}({_EN_ROLE})\s*[\"“”']",
    re.I,
)
_NAME_START = re.compile(r"(?:\bbetween\b|\band\b|\bby\b|\bto\b|\)|[\n;:])\s*(?:the\s+)?", re.I)


#: ... actual or potential Gengo customers ("Customers"): a defined term given to a class of
#: persons, not to a party
_CLASS_DEFINED = re.compile(
    r"\b(?:customers|clients|users|buyers|purchasers|members)\s*\(\s*(?:the\s+)?[\"“]([A-Za-z]{2,20})[\"”]\s*\)",
    re.I,
)


def _name_before(text: str, end: int) -> str:
    """The party name written just before a defined-term bracket."""
    head = text[max(0, end - 90) : end]
    starts = list(_NAME_START.finditer(head))
    return head[starts[-1].end() :] if starts else head


#: BUYER: ACME Ltd / "Subcontractor" means ...
#: (up to two words may qualify the role word: SALES AGENT:, Media Agency:, TRAINING PROVIDER:; not a
#: heading's "LIABILITY OF SUB-CONTRACTOR:")
_EN_LINE = re.compile(
    rf"^[^\S\n]*(?:the\s+)?(?:(?!(?:of|for|to|by|with|and|or|from|on|in|at|under|between)\b)[A-Za-z][\w&-]*[^\S\n]+){{0,2}}?({_EN_ROLE})[^\S\n]*(?:name)?[^\S\n]*:\s*([^\n:]{{0,80}})",
    re.I | re.M,
)
#: head lines joined into one paragraph ("EMPLOYER: Ministry of Works CONTRACTOR: Sunreach Ltd"): the
#: space before each later capitalised role word with its colon
_EN_JOINED_LABEL = re.compile(
    rf"(?<=[\w.,)])[^\S\n]+(?=(?=(?-i:[A-Z]))(?:{_EN_ROLE})[^\S\n]*(?:\([^()\n]{{1,30}}\)[^\S\n]*)?:)", re.I
)
#: OWNER (LESSOR): Redmarsh Plant Hire Ltd: the bracket's role word is the more specific one
_EN_LINE_BRACKET = re.compile(
    rf"^\s*(?:the\s+)?({_EN_ROLE})\s*\(\s*(?:the\s+)?({_EN_ROLE})\s*\)\s*:\s*([^\n:]{{0,80}})", re.I | re.M
)
#: "… Agreement Party A (Shipper): ZTO Express Co., Ltd. Address: …": a translated head run into one paragraph
_PARTY_LETTER = r"Party\s+[AB]\s*(?:\([^()\n]{1,30}\)\s*)?:"
_PARTY_LETTER_HEAD = re.compile(rf"\b{_PARTY_LETTER}")
_PARTY_LETTER_BREAK = re.compile(rf"(?<=[\w.,)])[^\S\n]+(?={_PARTY_LETTER})")
_EN_MEANS = re.compile(
    rf"[\"“](?:the\s+)?({_EN_ROLE})[\"”]\s+(?:means|shall\s+mean|refers\s+to)\s+([^.;\n]{{0,80}})", re.I
)
_BLANK = re.compile(r"^[\s_＿—\-…（）()\[\]【】／/]*$")
#: a definition of a class of others, not of a party: "Subcontractor" means a third party
#: performing Work under an agreement with Supplier / any person engaged by the Contractor / one not
#: in the employment of the Contractor / a person or firm other than the Consultant / any manufacturer,
#: company, or agency providing units (en-5103)
_EN_CLASS = re.compile(
    r"\s*(?:an?\s+third\s+part|any\s+[a-z]"
    r"|one\s+(?:not|who|that)\b|an?\s+(?:person|entity|firm|individual)(?:\s+or\s+\w+)?\s+(?:not|other\s+than)\b)",
    re.I,
)


_CJK_CHAR = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def latin(label: str) -> bool:
    """A label or name of the English side: no Chinese character in it ("Montréal Analytics")."""
    return _CJK_CHAR.search(label) is None


@dataclass
class Party:
    labels: list[str]
    name: str | None = None
    role: str = "unknown"  # buyer | supplier | unknown
    where: str | None = None
    #: the other side of a contract this one serves ("the Contractor has entered into a contract with
    #: the State (the "Customer")"): a third party whatever its role word says
    outside: bool = field(default=False, compare=False)

    def to_json(self) -> dict:
        return {"labels": list(self.labels), "name": self.name, "role": self.role, "where": self.where}


@dataclass
class Parties:
    parties: list[Party] = field(default_factory=list)
    we: str = "supplier"  # the role we take (after --we)
    #: the role of the party that wrote the terms, when the contract calls one party by its own name
    drafter: str | None = None
    notes: list[str] = field(default_factory=list)

    def labels(self, role: str) -> list[str]:
        return [lab for p in self.parties if p.role == role for lab in p.labels]

    def names(self, role: str) -> list[str]:
        """The names of `role`'s parties that clauses use in place of its label: a Chinese full name
        (江苏号百科技有限公司), an English company's name without its suffix (Assured Hearts of
        Assured Hearts Inc.)."""
        out = [p.name for p in self.parties if p.role == role and p.name and _ORG_NAME.fullmatch(p.name)]
        out += [
            m.group(1)
            for p in self.parties
            if p.role == role and p.name and (m := _EN_ORG_NAME.fullmatch(p.name))
        ]
        return out

    def to_json(self) -> dict:
        return {
            "we": self.we,
            "drafter": self.drafter,
            "parties": [p.to_json() for p in self.parties],
            "notes": list(self.notes),
        }


_ZH_ALIAS = re.compile(rf"[（(]?\s*(?:以下|下文)?(?:简称|称)(?:为)?\s*[“\"'「]?\s*({_ZH_LABEL})")
_NEXT_LABEL = re.compile(
    rf"(?:^|\s|[，,；;])(?:{_ZH_LABEL})\s*(?:[（(][^）)]{{0,12}}[）)])?\s*[：:（(]"
    # the next party's label where the line's name stops at its colon: 「乙方：{sellerName}甲方：…」
    rf"|(?:(?<=[\s}}\]_＿])|(?=[甲乙丙]方))(?:{_ZH_LABEL})\s*$",
    re.I,
)


#: where a party's name ends: the next column of a form line, the next field, or the preamble
#: that a converted file glues to the party line (…有限公司根据《中华人民共和国民法典》…)
_NAME_END = re.compile(
    r"\s{2,}|\u3000|[，,；;。《]|(?:地址|住所|法定代表人|电话|(?i:address|tel)\b)"
    r"|(?:根据|依据|依照|鉴于|为了|经双方|双方)"
)


#: the words of a signature line (甲方（盖章）：, 乙方（签字或盖章）): a field, not the party's name
_SIGNATURE_WORDS = re.compile(
    r"^(?:[\s（()）/、]*(?:签字|签章|签名|盖章|盖公章|公章|印章|章|或|和|及|并|或者|法定代表人|授权代表|委托代理人|代表))+[\s（()）/、]*$"
)


#: a Chinese organisation's full name, as a form writes it after 甲方：
_ORG_NAME = re.compile(
    r"[\u4e00-\u9fff（）()]{4,40}(?:公司|集团|局|院|中心|学校|大学|学院|政府|委员会|银行|医院|研究所|事务所|厂|合作社)"
)
#: an English company name, its suffix apart: Assured Hearts Inc., Euro-Tech Corporation, KIET Technologies Pvt Ltd
_EN_ORG_NAME = re.compile(
    r"((?:[A-Z][\w&'-]*\s+){0,4}[A-Z][\w&'-]*),?\s+(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corporation|Corp|PLC|"
    r"LLP|GmbH|AG|Pty\.?\s+Ltd|Pvt\.?\s+Ltd|Private\s+Limited|S\.A|N\.V|B\.V)\.?"
)
_FILL_BRACKET = re.compile(r"\s*[\[\]【】]\s*")


def _clean_name(raw: str | None) -> str | None:
    if raw is None:
        return None
    # 发包方（以下称甲方）：承包方（以下称乙方）： read as one line: the next label is no name
    raw = _ZH_ALIAS.split(_NEXT_LABEL.split(raw, maxsplit=1)[0], maxsplit=1)[0]
    # two spaces or an ideographic space end the name: the next column of a form line
    # (甲方：某公司　乙方：＿＿ / 合同编号：) is not part of it
    name = _NAME_END.split(raw.strip(), maxsplit=1)[0].strip()
    # a form's fill-in brackets are not part of the name ([ 江苏号百科技有限 ]公司 is 江苏号百科技有限公司)
    name = _FILL_BRACKET.sub("", name)
    # a template's placeholder marks (>CONTRACTOR<, <NAME>) are not part of the name
    name = name.strip("\"“”'（）()<> ")
    if not name or _BLANK.match(name) or _SIGNATURE_WORDS.match(name):
        return None
    return name


def _same_side_word(name: str, labels: list[str]) -> bool:
    """Is the name a specific role word of the labels' side (供货方 of 乙方, Purchaser of Buyer)?
    Not 甲方/乙方 themselves, nor a word of the other side ("Buyer: Seller", 甲方：乙方 are
    misread form lines)."""
    word = name.strip().lower() if latin(name) else name.strip()
    if word in ("甲方", "乙方", "丙方"):
        return False
    role = _label_role(word, subcontract=False)
    sides = {_label_role(lab.strip().lower() if latin(lab) else lab.strip(), False) for lab in labels if lab}
    return role != "unknown" and sides - {"unknown"} <= {role}


def _described_side(name: str | None, labels: list[str]) -> list[str]:
    """The role words of a generic defined name's description: "the supplier/contractor (the
    "Company")" is the supplier whatever "Company" names elsewhere (en-5102)."""
    if not name or not latin(name) or any(lab.strip().lower() not in _DEFINED_ONLY for lab in labels if lab):
        return []
    words = [w for w in _role_words(re.sub(r"^the\s+", "", name.strip().lower())) if w]
    sides = {_label_role(w, subcontract=False) for w in words}
    return words if len(sides) == 1 and "unknown" not in sides else []


def _add(
    found: dict[str, Party],
    labels: list[str],
    name: str | None,
    where: str | None,
    aliases: tuple[str, ...] = (),
) -> None:
    """Record a party by its role labels; `aliases` are its other defined short names (商户 in
    （下称“商户”或“甲方”）), kept as labels once a role label names the party."""
    if name and _same_side_word(name, labels):  # 供货方（以下简称乙方）: 供货方 is a label of it too
        labels = [*labels, name]
    labels = _described_side(name, labels) + labels
    labels = [lab.strip().lower() if latin(lab) else lab.strip() for lab in labels if lab and lab.strip()]
    known = [
        lab for lab in labels if lab in ZH_BUYER + ZH_SUPPLIER + ("丙方",) or lab in EN_BUYER + EN_SUPPLIER
    ]
    if not known:
        return
    key = next((k for k in known if k in found), known[0])
    party = found.setdefault(key, Party(labels=[], where=where))
    for lab in known + [a for a in aliases if a not in known and a not in found]:
        if lab not in party.labels:
            party.labels.append(lab)
        found.setdefault(lab, party)
    if name and not party.name and not _ZH_ROLE_PHRASE.match(name):
        party.name = name


#: a role phrase, no name: 供应单位（下称乙方）, 采购人（以下简称甲方）
_ZH_ROLE_PHRASE = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:单位|方|人)$")
#: 甲（供）方 / 乙（需）方: the side's word inside the label, read as 甲方（供方）
_ZH_INNER_SIDE = re.compile(r"([甲乙丙])[^\S\n]*[（(][^\S\n]*([供需买卖])[^\S\n]*[）)][^\S\n]*方")


#: head lines joined into one ("签订地点：厦门乙方（需方）：上海…"): the place before a later 甲方/乙方 label
#: with its colon, where the line already holds a label and its colon
_ZH_JOINED_SIDE = re.compile(
    r"(?<=[^\s甲乙丙，,、和与及：:；;。])(?=[甲乙丙]方(?:[（(][^）)\n]{1,6}[）)])?[：:])"
)


def _zh_joined_break(m: re.Match) -> str:
    """A line break before a 甲方/乙方 label inside a line that already holds a label and its colon."""
    line_start = m.string.rfind("\n", 0, m.start()) + 1
    before = m.string[line_start : m.start()]
    return "\n" if ("：" in before or ":" in before) and m.start() - line_start <= 160 else ""


def find_parties(texts: Iterable[tuple[str, str | None]]) -> list[Party]:
    """Parties named in the definitions and signature blocks of (text, where) pairs."""
    found: dict[str, Party] = {}
    texts_seen: list[tuple[str, str | None]] = []
    for text, where in texts:
        text = _ZH_JOINED_SIDE.sub(_zh_joined_break, _ZH_INNER_SIDE.sub(r"\1方（\2方）", text))
        texts_seen.append((text, where))
        for m in _ZH_LINE.finditer(text):
            alias = _ZH_ALIAS.search(m.group(3) or "")
            # 平台：云栈科技有限公司（以下简称“云栈”）: the short name is the party's too
            short = _ZH_READER_ALIAS.search(m.group(3) or "") if not alias else None
            _add(
                found,
                [m.group(1), m.group(2) or "", alias.group(1) if alias else ""],
                _clean_name(m.group(3)),
                where,
                (short.group(1),) if short and short.group(1) not in _ZH_LABELS else (),
            )
        for m in _ZH_LINE_ALIASED.finditer(text):
            if m.group(1) not in _ZH_LABELS:
                _add(found, [m.group(2)], _clean_name(m.group(3)), where, (m.group(1),))
        for m in _ZH_ORG_SIDE.finditer(text):
            # a short name (华信公司（采购方）) is what the clauses call the party: one of its labels
            own: tuple[str, ...] = (m.group(1),) if len(m.group(1)) <= 8 else ()
            _add(found, [m.group(2)], _clean_name(m.group(1)), where, own)
        if "称" in text:
            for m in _ZH_DEFINED.finditer(text):
                _add(found, [m.group(2)], _clean_name(m.group(1)), where)
            for m in _ZH_ALIASES.finditer(text):
                names = _QUOTED.findall(m.group(1))
                roles_named = [n for n in names if n in _ZH_LABELS]
                # （下称“商户”或“甲方”）: 甲方 names the party, 商户 is its other name
                generic = [n for n in roles_named if n in ("甲方", "乙方", "丙方")]
                key = generic if len(generic) == 1 else roles_named if len(roles_named) == 1 else []
                if key and len(names) > 1:
                    org = _ZH_ORG_BEFORE.search(text, max(0, m.start() - 60), m.start())
                    name = org.group(1) if org else None
                    _add(found, key, name, where, tuple(n for n in names if n not in key))
        for m in _EN_DEFINED_ANCHOR.finditer(text):
            label = m.group(1) or m.group(2) or m.group(3) or m.group(4) or m.group(6)
            named = (m.group(5).lower(),) if m.group(5) else ()
            _add(
                found,
                [label],
                _clean_name(_name_before(text, m.start()) or _last_line(texts_seen, m.start())),
                where,
                named + _bracket_pronouns(text, m.end()),
            )
            if _prime_contract_party(text, m.start()) and label.lower() in found:
                found[label.lower()].outside = True
        if (
            _EN_LINE.match(text)
            or _EN_LINE_BRACKET.match(text)
            or _opens_with_org_line(text)
            or _PARTY_LETTER_HEAD.search(text, 0, 400)
        ):  # a head line
            text = _PARTY_LETTER_BREAK.sub("\n", text)
            text = _EN_JOINED_LABEL.sub(_joined_line_break, text)
        _add_means(found, text, where, _EN_LINE)
        for m in _EN_LINE_BRACKET.finditer(text):
            _add(found, [m.group(2), m.group(1)], _clean_name(m.group(3)), where)
    parties = reader_terms(texts_seen, _distinct(found))
    return parties + (
        _named_counterparty(texts_seen, parties)
        or _reader_counterparty(texts_seen, parties)
        or _defined_counterparty(texts_seen, parties)
        or _line_counterparty(texts_seen, parties)
        or _zh_line_counterparty(texts_seen, parties)
    )


#: a recital of the contract this one serves: "the Contractor has entered into a contract with the
#: State of Alabama (the "Customer")", "Prime Contractor has been awarded a contract by …"
_PRIME_CONTRACT = re.compile(
    r"\b(?:has|have|had|is\s+a\s+party\s+to|holds?)\s+(?:(?:entered\s+into|been\s+awarded|signed|executed|"
    r"concluded)\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:contract|agreement|prime\s+contract|task\s+order)\s+"
    r"(?:with|by|from)\b[^.;]*$",
    re.I,
)


def _prime_contract_party(text: str, start: int) -> bool:
    """Is the defined term at `start` the other side of a contract a recital says one party holds
    (the prime contract's owner, outside this one)?"""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start), start - 300, 0)
    return _PRIME_CONTRACT.search(text, sentence_start, start) is not None


#: the pronouns a defined-term bracket gives its party after the role word: ("Contractor," "you," or "your")
_BRACKET_PRONOUN = re.compile(r"[\"“”']\s*(you|your|we|us|our)\s*[,.]?\s*[\"“”']", re.I)


def _bracket_pronouns(text: str, end: int) -> tuple[str, ...]:
    """The pronouns written in the rest of a defined-term bracket (up to its closing bracket)."""
    close = text.find(")", end, end + 60)
    return tuple(p.lower() for p in _BRACKET_PRONOUN.findall(text[end:close])) if close > 0 else ()


def _last_line(texts_seen: list[tuple[str, str | None]], start: int) -> str:
    """The name a bracket opening its own line stands after: the last line of the unit before
    (>CONTRACTOR< / (hereinafter referred to as Consultant), a line each)."""
    if start > 0 or len(texts_seen) < 2:
        return ""
    return texts_seen[-2][0].rstrip().rpartition("\n")[2]


def _opens_with_org_line(text: str) -> bool:
    """Does the unit open with a "LABEL: organisation" line ("Commissioner: Department for …")?"""
    m = _EN_HEAD_LABEL.match(text)
    return m is not None and _party_line(m.group(1).lower(), m.group(2))


def _joined_line_break(m: re.Match) -> str:
    """A line break before a later head label, where the line already holds a label and its name
    (not inside a qualified label: "Production Company:")."""
    line_start = m.string.rfind("\n", 0, m.start()) + 1
    return "\n" if ":" in m.string[line_start : m.start()] else m.group(0)


#: the short names a head line gives in brackets: OPERATOR: Quaylink Pte. Ltd. ("Quaylink", "the Platform")
_EN_LINE_ALIASES = re.compile(r"[\"“]\s*(?:the\s+)?([A-Za-z][\w&.' -]{1,38}?)\s*[\"”]")


def _add_means(found: dict[str, Party], text: str, where: str | None, *extra: re.Pattern) -> None:
    for pattern in (*extra, _EN_MEANS):
        for m in pattern.finditer(text):
            if _EN_CLASS.match(m.group(2)):
                continue
            bracket = m.group(2)[m.group(2).find("(") :] if pattern is _EN_LINE and "(" in m.group(2) else ""
            aliases = tuple(a.lower() for a in _EN_LINE_ALIASES.findall(bracket))
            _add(found, [m.group(1)], _clean_name(m.group(2)), where, aliases)


def _distinct(found: dict[str, Party]) -> list[Party]:
    parties: list[Party] = []
    for p in found.values():
        if p not in parties:
            parties.append(p)
    _assign_roles(parties)
    return parties


def head_first(found: list[Party], head: list[Party]) -> list[Party]:
    """The parties of both ends, kept to those the head names when the head alone names both
    sides: a form appended at the end (a parent-company guarantee, a bank's bond) defines its own
    Company, Guarantor or Bank, who are not this contract's sides. Roles are assigned again among
    the parties kept."""
    labels = {lab for p in head for lab in p.labels}
    kept = [p for p in found if labels & set(p.labels)]
    _assign_roles(kept)
    return kept


#: units read together as one parties' clause found inside a document (see preamble_parties)
PREAMBLE_WINDOW = 6


def preamble_parties(texts: list[tuple[str, str | None]], both_sides) -> list[Party]:
    """The parties' clause of a contract that sits inside a larger document, past the ends that
    find_parties reads: an RFP whose sample contract is an exhibit ("This Agreement is made … by
    and between X ("Contractor") and City of Memphis ("City")"), a tender whose contract chapter
    names 甲方 and 乙方. The first place where a few units read together name both sides;
    nothing when there is none."""
    for i, (text, _where) in enumerate(texts):
        if not (_ZH_LINE.search(text) or ("etween" in text and _EN_DEFINED_ANCHOR.search(text))):
            continue
        found = find_parties(texts[i : i + PREAMBLE_WINDOW])
        if both_sides(found):
            return found
    return []


def defined_parties(texts: Iterable[tuple[str, str | None]]) -> list[Party]:
    """Parties a definitions block anywhere in the document defines ("The Contractor" shall mean …,
    "BOI" shall mean Bank of India): a tender pack states the contract's definitions after its
    instructions, beyond the ends that find_parties reads."""
    found: dict[str, Party] = {}
    texts = [(t, w) for t, w in texts if "mean" in t]
    for text, where in texts:
        _add_means(found, text, where)
    parties = _distinct(found)
    return parties + _defined_counterparty(texts, parties)


#: a role word used this often in a contract that defines no parties names one of them
USAGE_MIN = 3
#: characters of the contract counted for role words
USAGE_CHARS = 30000
#: a party's own name is introduced at the head of the contract (title, preamble, parties'
#: clause); a capitalised term first used after this many characters is a defined term of the
#: body ("Convenience Fee", the issuing "Bank"), not the name of a side
NAME_HEAD_CHARS = 3000
_EN_USAGE = re.compile(r"\b(" + _EN_ROLE + r")\b", re.I)
#: what every _EN_USAGE match starts with, read in lower case (re's case-insensitive scan is slow)
_EN_USAGE_STARTS = frozenset(w.lower() for w in EN_BUYER + EN_SUPPLIER)
_ZH_USAGE = re.compile(_ZH_LABEL)
#: an ASCII letter or a character a case-insensitive one matches (ı İ ſ K)
_LETTER = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]")


_SHORT = (
    r"\(\s*"
    + _HEREAFTER_LEAD
    # (hereinafter referred to as Superintendent/OSPI): two short names of one party
    + r"(?:the\s+)?[\"“”']?\s*([A-Za-z][\w&.\-]{1,24}(?:[\s/][\w&.\-]{1,24})?)\s*[\"“”']?"
    # ("Rider", "you") / ("Quillbridge" or "We"): the first of a list of short names
    + r"(?:\s*(?:,|\bor\b|\band\b)\s*(?:the\s+)?[\"“”'][^()\"“”]{1,20}[\"“”'])*\s*\)"
)
#: what every _EN_BETWEEN match starts with, read in lower case
_BETWEEN_STARTS = frozenset(["between"])
#: the short name without brackets (a public body's form): the name in capitals, one or two words
#: ("CONSULTANT for ___" is CONSULTANT)
_CALLED = rf",?\s*{_HEREINAFTER}(?-i:([A-Z][\w&\-]{{1,24}}(?:[^\S\n][A-Z][\w&\-]{{1,24}})?))[\"“”']?"


def _two_short_names(gap: str) -> str:
    """A name with its short name, "and", another with its own; `gap` is what may stand between them."""
    return (
        rf"{gap}{{2,80}}?(?:{_SHORT}|{_CALLED}){gap}{{0,80}}?,?\s+and\s+{gap}{{0,80}}?(?:{_SHORT}|{_CALLED})"
    )


#: between The CBORD Group, Inc. (CBORD) and the supplier (the "Supplier"): each short name (or
#: between the X COMMISSION, hereinafter called COMMISSION, and …, hereinafter called CONSULTANT); an
#: address may follow the first (the "School System"), 511 Cleveland Street, …, and (the "Provider")
_EN_BETWEEN = re.compile(rf"\bbetween\s+{_two_short_names('[^()]')}", re.I)
#: a head line naming both sides without "between": 'Homecraft Living Technology Co., Ltd. ("Homecraft")
#: and the renovation contractor admitted as a Service Provider ("Provider")'
_EN_PAIR_LINE = re.compile(_two_short_names(r"[^()\n]"), re.I)
#: the first units of a contract where such a line is read
PAIR_LINE_UNITS = 5


def _named_counterparty(texts: list[tuple[str, str | None]], parties: list[Party]) -> list[Party]:
    """The party a contract calls by its own short name ("CBORD") opposite a defined role word
    ("the Supplier"): it takes the other role, when no party has that role yet."""
    roles = {lab: p.role for p in parties for lab in p.labels}
    # the parties' clause may span units (BETWEEN / the Owner / AND / the Engineer, a line each)
    joined = ("\n".join(t for t, _w in texts), texts[0][1]) if len(texts) > 1 else None
    heads = min(PAIR_LINE_UNITS, len(texts))
    for i, (text, where) in enumerate([*texts, *([joined] if joined else [])]):
        m = next(finditer_from(_EN_BETWEEN, _BETWEEN_STARTS, text), None)
        if not m and i < heads:
            m = _EN_PAIR_LINE.search(text)
        if not m:
            continue
        a, b = (m.group(1) or m.group(2)).lower(), (m.group(3) or m.group(4)).lower()
        known, other = (a, b) if roles.get(a) in OTHER_ROLE else (b, a)
        role = OTHER_ROLE.get(roles.get(known, ""))
        if (
            role
            and other not in roles
            and other not in _DEFINED_ONLY
            and not any(p.role == role for p in parties)
        ):
            return [Party(labels=other.split("/"), name=other, role=role, where=where)]
    return _bare_named_counterparty(texts[:heads], parties)


#: "by and between FiMi Hub and its subsidiaries, … and the Driver partner, hereinafter referred to as
#: ("Contractor," …)": the first side by its own name alone, no short name given
_EN_BETWEEN_BARE = re.compile(
    r"\bbetween[^\S\n]+(?-i:((?:[A-Z][\w&.\-]*[^\S\n]+){0,3}[A-Z][\w&.\-]*))(?=[^\S\n]+and\b|,)"
)


def _bare_named_counterparty(texts: list[tuple[str, str | None]], parties: list[Party]) -> list[Party]:
    """The side a parties' clause names first by its bare name, opposite the only side found, whose
    defined term the same clause gives later."""
    sides = [p for p in parties if p.role in OTHER_ROLE]
    if len({p.role for p in sides}) != 1:
        return []
    for text, where in texts:
        m = _EN_BETWEEN_BARE.search(text)
        name = m.group(1) if m else ""
        rest = text[m.end() : m.end() + 300].lower() if m else ""
        if (
            name.lower() not in _DEFINED_ONLY
            and _label_role(name.lower(), False) == "unknown"
            and any(re.search(rf"[\"“]{re.escape(lab)}\b", rest) for lab in sides[0].labels)
        ):
            return [Party(labels=[name.lower()], name=name, role=OTHER_ROLE[sides[0].role], where=where)]
    return []


OTHER_ROLE = {"supplier": "buyer", "buyer": "supplier"}

#: terms addressed to their reader: "between Swiftcab Mobility Ltd ("Swiftcab") and you, the Driver"
#: (and you ("Developer"): the reader's own short name, group 2)
_EN_BETWEEN_YOU = re.compile(
    rf"\bbetween\s+[^()]{{2,80}}?{_SHORT}[^()]{{0,20}}?,?\s+and\s+you\b"
    r"(?:\s*\(\s*(?:the\s+)?[\"“]([A-Za-z][\w-]{1,24})[\"”]\s*\))?",
    re.I,
)


#: 本协议由途悦出行科技有限公司（以下简称“途悦”）与您订立 / 由X（以下简称“X”）与…开发者（以下简称“您”）订立
_ZH_READER = re.compile(
    r"由(?P<name>[^，。；\n]{2,60}?)[（(](?:以下|下文)?(?:简称|称)[“\"](?P<short>[^”\"]{1,12})[”\"][）)]"
    r"[\s/／]*与(?P<second>[^。；]{0,80}?)(?:共同|双方)?(?:订立|签订|签署|达成)"
)
_ZH_READER_ALIAS = re.compile(r"[（(](?:以下|下文)?(?:简称|称)[“\"]([^”\"]{1,12})[”\"][）)]")
#: 本协议由您与上海某某科技有限公司共同缔结 (the reader first), its short name given after:
#: 上海某某科技有限公司在本协议中亦称为“某某APP”
_ZH_YOU_FIRST = re.compile(
    r"由您(?:[（(][^）)]{0,40}[）)])?与(?P<name>[^，。；\n（(就]{2,60}?)(?:[（(][^）)]{0,40}[）)])?(?:之间)?"
    r"(?:就[^。；\n]{0,100}?)?所?(?:共同|双方)?(?:缔结|订立|签订|签署|达成)"
)
#: the words the reader of a platform's terms goes by besides 您 (a party found by one of them alone
#: is the reader, whatever role the word has in other contracts)
_ZH_READER_WORDS = frozenset({"用户", "注册用户", "注册者", "会员"})


#: 您…与饭饭直采平台达成一致，成为饭饭直采平台的“用户” (a sign-up's terms): the platform the reader joins, and the
#: word the reader goes by there
_ZH_JOINS = re.compile(
    r"您[^。；\n]{0,60}?与(?P<name>[^，。；\n“”\"与]{2,30}?)达成一致[，,]?\s*成为(?P=name)?的?[“\"](?P<reader>[^”\"]{1,8})[”\"]"
)
#: a name given a short name at the head ("大连饭饭网络科技股份有限公司（以下称“大连饭饭”）")
_ZH_SHORT_NAMED = re.compile(
    r"(?P<name>[^，。；、\n（(“”\"]{2,40}?)[（(](?:以下|下文)?(?:简称|称)(?:为)?[“\"](?P<short>[^”\"]{1,12})[”\"][）)]"
)
#: what a short-named thing the writer owns ends with: the operator company or its platform (not 您是在…平台注册的驾驶员)
_ZH_OPERATOR_ENDS = ("公司", "平台", "集团")


def _zh_writer(head: str) -> tuple[str, str, list[str]] | None:
    """(the writer's name, its short name, the reader's own words) of terms a platform writes to
    "您" (由X（以下简称“X”）与您订立 / 由您与X共同缔结 / 您…与X达成一致，成为X的“用户”), or None."""
    m = _ZH_READER.search(head)
    if m is not None and "您" in m.group("second"):
        alias = _ZH_READER_ALIAS.search(m.group("second"))
        return m.group("name"), m.group("short"), [alias.group(1)] if alias else []
    j = _ZH_JOINS.search(head)
    if j is not None:
        name = j.group("name").strip()
        return name, name, [j.group("reader")]
    y = _ZH_YOU_FIRST.search(head)
    if y is None:
        return None
    name = y.group("name").strip()
    alias = _ZH_READER_ALIAS.search(y.group(0)) or re.search(
        re.escape(name) + r"[^。；\n]{0,12}?(?:亦|又|以下|下文)?(?:简称|称)(?:为)?[“\"]([^”\"]{1,12})[”\"]",
        head,
    )
    return name, alias.group(1) if alias else name, []


def _zh_operator_names(head: str, short: str, you: list[str]) -> list[str]:
    """The writer's other short names at the head: its company and its platform ("饭饭直采平台",
    "大连饭饭"), not the reader's words or the agreement's own."""
    out = [short]
    for m in _ZH_SHORT_NAMED.finditer(head):
        other = m.group("short")
        if other in out or other in you or "协议" in other or "条款" in other:
            continue
        if m.group("name").endswith(_ZH_OPERATOR_ENDS) or other.endswith(_ZH_OPERATOR_ENDS):
            out.append(other)
    return out


def reader_terms(texts: list[tuple[str, str | None]], parties: list[Party]) -> list[Party]:
    """Chinese terms a platform writes "与您订立": the reader (您, or the short name it is given:
    用户, 驾驶员) is the side that receives them, the supplier this tool reviews for, and the writer
    (its short names) the buyer, whatever role words those names are elsewhere (用户 is a buyer's word
    in a software contract). Parties unchanged when the head says nothing of the kind."""
    joined = "\n".join(t for t, _w in texts[:HEAD_LINE_UNITS])
    found = _zh_writer(joined[:HEAD_LINE_CHARS])
    if found is None:
        return parties
    name, short, aliases = found
    you = list(dict.fromkeys(["您", *aliases]))
    readers = [p for p in parties if set(p.labels) <= _ZH_READER_WORDS]
    you += [lab for p in readers for lab in p.labels if lab not in you]  # 用户: the reader too
    # 你 beside 您, and 注册者 (the registrant who signs): the reader in the terms' own words
    you += [w for w in ("你", "注册者", "注册用户") if w not in you and any(w in t for t, _w in texts)]
    writer = _zh_operator_names(joined[:HEAD_LINE_CHARS], short, you)
    kept = [p for p in parties if not ({name, *writer, *you} & set(p.labels))]
    where = texts[0][1] if texts else None
    if not any(p.role == "buyer" for p in kept):
        kept.append(Party(labels=writer, name=_clean_name(name), role="buyer", where=where))
    reader = next((p for p in kept if p.role == "supplier"), None)
    if reader is None:
        kept.append(Party(labels=you, role="supplier", where=where))
    else:  # 由您（以下称为“乙方”）与…: 乙方 is the reader, and so is 您
        reader.labels += [lab for lab in you if lab not in reader.labels]
    return kept


def _reader_counterparty(texts: list[tuple[str, str | None]], parties: list[Party]) -> list[Party]:
    """The party that writes terms "between X ("Short") and you": the reader ("you") is the side
    that receives them, the supplier this tool reviews for (or the supplier role word given beside
    "you"), so the short name is the buyer, when no party is the buyer yet."""
    if any(p.role == "buyer" for p in parties):
        return []
    taken = {lab for p in parties for lab in p.labels}
    reader = [] if any(p.role == "supplier" for p in parties) else [Party(labels=["you"], role="supplier")]
    for text, where in texts:
        if "you" not in text.lower():
            continue
        m = _EN_BETWEEN_YOU.search(text)
        if m is None or m.group(1).lower() in taken:
            continue
        for p in reader:
            p.where = where
            if m.group(2) and m.group(2).lower() not in (*taken, "you"):
                p.labels.append(m.group(2).lower())
        return [Party(labels=[m.group(1).lower()], name=m.group(1), role="buyer", where=where), *reader]
    writer = _you_defined_writer(texts[:READER_HEAD_UNITS])
    if writer is None or writer[0].lower() in taken:
        return []
    for p in reader:
        p.where = writer[1]
    return [Party(labels=[writer[0].lower()], name=writer[0], role="buyer", where=writer[1]), *reader]


#: units at the head of terms where "You" and the writer's short name are defined
READER_HEAD_UNITS = 8
#: terms "agreed to by the party accepting below ("You") … and Karya … ("Karya")": the reader defined
#: as "You" beside one other short name, a proper name the terms use as a subject ("Karya will pay")
#: ("You"), or a definition: the terms “you” and “your” means you, a person who …
_YOU_DEFINED = re.compile(
    r"\(\s*(?:the\s+)?[\"“]you[\"”]\s*\)|[\"“]you[\"”](?:\s+and\s+[\"“]your[\"”])?\s+(?:means?|shall\s+mean|refers?\s+to)\b",
    re.I,
)
#: ("Karya"), or a definition: “Conservancy” means Software Freedom Conservancy, Inc.
_PROPER_SHORT = re.compile(
    r"\(\s*(?:the\s+)?[\"“]([A-Z][A-Za-z&.\-]{1,24})[\"”]\s*\)"
    r"|[\"“]([A-Z][A-Za-z&.\-]{1,24})[\"”]\s+(?:means|shall\s+mean)\s+(?=[A-Z])"
)
_EN_ROLE_WORDS = frozenset(w.lower() for w in EN_BUYER + EN_SUPPLIER)
#: short names terms define that name no party
_NOT_A_PARTY = frozenset(
    {"Agreement", "Terms", "Services", "Service", "Platform", "Site", "Website", "App", "Policy"}
)


def _you_defined_writer(texts: list[tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """(the writer's short name, where) of terms that define their reader as ("You") and one other
    party by a proper short name used as a subject, or None."""
    joined = "\n".join(t for t, _w in texts)
    if _YOU_DEFINED.search(joined) is None:
        return None
    classes = _class_terms(joined)
    for m in _PROPER_SHORT.finditer(joined):
        short = m.group(1) or m.group(2)
        word = short.lower()
        if (
            short in _NOT_A_PARTY
            or word == "you"
            or word in classes
            or word.removesuffix("s") in _EN_ROLE_WORDS
        ):
            continue
        # a subject in the terms ("Karya will pay"), or defined as an organisation ("means Software Freedom
        # Conservancy, Inc.")
        if re.search(rf"\b{re.escape(short)}\s+(?:will|shall|may|must|can)\b", joined) or (
            m.group(2) and _HEAD_ORG.search(joined, m.end(), m.end() + 80)
        ):
            where = next((w for t, w in texts if m.group(0) in t), None)
            return short, where
    return None


#: "BOI" shall mean Bank of India, Zonal Office …: a short name defined as an organisation by its
#: proper name (not "the person appointed by …"), in a definitions block that defines one side by
#: its role word ("The Contractor" shall mean …)
_EN_MEANS_ORG = re.compile(
    r"[\"“](?:the\s+)?([A-Za-z][\w&.\-]{1,24}(?:\s[\w&.\-]{1,24})?)[\"”]\s+(?:means|shall\s+mean)\s+"
    r"(?:the\s+)?(?-i:([A-Z][\w&.\-]*(?:[^\S\n][\w&.,\-]+){0,8}))",
    re.I,
)
_ORG_WORD = re.compile(
    r"\b(?:bank|limited|ltd|corporation|company|government|council|authority|university|department|"
    r"ministry|board|municipal\w*|trust|inc|llc|agency|commission|nigam|undertaking)\b",
    re.I,
)


def _defined_counterparty(texts: list[tuple[str, str | None]], parties: list[Party]) -> list[Party]:
    """The other side defined by its own short name ("BOI" shall mean Bank of India, …) where the
    definitions name only one side by a role word: the short name takes the other role."""
    missing = _missing_side(parties)
    if missing is None:
        return []
    for text, where in texts:
        if "mean" not in text:
            continue
        for m in _EN_MEANS_ORG.finditer(text):
            short, name = m.group(1), m.group(2)
            if not _acronym_of(short, name) or not _ORG_WORD.search(name):
                continue
            # "Bank of India" is also "the Bank" in the text
            head = name.split()[0].lower()
            labels = [short.lower(), *([head] if _ORG_WORD.fullmatch(head) else [])]
            return [Party(labels=labels, name=_clean_name(name), role=missing, where=where)]
    return []


#: a head line "ESCO: Greenvolt Energy Services Ltd" whose label is no role word
_EN_HEAD_LABEL = re.compile(
    r"^[^\S\n]*(?:the[^\S\n]+)?([A-Z][A-Za-z&.-]*(?:[^\S\n][A-Z][A-Za-z&.-]*){0,2})[^\S\n]*"
    r"(?:\([^()\n]{1,30}\)[^\S\n]*)?:[^\S\n]*([^\n:]{3,80})",
    re.M,
)
#: an organisation's name: its legal form or a word for a body
_HEAD_ORG = re.compile(
    r"\b(?:Inc|INC|Incorporated|LLC|L\.L\.C|Ltd|LTD|Limited|LIMITED|plc|PLC|LLP|GmbH|AG|S\.A|S\.p\.A|N\.V|B\.V|Pty|"
    r"Pvt|Co|Corp|Corporation|Company|Group|Bank|Council|Authority|University|College|Hospital|Trust|"
    r"Foundation|Ministry|Department|Board|Agency|Commission|District|Cooperative|Co-operative|Association|"
    r"Society|Partnership|Federation|Institute|Institution|Airport)\b"
)
#: head-line labels that name no party
_NOT_PARTY_LABELS = frozenset(
    "date address project contract agreement ref reference tel telephone phone fax email e-mail attention "
    "attn signature signed title name by witness subject re place location site term price amount value "
    "schedule note notes position website vat branch registered office".split()
)
#: how far into the first units a head line is looked for
HEAD_LINE_UNITS, HEAD_LINE_CHARS = 4, 1500


def _line_counterparty(texts: list[tuple[str, str | None]], parties: list[Party]) -> list[Party]:
    """The other side named on a head line by a label that is no role word ("CONSIGNOR: Halden
    Leather Ltd", "ESCO: Greenvolt Energy Ltd") where the head names only one side by a role word:
    the label takes the other role when it names an organisation and either the text uses it again
    or it is one of the head's first two party lines, beside the side already known
    ("COMMISSIONING BODY: Harlow Vale District Council" over "CONTRACTOR: …")."""
    missing = _missing_side(parties)
    if missing is None or not texts:
        return []
    whole = "\n".join(t for t, _w in texts)
    lines = _head_party_lines(texts)
    known = {lab for p in parties for lab in p.labels}
    first_two = {label for label, _name in lines[:2]}
    for label, name in lines:
        if label in known or label in EN_BUYER + EN_SUPPLIER:
            continue
        uses = len(re.findall(rf"(?<![\w-]){re.escape(label)}(?![\w-])", whole, re.I))
        if uses >= 2 or (label in first_two and first_two & known):  # the head line and a clause
            return [Party(labels=[label], name=_clean_name(name), role=missing, where=texts[0][1])]
    return []


def _zh_line_counterparty(texts: list[tuple[str, str | None]], parties: list[Party]) -> list[Party]:
    """The other side on one of the head's first two party lines, by a word that no list holds
    (机场方：临江国际机场集团有限公司 above 服务方：…): it takes the role the known side leaves."""
    missing = _missing_side(parties)
    if missing is None or not texts:
        return []
    lines = [
        (m.group(1), name)
        for m in _ZH_HEAD_LABEL.finditer(_head_text(texts))
        if (name := _clean_name(m.group(2))) and _ORG_NAME.search(name)
    ][:2]
    known = {lab for p in parties for lab in p.labels}
    if len(lines) == 2 and {lab for lab, _n in lines} & known:
        for label, name in lines:
            if label not in known and label not in _ZH_LABELS:
                return [Party(labels=[label], name=name, role=missing, where=texts[0][1])]
    return []


def _head_party_lines(texts: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    """The head's "LABEL: name" lines, in order, whose label is a role word or whose name is an
    organisation's (head lines joined into one paragraph are cut before each role-word label)."""
    head = _EN_JOINED_LABEL.sub(_joined_line_break, _head_text(texts))
    out = []
    for m in _EN_HEAD_LABEL.finditer(head):
        label, name = " ".join(m.group(1).lower().split()), m.group(2).strip()
        if label in EN_BUYER + EN_SUPPLIER or _party_line(label, name):
            out.append((label, name))
    return out


def _party_line(label: str, name: str) -> bool:
    """Does a head line "LABEL: name" whose label is no role word name a party (an organisation)?"""
    return label not in _NOT_PARTY_LABELS and bool(_HEAD_ORG.search(name))


def _head_text(texts: list[tuple[str, str | None]]) -> str:
    """The first units of the contract, where its head lines are."""
    return "\n".join(t for t, _w in texts[:HEAD_LINE_UNITS])[:HEAD_LINE_CHARS]


def _missing_side(parties: list[Party]) -> str | None:
    """The role no party has, when the parties found hold exactly one side."""
    roles = {p.role for p in parties}
    missing = [OTHER_ROLE[r] for r in roles & OTHER_ROLE.keys() if OTHER_ROLE[r] not in roles]
    return missing[0] if len(missing) == 1 else None


def _acronym_of(short: str, name: str) -> bool:
    """BOI of Bank of India, GSECL of Gujarat State Electricity Corporation Limited."""
    words = re.findall(r"[A-Za-z]+", name.split(",")[0])
    caps = "".join(w[0] for w in words if w[0].isupper())
    return short.isupper() and len(short) >= 2 and short in ("".join(w[0] for w in words).upper(), caps)


#: a role word that is part of a job title ("the Product Owner" of an agile team), not a side
_JOB_TITLE = re.compile(r"\b(?:Product|Process|Business|System|Data|Risk|Service|Feature|Content)\s+$")


def role_word_counts(text: str) -> dict[str, int]:
    """How often each role word is used in the first USAGE_CHARS of the contract (capitalised
    in English, as defined terms are)."""
    counts: dict[str, int] = {}
    text = text[:USAGE_CHARS]
    english = _LETTER.search(text) is not None  # no letter: _EN_USAGE cannot match (a Chinese contract)
    for m in finditer_from(_EN_USAGE, _EN_USAGE_STARTS, text) if english else ():
        if m.group(1)[0].isupper() and not _JOB_TITLE.search(text, max(0, m.start() - 12), m.start()):
            counts[m.group(1).lower()] = counts.get(m.group(1).lower(), 0) + 1
    for m in _ZH_USAGE.finditer(text):
        counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    return counts


#: role words that name a party in lower case too ("the contractor shall"); not "agency", "department",
#: "company" or "state", which informal text uses for anyone
_LOWER_ROLES = (
    "buyer",
    "purchaser",
    "vendor",
    "supplier",
    "seller",
    "contractor",
    "subcontractor",
    "sub-contractor",
)
_EN_LOWER_USAGE = re.compile(r"\b[Tt]he\s+(" + "|".join(_LOWER_ROLES) + r")\b")


def lower_role_counts(text: str) -> dict[str, int]:
    """How often "the <role word>" is written in lower case in the head of the contract."""
    counts: dict[str, int] = {}
    for m in _EN_LOWER_USAGE.finditer(text[:USAGE_CHARS]):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return counts


@lru_cache(maxsize=4)
def _class_terms(text: str) -> frozenset[str]:
    """Role words the contract defines for a class of persons, not a party (actual or potential
    Gengo customers ("Customers")), lower case, singular and plural. Cached: the usage and the
    named-party readings of one contract both ask."""
    out: set[str] = set()
    head = text[:USAGE_CHARS]
    for m in _CLASS_DEFINED.finditer(head):
        word = m.group(1).lower()
        out |= {word, word.removesuffix("s")}
    # "Customer" means any entity that has entered into an agreement with the Principal
    for m in _EN_MEANS.finditer(head):
        if _EN_CLASS.match(m.group(2)):
            out.add(m.group(1).lower())
    return frozenset(out | _plural_classes(head) | _connected_class(head) | _platform_users_defined(head))


#: a glossary entry of platform terms: "1.5. Customer – a person requesting Dispatch Services by using
#: Starrik Platform" (the role word, an optional bracket, a dash, colon or "means", the definition)
_GLOSSARY_ENTRY = re.compile(
    rf"^[^\S\n]*(?:\d+(?:\.\d+)*\.?[^\S\n]+)?[\"“]?({_EN_ROLE})s?[\"”]?[^\S\n]*(?:\(([^()\n]{{0,120}})\))?"
    r"[^\S\n]*(?:[–—:]|-(?=\s)|means\b|refers\s+to\b)[^\S\n]*([^\n]{0,200})",
    re.I | re.M,
)
#: a definition of anyone who uses a platform: a person, user or business ordering through an app or website
_PLATFORM_PERSON = re.compile(
    r"^(?:the\s+)?(?:an?|any)\s+(?:natural\s+|legal\s+)?(?:person|individual|user|entity|business|customer)\b"
    r"[^\n]{0,160}?\b(?:platform|app|application|website|site|marketplace)\b",
    re.I,
)
_PRONOUN_WORD = re.compile(r"\b(?:you|your|we|us|our)\b", re.I)


def _platform_users_defined(text: str) -> set[str]:
    """Role words platform terms define as anyone who uses the platform ("Customer – a person
    requesting Dispatch Services by using Starrik Platform"): a class of persons the terms serve,
    not a side; a definition that names the reader or the writer ("Rider (also referred to as
    "you") – the person providing Dispatch Services via the Platform") defines a side."""
    out: set[str] = set()
    for m in _GLOSSARY_ENTRY.finditer(text):
        if _PLATFORM_PERSON.match(m.group(3)) and not _PRONOUN_WORD.search((m.group(2) or "") + m.group(3)):
            word = m.group(1).lower()
            out |= {word, word + "s"}
    return out


#: a marketplace that "connects providers of catering (hereinafter referred to as "Providers") to buyers of catering
#: (hereinafter referred to as "Buyers")": the two kinds of persons it brings together, each defined in a bracket
_CONNECTS = re.compile(
    r"\b(?:connects?|matches|introduces|links)\s+[^.;]{0,120}?\(\s*(?:here(?:in)?after\s+(?:referred\s+to\s+as|called)\s+)?"
    r"(?:the\s+)?[\"“](\w+)[\"”][^)]{0,60}\)\s+(?:to|with)\s+[^.;]{0,120}?\(\s*(?:here(?:in)?after\s+"
    r"(?:referred\s+to\s+as|called)\s+)?(?:the\s+)?[\"“](\w+)[\"”]",
    re.I,
)


def _connected_class(text: str) -> set[str]:
    """Of the two kinds of persons a marketplace connects, the one the terms name less often: the
    class on the far side of the platform (Cater2.me's "Buyers" in its terms for "Providers")."""
    m = _CONNECTS.search(text)
    if m is None:
        return set()
    words = [w.lower().removesuffix("s") for w in m.groups()]
    if not all(w in EN_BUYER + EN_SUPPLIER for w in words):
        return set()
    counts = role_word_counts(text)
    plural = Counter(m.group(1).lower() for m in finditer_from(_EN_PLURAL_ROLE, _EN_USAGE_STARTS, text))
    uses = {w: counts.get(w, 0) + plural.get(w, 0) for w in words}
    fewer, more = sorted(words, key=lambda w: uses[w])
    return {fewer, fewer + "s"} if uses[fewer] < uses[more] else set()


#: a capitalised role word in the plural ("to allow Customers to access", "from Merchants to Customers"); its
#: matches start where _EN_USAGE's do (tried there only: re's case-insensitive scan is slow)
_EN_PLURAL_ROLE = re.compile(r"\b(" + _EN_ROLE + r")s\b", re.I)


def _plural_classes(text: str) -> set[str]:
    """Role words the text writes mostly in the plural, capitalised, at least USAGE_MIN times and
    twice as often as in the singular: a platform's Customers or Clients, a class of persons that
    the two sides serve, not one of the sides."""
    found = finditer_from(_EN_PLURAL_ROLE, _EN_USAGE_STARTS, text)
    plural = Counter(m.group(1).lower() for m in found if m.group(1)[0].isupper())
    if not plural:
        return set()
    singular = role_word_counts(text)
    return {w for w, n in plural.items() if n >= USAGE_MIN and n >= 2 * singular.get(w, 0)}


#: words a contract may use, undefined, for the side that hires a contractor
_HIRER_WORDS = ("company", "principal")


def parties_from_usage(text: str) -> list[Party]:
    """For a contract without a definitions block: the most used buyer word and supplier word
    (capitalised in English, as defined terms are), each used at least USAGE_MIN times."""
    capitalised = counts = role_word_counts(text)
    classes = _class_terms(text)
    used = {
        w
        for w, n in counts.items()
        if n >= USAGE_MIN and w not in _DEFINED_ONLY and w not in _RELATIVE_WORDS and w not in classes
    }
    if not used:
        # informal orders write "the contractor" in lower case throughout: the unambiguous words
        counts = lower_role_counts(text)
        used = {w for w, n in counts.items() if n >= USAGE_MIN}
    # the owner's word may be a public body's, counted capitalised only ("the State")
    subcontract = _is_subcontract(used, {**capitalised, **counts})
    best: dict[str, tuple[int, str]] = {}
    for w in used:
        role = _label_role(w, subcontract)
        if role != "unknown" and counts[w] > best.get(role, (0, ""))[0]:
            best[role] = (counts[w], w)
    hirer = max(_HIRER_WORDS, key=lambda w: counts.get(w, 0))
    buyer_uses = best.get("buyer", (0, ""))[0]
    if "supplier" in best and counts.get(hirer, 0) >= max(USAGE_MIN, 2 * buyer_uses + 1):
        # an order to "the Contractor" from "the Company" (or a contractors' agreement of "the
        # Principal", whose "Client" is the principal's own): that word is the buyer here
        best["buyer"] = (counts[hirer], hirer)
    if not best:
        return _informal_hire(text)
    # one side by its role word ("the Contractor"): the other may be named by its own name
    # ("Canada", with_named_party) or stay unknown; the side found still binds its clauses
    return [Party(labels=[w], role=role, where="usage") for role, (_n, w) in sorted(best.items())]


def _is_subcontract(used: set[str], counts: dict[str, int]) -> bool:
    """A subcontract, where "the Contractor" hires: a subcontractor word is used, and at least half as
    often as the owner's or employer's word. A main contract that mentions the contractor's
    subcontractors (Employer 63 times, Subcontractor 8) is not one."""
    sub = max((counts[w] for w in used & _SUBCONTRACTOR), default=0)
    owner = max(
        (n for w, n in counts.items() if w not in _MAIN_CONTRACTOR and _label_role(w, False) == "buyer"),
        default=0,
    )
    return sub > 0 and 2 * sub >= owner


def _informal_hire(text: str) -> list[Party]:
    """An informal agreement with no defined terms between "the company" and those it hires by a
    word that names a side only beside a hirer ("all workers", "the driver"), both written in
    lower case throughout and each used at least INFORMAL_MIN times: the hirer is the buyer."""
    head = text[:USAGE_CHARS]

    def uses(word: str) -> int:
        return len(re.findall(rf"(?<![\w-]){re.escape(word)}s?(?![\w-])", head, re.I))

    hired = max(_PLATFORM_USERS, key=uses)
    hirer = max(_HIRER_WORDS, key=uses)
    if uses(hired) < INFORMAL_MIN or uses(hirer) < INFORMAL_MIN:
        return []
    return [
        Party(labels=[hirer], role="buyer", where="usage"),
        Party(labels=[hired], role="supplier", where="usage"),
    ]


#: how often an informal agreement uses its two words for the sides (_informal_hire)
INFORMAL_MIN = 10


#: a party defined by description, not by name: whoever the terms will bind
_GENERIC_PARTY = re.compile(
    r"(?:the|any|each|every|a|an)\s+(?:party|person|entity|individual|company|customer|client|buyer|purchaser|"
    r"organi[sz]ation|firm|business)\b(?:\s+(?:to|who|which|that|from|placing|named|identified|whose)\b|\s*$)",
    re.I,
)


#: a proper name: a capitalised word ("Euro-Tech Corporation"), not a fragment ("registered")
_PROPER_NAME = re.compile(r"\b[A-Z][A-Za-z&.-]+")


def drafter_of(parties: list[Party]) -> str | None:
    """The role of the party found by its name in use (with_named_party): the drafter, who
    names itself and calls the other side by its role. A party that is only the name given
    with `--we` says nothing about who wrote the terms."""
    roles = set(EN_BUYER + EN_SUPPLIER)
    pronouns = {lab for labs in _PRONOUN_LABELS.values() for lab in labs}
    # terms written between "we" and "you": "we" wrote them ("you" names the other side)
    writer = next((p.role for p in parties if p.role != "unknown" and "we" in p.labels), None)
    if writer is not None:
        return writer
    # standard terms that name one side and define the other by description ("Seller" shall mean
    # Euro-Tech Corporation; "Purchaser" shall mean the party to whom a quotation is submitted): the
    # named side wrote them
    sides = [p for p in parties if p.role in ("buyer", "supplier") and p.name and p.where != WE_GIVEN]
    generic = [p for p in sides if _GENERIC_PARTY.match(p.name or "")]
    proper = [
        p for p in sides if _PROPER_NAME.search(p.name or "") and not _GENERIC_PARTY.match(p.name or "")
    ]
    if len(generic) == 1 and len(proper) == 1 and generic[0].role != proper[0].role:
        return proper[0].role
    return next(
        (
            p.role
            for p in parties
            if p.role != "unknown"
            and p.where == "usage"
            and any(latin(lab) and lab not in roles and lab not in pronouns for lab in p.labels)
        ),
        None,
    )


#: the role of a party named in the contract that is not one of its two sides (the project owner)
THIRD_PARTY = "third_party"


#: the last word of a body's name that the text uses as its short name ("Midvale Community College District" is
#: "the District" in the clauses)
_NAME_TAILS = frozenset(_DEFINED_ONLY) - {"company", "principal", "state", "crown", "commonwealth"}


def with_name_tails(parties: list[Party], text: str) -> list[Party]:
    """Each buyer or supplier named by a body's name ends in a word the contract uses as its short
    name ("Client: Midvale Community College District" … "payable by the District"): that word joins
    its labels, when no other party has it."""
    taken = {lab for p in parties for lab in p.labels}
    for p in parties:
        words = p.name.split() if p.name and latin(p.name) and p.role in OTHER_ROLE else []
        tail = words[-1].strip(".,;:()").lower() if words else ""
        if tail in _NAME_TAILS and tail not in taken and re.search(rf"\b[Tt]he\s+{tail}\b", text, re.I):
            p.labels.append(tail)
            taken.add(tail)
    return parties


#: first words of a name that are no short name of it ("The", "City of …", "National …")
_NOT_NAME_HEADS = frozenset(
    "the a an mr ms mrs dr messrs city county state town village district borough council university college "
    "department ministry national royal general global international united american british new north south "
    "east west central first second third".split()
)


def with_name_heads(parties: list[Party], text: str) -> list[Party]:
    """Each buyer or supplier named by a company's name whose first word the clauses use as its short name,
    bare, as the actor of a clause ("Vendor: Beta Components Ltd" … "Beta may", a purchase order's "Ship
    To: Acme Manufacturing Ltd" … "Acme may terminate"): that word joins its labels, when it is no other
    party's and the two sides' names do not start alike."""
    named = [p for p in parties if p.name and latin(p.name) and p.role in OTHER_ROLE]
    first = [_name_head(p.name or "") for p in named]
    taken = {lab for p in parties for lab in p.labels}
    for p, head in zip(named, first, strict=True):
        if (
            len(head) < 3
            or not head[0].isupper()
            or head.lower() in _NOT_NAME_HEADS
            or head.lower() in taken
            or first.count(head) > 1
            or not _acts(head, text)
        ):
            continue
        p.labels.append(head.lower())
        taken.add(head.lower())
    return parties


def _name_head(name: str) -> str:
    """The first word of a name of two words or more, its punctuation off ("" for one word)."""
    words = name.split()
    return words[0].strip(".,;:()\"“”'") if len(words) >= 2 else ""


#: a party's label or name followed by its abbreviation in brackets: "Research Service Provider (RSP)",
#: "DRDO (L/E/P)", "Lab / Estt / Programmes {L/E/P}"
_BRACKET_ABBREVIATION = r"\s*[({]\s*(?:the\s+)?[\"“]?((?-i:[A-Z][A-Z/&.]{1,9}[A-Z]))[\"”]?\s*[)}]"
#: abbreviations in brackets that name no party (countries, legal forms, taxes)
_NOT_ABBREVIATIONS = frozenset(
    "USA US UK UAE EU PRC INC LLC LLP LTD PLC PTY PVT GMBH GST VAT TDS PAN TIN ABN ACN EIN SSN".split()
)
#: how often an abbreviation must be used besides its definition to become a label
ABBREVIATION_USES_MIN = 2


def with_abbreviations(parties: list[Party], text: str) -> list[Party]:
    """Each party's abbreviation given in brackets after one of its labels or its name ("Research
    Service Provider (RSP)", "DRDO (L/E/P)") joins its labels, when the text uses it at least
    ABBREVIATION_USES_MIN more times and no other party has it."""
    taken = {lab for p in parties for lab in p.labels}
    head = text[:USAGE_CHARS]
    for p in parties:
        if p.role not in OTHER_ROLE:
            continue
        words = [w for w in (*p.labels, p.name or "") if w and latin(w)]
        for word in sorted(set(words), key=len, reverse=True):
            m = re.search(rf"\b{re.escape(word)}{_BRACKET_ABBREVIATION}", head, re.I)
            if m is None:
                continue
            short = m.group(1)
            uses = len(re.findall(rf"(?<![\w/]){re.escape(short)}(?![\w/])", head))
            if short in _NOT_ABBREVIATIONS or short.lower() in taken or uses <= ABBREVIATION_USES_MIN:
                continue
            p.labels.append(short.lower())
            taken.add(short.lower())
    return parties


def with_named_party(parties: list[Party], text: str) -> list[Party]:
    """`parties` plus the party an English contract calls by its own name (names.py): it takes
    the role opposite to the most used role word and joins the party of that role, if any."""
    classes = _class_terms(text)
    counts = {
        w: n
        for w, n in role_word_counts(text).items()
        if w.isascii()
        and n >= USAGE_MIN
        and w not in _DEFINED_ONLY
        and w not in classes  # "the State of Delaware"
    }
    counts = counts or {w: n for w, n in lower_role_counts(text).items() if n >= USAGE_MIN}
    if not counts:
        return parties
    top = max(sorted(counts), key=lambda w: counts[w])
    role = OTHER_ROLE.get(_label_role(top, bool(set(counts) & _SUBCONTRACTOR)))
    named = named_party(text[:USAGE_CHARS], set(EN_BUYER + EN_SUPPLIER)) if role else None
    if role is None or named is None or named.name not in text[:NAME_HEAD_CHARS]:
        return parties
    label = named.name.lower()
    if any(label in p.labels or (p.name and label in p.name.lower()) for p in parties):
        return parties
    if duty_side(text[:USAGE_CHARS], named.name, only=True) == OTHER_ROLE[role]:
        # the clauses make it the role word's own side ("the BPA Holder shall submit"; "neither
        # Client nor Stranerd", Stranerd paying the fees): it joins that side
        own = next((p for p in parties if p.role == OTHER_ROLE[role]), None)
        if own is not None:
            own.labels.append(label)
        return parties
    if not any(p.role == OTHER_ROLE[role] for p in parties):  # the role word names the other side
        parties = [*parties, Party(labels=[top], role=OTHER_ROLE[role], where="usage")]
    same = next((p for p in parties if p.role == role), None)
    if same is not None and same.where == "usage" and set(same.labels) <= _THIRD_PARTY_WORDS:
        # a guessed "the Client" beside a named buyer is the buyer's own client (a third party)
        parties = [p for p in parties if p is not same]
    elif same is not None:
        same.labels.append(label)
        return parties
    return [*parties, Party(labels=[label], name=named.name, role=role, where="usage")]


#: a Chinese order or letter written in the first person: 我公司将按…在当月货款中扣出 opposite 供方
_ZH_FIRST_PERSON_LABELS = ("我公司", "我司", "我方", "本公司")
_ZH_FIRST_PERSON = re.compile("|".join(_ZH_FIRST_PERSON_LABELS))


def with_first_person_party(parties: list[Party], text: str) -> list[Party]:
    """`parties` plus, opposite one known side, a Chinese text's first person (我公司, 我司): an
    order written by the side the labels leave (供方 … 我公司将按 …)."""
    missing = _missing_side(parties)
    if missing is None or len(_ZH_FIRST_PERSON.findall(text[:USAGE_CHARS])) < USAGE_MIN:
        return parties
    return [*parties, Party(labels=list(_ZH_FIRST_PERSON_LABELS), role=missing, where="usage")]


def with_duty_party(parties: list[Party], text: str) -> list[Party]:
    """`parties` plus each side they leave open, read from the clauses' duties: a term no list
    holds ("The Implementing Agency (IA)") that submits, delivers and is paid is the supplier
    opposite "the Client"; one that pays, approves and may terminate is the buyer (duties.py)."""
    roles = {p.role for p in parties}
    open_sides = [r for r in ("buyer", "supplier") if r not in roles]
    if not open_sides:
        return parties
    taken = {lab for p in parties for lab in p.labels}
    found = sides_by_duties(text[:USAGE_CHARS], open_sides, taken)
    return parties + [
        Party(labels=found[role][1], name=found[role][0], role=role, where="duties")
        for role in open_sides  # buyer first, as the sides are listed
        if role in found
    ]


#: a public body a contract calls by its kind alone ("the State", "the City"): the buyer of a public contract
_PUBLIC_BODIES = (
    "state",
    "city",
    "county",
    "commonwealth",
    "agency",
    "department",
    "district",
    "council",
    "municipality",
    "university",
    "college",
    "ministry",
    "trust",
    "court",
)
#: how often such a word must name an actor of a modal verb, and be used with its article, to be the buyer
PUBLIC_ACTOR_MIN, PUBLIC_USES_MIN = 2, 6


def with_public_body(parties: list[Party], text: str) -> list[Party]:
    """`parties` plus the buyer of a public contract that names only "the Contractor": the public
    body it calls by its kind ("the State shall withhold payment", "the State may terminate"),
    used with its article at least PUBLIC_USES_MIN times and PUBLIC_ACTOR_MIN times as an actor,
    and not made the supplier by its duties."""
    if _missing_side(parties) != "buyer":
        return parties
    head = text[:USAGE_CHARS]
    best: tuple[int, str] | None = None
    for word in _PUBLIC_BODIES:
        title = word.title()
        uses = len(re.findall(rf"\b[Tt]he\s+{title}\b(?!\s+of\b)", head))
        acts = len(
            re.findall(rf"\b[Tt]he\s+{title}\s+(?:shall|will|may|must|reserves|agrees|is\s+entitled)\b", head)
        )
        if uses >= PUBLIC_USES_MIN and acts >= PUBLIC_ACTOR_MIN and (best is None or uses > best[0]):
            best = (uses, word)
    if best is None or duty_side(head, best[1].title()) == "supplier":
        return parties
    return [*parties, Party(labels=[best[1]], role="buyer", where="duties")]


def with_named_other_side(parties: list[Party], text: str) -> list[Party]:
    """`parties` plus, opposite the only side found, the name the contract uses most as a party
    (names.py), when no role word named a side and no party holds that name: "Merchant" found by
    its duties, "FiMi Hub" (remitting to it, deducting from its revenue) is the other side."""
    missing = _missing_side(parties)
    if missing is None:
        return parties
    taken = frozenset(lab for p in parties for lab in [*p.labels, (p.name or "").lower()])
    named = named_party(text[:USAGE_CHARS], set(EN_BUYER + EN_SUPPLIER), exclude=taken)
    if named is None or named.name not in text[:NAME_HEAD_CHARS]:
        return parties
    label = named.name.lower()
    if any(label in p.labels or (p.name and label in p.name.lower()) for p in parties):
        return parties
    # read from the other side's duties, not from how the drafter names itself (drafter_of)
    return [*parties, Party(labels=[label], name=named.name, role=missing, where="duties")]


#: terms written between "we" and "you" (a platform's, a buyer's standard terms): how often
#: each side's pronouns must be used in the head of the contract to name a party
PRONOUN_MIN = 5
_PRONOUNS = {
    "we": re.compile(r"\b(?:[Ww]e|us|[Oo]ur|WE|OUR)\b"),
    "you": re.compile(r"\b(?:[Yy]ou|[Yy]our|YOU|YOUR)\b"),
}
_PRONOUN_LABELS = {"we": ["we", "us", "our"], "you": ["you", "your"]}
#: You (the subcontractor or supplier) / ("Customer", "you" or "your") / "we", "us" or "Acme":
#: a bracket or quoted list that ties a pronoun to a role word
_PRONOUN_DEFINED = {
    side: re.compile(
        rf"(?:\b{side}\s*\(([^()]{{0,80}})\)|([^()]{{0,30}})\(([^()]{{0,80}}[\"“”'‘]{side}[\"”“'’][^()]{{0,80}})\))",
        re.I,
    )
    for side in ("we", "you")
}
_ROLE_IN = re.compile(rf"(?<![\w-])({_EN_ROLE})(?![\w-])", re.I)


#: a bracket after a pronoun that adds another party or a case: "you (or the buyer)", "you (and your personnel)"
_ALTERNATIVE = re.compile(r"\s*(?:or|and|nor|and/or|including|other\s+than|on\s+behalf|acting)\b", re.I)


def _pronoun_word(text: str, side: str) -> tuple[str, str] | None:
    """(role, role word) a bracket ties the pronoun to: the word in the bracket, else the last one
    just before it ("You (the subcontractor or supplier)" -> ("supplier", "subcontractor"); "Rider
    (also referred to as “you“)" -> ("supplier", "rider"))."""
    for m in _PRONOUN_DEFINED[side].finditer(text):
        if m.group(1) is not None and _ALTERNATIVE.match(m.group(1)):
            continue  # "you (or the buyer)": another party beside it, not its definition
        inside = _ROLE_IN.search(m.group(1) or m.group(3))
        before = _ROLE_IN.findall(m.group(2) or "")
        word = inside.group(1) if inside else (before[-1] if before else None)
        role = _label_role(word.lower(), subcontract=False) if word else "unknown"
        if word and role != "unknown":
            return role, word.lower()
    return None


#: a quoted short name in a pronoun's bracket: Gengo, Inc. ("Gengo" or "We" or "Us")
_QUOTED_EN = re.compile(r"[\"“]([^\"“”]{2,40})[\"”]")


def _pronoun_names(text: str, side: str) -> list[str]:
    """The party's own short names a bracket gives beside the pronoun ("Gengo" of Gengo, Inc.
    ("Gengo" or "We" or "Us")), lower case; role words and pronouns are not names."""
    pronouns = {lab for labs in _PRONOUN_LABELS.values() for lab in labs}
    for m in _PRONOUN_DEFINED[side].finditer(text):
        if m.group(3) is None:  # you (the "Account" holder): not a bracket that defines the pronoun
            continue
        quoted = [n.strip().lower() for n in _QUOTED_EN.findall(m.group(3))]
        names = [n for n in quoted if n not in pronouns and _label_role(n, subcontract=False) == "unknown"]
        if names:
            return names
    return []


def with_pronoun_parties(parties: list[Party], text: str) -> list[Party]:
    """`parties` plus "we" and "you" in terms written between them (both used PRONOUN_MIN times in
    the head): each joins the party of the role a bracket ties it to ("Customer", "you" or
    "your"), else - when the contract names no party of one side by a role word - "you" is the
    supplier and "we", who wrote the terms, the buyer (a buyer's purchase terms, a platform's
    terms for its merchants)."""
    head = text[:USAGE_CHARS]
    if len(_PRONOUNS["you"].findall(head)) >= PRONOUN_MIN > len(_PRONOUNS["we"].findall(head)):
        return with_you_only(parties, head)
    if len(_PRONOUNS["we"].findall(head)) >= PRONOUN_MIN > len(_PRONOUNS["you"].findall(head)):
        # a seller's terms of sale to "Buyer" written as "we" (or a buyer's purchase terms to "Seller"):
        # the writer is the side the role word leaves open
        missing = _missing_side(parties)
        if missing is None:
            return parties
        return [*parties, Party(labels=list(_PRONOUN_LABELS["we"]), role=missing, where="usage")]
    if any(len(_PRONOUNS[side].findall(head)) < PRONOUN_MIN for side in _PRONOUNS):
        return parties
    words = {side: _pronoun_word(head, side) for side in _PRONOUNS}
    tied = {side: w[0] if w else None for side, w in words.items()}
    both_named = all(any(p.role == r for p in parties) for r in OTHER_ROLE)
    if both_named and not (tied["we"] or tied["you"]):
        # terms where one side calls itself by its own name ("Bulkhouse may …") address the other
        # side as "you"; otherwise "our fees" of the Company's own terms: no guess
        named = {p.role for p in parties if p.role in OTHER_ROLE and any(_proper(lab) for lab in p.labels)}
        if len(named) == 1:
            tied["we"] = next(iter(named))
        elif _you_means(text) is None and (side := pronoun_side(head, "you")) is not None:
            # a letter to the contractor ("your employees", "you will invoice") beside role words
            # used in passing (the CDM "Client", the data-protection "Supplier"): "you" is that side
            tied["you"] = side
        else:
            return with_you_means(parties, text)
    if tied["we"] and not tied["you"]:
        tied["you"] = OTHER_ROLE[tied["we"]]
    you = tied["you"] or "supplier"
    roles = {"you": you, "we": tied["we"] or OTHER_ROLE[you]}
    if roles["we"] == roles["you"]:
        return parties
    out = list(parties)
    for side, role in roles.items():
        names = _pronoun_names(head, side)
        labels = _PRONOUN_LABELS[side] + names + _tied_word(out, words[side])
        same = next((p for p in out if p.role == role), None)
        if same is None:
            out.append(Party(labels=list(labels), role=role, where="usage"))
        elif (
            names and same.where == "usage"
        ):  # its own name, not the most used role word ("Client Materials")
            same.labels = list(labels)
        else:
            same.labels.extend(lab for lab in labels if lab not in same.labels)
    return out


def _tied_word(parties: list[Party], tied: tuple[str, str] | None) -> list[str]:
    """The role word a bracket ties a pronoun to (`_pronoun_word`), as a label of its party ("Rider
    (also referred to as “you“)": a platform user's word names a side where a definition says so),
    unless another party already has it."""
    if tied is None or any(tied[1] in p.labels for p in parties):
        return []
    return [tied[1]]


#: "you" or "your" means the party specified as the seller
_YOU_MEANS = re.compile(
    r"[\"“']?you[\"”']?\s+(?:or\s+[\"“']?your[\"”']?\s+)?means\s+(?:the\s+)?(?:party\s+(?:specified|named|identified)\s+as\s+(?:the\s+)?)?"
    r"([a-z][a-z -]{2,30}?)\b(?:\s+(?:in|and|under|of|who|which|that)\b|[.;,]|$)",
    re.I | re.M,
)


def _you_means(text: str) -> str | None:
    """The side a definition gives "you" ("you" or "your" means the party specified as the seller)."""
    m = _YOU_MEANS.search(text)
    role = _label_role(m.group(1).strip().lower(), subcontract=False) if m else None
    return role if role in OTHER_ROLE else None


def _join(parties: list[Party], role: str, labels: list[str]) -> Party | None:
    """Add `labels` to the party of `role`, if there is one (which is returned)."""
    same = next((p for p in parties if p.role == role), None)
    if same is not None:
        same.labels.extend(lab for lab in labels if lab not in same.labels)
    return same


def with_you_means(parties: list[Party], text: str) -> list[Party]:
    """`parties` with "you" joined to the side a definition anywhere in the text gives it (a
    glossary at the end), and "we", who wrote terms addressed to "you", to the other side (the
    marketplace's operator)."""
    role = _you_means(text)
    if role is None or _join(parties, role, _PRONOUN_LABELS["you"]) is None:
        return parties
    if len(_PRONOUNS["we"].findall(text[:USAGE_CHARS])) >= PRONOUN_MIN:
        _join(parties, OTHER_ROLE[role], _PRONOUN_LABELS["we"])
    return parties


def with_you_only(parties: list[Party], head: str) -> list[Party]:
    """`parties` plus "you" in terms that address one side as "you" and never write "we": it joins
    the role a definition or bracket gives it ("you" means the party specified as the seller),
    else, when the terms name one side only by a role word ("the buyer"), the other side (a
    buyer's terms addressed to its sellers), else, when they name no side, the side the clauses'
    duties give it (a letter of engagement)."""
    tied = _pronoun_word(head, "you")
    role = (tied[0] if tied else None) or _you_means(head)
    sides = {p.role for p in parties if p.role in OTHER_ROLE}
    if role is None and len(sides) == 1:
        role = OTHER_ROLE[next(iter(sides))]
    if role is None and not sides:
        # a letter of engagement that names no side ("you will be paid a fee", "your services"): the
        # clauses' duties tell whose side "you" is
        role = pronoun_side(head, "you")
    if role is None:
        return parties
    out = list(parties)
    labels = _PRONOUN_LABELS["you"] + _tied_word(out, tied)
    if _join(out, role, labels) is None:
        out.append(Party(labels=labels, role=role, where="usage"))
    return out


def _proper(label: str) -> bool:
    """A party's own name (bulkhouse), not a role word or a pronoun."""
    return latin(label) and label not in (
        *EN_BUYER,
        *EN_SUPPLIER,
        *_THIRD_PARTY_WORDS,
        *_DEFINED_ONLY,
        "we",
        "you",
    )


#: `Party.where` of a party known only from the name given with `--we`
WE_GIVEN = "--we"
#: ("Ireland Pay") / (hereinafter the "Sales Agent"): any defined short name of a party
_EN_ANY_DEFINED = re.compile(
    r"\(\s*" + _HEREAFTER_LEAD + r"(?:the\s+)?[\"“”']\s*"
    r"([A-Z][\w&.\-]{1,24}(?:\s[A-Z][\w&.\-]{1,24})?)\s*[\"“”']\s*\)"
)
#: defined names that are not parties
_NOT_PARTY = frozenset({"agreement", "effective date", "contract", "order", "terms", "services", "goods"})
#: characters of the head read for defined names
DEFINED_HEAD = 4000


def _uses(text: str, label: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text[:USAGE_CHARS], re.I))


def _defined_names(text: str) -> list[str]:
    """The short names the head defines in brackets ("Ireland Pay"), less the agreement's own terms
    and names ending in a word that names no party."""
    return [
        m.group(1)
        for m in _EN_ANY_DEFINED.finditer(text[:DEFINED_HEAD])
        if m.group(1).lower() not in _NOT_PARTY and m.group(1).lower().split()[-1] not in NOT_PARTY_LAST
    ]


def named_pair(text: str, we: str | None) -> list[Party]:
    """The two parties a head defines by their own short names, neither a role word ("between Globex
    Limited ("Globex") and Contoso Limited ("Contoso")", 由北京华信科技有限公司（以下简称“华信公司”）与…
    （以下简称“恒达公司”）签订), each used as an actor, or, where the head defines none, the two names
    the clauses use as parties ("Globex may…", "to Contoso"; names.py): their sides from the clauses'
    duties (duties.py), else the one `--we` names is the supplier; no party when neither tells."""
    # the first two the head defines: a third ("Amazon ("Delivery Partner")") comes later, in the definitions
    names, where = _head_short_names(text)[:2], "head"
    if not names:
        names, where = _used_names(text), "names"
    if len(names) != 2:
        return []
    sides = duty_sides(text[:USAGE_CHARS], names)
    if sides[0] is None and sides[1] is not None:
        sides[0] = OTHER_ROLE[sides[1]]
    elif sides[1] is None and sides[0] is not None:
        sides[1] = OTHER_ROLE[sides[0]]
    elif sides[0] is None and we:
        ours = [any(needle in n.lower() for needle in _we_needles(we)) for n in names]
        if ours.count(True) == 1:
            sides = ["supplier" if o else "buyer" for o in ours]
    if set(sides) != {"buyer", "supplier"}:
        return []
    return [
        Party(labels=[n.lower()], name=n, role=r or "", where=where)
        for n, r in zip(names, sides, strict=True)
    ]


def _used_names(text: str) -> list[str]:
    """The two names a contract uses most as parties (English: names.py), where it uses two."""
    if not latin(text[:HEAD_LINE_CHARS]):
        return _zh_used_names(text[:USAGE_CHARS])
    found = named_parties(text[:USAGE_CHARS], set(EN_BUYER + EN_SUPPLIER))
    return [n.name for n in found[:2]] if len(found) >= 2 else []


#: an organisation's short name as the actor of a clause: 华信公司应, 恒达公司有权 (its first
#: characters found by `_zh_name_start`)
_ZH_ORG_ACTOR = re.compile(r"([\u4e00-\u9fff]{2,6})(公司|集团)(?=应|须|有权|负责|可以|同意|承担|将)")
#: first characters of words that are no organisation's name: 本公司, 该公司, 保险公司, 子公司
_ZH_NOT_ORG = (
    "本",
    "我",
    "该",
    "贵",
    "各",
    "其",
    "他",
    "子",
    "分",
    "总",
    "母",
    "关联",
    "保险",
    "物流",
    "快递",
    "运输",
)


def _zh_used_names(text: str) -> list[str]:
    """The two organisations a Chinese contract names most as actors by their short names, never
    defined (华信公司应…, 恒达公司有权…), each at least USAGE_MIN times."""
    used = [n for n, c in _zh_actor_names(text).most_common() if c >= USAGE_MIN]
    return used[:2] if len(used) >= 2 else []


def _zh_actor_names(text: str) -> Counter[str]:
    """How often each organisation's short name is the actor of a clause (华信公司应, 恒达公司有权)."""
    counts: Counter[str] = Counter()
    starts: dict[tuple[str, str], str | None] = {}  # one reading of each match's characters
    for m in _ZH_ORG_ACTOR.finditer(text):
        key = (m.group(1), m.group(2))
        if key not in starts:
            starts[key] = _zh_name_start(text, *key)
        name = starts[key]
        if name and not name.startswith(_ZH_NOT_ORG):
            counts[name] += 1
    return counts


def _zh_name_start(text: str, before: str, suffix: str) -> str | None:
    """Where a name ending in 公司 starts, Chinese having no spaces: the longest ending of the
    characters before it that the text uses about as often as its shortest (由华信公司 → 华信公司)."""
    shortest = text.count(before[-2:] + suffix)
    best = None
    for k in range(2, len(before) + 1):
        candidate = before[-k:] + suffix
        if text.count(candidate) < 0.8 * shortest:
            break
        best = candidate
    return best


def _head_short_names(text: str) -> list[str]:
    """The short names the head gives, none a role word or a document's name, each written as the
    actor of a clause ("Globex may", 华信公司应)."""
    names: list[str] = []
    for short in _defined_names(text):
        if (
            _proper(short.lower())
            and all(short.lower() != n.lower() for n in names)
            and re.search(rf"\b{re.escape(short)}\s+(?:shall|will|may|must|agrees)\b", text[:USAGE_CHARS])
        ):
            names.append(short)
    if names:
        return names
    for m in _ZH_SHORT_NAMED.finditer(text[:HEAD_LINE_CHARS]):
        short = m.group("short")
        if (
            short in _ZH_LABELS
            or short in names
            or any(w in short for w in ("协议", "合同", "条款", "本"))
            or not re.search(re.escape(short) + r"(?:应|须|有权|负责|可以|可)", text[:USAGE_CHARS])
        ):
            continue
        names.append(short)
    return names


#: a short name the head gives a party, quoted or not: ("Acme") / (Acme) / ("the Sub-contractor") /
#: hereinafter referred to as "ACME" (which expression shall …): group 1 or 2
_HEAD_DEFINED = re.compile(
    r"\(\s*" + _HEREAFTER_LEAD + r"(?:the\s+)?[\"“”']?\s*(?:the\s+)?"
    r"([A-Z][\w&.\-]{1,24}(?:[^\S\n][A-Z][\w&.\-]{1,24}){0,2})(?:\s*[\"“”']\s*[),;]|\s*\))"
    r"|" + _HEREINAFTER + r"([A-Z][\w&.\-]{1,24}(?:[^\S\n][A-Z][\w&.\-]{1,24}){0,2})[\"“”']"
)
#: what a party named as the actor of a clause does next ("Acme may", "ACME shall")
_ACTOR_VERB = r"\s+(?:shall|will|may|must|agrees|has\s+the\s+right|is\s+entitled)\b"


def _acts(name: str, text: str) -> bool:
    """Is `name`, as written, the actor of a clause in the text ("Acme may", "NRAC shall")?"""
    return re.search(rf"(?<![\w-]){re.escape(name)}{_ACTOR_VERB}", text[:USAGE_CHARS]) is not None


def head_counterparty(found: list[Party], text: str) -> list[Party]:
    """The side the head names by its own short name where only the other side is known: the one
    short name the head defines that no party holds, neither a role word nor a document's term,
    given to an organisation's name (Corporation, Ltd, Council…) or written as the actor of a
    clause. A head may set each party on its own line or item ("BETWEEN / ACME (HONG KONG) LIMITED
    … ("Acme") / AND / … ("the Sub-contractor")", "(1) … ("CCS"); and (2) … (the "Supplier")") or
    follow the short name with a long bracket ('hereinafter referred to as "ACME" (which expression
    shall … include its successors) of the ONE PART'), which the one-line readers of find_parties
    do not span."""
    sides = {p.role for p in found} & set(OTHER_ROLE)
    if len(sides) != 1:
        return []
    held = {lab for p in found for lab in p.labels}
    names: list[str] = []
    for m in _HEAD_DEFINED.finditer(text[:DEFINED_HEAD]):
        short = m.group(1) or m.group(2)
        low = short.lower()
        if (
            low in held
            or re.fullmatch(r"(?:[a-z]\.){2,}|etc\.?|ibid\.?", low)  # (e.g., …), (i.e. …)
            or low in _NOT_PARTY
            or low.split()[-1] in NOT_PARTY_LAST
            or not _proper(low)
            or _label_role(low.split()[-1], False) != "unknown"  # the "Panel Supplier": a role word's side
            or any(low == n.lower() for n in names)
            or not (
                _HEAD_ORG.search(text, max(text.rfind("\n", 0, m.start()) + 1, m.start() - 120), m.start())
                or _acts(short, text)
            )
        ):
            continue
        names.append(short)
    if len(names) != 1:
        return []
    return [Party(labels=[names[0].lower()], name=names[0], role=OTHER_ROLE[sides.pop()], where="head")]


def _other_side(text: str, ours: str) -> str | None:
    """The name of the other party where ours is a name: the other defined short name of the
    head ("Ireland Pay" beside "Sales Agent"), or the name the contract uses as a party."""
    used = [d for d in _defined_names(text) if d.lower() != ours and _uses(text, d) >= USAGE_MIN]
    if used:
        return max(used, key=lambda d: _uses(text, d))
    role_words = {*EN_BUYER, *EN_SUPPLIER, ours}
    named = named_party(text[:USAGE_CHARS], role_words)
    return named.name if named else top_actor(text[:USAGE_CHARS], role_words)


def with_we_named(parties: list[Party], text: str, we: str | None) -> list[Party]:
    """`parties` plus the party `--we NAME` names, when the contract calls us by a word that is
    no role word ("the Carrier", "Sales Agent") and uses it at least USAGE_MIN times: we are
    the supplier, and the other named party (defined short name or name in use) the buyer."""
    if not we:
        return parties
    needles = _we_needles(we)
    if needles[0] in ("supplier", "buyer") or _matching(parties, needles) is not None:
        return parties
    if not latin(we):
        return _with_we_named_zh(parties, text, we.strip())
    # the whole name, else a part of it the contract uses ("Fera" of "Fera (the Secretary of
    # State … acting through Fera)", "Driver" of "Driver (independent service provider)")
    ours = next((n for n in needles if not _role_words_only(n) and _uses(text, n) >= USAGE_MIN), None)
    if ours is None:
        return parties  # role words ("Subcontractor/Supplier"): the usual reading applies
    out = [*parties, Party(labels=[ours], name=we.strip(), role="supplier", where=WE_GIVEN)]
    other = _other_side(text, ours)
    buyer_uses = max((_uses(text, lab) for p in parties if p.role == "buyer" for lab in p.labels), default=0)
    if other and _uses(text, other) < buyer_uses:
        other = None  # the buyer's defined word ("(hereafter Client)") is used more: it is the other side
    if other and not any(other.lower() in p.labels for p in parties):
        out.append(Party(labels=[other.lower()], name=other, role="buyer", where="usage"))
    return out


def _with_we_named_zh(parties: list[Party], text: str, we: str) -> list[Party]:
    """`with_we_named` for a Chinese name the contract uses as it is, never defined (恒达公司应…): we
    are the supplier, and the other organisation the clauses name most, an actor at least once
    (华信公司有权…), the buyer."""
    text = text[:USAGE_CHARS]
    if text.count(we) < USAGE_MIN or any(p.role == "supplier" for p in parties):
        return parties  # a supplier found already: the name given is no party (choose_we says so)
    out = [*parties, Party(labels=[we], name=we, role="supplier", where=WE_GIVEN)]
    # the organisation named most of those that act in a clause at least once
    uses = {n: text.count(n) for n in _zh_actor_names(text) if n != we}
    other = max((n for n, c in uses.items() if c >= USAGE_MIN), key=uses.__getitem__, default=None)
    if other and not any(p.role == "buyer" for p in parties) and not any(other in p.labels for p in parties):
        out.append(Party(labels=[other], name=other, role="buyer", where="usage"))
    return out


def _role_words(name: str) -> list[str]:
    """The words of a name joined by "/", "and" or "or" ("supplier/contractor", "Buyer or Purchaser")."""
    return re.split(r"\s*(?:/|\band\b|\bor\b)\s*", name)


def _role_words_only(name: str) -> bool:
    return all(w in EN_BUYER + EN_SUPPLIER for w in _role_words(name))


#: buyer words that name the buyer's own client where a named party is the buyer
_THIRD_PARTY_WORDS = frozenset({"client", "owner", "employer", "principal", "customer"})


def _label_role(label: str, subcontract: bool) -> str:
    # the main contractor of a subcontract buys from the subcontractor: 承包人（总承包单位）, 总包方
    if subcontract and (label in _MAIN_CONTRACTOR or "总承包" in label or "总包" in label):
        return "buyer"
    if label in ZH_SUPPLIER or label in EN_SUPPLIER:
        return "supplier"
    if label in ZH_BUYER or label in EN_BUYER:
        return "buyer"
    return "unknown"


def _assign_roles(parties: list[Party]) -> None:
    labels = {lab for p in parties for lab in p.labels}
    subcontract = bool(labels & _SUBCONTRACTOR)
    for p in parties:
        if p.outside:
            p.role = THIRD_PARTY
            continue
        specific = [lab for lab in p.labels if lab not in ("甲方", "乙方", "丙方")]
        # 承包方（分包单位）: the contractor word of a party that is itself the subcontractor
        tier_down = subcontract and not set(p.labels) & _SUBCONTRACTOR
        # 养殖方（乙方）: a word no list holds leaves the side to 甲方/乙方
        roles = {_label_role(lab, tier_down) for lab in specific} - {"unknown"}
        roles = roles or {_label_role(lab, tier_down) for lab in p.labels} - {"unknown"}
        if len(roles) > 1 and all(latin(lab) for lab in p.labels):
            # OWNER (LESSOR): the bracket's word, recorded first, is the more specific one
            roles = {_label_role(p.labels[0], tier_down)} - {"unknown"} or roles
        p.role = roles.pop() if len(roles) == 1 else "unknown"
    _relative_roles(parties)
    _owner_outside(parties)


def _relative_roles(parties: list[Party]) -> None:
    """Two parties of one role and none of the other: the party named by a word that can name
    either side (_RELATIVE: a Distributor beside a Manufacturer, a Media Agency beside a Brand
    Owner, the Company beside a Contractor's Owner) takes the other role."""
    for role, other in (("buyer", "supplier"), ("supplier", "buyer")):
        same = [p for p in parties if p.role == role]
        if len(same) < 2 or any(p.role == other for p in parties):
            continue
        for tier in _RELATIVE[role]:
            flip = [p for p in same if set(p.labels) & set(tier)]
            if flip:
                flip[0].role = other
                break


#: the owner of a project, above the buyer of a subcontract or a consultant's client
_PROJECT_OWNER = frozenset({"owner", "employer"})


def _owner_outside(parties: list[Party]) -> None:
    """An owner or employer defined beside another buyer (the Contractor of a subcontract, the
    Client of a consultant) is the project's owner, outside this contract: a third party."""
    buyers = [p for p in parties if p.role == "buyer"]
    owners = [p for p in buyers if set(p.labels) <= _PROJECT_OWNER]
    if owners and len(owners) < len(buyers):
        for p in owners:
            p.role = THIRD_PARTY


def _zh_words_only(labels: list[str]) -> bool:
    """Only specific Chinese supplier words (供应商, 供货方), no 甲方/乙方/丙方."""
    return bool(labels) and all(lab in ZH_SUPPLIER and lab not in ("甲方", "乙方", "丙方") for lab in labels)


#: the label of a signature block's field read as a party's name
_FIELD_LABEL = re.compile(
    r"(?:full\s+)?(?:name|signature|title|position|date|address|company|witness)\W*", re.I
)


def _only_us(parties: list[Party], us: Party, was: str = "supplier") -> None:
    """The party we named is the only one on our side: another party of our role (the
    platform of a three-party contract, 服务方（甲方） beside 供货方（丙方）) is a counterparty,
    and so is the party whose words gave it our role (承租方（甲方） where we are 出租方（乙方）)."""
    for p in parties:
        if p is us or p.role != "supplier":
            continue
        if "乙方" in us.labels and _zh_words_only(p.labels):
            # 乙方 beside a 供应商 with neither 甲方 nor 丙方 (供应商： | 考核部门 | in a table): our side
            us.labels.extend(lab for lab in p.labels if lab not in us.labels)
            p.role = "supplier"
            continue
        if p.name and _FIELD_LABEL.fullmatch(p.name.strip()):
            continue  # "Provider: Name ____" in a signature block: a form's field, not another party
        # a role word only counted in the text (承运方 beside the defined 承运人（乙方）), or a term
        # read only from its duties ("the Data Processor" beside --we NRU), names the same side, not
        # a third party - unless we were read as the other side
        if p.where not in ("usage", "duties") or was == "buyer":
            p.role = "buyer"


#: --we 甲方（供方） / "Supplier (Acme Ltd)": the whole value, then each part of it
_WE_PARTS = re.compile(r"\s*[（()）/／,，、]\s*")


#: quotes and a leading article around a part of `--we` ('the Contractor ("you")'): not part of the name
_WE_QUOTES = re.compile(r"^[\s\"“”'‘’]+|[\s\"“”'‘’]+$")
_WE_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def _we_needles(we: str) -> list[str]:
    """The whole `--we` text and its parts, each also without quotes and a leading article: a
    description ('the Contractor ("you"), an independent driver') names the party "contractor"."""
    whole = we.strip().lower()
    parts = [p for p in _WE_PARTS.split(whole) if p]
    bare = [_WE_ARTICLE.sub("", _WE_QUOTES.sub("", p)) for p in parts]
    out: list[str] = []
    for n in [whole, *parts, *bare]:
        if n and n not in out:
            out.append(n)
    return out


def _matching(parties: list[Party], needles: list[str]) -> Party | None:
    """The party `--we` names: by a label first (甲方 is the supplier where the contract says
    承揽方……以下简称甲方), then by its name."""
    for needle in needles:
        for p in parties:
            if needle in p.labels:
                return p
    for needle in needles:
        for p in parties:
            # not a party defined by description ("the Company who requests the Consultancy services"):
            # a word of it is no name
            if (
                p.name
                and not _GENERIC_PARTY.match(f"the {p.name.removeprefix('the ')}")
                and (needle in p.name.lower() or p.name.lower() in needle)
            ):
                return p
    return None


def _party_list(parties: list[Party]) -> str:
    """The parties found, for an error message: 乙方/供应商 江南公司 (supplier); buyer (buyer)."""
    shown = [
        f"{'/'.join(p.labels)}{' ' + p.name if p.name and p.name.lower() not in p.labels else ''} ({p.role})"
        for p in parties
        if p.where != WE_GIVEN
    ]
    return "; ".join(shown) if shown else "无 / none"


def _role_word(we: str) -> str | None:
    """The role a plain role word names (承包人, Subcontractor), or None for a name."""
    word = we.strip().lower() if latin(we) else we.strip()
    return _label_role(word, subcontract=word in _SUBCONTRACTOR) if word else None


def unknown_party(we: str, parties: list[Party]) -> InputError:
    """`--we NAME` names no party of the contract: say which parties were found."""
    return InputError(
        f"{we!r} 不是本合同的当事人 / is not a party of this contract; "
        f"识别出的当事人 / parties found: {_party_list(parties)}",
        "--we",
    )


def _generic_label_ours(parties: list[Party], label: str) -> Party:
    """`--we 乙方` where 乙方 is defined nowhere: the one supplier party without a 甲方/乙方 label
    takes it when the other label is the buyer's (购货方（以下称甲方） … 供货方：＿＿); otherwise
    the label is a party of its own, ours, and the other label theirs."""
    other = "乙方" if label == "甲方" else "甲方"
    ours = [p for p in parties if p.role == "supplier" and not {"甲方", "乙方"} & set(p.labels)]
    if len(ours) == 1 and any(other in p.labels for p in parties if p.role == "buyer"):
        ours[0].labels.append(label)
        return ours[0]
    us = Party(labels=[label], role="supplier", where=WE_GIVEN)
    if not any(other in p.labels for p in parties):
        parties.append(Party(labels=[other], role="buyer", where=WE_GIVEN))
    parties.append(us)
    return us


def choose_we(parties: list[Party], we: str | None, *, strict: bool = True) -> Parties:
    """Which party we are: `supplier` (default), `buyer`, or a name/label matched to a party.
    The party named is the supplier of this contract whatever its label says elsewhere (a
    platform's 商户（甲方）, a lease's 出租方（乙方）): the checklist reads for its traps, and
    the other parties are its counterparties; the shared role words keep their meaning.
    A name that matches no party is an InputError naming the parties found (`strict`, as `--we`
    typed by the user is); otherwise, and for a supplier role word (承包人), a note."""
    out = Parties(parties=parties)
    if we is None or we.lower() == "supplier":
        return out
    if we.lower() == "buyer":
        out.we = "buyer"
        return out
    needles = _we_needles(we)
    us = _matching(parties, needles)
    if us is None and (label := next((n for n in needles if n in ("甲方", "乙方")), None)):
        us = _generic_label_ours(parties, label)
    if us is None:
        if strict and _role_word(we) != "supplier":
            raise unknown_party(we, parties)
        out.notes.append(f"--we {we}: not found among the parties; read as the supplier")
        return out
    was = us.role
    us.role = "supplier"
    _only_us(parties, us, was)
    return out


def _drop(variants: list[str], labels: list[str]) -> list[str]:
    """Variants that name none of `labels` (a label of the other side is not ours)."""
    return [v for v in variants if not any(re.fullmatch(v, lab, re.I) for lab in labels)]


def _not_inside(variants: list[str], labels: list[str]) -> list[str]:
    """`variants` that do not match the last word of another side's label: "contractor" of ours
    is not the "Contractor" of "Prime Contractor" (a lookbehind on the word before it)."""
    out = []
    for v in variants:
        before = sorted(
            {
                m.group(1).lower()
                for lab in labels
                if (m := re.fullmatch(rf".*?(\w+)\s+(?:{v})", lab, re.I)) and len(m.group(1)) <= 20
            }
        )
        out.append("".join(rf"(?<!{re.escape(w)}\s)" for w in before) + v if before else v)
    return out


def _with(variants: list[str], labels: list[str]) -> list[str]:
    """`variants` plus each label none of them already names (in a stable order)."""
    extra = [_label_variant(lab) for lab in labels if not any(re.fullmatch(v, lab, re.I) for v in variants)]
    return variants + sorted(set(extra))


#: Chinese short names that are also the head of compounds (翻译公司, 翻译平台): as a party's label
#: they name it only where no other character binds them into a compound
_ZH_COMPOUND_HEADS = frozenset({"公司", "平台", "中心", "医院", "学校", "银行", "机构"})
#: the last characters of the words such a head makes compounds with (其他公司, 任何公司, 翻译公司, 经纪公司,
#: 物流公司, 分公司, 关联公司, 直播平台, 服务平台); any other character leaves the label free (同意公司, 则公司)
_ZH_COMPOUND_BEFORE = "他它何译纪流险技易团分子母联务筑介输询理包播商购络票链融视息作付售聘卖运资贸网云电"


def _label_variant(label: str) -> str:
    """A label as a regex variant: escaped, and for a compound head not inside another word."""
    if label in _ZH_COMPOUND_HEADS:
        return rf"(?<![{_ZH_COMPOUND_BEFORE}]){label}"
    return re.escape(label)


def _side(lang: str, labels: list[str]) -> list[str]:
    return [lab for lab in labels if latin(lab) == (lang == "en")]


def _zh_tails(labels: list[str], others: list[str], role: str) -> list[str]:
    """The short form a clause uses of a long Chinese label (代理人 of 地面服务代理人, 生产方 of 受托生产方):
    its last three characters, when they end in 人/方, are no label of another party and no word of
    the other side (承包方 of 总承包方 is not the buyer's)."""
    out = []
    for lab in labels:
        tail = lab[-3:]
        if latin(lab) or len(lab) < 5 or tail[-1] not in "人方" or tail in others or tail in labels:
            continue
        if _label_role(tail, subcontract=False) not in ("unknown", role):
            continue
        out.append(tail)
    return out


def roles(parties: Parties, vocab: Vocabulary) -> dict[str, dict[str, list[str]]] | None:
    """language -> role -> regex variants for this contract, or None when they are the shared
    words (a plain 甲方/乙方 contract), so the rules need no recompiling."""
    ours, theirs = ("supplier", "buyer") if parties.we == "supplier" else ("buyer", "supplier")
    our_labels = parties.labels(ours) + parties.names(ours)
    their_labels = parties.labels(theirs) + parties.names(theirs)
    our_labels += _zh_tails(parties.labels(ours), their_labels, ours)
    their_labels += _zh_tails(parties.labels(theirs), our_labels, theirs)
    all_labels = our_labels + their_labels + parties.labels("unknown")
    outside = parties.labels(THIRD_PARTY)  # the project owner is no side: never {buyer}
    out: dict[str, dict[str, list[str]]] = {}
    changed = False
    for lang in ("zh", "en"):
        generic = {r: vocab.concepts[r].variants(lang) for r in ("supplier", "buyer", "third_party")}
        mine, other = generic["supplier"], generic["buyer"]
        if parties.we == "buyer":
            mine, other = other, mine
        mapping = {
            "supplier": _with(
                _not_inside(_drop(mine, _side(lang, their_labels)), _side(lang, their_labels)),
                _side(lang, our_labels),
            ),
            "buyer": _with(_drop(other, _side(lang, our_labels + outside)), _side(lang, their_labels)),
            # the other side of a contract this one serves ("the Customer" of a prime contract) is a third party
            "third_party": _with(_drop(generic["third_party"], _side(lang, all_labels)), _side(lang, outside))
            or ["(?!)"],
        }
        changed = changed or any(mapping[r] != generic[r] for r in mapping)
        out[lang] = mapping
    return out if changed else None
