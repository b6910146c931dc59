"""MkDocs glue for offline use: asset versions, the service worker, the manifest."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from precache import KILL_SWITCH, asset_versions, cache_version, manifest, precache_entries, service_worker

log = logging.getLogger("mkdocs.plugins.offline")

# `mkdocs serve` must never leave a caching worker behind (set on startup).
_serving = False

APP_DEFAULTS = {
    "short_name": "",
    "theme_color": "#4051b5",
    "icon_192": "assets/images/icon-192.png",
    "icon_512": "assets/images/icon-512.png",
    "icon_maskable": "assets/images/icon-maskable-512.png",
}

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`."""
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Give templates our assets' versions and say whether to register a worker."""
    custom = config.theme.custom_dir
    config.extra["asset_versions"] = asset_versions(Path(custom) / "assets") if custom else {}
    config.extra["service_worker"] = not _serving
    app = {**APP_DEFAULTS, **(config.extra.get("app") or {})}
    unknown = sorted(set(app) - set(APP_DEFAULTS))
    if unknown:
        raise PluginError(f"mkdocs.yml, extra.app.{unknown[0]}: unknown key. Fix: use only {', '.join(APP_DEFAULTS)}")
    config.extra["app"] = app
    return config


# After robots.txt (0) and the offline plugin's search index (-100), before
# the offline copy is zipped (-110).
@event_priority(-105)
def on_post_build(config: MkDocsConfig) -> None:
    """Write manifest.webmanifest, then sw.js with this build's precache list."""
    site = Path(config.site_dir)
    app = config.extra["app"]
    icons = {key: app[key] for key in ("icon_192", "icon_512", "icon_maskable")}
    for key, src in icons.items():
        if not (site / src).is_file():
            raise PluginError(f"mkdocs.yml, extra.app.{key}: '{src}' is not in the built site. Fix: put the PNG in docs/{src}")
    data = manifest(config.site_name, app["short_name"] or config.site_name, config.site_description or "", app["theme_color"], icons)
    (site / "manifest.webmanifest").write_text(json.dumps(data, indent=2), encoding="utf-8")
    worker = site / "sw.js"
    if _serving:
        worker.write_text(KILL_SWITCH, encoding="utf-8")
        return
    entries = precache_entries(site, config.extra["asset_versions"])
    version = cache_version(site, entries)
    worker.write_text(service_worker(worker.read_text(encoding="utf-8"), version, [url for url, _ in entries]), encoding="utf-8")
    log.info(f"Service worker: {len(entries)} files, {sum(size for _, size in entries) / 1000:.0f} KB precached, version {version}")
