"""The offline copy's members kept between builds: reused only for the same bytes, never shipped damaged."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from offline.offline_copy import write_zip
from offline.pack_store import PackStore
from offline.zip_writer import DEFLATED, STORED, Packed, pack
from support.words import ENGLISH


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>" * 200, encoding="utf-8")
    (site / "assets" / "quiz.js").write_text("let a = 1;\n" * 100, encoding="utf-8")
    (site / "assets" / "icon.png").write_bytes(bytes(range(256)) * 4)
    return site


def _members(path: Path) -> dict[str, tuple[int, bytes]]:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {info.filename: (info.compress_type, archive.read(info)) for info in archive.infolist()}


def test_a_second_build_reuses_every_member_and_writes_the_same_zip(tmp_path: Path) -> None:
    site, store = _site(tmp_path), PackStore(tmp_path / "cache")
    first = write_zip(site, site / "downloads" / "a.zip", "copy", ENGLISH, store=store)
    kept = {path.name: path.stat().st_mtime_ns for path in store.folder.iterdir()}
    assert len(kept) == 3
    again = PackStore(store.folder)
    second = write_zip(site, site / "downloads" / "b.zip", "copy", ENGLISH, store=again)
    assert second == first
    assert _members(site / "downloads" / "b.zip") == _members(site / "downloads" / "a.zip")
    # Read back, not packed and written again.
    assert {path.name: path.stat().st_mtime_ns for path in store.folder.iterdir()} == kept
    with zipfile.ZipFile(site / "downloads" / "b.zip") as archive:
        methods = {info.filename: info.compress_type for info in archive.infolist()}
    assert methods["copy/assets/icon.png"] == zipfile.ZIP_STORED
    assert methods["copy/index.html"] == zipfile.ZIP_DEFLATED


def test_an_edited_file_is_packed_anew_and_its_old_member_goes(tmp_path: Path) -> None:
    site, store = _site(tmp_path), PackStore(tmp_path / "cache")
    write_zip(site, site / "downloads" / "a.zip", "copy", ENGLISH, store=store)
    before = {path.name for path in store.folder.iterdir()}
    (site / "index.html").write_text("<p>edited</p>", encoding="utf-8")
    write_zip(site, site / "downloads" / "a.zip", "copy", ENGLISH, store=PackStore(store.folder))
    after = {path.name for path in store.folder.iterdir()}
    assert len(after) == 3 and len(after - before) == 1
    assert _members(site / "downloads" / "a.zip")["copy/index.html"] == (zipfile.ZIP_DEFLATED, b"<p>edited</p>")


@pytest.mark.parametrize("damage", [b"", b"short", "flip"])
def test_a_damaged_member_is_packed_anew_not_shipped(tmp_path: Path, damage: bytes | str) -> None:
    data = b"<p>the same page</p>" * 50
    store = PackStore(tmp_path)
    key = store.key(data, DEFLATED, 6)
    store.put(key, pack("index.html", data, DEFLATED, 6))
    kept = tmp_path / key
    if damage == "flip":
        raw = bytearray(kept.read_bytes())
        raw[-1] ^= 0xFF
        kept.write_bytes(bytes(raw))
    else:
        assert isinstance(damage, bytes)
        kept.write_bytes(damage)
    assert PackStore(tmp_path).get(key, DEFLATED) is None


def test_bytes_method_and_level_each_make_their_own_key() -> None:
    data = b"x" * 100
    keys = {PackStore.key(data, DEFLATED, 6), PackStore.key(data, STORED, 6), PackStore.key(data, DEFLATED, 9),
            PackStore.key(data + b"!", DEFLATED, 6)}
    assert len(keys) == 4


def test_a_member_kept_as_stored_is_not_taken_for_a_deflated_one(tmp_path: Path) -> None:
    store = PackStore(tmp_path)
    store.put("k", Packed(STORED, 0, 3, b"abc"))
    assert store.get("k", DEFLATED) is None
    assert store.get("k", STORED) == Packed(STORED, 0, 3, b"abc")


def test_a_folder_that_cannot_be_made_only_means_packing_each_time(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way", encoding="utf-8")
    site = _site(tmp_path)
    size = write_zip(site, site / "downloads" / "a.zip", "copy", ENGLISH, store=PackStore(tmp_path / "file" / "cache"))
    assert size > 0 and len(_members(site / "downloads" / "a.zip")) == 3
