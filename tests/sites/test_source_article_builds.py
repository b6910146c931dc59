"""extra.source_article: a build checks that every sentence of the article a site is made from is on a page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from support.fixtures import FIXTURE_CONFIG
from support.sitebuild import BuildResult

Build = Callable[..., BuildResult]

ARTICLE = "Plants\n\nWater them weekly. Repot them in spring.\n\nLight\n\nMost like bright shade.\n"
PAGE = "---\ndescription: Care.\n---\n\n# Care\n\nWater them *weekly*. Repot them in spring.\n\n## Light\n\n{light}\n"


EXTRA = yaml.safe_load(FIXTURE_CONFIG.format(root="."))["extra"]


def build(fixture_site: Build, tmp_path: Path, light: str, source: object = "article.txt") -> BuildResult:
    # fixture_site builds in tmp_path, where mkdocs.yml names the article.
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return fixture_site({"index.md": PAGE.format(light=light)}, extra={**EXTRA, "source_article": source})


def test_a_site_that_keeps_every_sentence_builds(fixture_site: Build, tmp_path: Path) -> None:
    result = build(fixture_site, tmp_path, "Most like bright shade.")
    assert not result.aborted, result.errors
    assert result.warnings == []


def test_a_lost_sentence_fails_a_strict_build_with_its_line(fixture_site: Build, tmp_path: Path) -> None:
    result = build(fixture_site, tmp_path, "Most like sun.")
    assert result.aborted
    assert result.warnings == [
        'article.txt: 1 sentence of the source article is on no page (line 7: "Most like bright shade."). '
        "Fix: put each back on a page word for word, or correct the source article"
    ]


def test_a_missing_source_file_is_named(fixture_site: Build, tmp_path: Path) -> None:
    result = build(fixture_site, tmp_path, "Most like bright shade.", source="gone.txt")
    assert result.aborted
    assert (
        "mkdocs.yml, extra.source_article: 'gone.txt' does not exist. "
        "Fix: give the path of the article's text file, from the folder mkdocs.yml is in"
    ) in result.errors
