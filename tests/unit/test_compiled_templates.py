"""Compiled templates kept on disk: the next process renders the same without compiling; nothing stale is used."""

from __future__ import annotations

from pathlib import Path

import jinja2

from rebuild.compiled_templates import CompiledTemplates

TEMPLATE = "{% for x in items %}<li>{{ x | upper }}</li>{% endfor %}"


def render(folder: Path, source: str = TEMPLATE, *, cache: CompiledTemplates | None = None) -> tuple[str, int]:
    """(output, templates compiled) for a fresh environment, as a new `mkdocs build` process makes one."""
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": source}), autoescape=True)
    env.bytecode_cache = cache or CompiledTemplates(folder)
    compiled = 0
    compile_source = env._compile

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal compiled
        compiled += 1
        return compile_source(*args, **kwargs)  # type: ignore[arg-type]

    env._compile = counting  # type: ignore[method-assign,assignment]
    return env.get_template("page.html").render(items=["a", "<b>"]), compiled


def test_a_template_compiled_once_is_read_back_by_the_next_process(tmp_path: Path) -> None:
    first = render(tmp_path)
    assert first == ("<li>A</li><li>&lt;B&gt;</li>", 1)
    assert len(list(tmp_path.iterdir())) == 1
    assert render(tmp_path) == (first[0], 0)  # a new cache object: as a new process


def test_an_edited_template_is_compiled_afresh(tmp_path: Path) -> None:
    render(tmp_path)
    assert render(tmp_path, TEMPLATE.replace("upper", "lower")) == ("<li>a</li><li>&lt;b&gt;</li>", 1)


def test_a_torn_or_foreign_file_is_refused_and_replaced(tmp_path: Path) -> None:
    render(tmp_path)
    (kept,) = tmp_path.iterdir()
    kept.write_bytes(kept.read_bytes()[:20])
    assert render(tmp_path) == ("<li>A</li><li>&lt;B&gt;</li>", 1)
    assert render(tmp_path)[1] == 0


def test_a_folder_that_cannot_be_made_still_builds(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert render(blocker / "templates") == ("<li>A</li><li>&lt;B&gt;</li>", 1)
    assert render(blocker / "templates")[1] == 1  # nothing kept, nothing broken


def test_memory_only_keeps_nothing_on_disk(tmp_path: Path) -> None:
    cache = CompiledTemplates()
    assert render(tmp_path, cache=cache)[1] == 1
    assert render(tmp_path, cache=cache)[1] == 0
    assert list(tmp_path.iterdir()) == []
