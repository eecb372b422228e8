"""Attack cases on bid files (`bidassist bid validate`, `price`), competitor history, waivers and
rule packs."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from builders import LAUGHS, cost_book, laughs_yaml
from hostile_kit import EXAMPLE, assert_refused, run, run_limited, snapshot

BASE = yaml.safe_load((EXAMPLE / "bid.yaml").read_text(encoding="utf-8"))


def _write_bid(work: Path, data: dict, name: str = "evil.yaml", raw: dict | None = None) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    for marker, value in (raw or {}).items():
        text = text.replace(f"'{marker}'", value).replace(marker, value)
    (work / name).write_text(text, encoding="utf-8")
    return name


def _set(data: dict, path: tuple, value: object) -> dict:
    data = copy.deepcopy(data)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def _dotted(path: tuple) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else p for p in path).replace(".[", "[")


NAN, INF = float("nan"), float("inf")
#: (key path, value): every number finite and within its documented bound
NUMBERS = [
    (("pricing", "iterations"), 10**12),
    (("pricing", "iterations"), -5),
    (("pricing", "iterations"), 1.5e12),
    (("pricing", "seed"), -1),
    (("pricing", "seed"), 2**70),
    (("pricing", "overhead"), NAN),
    (("pricing", "overhead"), INF),
    (("pricing", "overhead"), 1e300),
    (("pricing", "overhead"), 2),
    (("pricing", "management_fee"), -INF),
    (("pricing", "vat", "rate"), NAN),
    (("pricing", "vat", "rate"), 5),
    (("pricing", "risks", 0, "probability"), NAN),
    (("pricing", "risks", 0, "probability"), 1.5),
    (("pricing", "risks", 0, "impact", "high"), INF),
    (("pricing", "risks", 0, "impact", "low"), -1e300),
    (("pricing", "risks", 1, "impact", "low"), NAN),
    (("pricing", "correlation", "within_category"), NAN),
    (("pricing", "payment_terms", "advance"), NAN),
    (("pricing", "payment_terms", "annual_rate"), INF),
    (("pricing", "payment_terms", "milestones", 0, "days"), 10**15),
    (("pricing", "payment_terms", "retention", "months"), 10**9),
    (("pricing", "competitors", "count"), 10**9),
    (("pricing", "competitors", "count"), 0),
    (("pricing", "competitors", "count", "weights", 0), NAN),
    (("pricing", "competitors", "count", "values"), [10**6]),
    (("pricing", "competitors", "ratio", "high"), INF),
    (("pricing", "competitors", "ratio", "mode"), NAN),
    (("pricing", "competitors", "ratio", "low"), 1e300),
    (("pricing", "evaluation", "price_weight"), NAN),
    (("pricing", "evaluation", "our_other_points"), 1e300),
    (("pricing", "evaluation", "sme_deduction"), INF),
    (("pricing", "evaluation", "competitor_other_points", "sd"), INF),
    (("pricing", "policy", "min_margin"), NAN),
    (("pricing", "policy", "max_loss_probability"), INF),
    (("pricing", "bid_cost"), "1" * 31),
    (("pricing", "bid_cost"), NAN),
    (("tender", "bid_bond"), "1" * 31),
    (("tender", "ceiling_price"), "9" * 29),
    (("tender", "ceiling_price"), -INF),
    (("tender", "bid_validity_days"), 10**12),
    (("tender", "warranty_months"), -1),
    (("offer", "price"), "12345678901234567890123456789"),
    (("offer", "price"), "1e400"),
    (("offer", "price"), NAN),
    (("offer", "price"), "¥-5"),
    (("offer", "duration_days"), 10**10),
    (("costs", "spread", "设备", "high"), INF),
    (("costs", "spread", "设备", "low"), -5),
]


@pytest.mark.parametrize("path,value", NUMBERS, ids=[f"{_dotted(p)}={v!r}"[:40] for p, v in NUMBERS])
def test_bad_numbers_name_the_key_and_line(path, value, work):
    name = _write_bid(work, _set(BASE, path, value))
    res = run(["bid", "validate", name], work)
    assert_refused(res, f"{name}:", lines=None, words=_dotted(path))


DATES = ["2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "9999-99-99", "2026-12-15 25:61:00"]


@pytest.mark.parametrize("date", DATES)
@pytest.mark.parametrize("key", [("tender", "deadline"), ("offer", "date")], ids=["deadline", "offer-date"])
def test_impossible_dates_name_the_key(date, key, work):
    name = _write_bid(work, _set(BASE, key, "DATE"), raw={"DATE": date})
    res = run(["bid", "validate", name], work)
    assert_refused(res, f"{name}:", lines=None, words=_dotted(key))


YAML_ATTACKS = {
    "laughs": laughs_yaml(),
    "laughs-wide": laughs_yaml(4, 60),
    "laughs-in-bid": yaml.safe_dump(BASE, allow_unicode=True) + laughs_yaml().replace("l", "x_l"),
    "deep-flow": "tender: " + "[" * 900 + "]" * 900 + "\n",
    "deep-map": "tender: " + "{a: " * 500 + "1" + "}" * 500 + "\n",
    "deep-block": "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v: 1\n",
    "huge-int": "tender:\n  bid_validity_days: " + "9" * 30_000 + "\n",
    "huge-float": "pricing:\n  overhead: " + "1." + "0" * 30_000 + "1\n",
    "tab-indent": "tender:\n\tname: x\n",
    "duplicate-key": "tender: {name: a}\ntender: {name: b}\n",
    "not-a-mapping": "- a\n- b\n",
    "scalar": "just text\n",
    "python-tag": "tender: !!python/object/apply:os.system ['echo owned']\n",
    "binary": "\x00\x01\x02" * 100,
    "unknown-key": yaml.safe_dump({**BASE, "tender2": {}}, allow_unicode=True),
    "unterminated": "tender: {name: 'x\n",
    "dtd-xml-in-yaml": LAUGHS + "<a>&lol9;</a>\n",
    "anchor-merge-loop": "a: &a {b: 1}\nc:\n  <<: [*a, *a, *a]\n",
}


@pytest.mark.parametrize("name", list(YAML_ATTACKS))
def test_hostile_yaml_is_refused(name, work):
    mode = "wb" if name == "binary" else "w"
    with open(work / "evil.yaml", mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as fh:
        fh.write(YAML_ATTACKS[name].encode() if mode == "wb" else YAML_ATTACKS[name])
    res = run(["bid", "validate", "evil.yaml"], work)
    assert_refused(res, "evil.yaml", lines=None)
    assert "owned" not in res.out


def test_alias_bomb_under_limits(work):
    (work / "evil.yaml").write_text(laughs_yaml(), encoding="utf-8")
    res = run_limited(["bid", "validate", "evil.yaml"], work)
    assert_refused(res, "evil.yaml", lines=None)


def test_utf16_bid_file_is_read(work):
    (work / "b16.yaml").write_text((EXAMPLE / "bid.yaml").read_text(encoding="utf-8"), encoding="utf-16")
    res = run(["bid", "validate", "b16.yaml"], work)
    assert res.code == 0, res.err


@pytest.mark.parametrize(
    "args,place",
    [
        (["--iterations", "1000000000000"], "--iterations"),
        (["--iterations", "0"], "--iterations"),
        (["--seed", "-1"], "--seed"),
        (["--seed", str(2**70)], "--seed"),
        (["--format", "xml"], "--format"),
    ],
)
def test_price_options_are_bounded(args, place, work):
    res = run(["price", "bid.yaml", *args], work)
    assert_refused(res, place)


# --------------------------------------------------------------------------- competitor history

HISTORY_HEAD = "tender,bidder,price,estimate,winner,year\n"
HISTORIES = {
    "nan-price": HISTORY_HEAD + "T1,A,nan,100,,2024\n",
    "inf-price": HISTORY_HEAD + "T1,A,inf,100,,2024\n",
    "huge-price": HISTORY_HEAD + "T1,A,1" + "0" * 40 + ",100,,2024\n",
    "30000-digits": HISTORY_HEAD + "T1,A," + "1" * 30_000 + ",100,,2024\n",
    "negative": HISTORY_HEAD + "T1,A,-100,100,,2024\n",
    "nan-estimate": HISTORY_HEAD + "T1,A,100,nan,,2024\n",
    "no-columns": "a,b\n1,2\n",
    "empty": "",
    "binary": "\x00\x01" * 100,
}


def _history_bid(work: Path, file: str) -> str:
    data = _set(BASE, ("pricing", "competitors"), {"count": 3, "history": {"file": file}})
    return _write_bid(work, data, "hbid.yaml")


@pytest.mark.parametrize("name", list(HISTORIES))
def test_hostile_history_is_refused(name, work):
    (work / "past.csv").write_text(HISTORIES[name], encoding="utf-8")
    bid = _history_bid(work, "past.csv")
    res = run(["price", bid, "--iterations", "2000"], work)
    assert_refused(res, "past.csv", lines=None)


@pytest.mark.parametrize("kind", ["dtd", "docx-renamed", "garbage"])
def test_hostile_history_workbook_is_refused(kind, work):
    from builders import member, patch_zip, with_prolog

    book = cost_book(work / "base.xlsx")
    if kind == "dtd":
        part = "xl/worksheets/sheet1.xml"
        patch_zip(book, work / "past.xlsx", {part: with_prolog(member(book, part), LAUGHS)})
    elif kind == "docx-renamed":
        from builders import contract_docx

        contract_docx(work / "past.xlsx")
    else:
        (work / "past.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    bid = _history_bid(work, "past.xlsx")
    res = run(["price", bid, "--iterations", "2000"], work)
    assert_refused(res, "past.xlsx", lines=None)


# --------------------------------------------------------------------------- waivers

WAIVERS = {
    "laughs": laughs_yaml(),
    "deep": "waivers: " + "[" * 900 + "]" * 900 + "\n",
    "not-a-list": "waivers: 5\n",
    "unknown-key": "waivers:\n  - {rule: zh.payment.back_to_back, text: x, reason: y, by: z, evil: 1}\n",
    "binary": "\x00\x01" * 50,
    "wrong-types": "waivers:\n  - {rule: [1, 2], text: {a: 1}}\n",
}


@pytest.mark.parametrize("name", list(WAIVERS))
def test_hostile_waivers_are_refused(name, work):
    (work / "w.yaml").write_text(WAIVERS[name], encoding="utf-8")
    before = snapshot(work)
    res = run(["check", "contract.docx", "--waivers", "w.yaml"], work)
    assert_refused(res, "w.yaml", lines=None)
    assert snapshot(work) == before


# --------------------------------------------------------------------------- rule packs

PACK = (
    "pack: evil\nlanguage: zh\ndescription: x\nrules:\n"
    "  - id: zh.evil.rule\n    category: payment.back_to_back\n    severity: high\n"
    "    keywords: [付款]\n    any:\n      - '{pattern}'\n"
    "    message: {{zh: x, en: x}}\n    basis: x\n    fallback: {{zh: x, en: x}}\n"
)
PATTERNS = [
    "(付款+)+$",
    "(\\\\s*,\\\\s*)+$",
    "(a+)+b",
    "(.{0,100}){0,100}",
    "([^。]*)*后",
    "(\\\\w+)*x",
    "x" * 3000,
    "(unclosed",
    "[unclosed",
]


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p[:16] for p in PATTERNS])
def test_hostile_rule_pack_is_refused_at_load(pattern, work):
    (work / "packs").mkdir()
    (work / "packs" / "evil.yaml").write_text(PACK.format(pattern=pattern), encoding="utf-8")
    res = run(["check", "contract.docx", "--packs", "packs"], work)
    assert_refused(res, "evil.yaml:10", lines=None, words="rules[0].any[0]")


@pytest.mark.parametrize(
    "name,text",
    [("laughs", laughs_yaml()), ("deep", "rules: " + "[" * 900 + "]" * 900), ("binary", "\x00" * 64)],
)
def test_hostile_rule_pack_yaml_is_refused(name, text, work):
    (work / "packs").mkdir()
    (work / "packs" / "evil.yaml").write_text(text, encoding="utf-8")
    res = run(["check", "contract.docx", "--packs", "packs"], work)
    assert_refused(res, "evil.yaml", lines=None)
