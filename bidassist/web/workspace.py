"""The workspace: the one folder the server reads bid files from and writes waivers to. Requests
name bid files only by their listed relative name; nothing from a request becomes a path."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import yaml

from bidassist.core.errors import InputError
from bidassist.core.safeio import atomic_write_text

WAIVERS_FILE = "waivers.yaml"
_SKIP = {WAIVERS_FILE, "users.yaml"}


class Workspace:
    def __init__(self, root: Path) -> None:
        self.root = Path(root).resolve()
        self._lock = threading.Lock()

    @property
    def waivers(self) -> Path:
        return self.root / WAIVERS_FILE

    def bid_files(self) -> list[str]:
        """Relative names of the YAML files (up to two folders deep) that have a `tender:` section."""
        names = []
        for pattern in ("*.yaml", "*.yml", "*/*.yaml", "*/*.yml", "*/*/*.yaml", "*/*/*.yml"):
            for path in sorted(self.root.glob(pattern)):
                if path.name in _SKIP or not path.is_file() or path.stat().st_size > 1024 * 1024:
                    continue
                resolved = path.resolve()
                if not resolved.is_relative_to(self.root):
                    continue
                head = path.read_text(encoding="utf-8", errors="replace")[:20000]
                if "\ntender:" in "\n" + head:
                    names.append(path.relative_to(self.root).as_posix())
        return names

    def bid_path(self, name: str) -> Path:
        """The bid file listed under `name`; anything not in the listing is refused."""
        if name not in self.bid_files():
            raise InputError("no such bid file in the workspace", name or "bid")
        return self.root / name

    def add_waiver(self, *, rule: str, key: str, text: str, reason: str, by: str | None) -> Path:
        """Append a waiver (rule + finding key) to the workspace's waivers file, atomically; the
        file is the same YAML the CLI's `--waivers` reads."""
        from bidassist.checklist.waivers import Waiver, load_waivers

        entry = Waiver(rule=rule, key=key, reason=reason, by=by, date=dt.date.today().isoformat())
        with self._lock:
            existing = load_waivers(self.waivers) if self.waivers.exists() else []
            if any(w.wanted_key == entry.wanted_key for w in existing):
                return self.waivers
            rows = [w.model_dump(exclude_none=True) for w in [*existing, entry]]
            note = f"# clause: {text[:200]}\n" if text else ""
            body = yaml.safe_dump({"waivers": rows}, allow_unicode=True, sort_keys=False)
            atomic_write_text(
                self.waivers, "# reviewer waivers (bidassist check --waivers)\n" + note + body, force=True
            )
        return self.waivers
