"""The buyer's home court named by its place (checklist/forum.py): the dispute clause compared with
the parties' names and addresses and with the signing place, at document level. Traps and their
harmless twins in drafting styles the corpora do not use (物流运输框架, 医院采购, 劳务派遣, 设备采购及安装)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from bidassist.checklist import load_packs
from bidassist.checklist.api import check_text


@lru_cache(maxsize=1)
def _rules():
    return load_packs()


def _forum(text: str) -> list:
    result = check_text(text, _rules(), name="c.txt", model=False)
    return [f for f in result.findings if f.category == "dispute.forum"]


LOGISTICS = """运输服务框架协议
托运方（甲方）：某某集团物流有限公司 | 承运方（乙方）：＿＿
地址：广东省东莞市长安镇振安路18号 | 地址：＿＿
第一条 运输服务
乙方按甲方下达的运单承运货物，并对货物在途安全负责。
第九条 争议解决
双方协商不成的，{forum}
"""

HOSPITAL = """医用耗材采购合同
采购人（甲方）：成都市第三人民医院
供应商（乙方）：{supplier}
地址：{supplier_address}
第一条 采购内容
乙方按附件清单供货，并负责送货至甲方指定库房。
第十条 争议解决
因本合同发生的争议，{forum}
"""

DISPATCH = """劳务派遣协议
签订地点：{signed_at}
用工单位（甲方）：＿＿
派遣单位（乙方）：＿＿
住所：{our_address}
第一条 派遣人员
乙方按甲方岗位需求派遣人员，甲方负责日常用工管理。
第八条 争议解决
本协议履行中发生争议的，任何一方可向合同签订地人民法院起诉。
"""


@pytest.mark.parametrize(
    ("text", "trap"),
    [
        # traps: the court or commission of the buyer's own city
        (LOGISTICS.format(forum="提交东莞仲裁委员会仲裁。"), True),
        (
            HOSPITAL.format(
                supplier="＿＿", supplier_address="＿＿", forum="向成都市武侯区人民法院提起诉讼。"
            ),
            True,
        ),
        (DISPATCH.format(signed_at="江苏省苏州市工业园区", our_address="＿＿"), True),
        # twins: the supplier's city, the defendant's court, the site, both parties in one city,
        # a signing place that is neither side's while ours is filled in
        (
            HOSPITAL.format(
                supplier="重庆某某医疗科技有限公司",
                supplier_address="重庆市渝北区金开大道99号",
                forum="向重庆市渝北区人民法院提起诉讼。",
            ),
            False,
        ),
        (LOGISTICS.format(forum="向被告所在地人民法院提起诉讼。"), False),
        (LOGISTICS.format(forum="向项目所在地人民法院提起诉讼。"), False),
        (
            HOSPITAL.format(
                supplier="成都某某医疗器械有限公司",
                supplier_address="四川省成都市高新区天府大道100号",
                forum="向成都市武侯区人民法院提起诉讼。",
            ),
            False,
        ),
        (DISPATCH.format(signed_at="上海市静安区", our_address="浙江省宁波市鄞州区首南路8号"), False),
    ],
)
def test_the_buyer_home_court_by_its_place(text: str, trap: bool) -> None:
    found = _forum(text)
    assert bool(found) is trap
    if trap:
        assert found[0].clause == "第九条" or found[0].clause in ("第十条", "第八条")
        assert "争议" in found[0].text


def test_the_supplier_drafts_nothing_when_no_party_is_known() -> None:
    text = "第一条 争议\n因本合同发生的争议，提交北京仲裁委员会仲裁。\n"
    assert _forum(text) == []
