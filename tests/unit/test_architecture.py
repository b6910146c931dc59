"""The layout the README promises: one hook, packages by feature, and only the glue importing MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml
from mkdocs.plugins import EVENTS

from support.fixtures import FIXTURE_CONFIG

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "hooks"
FEATURES = ("loading", "language", "widgets", "content", "printing", "offline", "rebuild", "safety", "starter")


def is_glue(path: Path) -> bool:
    """main.py and modules named *glue.py talk to MkDocs; everything else is the pure core."""
    return path == HOOKS / "main.py" or path.name.endswith("glue.py")


def runtime_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) of every import that runs, leaving out `if TYPE_CHECKING:` blocks."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for statement in node.orelse:
                visit(statement)
            return
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


# When MkDocs 1.6 calls each event in a build (mkdocs/commands/build.py): every page is read and
# rendered before on_env, and written after it.
BUILD_ORDER = [
    "startup", "serve", "config", "pre_build", "files", "nav", "pre_template", "template_context", "post_template",
    "pre_page", "page_read_source", "page_markdown", "page_content", "env", "page_context", "post_page",
    "post_build", "build_error", "shutdown",
]

MODULES = sorted(HOOKS.rglob("*.py"))


@pytest.mark.parametrize("path", [p for p in MODULES if not is_glue(p)], ids=lambda p: p.relative_to(HOOKS).as_posix())
def test_the_core_imports_no_mkdocs(path: Path) -> None:
    imports = runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
    bad = [f"line {line}: {name}" for line, name in imports if name.split(".")[0] in {"mkdocs", "material"}]
    assert not bad, (
        f"{path.relative_to(ROOT)} imports MkDocs ({bad}): "
        "move that code to the feature's glue.py, or import the type under TYPE_CHECKING"
    )


def test_the_check_sees_an_import_of_mkdocs() -> None:
    source = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from mkdocs.structure.pages import Page\n"
        "import mkdocs.utils\n"
    )
    assert runtime_imports(ast.parse(source)) == [(1, "typing"), (4, "mkdocs.utils")]


def test_hooks_holds_one_hook_and_packages_by_feature() -> None:
    assert sorted(p.name for p in HOOKS.glob("*.py")) == ["main.py"]
    packages = sorted(p.parent.name for p in HOOKS.glob("*/__init__.py"))
    assert packages == sorted(FEATURES)
    # Every module sits in a feature package (schemas/ holds data, not code).
    assert {p.relative_to(HOOKS).parts[0] for p in MODULES} <= {*FEATURES, "main.py"}


@pytest.mark.parametrize("config", ["mkdocs.yml", "fixtures"])
def test_the_site_and_the_fixtures_register_only_the_router(config: str) -> None:
    if config == "mkdocs.yml":
        text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    else:
        text = FIXTURE_CONFIG.format(root=".")
    # mkdocs.yml has !ENV-style tags nowhere, so safe_load reads it.
    hooks = yaml.safe_load(text)["hooks"]
    assert [Path(hook).as_posix().removeprefix("./") for hook in hooks] == ["hooks/main.py"]


def test_the_build_order_names_every_mkdocs_event() -> None:
    assert sorted(BUILD_ORDER) == sorted(EVENTS)


def test_the_router_handles_only_mkdocs_events() -> None:
    tree = ast.parse((HOOKS / "main.py").read_text(encoding="utf-8"))
    events = [
        node.name.removeprefix("on_")
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")
    ]
    assert events, "main.py handles no event"
    assert set(events) <= set(EVENTS), sorted(set(events) - set(EVENTS))
    # Listed in the order MkDocs calls them, so reading main.py top to bottom follows a build.
    assert events == sorted(events, key=BUILD_ORDER.index)
