"""pytest fixtures: the real site built once, and tiny fixture sites on demand."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from support.sitebuild import ROOT, BuildResult, build_site, write_tree

# A tiny site wired to our real hooks and templates: anything it needs beyond
# this is a sign the hooks are not generic.
FIXTURE_CONFIG = """\
site_name: Fixture site
use_directory_urls: false
theme:
  name: material
  custom_dir: {root}/overrides
  font: false
hooks:
  - {root}/hooks/main.py
extra:
  disclaimer: General information, not advice.
  review:
    last_reviewed: 2026-01-15
    next_review_due: 2027-01-15
markdown_extensions:
  - admonition
  - attr_list
  - toc
"""

DEFAULT_PAGE = "---\ndescription: A fixture page.\n---\n\n# Fixture\n\nHello.\n"


def build_fixture(
    root: Path, pages: dict[str, str | bytes] | None = None, data: dict[str, str | bytes] | None = None,
    **config: object,
) -> BuildResult:
    """Write a fixture site into root ({docs path: markdown}, {quiz_data path: YAML}, mkdocs.yml keys
    replaced) and build it strictly."""
    docs = {
        f"docs/{name}": text if isinstance(text, bytes) else textwrap.dedent(text)
        for name, text in (pages or {"index.md": DEFAULT_PAGE}).items()
    }
    quiz_data = {
        f"quiz_data/{name}": text if isinstance(text, bytes) else textwrap.dedent(text)
        for name, text in (data or {}).items()
    }
    settings = yaml.safe_load(FIXTURE_CONFIG.format(root=ROOT.as_posix()))
    settings.update(config)
    write_tree(root, {"mkdocs.yml": yaml.safe_dump(settings), **docs, **quiz_data})
    return build_site(root / "mkdocs.yml", root / "site")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The project's own site, built strictly once per test run."""
    result = build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site") / "site")
    assert not result.aborted, result.errors
    return result


@pytest.fixture
def fixture_site(tmp_path: Path) -> Callable[..., BuildResult]:
    """Build a small site from {docs path: markdown} and {quiz_data path: YAML};
        keyword args replace mkdocs.yml keys."""

    def make(
        pages: dict[str, str | bytes] | None = None, data: dict[str, str | bytes] | None = None, **config: object
    ) -> BuildResult:
        return build_fixture(tmp_path, pages, data, **config)

    return make
