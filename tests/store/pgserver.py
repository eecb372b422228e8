"""A real PostgreSQL server for the store tests.

`.ci/run` starts one and exports BIDASSIST_TEST_PG_URL. Without it (a plain `pytest`), the tests
start their own from the distribution's package (initdb/pg_ctl in a temporary folder, as the
`postgres` system user when run as root). They are skipped only when no PostgreSQL is installed
and it cannot be installed; the skip reason says so.
"""

from __future__ import annotations

import glob
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path


def _bindir() -> Path | None:
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(d, "initdb").exists():
            return Path(d)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class LocalServer:
    def __init__(self) -> None:
        self.dir: Path | None = None
        self.bin: Path | None = None
        self.user: str | None = None
        self.url: str | None = None

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = list(args)
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", self.user or "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    def start(self) -> str:
        self.bin = _bindir()
        if self.bin is None:
            raise RuntimeError(
                "PostgreSQL is not installed and could not be installed here "
                "(`.ci/run` installs it with apt-get install postgresql)"
            )
        if os.geteuid() == 0:
            if subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
                subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)
            self.user = "postgres"
        self.dir = Path(tempfile.mkdtemp(prefix="bidassist-pg-"))
        if self.user:
            shutil.chown(self.dir, self.user)
        data = self.dir / "data"
        r = self._run(
            str(self.bin / "initdb"),
            "-D",
            str(data),
            "-U",
            "bidassist",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
        )
        if r.returncode != 0:
            raise RuntimeError(f"initdb failed: {r.stderr.strip()[-300:]}")
        port = random.randint(20000, 40000)
        opts = f"-p {port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50"
        r = self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(self.dir / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            opts,
            "start",
        )
        if r.returncode != 0:
            raise RuntimeError(f"the PostgreSQL server did not start: {r.stderr.strip()[-300:]}")
        self.url = f"postgresql://bidassist@127.0.0.1:{port}/postgres"
        return self.url

    def stop(self) -> None:
        if self.dir is None:
            return
        if self.bin is not None and (self.dir / "data").exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None
