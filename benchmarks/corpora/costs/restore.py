"""Re-create the cost corpus ($BIDASSIST_COST_CORPUS, default /work/corpus/costs) from fetched snapshots.

    python3 benchmarks/corpora/costs/restore.py --list   # the repositories still to fetch, one owner/name a line
    python3 benchmarks/corpora/costs/restore.py          # copy every workbook whose repository is fetched

The workbooks are not in the repository (README.md, "Re-creating /work/corpus/costs"). Call the search tool's
`fetch github:OWNER/NAME` for each repository `--list` prints (the snapshots land in $MIRROR, default /work/.mirror),
then run the script: for each manifest entry it takes `git show COMMIT:PATH` from the snapshot, checks the
sha256 against the manifest and writes the file atomically; it prints a MISMATCH line for any entry it cannot
reproduce and never overwrites a file that already matches.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def git_dir(mirror: Path, repo: str) -> Path | None:
    base = mirror / repo.replace("/", "+") / "repo"
    for candidate in (base, base / ".git"):
        if (candidate / "HEAD").exists() or (candidate / "objects").exists():
            return candidate
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print the repositories not fetched yet")
    ap.add_argument("--mirror", type=Path, default=Path(os.environ.get("MIRROR", "/work/.mirror")))
    ap.add_argument(
        "--out", type=Path, default=Path(os.environ.get("BIDASSIST_COST_CORPUS", "/work/corpus/costs"))
    )
    args = ap.parse_args(argv)
    entries = yaml.safe_load((HERE / "manifest.yaml").read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    missing: list[str] = []
    ok = bad = 0
    for e in entries:
        dest = args.out / e["file"]
        if dest.exists() and hashlib.sha256(dest.read_bytes()).hexdigest() == e["sha256"]:
            ok += 1
            continue
        repo = e["source"]["repo"]
        gd = git_dir(args.mirror, repo)
        if gd is None:
            missing += [repo] if repo not in missing else []
            continue
        spec = f"{e['source']['commit']}:{e['source']['path']}"
        run = subprocess.run(["git", "--git-dir", str(gd), "show", spec], capture_output=True, check=False)
        if run.returncode or hashlib.sha256(run.stdout).hexdigest() != e["sha256"]:
            print(f"MISMATCH {e['id']} {repo} {spec}: {run.stderr.decode(errors='replace').strip()[:160]}")
            bad += 1
            continue
        part = dest.with_name(dest.name + ".part")
        part.write_bytes(run.stdout)
        part.replace(dest)
        ok += 1
    if args.list:
        print("\n".join(missing))
        return 0
    print(f"{ok} workbooks match the manifest, {bad} mismatches, {len(missing)} repositories not fetched")
    return 1 if bad or missing else 0


if __name__ == "__main__":
    sys.exit(main())
