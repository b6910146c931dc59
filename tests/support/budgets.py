"""Byte budgets: tested in tests/sites, reported by `make bench`."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

# One widget's own JS + CSS and the shared widget-kit.js, gzipped: 6.5 KB since the flowchart does its
# text version's jumps itself (6,325 B).
WIDGET = 6_656
OFFLINE_JS = 1_800  # offline.js, on every page: registration and the notices, gzipped (the keep control apart)
KEEP_JS = 2 * 1024  # offline-keep.js, only on the pages with "Keep the whole site offline", gzipped
PRECACHE = 1_500_000  # what the service worker downloads on install, at any size (offline/precache.py BUDGET)
PAGE = 120_000  # one page's first load, gzipped: HTML and every file it links


def gzipped(path: Path) -> int:
    """Bytes after gzip -9, as a server would send a text file."""
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def page_files(site: Path, page: Path) -> list[Path]:
    """The page and the same-site files it loads: stylesheets, scripts, images, icons."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    base = page.relative_to(site).as_posix()
    refs = [tag.get("href") for tag in soup.select('link[rel~="stylesheet"], link[rel~="icon"], link[rel="manifest"]')]
    refs += [tag.get("src") for tag in soup.select("script[src], img[src]")]
    files = [page]
    for ref in refs:
        # href and src hold one value (a str); bs4 gives lists only for class-like attributes.
        if not isinstance(ref, str) or not ref:
            continue
        parts = urlsplit(urljoin(base, ref))
        if parts.scheme or parts.netloc:
            continue
        path = site / parts.path.lstrip("/")  # the 404 page links from the root
        if path.is_file() and path not in files:
            files.append(path)
    return files


def page_weight(site: Path, page: Path) -> int:
    """Gzipped bytes of a page's first load (images count as they are)."""
    return sum(path.stat().st_size if path.suffix == ".png" else gzipped(path) for path in page_files(site, page))


def precache_bytes(site: Path) -> int:
    """Bytes the service worker stores: every URL in its PRECACHE line."""
    worker = (site / "sw.js").read_text(encoding="utf-8")
    line = re.search(r"^const PRECACHE = (.*);$", worker, re.M)
    assert line, "sw.js has no PRECACHE line"
    urls = json.loads(line.group(1))
    return sum((site / url.split("?")[0]).stat().st_size for url in urls)
