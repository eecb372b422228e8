"""PDF conversion with LibreOffice (soffice --headless), when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bidassist.core.errors import BidassistError
from bidassist.core.safeio import atomic_write_bytes

NOT_INSTALLED = (
    "LibreOffice is not installed, so no PDF was made (the .docx files were written); "
    "install it (e.g. apt-get install libreoffice-writer-nogui) to use --pdf. "
    "未安装 LibreOffice，未生成 PDF。"
)


def soffice_path() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_pdf(docx: Path, pdf: Path, *, force: bool = False, timeout: float = 180) -> Path:
    """Convert `docx` to `pdf` (written atomically). Raises BidassistError when LibreOffice is
    absent or fails."""
    soffice = soffice_path()
    if soffice is None:
        raise BidassistError(NOT_INSTALLED, str(docx))
    with tempfile.TemporaryDirectory(prefix="bidassist-pdf-") as tmp:
        tmpdir = Path(tmp)
        profile = (tmpdir / "profile").as_uri()
        cmd = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmpdir),
            str(Path(docx).resolve()),
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise BidassistError(
                f"LibreOffice took longer than {timeout:.0f} s to convert", str(docx)
            ) from None
        made = tmpdir / (Path(docx).stem + ".pdf")
        if proc.returncode != 0 or not made.exists():
            detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
            raise BidassistError(
                f"LibreOffice could not convert it: {detail[-1] if detail else 'no output'}", str(docx)
            )
        return atomic_write_bytes(pdf, made.read_bytes(), force=force)
