"""A light first visit at any size; on the 1,000-page site, the whole site offline by the reader's choice,
through an update, and back."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from offline.precache import precache_entries
from support.browser import _QuietHandler
from support.budgets import PRECACHE, gzipped, precache_bytes
from support.library_site import make_library
from support.sitebuild import build_site
from test_every_page import violations

PREFIX = "/library-site/"
LARGE = 1000  # pages: the library site, about 74 MB in all
SMALL = 12  # today's site, which fits the budget whole
INDEX = "search/search_index.json"
# Keeping the whole library moves about 74 MB through a test server on a shared
# machine: these waits are bounded, on what the page shows.
KEEPING = 180_000
SEARCH_READY = 60_000


@dataclass
class Host:
    """A static host like GitHub Pages: it publishes a version whole, in one step, and counts what it sends.

    Readers meet the old version or the new one, never a folder half written (that is what a browser
    checking for an update during a rebuild in place would get: the theme's sw.js before the build fills it in).
    """

    root: Path
    sent: list[tuple[str, str, int]] = field(default_factory=list)  # (path, Referer, body bytes)
    arrived: dict[str, float] = field(default_factory=dict)  # path: when it was first asked for
    holding: str = ""  # requests whose path holds this wait for `released`
    released: threading.Event = field(default_factory=threading.Event)

    def publish(self, folder: Path) -> None:
        self.root = folder

    def from_worker(self) -> list[tuple[str, int]]:
        """(path, bytes) of each full answer to the service worker's own fetches (they name sw.js as referrer)."""
        return [(path, size) for path, referer, size in self.sent if referer.split("?")[0].endswith("/sw.js")]

    def hold(self, part: str) -> None:
        self.holding = part
        self.released.clear()

    def release(self) -> None:
        self.released.set()


def handler_for(host: Host) -> Callable[..., _QuietHandler]:
    class Handler(_QuietHandler):
        """The test server, caching like GitHub Pages, serving whatever the host has published."""

        prefix = PREFIX

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(host.root), **kwargs)

        def end_headers(self) -> None:
            self.send_header("Cache-Control", "max-age=600")
            super().end_headers()

        def do_GET(self) -> None:
            host.arrived.setdefault(self.path.split("?")[0], time.time())
            if host.holding and host.holding in self.path:
                host.released.wait(timeout=60)
            super().do_GET()

        def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:  # type: ignore[override]
            data = source.read()
            host.sent.append((self.path.split("?")[0], self.headers.get("Referer", ""), len(data)))
            outputfile.write(data)

    return Handler


@dataclass
class Library:
    project: Path
    host: Host
    url: str
    builds: int = 1

    @property
    def site(self) -> Path:
        return self.host.root

    def publish_new_version(self) -> tuple[Path, Path]:
        """Build the project into a new folder, then publish it; return (old, new) folders."""
        old = self.site
        self.builds += 1
        new = old.parent / f"site-{self.builds}"
        result = build_site(self.project / "mkdocs.yml", new, site_url=self.url)
        assert not result.aborted, result.errors
        self.host.publish(new)
        return old, new


@pytest.fixture(scope="module")
def libraries(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[int], Library]]:
    """library(pages): that size of site, built for and served under PREFIX (once per module)."""
    made: dict[int, Library] = {}
    servers: list[ThreadingHTTPServer] = []

    def library(pages: int) -> Library:
        if pages not in made:
            base = tmp_path_factory.mktemp(f"library-{pages}")
            host = Host(base / "site-1")
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(host))
            servers.append(server)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
            project = make_library(base / "project", pages)
            result = build_site(project / "mkdocs.yml", host.root, site_url=url)
            assert not result.aborted, result.errors
            made[pages] = Library(project, host, url)
        return made[pages]

    yield library
    for server in servers:
        server.shutdown()
        server.server_close()


def keep_list(site: Path) -> dict[str, Any]:
    return json.loads((site / "offline-pages.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def precache_list(site: Path) -> list[str]:
    line = re.search(r"^const PRECACHE = (.*);$", (site / "sw.js").read_text(encoding="utf-8"), re.M)
    assert line
    return json.loads(line.group(1))  # type: ignore[no-any-return]


def go_offline(context: BrowserContext, page: Page) -> None:
    """No network, and no HTTP cache: what loads now comes from the worker's cache."""
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    context.set_offline(True)


def not_offline(context: BrowserContext, url: str) -> None:
    """The page fails to load (on a page of its own: the browser's error page then takes it over)."""
    page = context.new_page()
    with pytest.raises(Exception, match=r"ERR_INTERNET_DISCONNECTED|ERR_FAILED"):
        page.goto(url)
    page.close()


def reader(browser: Browser) -> BrowserContext:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.set_default_timeout(15_000)
    return context


def installed(page: Page, notice: str) -> None:
    """The worker has installed, said so, and controls the page."""
    expect(page.locator(".offline-note")).to_contain_text(notice, timeout=30_000)
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def cached_paths(page: Page, base: str) -> set[str]:
    """The paths (from the site's root, ?v= kept) in this build's cache."""
    keys: list[str] = page.evaluate(
        """async () => {
          const name = (await caches.keys()).find((n) => n.startsWith('site-'));
          return (await (await caches.open(name)).keys()).map((request) => request.url);
        }"""
    )
    return {key.removeprefix(base) for key in keys}


# Every page asked for through the worker at once, as a page would; the paths that fail.
UNANSWERED = """async (urls) => {
  const answers = await Promise.all(urls.map((url) => fetch(url).then((r) => r.ok, () => false)));
  return urls.filter((_, i) => !answers[i]);
}"""


# The service worker container's "message" listeners still attached (as test_widget_kit.py counts the window's):
# added minus removed, one added with an AbortSignal gone once it is aborted.
COUNT_MESSAGE_LISTENERS = """(() => {
  const live = new Set();
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  const mine = (target, type) => type === "message" && target === navigator.serviceWorker;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    const signal = options && options.signal;
    if (mine(this, type) && listener && !(signal && signal.aborted)) {
      live.add(listener);
      if (signal) signal.addEventListener("abort", () => live.delete(listener));
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (mine(this, type)) live.delete(listener);
    return remove.call(this, type, listener, options);
  };
  window.liveMessageListeners = () => live.size;
})();"""


def click_nav(page: Page, library: Library, name: str) -> None:
    """Follow the page's menu link to name, as a reader does: Material's instant navigation, no new page load."""
    page.locator(f'.md-nav a[href$="{name}"]').first.evaluate("(link) => link.click()")
    page.wait_for_url(library.url + name)


def site_pages(site: Path) -> list[str]:
    """Every page of the site but the 404 page."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


@pytest.mark.parametrize("pages", [SMALL, LARGE])
def test_a_first_visit_stays_within_the_budget(
    browser: Browser, libraries: Callable[[int], Library], pages: int,
) -> None:
    library = libraries(pages)
    site, host = library.site, library.host
    whole = sum(size for _, size in precache_entries(site, {}))  # every file a reader may need
    assert precache_bytes(site) <= PRECACHE
    context = reader(browser)
    page = context.new_page()
    host.sent.clear()
    host.arrived.clear()
    # The worker is registered only once the page has loaded: hold the page's last script, and with it the load.
    host.hold("assets/javascripts/print.js")
    with page.expect_response(lambda response: response.url == library.url + INDEX) as index:
        page.goto(library.url + "index.html", wait_until="commit")
    page.wait_for_function("window.offlineStarted === true && document.readyState !== 'complete'")
    assert page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r === undefined)")
    # Material has fetched the search index (on every page, before our script runs); the worker takes that copy.
    index.value.finished()
    host.release()
    page.wait_for_load_state("load")
    loaded = page.evaluate("performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd")
    installed(page, "Available offline: the main pages" if pages == LARGE else "Available offline: this site now")
    assert host.arrived[PREFIX + "sw.js"] * 1000 >= loaded
    page.wait_for_load_state("networkidle")
    worker = sum(size for _, size in host.from_worker())
    everything = sum(size for *_, size in host.sent)
    # What a host that compresses (GitHub Pages) would send for the same files.
    compressed = sum(gzipped(site / path.removeprefix(PREFIX)) for path, *_ in host.sent)
    print(
        f"\n{pages} pages: first visit {everything / 1000:.0f} KB ({compressed / 1000:.0f} KB gzipped), of which the"
        f" worker's own downloads {worker / 1000:.0f} KB; precache {precache_bytes(site) / 1000:.0f} KB,"
        f" whole site {whole / 1000:.0f} KB"
    )
    assert 0 < worker <= PRECACHE
    # The search index comes once, to the page: the worker stores that copy, or it was precached.
    assert [path for path, *_ in host.sent].count(PREFIX + INDEX) == 1
    if pages == LARGE:
        assert whole > 20 * PRECACHE, "the library must be far larger than the budget"
        assert (site / INDEX).stat().st_size > PRECACHE, "its search index alone is over the budget"
    else:
        assert "const KEEP = null;" in (site / "sw.js").read_text(encoding="utf-8")
        assert not (site / "offline-pages.json").exists()

    # What matters first is there offline: the home page, the care pages, the flowchart, and search.
    go_offline(context, page)
    for name in ("index.html", "when-to-seek-help.html", "should-i-see-a-doctor.html"):
        page.goto(library.url + name)
        expect(page.locator("article h1")).to_be_visible()
    page.locator('label.md-header__button[for="__search"]').click()
    page.locator("input.md-search__input").press_sequentially("caffeine", delay=20)
    # Material's search worker indexes the whole library (3 MB) before it answers: seconds on a busy
    # 2-core machine, so the wait is bounded on the result, not on expect's 5 s default.
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=SEARCH_READY)
    if pages == LARGE:
        # An ordinary article the reader never opened is not.
        not_offline(context, library.url + "library/shelf-01/article-0002.html")
        assert "article-0002" not in " ".join(precache_list(site))
    else:
        # Today's site is all there: the About page says so, and offers no download.
        page.goto(library.url + "about.html")
        status = page.locator(".offline-keep").get_by_role("status")
        expect(status).to_have_text(
            "This whole site is on this device: every page and search work without a connection.",
        )
        expect(page.locator(".offline-keep button")).to_have_count(0)
        assert site_pages(site) and not [p for p in site_pages(site) if p not in precache_list(site)]
    context.close()


def test_the_reader_keeps_the_whole_site_offline_through_an_update_and_can_undo(
    browser: Browser, libraries: Callable[[int], Library],
) -> None:
    library = libraries(LARGE)
    host = library.host
    total = keep_list(library.site)["total"]["pages"]
    assert total == LARGE
    context = reader(browser)
    page = context.new_page()
    page.goto(library.url + "index.html")
    installed(page, "Available offline: the main pages")
    # A page read online is kept as it is read.
    page.goto(library.url + "library/shelf-01/article-0003.html")
    # To the About page by its menu link, as a reader goes: Material's instant navigation, no new page load.
    click_nav(page, library, "about.html")
    assert page.evaluate("performance.getEntriesByType('navigation')[0].name").endswith("article-0003.html")
    control = page.locator(".offline-keep")
    start = control.get_by_role("button", name=re.compile(r"^Keep the whole site offline \(\d+(\.\d)? MB\)$"))
    stop = control.get_by_role("button", name="Stop keeping it offline")
    status = control.get_by_role("status")
    expect(start).to_be_visible()
    expect(stop).to_be_hidden()
    assert violations(page) == []

    # In progress: the server holds part of the site while we look.
    host.hold("library/shelf-02/")
    start.focus()
    page.keyboard.press("Enter")
    bar = control.locator("progress")
    expect(bar).to_be_visible()
    expect(status).to_have_text(re.compile(r"^Saving: [\d,]+ of 1,000 pages$"))
    expect(stop).to_be_focused()  # focus moved to the button that took the place of the one pressed
    assert 0 < bar.evaluate("(el) => el.value / el.max") < 1
    assert violations(page) == []
    host.release()
    expect(status).to_have_text("Kept offline: all 1,000 pages are on this device.", timeout=KEEPING)
    expect(bar).to_be_hidden()
    expect(start).to_be_hidden()
    assert violations(page) == []

    # Every page answers with the network gone; a few are opened.
    go_offline(context, page)
    assert page.evaluate(UNANSWERED, [library.url + name for name in site_pages(library.site)]) == []
    for name in ("library/shelf-01/article-0002.html", "library/shelf-40/article-0988.html", "glossary.html"):
        page.goto(library.url + name, wait_until="domcontentloaded")
        expect(page.locator("article h1")).to_be_visible()
    context.set_offline(False)
    page.goto(library.url + "about.html")

    # A new version: an article outside the precache changes. The reader's
    # choice carries over, so the new worker brings the whole new version,
    # copying what has not changed from the old cache.
    article = library.project / "docs/library/shelf-02/article-0040.md"
    text = article.read_text(encoding="utf-8")
    revised = text.replace("# Library article 0040", "# Library article 0040\n\nRevised today.")
    article.write_text(revised, encoding="utf-8")
    host.sent.clear()
    old, new = library.publish_new_version()
    page.reload()
    note = page.locator(".offline-note")
    expect(note).to_contain_text("Updated", timeout=KEEPING)
    kept_before = {path: file_hash for path, _, file_hash in keep_list(old)["files"]}
    changed = {path for path, _, file_hash in keep_list(new)["files"] if kept_before.get(path) != file_hash}
    assert "library/shelf-02/article-0040.html" in changed and len(changed) < 10
    downloaded = {path.removeprefix(PREFIX).split("?")[0] for path, _ in host.from_worker()}
    # Beyond the precache (revalidated), the worker script and its list: only what changed.
    assert downloaded - {url.split("?")[0] for url in precache_list(new)} - {"sw.js", "offline-pages.json"} == changed
    with page.expect_navigation():
        note.get_by_role("button", name="Reload").click()
    expect(status).to_have_text("Kept offline: all 1,000 pages are on this device.")
    # The old build's cache goes once the new worker has activated.
    page.wait_for_function("navigator.serviceWorker.controller?.state === 'activated'")
    page.wait_for_function("caches.keys().then((names) => names.filter((n) => n.startsWith('site-')).length === 1)")
    go_offline(context, page)
    page.goto(library.url + "library/shelf-02/article-0040.html")
    expect(page.locator("article")).to_contain_text("Revised today.")
    assert page.evaluate(UNANSWERED, [library.url + name for name in site_pages(new)]) == []
    page.goto(library.url + "about.html")

    # Undo: back to the precache and search.
    context.set_offline(False)
    stop.click()
    expect(status).to_have_text(re.compile(r"^Removed: only the main pages stay on this device\."))
    expect(start).to_be_focused()
    assert violations(page) == []
    # The status speaks once the worker has removed the files: the cache holds the precache alone, and search.
    assert cached_paths(page, library.url) == {*precache_list(new), INDEX}
    go_offline(context, page)
    not_offline(context, library.url + "library/shelf-01/article-0003.html")
    page.goto(library.url + "when-to-seek-help.html")
    expect(page.locator("article h1")).to_be_visible()
    context.close()


def test_the_control_reached_again_and_again_by_instant_navigation_leaves_no_listener_behind(
    browser: Browser, libraries: Callable[[int], Library],
) -> None:
    library = libraries(LARGE)
    context = reader(browser)
    context.add_init_script(COUNT_MESSAGE_LISTENERS)
    page = context.new_page()
    page.goto(library.url + "index.html")
    installed(page, "Available offline: the main pages")
    # Each page instant navigation brings is announced on Material's document$ (a replay of this one first).
    page.evaluate("window.sameDocument = true; window.arrivals = 0; document$.subscribe(() => { arrivals += 1; })")
    control = page.locator(".offline-keep")
    start = control.get_by_role("button", name=re.compile(r"^Keep the whole site offline "))

    def arrive(name: str, visit: int) -> None:
        """Go to name, and wait until every script has heard of the new page."""
        click_nav(page, library, name)
        page.wait_for_function(f"window.arrivals === {visit + 1}")

    on_about, away = [], []
    for lap in range(3):
        arrive("about.html", 2 * lap + 1)
        expect(start).to_be_visible()
        on_about.append(page.evaluate("liveMessageListeners()"))
        arrive("glossary.html", 2 * lap + 2)
        expect(control).to_have_count(0)
        away.append(page.evaluate("liveMessageListeners()"))
    arrive("about.html", 7)
    expect(start).to_be_visible()
    assert page.evaluate("window.sameDocument === true"), "each step was an instant navigation"
    # offline-keep.js came with the About page, once per visit, with its ?v=HASH.
    scripts = page.evaluate("[...document.scripts].map((s) => s.src).filter((src) => src.includes('offline-keep'))")
    assert len(scripts) == 1 and re.search(r"/assets/javascripts/offline-keep\.js\?v=\w+$", scripts[0])
    # The control on the page listens to the worker; one swapped out listens no more.
    assert on_about == [1, 1, 1] and away == [0, 0, 0], (on_about, away)
    # The worker's news reaches the control shown now.
    page.evaluate("navigator.serviceWorker.dispatchEvent(new MessageEvent('message', {data: {type: 'keep-failed'}}))")
    expect(control.get_by_role("status")).to_have_text(
        "Some pages could not be saved. Check your connection, then try again.",
    )
    context.close()


def test_without_a_service_worker_the_choice_is_not_offered(
    browser: Browser, libraries: Callable[[int], Library],
) -> None:
    library = libraries(LARGE)
    context = browser.new_context()
    # A browser without service workers.
    context.add_init_script("delete Navigator.prototype.serviceWorker")
    page = context.new_page()
    page.goto(library.url + "about.html")
    # offline.js stops at once where there is no service worker, and gives offline-keep.js no worker to show it for.
    assert page.evaluate(
        "!('serviceWorker' in navigator) && window.offlineStarted === undefined && window.offlineWorker === undefined",
    )
    assert page.evaluate("window.offlineKeep === true"), "the control's script ran"
    expect(page.locator(".offline-keep")).to_be_hidden()
    expect(page.get_by_role("link", name="Download for offline use")).to_be_visible()
    context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(library.url + "about.html")
    expect(page.locator(".offline-keep")).to_be_hidden()
    expect(page.get_by_role("link", name="Download for offline use")).to_be_visible()
    context.close()
