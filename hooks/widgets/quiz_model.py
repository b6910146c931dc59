"""Quiz files (quiz_data/*.quiz.yml) read, checked and turned into dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loading.data_files import check_kind, load_data_files
from loading.same_text import first_repeat
from loading.schema_check import check_against_schema
from loading.section_refs import SectionRef, read_section_ref
from loading.yaml_source import PathPart, YamlDocument, load_yaml

SCHEMA = "quiz.schema.json"
SUFFIX = ".quiz.yml"

SINGLE, MULTIPLE, TRUE_FALSE = "single", "multiple", "true-false"


@dataclass(frozen=True)
class Option:
    """One answer a reader can pick; text and feedback are Markdown."""

    id: str
    text: str
    feedback: str
    correct: bool


@dataclass(frozen=True)
class QuizQuestion:
    """One question; true/false questions get two options, True and False."""

    id: str
    type: str
    prompt: str
    options: tuple[Option, ...]
    explanation: str
    source: SectionRef

    @property
    def correct_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options if option.correct)


@dataclass(frozen=True)
class Quiz:
    """A whole quiz file."""

    id: str
    title: str
    intro: str | None
    questions: tuple[QuizQuestion, ...]
    file: str


# -----------------------------------------------------------------------------
# Reading
# -----------------------------------------------------------------------------


def parse_quiz(text: str, file: str) -> Quiz:
    """Parse and check one quiz file; raise AuthorError on the first mistake."""
    doc = load_yaml(text, file)
    check_kind(doc, SUFFIX, "questions", {"nodes": ("flowchart", ".flow.yml")})
    check_against_schema(doc, SCHEMA)
    questions = doc.data["questions"]
    _check_unique(doc, [q["id"] for q in questions], ("questions",), "question")
    built = []
    for index, raw in enumerate(questions):
        path = ("questions", index)
        if raw["type"] != TRUE_FALSE:
            ids = [option["id"] for option in raw["options"]]
            _check_unique(doc, ids, (*path, "options"), "option")
            _check_distinct_texts(doc, raw, path)
            _check_correct_count(doc, raw, path)
        built.append(_question(doc, raw, path))
    return Quiz(doc.data["id"], doc.data["title"], doc.data.get("intro"), tuple(built), file)


def load_quizzes(folder: Path) -> dict[str, Quiz]:
    """Every *.quiz.yml under folder, by quiz id; ids must be unique."""
    return load_data_files(folder, SUFFIX, parse_quiz, "quiz")


# -----------------------------------------------------------------------------
# Checks the schema cannot express
# -----------------------------------------------------------------------------


def _check_unique(doc: YamlDocument, ids: list[str], items: tuple[PathPart, ...], what: str) -> None:
    """ids[i] is written at (*items, i, "id")."""
    seen: dict[str, int] = {}
    for index, value in enumerate(ids):
        if value in seen:
            first = doc.line((*items, seen[value], "id"))
            raise doc.error(
                (*items, index, "id"),
                f"the {what} id '{value}' is used twice (first on line {first})",
                f"give each {what} its own id",
            )
        seen[value] = index


def _check_distinct_texts(doc: YamlDocument, raw: dict[str, Any], path: tuple[PathPart, ...]) -> None:
    # Two options that read the same give the reader no real choice.
    repeat = first_repeat(option["text"] for option in raw["options"])
    if repeat:
        index, first = repeat
        raise doc.error(
            (*path, "options", index, "text"),
            f"this option reads the same as the one on line {doc.line((*path, 'options', first, 'text'))}",
            "make each option say something different",
        )


def _check_correct_count(doc: YamlDocument, raw: dict[str, Any], path: tuple[PathPart, ...]) -> None:
    correct = [option["id"] for option in raw["options"] if option.get("correct") is True]
    if raw["type"] == SINGLE and len(correct) != 1:
        if not correct:
            raise doc.error(
                (*path, "options"),
                "this single-choice question has no correct option",
                "add 'correct: true' to the one right option",
            )
        raise doc.error(
            (*path, "options"),
            f"this single-choice question has {len(correct)} correct options ({', '.join(correct)})",
            "keep 'correct: true' on one option only, or make it 'type: multiple'",
        )
    if raw["type"] == MULTIPLE and not correct:
        raise doc.error(
            (*path, "options"),
            "this multiple-choice question has no correct option",
            "add 'correct: true' to every right option",
        )
    if raw["type"] == MULTIPLE and len(correct) == len(raw["options"]):
        # Ticking everything would always be right: the question tests nothing.
        raise doc.error(
            (*path, "options"),
            "every option of this multiple-choice question is correct "
            f"({', '.join(correct)}), so no answer can be wrong",
            "add at least one wrong option, or remove 'correct: true' from the ones that are not right",
        )


def _question(doc: YamlDocument, raw: dict[str, Any], path: tuple[PathPart, ...]) -> QuizQuestion:
    if raw["type"] == TRUE_FALSE:
        options = tuple(
            Option(key, key.capitalize(), raw[f"when_{key}"], raw["answer"] is (key == "true"))
            for key in ("true", "false")
        )
    else:
        options = tuple(
            Option(o["id"], o["text"], o["feedback"], o.get("correct", False)) for o in raw["options"]
        )
    source = read_section_ref(doc, (*path, "source"))
    return QuizQuestion(raw["id"], raw["type"], raw["prompt"], options, raw["explanation"], source)

