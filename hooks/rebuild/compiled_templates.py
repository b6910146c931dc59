"""Jinja templates compiled once: per process (tests, rebuilds under `mkdocs serve`), and kept on disk for the next."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import jinja2
import jinja2.bccache

from loading.kept_files import keep


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory for every build in this process.

    Each build makes a new Jinja environment and so compiled the theme's
    templates again: two thirds of a small site's build time, and of a rebuild
    under `mkdocs serve`. Jinja's own bytecode cache skips that and renders the
    very same output. A template is reused only for the same file with the
    same text (Jinja checks a checksum of the source), under an environment
    with the same syntax settings, extensions, filters and tests; anything
    else compiles afresh.

    folder: where compiled templates are also kept for the next build's
    process (`mkdocs build` runs one build per process); None keeps them in
    memory only. Jinja refuses bytecode from another Python (its magic
    header), and the key names Jinja's version.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.store: dict[str, bytes] = {}
        self.folder = folder

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        settings = repr((
            environment.block_start_string, environment.block_end_string,
            environment.variable_start_string, environment.variable_end_string,
            environment.comment_start_string, environment.comment_end_string,
            environment.line_statement_prefix, environment.line_comment_prefix,
            environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence,
            environment.keep_trailing_newline, environment.optimized, environment.autoescape,
            sorted(environment.extensions), sorted(environment.filters), sorted(environment.tests),
            jinja2.__version__,
        ))
        key = self.get_cache_key(name, filename) + hashlib.sha1(settings.encode()).hexdigest()
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is None and self.folder is not None:
            try:
                code = self.store[bucket.key] = (self.folder / bucket.key).read_bytes()
            except OSError:
                return  # not kept yet: compiled, then kept
        if code is None:
            return
        try:
            bucket.bytecode_from_string(code)  # Jinja refuses another version's: compiled afresh
        except (EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # a damaged file: compiled afresh, and kept anew

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store[bucket.key] = bucket.bytecode_to_string()
        if self.folder is None:
            return
        keep(self.folder / bucket.key, code)  # a read-only checkout builds as before, compiling each time
