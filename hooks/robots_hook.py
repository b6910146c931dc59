"""MkDocs glue: write robots.txt next to the sitemap MkDocs makes."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from robots import robots_txt

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_post_build(config: MkDocsConfig) -> None:
    """Write site/robots.txt for this build's site_url."""
    (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
