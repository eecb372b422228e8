"""Session 35: the standard wordings of five English traps, written from the category definitions rather than from
any corpus sentence (a probe of common drafting found them missed), each with the look-alike that keeps its reading.

- completion or acceptance "only when it has been accepted by the Owner" (passive; nothing times the act), and a
  rejection the buyer decides alone whose decision "shall be final";
- payment "within a reasonable time" (no period), or "as funds become available" / "subject to the availability of
  funds" (the buyer's funding decides);
- a percentage kept back from each payment until completion is retention;
- the courts "where the Buyer has its principal office" are the buyer's home forum;
- (Chinese) nothing paid for what the buyer has not confirmed (未经甲方确认的不予付款), unapproved variations aside.
"""

from __future__ import annotations

from shipped_packs import categories

_PARTIES = (
    'This Agreement is made between Alpha Holdings Ltd ("Owner") and Beta Works Ltd ("Contractor").\n'
    "2. Scope. The Contractor shall carry out the Works described in Schedule 1.\n"
)


def _cats(clause: str) -> set[str]:
    return set(categories(_PARTIES + "7. Terms. " + clause + "\n", lang="en"))


def test_completion_only_once_the_buyer_has_accepted_has_no_clock() -> None:
    assert "acceptance.no_deadline" in _cats(
        "The Works shall be deemed complete only when they have been accepted by the Owner."
    )
    assert "acceptance.no_deadline" not in _cats(
        "The Works shall be deemed complete when the Contractor gives notice of completion; the Owner shall "
        "inspect them within 14 days, failing which they are deemed accepted."
    )


def test_a_rejection_the_buyer_alone_decides_finally() -> None:
    assert "acceptance.no_deadline" in _cats(
        "The Owner may reject any materials that it considers unsatisfactory, and its decision shall be final."
    )
    assert "acceptance.no_deadline" not in _cats(
        "The Owner may reject nonconforming materials within 10 days of delivery; any dispute over a rejection "
        "shall be referred to an independent expert."
    )


def test_payment_within_a_reasonable_time_or_as_funds_allow_has_no_period() -> None:
    assert "payment.no_deadline" in _cats(
        "Invoices will be paid within a reasonable time after receipt and approval by the Owner."
    )
    assert "payment.no_deadline" in _cats("The Owner will pay the Contractor as funds become available.")
    assert "payment.no_deadline" in _cats(
        "Payment of each instalment is subject to the availability of funds."
    )
    assert "payment.no_deadline" not in _cats(
        "Invoices will be paid within a reasonable time, not exceeding 30 days after receipt."
    )
    assert "payment.no_deadline" not in _cats("The Owner shall pay each invoice within 30 days of receipt.")


def test_a_share_of_each_payment_kept_until_completion_is_retention() -> None:
    assert "retention.excessive" in _cats(
        "The Owner shall retain 20% of each progress payment until final completion."
    )
    assert "retention.excessive" not in _cats(
        "The Owner shall retain 3% of each progress payment until final completion."
    )
    # tax withheld from each payment is no retention
    assert "retention.excessive" not in _cats("The Owner shall withhold 2% income tax from each payment.")


def test_the_courts_where_the_buyer_has_its_office_are_its_home_forum() -> None:
    assert "dispute.forum" in _cats(
        "Any dispute shall be submitted to the exclusive jurisdiction of the courts where the Owner has its "
        "principal office."
    )
    assert "dispute.forum" not in _cats(
        "Any dispute shall be submitted to the courts where the defendant has its principal office."
    )


def test_payment_withheld_until_the_buyer_confirms_has_no_clock() -> None:
    text = "第七条 付款\n甲方对乙方提交的成果有最终确认权，未经甲方确认的不予付款。\n"
    assert "acceptance.no_deadline" in categories(text, lang="zh")
    # unapproved variations left unpaid are the supplier's own risk
    twin = "第七条 变更\n未经甲方书面确认的变更，甲方不予支付。\n"
    assert "acceptance.no_deadline" not in categories(twin, lang="zh")
