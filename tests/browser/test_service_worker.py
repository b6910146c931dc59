"""The hosted site offline: service worker install, offline pages, the update flow, serve mode."""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from conftest import HOSTED_PREFIX as PREFIX
from support.browser import Failures, serve
from support.sitebuild import ROOT, BuildResult, build_site
from test_every_page import PAGES


@pytest.fixture(scope="module")
def hosted(hosted_site: tuple[BuildResult, str]) -> tuple[Path, str]:
    result, url = hosted_site
    return result.site_dir, url


def installed(browser: Browser, url: str, notice: str = "Available offline") -> tuple[BrowserContext, Page, list[str]]:
    """A fresh reader who opened the home page once and got the worker (the notice in the site's language)."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(url + "index.html")
    expect(page.locator(".offline-note")).to_contain_text(notice)
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    return context, page, requests


def test_every_page_and_widget_works_offline(browser: Browser, hosted: tuple[Path, str]) -> None:
    _, url = hosted
    context, page, requests = installed(browser, url)
    failures = Failures()
    failures.watch(context, page)
    context.set_offline(True)
    for name in PAGES:
        if name == "404.html":
            continue
        page.goto(url + name)
        expect(page.locator("article h1")).to_be_visible()
    page.goto(url + "index.html")
    page.locator('label.md-header__button[for="__search"]').click()
    page.locator("input.md-search__input").press_sequentially("hemifacial", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.goto(url + "quiz.html")
    page.locator(".quiz-question:not([hidden]) input").first.check()
    page.locator('.quiz-question:not([hidden]) [data-quiz-action="check"]').click()
    expect(page.locator(".quiz-question:not([hidden]) .quiz-answer__verdict")).to_be_visible()
    page.goto(url + "should-i-see-a-doctor.html")
    page.locator(".flow-step:not([hidden])").get_by_label("Yes", exact=True).check()
    page.locator('[data-flow-action="continue"]').click()
    expect(page.locator(".flow-outcome:not([hidden])")).to_be_visible()
    origin = url.split(PREFIX)[0]
    assert [r for r in requests if not r.startswith((origin, "data:", "blob:"))] == []
    # Nothing a page fetches is missing from the cache: not the sitemap, not the search shim.
    assert failures.console == [] and failures.requests == []
    context.close()


def test_a_new_build_reaches_the_reader_after_the_update_notice(browser: Browser, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", ".pytest_cache"),
    )
    site_dir = tmp_path / "site"
    with serve(site_dir, PREFIX) as url:
        assert not build_site(project / "mkdocs.yml", site_dir, site_url=url).aborted
        context, page, _ = installed(browser, url)
        old_css = page.locator('link[href*="site.css"]').get_attribute("href")
        # The editors change a page and a stylesheet, and publish.
        about = project / "docs/about.md"
        about.write_text(
            about.read_text(encoding="utf-8").replace(
                "# About this site", "# About this site\n\nFreshly updated text."
            ),
            encoding="utf-8",
        )
        css = project / "overrides/assets/stylesheets/site.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* a change */\n", encoding="utf-8")
        assert not build_site(project / "mkdocs.yml", site_dir, site_url=url).aborted
        page.reload()
        note = page.locator(".offline-note")
        expect(note).to_contain_text("Updated")
        note.get_by_role("button", name="Reload").click()
        page.wait_for_load_state("load")
        expect(page.locator(".offline-note")).to_be_hidden()
        page.goto(url + "about.html")
        expect(page.locator("article")).to_contain_text("Freshly updated text.")
        new_css = page.locator('link[href*="site.css"]').get_attribute("href")
        assert new_css != old_css
        # One cache, this build's; and offline the new page comes with new assets.
        assert len(page.evaluate("caches.keys()")) == 1
        context.set_offline(True)
        page.goto(url + "about.html")
        expect(page.locator("article")).to_contain_text("Freshly updated text.")
        assert page.locator('link[href*="site.css"]').get_attribute("href") == new_css
        assert page.evaluate("getComputedStyle(document.querySelector('.page-review')).borderTopStyle") == "solid"
        context.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def mkdocs_serve() -> Iterator[str]:
    """`mkdocs serve --dirty` (what `make serve` runs) on a free loopback port; yields its URL once it is serving.

    Its log says when it listens, so nothing is polled. A port taken by another
    process between choosing and binding it is a failed start: try another.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for _ in range(3):
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}", "--no-livereload"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
        )
        lines: queue.Queue[str | None] = queue.Queue()

        def read(stream=server.stderr, lines=lines) -> None:  # keeps the pipe drained for as long as it runs
            for line in stream:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=read, daemon=True).start()
        log: list[str] = []
        try:
            while (line := lines.get(timeout=120)) is not None and "Serving on" not in line:
                log.append(line)
            if line is not None:
                yield f"http://127.0.0.1:{port}/"
                return
        finally:
            server.terminate()
            server.wait(timeout=10)
        if not any("Address already in use" in line for line in log):
            raise AssertionError("mkdocs serve stopped before serving:\n" + "".join(log))
    raise AssertionError("mkdocs serve found no free port in three tries")


# The kill switch (hooks/precache.py) unregisters itself as it activates, after
# which its worker is redundant; resolves then, or rejects after 10 s.
KILL_SWITCH_GONE = """async () => {
  const registration = await navigator.serviceWorker.register('sw.js');
  const worker = registration.installing || registration.waiting || registration.active;
  await Promise.race([
    new Promise((done) => {
      if (worker.state === 'redundant') done();
      worker.addEventListener('statechange', () => worker.state === 'redundant' && done());
    }),
    new Promise((_, fail) => setTimeout(
      () => fail(new Error(`the worker is still ${worker.state} after 10 s`)), 10000)),
  ]);
}"""


def test_mkdocs_serve_never_keeps_a_worker(browser: Browser) -> None:
    with mkdocs_serve() as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + "index.html")
        # A worker left by an earlier `mkdocs build` on the same address...
        page.evaluate(KILL_SWITCH_GONE)
        page.reload()
        # ...is a kill switch under serve, and the page removes registrations.
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
        assert page.evaluate("navigator.serviceWorker.controller") is None
        assert "unregister" in page.request.get(url + "sw.js").text()
        context.close()
