"""Quiz dataclasses to HTML through a Jinja template; no MkDocs needed."""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from language.catalogue import Catalogue
from widgets.quiz_model import MULTIPLE, TRUE_FALSE, Option, Quiz, QuizQuestion
from widgets.render_types import Assets, Section, SectionResolver
from widgets.safe_markdown import LinkResolver, MarkdownRenderer

TEMPLATE = "partials/quiz.html"

# What quiz.js shows and says (catalogue keys under quiz.), sent in the quiz's data.
SCRIPT_WORDS = (
    "question", "next", "picked_right", "missed_right", "picked_wrong", "verdict_right", "verdict_wrong",
    "see_results", "score", "section_score", "review_link", "all_right", "said_right", "said_wrong",
    "retrying", "restarted",
)


def option_text(question: QuizQuestion, option: Option, md: MarkdownRenderer, words: Catalogue) -> Markup:
    """An option as safe HTML: the author's Markdown, or True and False in the reader's language."""
    if question.type == TRUE_FALSE:
        return words.html(f"quiz.{option.id}")
    return md(option.text, inline=True)


def question_view(
    quiz: Quiz, number: int, question: QuizQuestion, section: Section, md: MarkdownRenderer, words: Catalogue
) -> dict[str, Any]:
    """Everything the template shows for one question, as safe HTML."""
    base = f"quiz-{quiz.id}-{question.id}"
    correct = [option for option in question.options if option.correct]
    return {
        "id": question.id,
        "dom_id": base,
        "number": number,
        "multiple": question.type == MULTIPLE,
        "prompt": md(question.prompt, inline=True),
        "options": [
            {
                "id": option.id,
                "dom_id": f"{base}-{option.id}",
                "text": option_text(question, option, md, words),
                "feedback": md(option.feedback, inline=True),
                "correct": option.correct,
            }
            for option in question.options
        ],
        "answer": Markup(", ").join(option_text(question, option, md, words) for option in correct),
        "explanation": md(question.explanation),
        "section": section,
    }


def quiz_data(quiz: Quiz, sections: list[Section], words: Catalogue) -> dict[str, Any]:
    """What the script needs and the page does not show: answers, grouping and its words."""
    script_words = words.group("quiz")
    return {
        "id": quiz.id,
        "questions": [
            {
                "id": question.id,
                "multiple": question.type == MULTIPLE,
                "correct": list(question.correct_ids),
                "page": section.page_title,
                "pageUrl": section.page_url,
            }
            for question, section in zip(quiz.questions, sections, strict=True)
        ],
        "strings": {key: script_words[key] for key in SCRIPT_WORDS},
    }


def render_quiz(
    template: jinja2.Template,
    quiz: Quiz,
    resolve_section: SectionResolver,
    resolve_link: LinkResolver,
    assets: Assets | None,
    *,
    words: Catalogue,
) -> str:
    """The quiz's HTML, in the reader's language: readable without JS, printable, with its data for JS."""
    sections = [resolve_section(question.source) for question in quiz.questions]
    md = MarkdownRenderer(resolve_link)
    questions = [
        question_view(quiz, number, question, section, md, words)
        for number, (question, section) in enumerate(zip(quiz.questions, sections, strict=True), start=1)
    ]
    return template.render(
        quiz={
            "id": quiz.id,
            "dom_id": f"quiz-{quiz.id}",
            "title": quiz.title,
            "intro": md(quiz.intro) if quiz.intro else None,
            "questions": questions,
            "data": quiz_data(quiz, sections, words),
        },
        assets=assets,
        t=words.html,
    )
