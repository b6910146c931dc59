"""The offline copy: names, sizes, and what goes into the zip."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from offline.offline_copy import SIZE_TOKEN, copy_folder, download_html, fill_size, format_size, write_zip, zip_name
from offline.robots import robots_txt
from support.words import ENGLISH


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("Mouth twitches explained", "mouth-twitches-explained-offline.zip"),
        ("  My Site! 2 ", "my-site-2-offline.zip"),
        ("Bell’s palsy: a_guide", "bells-palsy-a-guide-offline.zip"),
        ("!!!", "site-offline.zip"),
        ("", "site-offline.zip"),
        ("Augenlidzucken erklärt", "augenlidzucken-erklärt-offline.zip"),
        # Decomposed (a + combining diaeresis) comes out composed, as typed on most keyboards.
        ("Augenlidzucken erkla\u0308rt", "augenlidzucken-erklärt-offline.zip"),
        ("ÜBER Straße", "über-straße-offline.zip"),
        ("Ελληνικά: οδηγός", "ελληνικά-οδηγός-offline.zip"),
        ("Тик века", "тик-века-offline.zip"),
        ("まぶたのけいれん", "まぶたのけいれん-offline.zip"),
        ("हिन्दी गाइड", "हिन्दी-गाइड-offline.zip"),
        ("Guide № 2 — ½", "guide-2-offline.zip"),
        ("¿¡…!?", "site-offline.zip"),
    ],
)
def test_zip_name(name: str, file: str) -> None:
    assert zip_name(name) == file
    assert copy_folder(name) == file.removesuffix("-offline.zip")


def test_the_download_link_is_percent_encoded() -> None:
    html = download_html("../downloads/augenlidzucken-erklärt-offline.zip", ENGLISH)
    assert 'href="../downloads/augenlidzucken-erkl%C3%A4rt-offline.zip" download' in html
    assert 'href="downloads/mouth-twitches-explained-offline.zip"' in download_html(
        "downloads/mouth-twitches-explained-offline.zip", ENGLISH,
    )


@pytest.mark.parametrize(
    ("size", "text"), [(10, "1 KB"), (840_400, "840 KB"), (999_999, "1000 KB"), (1_234_567, "1.2 MB")],
)
def test_format_size(size: int, text: str) -> None:
    assert format_size(size, ENGLISH) == text


def test_zip_holds_the_site_but_not_itself(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "downloads").mkdir(parents=True)
    (site / "downloads" / "old.zip").write_bytes(b"old")
    (site / "search").mkdir()
    (site / "search" / "search_index.js").write_text("var __index = {}")
    (site / "about.html").write_text(f"<main>{download_html('downloads/x.zip', ENGLISH)}</main>")
    (site / "icon.png").write_bytes(b"\x89PNG" + bytes(200))
    size = write_zip(site, site / "downloads" / "x.zip", "augenlidzucken-erklärt", ENGLISH)
    with zipfile.ZipFile(site / "downloads" / "x.zip") as archive:
        folder = "augenlidzucken-erklärt/"
        names = ["about.html", "icon.png", "search/search_index.js"]
        assert sorted(archive.namelist()) == [folder + name for name in names]
        # Names beyond ASCII are flagged UTF-8, so any unzip tool reads them right.
        assert all(info.flag_bits & 0x800 for info in archive.infolist())
        # Text is deflated; a PNG is compressed already, so it is stored as it is.
        assert archive.getinfo(folder + "about.html").compress_type == zipfile.ZIP_DEFLATED
        assert archive.getinfo(folder + "icon.png").compress_type == zipfile.ZIP_STORED
        assert archive.read(folder + "icon.png") == b"\x89PNG" + bytes(200)
        inside = archive.read(folder + "about.html").decode()
    assert "downloads/x.zip" not in inside and "You are reading the offline copy" in inside
    assert size == (site / "downloads" / "x.zip").stat().st_size
    fill_size(site / "about.html", "ZIP file, 1 KB")
    text = (site / "about.html").read_text()
    assert SIZE_TOKEN not in text and "(ZIP file, 1 KB)" in text and 'href="downloads/x.zip"' in text


@pytest.mark.parametrize(
    ("site_url", "text"),
    [
        ("https://user.github.io/repo/", "User-agent: *\nAllow: /\nSitemap: https://user.github.io/repo/sitemap.xml\n"),
        ("https://example.org", "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n"),
        ("", "User-agent: *\nAllow: /\n"),
        (None, "User-agent: *\nAllow: /\n"),
    ],
)
def test_robots_txt(site_url: str | None, text: str) -> None:
    assert robots_txt(site_url) == text

