"""Benchmark `bidassist check`'s engine: 500 generated contracts of ~50 KB (Chinese and English,
built from realistic clause text: every pack example - traps and harmless twins - and ordinary
boilerplate), all shipped packs. Prints MB/s of the engine (clause splitting, Aho-Corasick prefilter,
regexes, numeric conditions, key terms, document rules) beside two floors measured in the same run:
pyahocorasick scanning the whole contract for every keyword of every rule and term (the least work
any checker must do), and a plain loop of `re.search` per rule pattern per paragraph. CPU time,
median of --rounds. Peak memory is read (VmHWM) in a fresh process that checks all the contracts
one after another; `--jobs-folder N` also times `review_folder` over N contracts written to a
temporary folder with --jobs 1 and 2 (wall time: only meaningful on an idle machine).

    .venv/bin/python benchmarks/bench_check.py [--contracts 500] [--size 50000] [--baseline 20]
        [--rounds 3] [--jobs-folder 0] [--old-tree DIR]

`--old-tree DIR` (an older checkout, e.g. `git archive main | tar -x -C DIR`) also times that
checkout's engine on the same contracts, in a fresh process per round, rounds alternating.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ahocorasick

# BENCH_TREE: the checkout whose bidassist is timed (--old-tree runs this script in it)
sys.path.insert(0, os.environ.get("BENCH_TREE") or str(Path(__file__).resolve().parents[1]))

from _common import Figure, emit  # noqa: E402

from bidassist.checklist import check_text, load_packs  # noqa: E402
from bidassist.checklist.rules import RuleSet  # noqa: E402

ZH_FILLER = [
    "乙方应按照国家有关标准和招标文件的技术要求组织生产和安装。",
    "乙方应指派具有相应资质的项目经理常驻现场，未经甲方同意不得更换。",
    "设备到货时，双方共同开箱清点，并签署到货验收单。",
    "乙方应负责设备的运输、装卸、保险，并承担运输途中的风险。",
    "乙方应对甲方操作人员进行不少于三天的免费培训，直至其能独立操作。",
    "施工现场应遵守甲方的安全管理制度和医院感染控制要求。",
    "本合同附件与本合同具有同等法律效力。",
    "双方应对在履行本合同过程中知悉的对方商业秘密承担保密义务。",
    "乙方提供的设备应为全新、未使用过的合格产品，并提供出厂合格证。",
    "通知应以书面形式送达本合同载明的地址。",
]
EN_FILLER = [
    "The Supplier shall perform the Works in accordance with the Specifications and applicable standards.",
    "All notices shall be in writing and delivered to the addresses stated in this Agreement.",
    "The Supplier shall provide training to the Buyer's staff at no additional cost.",
    "Each party shall keep confidential any information received from the other party.",
    "The Supplier shall deliver the Goods to the Site in accordance with the Delivery Schedule.",
    "Headings are for convenience only and do not affect interpretation.",
    "This Agreement constitutes the entire agreement between the parties.",
    "The Supplier shall comply with the Buyer's site safety rules at all times.",
]
ZH_NUM = "一二三四五六七八九十"


def _zh_article(n: int) -> str:
    if n <= 10:
        return f"第{ZH_NUM[n - 1]}条"
    tens, ones = divmod(n, 10)
    return f"第{'' if tens == 1 else ZH_NUM[tens - 1]}十{ZH_NUM[ones - 1] if ones else ''}条"


def make_contract(rng: random.Random, lang: str, size: int, snippets: dict[str, list[str]]) -> str:
    filler = ZH_FILLER if lang == "zh" else EN_FILLER
    pool = snippets[lang] or filler
    lines: list[str] = []
    total = 0
    art = 0
    while total < size:
        art += 1
        head = (_zh_article(min(art, 99)) + " 条款") if lang == "zh" else f"Article {art}. Terms"
        lines.append(head)
        for sub in range(1, rng.randint(3, 7)):
            body = " ".join(rng.choice(filler) for _ in range(rng.randint(1, 3)))
            if rng.random() < 0.25:
                body += " " + rng.choice(pool)
            lines.append(f"{art}.{sub} {body}")
        total = sum(len(x.encode("utf-8")) + 1 for x in lines)
    return "\n".join(lines)


def proc_kb(field: str) -> int:
    """A VmRSS/VmHWM line of /proc/self/status, in kB (0 where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def make_contracts(rules: RuleSet, count: int, size: int, seed: int) -> list[str]:
    snippets = {
        lang: [
            ex
            for r in rules.rules
            if r.language == lang
            for ex in r.rule.examples.match + r.rule.examples.no_match
        ]
        for lang in ("zh", "en")
    }
    rng = random.Random(seed)
    return [make_contract(rng, "zh" if i % 2 == 0 else "en", size, snippets) for i in range(count)]


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 2**20


def cpu_median(work: Callable[[], int], rounds: int) -> tuple[float, int]:
    """Median CPU seconds of `work` over `rounds` runs, and what the last run returned."""
    times: list[float] = []
    out = 0
    for _ in range(rounds):
        t0 = time.process_time()
        out = work()
        times.append(time.process_time() - t0)
    return statistics.median(times), out


def keyword_automaton(rules: RuleSet) -> ahocorasick.Automaton:
    """Every keyword of every rule and key-term of both languages, in one automaton."""
    auto = ahocorasick.Automaton()
    for item in [*rules.rules, *rules.terms]:
        for k in item.keywords:
            auto.add_word(k, k)
    auto.make_automaton()
    return auto


def engine_run(contracts: list[str], rules: RuleSet, model: bool = True) -> int:
    return sum(
        len(check_text(text, rules, name=f"c{i}", model=model).findings)
        for i, text in enumerate(contracts, 1)
    )


def aho_run(contracts: list[str], auto: ahocorasick.Automaton) -> int:
    return sum(sum(1 for _ in auto.iter(text.lower())) for text in contracts)


def re_loop_run(contracts: list[str], rules: RuleSet) -> int:
    patterns = [p for r in rules.rules for p in (*r.any, *r.all, *r.none)]
    hits = 0
    for text in contracts:
        for para in text.lower().split("\n"):
            hits += sum(1 for p in patterns if p.search(para))
    return hits


def engine_child(path: str) -> int:
    """In a fresh process whose bidassist is BENCH_TREE's: one timed run over the contracts of the
    JSON file (after a warm-up on two of them); print CPU seconds and findings as JSON."""
    rules = load_packs()
    contracts = json.loads(Path(path).read_text(encoding="utf-8"))
    for text in contracts[:2]:
        check_text(text, rules)
    t0 = time.process_time()
    findings = engine_run(contracts, rules)
    print(json.dumps({"cpu": time.process_time() - t0, "findings": findings}))
    return 0


def old_tree_round(tree: str, path: Path) -> tuple[float, int]:
    """CPU seconds and findings of one run of the older checkout's engine over the contracts."""
    env = {**os.environ, "BENCH_TREE": str(Path(tree).resolve())}
    cmd = [sys.executable, __file__, "--engine-child", str(path)]
    out = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout)
    return out["cpu"], out["findings"]


def timed_with_old(
    contracts: list[str], rules: RuleSet, rounds: int, tree: str | None
) -> tuple[float, int, float | None, int | None]:
    """Median CPU of this engine and (with `tree`) of the older checkout's, rounds alternating."""
    if tree is None:
        now, found = cpu_median(lambda: engine_run(contracts, rules), rounds)
        return now, found, None, None
    mine: list[float] = []
    theirs: list[float] = []
    found = old_found = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "contracts.json")
        path.write_text(json.dumps(contracts, ensure_ascii=False), encoding="utf-8")
        for _ in range(rounds):
            t, found = cpu_median(lambda: engine_run(contracts, rules), 1)
            mine.append(t)
            t, old_found = old_tree_round(tree, path)
            theirs.append(t)
    return statistics.median(mine), found, statistics.median(theirs), old_found


def memory_child(args: argparse.Namespace) -> int:
    """In a fresh process: check the contracts one by one; print peak and sampled RSS as JSON."""
    rules = load_packs()
    contracts = make_contracts(rules, args.contracts, args.size, args.seed)
    before = proc_kb("VmHWM")
    samples: list[tuple[int, int]] = []
    for i, text in enumerate(contracts, 1):
        check_text(text, rules, name=f"c{i}")
        if i % 100 == 0 or i == len(contracts):
            samples.append((i, proc_kb("VmRSS")))
    print(json.dumps({"hwm_before_kb": before, "hwm_kb": proc_kb("VmHWM"), "rss_kb": samples}))
    return 0


def memory_report(args: argparse.Namespace) -> str:
    cmd = [sys.executable, __file__, "--memory-child", "--contracts", str(args.contracts)]
    cmd += ["--size", str(args.size), "--seed", str(args.seed)]
    out = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    rss = ", ".join(f"{n}: {kb / 1024:.0f}" for n, kb in out["rss_kb"])
    growth = (out["rss_kb"][-1][1] - out["rss_kb"][0][1]) / 1024 if len(out["rss_kb"]) > 1 else 0.0
    return (
        f"memory   : peak {out['hwm_kb'] / 1024:.0f} MB in a fresh process "
        f"({out['hwm_before_kb'] / 1024:.0f} MB after loading packs and generating the contracts); "
        f"RSS (MB) after n contracts: {rss}; growth {growth:+.1f} MB"
    )


def jobs_report(contracts: list[str], count: int) -> str:
    """Wall time of review_folder over `count` contracts with --jobs 1 and 2."""
    from bidassist.store.review import available_cores, review_folder

    walls: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(contracts[:count]):
            Path(tmp, f"contract-{i:04d}.txt").write_text(text, encoding="utf-8")
        for jobs in (1, 2):
            t0 = time.perf_counter()
            review_folder(Path(tmp), db=None, record=False, jobs=jobs)
            walls[jobs] = time.perf_counter() - t0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"--jobs   : {count} files, 1 job {walls[1]:.1f} s, 2 jobs {walls[2]:.1f} s wall, "
        f"speed-up {walls[1] / walls[2]:.2f}x (load average {load:.1f}, {available_cores()} cores; "
        f"default --jobs = all cores)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--contracts", type=int, default=500)
    ap.add_argument("--size", type=int, default=50_000, help="bytes per contract")
    ap.add_argument("--baseline", type=int, default=20, help="contracts the re.search loop is timed on")
    ap.add_argument("--rounds", type=int, default=3, help="timed runs; the median is reported")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs-folder", type=int, default=0, help="contracts for the --jobs 1 vs 2 timing")
    ap.add_argument("--json", default=None, help="append the figure as a JSON line to this file (figures.py)")
    ap.add_argument(
        "--old-tree", default=None, help="an older checkout: its engine on the same contracts, same run"
    )
    ap.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--engine-child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child:
        return memory_child(args)
    if args.engine_child:
        return engine_child(args.engine_child)

    rules = load_packs()
    contracts = make_contracts(rules, args.contracts, args.size, args.seed)
    total_mb = megabytes(contracts)
    print(
        f"{len(contracts)} contracts, {total_mb:.1f} MB, {len(rules.rules)} rules, {len(rules.terms)} terms, "
        f"{sum(len(r.any) + len(r.all) + len(r.none) for r in rules.rules)} rule patterns; "
        f"CPU time, median of {args.rounds}"
    )
    for text in contracts[:2]:  # build both languages' scanners and load the model once
        check_text(text, rules)
    engine_s, findings, old_s, old_findings = timed_with_old(contracts, rules, args.rounds, args.old_tree)
    rules_s, rule_findings = cpu_median(lambda: engine_run(contracts, rules, model=False), args.rounds)
    auto = keyword_automaton(rules)
    aho_s, kw_hits = cpu_median(lambda: aho_run(contracts, auto), args.rounds)
    base = contracts[: max(1, min(args.baseline, len(contracts)))]
    base_mb = megabytes(base)
    base_s, hits = cpu_median(lambda: re_loop_run(base, rules), args.rounds)

    engine_mbs = total_mb / engine_s
    print(f"engine   : {engine_mbs:8.2f} MB/s  ({total_mb:.1f} MB in {engine_s:.2f} s, {findings} findings)")
    print(
        f"aho floor: {total_mb / aho_s:8.2f} MB/s  (pyahocorasick, every keyword, whole contract; "
        f"{kw_hits} hits) -> engine at {engine_mbs / (total_mb / aho_s):.2f}x of it"
    )
    print(
        f"re loop  : {base_mb / base_s:8.2f} MB/s  ({base_mb:.1f} MB in {base_s:.2f} s, {hits} pattern hits) "
        f"-> engine {engine_mbs / (base_mb / base_s):.1f}x faster"
    )
    print(
        f"rules only: {total_mb / rules_s:8.2f} MB/s  ({rules_s:.2f} s, {rule_findings} findings) -> the clause "
        f"model adds {engine_s - rules_s:.2f} s ({(engine_s / rules_s - 1) * 100:+.0f} %)"
    )
    if old_s is not None:
        print(
            f"old tree : {total_mb / old_s:8.2f} MB/s  ({args.old_tree}: {old_s:.2f} s, {old_findings} findings, "
            f"rounds alternating) -> engine {old_s / engine_s:.2f}x faster"
            + ("" if old_findings == findings else "  (the findings differ)")
        )
    print(memory_report(args))
    if args.jobs_folder:
        print(jobs_report(contracts, args.jobs_folder))
    emit([figure(args, total_mb, engine_s, aho_s, base_s * total_mb / base_mb, old_s)], args.json)
    return 0


def figure(
    args: argparse.Namespace,
    total_mb: float,
    engine_s: float,
    aho_s: float,
    old_s: float,
    tree_s: float | None = None,
) -> Figure:
    """The figures-table row: CPU seconds for the whole benchmark (the re loop scaled to it)."""
    older = "" if tree_s is None else f"; the older checkout's engine {total_mb / tree_s:.2f} MB/s, same run"
    return Figure(
        f"contract check, {args.contracts} × {args.size // 1000} KB ({total_mb:.1f} MB), all packs + clause "
        f"model: {total_mb / engine_s:.2f} MB/s (median of {args.rounds}{older})",
        engine_s,
        aho_s,
        f"pyahocorasick, every keyword, whole contract: {total_mb / aho_s:.1f} MB/s",
        old_s,
        f"re.search per rule pattern per paragraph: {total_mb / old_s:.2f} MB/s",
        target=f"≥ 15 MB/s (≤ {total_mb / 15:.2f} s)",
        command=f"benchmarks/bench_check.py --contracts {args.contracts} --rounds {args.rounds}"
        + (" --old-tree OLD" if tree_s is not None else ""),
    )


if __name__ == "__main__":
    raise SystemExit(main())
