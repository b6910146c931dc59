"""A German site offline: search in its own language, no failed fetch on any page, a zip that keeps its name."""

from __future__ import annotations

import textwrap
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from support.browser import Failures, serve
from support.fixtures import FIXTURE_CONFIG
from support.sitebuild import ROOT, build_site, write_tree
from test_service_worker import installed

PREFIX = "/augenlid/"
SITE_NAME = "Augenlidzucken erklärt"
ZIP = "augenlidzucken-erklärt-offline.zip"
PAGES = {
    "index.md": """\
        ---
        description: Was ein zuckendes Augenlid bedeutet.
        ---

        # Augenlidzucken

        Ein zuckendes Augenlid ist meistens harmlos und hört von selbst auf.
        """,
    "ursachen.md": """\
        ---
        description: Häufige Auslöser.
        ---

        # Ursachen

        Müdigkeit, Stress und zu viel Kaffee lösen die Zuckungen am häufigsten aus.
        """,
    "ueber.md": """\
        ---
        description: Über diese Seite.
        ---

        # Über diese Seite

        <!-- offline-download -->
        """,
}
NAV = [{"Start": "index.md"}, {"Ursachen": "ursachen.md"}, {"Über diese Seite": "ueber.md"}]

# The two ways a site gets German search: the theme's language, or search languages of its own.
LANGUAGES = {
    "theme-de": {"theme": {"language": "de"}, "plugins": ["search", "offline"]},
    "search-de-en": {"theme": {"language": "de"}, "plugins": [{"search": {"lang": ["de", "en"]}}, "offline"]},
}


@pytest.fixture(scope="module", params=list(LANGUAGES))
def german(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The German fixture site on our hooks, built for and served under a sub-path."""
    project = tmp_path_factory.mktemp("german")
    settings = yaml.safe_load(FIXTURE_CONFIG.format(root=ROOT.as_posix()))
    variant = LANGUAGES[request.param]
    settings["theme"].update(variant["theme"], features=["navigation.instant"])
    settings.update(site_name=SITE_NAME, nav=NAV, plugins=variant["plugins"])
    # As the real site: search from file:// too, with our vendored shim (on every page, so precached).
    settings["extra"]["polyfills"] = ["assets/javascripts/vendor/iframe-worker-shim.js"]
    docs = {f"docs/{name}": textwrap.dedent(text) for name, text in PAGES.items()}
    write_tree(project, {"mkdocs.yml": yaml.safe_dump(settings, allow_unicode=True), **docs})
    site_dir = project / "site"
    with serve(site_dir, PREFIX) as url:
        result = build_site(project / "mkdocs.yml", site_dir, site_url=url)
        assert not result.aborted, result.errors
        assert result.warnings == []
        yield site_dir, url


def search(page: Page, term: str) -> None:
    page.locator('label.md-header__button[for="__search"]').click()
    # Typed key by key: Material searches on keyboard events, not on fill().
    page.locator("input.md-search__input").press_sequentially(term, delay=20)


def test_german_search_and_every_page_work_offline(browser: Browser, german: tuple[Path, str]) -> None:
    _, url = german
    context, page, _ = installed(browser, url, "Offline verfügbar")
    # A local static site answers in milliseconds; fail fast instead of at 30 s.
    context.set_default_timeout(10_000)
    failures = Failures()
    failures.watch(context, page)
    context.set_offline(True)
    for name in ("index.html", "ursachen.html", "ueber.html"):
        # Material's instant navigation fetches the sitemap on every page.
        with page.expect_request(lambda request: request.url == url + "sitemap.xml") as sitemap:
            page.goto(url + name)
        answer = sitemap.value.response()
        assert answer is not None and answer.ok and answer.from_service_worker, f"{name}: no sitemap offline"
        expect(page.locator("article h1")).to_be_visible()
        # Found only once the search worker has loaded lunr's German files.
        search(page, "müdigkeit")
        result = page.locator(".md-search-result__item").first
        expect(result).to_be_visible()
        expect(result.locator("a").first).to_have_attribute("href", url + "ursachen.html")
    assert failures.console == [] and failures.requests == []
    context.close()


@pytest.mark.parametrize("where", ["served", "from disk"])
def test_the_download_keeps_the_sites_name(
    browser: Browser, german: tuple[Path, str], where: str, tmp_path: Path,
) -> None:
    site_dir, url = german
    # As written: percent-encoded, so one URL both on a web server and from file://.
    assert 'href="downloads/augenlidzucken-erkl%C3%A4rt-offline.zip" download' in (site_dir / "ueber.html").read_text(
        encoding="utf-8",
    )
    page = browser.new_page(accept_downloads=True)
    page.goto(url + "ueber.html" if where == "served" else (site_dir / "ueber.html").as_uri())
    with page.expect_download() as download:
        page.get_by_role("link", name="Für die Nutzung ohne Internet herunterladen").click()
    assert download.value.suggested_filename == ZIP
    saved = tmp_path / ZIP
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        names = archive.namelist()
    assert "augenlidzucken-erklärt/index.html" in names
    assert all(name.startswith("augenlidzucken-erklärt/") for name in names)
    page.close()
