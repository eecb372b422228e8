"""Every key of the bid-file schema is read by some code: a setting that is validated and documented
but never used fails here (issue #13: payer, supplier_sme, construction and terms_file were such)."""

import re
from pathlib import Path

from pydantic import BaseModel

from bidassist.core.bidfile import Bid

PACKAGE = Path(__file__).resolve().parents[2] / "bidassist"
SCHEMA = PACKAGE / "core" / "bidfile.py"
#: text files that read bid fields: the code, and the templates (which read them by name)
READERS = ("*.py", "*.md", "*.html", "*.txt", "*.j2", "*.jinja")


def _models(model: type[BaseModel], seen: dict[str, type[BaseModel]]) -> dict[str, type[BaseModel]]:
    if model.__name__ in seen:
        return seen
    seen[model.__name__] = model
    for info in model.model_fields.values():
        for arg in _types_in(info.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                _models(arg, seen)
    return seen


def _types_in(annotation) -> list:
    args = getattr(annotation, "__args__", None)
    if not args:
        return [annotation]
    out = [annotation]
    for a in args:
        out += _types_in(a)
    return out


def _reader_text() -> str:
    parts = []
    for pattern in READERS:
        for path in PACKAGE.rglob(pattern):
            if path != SCHEMA and ".venv" not in path.parts:
                parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def test_every_bid_file_field_is_read():
    text = _reader_text()
    unread = []
    for name, model in sorted(_models(Bid, {}).items()):
        for field in model.model_fields:
            if field == "source":
                continue
            used = re.search(rf"\.{field}\b|[\"']{field}[\"']|\b{field}=", text)
            if used is None:
                unread.append(f"{name}.{field}")
    assert unread == [], f"bid-file keys no code reads: {unread}"
