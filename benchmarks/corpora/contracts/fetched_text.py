"""Re-create the texts of the fetched contracts (zh-711..., zh-811..., zh-911..., zh-1001..., zh-1101..., zh-1201...,
zh-1301..., zh-1401..., zh-1601..., zh-1701..., zh-1801..., zh-1901..., zh-2001..., zh-2101..., zh-2301..., zh-2401...,
zh-2501, zh-4001, zh-4201, zh-4401) from
their original files.

The originals are Word and PDF files in public repositories brought with the `fetch` tool; nothing
fetched is committed, so this script only records how each text was made (FETCHED.md lists the sources
and the sha256 of each original file).

Usage: python benchmarks/corpora/contracts/fetched_text.py MIRROR_ROOT OUT_DIR
  MIRROR_ROOT holds the fetched git directories as <owner>+<name>/repo (e.g. /work/.mirror);
  OUT_DIR receives zh-7NN.txt, zh-8NN.txt, zh-9NN.txt, zh-10NN.txt, zh-11NN.txt, zh-12NN.txt, zh-13NN.txt, zh-14NN.txt and
  zh-16NN.txt, zh-17NN.txt, zh-18NN.txt, zh-19NN.txt and zh-20NN.txt (e.g. /work/corpus/contracts/zh).
Conversion: .docx is read with python-docx, paragraphs and table rows in document order (cells joined
with " | "); .doc is first converted with `libreoffice --headless --convert-to docx`; .pdf is read with
`pdftotext -layout` (form feeds dropped); a .md text extract that a repository made of its own Word file
(zh-1001, whose .docx is absent from the snapshot) is read as UTF-8 with its metadata header dropped; a contract
written in Markdown (zh-1303) has its heading, emphasis, rule and bullet marks removed. A repository's UTF-8 capture of an official
model text's web page (.txt, zh-1403 and zh-1404) is read as it is. Contracts written into program files (zh-1601...) are
read from the program: a Vue page's <template> and a TypeScript file's HTML template literal as HTML, a python-docx
script's string literals in order, a Java method's Apache-POI text runs in order, a contract pasted into a Python file
as one string literal (zh-1701) with line breaks put before its clause headings and numbers, and a purchase order's terms in
the sample data of a Vue print page (zh-1702); coal supply contracts kept as JSP pages of a power plant's fuel-management
system are read like zh-1501's pages (zh-1801, zh-1802), a filled government-procurement contract kept as an HTML string
literal in Java code from that literal (zh-1803, ticked options as ☑, others ☐, drop-downs as their selected value), and a
filled consulting contract kept as the sample JSON answer of a C# web method from the record's contract fields in order
(zh-1804); a Word-saved HTML page kept as a FreeMarker template (zh-2301) is read by paragraphs and table rows with
its template fields as ＿＿, and one kept as a JSP print page (zh-2302) likewise, its form fields as ＿＿; texts kept
as template literals of a TypeScript file (zh-2401, zh-2402) are read literal by literal, each titled by its line comment, with
<br/> and block tags as line breaks, and an HTML page kept as a PHP view (zh-2403) is read by paragraphs like zh-2301, and a
medical distributor's purchase contract kept as a JSP print page of its ERP (zh-2501) is read like zh-2302, and a B2B
food-supply platform's service agreement and supplier return-and-deposit rules kept as two FreeMarker page fragments (zh-4001)
are each read like zh-2301 and joined in the order of DOCS40, and a service-trading platform's provider agreement and the general
terms of its online service contract, kept as two Vue pages of its web front end (zh-4201), are each read like zh-1601's Vue
pages and joined in the order of DOCS42, and a flexible-work platform's three-party agreement with the
freelancers who take its clients' tasks, kept as the <Text> elements of a React Native page (zh-4401), is read element by
element (see `jsx_text`). Word files
deleted from a repository's tree later are read at the last commit that holds them (zh-1901,
zh-1902, zh-1905); a contract kept as several files of one tender package or template set is read file by file and joined
in the order of DOCS19_MULTI (zh-1903: the PDF form, its payment annex and its debt-assignment annex; zh-1904: agreement,
special conditions and two annexes of a subcontract template, whose «field» placeholders are kept). Tender documents (zh-811...,
zh-911..., zh-2003...) keep only their contract chapters:
each part runs from the n-th line starting with a heading to the first later line starting with the end
heading (whitespace ignored when comparing). Clean-up: template
tags ({{r name }}) become ＿＿, no-break spaces become spaces, template control lines ({% ... %}) are dropped, runs of blank lines
are squeezed, and personal data (names after a signatory label, telephone and account numbers, e-mail
addresses) become placeholders.
"""

from __future__ import annotations

import ast
import hashlib
import html
import json
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

SAMR = "data/合同模板(市场监管局）/"
Subs = tuple[tuple[str, str], ...]  # (multiline regex, replacement) pairs, applied in order
COMMITS = {
    "yuqingyang3019-cyber/hetong": "99c2c1e03d591a76aaf5edf1080d3c63efe3965c",
    "wupingzhong1984/insuranceproject": "12f1c6f7513af3a7c7b075e8e9c6c8fea683721f",
    "kinginfante/code": "b2bc087e7de09be73e81944bac2317168905866e",
    "yuanshengson/contract_template": "41121e268e38ba98f7526be6b9f8c21fb416f6c9",
    "charlotty2026/bid-toolkit": "59c6811db7d4e2765f4e589eaaf4dff3e5acfcf6",
    "SLAM-CROC/HUAXIN_BIDGPT": "d22eb20d77da187d70ff8d1df1778b23d7dd3de5",
    "ansatzX/agent_UI_demo": "7f077429f37d3236be23543690f7f1855ae53f0d",
    "Algolc/Project": "8fe3a0b5725ecb9eb5ebd1312c9ed6de7dee836c",
    "gjyhj1234/cheyeytztb": "63ad530c4aa36296c3fd5f957219eac6b706c770",
    "katescodes/x-llmapp": "dca97c37e3ea5b445699019b42fe5e971b67ab2c",
    "moshango/Contract_review": "dd1a96baa0159aa717a15a49003a26d2f86c913f",
    "Ri-Luo16/biaoshu": "d8371ff7518ac0f4bdff6523fb41a196cd5a8164",
    "Zhangshengyang922/Toubiaowenjianshengchengqi": "d078a45ba94b6d07ae68a60342d33c296daf4434",
    "zhxasdf/biaoshu-backend": "70e62e554dadd25ae65ac066b8eed7220bde0911",
    "tianh-ai/bidding-intelligence-system": "313782720dbbfe532b7454674702689e46737fd3",
    "Lokianlab/bidding-assistant-monorepo": "cc982833886a015f97ac5107af93377d0d6d3f4e",
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

BIDS = "rfp/samples/real_bids/服务类/"
BID_TOOLKIT = "charlotty2026/bid-toolkit"
# heldout8: (repo, path, parts); a part is (start heading, its occurrence, end heading or None for the end)
DOCS8: dict[str, tuple[str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-811": (
        BID_TOOLKIT,
        BIDS + "上海松江客整所列车库内保洁服务招标文件HTLF-2025-BJZB006.docx",
        (("第六部分合同条款格式及其他", 2, None),),
    ),
    "zh-812": (
        BID_TOOLKIT,
        BIDS + "交通银行张江园区餐厅洗碗业务外包项目--竞争性谈判拟发布稿.docx",
        (("第六章合同书格式和合同条款", 1, None),),
    ),
    "zh-813": (
        BID_TOOLKIT,
        BIDS + "上海太平康复医院2025-2028年劳务派遣项目采购项目招标文件.docx",
        (("★合同条款内容", 1, "附件2：《报价清单》"),),
    ),
    "zh-814": (
        BID_TOOLKIT,
        BIDS + "2024年上海市公安局宝山分局物业管理服务-招标文件.docx",
        (("第四章政府采购合同主要条款指引", 1, "第五章投标文件格式附件"),),
    ),
    "zh-815": (
        BID_TOOLKIT,
        "rfp/samples/services/广东高新区税务局食堂配送服务_2024.pdf",
        (("第五章合同文本", 2, "第六章投标文件格式与要求"),),
    ),
    "zh-816": (
        BID_TOOLKIT,
        "rfp/samples/广东税务_服务类.pdf",
        (("第四部分拟签订的合同文本", 3, "第五部分投标文件内容及格式"),),
    ),
    "zh-817": ("SLAM-CROC/HUAXIN_BIDGPT", "招标文件.pdf", (("第四章合同条款及格式", 2, "第五章供货要求"),)),
    "zh-818": ("ansatzX/agent_UI_demo", "合同模板.docx", (("", 1, None),)),
    "zh-819": ("Algolc/Project", "合同.doc", (("第四章合同主要条款及格式", 1, "第五章附件"),)),
    "zh-820": (
        BID_TOOLKIT,
        BIDS + "保洁员劳务外包项目公开招标文件（定稿）.docx",
        (("第二章合同通用条款", 2, "第三章投标文件内容及格式"), ("第七章合同样本", 2, None)),
    ),
    "zh-821": (
        BID_TOOLKIT,
        BIDS + "榆林高新控股集团安全环保管家项目（二次）竞争性磋商文件(1).pdf",
        (("第五章商务要求", 3, "第七章"),),
    ),
    "zh-822": (
        BID_TOOLKIT,
        BIDS + "罗泾镇综合管理服务项目（宝山工业园区北园区）招标文件.docx",
        (("第四章合同草案条款", 2, "第五章政府采购主要政策"),),
    ),
}

# heldout9 (zh-911...): same form as DOCS8; ("", 1, None) keeps the whole document
DOCS9: dict[str, tuple[str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-911": (
        "gjyhj1234/cheyeytztb",
        "招标文件.docx",
        (("★三、商务和其他要求", 1, "第四章响应文件格式"), ("第六章合同模板（参考）", 2, None)),
    ),
    "zh-912": (
        "katescodes/x-llmapp",
        "testdata/tender_sample.pdf",
        (
            ("第四章货物采购合同格式", 3, "第五章采购内容及总体要求"),
            ("二、商务要求", 1, "第六章投标文件格式"),
        ),
    ),
    "zh-913": (
        "moshango/Contract_review",
        "文档中心/已生成的审查报告/双方合同（福朗电子）-20251011_一键审查_B_20251031_162803.docx",
        (("", 1, None),),
    ),
    "zh-914": (
        "Zhangshengyang922/Toubiaowenjianshengchengqi",
        "input/SCIT-GN-2026060281_客户审核采购文件.docx",
        (
            ("★三、商务要求", 1, "第六章磋商内容、磋商过程中可实质性变动的内容"),
            ("第九章采购合同（草案）", 2, None),
        ),
    ),
    "zh-915": (
        "Ri-Luo16/biaoshu",
        "标书资料/4/招标文件/采购文件---浙江省淳安县第二中学2025年校园文化活动服务定点供应商采购项目 - 终.doc",
        (
            ("一、需求清单", 1, "第三章投标人须知"),
            ("第五章采购合同（参考范本）", 1, "第六章投标文件格式附件"),
        ),
    ),
    "zh-916": (
        "Ri-Luo16/biaoshu",
        "标书资料/1/招标文件/挂网版-成都市温江区智慧矫正中心消防改造工程竞争性磋商文件.doc",
        (
            ("采购项目技术、服务、合同内容条款及其他商务要求", 1, "磋商内容、磋商过程中可实质性变动的内容"),
            ("施工承包合同（草案）", 1, None),
        ),
    ),
    "zh-917": (
        "zhxasdf/biaoshu-backend",
        "assets/test_files/2024年江苏号百数字化运营类平台技术支撑服务项目招标文件【定稿】.docx",
        (("商务规范书", 1, "第五章技术规范书"),),
    ),
    "zh-918": (
        "zhxasdf/biaoshu-backend",
        "assets/test_files/招标文件（第二次）.docx",
        (("第四章合同条款", 4, "第五章工程项目运维支撑考核"),),
    ),
    "zh-919": (
        "tianh-ai/bidding-intelligence-system",
        "backend/uploads/temp/43b9216e/df341782-fbea-4329-af12-c4434917e731.docx",
        (("", 1, None),),
    ),
    "zh-920": (
        "zhxasdf/biaoshu-backend",
        "assets/test_files/2023年宁夏联通云网场景数据分析平台新建项目-标包1.docx",
        (("★第四章合同条款", 1, "★第五章技术规范书"),),
    ),
    "zh-921": ("Ri-Luo16/biaoshu", "标书资料/2/招标文件/技术、服务及其他要求.doc", (("", 1, None),)),
    "zh-922": ("Lokianlab/bidding-assistant-monorepo", "bidding-assistant/228-rfp.pdf", (("", 1, None),)),
}

# heldout10 (zh-1001...): (repo, commit, path, parts); each entry names its own commit, parts as in DOCS8
ERDENGFEN = "erdengfen/Contract_Review_backend-Py"
YOUNG = "Young020307/Contract-review"
DOCS10: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-1001": (
        "ericforai/bidding",
        "3bae5a6d82090fef02a41655bf030322e6107062",
        ".wiki/extracts/contract__西域数智化投标管理平台建设项目合同-V1_0420.docx.md",
        (("", 1, None),),
    ),
    "zh-1002": (
        "abner20953/bidding-data",
        "c263d2c6a9ec6b08b12f9f27c07f7ae525dba6ad",
        "file/（8.4定稿）大同市“十五五”低空经济发展规划招标文件.pdf",
        (("第四部分", 3, "第六部分"),),
    ),
    "zh-1003": (
        ERDENGFEN,
        "8e31cc3696a71636faa7bde31547b5f2f4025d6e",
        "data/校园主页升级改版服务合同.docx",
        (("", 1, None),),
    ),
    "zh-1004": (
        ERDENGFEN,
        "c7efb9fc8c87238c683c5acd4d13a33ea1f0905e",
        "data/重庆第二师范学院南山校区学生宿舍三期建设工程EPC总承包合同2025.4.27最终版.docx",
        (("第一部分合同协议书", 1, "第二部分通用合同条件"), ("第13条变更与调整", 2, "附件1：发包人要求")),
    ),
    "zh-1005": (
        YOUNG,
        "4135d3f58441aa3d76f305b3c17ee206275fc0ff",
        "docs/新版模板/服务外包标准合同.docx",
        (("", 1, None),),
    ),
    "zh-1006": (
        YOUNG,
        "4135d3f58441aa3d76f305b3c17ee206275fc0ff",
        "docs/新版模板/保险第三方管理服务标准合同.docx",
        (("", 1, None),),
    ),
    "zh-1007": (
        YOUNG,
        "4135d3f58441aa3d76f305b3c17ee206275fc0ff",
        "docs/新版模板/互联网信息推广服务标准合同.docx",
        (("", 1, None),),
    ),
    "zh-1008": (
        "jaylooloomi/contract-review-system",
        "9c9a3b1f59dd9e5e2754bcb6911a14838f33465c",
        "test/(佛光)合約管理系統維護合約書_V1.0_20260309.docx.pdf",
        (("", 1, None),),
    ),
    "zh-1009": (
        "lingoapple/smartfarm_dtu_ota",
        "a306213e7a9a957ad74f7670127c6ddfb1ab03ee",
        "合同模板.doc",
        (("", 1, None),),
    ),
    "zh-1010": (
        "CRMH3/CRMH3.github.io",
        "c072656182548843fe4954b0ea094df3f359f073",
        "技术服务合同.docx",
        (("", 1, None),),
    ),
    "zh-1011": (
        "Yuanzhanyi/software-project-management",
        "62193b43b868e682e0d7f3c3ace47ef819f296a6",
        "合同.pdf",
        (("", 1, None),),
    ),
    "zh-1012": (
        "452831959/goodmanage",
        "893041fec8c2e3cb3af8b5eed5145cfc203be929",
        "项目合同.docx",
        (("", 1, None),),
    ),
}
# personal data the generic patterns miss (names after other labels, spaced digits), found by their context so that no
# name or number is written here (see fix_personal); one table per batch, joined in NAMES and SUBS below
HAN_NAME = r"[\u4e00-\u9fff]{2,4}"
NAMES10: dict[str, tuple[str, ...]] = {
    "zh-1004": (rf"^工程总承包项目经理：\s*({HAN_NAME})\s*。$", rf"^设计负责人：\s*({HAN_NAME})\s*。$"),
    "zh-1008": (rf"^\s*代 表 人：校長 ({HAN_NAME})$", rf"^\s*負 責 人：({HAN_NAME})$"),
    "zh-1011": (rf"^\s*名称（或姓名）\s+({HAN_NAME})\s+（签章）$",),
}
SUBS10: dict[str, Subs] = {
    "zh-1001": (
        (
            rf"(【姓名： ){HAN_NAME}( ，邮箱： )[a-z]+ @ [a-z ]+ \.com( ，电话： )1[\d ]{{12}}\d( 】)",
            r"\1【姓名】\2【邮箱】\3【电话】\4",
        ),
    ),
    "zh-1003": ((rf"(联系人姓名：){HAN_NAME}(?= 联系人手机)", r"\1【姓名】"),),
    "zh-1008": ((r"^(\s*電    話：)0\d-\d{7,8}$", r"\1【电话】"),),
}

# heldout11 (zh-1101...): same form as DOCS10, (repo, commit, path, parts)
WHOLE: tuple[tuple[str, int, str | None], ...] = (("", 1, None),)
DOCS11: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-1101": (
        "Viserion-nlper/AI-search",
        "db10ddcaa330e27419c1d3e2582fad8e1a1d46b7",
        "技术开发合同.docx",
        WHOLE,
    ),
    "zh-1102": (
        "FondKevinZhao/foreign-trade",
        "0a5e325ccfd1275e052e6ee6bceeb56d9d404597",
        "contract.docx",
        WHOLE,
    ),
    "zh-1103": ("Huayifeize/myzy", "cb0931323a8bdfbcb245e21ae159cef678f3f4cd", "contract.pdf", WHOLE),
    "zh-1104": ("froggenJ/cdn", "fd29c5a8ce90613a13a8bacf405aef5963521767", "hetong.pdf", WHOLE),
    "zh-1105": ("hjzzn/otherdoc", "add00d4cb349db6152ddb1bc789eaa74109ff5f3", "房屋租赁合同.docx", WHOLE),
    "zh-1106": ("Spike200302/projectM", "346e9cd075b2e684c645e0ae1adc009db45359de", "合同.doc", WHOLE),
    "zh-1107": (
        "zain-pages/deepalgo.cn",
        "a0198bc4b5d6244fcc39c7fcf1beb8f0552e3308",
        "files/软件开发合同.docx",
        WHOLE,
    ),
    "zh-1108": (
        "chousinbin/SoftwareProcessManagement",
        "83a67f12aab2c892bc42dbcfcbded81bab384100",
        "合同.docx",
        WHOLE,
    ),
    "zh-1109": ("MrSxd/sxdtest", "609bc46240075a333010bc50a9d832941197394f", "合同.doc", WHOLE),
    "zh-1110": ("matong0209/doge", "c3a2d4e6f32dbd4589779fbd4e0825c50af9aa85", "软件开发合同.docx", WHOLE),
}
# heldout11 personal data as patterns, so that no name or number is written here (see fix_personal)
NAMES11: dict[str, tuple[str, ...]] = {
    "zh-1106": (r"指定\s+([\u4e00-\u9fff]{2,4})\s+为[甲乙]方项目联系人",),
    "zh-1109": (r"^乙方：\s*([\u4e00-\u9fff]{2,4})小组$",),
    "zh-1110": (
        r"^甲方：([\u4e00-\u9fff]{2,4})$",
        r"^项目经理([\u4e00-\u9fff]{2,3})，([\u4e00-\u9fff]{2,3})$",
        r"^([\u4e00-\u9fff]{2,3})\s*\d{10}$",
    ),
}
SPACED_ACCOUNT = (r"(?<!\d)(?<!\d )\d{4} \d{4} \d{4} \d{3,4}(?!\d)", "【账号】")
SUBS11: dict[str, Subs] = {
    "zh-1101": ((r"姓名【[\u4e00-\u9fff]{2,4}】", "姓名【【姓名】】"),),
    "zh-1102": (
        (r"\bMr [a-z]+\b", "Mr 【姓名】"),
        (r"(Contact person/Recipient \| )[A-Z][a-z]+ [A-Z][a-z]+$", r"\1【姓名】"),
        (r"\d+ [a-z]+ road\. [A-Z][a-z]+", "【地址】"),
        (r"(Phone number \| )0\d{10}$", r"\1【电话】"),
        (r"(WeChat: )[a-z]+\d+$", r"\1【账号】"),
        SPACED_ACCOUNT,
    ),
    "zh-1106": ((r"(传    真：)\d{8,12}$", r"\1【电话】"),),
    "zh-1109": (SPACED_ACCOUNT,),
    "zh-1110": ((r"^(【姓名】\s*)\d{10}$", r"\1【学号】"),),
}
# heldout12 (zh-1201...): same form as DOCS10, (repo, commit, path, parts)
CHENCHEN = "chenchencc47/Contract-Risk-Analysis-BN-LLM"
CHENCHEN_COMMIT = "71320545af6a534d50435c94805ec166dd0fe672"
DOCS12: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-1201": (CHENCHEN, CHENCHEN_COMMIT, "合同检测报告/技术开发_软件合同/技术开发合同.pdf", WHOLE),
    "zh-1202": (CHENCHEN, CHENCHEN_COMMIT, "合同检测报告/服务合同/服务合同.docx", WHOLE),
    "zh-1203": (CHENCHEN, CHENCHEN_COMMIT, "合同检测报告/租赁合同/租赁合同.pdf", WHOLE),
    "zh-1204": ("wangbolun1101/initFrame", "d308cb609b818006ed280dea1e810f311bf80cc0", "合同.pdf", WHOLE),
    "zh-1205": ("magicc30/vue.news", "93d2a490cfa3d07be06e26a734d6ce5d1b0123bf", "合同.pdf", WHOLE),
}
# heldout12 personal data as patterns (see fix_personal): the expert after 签约人, a legal representative printed without a
# colon, the clerks after 经办人; a national ID, a spaced account number of 4-4-4-4-1 digits and an odd fax number
NAMES12: dict[str, tuple[str, ...]] = {
    "zh-1202": (r"与签约人\s+([\u4e00-\u9fff]{2,4})\s+\(以下称乙方",),
    "zh-1204": (r"法定代表人\s+([\u4e00-\u9fff]{2,4})`",),
    "zh-1205": (r"经办人：\s*([\u4e00-\u9fff]{2,3})(?=\s)",),
}
SUBS12: dict[str, Subs] = {
    "zh-1202": ((r"(身份证号码：)【账号】X", r"\1【证件号】"),),
    "zh-1205": (
        (r"(账号：)\d{4}(?: \d{1,4}){4}", r"\1【账号】"),
        (r"(传真：\s*)\d{4}-\d{8}", r"\1【电话】"),
    ),
}
# heldout13 (zh-1301...): same form as DOCS10, (repo, commit, path, parts); a .md contract that is not a repository's extract
# of its own Word file is read with markdown_text (heading, emphasis, rule and bullet marks removed)
DOCS13: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-1301": (
        "yuanxiaotoulaoshi/library",
        "90664f5b4d80eafc93317451a094b531062b0578",
        "项目合同.docx",
        WHOLE,
    ),
    "zh-1302": ("lrz0212/group-code", "29343d85628d7fc052358553687730e209594085", "软件开发合同.docx", WHOLE),
    "zh-1303": ("tans/molt.win", "c057e5637e798188025c27cd46cc9f6510535578", "合同.md", WHOLE),
}
MARKDOWN13 = {"zh-1303"}
# heldout14 (zh-1401...): same form as DOCS10, (repo, commit, path, parts); zh-1402's .doc was deleted from the repository
# later, so its entry names the commit that still holds it. zh-1403/zh-1404 are a repository's plain-text captures of the
# official model texts' web pages: the part from the model's number to the page's download links is kept. No name or
# number in any text (blank party lines).
DOCS14: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-1401": (
        "loslian/dexdeer-doc",
        "336bfbcc07a0001a2bca2b73f8eeb779cbf9adb7",
        "Contracts/软件开发服务合同——隆泽丰投.pdf",
        WHOLE,
    ),
    "zh-1402": (
        "lingoapple/smartfarm_dtu_ota",
        "a306213e7a9a957ad74f7670127c6ddfb1ab03ee",
        "合同模板.doc",
        WHOLE,
    ),
    "zh-1403": (
        "Annsei/prelegal",
        "ffc32c4f5cca30ff28185d94aac66a04d2b7fe77",
        "templates/sources/data-processing-agreement/GF-2025-2616-数据委托处理服务合同-原文捕获.txt",
        (("GF-2025-2616", 1, "\ue671下载Word文档"),),  # the page's link starts with an icon-font character
    ),
    "zh-1404": (
        "Annsei/prelegal",
        "ffc32c4f5cca30ff28185d94aac66a04d2b7fe77",
        "templates/sources/professional-services-agreement/GF-2025-1001-委托合同-原文捕获.txt",
        (("GF—2025—1001", 1, "下载Word文档"),),
    ),
}
DOCS15: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-1501": (
        "jfory/SouthEastElevatorCRM",
        "602419aa4e046e4c118b8cf38dee1ff7bd0c6a9d",
        "WebRoot/WEB-INF/jsp/system/contract/masterplate_2.jsp",
        (("电（扶）梯设备安装合同", 1, "下载"),),  # the page's 下载/关闭 buttons dropped
    ),
    "zh-1502": (
        "jfory/SouthEastElevatorCRM",
        "602419aa4e046e4c118b8cf38dee1ff7bd0c6a9d",
        "WebRoot/WEB-INF/jsp/system/contract/masterplate_3.jsp",
        (("电（扶）梯设备销售合同", 1, "下载"),),
    ),
}
# heldout16 (zh-1601...): same form as DOCS10, (repo, commit, path, parts). All four contracts are written into program files:
# zh-1601 into a Vue page of a purchasing ERP (its <template> read like an HTML page, see `vue_text`), zh-1602 into a Python
# script that writes the agreement as a Word file with python-docx (its string literals read in order, see `py_docx_text`),
# zh-1603 into the first HTML template literal of a TypeScript PDF generator (see `ts_html_text`), zh-1604 into the Java
# method of an order system that writes the standard purchase contract with Apache POI (see `java_poi_text`).
DOCS16: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-1601": (
        "tao-Lionel/polaris-erp-web",
        "7ffe2ef5da422aec125878b03648ffbf4a3d4ec3",
        "src/views/purchase/contract/taxContract.vue",
        (("购货合同", 1, None),),  # the page's 下载 button before the title dropped
    ),
    "zh-1602": (
        "feijihebaozhuang/sanyang-system-backend",
        "6c2bff9737f529ec30b23f12a57c9018b86b6231",
        "_external/misc/gen_agreement.py",
        WHOLE,
    ),
    "zh-1603": (
        "Kendrick-sys/yincai-order",
        "dcdcc03c9308f3ef0f6e94b54466c83ed4009e27",
        "server/generatePdf.ts",
        WHOLE,
    ),
    "zh-1604": (
        "codeherofromchina/common",
        "b8b028b22687add2952184c87b9c87709ecfa8ee",
        "erui-parent/erui-order/src/main/java/com/erui/order/service/impl/PurchContractServiceImpl.java",
        WHOLE,
    ),
}
SUBS16: dict[str, Subs] = {
    "zh-1602": ((r"(甲方对接人：)[\u4e00-\u9fff]{2,3}（[\u4e00-\u9fff]经理）", r"\1【姓名】"),),
}
NAMES: dict[str, tuple[str, ...]] = {**NAMES10, **NAMES11, **NAMES12}
# heldout17 (zh-1701...): (repo, commit, path). zh-1701 is the test input of a contract-extraction service, written into a
# Python file as one string literal (the signed text pasted without line breaks), see `py_literal_text`; zh-1702 is the
# terms of a factory's purchase order in the sample data of a Vue print page, see `hiprint_order_text`.
DOCS17: dict[str, tuple[str, str, str]] = {
    "zh-1701": (
        "YujueY/name_entity_extraction",
        "6da86db090cf1cff6ae678971a5590589064d2df",
        "model_configs/web_test_config.py",
    ),
    "zh-1702": (
        "webxiu/hailen-client",
        "49903488da66c4e79d4e8183c4cba70b6639ccfd",
        "src/vue/views/home/tool/hiprint/Iframe.vue",
    ),
}
SUBS17: dict[str, Subs] = {
    "zh-1701": (
        (r"(总负责人：)杨定军", r"\1【姓名】"),
        (r"(身份证号码：)\d{17}[\dXx]", r"\1【身份证号】"),
        (r"(签订日期：年月日)00268$", r"\1"),  # a stray number after the literal's last word
    ),
}
# heldout18 (zh-1801...): same form as DOCS16, (repo, commit, path, parts). zh-1801 and zh-1802 are coal supply contracts
# written into the JSP pages of a power plant's fuel-management system (read like zh-1501's pages, see `jsp_text`); each
# runs from the plant's name over the contract title to the first line of the page's order-picking dialog or buttons.
GDHYC = "paddy235/gdhyc"
GDHYC_COMMIT = "9ce5925636589a9f4f2bed5f1a2fe90cefd89119"
GDHYC_VIEWS = "fuelmis/WebContent/views/hetgl/"
DOCS18: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-1801": (
        GDHYC,
        GDHYC_COMMIT,
        GDHYC_VIEWS + "hetbean/hetmb/zhongglm-2016-eedssmsm.jsp",
        (("国电新疆红雁池发电有限公司", 1, "选择合同发货订单"),),
    ),
    "zh-1802": (
        GDHYC,
        GDHYC_COMMIT,
        GDHYC_VIEWS + "hychetbean/4000Qnet_template.jsp",
        (("国电新疆红雁池发电有限公司", 1, "保存"),),
    ),
}
# zh-1803... (added by helper contracts18c-zh): zh-1803 is a filled government-procurement service contract kept as one HTML
# string literal in a test `main` of an e-contract service (Java), read with `java_html_literal_text` (READERS18).
DOCS18["zh-1803"] = (
    "kkcyou/econtract",
    "cddc80bc4e512d0b00a245defd33613c52a950f1",
    "yaoan-module-econtract/yaoan-module-econtract-biz/src/main/java/com/yaoan/module/econtract/service/bpm/contract/"
    "BpmContractServiceImpl.java",
    (("政府采购服务类采购合同（试行）", 1, None),),
)
DOCS18["zh-1804"] = (
    "walkerwzy/apns_server",
    "443e84e883fbb029fc1e4ab9256133d29aa88546",
    "tsy_ws/WebService1.asmx.cs",
    (("委托方（甲方）", 1, None),),
)
SUBS18: dict[str, Subs] = {
    "zh-1801": (
        (r"^0477—\d{7}$", "【电话】"),
    ),  # the buyer's telephone, written with a dash the common clean-up does not read
    "zh-1803": (
        (r"(法定\(或授权\)代表人：)[\u4e00-\u9fff]{2,4}", r"\1【姓名】"),
    ),  # both signatories' representatives
    "zh-1804": (
        (
            r"(甲方指定 )[\u4e00-\u9fff]{2,3}( 为甲方项目联系人，乙方指定 )[\u4e00-\u9fff]{2,3}/[\u4e00-\u9fff]{2,3}",
            r"\1【姓名】\2【姓名】/【姓名】",
        ),
    ),
}
# heldout19 (helper contracts19b-zh, session 30): Word files in public repositories, read like DOCS18's (repository,
# commit, path, parts). zh-1901 and zh-1902 are a cable purchase of 珠海铧国商贸有限公司 (the 华发股份 group's buying arm) kept
# by a staff member's contract-filling script (Kidsunbo/WordSub); both were deleted from the tree later, so they are read at
# the last commit that holds them.
WORDSUB = "Kidsunbo/WordSub"
DOCS19: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-1901": (
        WORDSUB,
        "3bbdb4e1b97152adc38b56887556c0a9f351b981",
        "{项目名称}电缆协作合同模板.docx",
        (("合同编号", 1, "合同附件1"),),
    ),
    "zh-1902": (
        WORDSUB,
        "0d22c2736a65f5999d85c07474f83cffbd4512f5",
        "华发峰景湾花园电缆采购合同.docx",
        (("合同编号", 1, None),),
    ),
    # zh-1905, the supplier-drafted control: the same company's template for selling the cables on to a project's buyer
    "zh-1905": (
        WORDSUB,
        "3bbdb4e1b97152adc38b56887556c0a9f351b981",
        "{项目名称}电缆销售合同模板.docx",
        (("合同编号", 1, None),),
    ),
}
SUBS19: dict[str, Subs] = {}
# zh-1903 is one contract kept as three files of a tender package (lolarun/bid-compare, a material-price comparison tool
# whose project folder holds a general contractor's material tender): the fixed purchase-contract form (PDF), the payment
# terms that fill its blank clause 11(一) (附件四) and the debt-assignment agreement the form lists as its annex 4 (附件七).
# Each file is read whole as the other recipes read it; the parts are joined in that order.
BID_COMPARE = "lolarun/bid-compare"
BID_COMPARE_DOCS = "docs/项目资料/初始资料/"
DOCS19_MULTI: dict[str, tuple[str, str, tuple[tuple[str, tuple[tuple[str, int, str | None], ...]], ...]]] = {
    "zh-1903": (
        BID_COMPARE,
        "87178ddcc34cec2861823fba702784ef8e50d418",
        (
            (BID_COMPARE_DOCS + "附件五：合同固定模板.pdf", WHOLE),
            (BID_COMPARE_DOCS + "附件四：付款方式.docx", WHOLE),
            (BID_COMPARE_DOCS + "附件七：合同附件-债权转让协议.docx", WHOLE),
        ),
    ),
}
# zh-1904: 赛鼎工程有限公司's construction-subcontract template as kept by its project-management system (FraneYang/SGGL_SeDin,
# Word templates with «field» placeholders the system fills): the agreement (第一部分 分包合同协议书), the special conditions, the
# quality-warranty annex (附件13) and the quality reward-and-penalty rules (附件16). The general conditions (第二部分, about 36,600
# characters) and the other annexes are left out.
SEDIN = "FraneYang/SGGL_SeDin"
SEDIN_DOCS = "FineUIPro.Web/File/Word/PHTGL/施工分包合同/"
DOCS19_MULTI["zh-1904"] = (
    SEDIN,
    "3bfc1f8f29561f15eb8a818937ddc1ace066ae01",
    (
        (SEDIN_DOCS + "施工合同标准文本.docx", WHOLE),
        (SEDIN_DOCS + "第三部分 专用合同条款.docx", WHOLE),
        (SEDIN_DOCS + "附件13   工程质量保修书.docx", WHOLE),
        (SEDIN_DOCS + "附件16施工质量奖惩管理规定.docx", WHOLE),
    ),
)
# heldout20 (helpers contracts20b-zh and contracts20c-zh, session 31): Word and PDF files in public repositories, read like DOCS19's (repository, commit,
# path, parts). zh-2001 is 中央财经大学's goods purchase-contract form, kept as the download template of a student project's
# front end (xuanhengwd/proexecu_front, public/static/合同模板.doc, a legacy .doc converted with LibreOffice).
DOCS20: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-2001": (
        "xuanhengwd/proexecu_front",
        "d8b4e6a0ac7be6110c3e48cc0a038c2cd5f15ecd",
        "public/static/合同模板.doc",
        (("采购合同", 1, None),),
    ),
    # zh-2002 (helper contracts20c-zh): a construction contractor's material purchase form (采购单位 = 甲方), the Word template
    # of a small invoice-to-contract generator (bang919/InvoiceToContract, public/contract-template.docx; {placeholders} kept).
    "zh-2002": (
        "bang919/InvoiceToContract",
        "6fd9c754002b75817612efae5fc21ab18ac03abf",
        "public/contract-template.docx",
        WHOLE,
    ),
    # zh-2003 …: tender documents of buyers not used before, kept in a bid-writing toolkit's sample folder
    # (charlotty2026/bid-toolkit, the commit of heldout8; that batch took nine other buyers' tenders from it). Only the contract
    # chapter is kept, from its title to the next chapter heading.
    # zh-2003: 华润万家 (China Resources Vanguard) flexible-staffing service contract with its annexes (tender 第四卷).
    "zh-2003": (
        BID_TOOLKIT,
        COMMITS[BID_TOOLKIT],
        BIDS + "招标文件正文.pdf",
        (("华润万家精品超市事业部2024-2025年第三方灵活用工服务合同", 1, "第五卷"),),
    ),
    # zh-2004: 温岭市自然资源和规划局's government-procurement contract for 信创 hardware and software (tender 第五章).
    "zh-2004": (
        BID_TOOLKIT,
        COMMITS[BID_TOOLKIT],
        "rfp/samples/浙江政府采购_服务类.pdf",
        (("第五章拟签订的合同文本", 2, "第六章"),),
    ),
    # zh-2005: 厦门国际银行上海分行's labour-outsourcing service contract with its quality-evaluation annexes (tender 第四章).
    "zh-2005": (
        BID_TOOLKIT,
        COMMITS[BID_TOOLKIT],
        BIDS + "【2606029001】上海分行2026年零售业务劳务外包服务人员采购项目招标文件（发布稿）.docx",
        (("第四章合同格式", 2, "第五章"),),
    ),
    # zh-2006: 北京大学图书馆's CASHL foreign-journal purchase (subscription agency) contract (tender 第五章).
    "zh-2006": (
        BID_TOOLKIT,
        COMMITS[BID_TOOLKIT],
        "rfp/samples/北大图书馆_货物服务类.pdf",
        (("第五章合同文本", 3, "第六章"),),
    ),
}
SUBS20: dict[str, Subs] = {}
# heldout21 (helper contracts21-zh, session 32): Word files not used before in two repositories used for earlier batches, read
# whole like DOCS20's. zh-2101: 赛鼎工程有限公司's construction-safety agreement that its subcontractors sign (annex 14 of the
# subcontract template, FraneYang/SGGL_SeDin; zh-1904 took the agreement, special conditions and annexes 13 and 16).
# zh-2102 .. zh-2104: three more standard forms of the insurance-sector company whose set gave zh-1005..1007
# (Young020307/Contract-review, docs/新版模板/): the technical-service, consulting-service and vehicle-service contracts.
DOCS21: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-2101": (
        SEDIN,
        "3bfc1f8f29561f15eb8a818937ddc1ace066ae01",
        SEDIN_DOCS + "附件14   施工安全管理协议书.docx",
        WHOLE,
    ),
    "zh-2102": (
        YOUNG,
        "4135d3f58441aa3d76f305b3c17ee206275fc0ff",
        "docs/新版模板/技术服务标准合同.docx",
        WHOLE,
    ),
    "zh-2103": (
        YOUNG,
        "4135d3f58441aa3d76f305b3c17ee206275fc0ff",
        "docs/新版模板/咨询服务标准合同.docx",
        WHOLE,
    ),
    "zh-2104": (
        YOUNG,
        "4135d3f58441aa3d76f305b3c17ee206275fc0ff",
        "docs/新版模板/汽车服务标准合同.docx",
        WHOLE,
    ),
}
SUBS21: dict[str, Subs] = {}
# heldout23 (helper label23-zh, session 40): zh-2301, the 公开招标 tender-document template of a military procurement system
# (xuqing196101/check_inves), kept as a FreeMarker template of a Word-saved HTML page and read with `word_html_text`
# (READERS23); kept: the commercial requirements, the bidders' payment / price / bid-bond / award / signing / inspection
# instructions and the 合同样本 chapter.
DOCS23: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-2301": (
        "xuqing196101/check_inves",
        "da3ac120bbf324113e3dbaed0de5b664840335ae",
        "src/main/webapp/template/biddingdocument.ftl",
        (
            ("二、商务要求", 1, "第三部分投标人须知"),
            ("（六）付款及结算方式", 1, "（七）投标费用"),
            ("（六）投标报价", 1, "四、投标文件递交"),
            ("七、定标", 1, "第四部分合同样本"),
            ("第四部分合同样本", 2, "第五部分附件"),
        ),
    ),
    # zh-2302 (added by helper label23-zh-b, session 40): the 石材幕墙工程安装劳务合同 with its 承诺书 and 劳务签工标准价格表, a
    # Word-saved HTML page kept as a JSP print page of a stone/curtain-wall contractor's ERP (read with `jsp_word_text`,
    # READERS23), from the title to the end. Same publisher (广东万方建设有限公司) and repository as dev zh-304 (that
    # repository's purchasePrint_1.jsp): split by document, not by source.
    "zh-2302": (
        "meinbaitao/baitao",
        "7cbf16479353cba2322221f94c5d298599b617db",
        "ERP/src/main/webapp/WEB-INF/views/modules/contract/laborPrint_1.jsp",
        (("石材幕墙工程安装劳务合同", 1, None),),
    ),
}
SUBS23: dict[str, Subs] = {}
# heldout24 (helper label24-zh, session 41): zh-2401 and zh-2402, texts a Shanghai shipping-logistics platform's React app
# (God-Myw/react) keeps as template literals of one TypeScript file and shows to its users; read with `tsx_literal_text`
# (READERS24). zh-2401: the Chinese text of the voyage charter party (金康合同, GENCON 1994) the app attaches to a
# shipper's voyage order; zh-2402: the platform's 保证金协议 and 注册协议 (道裕物流APP) for the carriers and cargo owners that
# register on it. Same repository and file, two documents of different genres.
DOCS24: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-2401": (
        "God-Myw/react",
        "72fcac81c12a9c46972256182bac3e68d68059ac",
        "src/pages/FuncModel/Protocol/protocols.tsx",
        (("金康合同", 1, "此合同仅供参考"),),
    ),
    "zh-2402": (
        "God-Myw/react",
        "72fcac81c12a9c46972256182bac3e68d68059ac",
        "src/pages/FuncModel/Protocol/protocols.tsx",
        (("保证金协议", 1, None),),
    ),
    # zh-2403: the 业务合作政策 a Beijing LED-screen advertising company (北京玉龙腾飞影视传媒有限公司) shows the partners who
    # install and look after its screens in barbershops and sell its advertising for commission, kept as a PHP view of
    # its mobile site (read with `php_html_text`, READERS24); from the title to before the contact footer.
    "zh-2403": (
        "chuck-cp/bjyltfapi",
        "333fc9eb5635008e0875d2505de66d1368b80a74",
        "wap/views/cooperate/policy.php",
        (("玉龙传媒业务合作政策", 1, "联系电话"),),
    ),
}
# heldout25 (helper label25-zh, session 42): zh-2501, the 采购合同 that 南京贝登医疗股份有限公司 (a medical-device distributor,
# www.vedeng.com) prints from its ERP for a supplier that ships straight to the distributor's customer (采购直发), kept as
# a JSP print page (read with `jsp_word_text`, READERS25, as zh-2302); from the contract number to before the page's
# print button.
DOCS25: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-2501": (
        "miaodapeng/fictitiousTransactions",
        "fbe19e9a7dc4270d3e263e4c449bf7ce7ef41d9a",
        "src/main/webapp/WEB-INF/jsp/order/buyorder/order_zf_print.jsp",
        (("合同号码", 1, "打印"),),
    ),
}
# heldout40 (helper label40-zh, session 46): zh-4001, the terms a Dalian B2B food-supply platform (饭饭1080º直采平台,
# 大连饭饭网络科技股份有限公司) shows the suppliers that sell to restaurants through it: its 服务协议 and its 退换货及保证金管理制度, two
# FreeMarker page fragments of the platform's web shop (guying-01/work), each read with `word_html_text` (as zh-2301) and
# joined in the order of DOCS40: the agreement from its title to the end, the rules from their title to before the line
# naming the (absent) return form "附：《退换货登记表》".
FANFAN = "ROOT/WEB-INF/templates/basepage/store/default/about_pages/fragment/"
DOCS40: dict[str, tuple[str, str, tuple[tuple[str, tuple[tuple[str, int, str | None], ...]], ...]]] = {
    "zh-4001": (
        "guying-01/work",
        "32b9c67bee8b099913fd392323c73ce9fff9d53f",
        (
            (FANFAN + "about_service.ftl", (("服务协议", 1, None),)),
            (FANFAN + "about_return.ftl", (("退换货及保证金管理制度", 1, "附："),)),
        ),
    ),
}
# heldout42 (helper label42-zh, session 47): zh-4201, the terms a Shenzhen service-trading platform (凌天众媒网,
# 深圳凌天众媒科技有限公司, www.zhongmei66.com) puts to the 服务商 who sell services to its 雇主 users: its 服务商入驻协议 (the dialog
# of the category-entry page, pages/store/skill.vue) and the 《通用条款》 of the 网络服务交易合同 that every order between a 雇主 and a
# 服务商 is signed on (components/contract/detail.vue), two Vue pages of the platform's Nuxt front end (chenguihai/ltzm-nuxt). Each
# page is read with `vue_text` (as zh-1601's pages) and cut with `section()`: the agreement from its title to before the page's
# next prompt ("您的技能类目已用完…"); the contract's title and 合同说明 up to its 《专用条款》 heading (the per-order form of dates,
# stages and amounts is left out), then the 《通用条款》 up to the signature block ("雇主{{userB…认证"). Joined in DOCS42 order.
LTZM = "chenguihai/ltzm-nuxt"
DOCS42: dict[str, tuple[str, str, tuple[tuple[str, tuple[tuple[str, int, str | None], ...]], ...]]] = {
    "zh-4201": (
        LTZM,
        "0899846e9e1a5615b4f810605f59d9f5aaf4dbf6",
        (
            ("pages/store/skill.vue", (("凌天众媒网服务商入驻协议", 1, "您的技能类目已用完"),)),
            (
                "components/contract/detail.vue",
                (("网络服务交易合同", 1, "《专用条款》"), ("《通用条款》", 1, "雇主{{")),
            ),
        ),
    ),
}
# heldout44 (helper label44-zh, session 47): zh-4401, the three-party 《工薪易平台共享经济（自由职业者服务）协议》 of a Hunan
# flexible-work platform (工薪易, www.xsypt.com.cn, 湖南薪税信息科技有限责任公司): 甲方 the enterprise that posts tasks (发活方), 乙方 the
# platform that collects the fee and pays the freelancers, 丙方 the freelancer who takes the task (接活方, the supplier). It is kept
# as <Text> elements of the task-posting page of the platform's React Native app (AyersWhale/jianzhibao,
# app/pages/WorkPlace/PublicJob.js; the agreement sits in a JSX comment block, the live app shows the same title as a web page),
# read with `jsx_text` (READERS44) and cut with `section()` from the agreement's title to before the page's "同意并继续" button.
DOCS44: dict[str, tuple[str, str, str, tuple[tuple[str, int, str | None], ...]]] = {
    "zh-4401": (
        "AyersWhale/jianzhibao",
        "37698904f86f7207e6732dd5349df1a80ff6f028",
        "app/pages/WorkPlace/PublicJob.js",
        (("工薪易平台共享经济（自由职业者服务）协议", 1, "同意并继续"),),
    ),
}
SUBS: dict[str, Subs] = {
    **SUBS10,
    **SUBS11,
    **SUBS12,
    **SUBS16,
    **SUBS17,
    **SUBS18,
    **SUBS19,
    **SUBS20,
    **SUBS21,
    **SUBS23,
}


def fix_personal(doc_id: str, text: str, names: dict[str, tuple[str, ...]], subs: dict[str, Subs]) -> str:
    """Replace the personal data of a text: every name a `names` pattern captures becomes 【姓名】 wherever it occurs
    (longest first), then the `subs` substitutions run (multiline regexes)."""
    for pattern in names.get(doc_id, ()):
        found = {name for match in re.finditer(pattern, text, re.M) for name in match.groups()}
        for name in sorted(found, key=len, reverse=True):
            text = text.replace(name, "【姓名】")
    for pattern, repl in subs.get(doc_id, ()):
        text = re.sub(pattern, repl, text, flags=re.M)
    return text


SIGNATORY = (
    r"(法人代表|法定代表人|联系人|授权代表|委托代理人)(\s*[|：:]\s*)([\u4e00-\u9fff]{2,4})(?=[\s（(|]|$)"
)
PERSONAL = (
    (re.compile(SIGNATORY, re.M), r"\1\2【姓名】"),
    (
        re.compile(r"^(姓名 \| )[\u4e00-\u9fff]{2,4}( \| )[\u4e00-\u9fff]{2,4}$", re.M),
        r"\1【姓名】\2【姓名】",
    ),
    (re.compile(r"(招标文件编制|合同签订)：[\u4e00-\u9fff]{2,3}(?=\s)"), r"\1：【姓名】"),
    (re.compile(r"(负责人|联系人)：\[ *[\u4e00-\u9fff]{2,4} *\]"), r"\1：[【姓名】]"),
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
    return original_at(mirror_root, repo, COMMITS[repo], path)


def original_at(mirror_root: Path, repo: str, commit: str, path: str) -> bytes:
    git_dir = mirror_root / repo.replace("/", "+") / "repo"
    if (git_dir / ".git").is_dir():
        git_dir = git_dir / ".git"
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout


def extract_body(text: str) -> str:
    """The text of a repository's own .md extract: its title and "- key: value" metadata lines dropped."""
    lines = text.split("\n")
    first = next(
        (i for i, line in enumerate(lines) if line.strip() and not line.startswith(("#", "- "))), len(lines)
    )
    return "\n".join(lines[first:])


def raw_text(data: bytes, path: str) -> str:
    if path.endswith(".md"):
        return extract_body(data.decode("utf-8"))
    if path.endswith(".txt"):
        return data.decode("utf-8")
    if path.endswith(".jsp"):
        return jsp_text(data)
    if path.endswith(".vue"):
        return vue_text(data)
    if path.endswith(".py"):
        return py_docx_text(data)
    if path.endswith(".ts"):
        return ts_html_text(data)
    if path.endswith(".java"):
        return java_poi_text(data, "standardContractWordData")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / ("source" + Path(path).suffix)
        src.write_bytes(data)
        if src.suffix == ".pdf":
            layout = subprocess.run(["pdftotext", "-layout", str(src), "-"], check=True, capture_output=True)
            return layout.stdout.decode("utf-8").replace("\f", "")
        if src.suffix == ".doc":
            subprocess.run(
                ["libreoffice", "--headless", "--convert-to", "docx", "--outdir", tmp, str(src)],
                check=True,
                capture_output=True,
            )
            src = src.with_suffix(".docx")
        return docx_text(src)


def markdown_text(data: bytes) -> str:
    """A contract written in Markdown: heading marks, bold/italic marks, horizontal rules and list bullets removed."""
    lines = []
    for line in data.decode("utf-8").split("\n"):
        if re.fullmatch(r"\s*-{3,}\s*", line):
            continue
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"^(\s*)[*+-]\s+", r"\1", line)
        lines.append(line.replace("**", ""))
    return "\n".join(lines)


def jsp_text(data: bytes) -> str:
    """A contract written into a JSP page: scripts, styles, comments and JSP directives dropped, table cells joined by
    " | ", block ends made line breaks, other tags removed, entities decoded, EL expressions (${...}) made ＿＿."""
    text = data.decode("utf-8")
    text = re.sub(
        r"(?s)<%--.*?--%>|<%.*?%>|<!--.*?-->|<script.*?</script>|<style.*?</style>|<head>.*?</head>", "", text
    )
    text = re.sub(r"(?i)</t[dh]>\s*<t[dh][^>]*>", " | ", text)
    text = re.sub(r"(?i)<br\s*/?>|</br>|</(p|div|tr|li|h\d|table|center|thead|tbody)>", "\n", text)
    text = re.sub(r"(?i)<(p|div|tr|li|h\d|table|center)(\s[^>]*)?>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text).replace("\u2003", "").replace("&nbsp", " ")
    text = re.sub(r"\$\{[^}]*\}", "＿＿", text)
    lines = (re.sub(r"[ \t]+", " ", line).strip(" |\t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def vue_text(data: bytes) -> str:
    """A contract written into a Vue page: only the outer <template> is read; comments dropped, table cells joined by
    " | ", block ends made line breaks, other tags removed, entities decoded; mustache bindings ({{ x }}) become ＿＿
    in `clean`."""
    source = data.decode("utf-8")
    text = source[source.index("<template>") + len("<template>") : source.rindex("</template>")]
    text = re.sub(r"(?s)<!--.*?-->", "", text)
    text = re.sub(r"(?i)</t[dh]>\s*<t[dh][^>]*>", " | ", text)
    text = re.sub(r"(?i)<br\s*/?>|</(p|div|tr|li|h\d|table|ul|thead|tbody)>", "\n", text)
    text = re.sub(r"(?i)<(p|div|tr|li|h\d|table|ul)(\s[^>]*)?>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text).replace("\u2030", "‰")
    lines = (re.sub(r"[ \t]+", " ", line).strip(" |\t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def ts_html_text(data: bytes) -> str:
    """A contract written as the first HTML template literal of a TypeScript file (<body> to </html>): a conditional
    ${cond ? `A` : `B`} keeps its else-branch B (an empty else drops it), other ${...} become ＿＿, then the page is
    read as `vue_text` reads a template."""
    source = data.decode("utf-8")
    start = source.index("<body>")
    text = source[start : source.index("</html>", start)]
    text = re.sub(
        r"(?s)\$\{[^`{}]*\?\s*`[^`]*`\s*:\s*(?:`([^`]*)`|''|\"\")\s*\}", lambda m: m.group(1) or "", text
    )
    text = re.sub(r"\$\{[^{}]*\}", "＿＿", text)
    return vue_text(("<template>" + text + "</template>").encode("utf-8"))


JAVA_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"')


def _java_expr_text(expr: str) -> str:
    """The text a Java string expression writes: its literals in order, ＿＿ for every other operand."""
    out, last = [], 0
    for match in JAVA_LITERAL.finditer(expr):
        if re.search(r"[\w(]", expr[last : match.start()]):
            out.append("＿＿")
        out.append(match.group()[1:-1].replace('\\"', '"'))
        last = match.end()
    if re.search(r"[\w(]", expr[last:]):
        out.append("＿＿")
    return re.sub(r"(＿＿)+", "＿＿", "".join(out))


def java_poi_text(data: bytes, method: str) -> str:
    """A contract written by one Java method with Apache POI: the method's body from its signature to the next method;
    `else` blocks dropped (the first branch is the blank form); the padding idiom String.format(...).replace("签", "  ")
    becomes two spaces; then, in order, createParagraph(), addBreak(), createTable( and createRow() start a line and the
    text argument of
    WordUploadUtil.setfont(run, size, family, TEXT) or of setText(TEXT) is written (literals kept, other operands ＿＿)."""
    source = data.decode("utf-8")
    start = source.index(f" {method}(")
    end = re.compile(r"\n    (public|private|protected) ").search(source, start)
    body = source[start : end.start() if end else len(source)]
    while (found := re.search(r"\}\s*else\s*\{", body)) is not None:
        depth, i = 1, found.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(body[i], 0)
            i += 1
        body = body[: found.start() + 1] + body[i:]
    body = re.sub(r'String\.format\("%1\$-".*?\.replace\("签", "  "\)', '"  "', body)
    pieces = []
    calls = r"createParagraph\(\)|addBreak\(\)|createTable\(|createRow\(\)|WordUploadUtil\.setfont\(\w+, [^,]+, [^,]+, (.*?)\);|\.setText\((.*?)\);"
    for match in re.finditer(calls, body):
        expr = match.group(1) or match.group(2)
        pieces.append("\n" if expr is None else _java_expr_text(expr))
    lines = (line.strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _java_unescape(literal: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": ""}.get(m.group(1), m.group(1)), literal)


def java_html_literal_text(data: bytes, variable: str = "htmlContent") -> str:
    """A contract kept as an HTML string literal in Java code (zh-1803: the filled contract a test `main` converts to
    Word): the literals of the first statement `String <variable> = "..." + "..." ...;` joined with their escapes
    undone, the page's <head> dropped, each drop-down replaced by its selected option, each checkbox by ☑ (checked) or ☐,
    each other form field by its value or ＿＿ when empty, then read as `vue_text` reads a template (cells joined by
    " | ")."""
    source = data.decode("utf-8")
    start = source.index(f"String {variable} = ")
    end = re.compile(r'"\s*;').search(source, start)
    if end is None:
        raise ValueError(f"java html literal: no end of the {variable} statement")
    text = "".join(_java_unescape(lit[1:-1]) for lit in JAVA_LITERAL.findall(source[start : end.end()]))
    text = re.sub(r"(?is)<head>.*?</head>", "", text)
    text = re.sub(r"(?is)<select[^>]*>(.*?)</select>", _selected_option, text)
    text = re.sub(r"(?i)<input\b[^>]*>", _input_mark, text)
    return vue_text(("<template>" + text + "</template>").encode("utf-8"))


def _selected_option(match: re.Match[str]) -> str:
    """A drop-down of the form: the text of its selected option, ＿＿ if none is selected."""
    found = re.search(r"(?is)<option\b[^>]*\bselected\b[^>]*>(.*?)</option>", match.group(1))
    return found.group(1).strip() if found else "＿＿"


def _input_mark(match: re.Match[str]) -> str:
    """A form field: a checkbox becomes ☑ (checked) or ☐, a filled field its value, an empty field ＿＿."""
    tag = match.group(0)
    if re.search(r'(?i)type="checkbox"', tag):
        return "☑" if re.search(r"(?i)\bchecked\b", tag) else "☐"
    value = re.search(r'(?i)\bvalue="([^"]*)"', tag)
    return value.group(1) if value and value.group(1).strip() else "＿＿"


# the contract fields of an outsourcing-contract record, in the record's order; the approval notes (DYJS, HEYJ, HTZC) and
# the list columns before HTGS are left out
WW_CONTRACT_FIELDS = (
    "HTGS",
    "GZMC",
    "GZFW",
    "HTZL",
    "LXDD",
    "FYBZ",
    "ZRYW",
    "ZLBZ",
    "SYQ",
    "WYZR",
    "FLSY",
    "HTSX",
    "BKKL",
    "TZTK",
    "QT",
)


def csharp_json_contract_text(data: bytes, method: str = "Mobile_Ww_Ht_Detail") -> str:
    """A contract kept as the sample answer of a C# web method (zh-1804: the outsourcing-contract detail a design
    institute's mobile web service returns): the JSON string literal the method returns, its first record's contract
    fields (WW_CONTRACT_FIELDS) in the record's order, each read as HTML (<br> a line break, &nbsp; a space)."""
    source = data.decode("utf-8-sig")
    start = source.index(f" {method}(")
    found = re.compile(r'return "((?:[^"\\]|\\.)*)";').search(source, start)
    if found is None:
        raise ValueError(f"csharp json contract: no return literal in {method}")
    record = json.loads(_java_unescape(found.group(1)))[0]
    parts = []
    for field in WW_CONTRACT_FIELDS:
        value = html.unescape(record[field]).replace("\xa0", " ")
        parts.append(vue_text(("<template>" + value + "</template>").encode("utf-8")))
    return "\n".join(part for part in parts if part)


READERS18 = {"zh-1803": java_html_literal_text, "zh-1804": csharp_json_contract_text}


class _WordHtmlParser(HTMLParser):
    """Paragraph-level text of an HTML page saved by Word: each block element a line, table rows with cells joined by
    " | " (a row with one non-empty cell gives that cell's paragraphs as lines); text nodes are stripped of the source's
    ASCII whitespace (the page is re-indented markup), runs of three or more no-break spaces (blank fields) become ＿＿."""

    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "br"}
    SKIP = {"style", "script", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.run: list[str] = []
        self.row: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.skip = 0

    def flush(self) -> None:
        text = "".join(self.run).strip()
        self.run = []
        if not text:
            return
        if self.cell is not None:
            self.cell.append(text)
        else:
            self.lines.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "tr":
            self.flush()
            self.row = []
        elif tag in ("td", "th"):
            self.flush()
            self.cell = []
        elif tag in self.BLOCK:
            self.flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th"):
            self.flush()
            if self.row is not None and self.cell is not None:
                self.row.append(self.cell)
            self.cell = None
        elif tag == "tr":
            self.flush()
            if self.row:
                filled = [cell for cell in self.row if cell]
                if len(filled) == 1:
                    self.lines.extend(filled[0])
                elif filled:
                    self.lines.append(" | ".join(" ".join(cell) for cell in self.row))
            self.row = None
        elif tag in self.BLOCK:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = data.strip(" \t\r\n")
        self.run.append(re.sub("\xa0{3,}", "＿＿", text).replace("\xa0", ""))


def word_html_text(data: bytes) -> str:
    """A document kept as a FreeMarker template of a Word-saved HTML page (zh-2301): comments and FreeMarker directives
    (<#…>, </#…>) dropped, ${…} fields made ＿＿, then read by paragraphs (see _WordHtmlParser)."""
    source = data.decode("utf-8-sig")
    source = re.sub(r"(?s)<!--.*?-->", "", source)
    source = re.sub(r"</?#[^>]*>", "", source)
    source = re.sub(r"\$\{[^}]*\}", "＿＿", source)
    return "\n".join(_word_html_lines(source))


def _word_html_lines(source: str) -> list[str]:
    """The paragraphs and table rows of a Word-saved HTML page (see _WordHtmlParser)."""
    parser = _WordHtmlParser()
    parser.feed(source)
    parser.close()
    parser.flush()
    return parser.lines


def jsp_word_text(data: bytes) -> str:
    """A Word-saved HTML page kept as a JSP print page (zh-2302): JSP comments and scriptlets (<%…%>), HTML comments and
    JSP tag-library tags (<c:…>, <fmt:…>, <form:…>…) dropped, each drop-down, form field and ${…} field made ＿＿, then read
    by paragraphs like `word_html_text` (see _WordHtmlParser), each line stripped of the markup's indentation. (`jsp_text`,
    the reader of zh-1501's pages, would break this page's paragraphs at every line break of the re-indented markup.)"""
    source = data.decode("utf-8-sig")
    source = re.sub(r"(?s)<%--.*?--%>|<%.*?%>|<!--.*?-->", "", source)
    source = re.sub(r"(?is)<select[^>]*>.*?</select>", "＿＿", source)
    source = re.sub(r"(?i)<input\b[^>]*>", "＿＿", source)
    source = re.sub(r"</?(c|fmt|fn|form|sys|shiro):[^>]*>", "", source)
    source = re.sub(r"\$\{[^}]*\}", "＿＿", source)
    return "\n".join(line.strip() for line in "\n".join(_word_html_lines(source)).split("\n"))


READERS23 = {"zh-2301": word_html_text, "zh-2302": jsp_word_text}


def tsx_literal_text(data: bytes, names: tuple[str, ...]) -> str:
    """Texts kept as `export const NAME = `...`;` template literals of a TypeScript file, in the order of `names`: each
    literal preceded by its line comment ("// 保证金协议") as a title line, <br/> and block tags (h1-h6, p, div) made line
    breaks, other tags dropped, entities unescaped, each line stripped, blank lines dropped."""
    source = data.decode("utf-8")
    parts = []
    for name in names:
        match = re.search(r"(?m)^// *(.*)\nexport const " + re.escape(name) + r" *= *`([^`]*)`", source)
        assert match, name
        text = match.group(2)
        text = re.sub(r"(?i)<br\s*/?>", "\n", text)
        text = re.sub(r"(?i)</?(h\d|p|div)(\s[^>]*)?>", "\n", text)
        text = re.sub(r"<[^>]+>", "", text)
        text = html.unescape(text).replace("\xa0", " ")
        lines = [line.strip() for line in text.split("\n")]
        parts.append("\n".join([match.group(1).strip()] + [line for line in lines if line]))
    return "\n".join(parts)


def php_html_text(data: bytes) -> str:
    """An HTML page kept as a PHP view (zh-2403): PHP blocks (<?php … ?>, <?= … ?>) and HTML comments dropped, then read
    by paragraphs like `word_html_text` (see _WordHtmlParser; <style>, <script> and <head> skipped)."""
    source = data.decode("utf-8-sig")
    source = re.sub(r"(?s)<\?(php|=).*?\?>|<!--.*?-->", "", source)
    return "\n".join(_word_html_lines(source))


READERS24 = {
    "zh-2401": lambda data: tsx_literal_text(data, ("contract_CN",)),
    "zh-2402": lambda data: tsx_literal_text(data, ("margin_agreement", "registration_agreement")),
    "zh-2403": php_html_text,
}
READERS25 = {"zh-2501": jsp_word_text}

JSX_TEXT = re.compile(r"(?s)<Text\b(?:[^<>{}]|\{(?:[^{}]|\{[^{}]*\})*\})*>(.*?)</Text>")


def jsx_text(data: bytes) -> str:
    """Texts kept as the <Text>…</Text> elements of a React Native page (zh-4401), in source order, those inside JSX comment
    blocks included: each element's children with JSX bindings ({this.state.x}) made ＿＿ and inner tags dropped, each source
    line of it stripped and made a line, blank lines dropped."""
    lines = []
    for match in JSX_TEXT.finditer(data.decode("utf-8")):
        body = re.sub(r"\{[^{}]*\}", "＿＿", match.group(1))
        body = re.sub(r"<[^>]+>", "", body)
        lines.extend(line.strip() for line in body.split("\n") if line.strip())
    return "\n".join(lines)


READERS44 = {"zh-4401": jsx_text}


DOCX_CALLS = {"add_run", "add_info", "add_paragraph", "add_heading"}


def py_docx_text(data: bytes) -> str:
    """A contract written by a python-docx script: the string literals the script writes (arguments of add_run,
    add_paragraph, add_heading and the script's own add_info, and the literals of a module-level `sections` list of
    (heading, [paragraphs]) pairs), one paragraph a line, in source order; font names, file paths and messages are
    not arguments of those calls and are left out."""
    tree = ast.parse(data.decode("utf-8"))
    found: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in DOCX_CALLS:
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.append((arg.lineno, arg.col_offset, arg.value))
        elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "sections" for t in node.targets):
            for const in ast.walk(node.value):
                if isinstance(const, ast.Constant) and isinstance(const.value, str):
                    found.append((const.lineno, const.col_offset, const.value))
    return "\n".join(value for _, _, value in sorted(found))


CLAUSE_BREAK = re.compile(
    r"(?<=[。；;：:）)])(?=\d{1,2}(?:\.\d{1,2}){1,3}[\u4e00-\u9fff（(])"  # 7.2.5 after a sentence end
    r"|(?<!合同)(?=第[一二三四五六七八九十]+[条章])"  # 第七条, 第四章 (not 本合同第六条)
    r"|(?<=[。；;])(?=\d{1,2}、)"  # 1、 after a sentence end
)


def py_literal_text(data: bytes) -> str:
    """A contract pasted into a Python file as one long string literal (the test input of an extraction service): the
    longest string literal of the file, with a line break put before each 第N条/第N章 heading (not after 合同), and before a clause number
    (7.2.5, 1、) that follows the end of a sentence; the words are not changed."""
    tree = ast.parse(data.decode("utf-8"))
    literals = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    text = max(literals, key=len)
    return "\n".join(line.strip() for line in CLAUSE_BREAK.sub("\n", text).split("\n"))


def hiprint_order_text(data: bytes) -> str:
    """Purchase-order terms in the sample data of a Vue page that prints orders with hiprint: the print job's title, the
    order's 月结方式 (its `way` field), its 重点声明 (`statement`) and its terms (the `longText` template literal), one line
    each; the sample rows, names and telephone numbers are left out, "&nbsp;" and the literal's indentation removed."""
    source = data.decode("utf-8")

    def value(pattern: str) -> str:
        found = re.search(pattern, source, re.S)
        if not found:
            raise ValueError(f"hiprint order: no match for {pattern!r}")
        return found.group(1)

    title = value(r'const postMsg = \{\s*title: "([^"]+)"')
    terms = value(r"longText: `(.*?)`").replace("&nbsp;", " ")
    lines = [title, "月结方式：" + value(r'way: "([^"]+)"'), value(r'statement: "([^"]+)"')]
    lines += [line.strip() for line in terms.split("\n") if line.strip()]
    return "\n".join(lines)


def to_text(data: bytes, path: str) -> str:
    return clean(raw_text(data, path))


def _squash(line: str) -> str:
    return re.sub(r"\s+", "", line)


def section(text: str, start: str, occurrence: int, end: str | None) -> str:
    """Lines from the occurrence-th line starting with `start` up to the first later line starting with `end`."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if _squash(line).startswith(start)]
    first = starts[occurrence - 1]
    stop = next(
        (i for i in range(first + 1, len(lines)) if end and _squash(lines[i]).startswith(end)), len(lines)
    )
    return "\n".join(lines[first:stop])


def heldout8_text(data: bytes, path: str, parts: tuple[tuple[str, int, str | None], ...]) -> str:
    text = raw_text(data, path)
    return clean("\n\n".join(section(text, start, occurrence, end) for start, occurrence, end in parts))


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
    for doc_id, (repo, path, parts) in {**DOCS8, **DOCS9}.items():
        data = original(mirror_root, repo, path)
        text = heldout8_text(data, path, parts)
        (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, hashlib.sha256(data).hexdigest(), len(text))
    for doc_id, (repo, commit, path, parts) in {**DOCS10, **DOCS11, **DOCS12}.items():
        data = original_at(mirror_root, repo, commit, path)
        text = heldout8_text(data, path, parts)
        text = fix_personal(doc_id, text, NAMES, SUBS)
        (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, hashlib.sha256(data).hexdigest(), len(text))
    for doc_id, (repo, commit, path, parts) in DOCS13.items():
        data = original_at(mirror_root, repo, commit, path)
        if doc_id in MARKDOWN13:
            text = clean(markdown_text(data))
        else:
            text = heldout8_text(data, path, parts)
        text = fix_personal(doc_id, text, NAMES, SUBS)
        (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, hashlib.sha256(data).hexdigest(), len(text))
    for doc_id, (repo, commit, path, parts) in {
        **DOCS14,
        **DOCS16,
        **DOCS18,
        **DOCS19,
        **DOCS20,
        **DOCS21,
        **DOCS23,
        **DOCS24,
        **DOCS25,
        **DOCS44,
    }.items():
        data = original_at(mirror_root, repo, commit, path)
        readers = {**READERS18, **READERS23, **READERS24, **READERS25, **READERS44}
        if doc_id in readers:
            raw = readers[doc_id](data)
            text = clean(
                "\n\n".join(section(raw, start, occurrence, end) for start, occurrence, end in parts)
            )
        else:
            text = heldout8_text(data, path, parts)
        text = fix_personal(doc_id, text, NAMES, SUBS)
        (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, hashlib.sha256(data).hexdigest(), len(text))
    for doc_id, (repo, commit, files) in {**DOCS19_MULTI, **DOCS42}.items():
        datas = [(path, original_at(mirror_root, repo, commit, path), parts) for path, parts in files]
        text = clean("\n\n".join(heldout8_text(data, path, parts) for path, data, parts in datas))
        text = fix_personal(doc_id, text, NAMES, SUBS)
        (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, " ".join(hashlib.sha256(data).hexdigest() for _, data, _ in datas), len(text))
    for doc_id, (repo, commit, pages) in DOCS40.items():
        datas = [(original_at(mirror_root, repo, commit, path), parts) for path, parts in pages]
        raw = "\n\n".join(
            section(word_html_text(data), start, occurrence, end)
            for data, parts in datas
            for start, occurrence, end in parts
        )
        text = fix_personal(doc_id, clean(raw), NAMES, SUBS)
        (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, " ".join(hashlib.sha256(data).hexdigest() for data, _ in datas), len(text))
    for doc_id, (repo, commit, path) in DOCS17.items():
        data = original_at(mirror_root, repo, commit, path)
        raw = hiprint_order_text(data) if path.endswith(".vue") else py_literal_text(data)
        text = clean(fix_personal(doc_id, raw, NAMES, SUBS))
        (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, hashlib.sha256(data).hexdigest(), len(text))
    for doc_id, (repo, commit, path, parts) in DOCS15.items():
        data = original_at(mirror_root, repo, commit, path)
        text = fix_personal(doc_id, heldout8_text(data, path, parts), NAMES, SUBS)
        (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, hashlib.sha256(data).hexdigest(), len(text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
