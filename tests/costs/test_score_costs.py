"""The corpus scoring script on a small manifest built here: each outcome counted as specified."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import yaml
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    spec = importlib.util.spec_from_file_location("score_costs", ROOT / "benchmarks" / "score_costs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_costs"] = module
    spec.loader.exec_module(module)
    return module


def _book(path: Path, rows: list[list]) -> None:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)


def test_score_counts_each_outcome(tmp_path: Path, capsys) -> None:
    _book(
        tmp_path / "good.xlsx",
        [["名称", "数量", "单价", "合价"], ["泵", 2, 100, 200], ["合计", None, None, 200]],
    )
    _book(tmp_path / "words.xlsx", [["投标人名单"], ["某公司"], ["另一公司"]])
    entries = [
        {
            "id": "good",
            "file": "good.xlsx",
            "split": "dev",
            "expect": "import",
            "lines": 1,
            "lines_total": "200",
            "stated_total": "200",
        },
        {
            "id": "wrong",
            "file": "good.xlsx",
            "split": "dev",
            "expect": "import",
            "lines": 1,
            "lines_total": "400",
        },
        {
            "id": "refuse",
            "file": "words.xlsx",
            "split": "dev",
            "expect": "refuse",
            "refuse_reason": "a bidder list",
        },
        {
            "id": "held",
            "file": "good.xlsx",
            "split": "heldout",
            "expect": "import",
            "lines": 1,
            "lines_total": "200",
        },
    ]
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    script = _load_script()
    assert script.main(["--corpus", str(tmp_path), "--manifest", str(manifest), "--split", "all"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "split dev: 3 workbooks — right 2 (67 %): correct 1, refused rightly 1; silently wrong 1, "
        "crashes 0, other misses 0"
    )
    assert out[1].startswith("  silently wrong  wrong: 1 lines, total 200.00; expected 1 lines, 400")
    assert out[2].startswith("split heldout: 1 workbooks — right 1 (100 %)")


def test_heldout3_split_is_scored_on_its_own(tmp_path: Path, capsys) -> None:
    _book(
        tmp_path / "good.xlsx",
        [["名称", "数量", "单价", "合价"], ["泵", 2, 100, 200], ["合计", None, None, 200]],
    )
    entries = [
        {
            "id": "d",
            "file": "good.xlsx",
            "split": "dev",
            "expect": "import",
            "lines": 1,
            "lines_total": "200",
        },
        {"id": "h3", "file": "good.xlsx", "split": "heldout3", "expect": "refuse", "refuse_reason": "test"},
    ]
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    script = _load_script()
    assert script.main(["--corpus", str(tmp_path), "--manifest", str(manifest), "--split", "heldout3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "split heldout3: 1 workbooks — right 0 (0 %): correct 0, refused rightly 0; silently wrong 1, "
        "crashes 0, other misses 0"
    )
    # a non-zero total from a workbook that must be refused is a number a user could bid with
    assert out[1].startswith("  silently wrong  h3: imported (1 lines, 200.00) but should be refused: test")


def test_wan_figures_and_acceptable_refusals(tmp_path: Path, capsys) -> None:
    """`amount_unit: 万元` entries are right in yuan too; an `acceptable_refusal` entry refused with
    the sheet named counts as refused rightly, one whose refusal names no sheet of it does not."""
    (tmp_path / "wan.csv").write_text("名称,数量,单价,合价\n设计,1,2万,2万\n,合计,,2万\n", encoding="utf-8")
    _book(tmp_path / "nohead.xlsx", [["门", 8100, None, 6500], ["地板", 6000, None, 4000]])
    base = {"split": "dev", "expect": "import", "lines": 1}
    entries = [
        {**base, "id": "wan", "file": "wan.csv", "lines_total": "2.00", "amount_unit": "万元"},
        {
            **base,
            "id": "ok",
            "file": "nohead.xlsx",
            "lines_total": "14100",
            "sheets": {"Sheet": "detail"},
            "acceptable_refusal": "no header",
        },
        {
            **base,
            "id": "other",
            "file": "nohead.xlsx",
            "lines_total": "14100",
            "sheets": {"Costs": "detail"},
            "acceptable_refusal": "no header",
        },
    ]
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    script = _load_script()
    assert script.main(["--corpus", str(tmp_path), "--manifest", str(manifest), "--split", "dev"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "split dev: 3 workbooks — right 2 (67 %): correct 1, refused rightly 1; silently wrong 0, "
        "crashes 0, other misses 1"
    )
    assert out[1].startswith("  miss            other: refused:")


def test_heldout4_split_is_scored_alone_and_in_all(tmp_path: Path, capsys) -> None:
    """The fourth held-out set is a split of its own and is part of `all`, after heldout3."""
    _book(
        tmp_path / "good.xlsx",
        [["名称", "数量", "单价", "合价"], ["泵", 2, 100, 200], ["合计", None, None, 200]],
    )
    good = {"file": "good.xlsx", "expect": "import", "lines": 1, "lines_total": "200", "stated_total": "200"}
    entries = [{**good, "id": "h3", "split": "heldout3"}, {**good, "id": "h4", "split": "heldout4"}]
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    script = _load_script()
    args = ["--corpus", str(tmp_path), "--manifest", str(manifest), "--split"]
    assert script.main([*args, "heldout4"]) == 0
    alone = capsys.readouterr().out.splitlines()
    assert alone == [
        "split heldout4: 1 workbooks — right 1 (100 %): correct 1, refused rightly 0; silently wrong 0, "
        "crashes 0, other misses 0"
    ]
    assert script.main([*args, "all"]) == 0
    both = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in both] == ["split heldout3", "split heldout4"]


def test_zero_amount_lines_counted_differently_are_a_miss_not_a_wrong_figure(tmp_path: Path, capsys) -> None:
    """A right total whose line count differs only by the manifest's zero-amount lines is a miss;
    a count off by more than those, or with no zero-amount lines expected, stays silently wrong."""
    _book(
        tmp_path / "opts.xlsx",
        [["名称", "数量", "单价", "合价"], ["泵", 2, 100, 200], ["合计", None, None, 200]],
    )
    base = {"split": "dev", "expect": "import", "file": "opts.xlsx", "lines_total": "200"}
    entries = [
        {**base, "id": "zero", "lines": 3, "lines_zero_amount": 2},
        {**base, "id": "more", "lines": 4, "lines_zero_amount": 2},
        {**base, "id": "none", "lines": 2},
    ]
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    script = _load_script()
    assert script.main(["--corpus", str(tmp_path), "--manifest", str(manifest), "--split", "dev"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "split dev: 3 workbooks — right 0 (0 %): correct 0, refused rightly 0; silently wrong 2, "
        "crashes 0, other misses 1"
    )
    detail = "\n".join(out[1:])
    assert "zero: right total, but 1 lines where 3 are expected (zero-amount lines differ)" in detail
    assert "more: 1 lines, total 200.00; expected 4 lines, 200" in detail
    assert "none: 1 lines, total 200.00; expected 2 lines, 200" in detail
