"""Build the bundled example's contract documents (run from anywhere):

    python examples/hospital/make_contract_docs.py [--force]

- contract.docx: the hospital's draft contract for the clean-room HVAC supply and installation
  (about ¥9.8 million; the buyer is a public hospital, the supplier an SME). The articles use Word
  automatic numbering (第一条, 第二条 ... from a numbering definition, not typed); sub-clauses are
  typed (3.1, 3.2). It contains the traps a reviewer must catch (背靠背 / 财政资金到位后支付,
  审计结算, 10 % retention, an uncapped 千分之五 daily penalty, 一切责任, unilateral change, ...)
  and their harmless twins (an acceptance period with deemed acceptance, IP limited to
  deliverables, a mutual-notice clause, ...).
- tender_terms.docx: the tender's contract terms, whose payment schedule matches the bid
  (advance 30 %, 40 % within 30 days of delivery, 27 % within 60 days of acceptance, 3 % retention
  for 24 months; warranty 24 months; performance bond 5 %; duration 120 days) and from which the
  draft contract departs.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the checkout root, for running without installing

from docx import Document  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Pt  # noqa: E402

from bidassist.core.safeio import atomic_path  # noqa: E402

BUYER = "滨江市第一人民医院"
SUPPLIER = "江南洁净空调工程有限公司"
PROJECT = "滨江市第一人民医院门诊医技楼净化空调系统采购及安装项目"
ARTICLE_NUM_ID = 90

#: (article title, [sub-clauses]); sub-clauses are typed "N.M" numbers
CONTRACT: list[tuple[str, list[str]]] = [
    (
        "合同标的",
        [
            f"本合同标的为{PROJECT}（招标编号BJZC-2026-0417，第1包）所需净化空调机组、风管系统、自控系统的供货、"
            "安装、调试及洁净度检测，具体范围见附件1《供货及安装清单》。",
            "乙方应按招标文件技术要求及国家标准GB 50243-2016、GB 50333-2013完成全部工作。",
        ],
    ),
    (
        "合同价款",
        [
            "合同总价为人民币玖佰捌拾万元整（¥9,800,000.00），含设备、材料、运输、安装、调试、检测、培训、税费等全部费用。",
            "合同价格包含一切风险，不因任何因素调整。",
            "合同价在中标价基础上再下浮2%，即最终结算价以甲方审定金额为准。",
        ],
    ),
    (
        "付款方式",
        [
            "预付款：合同签订且乙方提交履约保证金后，甲方在财政资金到位后支付合同总价的10%作为预付款。",
            "到货款：货物到货并经甲方签收后90日内支付至合同总价的50%。",
            "验收及结算款：项目验收合格且结算经审计部门审定后支付至结算价的90%。",
            "质保金：剩余10%作为质保金，质保期满后无息返还。",
            "甲方付款前，乙方应开具等额合法有效的增值税专用发票。",
            "乙方违约的，甲方有权直接从应付款中扣除违约金及赔偿金。",
        ],
    ),
    (
        "履约保证金",
        [
            "乙方应在合同签订前提交合同总价15%的履约保证金，履约保证金必须以现金形式缴纳，验收合格后无息退还。",
        ],
    ),
    (
        "工期与交货",
        [
            "工期：自合同签订之日起90日历天内完成全部供货、安装及调试。",
            "因甲方原因导致工期延误的，工期相应顺延。",
        ],
    ),
    (
        "验收",
        [
            "乙方完成安装调试并自检合格后书面通知甲方，甲方应在收到通知后7日内组织验收，逾期未组织验收的视为验收合格。",
            "验收标准以国家标准及招标文件技术要求为准。",
        ],
    ),
    (
        "质量保证",
        [
            "质保期为验收合格之日起36个月，质保期内乙方免费维修、更换。",
            "乙方接到报修通知后2小时内响应，24小时内到场。",
        ],
    ),
    (
        "违约责任",
        [
            "乙方每逾期一日，应按合同总价的千分之五向甲方支付违约金。",
            "因乙方原因造成的一切损失由乙方承担全部责任，包括但不限于直接损失、间接损失及预期利益损失。",
            "甲方逾期付款的，按每日万分之一支付违约金。",
        ],
    ),
    (
        "合同变更与解除",
        [
            "甲方有权根据实际需要单方调整供货数量、安装范围及工期，乙方不得提出异议。",
            "甲方有权随时解除本合同，无需承担任何责任。",
            "任何一方严重违约致使合同目的不能实现的，守约方可书面通知解除合同。",
        ],
    ),
    (
        "知识产权与保密",
        [
            "乙方为本项目专门编制的深化设计文件的知识产权归甲方所有，乙方原有知识产权仍归乙方。",
            "乙方不得向第三方泄露甲方的商业秘密及患者信息。",
        ],
    ),
    (
        "审计",
        [
            "甲方有权对乙方的履约情况进行审计，审计不影响甲方按期付款。",
        ],
    ),
    (
        "争议解决",
        [
            "因本合同引起的争议，双方应协商解决；协商不成的，提交项目所在地人民法院诉讼解决。",
            "本合同适用中华人民共和国法律。",
        ],
    ),
    (
        "其他",
        [
            "本合同与招标文件、投标文件不一致的，以本合同为准。",
            "本合同一式六份，甲方四份，乙方二份，自双方签字盖章之日起生效。",
            "本合同的最终解释权归甲方所有。",
        ],
    ),
]

TENDER_TERMS: list[tuple[str, list[str]]] = [
    (
        "合同价款",
        [
            "合同价格为中标价，为固定总价；主要材料价格涨跌幅超过5%的，超出部分据实调整。",
        ],
    ),
    (
        "付款方式",
        [
            "预付款：合同签订后10日内，甲方支付合同总价的30%作为预付款。",
            "到货款：货物到货并经甲方签收后30日内支付合同总价的40%。",
            "验收款：项目验收合格后60日内支付合同总价的27%。",
            "质保金：合同总价的3%作为质保金，质保期满24个月后14日内无息返还。",
        ],
    ),
    (
        "履约保证金",
        [
            "中标人应提交合同总价5%的履约保证金，可以银行保函形式提交，验收合格后14日内退还。",
        ],
    ),
    (
        "工期",
        [
            "工期：自合同签订之日起120日历天。",
        ],
    ),
    (
        "质量保证",
        [
            "质保期为验收合格之日起24个月。",
        ],
    ),
    (
        "违约责任",
        [
            "乙方每逾期一日，按合同总价的万分之五支付违约金，逾期违约金累计不超过合同总价的5%。",
            "甲方逾期付款的，每逾期一日按应付未付款项的万分之五支付违约金。",
        ],
    ),
    (
        "争议解决",
        [
            "因合同引起的争议，提交项目所在地人民法院诉讼解决。",
        ],
    ),
]


def _add_article_numbering(document) -> int:
    """Add a numbering definition 第一条, 第二条 ... (Chinese counting) and return its numId."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ARTICLE_NUM_ID}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="第%1条"/><w:suff w:val="space"/><w:lvlJc w:val="left"/></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{ARTICLE_NUM_ID}"><w:abstractNumId w:val="{ARTICLE_NUM_ID}"/></w:num>'
        )
    )
    return ARTICLE_NUM_ID


def _numbered(paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def build(
    title: str,
    articles: list[tuple[str, list[str]]],
    preamble: list[str],
    path: Path,
    *,
    auto_numbering: bool,
    force: bool,
) -> None:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(10.5)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = copy.deepcopy(parse_xml(f"<w:rFonts {nsdecls('w')}/>"))
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), "SimSun")
    document.add_heading(title, level=1)
    for line in preamble:
        document.add_paragraph(line)
    num_id = _add_article_numbering(document) if auto_numbering else None
    for n, (heading, clauses) in enumerate(articles, 1):
        if num_id is not None:
            p = document.add_paragraph()
            p.add_run(heading).bold = True
            _numbered(p, num_id)
        else:
            p = document.add_paragraph()
            p.add_run(f"{n}. {heading}").bold = True
        for m, text in enumerate(clauses, 1):
            document.add_paragraph(f"{n}.{m} {text}")
    document.add_paragraph(f"甲方（盖章）：{BUYER}")
    document.add_paragraph(f"乙方（盖章）：{SUPPLIER}")
    with atomic_path(path, force=force) as tmp:
        document.save(str(tmp))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: this folder)")
    args = parser.parse_args(argv)
    build(
        f"{PROJECT} 采购合同（草稿）",
        CONTRACT,
        [
            f"甲方（采购人）：{BUYER}",
            f"乙方（供应商）：{SUPPLIER}",
            "根据《中华人民共和国民法典》《中华人民共和国政府采购法》及招标文件、投标文件，双方协商一致，订立本合同。",
        ],
        args.out / "contract.docx",
        auto_numbering=True,
        force=args.force,
    )
    build(
        f"{PROJECT} 招标文件 第五章 合同主要条款",
        TENDER_TERMS,
        ["以下为本项目合同的主要条款，中标人须按本条款签订合同。"],
        args.out / "tender_terms.docx",
        auto_numbering=False,
        force=args.force,
    )
    print(f"wrote {args.out / 'contract.docx'} and {args.out / 'tender_terms.docx'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
