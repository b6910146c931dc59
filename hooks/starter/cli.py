"""`make new-site ARTICLE=article.txt DEST=../my-site [LANGUAGE=de]`: write a new site that builds straight away."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: the feature packages

from language.catalogue import read_catalogue
from loading.author_errors import AuthorError
from starter.new_site import new_site

PROJECT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    """Write the files; refuse to overwrite a folder that holds anything."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("article", type=Path, help="the article as plain text: title, headings, paragraphs")
    parser.add_argument("dest", type=Path, help="a new or empty folder for the site")
    parser.add_argument("--language", default="en", help="theme.language (en, de, fr, es…)")
    args = parser.parse_args(argv)
    try:
        article = args.article.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        message = f"{args.article}: cannot read it as UTF-8 text ({error}). Fix: give a plain-text article"
        print(message, file=sys.stderr)
        return 2
    dest = args.dest.resolve()
    if dest.exists() and any(dest.iterdir()):
        print(f"{args.dest}: the folder is not empty. Fix: give a new or empty folder", file=sys.stderr)
        return 2
    try:
        files = new_site(article, PROJECT, dest, args.language)
    except ValueError as error:
        print(f"{args.article}: {error}. Fix: give the article's text, a title first", file=sys.stderr)
        return 2
    except AuthorError as error:
        print(f"--language {args.language}: {error.problem}. Fix: {error.fix}", file=sys.stderr)
        return 2
    if read_catalogue(args.language) is None:
        print(f"--language {args.language}: no catalogue in hooks/language/catalogues/, so the starter pages and "
              "the site's interface are in English. Fix: translate en.yml there, or name the strings under "
              "extra.strings in mkdocs.yml", file=sys.stderr)
    for name, text in files.items():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / name).write_text(text, encoding="utf-8")
    print(f"Wrote {len(files)} files to {args.dest}. Serve it: cd {args.dest} && {PROJECT}/.venv/bin/mkdocs serve")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
