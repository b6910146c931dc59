"""A downloadable zip of the built site, for reading from disk; no MkDocs needed."""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

from babel.numbers import get_decimal_symbol

from language.catalogue import Catalogue
from loading.slugs import file_slug
from offline.pack_store import PackStore
from offline.zip_writer import DEFLATED, Packed, Packs, pack, write_archive
from offline.zip_writer import STORED as STORED_METHOD

DIRECTIVE = "<!-- offline-download -->"
SIZE_TOKEN = "__OFFLINE_COPY_SIZE__"
FOLDER = "downloads"
LINK = re.compile(rb'<p class="offline-download">.*?</p>', re.S)


def copy_folder(site_name: str) -> str:
    """The folder the zip unpacks to, from the site's name in any script: 'Augenlidzucken erklärt!' ->
    'augenlidzucken-erklärt'; 'site' when no letter or digit is left."""
    return file_slug(site_name) or "site"


def zip_name(site_name: str) -> str:
    """The zip's file name: 'My Site!' -> 'my-site-offline.zip'."""
    return f"{copy_folder(site_name)}-offline.zip"


def format_size(size: int, words: Catalogue) -> str:
    """Bytes as readers say them: 840 KB, 1.2 MB (1,2 MB in German)."""
    if size < 1000 * 1000:
        return words.text("offline.kilobytes", size=max(1, round(size / 1000)))
    megabytes = f"{size / 1000 / 1000:.1f}".replace(".", get_decimal_symbol(words.locale))
    return words.text("offline.megabytes", size=megabytes)


def size_text(size: int, words: Catalogue) -> str:
    """What the download link says of the zip: ZIP file, 840 KB."""
    return words.text("offline.size", size=format_size(size, words))


def download_html(path: str, words: Catalogue) -> str:
    """What replaces the directive, linking the zip at path (relative to the page, as named on disk).

    The path is percent-encoded: a name in another script ('erklärt') is then one URL on a
    web server and from file:// alike. The size is filled in once the zip exists.
    """
    return (
        f'<p class="offline-download"><a href="{quote(path)}" download>{words.html("offline.download")}</a> '
        f'<span class="offline-download__size">({SIZE_TOKEN})</span></p>'
    )


def inside_html(words: Catalogue) -> bytes:
    """What the copy inside the zip says instead of the link: it has no zip to offer."""
    return f'<p class="offline-download">{words.html("offline.inside")}</p>'.encode()


# Deflate level 6 (zlib's default): at 1,000 pages level 9 took over twice as
# long for a zip about 1% smaller. Files that are compressed already are stored.
LEVEL = 6
STORED = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".gz", ".zip"})


def write_zip(
    site_dir: Path, target: Path, folder: str, words: Catalogue, packs: Packs | None = None,
    store: PackStore | None = None,
) -> int:
    """Zip every file of the site, in one folder, except the downloads folder; return the zip's size.

    packs: members packed by an earlier zip of this process, reused where a file is unchanged (and updated).
    store: members packed by earlier builds, on disk, reused the same way (and left holding this zip's)."""
    inside = inside_html(words)
    target.parent.mkdir(parents=True, exist_ok=True)

    def member(path: Path) -> tuple[str, Packed]:
        data = path.read_bytes()
        if path.suffix == ".html" and SIZE_TOKEN.encode() in data:
            # The copy inside the zip has no zip to offer: say what it is.
            data = LINK.sub(inside, data)
        method = STORED_METHOD if path.suffix.lower() in STORED else DEFLATED
        name = f"{folder}/{path.relative_to(site_dir).as_posix()}"
        if store is None:
            return name, pack(name, data, method, LEVEL, packs)
        key = store.key(data, method, LEVEL)
        packed = store.get(key, method)
        if packed is None:
            packed = pack(name, data, method, LEVEL)
            store.put(key, packed)
        return name, packed

    paths = [
        path for path in sorted(site_dir.rglob("*"))
        if not path.is_dir() and path.relative_to(site_dir).parts[0] != FOLDER
    ]
    # zlib lets go of Python's lock while it deflates: one file per core at a time.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        members = list(pool.map(member, paths))
    if packs is not None:
        # Only this zip's members stay: a removed or edited file's old bytes go.
        names = {name for name, _ in members}
        for name in [name for name in packs if name not in names]:
            del packs[name]
    if store is not None:
        store.keep_only_used()
    return write_archive(target, members)


def fill_size(page: Path, size_text: str) -> None:
    """Put the zip's size into a written page."""
    page.write_text(page.read_text(encoding="utf-8").replace(SIZE_TOKEN, size_text), encoding="utf-8")
