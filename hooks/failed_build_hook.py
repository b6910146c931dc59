"""MkDocs glue: a build that fails leaves nothing in site/, not even the last good build."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from failed_build import empty_site

log = logging.getLogger("mkdocs.plugins.failed_build")

# The folder of the build under way; a hook that fails before MkDocs cleans it
# (in on_config or on_pre_build) would otherwise leave the previous site there.
_site_dir: Path | None = None

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


# First of all, plugins and the early site checks included, so it sees every
# build start before anything can fail.
@event_priority(110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Note where this build writes (mkdocs serve runs many builds, each its own)."""
    global _site_dir
    _site_dir = Path(config.site_dir)
    return config


# Called for any failure after the config loaded, strict-mode warnings included
# (those abort only once every page is written).
def on_build_error(error: Exception) -> None:
    """Empty the site folder: what is there is half made, or older than the sources."""
    global _site_dir
    if _site_dir is not None:
        removed = empty_site(_site_dir)
        log.info(f"The build failed: emptied {_site_dir} ({removed} files)")
    _site_dir = None
