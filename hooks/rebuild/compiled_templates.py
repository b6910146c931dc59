"""Jinja templates compiled once per process, for every build it runs (tests, and rebuilds under `mkdocs serve`)."""

from __future__ import annotations

import hashlib

import jinja2
import jinja2.bccache


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory for every build in this process.

    Each build makes a new Jinja environment and so compiled the theme's
    templates again: two thirds of a small site's build time, and of a rebuild
    under `mkdocs serve`. Jinja's own bytecode cache skips that and renders the
    very same output. A template is reused only for the same file with the
    same text (Jinja checks a checksum of the source), under an environment
    with the same syntax settings, extensions, filters and tests; anything
    else compiles afresh.
    """

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

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
        ))
        key = self.get_cache_key(name, filename) + hashlib.sha1(settings.encode()).hexdigest()
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.store.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
