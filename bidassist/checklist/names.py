"""A party the contract calls by its own name instead of a role word.

Buyer-drafted terms name the buyer ("PACCA may at any time set off…", "to the satisfaction of
UGCL") and the supplier by its role ("the Supplier"); a supplier's own terms do the opposite
("ConnEthics' total liability…" against "the Customer"). A name is a capitalised word that
is used without an article, as the actor of a modal verb (`PACCA shall`, `Heliaxis may`) and
as the object of a preposition or an owner (`to PACCA`, `PACCA's`), several times each. It takes the role opposite to
the role word the contract uses most, since that word names the other side."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

#: a name: a capitalised word of letters and digits (PACCA, Heliaxis, ConnEthics, UGCL, Montréal)
#: a capitalised word, or a web name written as the party's name ("Cater2.me", "Booking.com")
_WORD = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ0-9&]{2,30}(?:\.(?:com|me|io|co|net|org|ai|app)(?![\w.]))?"
#: a company-form word that ends a name and is never a name alone (KIET Technologies Pvt Ltd)
_FORM = r"(?:Pvt|Private|Ltd|Limited|Inc|LLC|Corp|Corporation|PLC|GmbH|LLP|Pty|Co)\.?"
_FORM_WORD = re.compile(rf"^{_FORM}$")
#: a name of one to three capitalised words (Maincom Services, CANOPY ONE, Harbour Design Group),
#: with its company-form words after them, or of up to five before a company form (COMMONWEALTH
#: LOCUM TENANS CONNECTIONS LLC); with a country or city in brackets before its company form (KDM
#: Engineers (India) Pvt. Ltd.)
_NAME = (
    rf"{_WORD}(?:(?: {_WORD}){{3,4}}(?: \([A-Z][a-z]{{2,20}}\))?(?: {_FORM})+"
    rf"|(?: {_WORD}){{0,2}}(?: \([A-Z][a-z]{{2,20}}\))?(?: {_FORM})*)"
)
_ACTOR = re.compile(
    rf"(?<![\w'’-])({_NAME})\s+(?:shall|may|will|must|reserves|agrees|retains|can|is\s+entitled|"
    r"has\s+the\s+right|hereby)\b"
)
_OBJECT = re.compile(
    rf"\b(?:to|by|of|from|against|with|for|notify|inform|indemnify|satisfaction\s+of)\s+({_NAME})\b(?![-'’]\w)"
)
#: PACCA's rights / ConnEthics' liability
_POSSESSIVE = re.compile(rf"(?<![\w'’-])({_NAME})['’]s?\s")
_ANY = re.compile(rf"(?<![\w'’-])({_NAME})\b(?![-'’]\w)")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{2,9}")
#: a capitalised noun right after a name: the name is its modifier ("the ACME Platform")
_ATTRIBUTIVE = re.compile(r"[ \t]+[A-Z][a-z]")
_THE = re.compile(r"\b(?:the|a|an|this|that|such|any|each|its|our|your|their)\s+$", re.I)
#: capitalised words that open sentences or name things, never a party
COMMON_WORDS = frozenset(
    """This These That Those Each Either Neither Any All Such Nothing None Where When If
    Unless Upon Subject The Our Your Their They You Its His Her Who Which What Payment Payments
    Delivery Deliveries Title Risk Time Prices Price Invoices Invoice Interest Goods Services
    Service Work Works Order Orders Contract Contracts Agreement Party Parties Terms Conditions
    Section Clause Article Schedule Annex Appendix Notice Notices Liability Warranty Insurance
    Confidential Information Intellectual Property Rights Force Majeure Law Laws Court Courts
    Tax Taxes Changes Termination Acceptance Inspection Deliverables Materials Equipment Site
    Project Projects Programme Program Specification Specifications Quality Safety Personnel
    Staff Employees Supply Supplies Products Product Software Data Fees Charges Costs Expenses
    Damages Claims Claim Defects Defect Documents Document Drawings Policy Policies Standards
    Requirements Period Date Dates Days Months Year Years Buyer Seller Supplier Vendor Customer
    Purchaser Contractor Subcontractor Owner Employer Client Company Consultant Provider Authority
    Principal Government State States City County Agency Department District Member Members
    Affiliate Affiliates Group Board Manager Engineer Representative Architect PO Purchase""".split()
)
#: how often a name must act and be acted on, and its share of uses without an article
MIN_ACTOR, MIN_OBJECT = 3, 2
#: a name acted upon this often needs only two uses as an actor
OBJECT_HEAVY = 6
MIN_BARE_SHARE = 0.8
#: an organisation's acronym is often written with an article ("the GSECL shall", "the NHAI"):
#: half its uses bare are enough
MIN_BARE_SHARE_ACRONYM = 0.5


@dataclass
class NamedParty:
    name: str
    uses: int


def named_party(text: str, role_words: set[str], exclude: frozenset[str] = frozenset()) -> NamedParty | None:
    """The name the contract uses most as a party (see the module), or None; names in `exclude`
    (lower case: the parties already found) are passed over."""
    found = named_parties(text, role_words, exclude)
    return found[0] if found else None


def named_parties(text: str, role_words: set[str], exclude: frozenset[str] = frozenset()) -> list[NamedParty]:
    """Every name the contract uses as a party (see the module), the most used first."""
    actors = Counter(r for m in _ACTOR.finditer(text) for r in _readings(m.group(1)))
    objects = Counter(r for m in _OBJECT.finditer(text) for r in _readings(m.group(1)))
    objects.update(r for m in _POSSESSIVE.finditer(text) for r in _readings(m.group(1)))
    out: list[NamedParty] = []
    for name, acts in actors.items():
        if (
            name.lower() in exclude
            or not _acts_as_party(acts, objects[name])
            or not _is_name(name, role_words, text)
        ):
            continue
        found = [m for m in _ANY.finditer(text) if _bare(m.group(1)) == name]
        # a name used as a modifier ("the ACME Platform") takes the article of the noun after it
        alone = [m.start() for m in found if not _ATTRIBUTIVE.match(text, m.end())]
        bare = sum(1 for s in alone if not _THE.search(text[max(0, s - 8) : s]))
        share = MIN_BARE_SHARE_ACRONYM if _ACRONYM.fullmatch(name) else MIN_BARE_SHARE
        if alone and bare >= share * len(alone):
            out.append(NamedParty(name, len(found)))
    # the most used first; of equals, the first met (as the single best was chosen before)
    return sorted(out, key=lambda n: -n.uses)


def _acts_as_party(acts: int, objects: int) -> bool:
    """Used as a party often enough: MIN_ACTOR times as the actor of a modal verb and MIN_OBJECT
    times as an object, or, for a name the contract mostly acts upon ("engaged by Canada", "the
    property of Canada", "Canada may"), twice as the actor and OBJECT_HEAVY times as an object."""
    return (acts >= MIN_ACTOR and objects >= MIN_OBJECT) or (acts >= 2 and objects >= OBJECT_HEAVY)


def _bare(name: str) -> str:
    """A match less its leading common words ("Acceptance ConnEthics" -> "ConnEthics")."""
    words = name.split(" ")
    while len(words) > 1 and (words[0] in COMMON_WORDS or words[0].title() in COMMON_WORDS):
        words = words[1:]
    return " ".join(words)


def _readings(name: str) -> list[str]:
    """The names a match may be: "Maincom Services" as one, "Heading ConnEthics" as the last
    word, an unknown match of several words as each of its endings (a heading word before a
    name is not always a common one)."""
    words = _bare(name).rstrip(".").split(" ")
    return [
        " ".join(words[i:])
        for i in range(len(words))
        if not (_FORM_WORD.match(words[i]) or words[i][0] == "(")
    ]


#: the last word of a capitalised name that is a person of a party or a thing, not a party ("Key
#: Personnel", "Contract Manager", "Deliverables", "Contract Price")
NOT_PARTY_LAST = frozenset(
    "personnel staff employee employees manager managers representative representatives "
    "deliverable deliverables work works specification specifications schedule price fee fees "
    "date term period site project product products equipment materials information data "
    "proposal offer rfp solicitation documents "
    # session 53 (en-5702): the agreement's own defined name ("This SUPPLY AGREEMENT ("Supply Agreement")")
    "agreement agreements contract contracts addendum amendment annex appendix exhibit".split()
)


def _is_name(name: str, role_words: set[str], text: str = "") -> bool:
    """A capitalised word or two that names a party: not a common word, no role word, and not a
    noun the contract also writes in lower case ("a licensed motor carrier (… "Carrier")")."""
    first, *rest = name.split()
    return (
        first not in COMMON_WORDS
        and first.title() not in COMMON_WORDS
        and name.lower() not in role_words
        # a role word inside a company's name is part of the name (COMMONWEALTH … CONNECTIONS LLC)
        and (
            bool(rest and _FORM_WORD.match(rest[-1]))
            or not any(w.lower() in role_words for w in [first, *rest])
        )
        and not name.isdigit()
        and name.split()[-1].lower() not in NOT_PARTY_LAST
        and not (text and _lower_use(name).search(text))
    )


@lru_cache(maxsize=512)
def _lower_use(name: str) -> re.Pattern:
    """The name written in lower case as a word, not as a web or mail address (bulkhouse.com)."""
    return re.compile(rf"(?<![\w@/.-]){re.escape(name.lower())}(?![\w-]|\.[a-z])")


def top_actor(text: str, role_words: set[str]) -> str | None:
    """The name (any case: BROKER, Broker) most often the actor of a modal verb, used so at
    least MIN_OBJECT times: the other party of a contract that calls us by a name we gave."""
    names = [_bare(m.group(1)) for m in _ACTOR.finditer(text)]
    actors = Counter(n.lower() for n in names if _is_name(n, role_words) and _is_name(n.title(), role_words))
    best = actors.most_common(1)
    return best[0][0].title() if best and best[0][1] >= MIN_OBJECT else None
