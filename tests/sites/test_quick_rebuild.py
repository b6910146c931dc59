"""`mkdocs serve --dirty`: a rebuild draws only the pages an edit reaches, and leaves the site a full build gives."""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from support.library_site import make_library

SERVE_URL = "http://127.0.0.1:8000/"


@dataclass
class Serving:
    """A project built as `mkdocs serve --dirty` builds it: one process, one site folder, rebuilt after each edit."""

    project: Path
    site: Path
    log: list[str] = field(default_factory=list)
    config: MkDocsConfig | None = None

    def load(self) -> MkDocsConfig:
        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site), strict=True)
        config.site_url = SERVE_URL
        return config

    def start(self) -> None:
        self.config = self.load()
        self.config.plugins.on_startup(command="serve", dirty=True)
        self.rebuild()

    def rebuild(self) -> bool:
        """Build again, as serve does after an edit; whether the build went through."""
        self.log.clear()
        try:
            build(self.load(), serve_url=SERVE_URL, dirty=True)
        except Abort:
            return False
        return True

    def stop(self) -> None:
        # Hook modules live as long as the process: later builds in it are plain `mkdocs build`s again.
        assert self.config is not None
        self.config.plugins.on_startup(command="build", dirty=False)

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.project / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


class _Lines(logging.Handler):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(logging.INFO)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture()
def serving(tmp_path: Path) -> Iterator[Serving]:
    """Today's site, served with --dirty, after its first (full) build."""
    serving = Serving(make_library(tmp_path / "project", 12), tmp_path / "served")
    handler = _Lines(serving.log)
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        serving.start()
        yield serving
    finally:
        serving.stop()
        logger.removeHandler(handler)
        logger.setLevel(level)


def written_times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site; a zip by its members (each build dates them anew)."""
    found: dict[str, bytes] = {}
    for path in sorted(site.rglob("*")):
        if path.is_dir():
            continue
        name = path.relative_to(site).as_posix()
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None
                found.update({f"{name}!{member}": archive.read(member) for member in archive.namelist()})
        else:
            found[name] = path.read_bytes()
    return found


def assert_same_as_a_full_build(serving: Serving, tmp_path: Path) -> None:
    """What the quick rebuild left is what a build from nothing writes, file for file."""
    quick = site_files(serving.site)
    fresh = Serving(serving.project, tmp_path / "fresh")
    assert fresh.rebuild()  # a new site folder: every page drawn
    full = site_files(fresh.site)
    assert sorted(quick) == sorted(full)
    differ = [name for name in full if quick[name] != full[name]]
    assert differ == [], (differ, first_difference(quick[differ[-1]], full[differ[-1]]))


def first_difference(quick: bytes, full: bytes) -> str:
    """Where two versions of a file part, for the failure message."""
    at = next((i for i, (a, b) in enumerate(zip(quick, full, strict=False)) if a != b), min(len(quick), len(full)))
    return f"quick: ...{quick[at - 80:at + 120]!r}\nfull:  ...{full[at - 80:at + 120]!r}"


def test_a_quiz_edit_redraws_its_page_and_the_site_wide_ones(serving: Serving, tmp_path: Path) -> None:
    before = written_times(serving.site)
    serving.edit("quiz_data/everyday-triggers.quiz.yml", "title: Check your understanding", "title: Test yourself")
    assert serving.rebuild()
    after = written_times(serving.site)
    redrawn = {name for name in after if after[name] != before.get(name)}
    # The page placing the quiz; print-all (it gathers that page) and About (the site's size); 404, always.
    assert redrawn == {"everyday-triggers.html", "print-all.html", "about.html", "404.html"}
    assert "Rebuilding 3 of 11 pages" in serving.log
    assert "Test yourself" in (serving.site / "everyday-triggers.html").read_text(encoding="utf-8")
    assert not any("dirty" in line for line in serving.log)  # MkDocs' warning of wrong menus: ours are right
    assert_same_as_a_full_build(serving, tmp_path)


def test_a_page_edit_redraws_that_page_and_keeps_search_whole(serving: Serving, tmp_path: Path) -> None:
    before = written_times(serving.site)
    serving.edit("docs/index.md", "\n<!-- call-buttons -->", "\nA sentence added today.\n\n<!-- call-buttons -->")
    assert serving.rebuild()
    after = written_times(serving.site)
    assert {name for name in after if after[name] != before[name]} == {
        "index.html", "print-all.html", "about.html", "404.html",
    }
    index = (serving.site / "search/search_index.json").read_text(encoding="utf-8")
    assert index.count("A sentence added today.") == 1
    assert "Caffeine" in index  # the other pages' entries stay, though the home page (location "") was redrawn
    assert_same_as_a_full_build(serving, tmp_path)


def test_a_new_heading_redraws_every_page(serving: Serving, tmp_path: Path) -> None:
    serving.edit("docs/medical-conditions.md", "\n## ", "\n## A new section\n\nIts text.\n\n## ")
    assert serving.rebuild()
    assert any(line.startswith("Rebuilding every page: the title, headings or front matter of docs/medical-conditions")
               for line in serving.log)
    assert_same_as_a_full_build(serving, tmp_path)


@pytest.mark.parametrize(("name", "old", "new"), [
    ("mkdocs.yml", "site_name: ", "site_name: Renamed "),
    # print-all's list of pages is its front matter: the page taken out must go from it.
    ("docs/print-all.md", "  - when-to-seek-help.md\n", ""),
    ("docs/snippets/glossary.md", "*[", "*[Twitching]: A small movement.\n*["),
])
def test_an_edit_every_page_shows_redraws_them_all(
    serving: Serving, tmp_path: Path, name: str, old: str, new: str,
) -> None:
    serving.edit(name, old, new)
    assert serving.rebuild()
    assert any(line.startswith("Rebuilding every page:") for line in serving.log)
    assert_same_as_a_full_build(serving, tmp_path)


def test_after_a_mistake_the_next_build_is_whole(serving: Serving, tmp_path: Path) -> None:
    quiz = "quiz_data/everyday-triggers.quiz.yml"
    serving.edit(quiz, "title: Check your understanding", "title: [unclosed")
    assert not serving.rebuild()
    assert list(serving.site.iterdir()) == []  # nothing half made is served
    serving.edit(quiz, "title: [unclosed", "title: Fixed")
    assert serving.rebuild()
    assert "Rebuilding every page: the first build" in serving.log
    assert_same_as_a_full_build(serving, tmp_path)


def test_a_file_added_or_removed_leaves_nothing_stale(serving: Serving, tmp_path: Path) -> None:
    extra = serving.project / "docs/leaflet.txt"
    extra.write_text("A leaflet.", encoding="utf-8")
    assert serving.rebuild()
    assert (serving.site / "leaflet.txt").is_file()
    extra.unlink()
    assert serving.rebuild()
    assert "Rebuilding every page: a file was added to docs/ or removed" in serving.log
    assert not (serving.site / "leaflet.txt").exists()  # MkDocs' own --dirty leaves it there
    assert_same_as_a_full_build(serving, tmp_path)
