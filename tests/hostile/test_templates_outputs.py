"""Attack cases on templates (`bidassist render`), on outputs (every command's -o/--annotate/--xlsx)
and Ctrl-C."""

from __future__ import annotations

import os
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from builders import LAUGHS, cost_book, member, patch_zip, with_prolog
from docx import Document
from hostile_kit import EXAMPLE, assert_refused, interrupted, run, run_limited, snapshot
from jinja2.sandbox import SecurityError

from bidassist.core.bidfile import load_bid
from bidassist.costs.model import CostLine, CostModel
from bidassist.documents import render_template
from bidassist.documents.budget import CHARS_PER_ROW, MAX_CHARS, MAX_OUTPUT, output_limit, table_rows
from bidassist.documents.checks import docx_units
from bidassist.documents.environment import make_environment

#: template body -> words the error must contain (budget, runtime errors, escapes, mutations)
TEMPLATE_ATTACKS = [
    ("{{ range(10**9) | list }}", "100,000"),
    ("{{ 'a' * 10**10 }}", "重复次数过多"),
    ("{{ 7 ** 100000 }}", "数字过大"),
    ("{{ 10 ** 5000 }}", "数字过大"),
    ("{{ (range(100000) | list * 1000) | join }}", "重复次数过多"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "1,000,000"),
    ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", "宏递归过深"),
    (
        "{% macro a(n) %}{{ b(n) }}{% endmacro %}{% macro b(n) %}{{ a(n) }}{% endmacro %}{{ a(1) }}",
        "宏递归过深",
    ),
    ("{{ 1 / 0 }}", "ZeroDivisionError"),
    ("{{ 1 // 0 }}", "ZeroDivisionError"),
    ("{{ 1 % 0 }}", "ZeroDivisionError"),
    ("{{ 'a' + 1 }}", "TypeError"),
    ("{{ 2.0 ** 10000 }}", "OverflowError"),
    ("{{ [1][5] }}", "缺少字段"),
    ("{{ 'x' | center(10**9) }}", "参数过大"),
    ("{{ 'x' | indent(10**9) }}", "参数过大"),
    ("{{ [1] | batch(10**9, 0) | list }}", "参数过大"),
    ("{{ [1] | slice(10**9) | list }}", "参数过大"),
    ("{{ '%0999999999d' | format(1) }}", "格式宽度过大"),
    ("{{ '%0999999999d' % 1 }}", "格式宽度过大"),
    ("{{ '{:>999999999}'.format(1) }}", "格式宽度过大"),
    ("{{ 'a'.ljust(10**9) }}", "参数过大"),
    ("{{ 'a'.zfill(10**9) }}", "参数过大"),
    ("{{ ('a' * 10000).replace('', 'b' * 10000) }}", "文本过长"),
    (
        "{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "文本过长",
    ),
    (
        "{% set ns = namespace(s=['a']) %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
        "列表过长",
    ),
    ("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}", "输出过大"),
    ("{{ price.total | number(10**9) }}", "参数过大"),
    ("{{ 'x' | truncate(10**12) }}", "参数过大"),
    ("{{ 'x' | wordwrap(10**12) }}", "参数过大"),
    ("{{ price.total | money(10**9) }}", "line 2"),
    # each text at the 10,000,000-character limit, the output over the limit for this bid's rows
    ("{{ '1' * 10**7 | int }}{{ '2' * 10**7 }}", "输出过大"),
    # the sandbox: no files, no Python internals, no mutation of the shared data
    ("{{ tender.terms_file.joinpath('/etc/passwd').read_text() }}", None),
    ("{{ tender.terms_file.with_name('owned.txt').write_text('owned') }}", None),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", None),
    ("{{ cycler.__init__.__globals__ }}", None),
    ("{{ lipsum.__globals__['os'].system('echo owned') }}", None),
    ("{% include '/etc/passwd' %}", None),
    ("{% import 'x' as y %}", None),
    ("{% extends '/etc/passwd' %}", None),
    ("{{ price.update({'total': 1}) }}", None),
    ("{{ schedule.rows.clear() }}", None),
    ("{{ schedule.rows.append(1) }}", None),
    ("{{ price.pop('total') }}", None),
    ("{% set _ = price.__setitem__('total', 1) %}", None),
    ("{{ self.__dict__ }}", None),
    ("{{ range.__self__ }}", "缺少字段"),
    ("{{ {}.__class__.__base__.__subclasses__() }}", None),
    ("{% for x in (1).__class__.__mro__ %}{% endfor %}", None),
    ("{{ undefined_thing.attr }}", "缺少字段"),
    ("{% if %}", "syntax"),
    ("{{ }}", "syntax"),
    ("{% for %}", "syntax"),
    ("{% endfor %}", "syntax"),
]


@pytest.fixture
def priced(work: Path) -> Path:
    """The example bid with its price set (no simulation needed to render)."""
    text = (
        (work / "bid.yaml")
        .read_text(encoding="utf-8")
        .replace("\noffer:\n", "\noffer:\n  price: 11126766.70\n")
    )
    (work / "bid.yaml").write_text(text, encoding="utf-8")
    return work


@pytest.mark.parametrize("body,words", TEMPLATE_ATTACKS, ids=[b[:40] for b, _ in TEMPLATE_ATTACKS])
def test_hostile_text_template_is_refused(body, words, priced):
    (priced / "dos.txt").write_text(f"投标函\n{body}\n{{{{ price.total | money }}}}", encoding="utf-8")
    before = snapshot(priced)
    res = run(["render", "dos.txt", "--data", "bid.yaml", "-o", "out.txt"], priced)
    assert_refused(res, "dos", words=words, lines=None)  # "dos (dos.txt)" or "needed by dos"
    assert not (priced / "out.txt").exists() and not (priced / "owned.txt").exists()
    assert "owned" not in res.out
    assert snapshot(priced) == before


@pytest.mark.parametrize(
    "body,words",
    TEMPLATE_ATTACKS[:12:3] + TEMPLATE_ATTACKS[33:36],
    ids=[b[:40] for b, _ in TEMPLATE_ATTACKS[:12:3] + TEMPLATE_ATTACKS[33:36]],
)
def test_hostile_docx_template_is_refused(body, words, priced):
    doc = Document()
    doc.add_paragraph("投标函")
    doc.add_paragraph(body)
    doc.save(str(priced / "dos.docx"))
    res = run(["render", "dos.docx", "--data", "bid.yaml", "-o", "out.docx"], priced)
    assert_refused(res, "dos.docx", words=words, lines=None)
    assert not (priced / "out.docx").exists()


def test_template_loop_bomb_under_limits(priced):
    (priced / "dos.txt").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    res = run_limited(["render", "dos.txt", "--data", "bid.yaml", "-o", "out.txt"], priced)
    assert_refused(res, "dos.txt", lines=None)


def _docx_template(priced: Path, kind: str) -> str:
    doc = Document()
    doc.add_paragraph("{{ bidder.company }}")
    doc.save(str(priced / "base.docx"))
    base = priced / "base.docx"
    if kind == "dtd":
        patch_zip(
            base,
            priced / "t.docx",
            {"word/document.xml": with_prolog(member(base, "word/document.xml"), LAUGHS)},
        )
    elif kind == "bomb":
        with zipfile.ZipFile(priced / "t.docx", "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("word/document.xml", b" " * (48 * 1024 * 1024))
    elif kind == "xlsx":
        cost_book(priced / "t.docx")
    else:
        (priced / "t.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    return "t.docx"


@pytest.mark.parametrize("kind", ["dtd", "bomb", "xlsx", "ole2"])
def test_hostile_docx_template_file_is_refused(kind, priced):
    name = _docx_template(priced, kind)
    res = run(["render", name, "--data", "bid.yaml", "-o", "out.docx"], priced)
    assert_refused(res, name, lines=None)
    assert not (priced / "out.docx").exists()


@pytest.mark.parametrize(
    "data,encoding",
    [(b"\x00\x01\x02" * 100, None), (b"\xff\xfe" + "{{ x }".encode("utf-16-le"), None)],
    ids=["binary", "utf16-syntax-error"],
)
def test_hostile_text_template_file_is_refused(data, encoding, priced):
    (priced / "t.txt").write_bytes(data)
    res = run(["render", "t.txt", "--data", "bid.yaml", "-o", "out.txt"], priced)
    assert_refused(res, "t.txt", lines=None)


def test_uffff_in_the_company_name_keeps_other_fields_intact(priced):
    text = (priced / "bid.yaml").read_text(encoding="utf-8")
    text = text.replace("company: 江南洁净空调工程有限公司", 'company: "江南洁净\\uFFFF空调工程有限公司"')
    text = text.replace("address: 杭州市滨江区江南大道1888号", 'address: "A<B>&C 大道1888号"')
    (priced / "bid.yaml").write_text(text, encoding="utf-8")
    doc = Document()
    doc.add_paragraph("{{ bidder.company }}|{{ bidder.address }}")
    doc.save(str(priced / "t.docx"))
    res = run(["render", "t.docx", "--data", "bid.yaml", "-o", "out.docx"], priced)
    assert res.code == 0, res.err
    shown = "\n".join(p.text for p in Document(str(priced / "out.docx")).paragraphs)
    assert "A<B>&C 大道1888号" in shown and "\uffff" not in shown


# --------------------------------------------------------------------------- outputs


def _link(work: Path, name: str) -> str:
    (work / "victim.txt").write_text("keep", encoding="utf-8")
    (work / name).symlink_to(work / "victim.txt")
    return name


OUTPUT_CASES = [
    # (id, args, place, setup)
    (
        "costs-o-is-input",
        ["costs", "import", "costs.xlsx", "-o", "costs.xlsx", "--force"],
        "costs.xlsx",
        None,
    ),
    (
        "costs-o-hardlink-of-input",
        ["costs", "import", "costs.xlsx", "-o", "alias.xlsx", "--force"],
        "alias.xlsx",
        lambda w: os.link(w / "costs.xlsx", w / "alias.xlsx"),
    ),
    (
        "costs-o-symlink",
        ["costs", "import", "costs.xlsx", "-o", "link.json", "--force"],
        "link.json",
        lambda w: _link(w, "link.json"),
    ),
    (
        "costs-o-missing-folder",
        ["costs", "import", "costs.xlsx", "-o", "no/such/out.json"],
        "no/such/out.json",
        None,
    ),
    ("costs-o-exists", ["costs", "import", "costs.xlsx", "-o", "bid.yaml"], "bid.yaml", None),
    (
        "costs-o-directory",
        ["costs", "import", "costs.xlsx", "-o", "adir", "--force"],
        "adir",
        lambda w: (w / "adir").mkdir(),
    ),
    (
        "template-o-symlink",
        ["costs", "template", "-o", "link.xlsx", "--force"],
        "link.xlsx",
        lambda w: _link(w, "link.xlsx"),
    ),
    ("template-o-missing-folder", ["costs", "template", "-o", "no/t.xlsx"], "no/t.xlsx", None),
    ("template-o-exists", ["costs", "template", "-o", "costs.xlsx"], "costs.xlsx", None),
    (
        "check-o-is-contract",
        ["check", "contract.docx", "--format", "md", "-o", "contract.docx", "--force"],
        "contract.docx",
        None,
    ),
    (
        "check-annotate-is-contract",
        ["check", "contract.docx", "--annotate", "contract.docx", "--force"],
        "contract.docx",
        None,
    ),
    (
        "check-annotate-is-tender",
        [
            "check",
            "contract.docx",
            "--against",
            "tender_terms.docx",
            "--annotate",
            "tender_terms.docx",
            "--force",
        ],
        "tender_terms.docx",
        None,
    ),
    (
        "check-o-symlink",
        ["check", "contract.docx", "--format", "md", "-o", "link.md", "--force"],
        "link.md",
        lambda w: _link(w, "link.md"),
    ),
    (
        "check-annotate-symlink",
        ["check", "contract.docx", "--annotate", "link.docx", "--force"],
        "link.docx",
        lambda w: _link(w, "link.docx"),
    ),
    (
        "check-o-missing-folder",
        ["check", "contract.docx", "--format", "md", "-o", "no/r.md"],
        "no/r.md",
        None,
    ),
    ("check-o-exists", ["check", "contract.docx", "--format", "md", "-o", "bid.yaml"], "bid.yaml", None),
    (
        "render-o-is-bid",
        ["render", "t.txt", "--data", "bid.yaml", "-o", "bid.yaml", "--force"],
        "bid.yaml",
        None,
    ),
    (
        "render-o-is-template",
        ["render", "t.txt", "--data", "bid.yaml", "-o", "t.txt", "--force"],
        "t.txt",
        None,
    ),
    (
        "render-o-symlink",
        ["render", "t.txt", "--data", "bid.yaml", "-o", "link.txt", "--force"],
        "link.txt",
        lambda w: _link(w, "link.txt"),
    ),
    (
        "render-o-missing-folder",
        ["render", "t.txt", "--data", "bid.yaml", "-o", "no/o.txt"],
        "no/o.txt",
        None,
    ),
    ("render-all-into-file", ["render", "--all", "--data", "bid.yaml", "-o", "bid.yaml"], "bid.yaml", None),
    (
        "render-all-missing-parent",
        ["render", "--all", "--data", "bid.yaml", "-o", "no/such/docs"],
        "no/such",
        None,
    ),
    (
        "price-xlsx-symlink",
        ["price", "bid.yaml", "--iterations", "2000", "--xlsx", "link.xlsx", "--force"],
        "link.xlsx",
        lambda w: _link(w, "link.xlsx"),
    ),
    (
        "price-xlsx-is-costs",
        ["price", "bid.yaml", "--iterations", "2000", "--xlsx", "costs.xlsx", "--force"],
        "costs.xlsx",
        None,
    ),
    (
        "price-xlsx-missing-folder",
        ["price", "bid.yaml", "--iterations", "2000", "--xlsx", "no/p.xlsx"],
        "no/p.xlsx",
        None,
    ),
    ("demo-out-missing-parent", ["demo", "bid.yaml", "-o", "no/such/out"], "no/such", None),
]


@pytest.mark.parametrize("case", OUTPUT_CASES, ids=[c[0] for c in OUTPUT_CASES])
def test_outputs_never_overwrite_inputs_follow_links_or_make_folders(case, priced):
    _id, args, place, setup = case
    (priced / "t.txt").write_text("{{ bidder.company }}", encoding="utf-8")
    if setup:
        setup(priced)
    before = snapshot(priced)
    res = run(args, priced)
    assert_refused(res, place, lines=None)
    assert snapshot(priced) == before
    assert not (priced / "no").exists()


def test_outputs_follow_the_umask(priced):
    old = os.umask(0o022)
    try:
        res = run(["costs", "import", "costs.xlsx", "-o", "out.json"], priced)
    finally:
        os.umask(old)
    assert res.code == 0, res.err
    assert (priced / "out.json").stat().st_mode & 0o777 == 0o644


# --------------------------------------------------------------------------- Ctrl-C


def _no_partial(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".")]


def test_ctrl_c_during_price_xlsx(priced):
    """500,000 iterations fit the 1 GiB limit with room (about 0.75 GB) and take well over a second."""
    before = snapshot(priced)
    args = ["price", "bid.yaml", "--iterations", "500000", "--xlsx", "p.xlsx"]
    res = interrupted(args, priced, priced / "p.xlsx", after=1.0)
    assert_refused(res, None, code=130)
    assert res.err.strip().splitlines()[-1].startswith("interrupted")
    assert len([ln for ln in res.err.splitlines() if ln.strip()]) == 1
    assert not (priced / "p.xlsx").exists() and not _no_partial(priced)
    assert snapshot(priced) == before


def test_price_beyond_memory_is_refused_naming_iterations(priced):
    """3,000,000 iterations need about 2 GB: under the 1 GiB limit a clear refusal, no xlsx."""
    before = snapshot(priced)
    res = run_limited(["price", "bid.yaml", "--iterations", "3000000", "--xlsx", "p.xlsx"], priced)
    assert_refused(res, "--iterations", words="not enough memory")
    assert not (priced / "p.xlsx").exists() and not _no_partial(priced)
    assert snapshot(priced) == before


def test_ctrl_c_during_render_all_pdf_leaves_no_part_of_the_set(priced, tmp_path_factory):
    """A slow converter (a stand-in `soffice` that sleeps) makes the interruption certain."""
    bin_dir = tmp_path_factory.mktemp("bin")
    fake = bin_dir / "soffice"
    fake.write_text('#!/bin/sh\ntouch "$PWD/converting"\nsleep 30\n')
    fake.chmod(0o755)
    os.environ["PATH"] = f"{bin_dir}{os.pathsep}{os.environ['PATH']}"
    try:
        res = run_limited(
            ["render", "--all", "--data", "bid.yaml", "-o", "docs", "--pdf"],
            priced,
            sigint_after=0.3,
            wait_for=priced / "converting",
        )
    finally:
        os.environ["PATH"] = os.environ["PATH"].split(os.pathsep, 1)[1]
    assert_refused(res, None, code=130)
    docs = priced / "docs"
    assert not docs.exists() or not any(docs.iterdir()), sorted(p.name for p in docs.iterdir())


def test_ctrl_c_during_costs_import(priced):
    rows = [[f"L{i}", f"风管{i}", "m", 1, 10 + i] for i in range(60_000)]
    cost_book(priced / "big.xlsx", rows)
    before = snapshot(priced)
    res = interrupted(
        ["costs", "import", "big.xlsx", "-o", "out.json"], priced, priced / "out.json", after=2.0
    )
    assert_refused(res, None, code=130)
    assert not (priced / "out.json").exists() and not _no_partial(priced)
    assert snapshot(priced) == before


def test_ctrl_c_during_check(priced):
    shutil.copy(priced / "contract.docx", priced / "c2.docx")
    (priced / "big.txt").write_text(
        "第一条 甲方每日按合同总价的千分之五支付违约金。\n" * 40_000, encoding="utf-8"
    )
    before = snapshot(priced)
    res = interrupted(
        ["check", "big.txt", "--format", "md", "-o", "r.md"], priced, priced / "r.md", after=2.5
    )
    assert_refused(res, None, code=130)
    assert not (priced / "r.md").exists() and not _no_partial(priced)
    assert snapshot(priced) == before


def test_the_output_limit_grows_with_the_schedule_and_stops_at_its_ceiling():
    """A document may be as long as its rows need (4,000 characters a schedule row beyond the
    10,000,000 of any render), and never longer than the ceiling, whatever the rows."""
    env = make_environment(autoescape=False)
    just_over = env.from_string("{% for i in range(1001) %}{{ 'x' * 10000 }}{% endfor %}")  # 10,010,000
    with pytest.raises(SecurityError, match="输出过大"):
        just_over.render({})
    with table_rows(10):  # 10,040,000 characters allowed
        assert len(just_over.render({})) == 10_010_000
    with table_rows(10**9), pytest.raises(SecurityError, match=f"{MAX_OUTPUT:,}"):
        env.from_string("{% for i in range(5001) %}{{ 'x' * 10000 }}{% endfor %}").render({})
    with table_rows(10), pytest.raises(SecurityError, match="重复次数过多"):
        env.from_string("{{ 'x' * 10001 * 1001 }}").render({})  # any one text: still 10,000,000
    assert output_limit(0) == MAX_CHARS and output_limit(10) == MAX_CHARS + 10 * CHARS_PER_ROW
    assert output_limit(10**9) == MAX_OUTPUT


@pytest.mark.slow  # a large input: with the other large-input cases
def test_a_10000_row_schedule_is_a_document_not_an_attack(tmp_path):
    """A 10,000-row 分项报价表 (about 21,000,000 characters of document XML) renders, checked."""
    lines = [
        CostLine(
            code=f"L{i:05d}",
            description=f"材料设备第{i}项",
            unit="台",
            quantity=Decimal(1 + i % 7),
            low=Decimal(100 + i % 300),
            likely=Decimal(100 + i % 300),
            high=Decimal(100 + i % 300),
            category="设备",
        )
        for i in range(10_000)
    ]
    costs = CostModel(lines=lines)
    bid = load_bid(EXAMPLE / "bid.yaml")
    price = (costs.totals.likely * Decimal("1.35")).quantize(Decimal("0.01"))
    bid.tender.ceiling_price = price * 2
    out = render_template("分项报价表", bid, costs, price, tmp_path / "schedule.docx")
    rows = [u.cells for u in docx_units(out.read_bytes()) if u.cells and u.cells[1].startswith("材料设备第")]
    assert len(rows) == 10_000
    assert rows[-1][:3] == ("10000", "材料设备第9999项", "台")
