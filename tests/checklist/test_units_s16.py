"""A long clause cut into units (checklist/units.py) reports each category once, on the clause it
belongs to, with a text that holds the words it quotes."""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.checklist import load_packs
from bidassist.checklist.api import check_text
from bidassist.checklist.units import MAX_UNIT_CHARS, units_from_clauses
from bidassist.reading import split_clauses, text_blocks


@lru_cache(maxsize=1)
def _rules():
    return load_packs()


_FILLER = "乙方应按照甲方的保洁作业标准完成每日清扫、消毒和垃圾清运工作，并做好作业记录备查。"


def _long_clause(first: str, second: str, paragraphs: int = 40) -> str:
    body = [first] + [_FILLER] * paragraphs + [second]
    return (
        "甲方：某区人民医院\n乙方：某某物业服务有限公司\n第八条 违约责任\n"
        + "\n".join(body)
        + "\n第九条 其他\n未尽事宜另行协商。\n"
    )


def test_a_clause_cut_into_pieces_reports_a_category_once():
    text = _long_clause(
        "乙方人员缺岗的，每缺岗一人次，每逾期一日按月服务费的百分之一扣减服务费。",
        "乙方未按时完成整改的，每逾期一日按月服务费的百分之二支付违约金。",
    )
    units = units_from_clauses(split_clauses(text_blocks(text, "c.txt")))
    pieces = [u for u in units if u.clause == "第八条"]
    assert len(pieces) > 1 and all(len(u.text) <= MAX_UNIT_CHARS for u in pieces)
    result = check_text(text, _rules(), name="c.txt", model=False)
    on_8 = [f.category for f in result.findings if f.clause == "第八条"]
    assert on_8 and len(on_8) == len(set(on_8))


_SPACE = re.compile(r"\s+")


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=3))
def test_a_finding_of_a_cut_clause_quotes_words_of_its_own_text(paragraphs: int, where: int) -> None:
    trap = "甲方可根据需要随时调整服务范围和人员配置，乙方不得拒绝且不得要求增加费用。"
    body = [_FILLER] * paragraphs
    body.insert(min(where * 10, len(body)), trap)
    text = "甲方：某区人民医院\n乙方：某某物业服务有限公司\n第五条 服务\n" + "\n".join(body)
    for f in check_text(text, _rules(), name="c.txt", model=False).findings:
        evidence = _SPACE.sub("", (f.matched or "").strip("…"))
        assert evidence in _SPACE.sub("", f.text)


BILINGUAL = """平台服务协议 Platform Services Agreement
甲方（采购方）：某某集团有限公司 Party A (Buyer): Mou Group Co., Ltd.
乙方（服务方）：某某云科技有限公司 Party B (Supplier): Mou Cloud Technology Co., Ltd.
第七条 合同解除
甲方可随时通知乙方解除本协议，且无需承担任何责任。
Article 7 Termination
Party A may terminate this Agreement at any time for its convenience by notice to Party B, without any liability.
第八条 其他
本协议未尽事宜，双方另行协商。
Article 8 Miscellaneous
Matters not covered here shall be agreed by the parties separately.
"""


def test_a_bilingual_contract_reports_a_clause_once():
    result = check_text(BILINGUAL, _rules(), name="bi.txt", model=False)
    found = [f for f in result.findings if f.category == "termination.convenience"]
    assert len(found) == 1 and found[0].clause == "第七条"


def test_clause_labels_of_both_languages_have_one_key():
    from bidassist.checklist.units import clause_key

    assert clause_key("第七条 （一）") == clause_key("Article 7 (1)") == clause_key("7.1") == "7.1"
    assert clause_key("附件一") == "附件一"
    assert clause_key("第三条 ②") == clause_key("Article 3 (2)") == "3.2"  # circled digits are digits too
    assert clause_key("⑴") == clause_key("⒈") == "1"
