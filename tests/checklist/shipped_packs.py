"""The shipped rule packs, loaded once per test run and shared by the checklist tests (loading and
compiling every pack takes about a second; the tests only read the rule set)."""

from bidassist.checklist import load_packs

RULES = load_packs()


def categories(text: str, *, lang: str | None = None, we: str | None = None) -> set[str]:
    """The finding categories the shipped packs give for `text`."""
    from bidassist.checklist import check_text

    return {f.category for f in check_text(text, RULES, lang=lang, we=we).findings}


def party_sides(text: str, we: str | None = None) -> dict[str, list[str]]:
    """Role -> the labels of the parties the shipped reading finds in `text` (with `we` as `check --we`)."""
    from bidassist.checklist import check_text

    out: dict[str, list[str]] = {}
    for p in check_text(text, RULES, we=we).parties["parties"]:
        out.setdefault(p["role"], []).extend(p["labels"])
    return out
