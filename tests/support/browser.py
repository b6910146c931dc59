"""Real Chromium for the tests: find it, serve the site to it, watch what it asks for."""

from __future__ import annotations

import functools
import gzip as gzip_codec
import io
import os
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO, Literal

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, Route

# Flags that keep Chromium from phoning home on a machine with no internet, and
# let it run as root in a container. The features switched off are browser UI
# no page sees: each new window (one per context) otherwise starts two more
# renderers, for the address bar's drop-downs and a spare for the next site.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess",
]
CANDIDATES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "chrome")
# WCAG 2.2 A/AA, plus axe's best practices: all that a default axe run reports
# (two quizzes sharing one landmark name, say).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def find_chromium() -> str | None:
    """The browser to drive: $CHROMIUM_PATH, else a system Chromium or Chrome."""
    if explicit := os.environ.get("CHROMIUM_PATH"):
        return explicit if Path(explicit).exists() else None
    for name in CANDIDATES:
        if found := shutil.which(name):
            return found
    return None


def in_ci() -> bool:
    """CI must fail, not skip, when it has no browser."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


# What GitHub Pages sends gzipped; the bench serves the same so that
# Lighthouse weighs what readers download.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest"}


class _QuietHandler(SimpleHTTPRequestHandler):
    """A static server like GitHub Pages: the site under a prefix, its 404 page."""

    prefix = "/"
    gzip = False

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_head(self) -> io.BytesIO | BinaryIO | None:  # the base class's own signature
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and wants and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip_codec.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    """Says nothing when the browser drops a connection mid-answer (a page left, a fetch cancelled)."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(directory: Path, prefix: str = "/", *, gzip: bool = False) -> Iterator[str]:
    """Serve a folder on a free loopback port under a path prefix; yield its URL."""
    handler = functools.partial(
        type("Handler", (_QuietHandler,), {"prefix": prefix, "gzip": gzip}), directory=str(directory),
    )
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    """What a page did that it must not: leave the site, or log an error."""

    origin: str
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    ALLOWED_SCHEMES = ("data:", "blob:", "about:")

    def allowed(self, url: str) -> bool:
        return url.startswith((self.origin, *self.ALLOWED_SCHEMES))

    @property
    def pattern(self) -> re.Pattern[str]:
        """Every URL that allowed() refuses: routing only these keeps the page's
        own requests off the round trip through Python."""
        return re.compile("^(?!" + "|".join(map(re.escape, (self.origin, *self.ALLOWED_SCHEMES))) + ")")

    def route(self, route: Route, request: Request) -> None:
        if self.allowed(request.url):
            route.continue_()
        else:
            self.external.append(request.url)
            route.abort("blockedbyclient")

    def attach(self, page: Page) -> None:
        def console(msg: ConsoleMessage) -> None:
            if msg.type == "error":
                self.console_errors.append(msg.text)

        def request(request: Request) -> None:
            # Requests that routing cannot see (e.g. from service workers) still show here.
            if not self.allowed(request.url) and request.url not in self.external:
                self.external.append(request.url)

        page.on("console", console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("request", request)


@dataclass
class Failures:
    """What went wrong for a reader: console errors, and fetches that the page or its search worker saw fail."""

    console: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def watch(self, context: BrowserContext, page: Page) -> None:
        def console(message: ConsoleMessage) -> None:
            if message.type == "error":
                self.console.append(message.text)

        def failed(request: Request) -> None:
            # The service worker's own network tries fail offline by design: it then answers from its cache.
            # ERR_ABORTED is a fetch the page itself cancelled by moving on (a favicon still loading when
            # the test opens the next page), not a file missing offline (ERR_FAILED, ERR_INTERNET_DISCONNECTED).
            if request.service_worker is None and request.failure != "net::ERR_ABORTED":
                self.requests.append(f"{request.url} ({request.failure})")

        page.on("console", console)
        page.on("pageerror", lambda error: self.console.append(str(error)))
        # The context's, not the page's: the search worker's fetches (lunr's language files) show there.
        context.on("requestfailed", failed)


# Waits on what the page does, not on the clock.

# What every page of the site fetches by itself once it has started, besides
# what its HTML names: Material's search index and sitemap (for instant
# navigation), and the browser's tab icon (Material's default; mkdocs.yml sets
# none). Paths from the site's root.
OWN_FETCHES = ("search/search_index.json", "sitemap.xml", "assets/images/favicon.png")
# A first visit's worker downloads about 1 MB before it says so: bounded
# generously, for a shared machine.
WORKER_INSTALLED = 15_000


def load_page(page: Page, url: str, root: str) -> None:
    """Open url; wait for its load event and for its own fetches (OWN_FETCHES under root) to be answered in full."""
    with ExitStack() as waiting:
        answers = [
            waiting.enter_context(page.expect_response(re.compile(re.escape(root + path) + "$")))
            for path in OWN_FETCHES
        ]
        page.goto(url)
    for answer in answers:
        response: Response = answer.value
        response.finished()


# True once offline.js shows its notice: the worker has installed (its downloads done).
NOTICE_SHOWN = "() => { const note = document.querySelector('.offline-note'); return !!note && !note.hidden; }"


def wait_for_offline_notice(page: Page) -> None:
    """Wait until the worker the page registers after load has installed (its downloads done) and is active."""
    # Checked every 20 ms: expect() backs off to every 500 ms, about as long as the install takes.
    page.wait_for_function(NOTICE_SHOWN, polling=20, timeout=WORKER_INSTALLED)
    # offline.js waits on this too (it shows the keep control then), and was first in line.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")


def first_visit(page: Page, url: str, root: str) -> None:
    """A reader's first visit, in a fresh context, once the page has done all it does by itself."""
    load_page(page, url, root)
    wait_for_offline_notice(page)


# Every transition or animation with an end (CSS or script) has ended: a
# promise for this, as a JS expression. It reads each one's playState (worked
# out from the clock) every 20 ms rather than awaiting its finished promise,
# which settles only when the browser next draws a frame. Bounded: one that
# never ends fails the test, named, after 10 s, instead of hanging it.
ANIMATIONS_ENDED = """new Promise((done, fail) => {
  const running = document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  const named = (a) => `${a.constructor.name} ${a.animationName || a.transitionProperty || a.id || ''} on ${
    a.effect && a.effect.target ? a.effect.target.outerHTML.slice(0, 80) : '?'} (${a.playState} at ${a.currentTime})`;
  const started = performance.now();
  const check = () => {
    const left = running.filter((a) => a.playState === 'running' || a.playState === 'paused');
    if (left.length === 0) done();
    else if (performance.now() - started > 10000) fail(new Error(
      `animations still running after 10 s (page ${document.visibilityState}): ` + left.map(named).join('; ')));
    else setTimeout(check, 20);
  };
  check();
})"""

# A scroll (from focus() or scrollIntoView) fires its scroll event in the next
# frame, and Material shows or hides "Back to top" in that event's handler; the
# button then fades, a CSS transition. Resolves once the offset has held for
# two frames and every transition or animation with an end has ended.
SCROLL_SETTLED = """async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  const offset = () => `${scrollX},${scrollY}`;
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`the page still scrolls (or draws no frames) after 10 s, at ${offset()}`)), 10000);
  });
  const still = (async () => {
    for (let last = null; last !== offset(); ) {
      last = offset();
      await frame();
      await frame();
    }
  })();
  await Promise.race([still, late]).finally(() => clearTimeout(timer));
  await ANIMATIONS_ENDED;
}""".replace("ANIMATIONS_ENDED", ANIMATIONS_ENDED)

# Material writes the scroll offset into history.state (replaceState({x, y}))
# 100 ms after the last scroll or resize: a history traversal started before
# that write lands is cancelled by it. This records both, so a test can wait
# until no write is pending, as a reader's pause would.
WATCH_OFFSET_WRITES = """() => {
  if (window.__offsetWrites) return;
  const seen = window.__offsetWrites = {scrolled: 0, written: 0};
  const replace = history.replaceState;
  history.replaceState = function (state, ...rest) {
    if (state && typeof state.x === "number" && typeof state.y === "number") seen.written = performance.now();
    return replace.call(this, state, ...rest);
  };
  for (const type of ["scroll", "resize"]) {
    addEventListener(type, () => { seen.scrolled = performance.now(); }, {passive: true});
  }
}"""
OFFSET_WRITTEN = (
    "() => window.__offsetWrites.scrolled === 0 || window.__offsetWrites.written > window.__offsetWrites.scrolled"
)


def settle_scroll(page: Page) -> None:
    """Wait until a scroll is over and Material's "Back to top" has finished showing or hiding."""
    page.evaluate(SCROLL_SETTLED)


def watch_offset_writes(page: Page) -> None:
    """Start noting Material's history.state writes on this document (call once it has loaded)."""
    page.evaluate(WATCH_OFFSET_WRITES)


def wait_for_offset_write(page: Page) -> None:
    """Wait until Material has written the offset of the last scroll (none is pending)."""
    page.wait_for_function(OFFSET_WRITTEN)


# True once Material shows the palette the emulated colour scheme asks for
# (it follows a change of prefers-color-scheme on a page already open).
SCHEME_SHOWN = """(scheme) => {
  if (!matchMedia(`(prefers-color-scheme: ${scheme})`).matches) return false;
  const input = document.querySelector(`[data-md-color-media="(prefers-color-scheme: ${scheme})"]`);
  return !input || (document.body.dataset.mdColorScheme === input.dataset.mdColorScheme
    && !document.body.hasAttribute("data-md-color-switching"));
}"""


def switch_scheme(page: Page, scheme: Literal["light", "dark"]) -> None:
    """Turn a loaded page to another colour scheme, as a reader's system setting would."""
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function(SCHEME_SHOWN, arg=scheme)
