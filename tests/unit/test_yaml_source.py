"""Author YAML: the traps PyYAML lets through become clear errors before any check runs."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from loading import yaml_source
from loading.author_errors import AuthorError
from loading.yaml_source import MAX_DEPTH, PathPart, load_yaml

CASES = [
    ("alias", "a: &x\n  b: 1\nc: *x\n",
     "f.yml, line 3 (c): this value repeats the one on line 1 through a YAML alias (*name). "
     "Fix: write the value out in full; anchors (&) and aliases (*) are not supported in these files"),
    ("alias to itself", "a: &x [*x]\n",
     "f.yml, line 1 (a[0]): this value repeats the one on line 1 through a YAML alias (*name). "
     "Fix: write the value out in full; anchors (&) and aliases (*) are not supported in these files"),
    ("key read as a boolean", "nodes:\n  no: 1\n",
     "f.yml, line 2 (nodes): the key 'no' is not read as text. Fix: quote it, like 'no', or use a word"),
    ("key read as a number", "1: a\n", "f.yml, line 1: the key '1' is not read as "
                                       "text. Fix: quote it, like '1', or use a word"),
    ("key that is a list", "? [a]\n: 1\n", "f.yml, line 1: a key here is a list or "
                                           "a mapping. Fix: use a word as the key"),
    ("duplicate key with a newline", '"a\\nb": 1\n"a\\nb": 2\n',
     "f.yml, line 2 (a\\nb): the key 'a\\nb' appears twice here. Fix: keep one of them"),
    ("runaway nesting", "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n",
     f"f.yml, line 1: the data is nested more than {MAX_DEPTH} levels deep. Fix: check the indentation and brackets"),
    # Deep enough to crash libyaml itself, so it is caught before parsing.
    ("nesting that would crash the parser", "a: 1\n" + "[" * 100_000 + "]" * 100_000,
     f"f.yml, line 2: the data is nested more than {MAX_DEPTH} levels deep. Fix: check the indentation and brackets"),
    ("control character", "a: 1\nb: x\x1by\n",
     "f.yml, line 2: the text holds a character YAML does not allow (code "
     "0x001b). Fix: delete it; it is often invisible, so retype the line"),
    # The reader refuses a raw control character; an escape in double quotes makes one anyway.
    ("control character from an escape", 'a:\n  - "x\\0y"\n',
     "f.yml, line 2 (a[0]): the text holds an invisible control character "
     "(code 0x0000). Fix: remove the backslash escape that makes it"),
    ("bell from an escape", 'a: "ring\\x07"\n',
     "f.yml, line 1 (a): the text holds an invisible control character "
     "(code 0x0007). Fix: remove the backslash escape that makes it"),
    ("blank text", "a: '   '\n",
     "f.yml, line 1 (a): the text is blank (only spaces or empty lines). "
     "Fix: write the text, or remove the field if it is optional"),
    ("blank block", "a: |+\n\n\nb: 1\n",
     "f.yml, line 1 (a): the text is blank (only spaces or empty lines). "
     "Fix: write the text, or remove the field if it is optional"),
    ("text of Markdown marks only", "a:\n  - text: '**'\n",
     "f.yml, line 2 (a[0].text): the text '**' shows nothing once its "
     "Markdown is applied. Fix: write the words a reader should see"),
    ("an empty link only", "a: '[]()'\n",
     "f.yml, line 1 (a): the text '[]()' shows nothing once its "
     "Markdown is applied. Fix: write the words a reader should see"),
    ("a link without words", "a: See [ ](page.md#part) for more\n",
     "f.yml, line 1 (a): a link here has no text between [ and ]. "
     "Fix: write the words a reader clicks between the brackets, like [Read more](page.md#section)"),
    ("python tag", "a: !!python/object:os.system [ls]\n",
     "f.yml, line 1, column 4: a YAML tag (a word starting with '!') is not supported here. "
     "Fix: remove the tag, or put the whole value in quotes if the '!' belongs to the text"),
    ("local tag", "a: !important text\n",
     "f.yml, line 1, column 4: a YAML tag (a word starting with '!') is not supported here. "
     "Fix: remove the tag, or put the whole value in quotes if the '!' belongs to the text"),
    ("two documents", "a: 1\n---\nb: 2\n",
     "f.yml, line 2, column 1: the file holds a second YAML document after a '---' line. "
     "Fix: keep one quiz or flowchart per file: delete the '---' line and what follows, "
     "or move it to a file of its own"),
    # Python refuses to turn thousands of digits into an int (a ValueError).
    ("number too long to read", "a:\n  b: " + "9" * 5000 + "\n",
     "f.yml, line 2 (a.b): this number is 5000 characters long. "
     "Fix: shorten it; if it is meant as text, put it in quotes"),
    # YAML accepts these as a date, a time or a number; Python cannot build them.
    ("a date that does not exist", "a:\n  - 2026-02-30\n",
     "f.yml, line 2 (a[0]): YAML reads '2026-02-30' as a date or time, but it is "
     "not a real one. Fix: correct it, or put it in quotes if it is meant as text"),
    ("a time that does not exist", "a: 2026-01-01 25:00:00\n",
     "f.yml, line 1 (a): YAML reads '2026-01-01 25:00:00' as a date or time, but it is "
     "not a real one. Fix: correct it, or put it in quotes if it is meant as text"),
    ("a word tagged as a number", "a: !!float many\n",
     "f.yml, line 1 (a): YAML reads 'many' as a number, but it is not a real "
     "one. Fix: correct it, or put it in quotes if it is meant as text"),
    ("escape that is no character", 'a: "\\ud800"\n',
     "f.yml, line 1, column 7: a \\u or \\U escape in double-quoted text is not a valid character. "
     "Fix: type the character itself, or fix the code after the backslash"),
]


@pytest.mark.parametrize(("text", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_yaml_traps(text: str, message: str) -> None:
    with pytest.raises(AuthorError) as caught:
        load_yaml(text, "f.yml")
    assert str(caught.value) == message


def test_quoted_keys_and_a_byte_order_mark_are_fine() -> None:
    assert load_yaml("\ufeff'no': 1\n'1': 2\n", "f.yml").data == {"no": 1, "1": 2}


def test_windows_line_endings_tabs_and_right_to_left_text_are_fine() -> None:
    text = "a: |\r\n  one\r\n  two\r\nb: \"x\\ty\"\r\nc: \u05e9\u05dc\u05d5\u05dd \u202bq\u202c\r\n"
    expected = {"a": "one\ntwo\n", "b": "x\ty", "c": "\u05e9\u05dc\u05d5\u05dd \u202bq\u202c"}
    assert load_yaml(text, "f.yml").data == expected


@pytest.mark.parametrize(
    ("text", "path", "written"),
    [("a: Yes\n", ("a",), "Yes"), ("a:\n  - 1.50\n", ("a", 0), "1.50"), ("a: [x]\n", ("a",), None),
     ("a: 1\n", ("b",), None), ("a: 1\n", ("a", 0), None), ("a: 'q'\n", (), None)],
)
def test_written_is_the_text_as_typed(text: str, path: tuple[PathPart, ...], written: str | None) -> None:
    assert load_yaml(text, "f.yml").written(path) == written


@pytest.mark.parametrize("text", ["a: '?'\n", "a: '-1'\n", "a: '👍'\n", "a: 'C++'\n"])
def test_short_text_with_something_to_see_is_kept(text: str) -> None:
    load_yaml(text, "f.yml")


# Text made of what the checks look for: link and list marks, numbers, headings, blanks, control characters.
_PIECES = st.lists(
    st.sampled_from(["a", "word", " ", "\n", "\t", "-", "*", "+", "#", "##", "1.", "2)", "3.", "[", "]", "(", ")",
                     "](", "![x](", "page.html", "page/", "`", "**", "__", ".", ":", "\x00", "\x7f", "\u200b", "é"]),
    max_size=12,
).map("".join)


@given(_PIECES)
def test_the_lean_pass_lets_through_no_text_the_placed_checks_refuse(text: str) -> None:
    root = yaml.compose(yaml.dump({"text": text}, allow_unicode=True))
    assert root is not None
    try:
        yaml_source._check_tree_placed(root, "f.yml")
    except AuthorError as refused:
        with pytest.raises(AuthorError) as error:
            yaml_source._check_tree(root, "f.yml")
        assert str(error.value) == str(refused)
    else:
        yaml_source._check_tree(root, "f.yml")


def test_the_data_is_what_safe_load_builds() -> None:
    text = (
        "id: x\nwhen: 2026-01-02\nn: 3\nf: 1.5\nyes_: yes\nnone: ~\nlist: [a, 1, {b: c}]\n"
        "set: !!set {a, b}\nstr: !!str 12\nblock: |\n  one\n  two\n"
    )
    assert load_yaml(text, "f.yml").data == yaml.safe_load(text)
