"""Which pages a `mkdocs serve --dirty` rebuild draws again: a table of edits and the plan each gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rebuild.plan import Memory, PageMemo, plan_rebuild, still_true

PAGES = ("index.md", "quiz-page.md", "about.md", "plain.md")


def memo(uses: tuple[str, ...] = (), site_wide: bool = False, title: str = "T") -> PageMemo:
    return PageMemo(
        title=title, meta={}, anchors=frozenset({"a"}), uses=frozenset(uses), site_wide=site_wide, text="",
        placed={}, first=False,
    )


def project(tmp: Path) -> tuple[dict[str, tuple[Path, Path]], Memory]:
    """Four pages written after their sources, as a good build leaves them; one placing a quiz."""
    (tmp / "quiz_data").mkdir()
    (tmp / "quiz_data/q.quiz.yml").write_text("id: q\n")
    pages = {}
    for name in PAGES:
        source, written = tmp / "docs" / name, tmp / "site" / name.replace(".md", ".html")
        for path in (source, written):
            path.parent.mkdir(exist_ok=True)
            path.write_text(name)
        pages[name] = (source, written)
    old = 1_000_000_000_000_000_000
    for path in [*(s for s, _ in pages.values()), tmp / "quiz_data/q.quiz.yml"]:
        os.utime(path, ns=(old, old))
    for _, written in pages.values():
        os.utime(written, ns=(old + 10, old + 10))
    memory = Memory(str(tmp / "site"), {"mkdocs.yml": 1}, {
        "index.md": memo(), "quiz-page.md": memo(uses=("quiz_data/q.quiz.yml",)),
        "about.md": memo(site_wide=True), "plain.md": memo(),
    }, frozenset({"index.md", "images/photo.png"}))
    return pages, memory


def touch(path: Path) -> None:
    later = 1_000_000_000_000_000_100
    os.utime(path, ns=(later, later))


@pytest.mark.parametrize(("edit", "redraw", "why"), [
    ("nothing", set(), ""),
    ("quiz file", {"quiz-page.md", "about.md"}, ""),
    ("quiz file removed", {"quiz-page.md", "about.md"}, ""),
    ("page source", {"plain.md", "about.md"}, ""),
    ("page output removed", {"index.md", "about.md"}, ""),
    ("mkdocs.yml", None, "mkdocs.yml changed"),
    ("new theme file", None, "overrides/main.html changed"),
    ("page added", None, "a page was added or removed"),
    ("image removed", None, "a file was added to docs/ or removed"),
    ("other site folder", None, "a new site folder"),
    ("first build", None, "the first build"),
])
def test_an_edit_redraws_the_pages_it_reaches(
    tmp_path: Path, edit: str, redraw: set[str] | None, why: str,
) -> None:
    pages, memory = project(tmp_path)
    inputs, site, files = {"mkdocs.yml": 1}, str(tmp_path / "site"), memory.files
    remembered: Memory | None = memory
    if edit == "quiz file":
        touch(tmp_path / "quiz_data/q.quiz.yml")
    elif edit == "quiz file removed":
        (tmp_path / "quiz_data/q.quiz.yml").unlink()
    elif edit == "page source":
        touch(pages["plain.md"][0])
    elif edit == "page output removed":
        pages["index.md"][1].unlink()
    elif edit == "mkdocs.yml":
        inputs = {"mkdocs.yml": 2}
    elif edit == "new theme file":
        inputs = {**inputs, "overrides/main.html": 5}
    elif edit == "image removed":
        files = frozenset()
    elif edit == "page added":
        pages = {**pages, "new.md": pages["plain.md"]}
    elif edit == "other site folder":
        site = str(tmp_path / "elsewhere")
    elif edit == "first build":
        remembered = None
    plan = plan_rebuild(remembered, site, inputs, pages, tmp_path, files)
    assert (None if plan.redraw is None else set(plan.redraw)) == redraw
    assert plan.why == why


def test_a_page_shows_the_same_to_others_only_with_its_title_anchors_and_front_matter() -> None:
    before = memo(title="Stress")
    assert still_true(before, "Stress", frozenset({"a"}), {})
    assert not still_true(before, "Stress and sleep", frozenset({"a"}), {})
    assert not still_true(before, "Stress", frozenset({"a", "b"}), {})
    assert not still_true(before, "Stress", frozenset({"a"}), {"print_all": ["index.md"]})
