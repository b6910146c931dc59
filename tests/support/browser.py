"""Real Chromium for the tests: find it, serve the site to it, watch what it asks for."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Page, Request, Route

# Flags that keep Chromium from phoning home on a machine with no internet, and
# let it run as root in a container.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CANDIDATES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "chrome")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


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


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on a free loopback port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    """What a page did that it must not: leave the site, or log an error."""

    origin: str
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def allowed(self, url: str) -> bool:
        return url.startswith((self.origin, "data:", "blob:", "about:"))

    def route(self, route: Route, request: Request) -> None:
        if self.allowed(request.url):
            route.continue_()
        else:
            self.external.append(request.url)
            route.abort("blockedbyclient")

    def attach(self, page: Page) -> None:
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        # Requests that routing cannot see (e.g. from service workers) still show here.
        page.on("request", lambda request: None if self.allowed(request.url) or request.url in self.external else self.external.append(request.url))
