"""MkDocs glue for offline use: asset versions, the service worker and manifest, the "Keep the whole site
offline" control and its list, the offline copy, robots.txt, and the check that no page fetches from another site."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.utils import get_relative_url

from loading.author_errors import AuthorError
from loading.kept_files import CACHE
from loading.line_lookup import line_of
from loading.page_glue import page_path
from offline.external_loads import external_loads
from offline.keep_control import DIRECTIVE as KEEP_DIRECTIVE
from offline.keep_control import SCRIPT as KEEP_SCRIPT
from offline.keep_control import STYLE as KEEP_STYLE
from offline.keep_control import TOKEN as KEEP_TOKEN
from offline.keep_control import fill_keep, keep_html, script_html
from offline.offline_copy import DIRECTIVE as OFFLINE_DOWNLOAD
from offline.offline_copy import (
    FOLDER,
    copy_folder,
    download_html,
    fill_size,
    format_size,
    size_text,
    write_zip,
    zip_name,
)
from offline.pack_store import PackStore
from offline.precache import (
    KEEP_LIST,
    KILL_SWITCH,
    asset_versions,
    cache_version,
    choose_precache,
    file_hashes,
    first_pages,
    fits,
    html_pages,
    keep_list,
    manifest,
    matters_first,
    precache_entries,
    service_worker,
    versioned_url,
)
from offline.robots import robots_txt
from offline.zip_writer import Packs

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from language.catalogue import Catalogue

log = logging.getLogger("mkdocs.plugins.offline")

APP_DEFAULTS = {
    "short_name": "",
    "theme_color": "#4051b5",
    "icon_192": "assets/images/icon-192.png",
    "icon_512": "assets/images/icon-512.png",
    "icon_maskable": "assets/images/icon-maskable-512.png",
}


# Beside mkdocs.yml, with the compiled templates: the offline copy's members as the last build packed them.
PACKS_FOLDER = f"{CACHE}/offline-copy"

# Theme files written by the build into site/ from the copy MkDocs put there: sw.js, its precache list filled in.
FILLED_IN_SITE = ("sw.js",)


def configure(config: MkDocsConfig, serving: bool) -> dict[str, str]:
    """Give templates our assets' versions, the app settings and whether to register a worker; return the versions."""
    custom = config.theme.custom_dir
    versions = asset_versions(Path(custom) / "assets") if custom else {}
    config.extra["asset_versions"] = versions
    # Material links extra.polyfills as written. Our vendored search shim gets ?v=HASH like every asset of
    # ours, so pages ask for the very URL the worker precaches (without it, every page failed to load it offline).
    polyfills = config.extra.get("polyfills")
    if isinstance(polyfills, list):
        config.extra["polyfills"] = [versioned_url(p, versions) if isinstance(p, str) else p for p in polyfills]
    # `mkdocs serve` must never leave a caching worker behind.
    config.extra["service_worker"] = not serving
    app = {**APP_DEFAULTS, **(config.extra.get("app") or {})}
    unknown = sorted(set(app) - set(APP_DEFAULTS))
    if unknown:
        raise AuthorError("mkdocs.yml", f"extra.app.{unknown[0]}", "unknown key", f"use only {', '.join(APP_DEFAULTS)}")
    config.extra["app"] = app
    if config.extra.get("analytics"):
        # Material's analytics partial injects the provider's script at run time.
        log.warning(
            "mkdocs.yml, extra.analytics: the analytics script is fetched from another site on every page, "
            "and tells it who is reading. Fix: remove extra.analytics"
        )
    return versions


def draw_download(html: str, page: Page, site_name: str, pages: list[str], words: Catalogue) -> str:
    """Replace <!-- offline-download --> with the download link; note the page, to fill in the size later."""
    pages.append(page.file.dest_uri)
    href = get_relative_url(f"{FOLDER}/{zip_name(site_name)}", page.url)
    return html.replace(OFFLINE_DOWNLOAD, download_html(href, words))


def draw_keep(html: str, page: Page, pages: list[str], versions: dict[str, str]) -> str:
    """Replace <!-- offline-keep --> with a placeholder and (once) its script; note the page, to draw it once sized."""
    pages.append(page.file.dest_uri)
    # ?v=HASH, as asset() gives offline.js: the URL the worker precaches, never an older copy.
    src, style = (get_relative_url(path, page.url) + (f"?v={versions[path]}" if path in versions else "")
                  for path in (KEEP_SCRIPT, KEEP_STYLE))
    return html.replace(KEEP_DIRECTIVE, KEEP_TOKEN).replace(KEEP_TOKEN, KEEP_TOKEN + script_html(src, style), 1)


def note_first_page(output: str, page: Page, pages: set[str]) -> None:
    """Note a finished page with an emergency card or a flowchart: the worker stores those first."""
    if matters_first(output):
        pages.add(page.file.dest_uri)


def report_external_loads(output: str, page: Page, site_url: str, reported: set[str]) -> None:
    """Warn (a failure under --strict) about anything the finished page fetches from another site, once per address."""
    for load in external_loads(output, site_url):
        if load.url in reported:
            continue
        reported.add(load.url)
        line = line_of(page.file.content_string, load.clue)
        where = page_path(page) + (f", line {line}" if line else "")
        origin = "" if line else " (not written in this page: look in mkdocs.yml, overrides/ or a snippet)"
        log.warning(
            f"{where}: {load.problem}{origin}, so the page needs the internet and tells that site who is reading. "
            f"Fix: {load.fix}"
        )


def write_robots(config: MkDocsConfig) -> None:
    """Write site/robots.txt, next to the sitemap MkDocs makes, for this build's site_url."""
    (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")


def _icons(config: MkDocsConfig) -> dict[str, str]:
    app: dict[str, Any] = config.extra["app"]
    return {key: app[key] for key in ("icon_192", "icon_512", "icon_maskable")}


def write_manifest(config: MkDocsConfig) -> None:
    """Write manifest.webmanifest, once its icons are known to be in the site."""
    site = Path(config.site_dir)
    app: dict[str, Any] = config.extra["app"]
    icons = _icons(config)
    for key, src in icons.items():
        if not (site / src).is_file():
            raise AuthorError(
                "mkdocs.yml", f"extra.app.{key}", f"'{src}' is not in the built site", f"put the PNG in docs/{src}",
            )
    short_name = app["short_name"] or config.site_name
    data = manifest(config.site_name, short_name, config.site_description or "", app["theme_color"], icons)
    (site / "manifest.webmanifest").write_text(json.dumps(data, indent=2), encoding="utf-8")


def draw_keep_controls(config: MkDocsConfig, versions: dict[str, str], pages: list[str], words: Catalogue) -> bool:
    """Draw "Keep the whole site offline" with the site's size; return whether the whole site fits the budget."""
    # A site that fits is stored whole on a first visit: its control only says so.
    site = Path(config.site_dir)
    entries = precache_entries(site, versions)
    everything = fits(entries)
    control = keep_html(words, format_size(sum(size for _, size in entries), words), html_pages(entries), everything)
    for dest in pages:
        fill_keep(site / dest, control)
    return everything


def write_worker(
    config: MkDocsConfig, versions: dict[str, str], serving: bool, order: list[str], urgent: set[str],
    everything: bool,
) -> None:
    """Write sw.js with this build's precache list and version (a kill switch under serve), and its keep list."""
    # The whole site when it fits the budget (`everything`, as the control says); else the shell, search and the
    # pages that matter first, and offline-pages.json names the rest, for a reader who chooses to keep them.
    site = Path(config.site_dir)
    worker = site / "sw.js"
    if serving:
        worker.write_text(KILL_SWITCH, encoding="utf-8")
        return
    entries = precache_entries(site, versions)
    favicon = str(config.theme.get("favicon") or "")
    shell = (*_icons(config).values(), favicon)
    chosen = entries if everything else choose_precache(entries, first_pages(order, urgent), shell)
    hashes = file_hashes(site, entries)
    # Over every file, not just the precache: a reader who keeps the whole site gets each page's change.
    version = cache_version(hashes)
    if not everything:
        (site / KEEP_LIST).write_text(json.dumps(keep_list(version, entries, chosen, hashes)), encoding="utf-8")
    worker.write_text(
        service_worker(worker.read_text(encoding="utf-8"), version, [url for url, _ in chosen], not everything),
        encoding="utf-8",
    )
    stored = sum(size for _, size in chosen) / 1000
    total = sum(size for _, size in entries) / 1000
    log.info(
        f"Service worker: {len(chosen)} of {len(entries)} files, {stored:.0f} of {total:.0f} KB precached, "
        f"version {version}"
    )


def write_offline_copy(config: MkDocsConfig, pages: list[str], words: Catalogue, packs: Packs | None) -> None:
    """Zip the finished site into a folder named after it; tell readers on the pages that link it how big it is.

    packs: under `mkdocs serve`, the members the last rebuild packed, so only changed files are deflated again;
    a build takes them from the ones earlier builds kept in .cache/offline-copy instead."""
    site = Path(config.site_dir)
    store = None if packs is not None else PackStore(Path(config.config_file_path).parent / PACKS_FOLDER)
    size = write_zip(
        site, site / FOLDER / zip_name(config.site_name), copy_folder(config.site_name), words, packs, store,
    )
    for dest in pages:
        fill_size(site / dest, size_text(size, words))
    log.info(f"Offline copy: {FOLDER}/{zip_name(config.site_name)} ({format_size(size, words)})")
