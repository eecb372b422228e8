"""Benchmark `bidassist check`'s engine: 500 generated contracts of ~50 KB (Chinese and English,
built from realistic clause text: every pack example - traps and harmless twins - and ordinary
boilerplate), all shipped packs. Prints MB/s of the engine (clause splitting, Aho-Corasick prefilter,
regexes, numeric conditions, key terms) next to a plain loop of `re.search` per rule per paragraph
over the same patterns, measured in the same run, and the resident memory across the 500. The
clause model (bidassist/models) is timed apart: each contract is checked with rules only and then with
rules + model, alternately, so its cost stands beside the rule engine's.

    .venv/bin/python benchmarks/bench_check.py [--contracts 500] [--size 50000] [--baseline 50]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bidassist.checklist import check_text, load_packs  # noqa: E402

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


def rss_mb() -> float:
    try:
        with open(f"/proc/{os.getpid()}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_pair(contracts: list[str], rules) -> tuple[float, float, int, int, list[tuple[int, float]]]:
    """Each contract checked with rules only, then with rules + model, alternately (so a change of
    machine load falls on both alike): seconds of each, findings of each, and resident memory after
    every 100 contracts."""
    gc.collect()
    samples = [(0, rss_mb())]
    rules_s = model_s = 0.0
    rules_n = model_n = 0
    for i, text in enumerate(contracts, 1):
        t0 = time.perf_counter()
        rules_n += len(check_text(text, rules, name=f"c{i}", model=False).findings)
        t1 = time.perf_counter()
        model_n += len(check_text(text, rules, name=f"c{i}", model=True).findings)
        rules_s, model_s = rules_s + t1 - t0, model_s + time.perf_counter() - t1
        if i % 100 == 0 or i == len(contracts):
            samples.append((i, rss_mb()))
    return rules_s, model_s, rules_n, model_n, samples


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--contracts", type=int, default=500)
    ap.add_argument("--size", type=int, default=50_000, help="bytes per contract")
    ap.add_argument("--baseline", type=int, default=50, help="contracts the re.search loop is timed on")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    rules = load_packs()
    snippets = {
        lang: [
            ex
            for r in rules.rules
            if r.language == lang
            for ex in r.rule.examples.match + r.rule.examples.no_match
        ]
        for lang in ("zh", "en")
    }
    rng = random.Random(args.seed)
    contracts = [
        make_contract(rng, "zh" if i % 2 == 0 else "en", args.size, snippets) for i in range(args.contracts)
    ]
    total_mb = sum(len(c.encode("utf-8")) for c in contracts) / 2**20
    print(
        f"{len(contracts)} contracts, {total_mb:.1f} MB, {len(rules.rules)} rules, {len(rules.terms)} terms, "
        f"{sum(len(r.any) + len(r.all) + len(r.none) for r in rules.rules)} rule patterns"
    )

    # engine (rules only) and rules + clause model, contract by contract, memory sampled along the way
    check_text(contracts[0], rules)  # build the automata and load the model once
    engine_s, with_s, findings, with_findings, samples = timed_pair(contracts, rules)
    engine_mbs = total_mb / engine_s

    # baseline: every rule's patterns re.search'ed on every paragraph (no prefilter, no numbers)
    base = contracts[: max(1, min(args.baseline, len(contracts)))]
    base_mb = sum(len(c.encode("utf-8")) for c in base) / 2**20
    patterns = [(r.language, r.any + r.all + r.none) for r in rules.rules]
    hits = 0
    t0 = time.perf_counter()
    for text in base:
        for para in text.lower().split("\n"):
            for _lang, pats in patterns:
                for p in pats:
                    if p.search(para):
                        hits += 1
    base_s = time.perf_counter() - t0
    base_mbs = base_mb / base_s

    print(f"engine   : {engine_mbs:8.2f} MB/s  ({total_mb:.1f} MB in {engine_s:.1f} s, {findings} findings)")
    print(f"re loop  : {base_mbs:8.2f} MB/s  ({base_mb:.1f} MB in {base_s:.1f} s, {hits} pattern hits)")
    print(f"ratio    : {engine_mbs / base_mbs:8.1f}x")
    print(
        f"+ model  : {total_mb / with_s:8.2f} MB/s  ({with_s:.1f} s, {with_findings} findings; the model adds "
        f"{with_s - engine_s:+.1f} s = {100 * (with_s - engine_s) / engine_s:+.0f} % of the rule engine's "
        f"{engine_s:.1f} s; ratio to the re loop {total_mb / with_s / base_mbs:.1f}x)"
    )
    print("RSS (MB, rules + model) after n contracts: " + ", ".join(f"{n}: {m:.0f}" for n, m in samples))
    growth = samples[-1][1] - samples[1][1] if len(samples) > 2 else 0.0
    print(f"RSS growth from contract 100 to {samples[-1][0]}: {growth:+.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
