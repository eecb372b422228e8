"""The render budget (issue 18, item 2): a hostile template is refused with one error naming the
template and its line, within a second or so, instead of exhausting memory or time."""

from __future__ import annotations

import time

import pytest
from conftest import PRICE
from test_documents_own_templates import split_run_docx

from bidassist.core.errors import BidassistError
from bidassist.documents import render_template
from bidassist.documents.budget import MAX_CHARS, MAX_STEPS
from bidassist.documents.environment import make_environment

#: (template body on line 2, the words the error must contain)
ATTACKS = [
    ("{{ range(10**9) | list }}", "100,000"),
    ("{{ 'a' * 10**10 }}", "重复次数过多"),
    ("{{ 7 ** 100000 }}", "数字过大"),
    ("{{ 10 ** 5000 }}", "数字过大"),
    ("{{ (range(100000) | list * 1000) | join }}", "重复次数过多"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", f"{MAX_STEPS:,}"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}", "超"),
    ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", "宏递归过深"),
    (
        "{% macro a(n) %}{{ b(n) }}{% endmacro %}{% macro b(n) %}{{ a(n) }}{% endmacro %}{{ a(1) }}",
        "宏递归过深",
    ),
    ("{{ 1 / 0 }}", "ZeroDivisionError"),
    ("{{ 1 // 0 }}", "ZeroDivisionError"),
    ("{{ 'a' + 1 }}", "TypeError"),
    ("{{ 2.0 ** 10000 }}", "OverflowError"),
    ("{{ 'x' | center(10**9) }}", "参数过大"),
    ("{{ 'x' | indent(10**9) }}", "参数过大"),
    ("{{ [1] | batch(10**9, 0) | list }}", "参数过大"),
    ("{{ [1] | slice(10**9) | list }}", "参数过大"),
    ("{{ '%0999999999d' | format(1) }}", "格式宽度过大"),
    ("{{ '%0999999999d' % 1 }}", "格式宽度过大"),
    ("{{ '%*d' % (999999999, 1) }}", "格式宽度过大"),
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
]


@pytest.mark.parametrize("body,words", ATTACKS)
def test_text_template_over_budget_is_refused_with_its_line(body, words, bid, costs, tmp_path):
    tpl = tmp_path / "dos.txt"
    tpl.write_text(f"投标函\n{body}\n{{{{ price.total | money }}}}", encoding="utf-8")
    out = tmp_path / "out.txt"
    start = time.monotonic()
    with pytest.raises(BidassistError) as info:
        render_template(tpl, bid, costs, PRICE, out)
    assert time.monotonic() - start < 20
    text = str(info.value)
    assert "dos.txt" in text, text
    assert "line 2" in text or "输出过大" in text, text  # the output limit is found after the line
    assert words in text, text
    assert len(text.splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("body,words", [ATTACKS[1], ATTACKS[5], ATTACKS[7], ATTACKS[9]])
def test_docx_template_over_budget_is_refused(body, words, bid, costs, tmp_path):
    docx = split_run_docx(tmp_path / "dos.docx", [[body]])
    out = tmp_path / "out.docx"
    with pytest.raises(BidassistError) as info:
        render_template(docx, bid, costs, PRICE, out)
    assert words in str(info.value) and "dos.docx" in str(info.value)
    assert not out.exists()


def test_budget_leaves_ordinary_templates_alone():
    env = make_environment(autoescape=False)
    src = (
        "{% for i in range(3) %}{{ i }}{% endfor %}|{{ 'ab' * 3 }}|{{ 2 ** 10 }}|{{ [1, 2] | join(',') }}"
        "|{{ 'x' ~ 'y' }}|{{ '%05d' % 42 }}|{{ '{:>4}'.format(7) }}|{{ 'a'.ljust(3) }}."
    )
    assert env.from_string(src).render({}) == "012|ababab|1024|1,2|xy|00042|   7|a  ."


def test_output_just_under_the_limit_renders():
    env = make_environment(autoescape=False)
    out = env.from_string("{% for i in range(1000) %}{{ 'x' * 9000 }}{% endfor %}").render({})
    assert len(out) == 9_000_000 < MAX_CHARS
