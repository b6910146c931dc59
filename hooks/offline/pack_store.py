"""Zip members deflated by an earlier build, kept on disk by the digest of their bytes; no MkDocs needed.

Every `mkdocs build` deflated the whole site again for the offline copy (about a second at 1,000 pages),
though most files are byte for byte what the last build wrote. A member is reused only for the same bytes,
method and level (a BLAKE2 digest of 160 bits names it), and only if its stored bytes still match the digest
written beside them, so a damaged file is packed anew rather than shipped.
"""

from __future__ import annotations

import hashlib
import os
import struct
from pathlib import Path

from loading.kept_files import keep
from offline.zip_writer import Packed

# method, crc, size, length of the stored bytes, digest of the stored bytes
_HEADER = struct.Struct("<BIII20s")
_FORMAT = b"pack-store 1"  # part of every key: a new layout never reads an old file


class PackStore:
    """A folder of packed members; a folder that cannot be read or written only means packing afresh."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    @staticmethod
    def key(data: bytes, method: int, level: int) -> str:
        """The name a member of these bytes, packed this way, is kept under."""
        digest = hashlib.blake2b(data, digest_size=20, person=f"{method}:{level}".encode().ljust(16, b" "))
        digest.update(_FORMAT)
        return digest.hexdigest()

    def get(self, key: str, method: int) -> Packed | None:
        """The member kept under key, if it is there and whole."""
        self.used.add(key)
        try:
            raw = (self.folder / key).read_bytes()
        except OSError:
            return None
        if len(raw) < _HEADER.size:
            return None
        kept_method, crc, size, length, check = _HEADER.unpack_from(raw)
        data = raw[_HEADER.size:]
        if kept_method != method or len(data) != length or hashlib.blake2b(data, digest_size=20).digest() != check:
            return None
        return Packed(method, crc, size, data)

    def put(self, key: str, packed: Packed) -> None:
        """Keep a member for the next build, whole or not at all."""
        self.used.add(key)
        check = hashlib.blake2b(packed.data, digest_size=20).digest()
        header = _HEADER.pack(packed.method, packed.crc, packed.size, len(packed.data), check)
        keep(self.folder / key, header + packed.data)

    def keep_only_used(self) -> None:
        """Delete what this build did not use, so the folder holds one offline copy's members at most."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name not in self.used:
                (self.folder / name).unlink(missing_ok=True)
