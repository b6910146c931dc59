"""Build a MkDocs site in-process and collect everything it logs."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from rebuild.compiled_templates import CompiledTemplates

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class BuildResult:
    """What a build left behind: its folder, its log, and whether it failed."""

    site_dir: Path
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    aborted: bool = False

    def html(self, name: str) -> str:
        """The text of one built file."""
        return (self.site_dir / name).read_text(encoding="utf-8")

    def pages(self) -> list[Path]:
        """Every HTML page written."""
        return sorted(self.site_dir.rglob("*.html"))


class _Collector(logging.Handler):
    def __init__(self, result: BuildResult) -> None:
        super().__init__(logging.WARNING)
        self.result = result

    def emit(self, record: logging.LogRecord) -> None:
        target = self.result.errors if record.levelno >= logging.ERROR else self.result.warnings
        target.append(record.getMessage())


COMPILED_TEMPLATES = CompiledTemplates()


def _reuse_compiled_templates(config: object) -> None:
    """Give the theme's Jinja environments (the build's, and the search plugin's) the shared cache."""
    theme = config.theme  # type: ignore[attr-defined]
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env: jinja2.Environment = make_env()
        env.bytecode_cache = COMPILED_TEMPLATES
        return env

    theme.get_env = get_env


def build_site(config_file: Path, site_dir: Path, **overrides: Any) -> BuildResult:
    """Build strictly, as `mkdocs build --strict -f config_file` would."""
    result = BuildResult(site_dir)
    collector = _Collector(result)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(
            config_file=str(config_file), site_dir=str(site_dir), strict=True, **overrides
        )
        _reuse_compiled_templates(config)
        build(config)
    except Abort as abort:
        result.aborted = True
        result.errors.append(str(abort))
    finally:
        logger.removeHandler(collector)
    return result


def write_tree(base: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: text, or raw bytes} under base; return base."""
    for name, content in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return base
