"""Our zip writer: zipfile reads what it writes, and a member is reused only for the very same bytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

from offline.zip_writer import DEFLATED, STORED, Packs, pack, write_archive

MEMBERS = {
    "augenlidzucken-erklärt/index.html": (b"<p>Hallo</p>" * 500, DEFLATED),
    "augenlidzucken-erklärt/assets/icon.png": (bytes(range(256)) * 4, STORED),
    "augenlidzucken-erklärt/empty.txt": (b"", DEFLATED),
}


def written(target: Path, packs: Packs | None = None, moment: float = 1_700_000_000) -> Path:
    write_archive(target, [(name, pack(name, data, method, 6, packs)) for name, (data, method) in MEMBERS.items()],
                  moment)
    return target


def test_zipfile_reads_every_member_back(tmp_path: Path) -> None:
    with zipfile.ZipFile(written(tmp_path / "a.zip")) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == list(MEMBERS)
        for name, (data, method) in MEMBERS.items():
            assert archive.read(name) == data
            info = archive.getinfo(name)
            assert info.compress_type == (zipfile.ZIP_DEFLATED if method == DEFLATED else zipfile.ZIP_STORED)
            assert info.flag_bits & 0x800  # UTF-8 name
            assert (info.external_attr >> 16) & 0o777 == 0o644
            assert info.date_time[0] >= 2023
        deflated = archive.getinfo("augenlidzucken-erklärt/index.html")
        assert deflated.compress_size < deflated.file_size / 10


def test_a_reused_member_gives_the_same_zip(tmp_path: Path) -> None:
    packs: Packs = {}
    first = written(tmp_path / "first.zip", packs).read_bytes()
    again = written(tmp_path / "again.zip", packs).read_bytes()
    fresh = written(tmp_path / "fresh.zip").read_bytes()
    assert first == again == fresh
    assert set(packs) == set(MEMBERS)


def test_changed_bytes_are_packed_anew(tmp_path: Path) -> None:
    packs: Packs = {}
    name = "augenlidzucken-erklärt/index.html"
    old = pack(name, b"same length!", DEFLATED, 6, packs)
    new = pack(name, b"other length", DEFLATED, 6, packs)
    assert new is not old and new.crc != old.crc
    assert pack(name, b"other length", DEFLATED, 6, packs) is new
    assert pack(name, b"other length", STORED, 6, packs).data == b"other length"
