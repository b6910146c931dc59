"""`make new-site`: a site made from an article builds strictly at once, with our hooks unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.interface_text import english_on_pages
from support.sitebuild import ROOT, build_site


def test_a_new_site_from_the_article_builds_strictly(tmp_path: Path) -> None:
    dest = tmp_path / "eyelids"
    done = subprocess.run(
        [sys.executable, str(ROOT / "hooks/starter/cli.py"), str(ROOT / "tests/data/source-article.txt"), str(dest)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    result = build_site(dest / "mkdocs.yml", dest / "site")
    assert not result.aborted, result.errors
    assert result.warnings == []
    assert (dest / "site/quiz.html").is_file() and (dest / "site/should-i-see-a-doctor.html").is_file()


def test_a_new_german_site_builds_strictly_with_headings_beyond_ascii(tmp_path: Path) -> None:
    article = tmp_path / "artikel.txt"
    article.write_text(
        "Warum zuckt mein Augenlid?\n\nEin Zucken ist häufig. Meist hört es von selbst auf.\n\n"
        "Häufige Auslöser\n\nStress und Müdigkeit können es auslösen.\n",
        encoding="utf-8",
    )
    dest = tmp_path / "augenlid"
    done = subprocess.run(
        [sys.executable, str(ROOT / "hooks/starter/cli.py"), str(article), str(dest), "--language", "de"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    result = build_site(dest / "mkdocs.yml", dest / "site")
    assert not result.aborted, result.errors
    assert result.warnings == []
    assert (dest / "site/haufige-ausloser.html").is_file()
    assert 'lang="de"' in (dest / "site/index.html").read_text(encoding="utf-8")
    # The starter quiz, flowchart, menu and disclaimer are German too, until the editors write their own.
    assert english_on_pages(result.pages()) == {}
    flowchart = (dest / "site/sollte-ich-zum-arzt-gehen.html").read_text(encoding="utf-8")
    assert "Sollte ich zum Arzt gehen?" in flowchart and "Ich bin mir nicht sicher" in flowchart
    assert "- Startseite: index.md" in (dest / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_language_babel_does_not_know_is_refused_before_any_file_is_written(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, str(ROOT / "hooks/starter/cli.py"), str(ROOT / "tests/data/source-article.txt"), str(dest),
         "--language", "xx"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert "--language xx: 'xx' is not a language Babel knows" in done.stderr
    assert not dest.exists()


def test_new_site_refuses_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "hooks/starter/cli.py"), str(ROOT / "tests/data/source-article.txt"),
         str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert "the folder is not empty. Fix: give a new or empty folder" in done.stderr
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"
