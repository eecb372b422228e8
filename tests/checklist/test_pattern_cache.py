"""The compiled patterns kept between processes (checklist/patterncache.py): a pattern built from
the cache is the one re.compile makes, and a stale, corrupt or unwritable cache changes no finding."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import yaml

import bidassist.checklist.rules as rules_mod
from bidassist.checklist import check_text, literals, load_packs, patterncache
from bidassist.checklist.rules import REGEX_FLAGS, RuleSet, normalise
from bidassist.core.yamlfile import load_yaml

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "bidassist" / "checklists"


def _fresh(monkeypatch: pytest.MonkeyPatch, cache: Path | None) -> list[patterncache.PatternStore]:
    """A process with nothing loaded yet: no rule set in memory, no derived gate or start; the
    cache folder `cache` (None: none at all). Returns the list the loads' stores are added to."""
    monkeypatch.setattr(rules_mod, "_LOADED", type(rules_mod._LOADED)())
    monkeypatch.setattr(literals, "_DERIVED", {})
    monkeypatch.setattr(literals, "_STARTS", {})
    if cache is None:
        monkeypatch.setattr(patterncache, "cache_dir", lambda: None)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    stores: list[patterncache.PatternStore] = []
    real = rules_mod.open_store

    def spy(key: object) -> patterncache.PatternStore:
        stores.append(real(key))
        return stores[-1]

    monkeypatch.setattr(rules_mod, "open_store", spy)
    return stores


def _patterns(rs: RuleSet) -> list[re.Pattern]:
    out: list[re.Pattern] = []
    for r in rs.rules:
        out += [*r.any, *r.all, *r.none, *r.sentence_none, *([r.near] if r.near else [])]
    for t in rs.terms:
        out += [*t.any, *t.all, *t.none]
    return out


def _files(cache: Path) -> list[Path]:
    return sorted((cache / "bidassist").glob("patterns-*.json"))


@pytest.mark.slow
def test_shipped_patterns_from_the_cache_are_re_compiles(tmp_path: Path, monkeypatch) -> None:
    """Cold: every pattern compiled and the file written; warm: every pattern built from the file,
    equal to re.compile's (same code, so the same matches), with the same gate and start strings."""
    stores = _fresh(monkeypatch, tmp_path)
    cold = load_packs()
    assert stores[-1].misses > 1000 and stores[-1].hits == 0
    assert len(_files(tmp_path)) == 1
    cold_gates = {k: literals._DERIVED[k] for k in map(lambda p: (p.pattern, p.flags), _patterns(cold))}
    cold_starts = {k: literals._STARTS[k] for k in cold_gates}

    stores = _fresh(monkeypatch, tmp_path)
    warm = load_packs()
    assert warm is not cold
    assert stores[-1].misses == 0 and stores[-1].hits == len(stores[-1].used) > 1000  # each source once
    got, want = _patterns(warm), _patterns(cold)
    assert len(got) == len(want) > 1000
    for p, q in zip(got, want, strict=True):
        ref = re.compile(q.pattern, REGEX_FLAGS)
        assert p == ref  # flags, source and compiled code all equal
        assert (p.pattern, p.flags, p.groups, p.groupindex) == (
            ref.pattern,
            ref.flags,
            ref.groups,
            ref.groupindex,
        )
        key = (p.pattern, p.flags)
        assert literals._DERIVED[key] == cold_gates[key]
        assert literals._STARTS[key] == cold_starts[key]
    # the pack files' parsed YAML, kept in the same file: the same data (same types) and line map
    store = stores[-1]
    assert set(store.docs_used) == {str(f) for f in warm.files}
    for name in store.docs_used:
        kept, parsed = store.yaml_doc(name), load_yaml(Path(name))
        assert kept is not None and kept.lines == parsed.lines
        assert json.dumps(kept.data, sort_keys=True) == json.dumps(parsed.data, sort_keys=True)
        assert kept.data == parsed.data
    # and the same matches on the packs' own example clauses
    for r_warm, r_cold in zip(warm.rules, cold.rules, strict=True):
        texts = [normalise(t) for t in (*r_cold.rule.examples.match, *r_cold.rule.examples.no_match)]
        for p, q in zip(
            r_warm.any + r_warm.all + r_warm.none, r_cold.any + r_cold.all + r_cold.none, strict=True
        ):
            ref = re.compile(q.pattern, REGEX_FLAGS)
            for t in texts:
                assert [m.span() for m in p.finditer(t)] == [m.span() for m in ref.finditer(t)]


# ---------------------------------------------------------------------------- a small pack set

CONTRACT = "\n".join(
    [
        "第一条 甲方在收到业主支付的相应款项后十个工作日内向乙方支付。",
        "第二条 进度款按建设单位拨付进度同比例支付。",
        "第三条 甲方在验收合格后30日内支付合同价款。",
        "第四条 质保金为合同价的10%，质保期满后无息退还。",
        "5. Payment shall be made within 30 days after the Employer has been paid by the Client.",
        "6. The Contractor shall pay liquidated damages of 1% per day without cap.",
    ]
)


def _packs(tmp_path: Path) -> Path:
    """The first rules of the shipped payment and liability packs, in both languages."""
    d = tmp_path / "packs"
    d.mkdir()
    for lang in ("zh", "en"):
        for name in ("payment", "liability_penalty"):
            pack = yaml.safe_load((SHIPPED / lang / f"{name}.yaml").read_text(encoding="utf-8"))
            small = {k: pack[k] for k in ("pack", "language")} | {"rules": pack["rules"][:3]}
            text = yaml.safe_dump(small, allow_unicode=True, sort_keys=False)
            (d / f"{lang}-{name}.yaml").write_text(text, encoding="utf-8")
    return d


def _findings(rs: RuleSet) -> list:
    res = check_text(CONTRACT, rs, name="c.txt", model=False)
    return [(f.rule, f.clause, f.matched, f.text) for f in res.findings]


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[Path, list, Path]:
    """The small pack set, its findings with no cache at all, and its cache file (written cold)."""
    tmp = tmp_path_factory.mktemp("packcache")
    packs = _packs(tmp)
    with pytest.MonkeyPatch.context() as mp:
        _fresh(mp, None)
        want = _findings(load_packs([packs]))
    with pytest.MonkeyPatch.context() as mp:
        stores = _fresh(mp, tmp / "cache")
        assert _findings(load_packs([packs])) == want
        assert stores[-1].misses > 0
    (cache_file,) = _files(tmp / "cache")
    assert want, "the contract has findings"
    return packs, want, cache_file


def _setup(reference: tuple[Path, list, Path], tmp_path: Path, data: bytes) -> Path:
    """A cache folder holding `data` under the name of the reference's cache file."""
    cache = tmp_path / "cache"
    (cache / "bidassist").mkdir(parents=True)
    (cache / "bidassist" / reference[2].name).write_bytes(data)
    return cache


def test_warm_cache_gives_the_same_findings(reference, tmp_path: Path, monkeypatch) -> None:
    packs, want, cache_file = reference
    cache = _setup(reference, tmp_path, cache_file.read_bytes())
    stores = _fresh(monkeypatch, cache)
    assert _findings(load_packs([packs])) == want
    assert stores[-1].misses == 0 and stores[-1].hits > 0


def test_stale_cache_is_ignored_and_rewritten(reference, tmp_path: Path, monkeypatch) -> None:
    """A file written by another Python (its header differs) is not read; the load compiles
    every pattern and writes the file anew."""
    packs, want, cache_file = reference
    doc = json.loads(cache_file.read_text(encoding="utf-8"))
    doc["header"]["python"] = "2.7.18 (stale)"
    doc["header"]["magic"] = 1
    cache = _setup(reference, tmp_path, json.dumps(doc).encode())
    stores = _fresh(monkeypatch, cache)
    assert _findings(load_packs([packs])) == want
    assert stores[-1].hits == 0 and stores[-1].misses > 0
    assert json.loads(_files(cache)[0].read_text(encoding="utf-8"))["header"] == stores[-1].head


def test_entry_for_another_source_is_not_used(reference, tmp_path: Path, monkeypatch) -> None:
    """Entries are found by their exact source: an entry whose source was edited is a miss."""
    packs, want, cache_file = reference
    doc = json.loads(cache_file.read_text(encoding="utf-8"))
    for e in doc["entries"]:
        e[0] = e[0] + "x"
    cache = _setup(reference, tmp_path, json.dumps(doc).encode())
    stores = _fresh(monkeypatch, cache)
    assert _findings(load_packs([packs])) == want
    assert stores[-1].hits == 0


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "empty", "bad-code", "bad-entry-types", "span-out-of-bounds", "not-base64"],
)
def test_corrupt_cache_changes_no_finding(reference, tmp_path: Path, monkeypatch, damage: str) -> None:
    packs, want, cache_file = reference
    raw = cache_file.read_bytes()
    doc = json.loads(raw)
    if damage == "garbage":
        data = b"\x00\xff{not json" * 100
    elif damage == "truncated":
        data = raw[: len(raw) // 2]
    elif damage == "empty":
        data = b""
    elif damage == "bad-code":  # valid JSON and zlib, but code words _sre refuses
        size = len(zlib.decompress(base64.b64decode(doc["code"])))
        doc["code"] = base64.b64encode(zlib.compress(b"\xff\xff\xff\x7f" * (size // 4))).decode()
        data = json.dumps(doc).encode()
    elif damage == "bad-entry-types":
        for e in doc["entries"]:
            e[2], e[3], e[4] = "flags", None, ["not", "a", "dict"]
        data = json.dumps(doc).encode()
    elif damage == "span-out-of-bounds":
        for e in doc["entries"]:
            e[8] = [10**9, 5]
        data = json.dumps(doc).encode()
    else:
        doc["code"] = "!!! not base64 !!!"
        data = json.dumps(doc).encode()
    cache = _setup(reference, tmp_path, data)
    stores = _fresh(monkeypatch, cache)
    assert _findings(load_packs([packs])) == want
    assert stores[-1].hits == 0


def test_unwritable_cache_folder_is_skipped(reference, tmp_path: Path, monkeypatch) -> None:
    """XDG_CACHE_HOME names a file, so the folder cannot be made: no cache, same findings."""
    packs, want, _ = reference
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    stores = _fresh(monkeypatch, blocker)
    assert _findings(load_packs([packs])) == want
    assert stores[-1].misses > 0
    assert blocker.read_text(encoding="utf-8") == "x"


def test_newest_files_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "bidassist"
    folder.mkdir()
    for i in range(patterncache.MAX_FILES + 3):
        p = folder / f"patterns-old{i}.json"
        p.write_text("{}", encoding="utf-8")
        os.utime(p, (1000 + i, 1000 + i))
    patterncache._prune(folder)
    left = sorted(p.name for p in folder.glob("patterns-*.json"))
    assert len(left) == patterncache.MAX_FILES
    assert "patterns-old0.json" not in left and f"patterns-old{patterncache.MAX_FILES + 2}.json" in left


@pytest.mark.slow
def test_cli_check_with_a_cold_corrupt_and_warm_cache(tmp_path: Path) -> None:
    """`bidassist check` on the example writes the cache (cold), then reads a corrupt one (every
    pattern compiled again, the file rewritten), then the rewritten one (warm): the same report
    each time, and no traceback."""
    example = ROOT / "examples" / "hospital" / "contract.docx"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    reports = []
    for run in ("cold", "corrupt", "warm"):
        if run == "corrupt":
            (written,) = _files(tmp_path / "cache")
            written.write_bytes(b'{"header": 1, "entries": [[')
        out = tmp_path / f"{run}.json"
        res = subprocess.run(
            [sys.executable, "-m", "bidassist", "check", str(example), "--format", "json", "-o", str(out)],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert res.returncode in (0, 1), res.stderr
        assert "Traceback" not in res.stderr
        reports.append(json.loads(out.read_text(encoding="utf-8"))["findings"])
    assert reports[0] and reports[0] == reports[1] == reports[2]
    (rewritten,) = _files(tmp_path / "cache")
    assert json.loads(rewritten.read_text(encoding="utf-8"))["entries"]
