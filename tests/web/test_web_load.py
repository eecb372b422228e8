"""A small, bounded load test on loopback: 20 concurrent contract reviews against a real
`bidassist serve` process all complete, the server keeps answering other pages meanwhile, and its
memory stays bounded. Figures are printed (run with -s to see them), not asserted beyond bounds."""

from __future__ import annotations

import re
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytestmark = pytest.mark.load

REVIEWS = 20
WALL_LIMIT = 300  # seconds: the test stops by itself
RSS_GROWTH_LIMIT_MB = 800


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _multipart(fields: dict[str, str], name: str, filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = "----bidassistload7d1f"
    parts = []
    for key, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        )
    parts.append(
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _session(base: str) -> tuple[str, str]:
    with urllib.request.urlopen(base + "/contract", timeout=30) as r:
        cookie = r.headers["set-cookie"].split(";")[0]
        token = re.search(r'name="csrf" value="([0-9a-f]{64})"', r.read().decode()).group(1)
    return cookie, token


def _review(base: str, cookie: str, token: str, content: bytes) -> tuple[int, float, int]:
    body, ctype = _multipart({"csrf": token}, "contract", "contract.docx", content)
    req = urllib.request.Request(
        base + "/contract", data=body, method="POST", headers={"Content-Type": ctype, "Cookie": cookie}
    )
    start = time.monotonic()
    with urllib.request.urlopen(req, timeout=WALL_LIMIT) as r:  # follows the 303 to the review page
        html = r.read().decode()
        return r.status, time.monotonic() - start, html.count('class="finding sev-')


def test_twenty_concurrent_reviews(server, workspace: Path):
    base, proc = server
    content = (workspace / "contract.docx").read_bytes()
    cookie, token = _session(base)
    _review(base, cookie, token, content)  # warm up: rule packs loaded once
    rss_before = _rss_mb(proc.pid)
    peak = rss_before
    probes: list[float] = []
    done = threading.Event()

    def probe() -> None:
        nonlocal peak
        while not done.is_set():
            t = time.monotonic()
            with urllib.request.urlopen(base + "/", timeout=30) as r:
                assert r.status == 200
            probes.append(time.monotonic() - t)
            peak = max(peak, _rss_mb(proc.pid))
            time.sleep(0.2)

    prober = threading.Thread(target=probe, daemon=True)
    start = time.monotonic()
    prober.start()
    with ThreadPoolExecutor(REVIEWS) as pool:
        results = list(
            pool.map(lambda _: _review(base, cookie, token, content), range(REVIEWS), timeout=WALL_LIMIT)
        )
    wall = time.monotonic() - start
    done.set()
    prober.join(timeout=30)
    rss_after = _rss_mb(proc.pid)
    latencies = sorted(t for _, t, _ in results)
    print(
        f"\nload: {REVIEWS} concurrent reviews in {wall:.1f} s; review latency median "
        f"{latencies[len(latencies) // 2]:.1f} s, max {latencies[-1]:.1f} s; home page during load: "
        f"{len(probes)} probes, max {max(probes):.2f} s; server RSS {rss_before:.0f} MB before, "
        f"peak {peak:.0f} MB, after {rss_after:.0f} MB"
    )
    assert all(status == 200 for status, _, _ in results)
    assert len({n for _, _, n in results}) == 1 and results[0][2] > 0  # every review found the same
    assert probes and max(probes) < 30
    assert peak - rss_before < RSS_GROWTH_LIMIT_MB
    assert proc.poll() is None
