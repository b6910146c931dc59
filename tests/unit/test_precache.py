"""The precache list, the cache version, the worker script and the manifest."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from offline.precache import (
    BUDGET,
    KEEP_LIST,
    asset_versions,
    cache_version,
    choose_precache,
    content_hash,
    file_hashes,
    first_pages,
    fits,
    keep_list,
    manifest,
    matters_first,
    precache_entries,
    search_languages,
    search_scripts,
    service_worker,
    versioned_url,
)
from support.budgets import PRECACHE

ROOT = Path(__file__).resolve().parents[2]


LUNR = "assets/javascripts/lunr/"
# Every file of Material's lunr folder that the tests' sites hold.
LUNR_FILES = [
    "tinyseg.js", "wordcut.js", "min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js",
    "min/lunr.de.min.js", "min/lunr.fr.min.js", "min/lunr.ja.min.js", "min/lunr.th.min.js",
]


def make_site(base: Path, languages: list[str] | None = None) -> Path:
    index = json.dumps({"config": {"lang": languages}, "docs": []}) if languages else "{}"
    files = {
        "index.html": "home", "sub/page.html": "page", "assets/site.css": "css", "assets/app.js.map": "map",
        "downloads/copy.zip": "zip", "sw.js": "worker", "robots.txt": "r", "sitemap.xml": "s", "sitemap.xml.gz": "g",
        "search/search_index.json": index, "search/search_index.js": "var x",
        **{LUNR + name: name for name in LUNR_FILES},
    }
    for name, text in files.items():
        (base / name).parent.mkdir(parents=True, exist_ok=True)
        (base / name).write_text(text)
    return base


def test_precache_lists_what_readers_need_with_versions(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    urls = [url for url, _ in precache_entries(site, {"assets/site.css": "abc"})]
    # The sitemap too: Material's instant navigation fetches it on every page.
    assert urls == ["assets/site.css?v=abc", "index.html", "search/search_index.json", "sitemap.xml", "sub/page.html"]


@pytest.mark.parametrize(
    ("languages", "scripts"),
    [
        (["en"], []),
        ([], []),
        (["de"], ["min/lunr.stemmer.support.min.js", "min/lunr.de.min.js"]),
        (["de", "en"], ["min/lunr.stemmer.support.min.js", "min/lunr.de.min.js", "min/lunr.multi.min.js"]),
        (["en", "de"], ["min/lunr.stemmer.support.min.js", "min/lunr.de.min.js", "min/lunr.multi.min.js"]),
        (["ja"], ["min/lunr.stemmer.support.min.js", "tinyseg.js", "min/lunr.ja.min.js"]),
        (["hi"], ["min/lunr.stemmer.support.min.js", "wordcut.js", "min/lunr.hi.min.js"]),
        (
            ["th", "hi"],
            [
                "min/lunr.stemmer.support.min.js", "wordcut.js", "min/lunr.th.min.js", "min/lunr.hi.min.js",
                "min/lunr.multi.min.js",
            ],
        ),
    ],
)
def test_search_scripts_are_what_materials_worker_imports(languages: list[str], scripts: list[str]) -> None:
    assert search_scripts(languages) == [LUNR + name for name in scripts]


@pytest.mark.parametrize(
    ("languages", "lunr"),
    [
        (None, []),
        (["en"], []),
        (["de"], ["min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"]),
        (["de", "en"], ["min/lunr.de.min.js", "min/lunr.multi.min.js", "min/lunr.stemmer.support.min.js"]),
        (["ja"], ["min/lunr.ja.min.js", "min/lunr.stemmer.support.min.js", "tinyseg.js"]),
    ],
)
def test_precache_holds_only_the_search_languages_lunr_files(
    tmp_path: Path, languages: list[str] | None, lunr: list[str],
) -> None:
    site = make_site(tmp_path, languages)
    assert search_languages(site) == (languages or [])
    urls = [url for url, _ in precache_entries(site, {})]
    assert [url.removeprefix(LUNR) for url in urls if url.startswith(LUNR)] == lunr


def test_search_languages_with_no_search(tmp_path: Path) -> None:
    assert search_languages(tmp_path) == []


def test_the_sitemaps_build_date_is_not_a_new_version(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    entry = "<url><loc>https://example.org/{page}.html</loc><lastmod>{day}</lastmod></url>"
    (site / "sitemap.xml").write_text(entry.format(page="index", day="2026-01-01"))
    entries = precache_entries(site, {})
    first = cache_version(file_hashes(site, entries))
    (site / "sitemap.xml").write_text(entry.format(page="index", day="2026-01-02"))
    assert cache_version(file_hashes(site, entries)) == first
    (site / "sitemap.xml").write_text(entry.format(page="new", day="2026-01-02"))
    assert cache_version(file_hashes(site, entries)) != first


def test_the_cache_version_follows_every_byte(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    entries = precache_entries(site, {})
    first = cache_version(file_hashes(site, entries))
    assert cache_version(file_hashes(site, entries)) == first
    (site / "sub/page.html").write_text("page, edited")
    assert cache_version(file_hashes(site, entries)) != first


def test_each_files_hash_is_what_the_worker_computes(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    hashes = file_hashes(site, precache_entries(site, {"assets/site.css": "abc"}))
    # sw.js hashOf: SHA-256 of the bytes, its first 10 hex digits; keyed by the URL the worker stores.
    assert hashes["sub/page.html"] == hashlib.sha256(b"page").hexdigest()[:10]
    assert "assets/site.css?v=abc" in hashes


def test_the_worker_gets_its_version_and_lists() -> None:
    source = (ROOT / "overrides/sw.js").read_text(encoding="utf-8")
    filled = service_worker(source, "v1", ["index.html", "a b.css?v=1"], keep=False)
    assert 'const VERSION = "v1";' in filled
    assert 'const PRECACHE = ["index.html", "a b.css?v=1"];' in filled
    assert "const KEEP = null;" in filled
    assert filled.count("const VERSION") == 1
    assert f'const KEEP = "{KEEP_LIST}";' in service_worker(source, "v1", [], keep=True)
    with pytest.raises(ValueError):
        service_worker("self.x = 1;", "v1", [], keep=False)


def test_the_theme_copy_of_the_worker_refuses_to_install() -> None:
    # A site caught half written holds it before the build fills it in: it must never replace a working worker.
    source = (ROOT / "overrides/sw.js").read_text(encoding="utf-8")
    assert 'const VERSION = "unbuilt";' in source
    assert 'if (VERSION === "unbuilt") throw' in source


SHELL = [
    ("assets/app.js?v=1", 100_000), ("assets/site.css?v=2", 50_000), ("manifest.webmanifest", 700),
    ("sitemap.xml", 20_000), ("assets/icon.png", 2_000),
]
FIRST = ["index.html", "404.html", "care.html", "flow.html"]


def library(pages: int, page_size: int = 50_000, index: int = 200_000) -> list[tuple[str, int]]:
    """A site's entries: the shell, search, the first pages, a photo and `pages` ordinary ones."""
    ordinary = [(f"shelf/article-{n:04d}.html", page_size) for n in range(pages)]
    return [
        *SHELL, ("search/search_index.json", index), *[(name, page_size) for name in FIRST],
        ("assets/photo.jpg", 300_000), *ordinary,
    ]


def test_the_budget_is_the_tested_one() -> None:
    assert BUDGET <= PRECACHE


def test_a_site_fits_whole_only_within_the_budget() -> None:
    assert fits(library(10))
    assert not fits(library(30))
    assert fits([("a.html", BUDGET)]) and not fits([("a.html", BUDGET + 1)])


@pytest.mark.parametrize("pages", [30, 300, 3000])
def test_the_budget_holds_whatever_the_size_and_priorities_come_first(pages: int) -> None:
    index = 100_000 + pages * 500
    chosen = choose_precache(library(pages, index=index), FIRST, shell=("assets/icon.png",))
    names = [url for url, _ in chosen]
    assert sum(size for _, size in chosen) <= BUDGET
    # The shell always (the sitemap too); search while it fits beside it; never the photo or an ordinary page.
    assert set(names) >= {url for url, _ in SHELL}
    assert ("search/search_index.json" in names) == (index <= BUDGET - sum(size for _, size in SHELL))
    assert not [name for name in names if name.startswith("shelf/") or name.endswith(".jpg")]
    # The first pages, in their order, as many as fit.
    taken = [name for name in names if name in FIRST]
    assert taken == FIRST[: len(taken)]


def test_pages_come_in_priority_order_until_the_budget_is_spent() -> None:
    names = [url for url, _ in choose_precache(library(300, page_size=400_000, index=100_000), FIRST)]
    # Shell 172.7 KB + search 100 KB + three 400 KB pages fit 1.5 MB; a fourth does not.
    assert [name for name in names if name.endswith(".html")] == ["index.html", "404.html", "care.html"]


def test_a_page_too_big_is_skipped_and_a_smaller_one_still_fits() -> None:
    entries = [*SHELL, ("index.html", 1_400_000), ("404.html", 20_000), ("big.html", 5_000_000)]
    names = [url for url, _ in choose_precache(entries, ["index.html", "404.html"])]
    assert "index.html" not in names and "404.html" in names


def test_pages_that_matter_first_hold_an_emergency_card_or_a_flowchart() -> None:
    assert matters_first('<div class="admonition care-card care-card--emergency">')
    assert matters_first('<section class="flow" id="flow-x">')
    assert not matters_first('<div class="flow-outcome">')
    assert not matters_first('<div class="care-card care-card--urgent">')
    pages = {
        "index.html": "home", "404.html": "gone", "a.html": "<p>plain</p>", "b.html": '<section class="flow">',
        "c/d.html": '<div class="care-card care-card--emergency">',
        "e.html": '<div class="care-card care-card--emergency">',
    }
    urgent = {name for name, text in pages.items() if matters_first(text)}  # as on_post_page notes them
    # Reading order first (the nav), then pages outside it.
    first = first_pages(["index.html", "e.html", "a.html", "b.html"], urgent)
    assert first == ["index.html", "404.html", "e.html", "b.html", "c/d.html"]


def test_the_keep_list_names_every_file_left_out_with_its_hash() -> None:
    entries = library(40)
    chosen = choose_precache(entries, FIRST)
    hashes = {url: f"h{n}" for n, (url, _) in enumerate(entries)}
    data = keep_list("v1", entries, chosen, hashes)
    assert data["version"] == "v1"
    assert data["total"] == {"bytes": sum(size for _, size in entries), "pages": 44}
    assert data["precached"]["pages"] == sum(1 for url, _ in chosen if url.endswith(".html"))
    assert sorted(url for url, *_ in data["files"]) == sorted({url for url, _ in entries} - {url for url, _ in chosen})
    assert all(file_hash == hashes[url] for url, _, file_hash in data["files"])
    assert data["precached"]["bytes"] + sum(size for _, size, _ in data["files"]) == data["total"]["bytes"]
    json.dumps(data)


def test_manifest_is_installable() -> None:
    data = manifest(
        "Site", "S", "About it", "#123456", {"icon_192": "a.png", "icon_512": "b.png", "icon_maskable": "c.png"},
    )
    assert data["start_url"] == "./index.html" and data["scope"] == "./" and data["display"] == "standalone"
    assert [(i["sizes"], i.get("purpose")) for i in data["icons"]] == [
        ("192x192", None), ("512x512", None), ("512x512", "maskable"),
    ]
    json.dumps(data)


def test_versioned_url_is_the_url_asset_writes() -> None:
    versions = {"assets/javascripts/vendor/shim.js": "abc"}
    assert versioned_url("assets/javascripts/vendor/shim.js", versions) == "assets/javascripts/vendor/shim.js?v=abc"
    assert versioned_url("https://example.org/shim.js", versions) == "https://example.org/shim.js"


def test_asset_versions_cover_our_files(tmp_path: Path) -> None:
    (tmp_path / "javascripts").mkdir()
    (tmp_path / "javascripts" / "a.js").write_bytes(b"x")
    assert asset_versions(tmp_path) == {"assets/javascripts/a.js": content_hash(b"x")}
