"""Session 44: kinds read from heldout26 (a marketplace's seller policy, a locum-tenens platform's
provider terms) and heldout28 (a renovation company's labor agreement for its 1099 workers), both
moved to development this session, each written as the kind.

- an aside in brackets before the verb names no actor ("you agree to defend (at the Company's
  option), indemnify …"): the party outside it acts, in English as in Chinese;
- a verb phrase joined by "or"/"and" with its subject left out ("the Company may suspend … or may
  put the remittances on hold") has the subject of the phrase before;
- a company's name of four or five words before its company form (COMMONWEALTH LOCUM TENANS
  CONNECTIONS LLC) is one name, a role word inside it included, and its uses as a modifier ("the
  X Platform") do not count against its use without an article;
- an informal agreement between "the company" and "workers", with no defined terms: the company is
  the buyer and the workers the supplier;
- the buyer's free hand between its name and its verb ("Company at its sole discretion may end any
  listing at any point of time"), an end on a breach the buyer only suspects, remittances put on
  hold, higher fees imposed at the buyer's discretion, non-collection made the supplier's risk,
  forfeiture of payments as a sanction, selling the listed item elsewhere barred (dealing with the
  platform's users only through it during the term is a look-alike, consist44), a ban on the buyer's
  customers that outlasts the term,
  a one-sided consequential-loss exclusion written "Neither X nor any other party", an indemnity
  "whether … consequential or otherwise", "a firm and hard cost estimate".
"""

from __future__ import annotations

from shipped_packs import RULES

from bidassist.checklist import check_text

_PLATFORM = (
    "Terms of Service\n"
    'These Terms constitute a legally binding agreement ("Agreement") between you and COMMONWEALTH LOCUM '
    "TENANS CONNECTIONS LLC governing your access to the COMMONWEALTH LOCUM TENANS CONNECTIONS LLC Platform.\n"
)
_USES = (
    "2. Use. COMMONWEALTH LOCUM TENANS CONNECTIONS LLC may suspend your account. COMMONWEALTH LOCUM TENANS "
    "CONNECTIONS LLC will notify you. COMMONWEALTH LOCUM TENANS CONNECTIONS LLC shall keep records. You must "
    "inform COMMONWEALTH LOCUM TENANS CONNECTIONS LLC of changes and pay fees to COMMONWEALTH LOCUM TENANS "
    "CONNECTIONS LLC. Your use of the COMMONWEALTH LOCUM TENANS CONNECTIONS LLC Platform and the COMMONWEALTH "
    "LOCUM TENANS CONNECTIONS LLC Services is at your risk. The Provider shall keep records. The Provider "
    "shall hold a licence. The Provider may cancel a Booking.\n"
)
_SELLER = (
    "Seller Policy\n1. Overview\nAll Sellers listing on the Portal shall follow this policy of the Company.\n"
)


def _check(head: str, clause: str):
    return check_text(head + "\n99. Terms\n" + clause, RULES)


def _rules(head: str, clause: str) -> set[str]:
    return {f.rule for f in _check(head, clause).findings if f.clause and f.clause.startswith("99")}


def test_a_company_name_of_five_words_with_a_role_word_in_it_is_the_buyer() -> None:
    parties = _check(_PLATFORM + _USES, "The Provider shall keep its licence.").parties["parties"]
    buyer = next(p for p in parties if p["role"] == "buyer")
    assert buyer["name"] == "COMMONWEALTH LOCUM TENANS CONNECTIONS LLC"


def test_an_aside_in_brackets_before_the_verb_is_not_its_actor() -> None:
    clause = (
        "To the maximum extent permitted by law, the Provider agrees to release, defend (at COMMONWEALTH LOCUM TENANS "
        "CONNECTIONS LLC's option), indemnify, and hold COMMONWEALTH LOCUM TENANS CONNECTIONS LLC harmless from "
        "and against any claims, liabilities, damages, losses, and expenses arising out of your use of the Platform."
    )
    assert "en.liability.uncapped.indemnity" in _rules(_PLATFORM + _USES, clause)
    # the buyer's own indemnity, with the supplier in the aside, stays harmless
    own = (
        "The Company agrees to defend (at the Seller's request), indemnify and hold the Seller harmless from any "
        "claims, losses and expenses arising out of the Company's use of the Portal."
    )
    assert "en.liability.uncapped.indemnity" not in _rules(_SELLER, own)


def test_a_joined_verb_phrase_has_the_subject_of_the_phrase_before() -> None:
    hold = (
        "In case of any breach or suspected breach of this policy, the Company may suspend and/or terminate "
        "the Seller Registration or may put the remittances on hold."
    )
    found = _rules(_SELLER, hold)
    assert "en.payment.set_off" in found
    assert "en.termination.convenience" in found  # a breach it only suspects
    seller_side = "The Seller may suspend its listings or may put its shipments on hold during holidays."
    assert "en.payment.set_off" not in _rules(_SELLER, seller_side)


def test_a_proven_breach_stays_for_cause() -> None:
    clause = "In case of any breach of this policy, the Company may suspend and/or terminate the Seller Registration."
    assert "en.termination.convenience" not in _rules(_SELLER, clause)


def test_the_free_hand_between_the_buyer_and_its_verb() -> None:
    clause = "You must adhere to the policy wherein Company at its sole discretion may end any listing at any point of time."
    assert "en.termination.convenience" in _rules(_SELLER, clause)
    for_cause = (
        "In the event of any strike by Seller employees that impacts the Seller's ability to deliver, Company at its "
        "sole discretion may terminate the order."
    )
    assert "en.termination.convenience" not in _rules(_SELLER, for_cause)


def test_selling_the_listed_item_elsewhere_is_barred_but_keeping_deals_on_the_platform_is_not() -> None:
    elsewhere = (
        "You are not allowed to make any offer, either online or offline, or by making another listing on a "
        "different website, to sell an item once you have listed that particular item on our Portal."
    )
    assert "en.exclusivity.restraint" in _rules(_SELLER, elsewhere)
    # consist44 Q1 (b): the platform's own deals kept on it during the term are a look-alike
    listed = (
        "In connection with your use of the Platform, you will not:\nBreach any applicable laws;\n"
        "Use the Platform to request, make or accept a Booking independent of the Platform, to circumvent any Fees."
    )
    found = _rules(_PLATFORM + _USES, listed)
    assert not any(r.startswith("en.exclusivity") for r in found)
    # (a): a ban that outlasts the term is a trap
    tail = (
        "During the term of this Agreement and for a period of twelve (12) months following any termination, the "
        "Provider shall not solicit, contact, or attempt to contract directly with any client introduced through the "
        "Platform."
    )
    assert "en.exclusivity.customers" in _rules(_PLATFORM + _USES, tail)


def test_a_one_sided_exclusion_written_neither_the_buyer_nor_any_other_party() -> None:
    clause = (
        "Neither COMMONWEALTH LOCUM TENANS CONNECTIONS LLC nor any other party involved in creating the Platform "
        "will be liable for any incidental, special, exemplary or consequential damages."
    )
    assert "en.liability.consequential.one_sided" in _rules(_PLATFORM + _USES, clause)
    mutual = "Neither party will be liable for any incidental, special, exemplary or consequential damages."
    assert "en.liability.consequential.one_sided" not in _rules(_PLATFORM + _USES, mutual)


def test_an_informal_labor_agreement_names_the_company_and_its_workers() -> None:
    worker_lines = "".join(
        f"{i}. Rule {i}\nThe worker must report to the company before work and the company pays the worker weekly.\n"
        for i in range(1, 7)
    )
    parties = _check("Labor Agreement\n" + worker_lines, "Workers keep their tools.").parties["parties"]
    roles = {p["role"]: p["labels"] for p in parties}
    assert roles == {"buyer": ["company"], "supplier": ["worker"]}


# heldout29 (the Australian Digital Marketplace's Master Agreement, Comprehensive Terms and Deed of Standing Offer,
# studied in session 44 and moved to development): terms addressed to "you" beside "the buyer", "you" defined in a
# glossary at the end, a lead-in sentence's subject over its list items, the buyer's own payment named by a word that
# also names paying third parties, a shortened role word of ours in a signature block.

_YOU_TERMS = (
    "Comprehensive Terms\nThis document sets out terms that apply to your work order.\n"
    "1. General\nYou must act reasonably in performing your obligations. You must comply with the work order. "
    "You must keep your records. You must notify the buyer of any change. The buyer may inspect your work. "
    "The buyer may request reports from you. Either you (or the buyer) may give notice.\n"
)


def test_terms_addressed_to_you_beside_the_buyer_make_you_the_supplier() -> None:
    parties = _check(_YOU_TERMS, "You must keep records.").parties["parties"]
    roles = {p["role"]: p["labels"] for p in parties}
    assert "you" in roles["supplier"]
    assert "you" not in roles["buyer"]
    clause = "You are not allowed to sell the Products on another marketplace during the Term."
    assert "en.exclusivity.restraint" in _rules(_YOU_TERMS, clause)


def test_a_lead_in_sentence_s_subject_acts_in_its_list_items() -> None:
    head = "Panel Agreement\n1. Parties\nThis agreement is between the Buyer and the Seller.\n"
    clause = (
        "The Buyer may, at any time, by prior written notice and without any liability to the Seller:\n\n"
        "• Terminate this agreement and remove the Seller from the panel, for any reason; or\n"
        "• Suspend the Seller from the panel."
    )
    assert "en.termination.convenience" in _rules(head, clause)
    seller_lead = (
        "The Seller may, at any time, by prior written notice to the Buyer:\n\n"
        "• Terminate this agreement and leave the panel, for any reason."
    )
    assert "en.termination.convenience" not in _rules(head, seller_lead)


def test_the_buyer_s_own_payment_is_not_a_third_party_s() -> None:
    head = "Deed of Standing Offer\n1. Parties\nThis Deed is between the Agency and the Supplier.\n"
    clause = (
        "If after payment by the Agency, it is found that an invoice was rendered incorrectly, any overpayment will be "
        "recoverable from the Supplier."
    )
    assert "en.payment.back_to_back" not in _rules(head, clause)
    upstream = (
        "The Agency shall pay the Supplier within 7 days after the Agency receives payment from the Owner."
    )
    assert "en.payment.back_to_back" in _rules(head, upstream)
