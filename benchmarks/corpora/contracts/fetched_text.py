"""Re-create the texts of the fetched held-out contracts (heldout7, batch zh-711...) from their original files.

The originals are Word files in public repositories brought with the `fetch` tool; nothing fetched is
committed, so this script only records how each text was made (FETCHED.md lists the sources and the
sha256 of each original file).

Usage: python benchmarks/corpora/contracts/fetched_text.py MIRROR_ROOT OUT_DIR
  MIRROR_ROOT holds the fetched git directories as <owner>+<name>/repo (e.g. /work/.mirror);
  OUT_DIR receives zh-7NN.txt (e.g. /work/corpus/contracts/zh).
Conversion: .docx is read with python-docx, paragraphs and table rows in document order (cells joined
with " | "); .doc is first converted with `libreoffice --headless --convert-to docx`. Clean-up: template
tags ({{r name }}) become ＿＿, no-break spaces become spaces, template control lines ({% ... %}) are dropped, runs of blank lines
are squeezed, and personal data (names after a signatory label, telephone and account numbers, e-mail
addresses) become placeholders.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

SAMR = "data/合同模板(市场监管局）/"
COMMITS = {
    "yuqingyang3019-cyber/hetong": "99c2c1e03d591a76aaf5edf1080d3c63efe3965c",
    "wupingzhong1984/insuranceproject": "12f1c6f7513af3a7c7b075e8e9c6c8fea683721f",
    "kinginfante/code": "b2bc087e7de09be73e81944bac2317168905866e",
    "yuanshengson/contract_template": "41121e268e38ba98f7526be6b9f8c21fb416f6c9",
}
DOCS = {
    "zh-711": ("yuqingyang3019-cyber/hetong", "agent/contract/templates/zhanweifu/caigouhetong.docx"),
    "zh-712": ("wupingzhong1984/insuranceproject", "上海滋松产品委托开发协议1129_v1.docx"),
    "zh-713": ("wupingzhong1984/insuranceproject", "设计供应商/比稿合同20171011.docx"),
    "zh-714": ("wupingzhong1984/insuranceproject", "12.3修改-保险产品平台界面设计服务-合同.docx"),
    "zh-715": ("kinginfante/code", "交大合同11.doc"),
    "zh-716": (
        "yuanshengson/contract_template",
        SAMR + "北京市建设工程预拌砂浆采购合同_919323876683419648.docx",
    ),
    "zh-717": ("yuanshengson/contract_template", SAMR + "广州市校服采购合同_919323886267404288.docx"),
    "zh-718": (
        "yuanshengson/contract_template",
        SAMR + "北京市居住小区厨余垃圾收集运输服务合同_919324361222000640.docx",
    ),
    "zh-719": (
        "yuanshengson/contract_template",
        SAMR + "广州市房屋建筑和市政基础设施工程劳务分包合同_919324991080632320.docx",
    ),
    "zh-720": (
        "yuanshengson/contract_template",
        SAMR + "新疆人防工程防护设备销售安装合同_919325002212315136.docx",
    ),
    "zh-721": (
        "yuanshengson/contract_template",
        SAMR + "天津市建筑门窗幕墙专业分包合同_919324139620143104.docx",
    ),
    "zh-722": (
        "yuanshengson/contract_template",
        SAMR + "河南省货物多式联运服务合同（河南省2023版）_919324659076304896.docx",
    ),
}

SIGNATORY = (
    r"(法人代表|法定代表人|联系人|授权代表|委托代理人)(\s*[|：:]\s*)([\u4e00-\u9fff]{2,4})(?=[\s（(|]|$)"
)
PERSONAL = (
    (re.compile(SIGNATORY, re.M), r"\1\2【姓名】"),
    (
        re.compile(r"^(姓名 \| )[\u4e00-\u9fff]{2,4}( \| )[\u4e00-\u9fff]{2,4}$", re.M),
        r"\1【姓名】\2【姓名】",
    ),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"), "【邮箱】"),
    (re.compile(r"(?<!\d)\d{12,25}(?!\d)"), "【账号】"),
    (re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"), "【电话】"),
    (re.compile(r"(?<![\d-])0\d{2,3}-\d{7,8}(?!\d)"), "【电话】"),
)


def docx_text(path: Path) -> str:
    lines: list[str] = []
    for child in Document(str(path)).element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = []
                for cell in row.iter(qn("w:tc")):
                    paras = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in cell.iter(qn("w:p")))
                    cells.append(" ".join(paras).strip())
                lines.append(" | ".join(cells))
    return "\n".join(lines)


def clean(text: str) -> str:
    text = text.replace("\xa0", " ")
    text = re.sub(r"\{\{r?\s*[^}]*\}\}", "＿＿", text)
    kept = [ln.rstrip() for ln in text.splitlines() if "{%" not in ln]
    for pattern, repl in PERSONAL:
        kept = [pattern.sub(repl, ln) for ln in kept]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return out + "\n"


def original(mirror_root: Path, repo: str, path: str) -> bytes:
    git_dir = mirror_root / repo.replace("/", "+") / "repo"
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{COMMITS[repo]}:{path}"], check=True, capture_output=True
    ).stdout


def to_text(data: bytes, path: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / ("source" + Path(path).suffix)
        src.write_bytes(data)
        if src.suffix == ".doc":
            subprocess.run(
                ["libreoffice", "--headless", "--convert-to", "docx", "--outdir", tmp, str(src)],
                check=True,
                capture_output=True,
            )
            src = src.with_suffix(".docx")
        return clean(docx_text(src))


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    mirror_root, out_dir = Path(argv[1]), Path(argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    for doc_id, (repo, path) in DOCS.items():
        data = original(mirror_root, repo, path)
        text = to_text(data, path)
        (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, hashlib.sha256(data).hexdigest(), len(text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
