"""Rendering: a template + the bid data -> a checked document, written only when every check
passes and no field is missing.

Every template is rendered in memory first (docx through docxtpl, text through Jinja), inside the
sandbox, with missing fields collected; the result is read back and checked; only then is anything
written, atomically, never over an existing file without `force`.
"""

from __future__ import annotations

import copy
import io
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError
from jinja2.sandbox import SecurityError
from lxml import etree

from bidassist.core.bidfile import Bid
from bidassist.core.errors import BidassistError, InputError, OutputExistsError, Problem, ProblemsError
from bidassist.core.gcpause import no_cyclic_gc
from bidassist.core.money import AmountError, format_money
from bidassist.core.safeio import (
    atomic_write_bytes,
    atomic_write_set,
    check_zip,
    output_dir,
    read_text,
)
from bidassist.costs.model import CostModel
from bidassist.documents.budget import table_rows, template_line
from bidassist.documents.checks import (
    DocumentCheck,
    check_data,
    check_units,
    docx_units,
    text_units,
    tree_units,
)
from bidassist.documents.context import DocumentData, build_data
from bidassist.documents.environment import BidSandbox, collect_missing, shared_environment
from bidassist.documents.fields import FieldUse, missing_fields, template_fields
from bidassist.documents.index import index_data, index_html, index_json
from bidassist.documents.layout import FitReport, fit_tables
from bidassist.documents.manifest import TemplateSpec, find_template, template_set
from bidassist.documents.pdf import NOT_INSTALLED, convert_to_pdf, soffice_path
from bidassist.documents.price_source import PriceChoice

INDEX_NAME = "index.html"
INDEX_JSON = "index.json"


@dataclass(frozen=True)
class RenderedFile:
    name: str
    title: str
    language: str
    path: Path
    pdf: Path | None = None


@dataclass
class RenderReport:
    """What render_documents wrote and what the checks found."""

    files: list[RenderedFile] = field(default_factory=list)
    checks: list[DocumentCheck] = field(default_factory=list)
    index: Path | None = None
    notes: list[str] = field(default_factory=list)
    price: Decimal | None = None
    price_source: dict[str, Any] | None = None  # PriceChoice.to_dict(): source, analysis status
    bound: Path | None = None
    bound_pdf: Path | None = None
    index_json: Path | None = None

    @property
    def warnings(self) -> list[DocumentCheck]:
        return [c for c in self.checks if c.severity == "warning"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "price": None if self.price is None else f"{self.price:.2f}",
            "files": [
                {
                    "name": f.name,
                    "title": f.title,
                    "language": f.language,
                    "path": str(f.path),
                    "pdf": str(f.pdf) if f.pdf else None,
                }
                for f in self.files
            ],
            "index": str(self.index) if self.index else None,
            "index_json": str(self.index_json) if self.index_json else None,
            "price_source": self.price_source,
            "bound": str(self.bound) if self.bound else None,
            "bound_pdf": str(self.bound_pdf) if self.bound_pdf else None,
            "checks": [c.to_dict() for c in self.checks],
            "notes": list(self.notes),
        }


@dataclass
class _Rendered:
    spec: TemplateSpec
    content: bytes
    suffix: str
    missing: list[str]
    checks: list[DocumentCheck]


# --------------------------------------------------------------------------- template sources


def _split_paragraphs(xml: str) -> str:
    # docxtpl renders with one Word paragraph per line: a Jinja line number is a paragraph
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


class _DocxTemplate(DocxTemplate):
    """docxtpl with one shortcut: its listing pass (turning \\n \\t \\a \\f inside text into
    Word breaks, tabs, paragraphs) is a regex walk over every paragraph; when the rendered XML has
    none of those characters the walk changes nothing and is skipped. (Looked for one character
    at a time: str's own search takes 16 ms over a 10,000-row document's 21 million characters,
    a character-class regex 150 ms.)"""

    _LISTING = "\t\n\a\f"
    fit: FitReport | None = None
    units: list | None = None

    def fix_tables(self, xml: str):
        """docxtpl's table fix (skipped when it would change nothing: `_grids_match`), then the
        columns fitted to their figures (layout.fit_tables) on the same tree: no second parse.
        The rendered body is parsed inside a copy of the template's document element (see
        `map_tree`); the body is returned for docxtpl's steps."""
        xml = _in_document(self.docx.element, xml)
        root = etree.fromstring(xml, parser=etree.XMLParser(recover=True))  # docxtpl's parse
        if not _grids_match(root):
            root = super().fix_tables(xml)  # docxtpl's own pass: it parses again
        tree = root.find(_BODY)
        if tree is None:  # pragma: no cover - the body was placed in the shell above
            raise InputError("the rendered document has no body", str(self.template_file))
        self.fit = fit_tables(tree)
        # the document's paragraphs and rows for the checks, read from the final tree that is
        # written out unchanged (saves parsing the saved bytes again)
        self.units = tree_units(tree, self.fit.cells)
        return tree

    rendered_root: Any = None

    def map_tree(self, tree) -> None:
        """Keep the document element the body was parsed in; `render` makes it the document
        part's element. docxtpl moves the body into the template's element instead, and lxml's
        move of a tree between documents takes time growing faster than the tree (0.02 s at
        1,000 schedule rows, 0.65 s at 10,000)."""
        self.rendered_root = tree.getparent()

    def render(self, context: dict[str, Any], jinja_env: Any = None, autoescape: bool = False) -> None:
        """docxtpl's render, then the rendered document element in place (after docxtpl's
        footnote step, which reads the sections through python-docx's element classes)."""
        self.rendered_root = None
        super().render(context, jinja_env=jinja_env, autoescape=autoescape)
        if self.rendered_root is not None:
            self.docx.part._element = self.rendered_root

    def release(self) -> None:
        """Let go of the rendered tree once it is saved (the checks keep their texts in `units`).
        python-docx's package and its parts refer to each other, so whatever the document part
        holds waits for the cyclic collector: a 10,000-row tree (and the layout pass's cells,
        which keep it alive) is freed here instead, by reference counting."""
        if self.rendered_root is not None:
            self.docx.part._element = self.docx.element
            self.rendered_root = None
        if self.fit is not None:
            self.fit.cells = {}

    def resolve_listing(self, xml: str) -> str:
        if not any(ch in xml for ch in self._LISTING):
            return xml
        return super().resolve_listing(xml)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BODY, _TBL, _TBLGRID = (f"{{{W}}}{n}" for n in ("body", "tbl", "tblGrid"))
_GRID_COLUMNS = etree.XPath("count(w:tblGrid[1]/w:gridCol)", namespaces={"w": W})
_ROWS_OVER = etree.XPath("boolean(w:tr[count(w:tc) > $n])", namespaces={"w": W})
_ROWS_FULL = etree.XPath("boolean(w:tr[count(w:tc) = $n])", namespaces={"w": W})


def _grids_match(root: Any) -> bool:
    """Would docxtpl's table fix leave the tree as it is? It adds grid columns to a table with a
    row of more cells than columns, and removes those no row reaches (a row reaching as far as
    its cells' spans add up). With no row over the grid and one row of as many cells as the grid
    has columns it does neither. Decided in XPath over each table's own rows, without its Python
    walk over every row and cell (0.03 s at 1,000 schedule rows, 0.3 s at 10,000); a nested table
    (whose rows docxtpl counts for the outer table too) is left to docxtpl."""
    if root.nsmap.get("w") != W:
        return False  # docxtpl reads its tables in whatever namespace the prefix w names
    for tbl in root.iter(_TBL):
        if tbl.find(_TBLGRID) is None or next(tbl.iterancestors(_TBL), None) is not None:
            return False  # docxtpl's own pass decides (and reports) what to do
        n = _GRID_COLUMNS(tbl)
        if _ROWS_OVER(tbl, n=n) or not _ROWS_FULL(tbl, n=n):
            return False
    return True


_SLOT = "bidassist: the rendered body"
_XMLNS = re.compile(r' xmlns(?::[\w.-]+)?="[^"]*"')


def _in_document(document: Any, body_xml: str) -> str:
    """The rendered body's XML inside the template's document element (its namespaces, its
    attributes, any element beside the body such as a page background), for one parse."""
    shell = copy.deepcopy(document)
    body = shell.find(_BODY)
    slot = etree.Comment(_SLOT)
    if body is None:  # pragma: no cover - python-docx refuses a document without a body
        shell.append(slot)
    else:
        shell.replace(body, slot)
    head, _, tail = etree.tostring(shell, encoding="unicode").rpartition(f"<!--{_SLOT}-->")
    # the body was serialized on its own, with the namespaces of the element it sat in declared
    # again on its start tag: drop those the shell declares (the same prefix for the same URI)
    end = body_xml.find(">")
    declared = {f' xmlns:{k}="{v}"' if k else f' xmlns="{v}"' for k, v in shell.nsmap.items()}
    start = _XMLNS.sub(lambda m: "" if m.group(0) in declared else m.group(0), body_xml[:end])
    return head + start + body_xml[end:] + tail


def _docx_template(path: Path) -> DocxTemplate:
    check_zip(path, what="template")
    try:
        tpl = _DocxTemplate(path)
        tpl.init_docx()
    except Exception as exc:  # python-docx raises several kinds for a zip that is not a Word file
        raise InputError(f"not a Word document template ({type(exc).__name__}: {exc})", str(path)) from None
    return tpl


def docx_source(path: Path) -> str:
    """The Jinja source docxtpl renders for a .docx template (body, then headers and footers),
    with tags that Word split across runs joined again."""
    tpl = _docx_template(path)
    parts = [_split_paragraphs(tpl.patch_xml(tpl.get_xml()))]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, part in tpl.get_headers_footers(uri):
            parts.append(_split_paragraphs(tpl.patch_xml(tpl.get_part_xml(part))))
    return "\n".join(parts)


def _syntax_problem(spec: TemplateSpec, exc: TemplateSyntaxError, source: str, *, docx: bool) -> Problem:
    lineno = exc.lineno or 0
    if docx:
        lines = source.splitlines()
        text = re.sub(r"<[^>]+>", "", lines[lineno - 1]) if 0 < lineno <= len(lines) else ""
        where = f"{spec.path.name}: paragraph {max(lineno - 1, 1)}"
        if text.strip():
            where += f" «{text.strip()[:50]}»"
    else:
        where = f"{spec.path.name}:{lineno}"
    return Problem(where, f"template syntax error: {exc.message}")


def _environment(spec: TemplateSpec) -> BidSandbox:
    if spec.kind == "docx":
        return shared_environment(autoescape=True)
    return shared_environment(autoescape=spec.path.suffix.lower() in (".html", ".htm"))


def template_source(spec: TemplateSpec) -> str:
    if spec.kind == "docx":
        return docx_source(spec.path)
    return read_text(spec.path, what="template")


def inspect_fields(spec: TemplateSpec) -> list[FieldUse]:
    """The data fields a template uses (syntax errors reported with file and line)."""
    source = template_source(spec)
    env = _environment(spec)
    try:
        ast = env.parse(source)
    except TemplateSyntaxError as exc:
        raise ProblemsError([_syntax_problem(spec, exc, source, docx=spec.kind == "docx")]) from None
    return template_fields(ast)


# --------------------------------------------------------------------------- rendering in memory


#: what a template's expressions can raise (1/0, 'a' + 1, int overflow, deep recursion)
TEMPLATE_RUNTIME_ERRORS = (
    ArithmeticError,
    TypeError,
    ValueError,
    LookupError,
    AttributeError,
    RecursionError,
    MemoryError,
)


def _at_line(exc: BaseException) -> str:
    line = template_line(exc)
    return f" at line {line}" if line else ""


def _render_one(spec: TemplateSpec, data: DocumentData, *, checks: bool = True) -> _Rendered:
    env = _environment(spec)
    label = f"{spec.title} ({spec.path.name})"
    try:
        with collect_missing() as missing, table_rows(len(data.schedule)):
            if spec.kind == "docx":
                tpl = _docx_template(spec.path)
                try:
                    tpl.render(data.context, jinja_env=env)
                except TemplateSyntaxError as exc:
                    # docxtpl renders one paragraph per line: exc.source is what it parsed
                    source = exc.source or _split_paragraphs(tpl.patch_xml(tpl.get_xml()))
                    raise ProblemsError([_syntax_problem(spec, exc, source, docx=True)]) from None
                buf = io.BytesIO()
                tpl.save(buf)
                tpl.release()
                content, suffix = buf.getvalue(), ".docx"
                fit = tpl.fit or FitReport()
            else:
                source = read_text(spec.path, what="template")
                try:
                    template = env.from_string(source)
                except TemplateSyntaxError as exc:
                    raise ProblemsError([_syntax_problem(spec, exc, source, docx=False)]) from None
                content, suffix = template.render(data.context).encode("utf-8"), spec.path.suffix
    except SecurityError as exc:
        raise InputError(f"refused by the template sandbox{_at_line(exc)}: {exc}", label) from None
    except TemplateSyntaxError as exc:  # in a header or footer
        raise InputError(f"template syntax error: {exc.message} (line {exc.lineno})", label) from None
    except AmountError as exc:
        raise InputError(exc.message, label) from None
    except TemplateError as exc:
        raise InputError(f"template error{_at_line(exc)}: {exc}", label) from None
    except TEMPLATE_RUNTIME_ERRORS as exc:  # raised by the template's own expressions
        raise InputError(f"template error{_at_line(exc)}: {type(exc).__name__}: {exc}"[:500], label) from None
    results: list[DocumentCheck] = []
    if suffix == ".docx" and checks and not missing:
        results.extend(
            DocumentCheck(
                "layout",
                "warning",
                f"{spec.title}: {o}",
                "a figure or header may wrap: the table is too narrow for its columns",
            )
            for o in fit.overflows
        )
    if checks and not missing:
        if suffix == ".docx":
            units = tpl.units if tpl.units is not None else docx_units(content)
        else:
            units = text_units(content.decode("utf-8"))
        results += check_units(
            units,
            doc=spec.title,
            currency=data.currency,
            price=data.price,
            checks=spec.checks,
            schedule_count=len(data.schedule),
            headers=data.headers,
        )
    return _Rendered(spec, content, suffix, list(missing), results)


def _missing_problems(rendered: list[_Rendered], data: DocumentData, bid: Bid) -> list[Problem]:
    used_by: dict[str, list[str]] = {}
    for r in rendered:
        for path in r.missing:
            used_by.setdefault(path, []).append(r.spec.title)
    problems = []
    source = bid.source.name if bid.source else "bid data"
    for path, titles in used_by.items():
        where = f"{source}: {path}"
        m = re.match(r"schedule\.rows\[(\d+)\]\.(\w+)", path)
        if m and int(m.group(1)) < len(data.schedule):
            src = data.schedule[int(m.group(1))].source
            where = f"{src or 'cost line ' + m.group(1)}: {m.group(2)}"
        problems.append(Problem(where, f"missing field, needed by {', '.join(titles)} (缺少字段)"))
    return problems


def _refuse_inputs(out: Path, bid: Bid, specs: list[TemplateSpec]) -> None:
    target = out.resolve()
    inputs = [s.path.resolve() for s in specs]
    if bid.source:
        inputs.append(bid.source.resolve())
    if bid.costs and bid.costs.file:
        inputs.append(Path(bid.costs.file).resolve())
    if target in inputs:
        raise InputError("refusing to write over an input file", str(out))


@no_cyclic_gc()  # a 10,000-row schedule: 9–13 % of the render otherwise (core/gcpause.py)
def render_template(
    template: str | Path, bid: Bid, costs: CostModel, price: Decimal, out: Path, *, force: bool = False
) -> Path:
    """Render one template (a built-in name or title, an own template's name, or a file) to `out`.
    Raises ProblemsError listing every missing field or failed check; writes nothing then."""
    spec = find_template(template, bid)
    out = Path(out)
    expected = ".docx" if spec.kind == "docx" else spec.path.suffix.lower()
    if out.suffix.lower() != expected:
        raise InputError(f"the output of {spec.path.name} must end with {expected}", str(out))
    _refuse_inputs(out, bid, [spec])
    if out.exists() and not force:
        raise OutputExistsError("already exists; use --force to overwrite it", str(out))
    data = build_data(bid, costs, price)
    data_checks = check_data(bid, costs, data)
    rendered = _render_one(spec, data)
    problems = _missing_problems([rendered], data, bid)
    problems += [c.problem() for c in data_checks + rendered.checks if c.severity == "error"]
    if problems:
        raise ProblemsError(problems, "the document was not written")
    return atomic_write_bytes(out, rendered.content, force=force)


def dry_render(template: str | Path, bid: Bid, costs: CostModel, price: Decimal) -> list[str]:
    """Render in memory; the data fields the template needs and the data lacks."""
    spec = find_template(template, bid)
    data = build_data(bid, costs, price)
    rendered = _render_one(spec, data, checks=False)
    static = missing_fields(data.context, inspect_fields(spec))
    return list(dict.fromkeys(rendered.missing + [p for p in static if p not in rendered.missing]))


@no_cyclic_gc()  # a 10,000-row schedule: 9–13 % of the render otherwise (core/gcpause.py)
def render_documents(
    bid: Bid,
    costs: CostModel,
    price: Decimal,
    out_dir: Path,
    *,
    names: list[str] | None = None,
    force: bool = False,
    pdf: bool = False,
    provenance: PriceChoice | None = None,
    bound: bool = False,
    copy_label: str = "正本",
) -> RenderReport:
    """Write the document set for `bid.documents.language` (zh, en or both), or `names`, into
    `out_dir` with an index. Everything is rendered and checked first: a failed check (error) or a
    missing field raises ProblemsError listing all of them, and nothing is written."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("the output must be a folder for the document set", str(out_dir))
    specs = template_set(bid, names)
    if not specs:
        raise InputError("no templates to render for this bid", "documents.templates")
    outputs = [s.output if Path(s.output).suffix else s.output + s.path.suffix for s in specs]
    dupes = {o for o in outputs if outputs.count(o) > 1}
    if dupes:
        raise InputError(f"two templates write the same file: {', '.join(sorted(dupes))}", "documents")
    data = build_data(bid, costs, price)
    report = _new_report(data, provenance)
    report.checks.extend(check_data(bid, costs, data))
    rendered: list[_Rendered] = []
    problems: list[Problem] = []
    for spec in specs:
        try:
            rendered.append(_render_one(spec, data))
        except BidassistError as exc:
            problems.extend(exc.problems)
    problems = _missing_problems(rendered, data, bid) + problems
    for r in rendered:
        report.checks.extend(r.checks)
    shown = [r.spec.title for r in rendered if "total" in r.spec.checks or "schedule" in r.spec.checks]
    if shown and not any(
        c.severity == "error" for c in report.checks if c.check in ("total", "schedule-sum")
    ):
        report.checks.append(
            DocumentCheck(
                "same-total",
                "ok",
                "document set",
                f"the same total {format_money(data.price)} on {', '.join(shown)}",
            )
        )
    problems += [c.problem() for c in report.checks if c.severity == "error"]
    if problems:
        raise ProblemsError(problems, "no document was written")

    bound_doc = _bind_set(rendered, bid, data, copy_label, report) if bound else None
    targets = [out_dir / o for o in outputs]
    index = out_dir / INDEX_NAME
    index_js = out_dir / INDEX_JSON
    pdf_targets = [t.with_suffix(".pdf") if t.suffix == ".docx" else None for t in targets]
    have_soffice = soffice_path() is not None
    want_pdf = pdf and have_soffice
    extra: list[Path | None] = [index, index_js, *(pdf_targets if want_pdf else [])]
    bound_target = out_dir / f"00_投标文件（{copy_label}）.docx"
    if bound_doc is not None:
        extra += [bound_target] + ([bound_target.with_suffix(".pdf")] if have_soffice else [])
    _check_targets(targets + extra, bid, specs, force=force)
    output_dir(out_dir)
    files: list[tuple[Path, bytes]] = []  # PDFs are converted in a private folder; then one step
    with tempfile.TemporaryDirectory(prefix="bidassist-render-") as tmp:
        for r, target, pdf_target in zip(rendered, targets, pdf_targets, strict=True):
            files.append((target, r.content))
            made_pdf = None
            if want_pdf and pdf_target is not None:
                files.append((pdf_target, _pdf_bytes(r.content, target.name, Path(tmp))))
                made_pdf = pdf_target
            report.files.append(RenderedFile(r.spec.name, r.spec.title, r.spec.language, target, made_pdf))
        if bound_doc is not None:
            files += _bound_files(bound_doc, bound_target, report, pdf=have_soffice, tmp=Path(tmp))
    if pdf and not want_pdf:
        report.notes.append(NOT_INSTALLED)
    report.index, report.index_json = index, index_js
    summary = index_data(bid, report, data.date, data.currency)
    files += [(index_js, index_json(summary).encode("utf-8")), (index, index_html(summary).encode("utf-8"))]
    atomic_write_set(files, force=force)  # the set, the bound bid and the index: all of it or none of it
    return report


def _new_report(data: DocumentData, provenance: PriceChoice | None) -> RenderReport:
    report = RenderReport(price=data.price)
    if provenance is not None:
        report.price_source = provenance.to_dict() | {"price": f"{data.price:.2f}"}
        report.notes.extend(provenance.notes)
    report.notes.extend(data.notes)
    return report


def _pdf_bytes(content: bytes, name: str, tmp: Path) -> bytes:
    """The PDF of a rendered .docx, converted in the private folder `tmp`."""
    staged = tmp / name
    staged.write_bytes(content)
    return convert_to_pdf(staged, tmp / (Path(name).stem + ".pdf")).read_bytes()


def _bound_files(
    content: bytes, target: Path, report: RenderReport, *, pdf: bool, tmp: Path
) -> list[tuple[Path, bytes]]:
    """The bound bid (and its PDF when LibreOffice is present) as files to write with the set."""
    report.bound = target
    files = [(target, content)]
    if pdf:
        report.bound_pdf = target.with_suffix(".pdf")
        files.append((report.bound_pdf, _pdf_bytes(content, target.name, tmp)))
    else:
        report.notes.append("the bound bid's PDF was not made: " + NOT_INSTALLED)
    return files


def _check_targets(paths: Sequence[Path | None], bid: Bid, specs: list[TemplateSpec], *, force: bool) -> None:
    for t in paths:
        if t is not None:
            _refuse_inputs(t, bid, specs)
    if not force:
        existing = [t for t in paths if t and t.exists()]
        if existing:
            more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
            raise OutputExistsError(f"already exists{more}; use --force to overwrite", str(existing[0]))


def _bind_set(
    rendered: list[_Rendered], bid: Bid, data: DocumentData, copy_label: str, report: RenderReport
) -> bytes:
    """The bound 投标文件 of the set's Word forms, read back and checked like every form."""
    from bidassist.documents.bound import Form, bind

    forms = [Form(r.spec.title, r.content) for r in rendered if r.suffix == ".docx"]
    content = bind(forms, bid, data.date, copy_label=copy_label)
    results = check_units(
        docx_units(content),
        doc="投标文件",
        currency=data.currency,
        price=data.price,
        checks=(),
        schedule_count=None,
    )
    errors = [c.problem() for c in results if c.severity == "error"]
    if errors:
        raise ProblemsError(errors, "the bound bid does not read back right; nothing was written")
    report.checks.extend(results)
    return content
