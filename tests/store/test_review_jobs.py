"""`check DIR --jobs N`: the same files, findings and store records with one worker or two, in
the folder's order, whether the workers are forked (inheriting the parent's packs) or spawned."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bidassist.checklist import check_contract, load_packs
from bidassist.store import open_store, review, workers
from bidassist.store.admin import export_json
from bidassist.store.review import review_folder
from bidassist.store.workers import MAX_CHUNK, chunked, largest_first, pool_context

from .conftest import ROOT

CORPUS = ROOT / "benchmarks" / "corpora" / "contracts"
#: real corpus contracts, both languages, .txt and .md
SAMPLE = ["zh/zh-001.txt", "zh/zh-002.txt", "zh/zh-003.txt", "en/en-001.txt", "en/en-006.md", "en/en-007.md"]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    into = tmp_path / "contracts"
    into.mkdir()
    for name in SAMPLE:
        shutil.copy(CORPUS / name, into)
    (into / "broken.docx").write_bytes(b"PK\x03\x04 not really a docx")
    return into


def batch(folder: Path, db: Path, jobs: int) -> tuple[list[tuple], list[tuple]]:
    """Each file's line of the batch, and the findings the store recorded per file (no row ids)."""
    items = review_folder(folder, db=str(db), record=True, jobs=jobs)
    lines = [(i.path.name, i.customer, i.findings, i.by_severity, i.error) for i in items]
    with open_store(str(db)) as store:
        data = json.loads(export_json(store))
    names = {c["id"]: c["file_name"] for c in data["contracts"]}
    rows = sorted(
        (names[f["contract_id"]], *(str(v) for k, v in sorted(f.items()) if k not in ("id", "contract_id")))
        for f in data["contract_findings"]
    )
    return lines, rows


def test_two_jobs_give_the_findings_and_records_of_one(folder: Path, tmp_path: Path):
    lines1, rows1 = batch(folder, tmp_path / "one.db", jobs=1)
    lines2, rows2 = batch(folder, tmp_path / "two.db", jobs=2)
    assert lines2 == lines1
    assert rows2 == rows1
    assert [line[0] for line in lines1] == sorted(p.name for p in folder.iterdir())  # the folder's order
    broken = [line for line in lines1 if line[0] == "broken.docx"]
    assert broken[0][4] and broken[0][2] == 0  # reported with its error, the batch went on
    rules = load_packs()
    for name in SAMPLE:
        path = folder / Path(name).name
        alone = check_contract(path, rules).to_json()
        [line] = [line for line in lines1 if line[0] == path.name]
        assert line[2] == len(alone["findings"]) > 0 and line[3] == alone["summary"]["by_severity"]
        assert len([r for r in rows1 if r[0] == path.name]) == len(alone["findings"])


def test_linux_forks_so_workers_inherit_the_loaded_packs():
    method = pool_context().get_start_method()
    assert method == ("fork" if sys.platform.startswith("linux") else "spawn")
    assert workers.shipped_rules() is workers.shipped_rules()  # loaded once per process


@pytest.mark.slow  # spawned workers import bidassist and load the packs themselves
def test_spawned_workers_give_the_same_findings(folder: Path, tmp_path: Path, monkeypatch):
    forked = batch(folder, tmp_path / "fork.db", jobs=2)
    monkeypatch.setattr(review, "pool_context", lambda: multiprocessing.get_context("spawn"))
    assert batch(folder, tmp_path / "spawn.db", jobs=2) == forked


@given(st.integers(0, 300), st.integers(1, 16))
def test_chunks_keep_every_file_in_order(count: int, jobs: int):
    files = [Path(f"c{i:04d}.txt") for i in range(count)]
    chunks = chunked(files, jobs)
    assert [p for c in chunks for p in c] == files
    assert all(0 < len(c) <= MAX_CHUNK for c in chunks)
    assert len(chunks) >= min(count, jobs)  # every worker gets work while there is enough


def test_largest_chunks_go_first(tmp_path: Path):
    files = []
    for i, size in enumerate([10, 5000, 300, 300, 70000, 1]):
        files.append(tmp_path / f"c{i}.txt")
        files[-1].write_text("x" * size, encoding="utf-8")
    chunks = chunked(files, 2)
    ordered = largest_first(chunks)
    assert sorted(map(tuple, ordered)) == sorted(map(tuple, chunks))  # the same chunks, reordered
    sizes = [sum(p.stat().st_size for p in c) for c in ordered]
    assert sizes == sorted(sizes, reverse=True) and files[4] in ordered[0]


def test_a_folder_is_recorded_through_one_store(folder: Path, tmp_path: Path, monkeypatch):
    """The batch opens its store once for all its files (each opening checks the schema), and the
    records are the same with two workers."""
    opened: list[object] = []
    real = review.open_store

    def counting(*args, **kwargs):
        opened.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(review, "open_store", counting)
    lines, rows = batch(folder, tmp_path / "one.db", jobs=1)
    assert len(opened) == 1
    assert sum(1 for line in lines if line[-1] is None) == len(SAMPLE)
    monkeypatch.setattr(review, "open_store", real)
    assert (lines, rows) == batch(folder, tmp_path / "two.db", jobs=2)


def test_a_store_folder_that_cannot_be_made_fails_each_file_with_its_place(folder: Path):
    """--db in a folder that cannot be created: each file fails with one line naming the folder, none
    is lost, the batch goes on."""
    items = review_folder(folder, db="/proc/no-such-folder/x.db", record=True, jobs=1)
    assert all(i.error for i in items)
    read = [i for i in items if i.findings]
    assert len(read) == len(SAMPLE)
    assert all(i.error.startswith("/proc/no-such-folder: cannot create the store's folder") for i in read)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*(Path(n).name for n in SAMPLE), "broken.docx"]
    )
