"""The shipped rule packs, loaded once per test run and shared by the checklist tests (loading and
compiling every pack takes about a second; the tests only read the rule set)."""

from bidassist.checklist import load_packs

RULES = load_packs()


def categories(text: str, *, lang: str | None = None, we: str | None = None) -> set[str]:
    """The finding categories the shipped packs give for `text`."""
    from bidassist.checklist import check_text

    return {f.category for f in check_text(text, RULES, lang=lang, we=we).findings}
