"""MkDocs glue: a build that fails leaves no half-written site/ behind."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from failed_build import remove_written_since

log = logging.getLogger("mkdocs.plugins.failed_build")

# (site_dir, start time) of the build under way; None before it writes anything.
_build: tuple[Path, float] | None = None

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


# Listed first in mkdocs.yml, so this runs before any other hook can fail.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Forget the last build (mkdocs serve runs many): a config error wrote nothing."""
    global _build
    _build = None
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Note where and when this build starts writing."""
    global _build
    _build = (Path(config.site_dir), time.time())


# Called for any failure after the config loaded, strict-mode warnings included
# (those abort only once every page is written).
def on_build_error(error: Exception) -> None:
    """Remove every file this build wrote."""
    global _build
    if _build is not None:
        removed = remove_written_since(*_build)
        log.info(f"The build failed: removed the {removed} files it had written to {_build[0]}")
    _build = None
