"""A library-sized copy of the real site: the real pages plus generated articles, for the bench and big-site tests."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "everyday-triggers.md"
QUIZ = "everyday-triggers.quiz.yml"
FLOW = "should-i-see-a-doctor.flow.yml"
SECTION_SIZE = 25  # pages per nav section, so the menu reads like a library's
FLOW_EVERY = 50  # one generated page in this many also carries a flowchart
FOLDER = "library"  # generated pages live in docs/library/shelf-NN/

# Material's own plain-Markdown settings; ours (the care-card extension) come from hooks.
_PLAIN_DROP = ("hooks", "watch")


def real_pages() -> int:
    """HTML pages today's site builds: every docs page outside snippets/, plus 404.html."""
    docs = ROOT / "docs"
    return sum(1 for path in docs.rglob("*.md") if "snippets" not in path.relative_to(docs).parts) + 1


def _config(hooks: bool) -> dict[str, Any]:
    """The repo's mkdocs.yml, pointed at the repo's hooks and theme overrides (or without them)."""
    config: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    if hooks:
        config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
        config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
        # quiz_data is the copy's own; the hooks and the source article are the repo's.
        config["watch"] = ["quiz_data"]
        if "source_article" in config.get("extra", {}):
            config["extra"]["source_article"] = str(ROOT / config["extra"]["source_article"])
    else:
        for key in _PLAIN_DROP:
            config.pop(key, None)
        config["theme"].pop("custom_dir", None)
    return config


def _article(number: int, depth: int, quiz_id: str, flow_id: str | None) -> tuple[str, str]:
    """(title, markdown) of generated article `number`, a retitled copy of the real one."""
    text = (ROOT / "docs" / ARTICLE).read_text(encoding="utf-8")
    title = f"Library article {number:04d}"
    # Front matter first (its YAML comments also start with '# '), then the h1.
    _, front, body = text.split("---\n", 2)
    front = re.sub(r"^description: (.*)$", rf"description: Article {number:04d}. \1", front, count=1, flags=re.M)
    body = re.sub(r"^# .*$", f"# {title}", body, count=1, flags=re.M)
    text = f"---\n{front}---\n{body}"
    # Links to the real pages, from a folder `depth` levels down.
    text = re.sub(r"\]\(([a-z0-9-]+\.md)", lambda m: f"]({'../' * depth}{m.group(1)}", text)
    text = re.sub(r"<!-- quiz: [a-z0-9-]+ -->", f"<!-- quiz: {quiz_id} -->", text)
    if flow_id:
        text = text.replace("## Read next", f"## Check your signs\n\n<!-- flowchart: {flow_id} -->\n\n## Read next", 1)
    return title, text


def _with_id(source: str, new_id: str) -> str:
    """A data file's text with its top-level id replaced."""
    return re.sub(r"^id: .*$", f"id: {new_id}", source, count=1, flags=re.M)


def make_library(root: Path, pages: int, *, hooks: bool = True) -> Path:
    """Write a project folder whose site builds `pages` HTML pages (12 = today's site); return it.

    hooks=False writes the same pages for plain Material: no hooks, no custom_dir,
    so directives stay HTML comments and care cards stay admonitions.
    """
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "docs", root / "docs", dirs_exist_ok=True)
    shutil.copytree(ROOT / "quiz_data", root / "quiz_data", dirs_exist_ok=True)
    config = _config(hooks)
    quiz_text = (ROOT / "quiz_data" / QUIZ).read_text(encoding="utf-8")
    flow_text = (ROOT / "quiz_data" / FLOW).read_text(encoding="utf-8")
    extra = max(0, pages - real_pages())
    shelves: list[dict[str, Any]] = []
    for index in range(extra):
        number = index + 1
        shelf = index // SECTION_SIZE + 1
        relative = f"{FOLDER}/shelf-{shelf:02d}/article-{number:04d}.md"
        quiz_id = f"library-{number:04d}"
        flow_id = f"library-flow-{number:04d}" if number % FLOW_EVERY == 0 else None
        title, text = _article(number, 2, quiz_id, flow_id)
        target = root / "docs" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        (root / "quiz_data" / f"{quiz_id}.quiz.yml").write_text(_with_id(quiz_text, quiz_id), encoding="utf-8")
        if flow_id:
            (root / "quiz_data" / f"{flow_id}.flow.yml").write_text(_with_id(flow_text, flow_id), encoding="utf-8")
        if len(shelves) < shelf:
            shelves.append({f"Shelf {shelf:02d}": []})
        shelves[-1][f"Shelf {shelf:02d}"].append({title: relative})
    if shelves:
        config["nav"].append({"Library": shelves})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root
