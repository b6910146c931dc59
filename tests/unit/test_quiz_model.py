"""Quiz files: a good one parses; each kind of mistake gives its exact message."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from loading.author_errors import AuthorError
from loading.data_files import stray_files
from support.messages import assert_message
from widgets.quiz_model import load_quizzes, parse_quiz

GOOD = """\
id: demo
title: Demo quiz
questions:
  - id: pick-one
    type: single
    prompt: Which is right?
    options:
      - id: yes-this
        text: This one
        correct: true
        feedback: Because.
      - id: not-this
        text: That one
        feedback: Because not.
    explanation: It is.
    source: page.md#section
  - id: is-it
    type: true-false
    prompt: It is true.
    answer: false
    when_true: No.
    when_false: Yes.
    explanation: It is false.
    source: page.md#other
"""


def replaced(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


def test_a_good_quiz_parses() -> None:
    quiz = parse_quiz(GOOD, "quiz_data/demo.quiz.yml")
    assert quiz.id == "demo" and quiz.title == "Demo quiz" and quiz.intro is None
    single, true_false = quiz.questions
    assert single.correct_ids == ("yes-this",)
    source = single.source
    assert (source.page, source.anchor, source.place) == ("page.md", "section", "line 16 (questions[0].source)")
    assert [(o.id, o.text, o.correct, o.feedback) for o in true_false.options] == [
        ("true", "True", False, "No."),
        ("false", "False", True, "Yes."),
    ]


MULTIPLE_NONE = replaced("    type: single", "    type: multiple").replace("        correct: true\n", "")

CASES = [
    # The parser's own words differ between libyaml and pure-Python PyYAML.
    ("syntax error", replaced("title: Demo quiz", "title: [Demo quiz"), re.compile(
        r"f\.yml, line 3, column 10: this is not valid YAML \(.*expected ',' or '\]'.*\)\. "
        r"Fix: check the indentation and quoting here; a value containing ': ' or starting with a symbol "
        r"needs quotes")),
    ("empty file", "", "f.yml: the file is empty. Fix: add the data, or delete the file"),
    ("only comments", "# yaml-language-server: $schema=x\n", "f.yml: the file is empty. Fix: add "
                                                             "the data, or delete the file"),
    ("not a mapping", "- id: demo\n", "f.yml, line 1: expected a mapping (key: value lines), found a "
                                      "list. Fix: write the file as a mapping (key: value lines)"),
    ("wrong type", replaced("correct: true", "correct: yes please"),
     "f.yml, line 10 (questions[0].options[0].correct): expected true or false, found "
     "'yes please'. Fix: write questions[0].options[0].correct as true or false"),
    ("unknown field", replaced("    options:", "    optons:"),
     "f.yml, line 7 (questions[0].optons): unknown field 'optons'. Fix: did you mean "
     "'options'? allowed here: explanation, id, options, prompt, source, type"),
    ("unknown top-level field", replaced("title: Demo quiz", "title: Demo quiz\ntitel: again"),
     "f.yml, line 3 (titel): unknown field 'titel'. Fix: did you "
     "mean 'title'? allowed here: id, intro, questions, title"),
    ("missing field", replaced("    explanation: It is.\n", ""),
     "f.yml, line 4 (questions[0]): 'explanation' is missing. Fix: add explanation:"),
    ("bad type value", replaced("    type: single", "    type: singel"),
     "f.yml, line 5 (questions[0].type): 'singel' is not allowed here. Fix: "
     "did you mean 'single'? use one of: single, multiple, true-false"),
    ("duplicate question id", replaced("  - id: is-it", "  - id: pick-one"),
     "f.yml, line 17 (questions[1].id): the question id 'pick-one' is "
     "used twice (first on line 4). Fix: give each question its own id"),
    ("duplicate option id", replaced("      - id: not-this", "      - id: yes-this"),
     "f.yml, line 12 (questions[0].options[1].id): the option id 'yes-this' "
     "is used twice (first on line 8). Fix: give each option its own id"),
    ("single with none correct", replaced("        correct: true\n", ""),
     "f.yml, line 7 (questions[0].options): this single-choice question has "
     "no correct option. Fix: add 'correct: true' to the one right option"),
    ("single with two correct", replaced("        text: That one\n", "        text: That one\n        correct: true\n"),
     "f.yml, line 7 (questions[0].options): this single-choice question has 2 correct options "
     "(yes-this, not-this). Fix: keep 'correct: true' on one option only, or make it 'type: multiple'"),
    ("multiple with none correct", MULTIPLE_NONE,
     "f.yml, line 7 (questions[0].options): this multiple-choice question "
     "has no correct option. Fix: add 'correct: true' to every right option"),
    ("multiple with every option correct", replaced("    type: single", "    type: multiple").replace(
        "        text: That one\n", "        text: That one\n        correct: true\n",
    ),
     "f.yml, line 7 (questions[0].options): every option of this multiple-choice question "
     "is correct (yes-this, not-this), so no answer can be wrong. Fix: add at least one "
     "wrong option, or remove 'correct: true' from the ones that are not right"),
    ("one option", replaced("      - id: not-this\n        text: That one\n        feedback: Because not.\n", ""),
     "f.yml, line 7 (questions[0].options): has 1 item, needs at least 2. Fix: give the question at least two options"),
    ("source without anchor", replaced("source: page.md#section", "source: page.md"),
     "f.yml, line 16 (questions[0].source): 'page.md' is not in the right form. Fix: write "
     "it as page.md#anchor: the page file in docs/ and the id of the section heading"),
    ("bad id", replaced("id: demo", "id: Demo Quiz"),
     "f.yml, line 1 (id): 'Demo Quiz' is not in the right form. Fix: use "
     "lower-case letters, digits and single dashes, like 'first-question'"),
    ("duplicate key", replaced("    explanation: It is.\n", "    explanation: It is.\n    explanation: Again.\n"),
     "f.yml, line 16 (questions[0].explanation): the key 'explanation' appears twice here. Fix: keep one of them"),
    ("true-false without feedback", replaced("    when_false: Yes.\n", ""),
     "f.yml, line 17 (questions[1]): 'when_false' is missing. Fix: add "
     "when_false: (true-false only: feedback for a reader who answers False.)"),
    ("true-false with options", replaced("    answer: false", "    answer: false\n    options: []"),
     "f.yml, line 21 (questions[1].options): unknown field 'options' (1 more problem after this one). Fix: "
     "remove it; allowed here: answer, explanation, id, prompt, source, type, when_false, when_true"),
    ("answer not boolean", replaced("    answer: false", "    answer: 'no'"),
     "f.yml, line 20 (questions[1].answer): expected true or false, "
     "found 'no'. Fix: write questions[1].answer as true or false"),
    ("two-line prompt", replaced("    prompt: Which is right?", "    prompt: |\n      Which\n      is right?"),
     "f.yml, line 6 (questions[0].prompt): 'Which\\nis right?\\n' is not in the right form. "
     "Fix: keep it to one line of Markdown; longer text belongs in the explanation"),
    ("empty feedback", replaced("        feedback: Because.", "        feedback: ''"),
     "f.yml, line 11 (questions[0].options[0].feedback): the text is "
     "empty. Fix: write the text, or remove the field if it is optional"),
    # YAML reads these as a number, a boolean, a date or nothing; the fix says how to keep the text.
    ("number as text", replaced("    prompt: Which is right?", "    prompt: 1.50"),
     'f.yml, line 6 (questions[0].prompt): expected text, found 1.5. Fix: put it '
     'in quotes, like prompt: "1.50"; without quotes YAML reads 1.50 as a number'),
    ("yes as text", replaced("        text: That one", "        text: Yes"),
     'f.yml, line 13 (questions[0].options[1].text): expected text, found true. Fix: '
     'put it in quotes, like text: "Yes"; without quotes YAML reads Yes as true'),
    ("date as text", replaced("title: Demo quiz", "title: 2026-11-24"),
     'f.yml, line 2 (title): expected text, found the date 2026-11-24. Fix: put it in '
     'quotes, like title: "2026-11-24"; without quotes YAML reads 2026-11-24 as a date'),
    ("nothing as text", replaced("    prompt: Which is right?", "    prompt:"),
     "f.yml, line 6 (questions[0].prompt): expected text, found "
     "nothing (an empty value). Fix: write the text after 'prompt:'"),
    ("empty prompt counted once", replaced("    prompt: Which is right?", "    prompt: ''"),
     "f.yml, line 6 (questions[0].prompt): the text is empty. Fix: "
     "write the text, or remove the field if it is optional"),
    ("no questions", "id: demo\ntitle: Demo\nquestions: []\n",
     "f.yml, line 3 (questions): has 0 items, needs at least 1. Fix: add at least one question"),
]


@pytest.mark.parametrize(("text", "message"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_quiz_mistakes(text: str, message: str | re.Pattern[str]) -> None:
    with pytest.raises(AuthorError) as caught:
        parse_quiz(text, "f.yml")
    assert_message(caught.value, message)


def test_quiz_ids_are_unique_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.quiz.yml").write_text(GOOD)
    (tmp_path / "b.quiz.yml").write_text(GOOD)
    (tmp_path / "notes.yml").write_text("not: a quiz\n")
    with pytest.raises(AuthorError) as caught:
        load_quizzes(tmp_path)
    assert str(caught.value) == (
        "quiz_data/b.quiz.yml, id: the quiz id 'demo' is already used by quiz_data/a.quiz.yml. "
        "Fix: give each quiz its own id"
    )


def test_only_quiz_files_are_loaded(tmp_path: Path) -> None:
    (tmp_path / "a.quiz.yml").write_text(GOOD)
    (tmp_path / "flow.yml").write_text(textwrap.dedent("start: x\n"))
    assert list(load_quizzes(tmp_path)) == ["demo"]


def test_a_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.quiz.yml").write_bytes(GOOD.replace("Because not.", "Parce que non, été.").encode("latin-1"))
    with pytest.raises(AuthorError) as caught:
        load_quizzes(tmp_path)
    assert str(caught.value) == (
        "quiz_data/a.quiz.yml, line 14: the file is not UTF-8 text. Fix: save it with UTF-8 encoding"
    )


def test_yaml_files_no_loader_reads_are_listed(tmp_path: Path) -> None:
    for name in ("a.quiz.yml", "b.flow.yml", "c.quiz.yaml", "sub/d.yml", "README.md", "notes.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    assert stray_files(tmp_path, [".quiz.yml", ".flow.yml"]) == ["c.quiz.yaml", "sub/d.yml"]
