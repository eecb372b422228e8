"""The shipped rule packs and vocabulary are parsed by libyaml (core/yamlfile.py) exactly as the
pure parser reads them, with the same refusals; every other file stays with the pure parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from bidassist.core import yamlfile
from bidassist.core.errors import InputError
from bidassist.core.resources import package_path
from bidassist.core.yamlfile import MAX_ALIASES, MAX_DEPTH, load_yaml, parse_yaml, shipped

SHIPPED = sorted(package_path("checklists").rglob("*.yaml"))
needs_libyaml = pytest.mark.skipif(yamlfile._CLoader is None, reason="PyYAML without libyaml")


def _typed(x: object) -> object:
    """The value with every scalar's type beside it (1 and 1.0 and True differ)."""
    if isinstance(x, dict):
        return {(type(k).__name__, k): _typed(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_typed(v) for v in x]
    return (type(x).__name__, x)


@needs_libyaml
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shipped_file_reads_the_same_with_libyaml(path: Path) -> None:
    assert shipped(path)
    text = path.read_text(encoding="utf-8")
    pure, fast = parse_yaml(text, str(path)), parse_yaml(text, str(path), trusted=True)
    assert _typed(fast.data) == _typed(pure.data)
    assert list(fast.data) == list(pure.data)  # key order too
    assert fast.lines == pure.lines
    assert load_yaml(path).lines == pure.lines


def test_other_files_are_not_trusted(tmp_path: Path) -> None:
    f = tmp_path / "pack.yaml"
    f.write_text("a: 1\n", encoding="utf-8")
    assert not shipped(f)
    assert not shipped(Path("examples/hospital/bid.yaml"))


BAD = {
    "duplicate": ("a: 1\nb: 2\na: 3\n", "duplicate key 'a'"),
    "deep": ("x: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", "nested more than"),
    "aliases": (
        "a: &x [1]\n" + "".join(f"b{i}: *x\n" for i in range(MAX_ALIASES + 1)),
        "aliases (*name)",
    ),
    "syntax": ("a: [1, 2\nb: 3\n", "YAML syntax"),
}


@needs_libyaml
@pytest.mark.parametrize("name", sorted(BAD))
def test_libyaml_refuses_what_the_pure_parser_refuses(name: str) -> None:
    text, message = BAD[name]
    for trusted in (False, True):
        with pytest.raises(InputError) as info:
            parse_yaml(text, "f.yaml", trusted=trusted)
        assert message in info.value.message and str(info.value.where).startswith("f.yaml:")


@needs_libyaml
def test_libyaml_keeps_lenient_scalars() -> None:
    text = "d: 2026-02-30\nn: 1" + "0" * 50 + "\nf: 1.5\ni: 7\n"
    assert parse_yaml(text, "f.yaml", trusted=True).data == parse_yaml(text, "f.yaml").data
