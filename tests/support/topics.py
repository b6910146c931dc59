"""Two small topics, far from the real site's, for fixture builds: a quiz, a flowchart, a whole site."""

from __future__ import annotations

from collections.abc import Callable

from support.sitebuild import BuildResult

# A planets quiz, with the page it cites and the page that places it.
QUIZ = """\
# yaml-language-server: $schema=../hooks/schemas/quiz.schema.json
id: planets
title: Planets quiz
questions:
  - id: biggest
    type: single
    prompt: Which planet is biggest?
    options:
      - id: jupiter
        text: Jupiter
        correct: true
        feedback: It is the largest.
      - id: mars
        text: Mars
        feedback: Mars is small.
    explanation: See [the list](facts.md#sizes).
    source: facts.md#sizes
"""

FACTS = "---\ndescription: Facts.\n---\n\n# Facts\n\n## Sizes\n\nJupiter is big.\n"
QUIZ_PAGE = "---\ndescription: Quiz.\n---\n\n# Quiz\n\n<!-- quiz: planets -->\n"

# A plant-care flowchart: a different subject entirely; the hooks must not care.
CHART = """\
# yaml-language-server: $schema=../hooks/schemas/flowchart.schema.json
id: plant-check
title: Does my plant need help?
start: wilting
levels:
  - id: self-care
    label: Self-care  # as the site names it; another name is refused
  - id: urgent
    label: Urgent
red_flag_minimum: urgent
emergency_signs: If the stem is black and soft, act at once.
not_a_diagnosis: This is general advice.
nodes:
  wilting:
    question: Are the leaves wilting?
    answers:
      - label: "Yes"
        next: repot
        red_flag: true
      - label: Not sure
        next: repot
        not_sure: true
      - label: "No"
        next: fine
  repot:
    level: urgent
    action: Repot the plant
    who: You
    when: Today
    advice: Use fresh soil.
    links: [care.md#soil]
  fine:
    level: self-care
    action: Water weekly
    who: You
    when: Every week
    advice: Keep going.
    links: [care.md#water]
"""
CARE = "---\ndescription: Care.\n---\n\n# Care\n\n## Soil\n\nText.\n\n## Water\n\nText.\n"
FLOW_PAGE = "---\ndescription: Check.\n---\n\n# Check\n\n<!-- flowchart: plant-check -->\n"

# -----------------------------------------------------------------------------
# One whole small site using both, with every page directive we have
# -----------------------------------------------------------------------------

GLOSSARY_CONFIG = {
    "markdown_extensions": [
        "admonition",
        "attr_list",
        "toc",
        "abbr",
        {"pymdownx.snippets": {"base_path": ["docs/snippets"], "auto_append": ["terms.md"], "check_paths": True}},
    ],
    "exclude_docs": "snippets/\n",
}

SITE: dict[str, str | bytes] = {
    "docs/index.md": "---\ndescription: Home.\n---\n\n# Home\n\n"
                     "!!! care-urgent \"Repot today\"\n\n    If the stem is soft.\n",
    "docs/facts.md": FACTS,
    "docs/sub/quiz.md": QUIZ_PAGE,
    "docs/care.md": CARE,
    "docs/check.md": FLOW_PAGE,
    "docs/words.md": "---\ndescription: Words.\n---\n\n# Words\n\n<!-- glossary -->\n",
    "docs/all.md": "---\ndescription: All.\nprint_all: [facts.md, care.md]\n---\n\n# All\n\n<!-- print-all -->\n",
    "docs/snippets/terms.md": "*[stem]: Stem: the main stalk of a plant.\n",
    "quiz_data/planets.quiz.yml": QUIZ,
    "quiz_data/plant.flow.yml": CHART,
}


def build_whole_site(
    fixture_site: Callable[..., BuildResult], changes: dict[str, str | bytes], **config: object
) -> BuildResult:
    """SITE with some files replaced or added ({"docs/x.md" or "quiz_data/y.yml": content}), and any
    mkdocs.yml keys replaced, built strictly."""
    files = {**SITE, **changes}
    pages = {name.removeprefix("docs/"): text for name, text in files.items() if name.startswith("docs/")}
    data = {name.removeprefix("quiz_data/"): text for name, text in files.items() if name.startswith("quiz_data/")}
    return fixture_site(pages, data, **{**GLOSSARY_CONFIG, **config})
