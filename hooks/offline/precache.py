"""The service worker's precache list and the web app manifest; no MkDocs needed."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path, PurePosixPath
from typing import Any

from loading.word_scan import ascii_lower

# Not for readers' devices: source maps, downloads, files only crawlers or
# file:// use, the worker itself and its keep list, and lunr's language files,
# of which a site needs only its search languages' (search_scripts, below,
# adds those back).
EXCLUDE = re.compile(
    r"(\.map$|^downloads/|^sw\.js$|^robots\.txt$|^sitemap\.xml\.gz$|^search/search_index\.js$|"
    r"^assets/javascripts/lunr/|^offline-pages\.json$)"
)
VERSION_LINE = re.compile(r"^const VERSION = .*;$", re.M)
PRECACHE_LINE = re.compile(r"^const PRECACHE = .*;$", re.M)
KEEP_LINE = re.compile(r"^const KEEP = .*;$", re.M)

# What the worker may download on install, however large the site (tests/support/budgets.py).
BUDGET = 1_500_000
# The shell: our CSS and JS, Material's bundle, stylesheets and search worker, the
# manifest, and the sitemap (Material's instant navigation fetches it on every page).
SHELL_SUFFIXES = (".css", ".js", ".webmanifest")
SITEMAP = "sitemap.xml"
SEARCH_INDEX = "search/search_index.json"
# A page with an emergency care card or a flowchart: what a worried reader needs first.
MATTERS_FIRST = re.compile(r'class="(?:[^"]*\s)?(?:care-card--emergency|flow)(?:\s[^"]*)?"')
# Written next to sw.js: every file the precache leaves out, for a reader who keeps the whole site.
KEEP_LIST = "offline-pages.json"

VERSIONED = frozenset({".css", ".js"})


def content_hash(data: bytes) -> str:
    """A short, stable fingerprint of a file's bytes."""
    return hashlib.sha256(data).hexdigest()[:10]


LUNR = "assets/javascripts/lunr"
# Word splitters Material's search worker loads before a language's stemmer.
SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}


def search_scripts(languages: list[str]) -> list[str]:
    """The lunr files Material's search worker imports for these search languages, as site paths.

    As setupSearchLanguages in Material's workers/search.*.min.js: English needs
    nothing; any other language its segmenter (ja, hi, th) and lunr.LANG.min.js;
    more than one language lunr.multi.min.js; and any of those the stemmer support.
    """
    scripts = []
    for language in languages:
        if language in SEGMENTERS:
            scripts.append(f"{LUNR}/{SEGMENTERS[language]}")
        if language != "en":
            scripts.append(f"{LUNR}/min/lunr.{language}.min.js")
    if len(languages) > 1:
        scripts.append(f"{LUNR}/min/lunr.multi.min.js")
    if not scripts:
        return []
    return list(dict.fromkeys([f"{LUNR}/min/lunr.stemmer.support.min.js", *scripts]))


def search_languages(site_dir: Path) -> list[str]:
    """The languages the search worker is set up with: the built index's config.lang ([] with no search)."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return []
    languages = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    return [str(language) for language in languages]


def precache_entries(site_dir: Path, versioned: dict[str, str]) -> list[tuple[str, int]]:
    """(URL relative to the site root, size) for every file a reader may need.

    Files the pages link with `?v=HASH` (our own assets) are listed the same
    way, so the worker caches exactly the URLs the pages ask for. Of lunr's
    language files, only those this site's search languages load.
    """
    searched = set(search_scripts(search_languages(site_dir)))
    entries = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        name = PurePosixPath(path.relative_to(site_dir).as_posix()).as_posix()
        if EXCLUDE.search(name) and name not in searched:
            continue
        url = f"{name}?v={versioned[name]}" if name in versioned else name
        entries.append((url, path.stat().st_size))
    return entries


def matters_first(html: str) -> bool:
    """Whether a page holds an emergency card or a flowchart (asked of every page as it is written)."""
    lower = ascii_lower(html)  # already made for this page by the external-load check
    if b"care-card--emergency" not in lower and b"flow" not in lower:
        return False
    # From each such word back to the class attribute it may be in: MATTERS_FIRST
    # itself tries every class attribute of the page, half a millisecond each.
    for word in ("care-card--emergency", "flow"):
        at = html.find(word)
        while at != -1:
            opened = html.rfind('class="', 0, at)
            if opened != -1 and MATTERS_FIRST.match(html, opened):
                return True
            at = html.find(word, at + 1)
    return False


def first_pages(order: list[str], urgent: set[str]) -> list[str]:
    """The home page, the 404 page, then the pages that matter first (`urgent`): in reading order, then by name."""
    in_order = [name for name in order if name in urgent]
    return list(dict.fromkeys(["index.html", "404.html", *in_order, *sorted(urgent - set(in_order))]))


def fits(entries: list[tuple[str, int]], budget: int = BUDGET) -> bool:
    """Whether the whole site fits the budget, so the worker stores all of it on install."""
    return sum(size for _, size in entries) <= budget


def choose_precache(
    entries: list[tuple[str, int]], first: list[str], shell: tuple[str, ...] = (), budget: int = BUDGET,
) -> list[tuple[str, int]]:
    """What the worker stores on install when the whole site does not fit: the most needed, within the budget."""
    # First the shell (CSS, JS, the manifest, the sitemap and the files in `shell`),
    # then the search index, then the pages in `first`, each while the total stays
    # within the budget: one that does not fit is left to be cached as it is read,
    # and a smaller one after it may still fit.
    sizes = {url.split("?")[0]: size for url, size in entries}
    shells = [
        name for name in sizes
        if not name.startswith("search/") and (name.endswith(SHELL_SUFFIXES) or name in (SITEMAP, *shell))
    ]
    chosen: set[str] = set()
    spent = 0
    for name in (*shells, SEARCH_INDEX, *first):
        if name in sizes and name not in chosen and spent + sizes[name] <= budget:
            chosen.add(name)
            spent += sizes[name]
    return [entry for entry in entries if entry[0].split("?")[0] in chosen]


def html_pages(entries: list[tuple[str, int]]) -> int:
    """How many of the entries are pages."""
    return sum(1 for url, _ in entries if url.split("?")[0].endswith(".html"))


def keep_list(
    version: str, entries: list[tuple[str, int]], precached: list[tuple[str, int]], hashes: dict[str, str],
) -> dict[str, Any]:
    """offline-pages.json: the whole site's size and pages, and each file the precache leaves out, with its hash."""
    # A new version's worker copies a file whose hash matches from the last
    # version's cache instead of downloading it again.
    stored = {url for url, _ in precached}
    return {
        "version": version,
        "total": {"bytes": sum(size for _, size in entries), "pages": html_pages(entries)},
        "precached": {"bytes": sum(size for _, size in precached), "pages": html_pages(precached)},
        "files": [[url, size, hashes[url]] for url, size in entries if url not in stored],
    }


# MkDocs dates every sitemap entry with the day of the build: left in, each
# day's rebuild of an unchanged site would ask readers to reload.
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


def file_hashes(site_dir: Path, entries: list[tuple[str, int]]) -> dict[str, str]:
    """{url: hash of the file's bytes} (the sitemap's without its build dates)."""
    hashes = {}
    for url, _ in entries:
        name = url.split("?")[0]
        data = (site_dir / name).read_bytes()
        hashes[url] = content_hash(LASTMOD.sub(b"", data) if name == SITEMAP else data)
    return hashes


def cache_version(hashes: dict[str, str]) -> str:
    """One hash over every file's URL and hash (file_hashes): a new build, a new cache."""
    digest = hashlib.sha256()
    for url, file_hash in hashes.items():
        digest.update(f"{url} {file_hash}\n".encode())
    return digest.hexdigest()[:12]


def service_worker(source: str, version: str, urls: list[str], keep: bool) -> str:
    """The worker script with this build's version, precache list and (when it is not the whole site) keep list."""
    if not all(line.search(source) for line in (VERSION_LINE, PRECACHE_LINE, KEEP_LINE)):
        raise ValueError(
            "sw.js must keep its 'const VERSION = ...;', 'const PRECACHE = ...;' and 'const KEEP = ...;' lines"
        )
    filled = VERSION_LINE.sub(lambda _: f"const VERSION = {json.dumps(version)};", source, count=1)
    filled = KEEP_LINE.sub(lambda _: f"const KEEP = {json.dumps(KEEP_LIST if keep else None)};", filled, count=1)
    return PRECACHE_LINE.sub(lambda _: f"const PRECACHE = {json.dumps(urls)};", filled, count=1)


def manifest(name: str, short_name: str, description: str, theme_color: str, icons: dict[str, str]) -> dict[str, Any]:
    """A web app manifest: installable, opening on the home page, within the site."""
    sizes = {"icon_192": "192x192", "icon_512": "512x512", "icon_maskable": "512x512"}
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "start_url": "./index.html",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": theme_color,
        "icons": [
            {
                "src": src, "sizes": sizes[key], "type": "image/png",
                **({"purpose": "maskable"} if key == "icon_maskable" else {}),
            }
            for key, src in icons.items()
        ],
    }


# Written as sw.js under `mkdocs serve`: it removes itself and any caches, so
# a worker from an earlier `mkdocs build` never serves an editor stale pages.
KILL_SWITCH = """\
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) await caches.delete(name);
    await self.registration.unregister();
    for (const client of await self.clients.matchAll()) client.navigate(client.url);
  })());
});
"""


def asset_versions(assets_dir: Path) -> dict[str, str]:
    """{'assets/…': hash} for every script and stylesheet of ours, to add ?v=HASH to their URLs."""
    # Only what templates link with asset(): images (the default app icons)
    # are linked as they are, so the worker must cache them without ?v=.
    return {
        f"assets/{path.relative_to(assets_dir).as_posix()}": content_hash(path.read_bytes())
        for path in sorted(assets_dir.rglob("*"))
        if path.is_file() and path.suffix in VERSIONED
    }


def versioned_url(url: str, versions: dict[str, str]) -> str:
    """A URL of ours with ?v=HASH, as asset() writes it in templates; any other URL as it is."""
    return f"{url}?v={versions[url]}" if url in versions else url
