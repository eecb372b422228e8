"""Tender documents from Jinja templates: the bid's Word files filled from bid.yaml, checked so
that capitals, figures, schedule and totals always agree. See README, "Tender documents"."""

from bidassist.documents.checks import DocumentCheck
from bidassist.documents.context import DocumentData, build_data
from bidassist.documents.manifest import TemplateSpec, builtin_templates, catalogue, find_template
from bidassist.documents.render import (
    RenderedFile,
    RenderReport,
    dry_render,
    inspect_fields,
    render_documents,
    render_template,
)
from bidassist.documents.schedule import PricedLine, spread_total

__all__ = [
    "DocumentCheck",
    "DocumentData",
    "PricedLine",
    "RenderReport",
    "RenderedFile",
    "TemplateSpec",
    "build_data",
    "builtin_templates",
    "catalogue",
    "dry_render",
    "find_template",
    "inspect_fields",
    "render_documents",
    "render_template",
    "spread_total",
]
