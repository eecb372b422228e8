"""benchmarks/corpora/contracts/overlap.py: a held-out document that is a development document fetched again from
another place is found by its shared 6-grams, whatever its layout (table bars, spaces, line breaks); documents of
one split, and different contracts sharing boilerplate, are not."""

from __future__ import annotations

import importlib.util
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpora" / "contracts"


def _overlap():
    spec = importlib.util.spec_from_file_location("overlap", CORPUS / "overlap.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(root: Path, doc_id: str, split: str, text: str) -> None:
    (root / "zh").mkdir(parents=True, exist_ok=True)
    (root / "zh" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (root / "zh" / f"{doc_id}.labels.yaml").write_text(f"id: {doc_id}\nsplit: {split}\n", encoding="utf-8")


CONTRACT = (
    "第一条 采购人应在收到发票后三十日内支付合同价款的百分之九十五。第二条 供应商逾期交货的，每日按合同价的千分之五"
    "支付违约金。第三条 质保期为二年，自验收合格之日起计算。第四条 争议提交采购人所在地人民法院诉讼解决。"
)
OTHER = (
    "第一条 甲方应于每季度末支付服务费。第二条 乙方应派驻保洁人员六名，人员变动须经甲方同意。第三条 合同期满"
    "自动终止，续签另行协商。第四条 争议提交仲裁委员会仲裁。"
)


def test_the_same_contract_in_another_layout_is_found(tmp_path: Path) -> None:
    overlap = _overlap()
    _write(tmp_path, "zh-100", "dev", CONTRACT)
    _write(
        tmp_path, "zh-200", "heldout9", " | ".join(CONTRACT[i : i + 17] for i in range(0, len(CONTRACT), 17))
    )
    _write(tmp_path, "zh-201", "heldout9", OTHER)
    pairs = overlap.overlaps(overlap.load([tmp_path]), 0.6)
    assert [(a, b) for _s, a, _sa, b, _sb in pairs] == [("zh-200", "zh-100")]
    assert pairs[0][0] > 0.9
    assert overlap.main([str(tmp_path)]) == 1


def test_documents_of_one_split_are_not_compared(tmp_path: Path) -> None:
    overlap = _overlap()
    _write(tmp_path, "zh-100", "dev", CONTRACT)
    _write(tmp_path, "zh-101", "dev", CONTRACT)
    assert overlap.main([str(tmp_path)]) == 0
