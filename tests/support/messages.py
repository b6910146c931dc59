"""Compare an error's text with what a test expects: exact, or a pattern."""

from __future__ import annotations

import re


def assert_message(error: BaseException, expected: str | re.Pattern[str]) -> None:
    """Exact text, or a full-match pattern where a library words part of it."""
    if isinstance(expected, re.Pattern):
        assert expected.fullmatch(str(error)), str(error)
    else:
        assert str(error) == expected
