"""Author YAML: the traps PyYAML lets through become clear errors before any check runs."""

from __future__ import annotations

import pytest

from author_errors import AuthorError
from yaml_source import MAX_DEPTH, load_yaml

CASES = [
    ("alias", "a: &x\n  b: 1\nc: *x\n",
     "f.yml, line 3 (c): this value repeats the one on line 1 through a YAML alias (*name). "
     "Fix: write the value out in full; anchors (&) and aliases (*) are not supported in these files"),
    ("alias to itself", "a: &x [*x]\n",
     "f.yml, line 1 (a[0]): this value repeats the one on line 1 through a YAML alias (*name). "
     "Fix: write the value out in full; anchors (&) and aliases (*) are not supported in these files"),
    ("key read as a boolean", "nodes:\n  no: 1\n",
     "f.yml, line 2 (nodes): the key 'no' is not read as text. Fix: quote it, like 'no', or use a word"),
    ("key read as a number", "1: a\n", "f.yml, line 1: the key '1' is not read as text. Fix: quote it, like '1', or use a word"),
    ("key that is a list", "? [a]\n: 1\n", "f.yml, line 1: a key here is a list or a mapping. Fix: use a word as the key"),
    ("duplicate key with a newline", '"a\\nb": 1\n"a\\nb": 2\n',
     "f.yml, line 2 (a\\nb): the key 'a\\nb' appears twice here. Fix: keep one of them"),
    ("runaway nesting", "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n",
     f"f.yml, line 1: the data is nested more than {MAX_DEPTH} levels deep. Fix: check the indentation and brackets"),
    # Deep enough to crash libyaml itself, so it is caught before parsing.
    ("nesting that would crash the parser", "a: 1\n" + "[" * 100_000 + "]" * 100_000,
     f"f.yml, line 2: the data is nested more than {MAX_DEPTH} levels deep. Fix: check the indentation and brackets"),
    ("control character", "a: 1\nb: x\x1by\n",
     "f.yml, line 2: the text holds a character YAML does not allow (code 0x001b). Fix: delete it; it is often invisible, so retype the line"),
]


@pytest.mark.parametrize(("text", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_yaml_traps(text: str, message: str) -> None:
    with pytest.raises(AuthorError) as caught:
        load_yaml(text, "f.yml")
    assert str(caught.value) == message


def test_quoted_keys_and_a_byte_order_mark_are_fine() -> None:
    assert load_yaml("\ufeff'no': 1\n'1': 2\n", "f.yml").data == {"no": 1, "1": 2}
