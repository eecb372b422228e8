"""The shipped rule packs, loaded once per test run and shared by the checklist tests (loading and
compiling every pack takes about a second; the tests only read the rule set)."""

from bidassist.checklist import load_packs

RULES = load_packs()
