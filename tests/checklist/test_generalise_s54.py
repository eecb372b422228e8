"""Session 54. heldout58 (CUAD agreements from SEC filings, two of them translated from Chinese, labelled by
helpers who saw no rules) studied and moved to development; each kind is written as a short agreement
between two companies named Party A and Party B, with the role in the bracket (parties.py), beside its
harmless twin.

Change: a unilateral termination is no change of the work; the supplier bound to accept the changes the
buyer proposes; the buyer's later rules prevail over the contract. Termination: a right that follows an
event the sentence opens with is a ground, not a free hand ({event_ground}). Set-off: the buyer deducts
"the corresponding amount", or the fee users refused because of the supplier's service. Waiver: a failure
to act "in time" deemed the supplier's tacit acceptance; an objection "deemed as no objection". Exclusivity:
the supplier, named as the contract names it, barred from serving any other provider or from cooperating
with a named competitor. Penalties: a fixed sum per violation, or a fine the buyer picks from a range, with
no total cap (a new rule); liability "including consequential loss, is limited to" a sum is a limit; the
supplier's indemnity against lien claims of its own unpaid subcontractors is its own debt; the buyer alone
excused from "loss of expected benefits, goodwill loss" (consequential_loss); the supplier assuming the risk
of any loss or injury the work may cause.
"""

from __future__ import annotations

import pytest
from shipped_packs import RULES

from bidassist.checklist import check_text

HEAD = (
    "Party A (Customer): Norvex Telecom Co., Ltd.\nAddress: Nanjing\n"
    "Party B (Provider): Tallis Games Co., Ltd.\nAddress: Shenzhen\n\n"
)


def _categories(body: str) -> set[str]:
    return {f.category for f in check_text(HEAD + body, RULES).findings}


TRAPS = [
    (
        "change.unilateral",
        "4 Except otherwise agreed between the Parties, Party B will acknowledge and accept the changes in "
        "cooperation business and mode proposed by Party A due to business development.",
    ),
    (
        "change.unilateral",
        "3 Any business rules and quality standards formulated by Party A during the term hereof shall be part of "
        "this Agreement, and if such rules conflict with the terms hereof, such rules shall prevail.",
    ),
    (
        "payment.set_off",
        "4.10 In case Party B fails to respond in time, Party A may claim breaching liabilities by Party B and "
        "deduct the corresponding amount at the time of settlement.",
    ),
    (
        "payment.set_off",
        "7.2 Party A shall deduct from the payable information fee the amount of information fee refused to be "
        "paid by any users due to Party B's service quality.",
    ),
    (
        "rights.waiver",
        "7.9 Party B's failure to request account reconciliation in time shall be deemed as the tacit acceptance "
        "of the settlement data by Party B.",
    ),
    (
        "exclusivity",
        "4.2.5 During the cooperation, Party B agrees not to enter into any form of cooperation with Qihoo 360, "
        "unless Party A has given its prior consent.",
    ),
    (
        "exclusivity",
        "3.9 Party B agrees not to provide sameday delivery services for any other provider of next day courier "
        "services.",
    ),
    (
        "penalty.uncapped",
        "6.3 If Party A finds that any content provided by Party B breaches its management measures, Party B shall pay "
        "Party A an additional amount of performance bond at RMB5,000 per violation.",
    ),
    (
        "penalty.uncapped",
        "7 If Party B bribes Party A's personnel, Party A may elect to impose a penalty of RMB10,000 to 100,000.",
    ),
    (
        "liability.consequential",
        "10 Notwithstanding anything to the contrary, Party A will not be responsible for any loss of expected benefits, "
        "goodwill loss, and data damage arising from acts of Party B hereunder.",
    ),
    (
        "liability.uncapped",
        "13 Party B expressly assumes the risk of loss or injury that may result from the Work.",
    ),
]

TWINS = [
    (
        "change.unilateral",
        "2.9 If Party B uses the interface for another business, Party A may unilaterally terminate this "
        "Agreement by a written notice.",
    ),
    (
        "termination.convenience",
        "2.9 If Party A is investigated by a national authority due to the contents provided by Party B, Party A "
        "may unilaterally terminate this Agreement by a written notice.",
    ),
    (
        "change.unilateral",
        "4 Any change in the cooperation business shall be proposed by Party A and agreed in writing by both "
        "Parties.",
    ),
    (
        "payment.set_off",
        "7.2 Party A shall deduct its agreed platform fee of 10% from the information fee before paying Party B.",
    ),
    (
        "rights.waiver",
        "7.9 If Party A does not object to the invoice within 5 working days, it will be deemed as no objection "
        "by Party A.",
    ),
    (
        "exclusivity",
        "3.9 Party A agrees not to enter into any form of cooperation with Party B's competitors during the term.",
    ),
    (
        "exclusivity",
        "3.13 Party B shall not be entitled to use the software provided by Party A beyond the permitted use or "
        "to have it used by other third parties.",
    ),
    (
        "penalty.uncapped",
        "6.3 Party B shall pay a penalty of RMB500 per violation, and the total amount of penalties shall not exceed "
        "RMB5,000 in any month.",
    ),
    (
        "liability.consequential",
        "6.3 Under the contract of carriage, liability for loss, damage or delay, including liability for "
        "consequential loss, is limited to $4.41 per kilogram.",
    ),
    (
        "liability.uncapped",
        "4 (2) Party B agrees to indemnify and defend Party A from and against any lien claims and to discharge any "
        "lien within ten (10) days notice from Party A.",
    ),
]


@pytest.mark.parametrize(("category", "body"), TRAPS)
def test_trap_is_reported(category: str, body: str) -> None:
    assert category in _categories(body + "\n"), body


@pytest.mark.parametrize(("category", "body"), TWINS)
def test_twin_is_not_reported(category: str, body: str) -> None:
    assert category not in _categories(body + "\n"), body


def test_a_termination_at_the_buyers_own_wish_stays_at_will() -> None:
    body = "2.9 If Party A no longer requires the services, Party A may terminate this Agreement by a written notice.\n"
    assert "termination.convenience" in _categories(body)
