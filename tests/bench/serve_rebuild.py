"""Time from saving a quiz_data/ file to `mkdocs serve --dirty` (what `make serve` runs) serving the change
(used by scale.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EDITS = 3


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float = 60) -> float:
    """Seconds until the page at url contains text."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed {text!r}")


def first_quiz(copy: Path) -> tuple[Path, str, str]:
    """A quiz file, the page that places it, and its title line."""
    for path in sorted((copy / "quiz_data").glob("*.quiz.yml")):
        text = path.read_text(encoding="utf-8")
        quiz_id = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("id:"))
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        for page in (copy / "docs").rglob("*.md"):
            if f"<!-- quiz: {quiz_id} -->" in page.read_text(encoding="utf-8"):
                return path, page.relative_to(copy / "docs").with_suffix(".html").as_posix(), title
    raise LookupError("no placed quiz in quiz_data/")


def rebuild_times(project: Path, edits: int = EDITS) -> tuple[float, list[float], str, str]:
    """Serve project; edit a quiz title `edits` times. (first page served, each edit's seconds, quiz file, page)."""
    quiz, page, title = first_quiz(project)
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        first = wait_for(url, "</html>", limit=900)
        times = []
        for edit in range(edits):
            marker = f"Edited title {edit}"
            time.sleep(1.0)  # let the watcher settle after the last build
            quiz.write_text(quiz.read_text(encoding="utf-8").replace(title, f"title: {marker}", 1), encoding="utf-8")
            title = f"title: {marker}"
            times.append(wait_for(url, marker, limit=900))
    finally:
        server.terminate()
        server.wait(timeout=60)
    return first, times, quiz.name, page
