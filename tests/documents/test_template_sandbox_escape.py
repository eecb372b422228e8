"""The template sandbox (issue 18, item 1): a template from a colleague or the internet can reach
no file, no Python object with methods that act on the world, and cannot change the data that the
next template in the set reads."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from conftest import PRICE
from test_documents_own_templates import split_run_docx

from bidassist.core.errors import BidassistError
from bidassist.documents import render_template
from bidassist.documents.context import build_data

ESCAPES = [
    "{{ tender.terms_file.joinpath('/etc/passwd').read_text() }}",
    "{{ tender.terms_file.with_name('owned.txt').write_text('owned') }}",
    "{{ tender.terms_file.parent.parent.iterdir() | list }}",
    "{{ tender.terms_file.resolve() }}",
    "{{ tender.template_dir.joinpath('x').touch() }}",
]

MUTATIONS = [
    "{{ price.update({'total': 1}) }}",
    "{{ schedule.rows.clear() }}",
    "{{ schedule.rows.append(1) }}",
    "{{ schedule.rows.pop() }}",
    "{{ price.pop('total') }}",
    "{{ price.setdefault('x', 1) }}",
    "{{ schedule.rows[0].update({'total': 0}) }}",
    "{{ deviations.all.sort() }}",
    "{% set _ = price.__setitem__('total', 1) %}",
]

PLAIN = (str, bool, int, float, Decimal, dt.date, dt.datetime, dt.time)


def _leaves(value, path="context"):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, f"{path}[{i}]")
    else:
        yield path, value


def test_template_data_is_plain(bid, costs):
    data = build_data(bid, costs, PRICE)
    assert bid.tender.terms_file is not None  # the example sets a path: it must arrive as text
    for path, leaf in _leaves(data.context):
        assert isinstance(leaf, PLAIN), f"{path} is {type(leaf).__name__}"
    assert isinstance(data.context["tender"]["terms_file"], str)


@pytest.mark.parametrize("expr", ESCAPES + MUTATIONS)
def test_text_template_cannot_escape_or_mutate(expr, bid, costs, tmp_path):
    target = tmp_path / "owned.txt"
    tpl = tmp_path / "evil.txt"
    tpl.write_text(f"{expr}\n{{{{ price.total | money }}}}", encoding="utf-8")
    with pytest.raises(BidassistError):
        render_template(tpl, bid, costs, PRICE, tmp_path / "out.txt")
    assert not (tmp_path / "out.txt").exists()
    assert not target.exists()


@pytest.mark.parametrize("expr", [ESCAPES[0], ESCAPES[1], MUTATIONS[0], MUTATIONS[1]])
def test_docx_template_cannot_escape_or_mutate(expr, bid, costs, tmp_path):
    docx = split_run_docx(tmp_path / "evil.docx", [[expr]])
    with pytest.raises(BidassistError):
        render_template(docx, bid, costs, PRICE, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_terms_file_prints_as_text(bid, costs, tmp_path):
    tpl = tmp_path / "ok.txt"
    tpl.write_text("{{ tender.terms_file }}", encoding="utf-8")
    out = render_template(tpl, bid, costs, PRICE, tmp_path / "ok_out.txt")
    assert out.read_text(encoding="utf-8").endswith("tender_terms.docx")
