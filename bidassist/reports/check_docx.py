"""`bidassist check --annotate OUT.docx`: a copy of the contract with a Word comment on each
flagged clause (category, why, basis, fallback wording)."""

from __future__ import annotations

from pathlib import Path

from bidassist.checklist.result import CheckResult, Finding
from bidassist.core.errors import InputError
from bidassist.core.safeio import atomic_path, check_zip

from .check_common import comment_text, lang_of, sorted_findings

AUTHOR = "bidassist"
INITIALS = "BA"


def annotate_docx(
    contract: Path, result: CheckResult, out: Path, *, lang: str | None = None, force: bool = False
) -> int:
    """Write `out`: the contract with one comment per flagged paragraph. Returns the number of
    comments written. The input is never modified."""
    import docx

    from bidassist.reading import iter_docx_blocks

    contract, out = Path(contract), Path(out)
    if contract.suffix.lower() not in (".docx", ".docm"):
        raise InputError("--annotate needs a .docx contract", str(contract))
    if out.resolve() == contract.resolve():
        raise InputError("--annotate must not overwrite the contract itself", str(out))
    check_zip(contract, what="contract")
    lang = lang_of(result, lang)
    document = docx.Document(str(contract))
    paragraphs = {index: para for index, para, _loc in iter_docx_blocks(document)}
    by_block: dict[int, list[Finding]] = {}
    for f in sorted_findings(result):
        target = next((i for i in f.block_indices if i in paragraphs), None)
        if target is not None:
            by_block.setdefault(target, []).append(f)
    count = 0
    for index, findings in sorted(by_block.items()):
        para = paragraphs[index]
        runs = [r for r in para.runs if r.text] or para.runs
        if not runs:
            runs = [para.add_run("")]
        text = "\n\n".join(comment_text(f, lang) for f in findings)
        document.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)
        count += 1
    with atomic_path(out, force=force) as tmp:
        document.save(str(tmp))
    return count
