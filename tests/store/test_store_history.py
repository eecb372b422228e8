"""History import (the Texas school-milk file, all lettings), its idempotence, bad rows, and the
competitor model fitted from the store exactly as from the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bidassist.core.bidfile import History
from bidassist.core.errors import ProblemsError
from bidassist.pricing.competitors import fit_history, load_history, load_store_history
from bidassist.store import open_store
from bidassist.store.admin import table_counts
from bidassist.store.history_import import import_history
from bidassist.store.names import name_key
from bidassist.store.queries import Filters, history_rows, list_competitors

from .conftest import TEXAS, needs_texas

TEXAS_MAP = {"buyer": "district"}
TEXAS_SET = {"category": "school milk", "currency": "USD"}

pytestmark = [needs_texas, pytest.mark.slow]  # CLI and PostgreSQL round trips: .ci/run's slow step


def _texas(store):
    return import_history(store, TEXAS, mapping=TEXAS_MAP, constants=TEXAS_SET)


@pytest.fixture
def texas_store(db_url):
    with open_store(db_url, create=True) as store:
        first = _texas(store)
        yield store, first


def test_texas_import_all_lettings_then_again_changes_nothing(texas_store):
    store, first = texas_store
    assert (first.added, first.updated, first.skipped, first.tenders_added) == (4226, 0, 0, 1475)
    assert first.competitors_added == 35  # 36 names in the file, one row has none
    counts = table_counts(store)
    again = _texas(store)
    assert (again.added, again.updated, again.skipped, again.tenders_added) == (0, 0, 4226, 0)
    assert table_counts(store) == counts


def test_changed_row_is_updated_not_duplicated(texas_store, tmp_path):
    store, _ = texas_store
    lines = TEXAS.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("0.14042", "0.14043")
    changed = tmp_path / TEXAS.name
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = table_counts(store)
    report = import_history(store, changed, mapping=TEXAS_MAP, constants=TEXAS_SET)
    assert (report.added, report.updated, report.skipped) == (0, 1, 4225)
    assert table_counts(store)["bids"] == counts["bids"]


def test_store_fit_equals_file_fit(texas_store):
    store, _ = texas_store
    spec_file = History(file=TEXAS, reference="median", half_life_years=5)
    from_file = fit_history(load_history(TEXAS), spec_file)
    spec_db = History(
        db=store.where if store.backend == "sqlite" else str(store.url.render_as_string(False)),
        reference="median",
        half_life_years=5,
    )
    from_store = fit_history(load_store_history(spec_db), spec_db)
    assert from_store.summary() == from_file.summary()
    assert from_store.counts == from_file.counts and from_store.participation == from_file.participation
    assert from_store.warnings == from_file.warnings


def test_store_rows_are_the_file_rows(texas_store):
    store, _ = texas_store
    file_rows = [vars(b) for b in load_history(TEXAS)]
    store_rows = [{k: row[k] for k in file_rows[0]} for row in history_rows(store, Filters())]
    named = [
        (a, b) for a, b in zip(file_rows, store_rows, strict=True) if not a["bidder"].startswith("(unnamed")
    ]
    assert len(named) == len(file_rows) - 1
    assert all(a == b for a, b in named)


def test_filters_buyer_category_since(texas_store):
    store, _ = texas_store
    austin = history_rows(store, Filters(buyer="Austin"))
    file_austin = [b for b in load_history(TEXAS) if b.tender.startswith("AUSTIN|")]
    assert len(austin) == len(file_austin) > 0
    from datetime import date

    later = history_rows(store, Filters(buyer="austin", since=date(1985, 1, 1)))
    assert 0 < len(later) < len(austin) and all(r["year"] >= 1985 for r in later)
    assert history_rows(store, Filters(category="SCHOOL MILK")) == history_rows(store, Filters())
    assert history_rows(store, Filters(category="bread")) == []


def test_bad_rows_named_by_file_and_row_and_nothing_imported(db_url, tmp_path):
    bad = tmp_path / "bids.csv"
    bad.write_text(
        "tender,bidder,price,status\nT1,ACME,100,won\nT1,BETA,abc,lost\n,GAMMA,90,lost\n"
        "T2,ACME,-5,lost\nT2,BETA,95,maybe\n",
        encoding="utf-8",
    )
    with open_store(db_url, create=True) as store:
        counts = table_counts(store)
        with pytest.raises(ProblemsError) as err:
            import_history(store, bad)
        wheres = [p.where for p in err.value.problems]
        assert wheres == ["bids.csv:3", "bids.csv:4", "bids.csv:5", "bids.csv:6"]
        assert table_counts(store) == counts
        report = import_history(store, bad, skip_bad=True)
        assert report.added == 1 and len(report.bad) == 4


def test_failed_import_leaves_the_store_as_it_was(texas_store, tmp_path):
    store, _ = texas_store
    counts = table_counts(store)
    # a letting already in the store for AUSTIN, said to be another buyer's: found mid-import
    conflict = tmp_path / "conflict.csv"
    conflict.write_text(
        "tender,buyer,bidder,price\nNEW|1,DALLAS,ACME,1\nAUSTIN|79|6-12,DALLAS,ACME,1\n", encoding="utf-8"
    )
    with pytest.raises(ProblemsError, match="is recorded for buyer .AUSTIN."):
        import_history(store, conflict)
    assert table_counts(store) == counts


def test_three_spellings_are_one_competitor(db_url, tmp_path):
    f = tmp_path / "aliases.csv"
    f.write_text(
        '招标编号,投标人,投标报价,中标\nZB-1,江南洁净空调工程有限公司,"¥9,800,000.00",是\n'
        "ZB-2,江南洁净空调工程 有限公司,9750000,否\nZB-3,Jiangnan Clean Co.  Ltd.,1.2万,否\n"
        "ZB-4,JIANGNAN CLEAN CO LTD,9900000,否\n",
        encoding="utf-8",
    )
    with open_store(db_url, create=True) as store:
        report = import_history(store, f)
        assert report.added == 4 and report.competitors_added == 2
        names = [c["name"] for c in list_competitors(store, Filters())]
        assert names == ["Jiangnan Clean Co. Ltd.", "江南洁净空调工程有限公司"] or len(names) == 2
    assert name_key("Jiangnan Clean Co., Ltd.") == name_key("JIANGNAN CLEAN CO LTD")
    assert name_key("江南洁净空调工程有限公司") == name_key("江南洁净空调工程 有限公司")


def test_xlsx_import_with_letter_mapping(db_url, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目", "单位名称", "报价（元）", "结果", "开标日期"])
    ws.append(["ZB-9", "甲公司", 1234567.89, "中标", "2024-03-05"])
    ws.append(["ZB-9", "乙公司", 1250000, "未中标", "2024-03-05"])
    path = tmp_path / "opening.xlsx"
    wb.save(path)
    with open_store(db_url, create=True) as store:
        report = import_history(store, path, mapping={"bidder": "B", "price": "C"})
        assert report.added == 2
        rows = history_rows(store, Filters(since=__import__("datetime").date(2024, 1, 1)))
        assert [r["price"] for r in rows] == [1234567.89, 1250000.0] and rows[0]["won"]


def test_unknown_buyer_filter_is_a_clear_error(texas_store):
    store, _ = texas_store
    with pytest.raises(Exception, match="no customer 'Houstonn'"):
        history_rows(store, Filters(buyer="Houstonn"))


def test_history_spec_needs_file_or_db(tmp_path: Path):
    with pytest.raises(ValueError, match="either file"):
        History(reference="median")
    with pytest.raises(ValueError, match="filter the store"):
        History(file=TEXAS, buyer="AUSTIN")
