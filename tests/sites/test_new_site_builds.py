"""`make new-site`: a site made from an article builds strictly at once, with our hooks unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
