"""The template catalogue: built-in templates (templates/manifest.yaml) and a bid manager's own.

A manifest entry: name, title, language (zh, en or any), file, output (file name written by
`render --all`), include (always | agent: only with an authorised agent | appendix: only when the
tender needs 投标函附录), checks (total: shows the bid total in capitals/words and figures;
schedule: holds the priced schedule) and fields (the data fields it uses, for `templates list`).
An own template folder (documents.template_dir) may have its own manifest.yaml; without one every
.docx/.md/.html/.txt file in it is a template named by its file name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field

from bidassist.core.bidfile import Bid
from bidassist.core.errors import InputError
from bidassist.core.resources import package_path
from bidassist.core.types import StrictModel
from bidassist.core.yamlfile import load_yaml, validate

#: the built-in templates, beside the package in a source checkout
TEMPLATES_DIR = package_path("templates")
DOCX_SUFFIXES = (".docx",)
TEXT_SUFFIXES = (".md", ".html", ".htm", ".txt")


class ManifestEntry(StrictModel):
    name: str = Field(min_length=1, pattern=r"^[^\s/\\]+$")
    title: str = Field(min_length=1)
    language: Literal["zh", "en", "any"] = "any"
    file: str = Field(min_length=1)
    output: str | None = None
    include: Literal["always", "agent", "appendix", "bill", "no_bill"] = "always"
    checks: list[Literal["total", "schedule"]] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)


class Manifest(StrictModel):
    templates: list[ManifestEntry] = Field(min_length=1)


@dataclass(frozen=True)
class TemplateSpec:
    name: str
    title: str
    language: str
    path: Path
    output: str
    include: str = "always"
    checks: tuple[str, ...] = ()
    fields: tuple[str, ...] = field(default=())
    builtin: bool = False

    @property
    def kind(self) -> str:
        """docx or text."""
        return "docx" if self.path.suffix.lower() in DOCX_SUFFIXES else "text"


def load_manifest(path: Path, *, builtin: bool = False) -> list[TemplateSpec]:
    doc = load_yaml(path)
    manifest = validate(Manifest, doc)
    specs = []
    seen: set[str] = set()
    for i, e in enumerate(manifest.templates):
        if e.name in seen:
            raise InputError(f"template {e.name!r} is listed twice", doc.where(("templates", i, "name")))
        seen.add(e.name)
        file = (path.parent / e.file).resolve()
        if path.parent.resolve() not in file.parents:
            raise InputError(
                "a template file must be inside the manifest's folder", doc.where(("templates", i, "file"))
            )
        if file.suffix.lower() not in DOCX_SUFFIXES + TEXT_SUFFIXES:
            raise InputError(
                f"{file.suffix or 'no suffix'}: templates are .docx, .md, .html or .txt",
                doc.where(("templates", i, "file")),
            )
        specs.append(
            TemplateSpec(
                name=e.name,
                title=e.title,
                language=e.language,
                path=file,
                output=e.output or Path(e.file).name,
                include=e.include,
                checks=tuple(e.checks),
                fields=tuple(e.fields),
                builtin=builtin,
            )
        )
    return specs


_cache: dict[tuple[Path, int, int], list[TemplateSpec]] = {}


def builtin_templates() -> list[TemplateSpec]:
    """The built-in catalogue (read once per change of templates/manifest.yaml)."""
    path = TEMPLATES_DIR / "manifest.yaml"
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_manifest(path, builtin=True)
    return list(_cache[key])


def own_templates(folder: Path) -> list[TemplateSpec]:
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("template folder not found", str(folder))
    manifest = folder / "manifest.yaml"
    if manifest.exists():
        return load_manifest(manifest)
    specs = []
    for file in sorted(folder.iterdir()):
        if (
            file.is_file()
            and file.suffix.lower() in DOCX_SUFFIXES + TEXT_SUFFIXES
            and not file.name.startswith(("~$", "."))
        ):
            specs.append(
                TemplateSpec(
                    name=file.stem, title=file.stem, language="any", path=file.resolve(), output=file.name
                )
            )
    return specs


def catalogue(bid: Bid | None = None) -> list[TemplateSpec]:
    """Built-in templates, with the bid's own (documents.template_dir) replacing same-named ones."""
    specs = {s.name: s for s in builtin_templates()}
    if bid is not None and bid.documents.template_dir is not None:
        for s in own_templates(bid.documents.template_dir):
            specs[s.name] = s
    return list(specs.values())


def find_template(ref: str | Path, bid: Bid | None = None) -> TemplateSpec:
    """A template by name, by title (投标函) or by path to a .docx/.md/.html/.txt file."""
    text = str(ref)
    specs = catalogue(bid)
    for s in specs:
        if text in (s.name, s.title):
            return s
    path = Path(ref)
    if path.suffix.lower() in DOCX_SUFFIXES + TEXT_SUFFIXES:
        if not path.is_file():
            raise InputError("template file not found", str(path))
        return TemplateSpec(
            name=path.stem, title=path.stem, language="any", path=path.resolve(), output=path.name
        )
    names = ", ".join(s.name for s in specs)
    raise InputError(
        f"no template named {text!r} (known: {names}; or give a .docx/.md/.html/.txt file)", "TEMPLATE"
    )


def needs_appendix(bid: Bid) -> bool:
    if bid.documents.appendix is not None:
        return bid.documents.appendix
    return bid.tender.kind == "works" or bool(bid.offer.appendix)


def template_set(bid: Bid, names: list[str] | None = None) -> list[TemplateSpec]:
    """The documents to write: `names`, else documents.templates, else every template in the
    bid's language(s) whose include condition holds (own templates always)."""
    chosen = names if names is not None else bid.documents.templates
    if chosen is not None:
        out = [find_template(n, bid) for n in chosen]
        return list({s.name: s for s in out}.values())
    lang = bid.documents.language
    langs = {"zh", "en"} if lang == "both" else {lang}
    out = []
    for s in catalogue(bid):
        if s.language != "any" and s.language not in langs:
            continue
        if s.include == "agent" and bid.bidder.authorised_agent is None:
            continue
        if s.include == "appendix" and not needs_appendix(bid):
            continue
        if s.include == ("no_bill" if bid.tender.bill is not None else "bill"):
            continue
        out.append(s)
    return out
