"""The precache list, the cache version, the worker script and the manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offline.precache import (
    asset_versions,
    cache_version,
    content_hash,
    manifest,
    precache_entries,
    search_languages,
    search_scripts,
    service_worker,
    versioned_url,
)

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
    first = cache_version(site, entries)
    (site / "sitemap.xml").write_text(entry.format(page="index", day="2026-01-02"))
    assert cache_version(site, entries) == first
    (site / "sitemap.xml").write_text(entry.format(page="new", day="2026-01-02"))
    assert cache_version(site, entries) != first


def test_the_cache_version_follows_every_byte(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    entries = precache_entries(site, {})
    first = cache_version(site, entries)
    assert cache_version(site, entries) == first
    (site / "sub/page.html").write_text("page, edited")
    assert cache_version(site, entries) != first


def test_the_worker_gets_its_version_and_list() -> None:
    source = (ROOT / "overrides/sw.js").read_text(encoding="utf-8")
    filled = service_worker(source, "v1", ["index.html", "a b.css?v=1"])
    assert 'const VERSION = "v1";' in filled
    assert 'const PRECACHE = ["index.html", "a b.css?v=1"];' in filled
    assert filled.count("const VERSION") == 1
    with pytest.raises(ValueError):
        service_worker("self.x = 1;", "v1", [])


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
