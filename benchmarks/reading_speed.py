"""Contract reading speed: read_contract on ~50 KB contracts (.txt and .docx), MB/s of text, next to
a baseline measured in the same run on the same files:

- txt: read the file and split it into lines (the least any reader does);
- docx: python-docx's own `Document(path)` + `[p.text for p in doc.paragraphs]` (no numbering, no
  tables, no tracked-change handling) — what reading with python-docx alone costs;
- doc: the bundled example contract saved as Word 97-2003 (tests/reading/files/hospital.doc, written by
  LibreOffice), read 200 times, beside read_contract of the same contract's .docx and beside olefile
  alone opening the file and reading its two streams (the least a .doc reader does).

Usage: .venv/bin/python benchmarks/reading_speed.py [N_CONTRACTS]   (default 100)
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import docx

from bidassist.reading import read_contract

BODY = [
    "甲方应在货物验收合格并收到乙方开具的合法有效发票后{a}日内，向乙方支付合同总价的{b}%，乙方应提供相应的履约保函。",
    "如乙方逾期交货，每逾期一日，乙方应按合同总价的千分之{b}向甲方支付违约金，违约金累计不超过合同总价的{a}%。",
    "质量保证期为设备验收合格之日起{a}个月，质保期内设备出现质量问题，乙方应在接到通知后{b}小时内到达现场处理。",
    "The Supplier shall deliver the Goods within {a} days and shall pay {b}% of the Contract Price for each day of delay.",
]


def make_contract(seed: int) -> list[str]:
    rnd = random.Random(seed)
    lines: list[str] = []
    article = 0
    while sum(len(x.encode()) for x in lines) < 50_000:
        article += 1
        lines.append(f"第{article}条 条款{article}")
        for sub in range(1, rnd.randint(2, 6)):
            lines.append(
                f"{article}.{sub} " + rnd.choice(BODY).format(a=rnd.randint(1, 90), b=rnd.randint(1, 30))
            )
            if rnd.random() < 0.4:
                lines.append(rnd.choice(BODY).format(a=5, b=10))
    return lines


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        txts, docxs, text_bytes = [], [], 0
        for i in range(n):
            lines = make_contract(i)
            text = "\n".join(lines)
            text_bytes += len(text.encode())
            t = folder / f"c{i}.txt"
            t.write_text(text, encoding="utf-8")
            txts.append(t)
            d = docx.Document()
            for line in lines:
                d.add_paragraph(line)
            p = folder / f"c{i}.docx"
            d.save(str(p))
            docxs.append(p)
        mb = text_bytes / 1e6

        def timed(fn, paths) -> float:
            start = time.perf_counter()
            for path in paths:
                fn(path)
            return time.perf_counter() - start

        rss0 = rss_mb()
        base_txt = timed(lambda p: p.read_text(encoding="utf-8").splitlines(), txts)
        ours_txt = timed(read_contract, txts)
        rss1 = rss_mb()
        base_docx = timed(lambda p: [q.text for q in docx.Document(str(p)).paragraphs], docxs)
        ours_docx = timed(read_contract, docxs)
        rss2 = rss_mb()
    print(f"{n} contracts, {mb:.1f} MB of text ({mb / n * 1000:.0f} KB each)")
    print(
        f"txt : read_contract {mb / ours_txt:7.1f} MB/s | baseline read+splitlines {mb / base_txt:7.1f} MB/s "
        f"| ratio {base_txt / ours_txt:.3f}x"
    )
    print(
        f"docx: read_contract {mb / ours_docx:7.1f} MB/s | baseline python-docx paragraphs "
        f"{mb / base_docx:7.1f} MB/s | ratio {base_docx / ours_docx:.2f}x"
    )
    print(f"max RSS: {rss0:.0f} MB before, {rss1:.0f} MB after txt, {rss2:.0f} MB after docx")
    legacy_doc()


def legacy_doc(rounds: int = 200) -> None:
    import olefile

    root = Path(__file__).resolve().parents[1]
    doc = root / "tests" / "reading" / "files" / "hospital.doc"
    same = root / "bidassist" / "examples" / "hospital" / "contract.docx"

    def streams(path: Path) -> None:
        with olefile.OleFileIO(str(path)) as ole:
            ole.openstream("WordDocument").read()
            ole.openstream("1Table" if ole.exists("1Table") else "0Table").read()

    def timed(fn, path: Path) -> float:
        start = time.process_time()
        for _ in range(rounds):
            fn(path)
        return time.process_time() - start

    ours, docx_same, floor = timed(read_contract, doc), timed(read_contract, same), timed(streams, doc)
    print(
        f"doc : read_contract {ours / rounds * 1000:6.2f} ms a contract ({rounds} rounds, CPU) | the same contract's "
        f".docx {docx_same / rounds * 1000:6.2f} ms (ratio {ours / docx_same:.2f}x) | olefile streams alone "
        f"{floor / rounds * 1000:6.2f} ms (ratio {ours / floor:.1f}x)"
    )


if __name__ == "__main__":
    main()
