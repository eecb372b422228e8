"""A party's own name is introduced at the head of the contract (issue #9, session 18, helper
miss-en): a capitalised defined term of the body that acts like a party ("Platform Levy shall …",
the issuing "Bank may …") is not taken as one side's name, so it neither joins that side's words
nor makes that side the drafter (whose drafting-trap rules would then be dropped). The test's term
is "Carbon Levy": since session 41 "Platform" is a platform's role word when a head names it."""

from __future__ import annotations

import pytest

from bidassist.checklist import parties as parties_module
from bidassist.checklist.api import contract_parties
from bidassist.checklist.engine import Unit
from bidassist.checklist.parties import NAME_HEAD_CHARS, with_named_party

#: the body of a contract written between role words only, long enough to push what follows it
#: past the head
_BODY = (
    "The Provider shall perform the Services for the Customer. The Customer shall pay the Provider "
    "each invoice. The Provider shall keep records and the Provider shall report on them. "
) * 30


def _named(term: str) -> str:
    """Sentences that use `term` as a party would: actor of a modal verb and object of a preposition."""
    return (
        f"{term} shall be calculated monthly. {term} may be reviewed each year. {term} will be invoiced "
        f"in arrears. Payment of {term} is due on receipt. Notices go to {term} and are signed by {term}. "
    )


def _parties(text: str):
    units = [Unit(text=p) for p in text.split("\n") if p.strip()]
    return contract_parties(units, None, we_strict=False)


def test_a_defined_term_of_the_body_is_no_party(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "MASTER SERVICES AGREEMENT\n" + _BODY + "\n" + _named("Carbon Levy")
    assert text.find("Carbon Levy") > NAME_HEAD_CHARS
    labels = {lab for p in with_named_party([], text) for lab in p.labels}
    assert "carbon levy" not in labels
    assert _parties(text).drafter is None
    # read anywhere, the same term passes for the buyer's name and makes the buyer the drafter
    monkeypatch.setattr(parties_module, "NAME_HEAD_CHARS", len(text))
    assert "carbon levy" in {lab for p in with_named_party([], text) for lab in p.labels}
    assert _parties(text).drafter == "buyer"


def test_a_name_introduced_at_the_head_still_names_its_side() -> None:
    # the harmless twin: the same uses, the name given at the head, where parties are introduced
    text = (
        "MASTER SERVICES AGREEMENT between Northwind and the Provider\n" + _named("Northwind") + "\n" + _BODY
    )
    parties = with_named_party([], text)
    named = next(p for p in parties if "northwind" in p.labels)
    assert named.role == "buyer"  # the role word used most ("Provider") names the other side
