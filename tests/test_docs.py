"""The documentation cannot drift: every command and option of the CLI is documented under docs/,
every bid-file key is in the generated reference (docs/bidfile.md, current), no page names a
bid-file key that does not exist, and links and repository paths point inside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.main import get_command

from bidassist.cli.app import app
from bidassist.core.bidfile import Bid
from bidassist.core.bidfile_doc import is_key, key_paths, render_markdown, sections

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
ALL_PAGES = [ROOT / "README.md", *PAGES]
DOCS_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in PAGES)
SECTIONS = tuple(Bid.model_fields)


def _commands() -> list[tuple[list[str], list[list[str]]]]:
    """(command words, options: the names of each) for every command and subcommand of the typer app."""
    out = []

    def walk(cmd, words):
        if hasattr(cmd, "commands"):
            for name, sub in cmd.commands.items():
                walk(sub, [*words, name])
        else:
            out.append((words, [p.opts for p in cmd.params if any(o.startswith("-") for o in p.opts)]))

    walk(get_command(app), [])
    return out


COMMANDS = _commands()


def test_the_cli_has_commands_to_check():
    names = {" ".join(words) for words, _ in COMMANDS}
    assert {"demo", "check", "price", "costs import", "history backtest", "bid doc", "serve"} <= names


def _pattern(words: list[str]) -> str:
    # `bidassist history tenders`, or `history tenders` in a code span (`db init` / `db upgrade`)
    return r"(?:bidassist |`)" + r"\s+".join(map(re.escape, words)) + r"\b"


@pytest.mark.parametrize("words", [w for w, _ in COMMANDS], ids=" ".join)
def test_every_command_is_documented(words):
    assert re.search(_pattern(words), DOCS_TEXT), (
        f"`bidassist {' '.join(words)}` is not documented under docs/"
    )


@pytest.mark.parametrize("words,options", COMMANDS, ids=[" ".join(w) for w, _ in COMMANDS])
def test_every_option_is_documented_with_its_command(words, options):
    """Each option (by any of its names: `-o` or `--output`) is on a page that documents its command."""
    pages = [p.read_text(encoding="utf-8") for p in PAGES]
    pages = [t for t in pages if re.search(_pattern(words), t)]
    missing = [
        names[-1]
        for names in options
        if not any(re.search(r"(?<![\w-])" + re.escape(o) + r"(?![\w-])", t) for o in names for t in pages)
    ]
    assert not missing, f"bidassist {' '.join(words)}: {missing} not documented on its page under docs/"


# --------------------------------------------------------------------------- the bid file


def test_bidfile_reference_is_current():
    """Regenerate with: bidassist bid doc -o docs/bidfile.md --force"""
    assert (DOCS / "bidfile.md").read_text(encoding="utf-8") == render_markdown()


def _documented_bidfile_keys() -> set[str]:
    """Key paths parsed from docs/bidfile.md: a `## `path`` heading, then `| `key` |` rows."""
    keys, path = set(), None
    for line in (DOCS / "bidfile.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#{2,3} (?:`([\w.]+)`|(distribution)\b)", line)
        if heading:
            path = heading.group(1) or heading.group(2)
        row = re.match(r"\| `(\w+)` \|", line)
        if row and path:
            keys.add(f"{path}.{row.group(1)}")
    return keys


def test_every_bidfile_key_is_documented_with_a_description():
    assert _documented_bidfile_keys() == key_paths()
    undescribed = [f"{s.path}.{r.key}" for s in sections() for r in s.rows if not r.description.strip()]
    assert not undescribed, f"bid-file keys without a description (Field(description=...)): {undescribed}"


def test_the_key_resolver_knows_keys_from_typos():
    assert is_key(["pricing", "competitors", "history", "file"])
    assert is_key(["costs", "spread", "设备", "low"]) and is_key(["tender", "bill_map", "0105"])
    assert not is_key(["pricing", "competitor"]) and not is_key(["offer", "price", "total"])
    assert not is_key(["costs", "spread", "设备", "mid"])


def _yaml_keys(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, str(key))
            yield from _yaml_keys(value, (*path, str(key)))
    elif isinstance(node, list):
        for item in node:
            yield from _yaml_keys(item, path)


def _bid_yaml_blocks(text: str):
    """Fenced YAML blocks whose top-level keys are all bid-file sections."""
    for block in re.findall(r"```ya?ml\n(.*?)```", text, flags=re.S):
        data = yaml.safe_load(block)
        if isinstance(data, dict) and data and set(data) <= set(SECTIONS):
            yield data


KEY_PATH = re.compile(r"(?<![\w/.-])((?:" + "|".join(SECTIONS) + r")(?:\.\w+)+)")


def _dotted_keys(text: str):
    """`pricing.policy.min_margin`-style key paths in code spans (file names such as contract.docx
    are not keys)."""
    for span in re.findall(r"`([^`\n]+)`", text):
        for m in KEY_PATH.finditer(span):
            parts = m.group(1).split(".")
            if parts[-1] in {"docx", "pdf", "yaml", "yml", "xlsx", "json", "csv", "md", "txt", "html", "db"}:
                continue
            yield tuple(parts)


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.name)
def test_no_documented_bidfile_key_is_unknown(page):
    text = page.read_text(encoding="utf-8")
    found = {k for block in _bid_yaml_blocks(text) for k in _yaml_keys(block)} | set(_dotted_keys(text))
    unknown = sorted(".".join(k) for k in found if not is_key(list(k)))
    assert not unknown, f"{page.name} documents bid-file keys that do not exist: {unknown}"


def test_the_example_bid_file_and_the_pricing_keys_are_checked():
    """The key check really reads the pages: the pricing page's YAML and the example's sections."""
    pricing = (DOCS / "pricing.md").read_text(encoding="utf-8")
    keys = {k for block in _bid_yaml_blocks(pricing) for k in _yaml_keys(block)}
    assert ("pricing", "competitors", "history", "p_lowest_not_awarded") in keys


# --------------------------------------------------------------------------- links and paths

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
TOP_LEVEL = sorted(p.name for p in ROOT.iterdir() if not p.name.startswith(".") or p.name == ".ci")


def _slug(heading: str) -> str:
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    return {_slug(h) for h in re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), flags=re.M)}


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.name)
def test_links_point_inside_the_repository(page):
    bad = []
    prose = re.sub(r"```.*?```|`[^`\n]*`", "", page.read_text(encoding="utf-8"), flags=re.S)
    for target in LINK.findall(prose):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto: not files
        file, _, anchor = target.partition("#")
        dest = (page.parent / file).resolve() if file else page
        if not dest.is_relative_to(ROOT) or not dest.exists():
            bad.append(target)
        elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
            bad.append(target)
    assert not bad, f"{page.name}: links to missing files or anchors, or outside the repository: {bad}"


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.name)
def test_paths_in_code_spans_exist_in_the_repository(page):
    """`benchmarks/bench_costs.py`, `checklists/zh/payment.yaml`: a path into the repository exists;
    nothing points outside it (`../shared/…`, `/work/…`)."""
    text = page.read_text(encoding="utf-8")
    bad = []
    for span in re.findall(r"`([^`\n]+)`", text):
        for token in span.split():
            if token.startswith(("../", "/work/", "shared/")):
                bad.append(token)
            elif token.split("/")[0] in TOP_LEVEL and "/" in token and not re.search(r"[*<>{}|…]", token):
                if not (ROOT / token.rstrip(".,;:)")).exists():
                    bad.append(token)
    bad += re.findall(r"(?:\.\./shared/|/work/)\S*", text)  # in fenced blocks too
    assert not bad, f"{page.name}: paths that are not in the repository: {bad}"


def test_the_readme_python_example_runs(monkeypatch):
    """The README's library example is code that works (run from the checkout's root)."""
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
