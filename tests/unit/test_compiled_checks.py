"""The schemas' quick checks, compiled once and kept for the next build: read back, or compiled afresh."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import fastjsonschema
import pytest

from loading import schema_check


@pytest.fixture
def kept_in(tmp_path: Path) -> Iterator[Path]:
    """fast_check compiling afresh in this test, keeping its code in tmp_path; as before afterwards."""
    schema_check.fast_check.cache_clear()
    schema_check.keep_compiled_checks(tmp_path)
    yield tmp_path
    schema_check.keep_compiled_checks(None)
    schema_check.fast_check.cache_clear()


def _refusing(*_: object) -> str:
    raise AssertionError("compiled again")


def test_a_later_build_reads_the_check_back_without_compiling(kept_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = schema_check.fast_check("quiz.schema.json")
    assert [path.name.split(".")[0] for path in kept_in.iterdir()] == ["quiz"]
    schema_check.fast_check.cache_clear()
    monkeypatch.setattr(fastjsonschema, "compile_to_code", _refusing)
    again = schema_check.fast_check("quiz.schema.json")
    assert again is not first
    with pytest.raises(fastjsonschema.JsonSchemaException):
        again({"id": "q"})


def test_a_damaged_file_is_compiled_afresh(kept_in: Path) -> None:
    schema_check.fast_check("quiz.schema.json")
    (kept,) = kept_in.iterdir()
    kept.write_bytes(b"\x00not code")
    schema_check.fast_check.cache_clear()
    check = schema_check.fast_check("quiz.schema.json")
    with pytest.raises(fastjsonschema.JsonSchemaException):
        check({"id": "q"})
    assert kept.read_bytes() != b"\x00not code"


def test_a_folder_that_cannot_be_made_only_means_compiling_each_time(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way", encoding="utf-8")
    schema_check.fast_check.cache_clear()
    schema_check.keep_compiled_checks(tmp_path / "file" / "schemas")
    try:
        check = schema_check.fast_check("flowchart.schema.json")
        with pytest.raises(fastjsonschema.JsonSchemaException):
            check({"nodes": 1})
    finally:
        schema_check.keep_compiled_checks(None)
        schema_check.fast_check.cache_clear()
