"""The precache list, the cache version, the worker script and the manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offline.precache import asset_versions, cache_version, content_hash, manifest, precache_entries, service_worker

ROOT = Path(__file__).resolve().parents[2]


def make_site(base: Path) -> Path:
    files = {
        "index.html": "home", "sub/page.html": "page", "assets/site.css": "css", "assets/app.js.map": "map",
        "downloads/copy.zip": "zip", "sw.js": "worker", "robots.txt": "r", "sitemap.xml": "s", "sitemap.xml.gz": "g",
        "search/search_index.json": "{}", "search/search_index.js": "var x", "assets/javascripts/lunr/wordcut.js": "w",
    }
    for name, text in files.items():
        (base / name).parent.mkdir(parents=True, exist_ok=True)
        (base / name).write_text(text)
    return base


def test_precache_lists_what_readers_need_with_versions(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    urls = [url for url, _ in precache_entries(site, {"assets/site.css": "abc"})]
    assert urls == ["assets/site.css?v=abc", "index.html", "search/search_index.json", "sub/page.html"]


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


def test_asset_versions_cover_our_files(tmp_path: Path) -> None:
    (tmp_path / "javascripts").mkdir()
    (tmp_path / "javascripts" / "a.js").write_bytes(b"x")
    assert asset_versions(tmp_path) == {"assets/javascripts/a.js": content_hash(b"x")}
