"""The bad-input corpus: each broken quiz, flowchart or directive stops the build with its exact message.

Every case starts from one small working site (support.topics.SITE: a planets
quiz, a plant-care flowchart, a care card, a glossary and a booklet page) and
breaks one thing. The build must abort with the message below, word for word,
show no traceback, and leave no file in site/.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from support.fixtures import FIXTURE_CONFIG
from support.sitebuild import ROOT, BuildResult
from support.topics import CHART, QUIZ, SITE, build_whole_site

Build = Callable[..., BuildResult]

BUILD_ERROR = "Aborted with a BuildError!"
STRICT_ABORT = "Aborted with 1 warnings in strict mode!"


@dataclass(frozen=True)
class Broken:
    """One broken input: the files that differ from SITE and the one message expected."""

    name: str
    changes: dict[str, str | bytes]
    expected: str | re.Pattern[str]
    # Some mistakes are warnings (the site still works without the file); --strict stops on them.
    warning: bool = False
    # mkdocs.yml keys that differ from the fixture site's.
    config: dict[str, object] | None = None


def edit(path: str, old: str, new: str, *more: tuple[str, str]) -> dict[str, str | bytes]:
    """SITE's file at path with old replaced by new (and any further pairs), once each."""
    text = SITE[path]
    assert isinstance(text, str)
    for before, after in ((old, new), *more):
        assert before in text, f"{path} has no {before!r}"
        text = text.replace(before, after, 1)
    return {path: text}


# The fixture site's own extra: (disclaimer and review dates), for cases that add to it.
FIXTURE_EXTRA = yaml.safe_load(FIXTURE_CONFIG.format(root=ROOT.as_posix()))["extra"]

# An explicit nav for the fixture site, all but all.md and words.md.
NAV = [{"Home": "index.md"}, {"Facts": "facts.md"}, {"Quiz": "sub/quiz.md"}, {"Care": "care.md"}, {"Check": "check.md"}]

Q = "quiz_data/planets.quiz.yml"
F = "quiz_data/plant.flow.yml"

CORPUS = [
    # --- quiz files -------------------------------------------------------------
    Broken("quiz: not YAML", edit(Q, "title: Planets quiz", "title: [Planets quiz"),
           re.compile(r"quiz_data/planets\.quiz\.yml, line 4, column 10: this is not valid YAML \(.*\)\. "
                      r"Fix: check the indentation and quoting here; a value containing ': ' or starting "
                      r"with a symbol needs quotes")),
    Broken("quiz: tab indentation", edit(Q, "    prompt:", "\tprompt:"),
           re.compile(r"quiz_data/planets\.quiz\.yml, line 7, column 1: this is not valid YAML \(.*\)\. Fix: check the "
                      r"indentation and quoting here; a value containing ': ' or starting with a symbol needs quotes")),
    Broken("quiz: empty file", {Q: ""},
           "quiz_data/planets.quiz.yml: the file is empty. Fix: add the data, or delete the file"),
    Broken("quiz: a list, not a mapping", {Q: "- id: planets\n"},
           "quiz_data/planets.quiz.yml, line 1: expected a mapping (key: value lines), found a list. "
           "Fix: write the file as a mapping (key: value lines)"),
    Broken("quiz: not UTF-8", {Q: QUIZ.replace("Mars is small.", "Mars est petite, très.").encode("latin-1")},
           "quiz_data/planets.quiz.yml, line 15: the file is not UTF-8 text. Fix: save it with UTF-8 encoding"),
    Broken("quiz: invisible control character", edit(Q, "Which planet", "Which\x07 planet"),
           "quiz_data/planets.quiz.yml, line 7: the text holds a character YAML does not allow (code 0x0007). "
           "Fix: delete it; it is often invisible, so retype the line"),
    Broken("quiz: YAML alias",
           edit(Q, "feedback: It is", "feedback: &big It is", ("feedback: Mars is small.", "feedback: *big")),
           "quiz_data/planets.quiz.yml, line 15 (questions[0].options[1].feedback): this "
           "value repeats the one on line 12 through a YAML alias (*name). Fix: write the "
           "value out in full; anchors (&) and aliases (*) are not supported in these files"),
    Broken("quiz: runaway nesting", edit(Q, "title: Planets quiz", "title: " + "[" * 60 + "]" * 60),
           "quiz_data/planets.quiz.yml, line 3: the data is nested more than 40 levels deep. "
           "Fix: check the indentation and brackets"),
    Broken("quiz: misspelt field", edit(Q, "    options:", "    optons:"),
           "quiz_data/planets.quiz.yml, line 8 (questions[0].optons): unknown field 'optons'. Fix: "
           "did you mean 'options'? allowed here: explanation, id, options, prompt, source, type"),
    Broken("quiz: missing explanation", edit(Q, "    explanation: See [the list](facts.md#sizes).\n", ""),
           "quiz_data/planets.quiz.yml, line 5 (questions[0]): 'explanation' is missing. Fix: add explanation:"),
    Broken("quiz: unknown question type", edit(Q, "type: single", "type: singel"),
           "quiz_data/planets.quiz.yml, line 6 (questions[0].type): 'singel' is not allowed here. "
           "Fix: did you mean 'single'? use one of: single, multiple, true-false"),
    Broken("quiz: every option of a multiple-choice question correct",
           edit(
               Q, "    type: single", "    type: multiple",
               ("        text: Mars\n", "        text: Mars\n        correct: true\n"),
           ),
           "quiz_data/planets.quiz.yml, line 8 (questions[0].options): every option of this "
           "multiple-choice question is correct (jupiter, mars), so no answer can be wrong. Fix: add at "
           "least one wrong option, or remove 'correct: true' from the ones that are not right"),
    Broken("quiz: an image in an explanation",
           edit(Q, "explanation: See [the list](facts.md#sizes).", "explanation: See ![sizes](sizes.png)."),
           "quiz_data/planets.quiz.yml, line 16 (questions[0].explanation): the text "
           "holds an image (![...](...)), and quiz and flowchart text shows no images. "
           "Fix: say it in words, or put the image on a page and link to that page"),
    Broken("quiz: a link to the built page",
           edit(Q, "explanation: See [the list](facts.md#sizes).", "explanation: See [the list](facts.html#sizes)."),
           "quiz_data/planets.quiz.yml, line 16 (questions[0].explanation): the link to 'facts.html#sizes' names "
           "the built page, so the build cannot check it. Fix: link to the Markdown file instead: (facts.md#sizes)"),
    Broken("quiz: a link to a page's folder",
           edit(Q, "explanation: See [the list](facts.md#sizes).", "explanation: See [the list](facts/#sizes)."),
           "quiz_data/planets.quiz.yml, line 16 (questions[0].explanation): the link to 'facts/#sizes' names the "
           "built page, so the build cannot check it. Fix: link to the Markdown file instead: (facts.md#sizes)"),
    Broken("page: a snippet that is not UTF-8",
           {"docs/index.md": "---\ndescription: Home.\n---\n\n# Home\n\n--8<-- \"latin.md\"\n",
            "docs/snippets/latin.md": b"Caf\xe9 au lait.\n"},
           "docs/snippets/latin.md, line 1: this file is not UTF-8 text (byte 0xe9 cannot be read). "
           "Fix: save it with the UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)"),
    Broken("quiz: no correct option", edit(Q, "        correct: true\n", ""),
           "quiz_data/planets.quiz.yml, line 8 (questions[0].options): this single-choice "
           "question has no correct option. Fix: add 'correct: true' to the one right option"),
    Broken("quiz: two correct options", edit(Q, "        text: Mars\n", "        text: Mars\n        correct: true\n"),
           "quiz_data/planets.quiz.yml, line 8 (questions[0].options): this single-choice question has 2 correct "
           "options (jupiter, mars). Fix: keep 'correct: true' on one option only, or make it 'type: multiple'"),
    Broken("quiz: correct is not true/false", edit(Q, "correct: true", "correct: yes please"),
           "quiz_data/planets.quiz.yml, line 11 (questions[0].options[0].correct): expected true or "
           "false, found 'yes please'. Fix: write questions[0].options[0].correct as true or false"),
    Broken("quiz: one option", edit(Q, "      - id: mars\n        text: Mars\n        feedback: Mars is small.\n", ""),
           "quiz_data/planets.quiz.yml, line 8 (questions[0].options): has 1 item, needs at least 2. "
           "Fix: give the question at least two options"),
    Broken("quiz: same option id twice", edit(Q, "id: mars", "id: jupiter"),
           "quiz_data/planets.quiz.yml, line 13 (questions[0].options[1].id): the option id "
           "'jupiter' is used twice (first on line 9). Fix: give each option its own id"),
    Broken("quiz: same key twice",
           edit(Q, "    source: facts.md#sizes\n", "    source: facts.md#sizes\n    source: facts.md#facts\n"),
           "quiz_data/planets.quiz.yml, line 18 (questions[0].source): the key 'source' appears twice here. "
           "Fix: keep one of them"),
    Broken("quiz: bad quiz id", edit(Q, "id: planets", "id: Planets Quiz"),
           "quiz_data/planets.quiz.yml, line 2 (id): 'Planets Quiz' is not in the right form. "
           "Fix: use lower-case letters, digits and single dashes, like 'first-question'"),
    Broken("quiz: source without anchor", edit(Q, "source: facts.md#sizes", "source: facts.md"),
           "quiz_data/planets.quiz.yml, line 17 (questions[0].source): 'facts.md' is not in the right form. "
           "Fix: write it as page.md#anchor: the page file in docs/ and the id of the section heading"),
    Broken("quiz: source on a missing page", edit(Q, "source: facts.md#sizes", "source: fact.md#sizes"),
           "quiz_data/planets.quiz.yml, line 17 (questions[0].source): the page 'fact.md' does not exist. "
           "Fix: did you mean 'facts.md'? use a page's path inside docs/"),
    Broken("quiz: source on a missing section", edit(Q, "source: facts.md#sizes", "source: facts.md#size"),
           "quiz_data/planets.quiz.yml, line 17 (questions[0].source): 'facts.md' has no section '#size'. "
           "Fix: did you mean '#sizes'? its sections are: #facts, #sizes"),
    Broken("quiz: broken link in explanation", edit(Q, "[the list](facts.md#sizes)", "[the list](facts.md#nope)"),
           "quiz_data/planets.quiz.yml, a link to 'facts.md#nope': 'facts.md' has no section '#nope'. "
           "Fix: its sections are: #facts, #sizes"),
    Broken("quiz: id used by two files", {"quiz_data/more/planets-again.quiz.yml": QUIZ},
           "quiz_data/planets.quiz.yml, id: the quiz id 'planets' is already used by "
           "quiz_data/more/planets-again.quiz.yml. Fix: give each quiz its own id"),
    Broken("quiz: not placed on any page", edit("docs/sub/quiz.md", "<!-- quiz: planets -->\n", ""),
           "quiz_data/planets.quiz.yml: the quiz 'planets' is not placed on any page. "
           "Fix: add <!-- quiz: planets --> to a page, or delete the file", warning=True),
    Broken("quiz: directive indented into a code block",
           edit("docs/sub/quiz.md", "<!-- quiz: planets -->", "    <!-- quiz: planets -->"),
           "quiz_data/planets.quiz.yml: the quiz 'planets' is not placed on "
           "any page: docs/sub/quiz.md, line 7 has <!-- quiz: planets -->, "
           "but Markdown shows it as code (indented by 4 spaces, or "
           "inside backticks or a ``` fence), which places nothing. "
           "Fix: start the line with <!--, outside any code, with a blank line before and after", warning=True),
    Broken("quiz: misnamed file", {"quiz_data/moons.quiz.yaml": QUIZ.replace("id: planets", "id: moons")},
           "quiz_data/moons.quiz.yaml: this file is not read. Fix: name it "
           "*.quiz.yml (a quiz) or *.flow.yml (a flowchart)", warning=True),
    Broken("quiz: two options read the same", edit(Q, "        text: Mars\n", "        text: \" jupiter\"\n"),
           "quiz_data/planets.quiz.yml, line 14 (questions[0].options[1].text): this option "
           "reads the same as the one on line 10. Fix: make each option say something different"),
    Broken("quiz: misnamed file in capitals", {"quiz_data/Moons.QUIZ.YML": QUIZ.replace("id: planets", "id: moons")},
           "quiz_data/Moons.QUIZ.YML: this file is not read. Fix: name it "
           "*.quiz.yml (a quiz) or *.flow.yml (a flowchart)", warning=True),
    Broken("quiz: option text that shows nothing", edit(Q, "        text: Mars\n", "        text: '[]()'\n"),
           "quiz_data/planets.quiz.yml, line 14 (questions[0].options[1].text): the text '[]()' "
           "shows nothing once its Markdown is applied. Fix: write the words a reader should see"),
    Broken("quiz: number too long to read", edit(Q, "id: planets", "id: " + "7" * 5000),
           "quiz_data/planets.quiz.yml, line 2 (id): this number is 5000 characters long. "
           "Fix: shorten it; if it is meant as text, put it in quotes"),
    Broken("quiz: a date that does not exist", edit(Q, "title: Planets quiz", "title: 2026-02-30"),
           "quiz_data/planets.quiz.yml, line 3 (title): YAML reads '2026-02-30' as a date or time, "
           "but it is not a real one. Fix: correct it, or put it in quotes if it is meant as text"),
    Broken("quiz: prompt of spaces only", edit(Q, "prompt: Which planet is biggest?", "prompt: '  '"),
           "quiz_data/planets.quiz.yml, line 7 (questions[0].prompt): the text is blank (only spaces or empty lines). "
           "Fix: write the text, or remove the field if it is optional"),
    Broken("quiz: control character from an escape",
           edit(Q, "feedback: Mars is small.", 'feedback: "Mars is\\0 small."'),
           "quiz_data/planets.quiz.yml, line 15 (questions[0].options[1].feedback): the text holds an "
           "invisible control character (code 0x0000). Fix: remove the backslash escape that makes it"),
    Broken("quiz: a YAML tag", edit(Q, "title: Planets quiz", "title: !!python/name:os.system"),
           "quiz_data/planets.quiz.yml, line 3, column 8: a YAML tag (a word starting with '!') is not supported here. "
           "Fix: remove the tag, or put the whole value in quotes if the '!' belongs to the text"),
    Broken("quiz: two documents in one file", {Q: QUIZ + "---\n" + QUIZ},
           "quiz_data/planets.quiz.yml, line 18, column 1: the file holds a second YAML document after a '---' line. "
           "Fix: keep one quiz or flowchart per file: delete the '---' line and what follows, or move it to a file "
           "of its own"),
    Broken("quiz: a flowchart in a quiz file", {Q: CHART},
           "quiz_data/planets.quiz.yml, line 13 (nodes): this looks like a flowchart (it has "
           "nodes:), but the file name ends in .quiz.yml. Fix: rename the file to planets.flow.yml"),
    # --- flowchart files --------------------------------------------------------
    Broken("flowchart: Yes without quotes", edit(F, 'label: "Yes"', "label: Yes"),
           'quiz_data/plant.flow.yml, line 17 (nodes.wilting.answers[0].label): expected text, found true. '
           'Fix: put it in quotes, like label: "Yes"; without quotes YAML reads Yes as true'),
    Broken("flowchart: not YAML", edit(F, "title: Does my plant need help?", "title: 'Does my plant need help?"),
           re.compile(r"quiz_data/plant\.flow\.yml, line 39, column 1: this is not valid YAML \(.*\)\. Fix: check the "
                      r"indentation and quoting here; a value containing ': ' or starting with a symbol needs quotes")),
    Broken("flowchart: node id read as true/false", edit(F, "  fine:\n", "  no:\n"),
           "quiz_data/plant.flow.yml, line 32 (nodes): the key 'no' is not read as text. "
           "Fix: quote it, like 'no', or use a word"),
    Broken("flowchart: no nodes", {F: CHART[: CHART.index("nodes:")] + "nodes: {}\n"},
           "quiz_data/plant.flow.yml, line 13 (nodes): has 0 entries, needs at least 2. "
           "Fix: add question and outcome nodes, each under its own id"),
    Broken("flowchart: red flag leads too low",
           edit(F, "        next: repot\n        red_flag: true", "        next: fine\n        red_flag: true"),
           "quiz_data/plant.flow.yml, line 18 (nodes.wilting.answers[0].next): a red-flag "
           "answer ends below 'Urgent' on the path wilting [Yes] → fine (Self-care). "
           "Fix: lead 'Yes' to an outcome at 'Urgent' or higher"),
    Broken("flowchart: not sure leads too low",
           edit(F, "        next: repot\n        not_sure: true", "        next: fine\n        not_sure: true"),
           "quiz_data/plant.flow.yml, line 21 (nodes.wilting.answers[1].next): 'Not sure' can end lower than "
           "another answer to this question ('Urgent') on the path wilting [Not sure] → fine (Self-care). "
           "Fix: lead 'Not sure' where the most careful answer here leads"),
    Broken("flowchart: answer leads nowhere", edit(F, "        next: fine", "        next: fien"),
           "quiz_data/plant.flow.yml, line 24 (nodes.wilting.answers[2].next): the answer 'No' leads to "
           "'fien', which does not exist. Fix: did you mean 'fine'? use the id of a node under nodes:"),
    Broken("flowchart: start is missing", edit(F, "start: wilting", "start: wilt"),
           "quiz_data/plant.flow.yml, line 4 (start): the start node 'wilt' does not exist. "
           "Fix: did you mean 'wilting'? use the id of a node under nodes:"),
    Broken("flowchart: start is an outcome", edit(F, "start: wilting", "start: fine"),
           "quiz_data/plant.flow.yml, line 4 (start): the start node 'fine' is an outcome. Fix: start at a question"),
    Broken("flowchart: unreachable question",
           {F: CHART + "  spots:\n    question: Spots?\n    answers:\n      - label: \"Yes\"\n"
                       "        next: repot\n      - label: \"No\"\n        next: fine\n"},
           "quiz_data/plant.flow.yml, line 39 (nodes.spots): the node 'spots' cannot be "
           "reached from the start 'wilting'. Fix: lead an answer to 'spots', or delete it"),
    Broken("flowchart: answers loop", edit(F, "        next: fine", "        next: wilting"),
           "quiz_data/plant.flow.yml, line 14 (nodes.wilting): the answers loop: wilting → wilting. "
           "Fix: lead one of these answers to a later question or an outcome"),
    Broken("flowchart: a level the theme does not style",
           edit(
               F, "  - id: urgent\n", "  - id: ambulance\n",
               ("red_flag_minimum: urgent", "red_flag_minimum: ambulance"),
               ("    level: urgent", "    level: ambulance"),
           ),
           "quiz_data/plant.flow.yml, line 8 (levels[1].id): 'ambulance' is not a care level the theme styles. "
           "Fix: use ids from: self-care, routine, urgent, emergency (lowest first)"),
    Broken("flowchart: levels listed most urgent first",
           edit(
               F, "  - id: self-care\n    label: Self-care  # as the site names it; another name is refused\n"
                  "  - id: urgent\n    label: Urgent\n",
               "  - id: urgent\n    label: Urgent\n  - id: self-care\n    label: Self-care\n",
           ),
           "quiz_data/plant.flow.yml, line 5 (levels): the levels are listed most urgent first. "
           "Fix: list them from the lowest to the most urgent: self-care, urgent"),
    Broken("flowchart: a not-sure answer without its flag",
           edit(
               F, "      - label: Not sure\n        next: repot\n        not_sure: true\n",
               "      - label: I don't know\n        next: fine\n",
           ),
           "quiz_data/plant.flow.yml, line 20 (nodes.wilting.answers[1].label): the answer 'I don't "
           "know' reads as not sure, but has no not_sure: true, so it could lead somewhere less "
           "careful than the question's other answers. Fix: add not_sure: true to this answer"),
    Broken("flowchart: unknown care level", edit(F, "    level: urgent", "    level: urgnet"),
           "quiz_data/plant.flow.yml, line 26 (nodes.repot.level): 'urgnet' is not a care level of this flowchart. "
           "Fix: did you mean 'urgent'? use one of the levels: self-care, urgent"),
    Broken("flowchart: red-flag minimum unknown", edit(F, "red_flag_minimum: urgent", "red_flag_minimum: critical"),
           "quiz_data/plant.flow.yml, line 10 (red_flag_minimum): 'critical' is not a care level of this flowchart. "
           "Fix: use one of the levels: self-care, urgent"),
    Broken("flowchart: an emergency outcome and no emergency signs",
           edit(F, "emergency_signs: If the stem is black and soft, act at once.\n", "",
                ("  - id: urgent\n    label: Urgent\n",
                 "  - id: urgent\n    label: Urgent\n  - id: emergency\n"),
                ("    level: urgent", "    level: emergency")),
           "quiz_data/plant.flow.yml, line 2: the outcome 'repot' is an emergency, but emergency_signs is missing. "
           "Fix: add emergency_signs: with the signs that mean calling the emergency number, "
           "shown in every other outcome"),
    Broken("flowchart: outcome link to a missing section", edit(F, "links: [care.md#soil]", "links: [care.md#soils]"),
           "quiz_data/plant.flow.yml, line 31 (nodes.repot.links[0]): 'care.md' has no section '#soils'. "
           "Fix: did you mean '#soil'? its sections are: #care, #soil, #water"),
    Broken("flowchart: a node is both question and outcome",
           edit(F, "    level: urgent\n", "    level: urgent\n    question: Really?\n"),
           "quiz_data/plant.flow.yml, line 25 (nodes.repot): this node has both 'question' (a question) and "
           "'level' (an outcome) (1 more problem after this one). Fix: make it one or the other: a question "
           "leads on through its answers; an outcome has level:, action:, who:, when:, advice: and links:"),
    Broken("flowchart: a quiz in a flowchart file", {F: QUIZ.replace("id: planets", "id: plants")},
           "quiz_data/plant.flow.yml, line 4 (questions): this looks like a quiz (it has questions:), "
           "but the file name ends in .flow.yml. Fix: rename the file to plant.quiz.yml"),
    Broken("flowchart: a level named otherwise than the site names it",
           edit(F, "    label: Urgent", "    label: Repot today"),
           "quiz_data/plant.flow.yml, line 9 (levels[1].label): 'Repot today' is not the site's name for the level "
           "'urgent' ('Urgent'), so cards and this flowchart would call one level two things. Fix: delete this "
           "label: (the level is then 'Urgent'), or rename the level for the whole site in mkdocs.yml under "
           "extra.strings: levels: urgent:"),
    Broken("flowchart: two answers with one label", edit(F, 'label: "No"', 'label: "yes"'),
           "quiz_data/plant.flow.yml, line 23 (nodes.wilting.answers[2].label): the answer 'yes' "
           "appears twice in this question (first on line 17). Fix: give each answer its own label"),
    Broken("flowchart: red-flag minimum is the lowest level",
           edit(F, "red_flag_minimum: urgent", "red_flag_minimum: self-care"),
           "quiz_data/plant.flow.yml, line 10 (red_flag_minimum): 'self-care' is the lowest care level "
           "(the first under levels:), so a red-flag answer could end there. Fix: list the levels from "
           "the lowest to the most urgent, and set red_flag_minimum to one where the reader sees someone"),
    Broken("flowchart: blank outcome advice", edit(F, "advice: Keep going.", "advice: \"\\n\""),
           "quiz_data/plant.flow.yml, line 37 (nodes.fine.advice): the text is blank (only spaces or empty lines). "
           "Fix: write the text, or remove the field if it is optional"),
    # Folding (>-) joins a list's lines: Markdown would show one run-on paragraph.
    Broken("flowchart: folded advice list",
           edit(F, "advice: Keep going.", "advice: >-\n      Keep going:\n\n"
                                          "      - **Water:** weekly.\n      - **Light:** bright."),
           "quiz_data/plant.flow.yml, line 37 (nodes.fine.advice): the list items here run together on one line, "
           "because a folded block (>-) joins its lines. Fix: use | instead of >- so the lines stay apart"),
    Broken("flowchart: folded help with a heading",
           edit(F, "    question: Are the leaves wilting?\n", "    question: Are the leaves wilting?\n"
                                                              "    help: >\n      Look closely.\n"
                                                              "      ## Signs\n      Soft leaves.\n"),
           "quiz_data/plant.flow.yml, line 16 (nodes.wilting.help): a heading here runs on in one line with other "
           "text, because a folded block (>-) joins its lines. Fix: use | instead of >- so the lines stay apart"),
    # --- directives in pages ----------------------------------------------------
    Broken("directive: unknown quiz", edit("docs/sub/quiz.md", "quiz: planets", "quiz: planet"),
           "docs/sub/quiz.md, line 7: there is no quiz with the id 'planet'. "
           "Fix: did you mean 'planets'? known ids: planets"),
    Broken("directive: unknown flowchart", edit("docs/check.md", "flowchart: plant-check", "flowchart: plant-chek"),
           "docs/check.md, line 7: there is no flowchart with the id 'plant-chek'. "
           "Fix: did you mean 'plant-check'? known ids: plant-check"),
    Broken("directive: typed in a word processor",
           edit("docs/sub/quiz.md", "<!-- quiz: planets -->", "‹!— quiz: planets —>"),
           "docs/sub/quiz.md, line 7: '‹!— quiz: planets —>' is typed with look-alike characters ('—' "
           "(em dash), '‹' (single left-pointing angle quotation mark)), so it places nothing. Fix: type "
           "it again with plain characters: <!-- quiz: ID --> (a word processor turns -- into a dash)"),
    Broken("directive: a Cyrillic letter in the word",
           edit("docs/sub/quiz.md", "<!-- quiz: planets -->", "<!-- quіz: planets -->"),
           "docs/sub/quiz.md, line 7: '<!-- quіz: planets -->' is typed with look-alike characters "
           "('і' (cyrillic small letter byelorussian-ukrainian i)), so it places nothing. Fix: type it "
           "again with plain characters: <!-- quiz: ID --> (a word processor turns -- into a dash)"),
    Broken("directive: a Cyrillic letter in the id",
           edit("docs/sub/quiz.md", "<!-- quiz: planets -->", "<!-- quiz: plаnets -->"),
           "docs/sub/quiz.md, line 7: '<!-- quiz: plаnets -->' is typed with look-alike "
           "characters ('а' (cyrillic small letter a)), so it places nothing. Fix: type it again "
           "with plain characters: <!-- quiz: ID --> (a word processor turns -- into a dash)"),
    Broken("directive: fixed one with en dashes", edit("docs/words.md", "<!-- glossary -->", "<!–– glossary ––>"),
           "docs/words.md, line 7: '<!–– glossary ––>' is typed with look-alike characters "
           "('–' (en dash)), so it places nothing. Fix: type it again with plain "
           "characters: <!-- glossary --> (a word processor turns -- into a dash)"),
    Broken("directive: misshapen inside a snippet",
           {"docs/sub/quiz.md": "---\ndescription: Quiz.\n---\n\n# Quiz\n\n--8<-- \"place-quiz.md\"\n",
            "docs/snippets/place-quiz.md": "Try it.\n\n<!-- Quiz: planets -->\n"},
           "docs/snippets/place-quiz.md, line 3 (included by docs/sub/quiz.md): '<!-- Quiz: planets -->' looks "
           "like a quiz directive but is not in its form. Fix: write <!-- quiz: ID --> in lower case, with one id"),
    Broken("directive: placed twice through a snippet",
           {"docs/sub/quiz.md": "---\ndescription: Quiz.\n---\n\n# Quiz\n\n<!-- quiz: planets -->\n\n"
                                "--8<-- \"place-quiz.md\"\n",
            "docs/snippets/place-quiz.md": "Again.\n\n<!-- quiz: planets -->\n"},
           "docs/snippets/place-quiz.md, line 3 (included by docs/sub/quiz.md): the quiz "
           "'planets' is placed twice on this page. Fix: keep one of the two lines"),
    Broken("directive: quiz placed twice",
           edit("docs/sub/quiz.md", "<!-- quiz: planets -->\n",
                "<!-- quiz: planets -->\n\nMore.\n\n<!-- quiz: planets -->\n"),
           "docs/sub/quiz.md, line 11: the quiz 'planets' is placed twice on this page. "
           "Fix: keep one of the two lines"),
    Broken("directive: no id", edit("docs/sub/quiz.md", "quiz: planets", "quiz:"),
           "docs/sub/quiz.md, line 7: this quiz directive names no quiz. "
           "Fix: write <!-- quiz: ID --> with the id from the YAML file"),
    Broken("directive: capitalised", edit("docs/sub/quiz.md", "quiz: planets", "Quiz: planets"),
           "docs/sub/quiz.md, line 7: '<!-- Quiz: planets -->' looks like a quiz directive but is not in its form. "
           "Fix: write <!-- quiz: ID --> in lower case, with one id"),
    Broken("directive: colon left out", edit("docs/check.md", "flowchart: plant-check", "flowchart plant-check"),
           "docs/check.md, line 7: '<!-- flowchart plant-check -->' looks like a flowchart directive "
           "but is not in its form. Fix: write <!-- flowchart: ID --> in lower case, with one id"),
    Broken("directive: inside a paragraph",
           edit("docs/sub/quiz.md", "<!-- quiz: planets -->", "Try it: <!-- quiz: planets -->"),
           "docs/sub/quiz.md, line 7: the quiz directive '<!-- quiz: planets -->' is inside running text (a "
           "paragraph, heading or table). Fix: put it on a line of its own, with a blank line before and after"),
    Broken("directive: not closed", edit("docs/sub/quiz.md", "<!-- quiz: planets -->", "<!-- quiz: planets ->"),
           "docs/sub/quiz.md, line 7: '<!-- quiz: planets ->' is not closed with -->, so "
           "the page would show it as text. Fix: end it with -->, like <!-- quiz: ID -->"),
    Broken("directive: inside another comment",
           edit("docs/sub/quiz.md", "<!-- quiz: planets -->", "<!--\n<!-- quiz: planets -->\n-->"),
           "docs/sub/quiz.md, line 8: the quiz directive '<!-- quiz: planets -->' "
           "is inside another HTML comment, which it would break open. Fix: to hide "
           "the quiz, delete the directive line; HTML comments cannot be nested"),
    Broken("directive: print_hide names no widget",
           edit("docs/sub/quiz.md", "description: Quiz.\n", "description: Quiz.\nprint_hide: [quizz]\n"),
           "docs/sub/quiz.md, front matter print_hide: 'quizz' is not something that can be left off the printed page. "
           "Fix: use quiz or flowchart, e.g. print_hide: [quiz]"),
    Broken("directive: print_hide not a list",
           edit("docs/sub/quiz.md", "description: Quiz.\n", "description: Quiz.\nprint_hide: quiz\n"),
           "docs/sub/quiz.md, front matter print_hide: expected a list, found 'quiz'. "
           "Fix: write it as a list, e.g. print_hide: [quiz]"),
    Broken("directive: unknown care card level", edit("docs/index.md", "care-urgent", "care-urgnet"),
           "docs/index.md, line 7: unknown care level 'care-urgnet'. Fix: did you mean "
           "'care-urgent'? use one of: care-self-care, care-routine, care-urgent, care-emergency"),
    Broken("directive: care card without a title",
           edit("docs/index.md", '!!! care-urgent "Repot today"', "!!! care-urgent \"\""),
           "docs/index.md, line 7: a 'care-urgent' card has no title. Fix: give "
           "it its call to action in quotes, e.g. !!! care-urgent \"What to do\""),
    # --- pages, snippets and the site config ------------------------------------
    Broken("page: includes a missing snippet",
           {"docs/index.md": "---\ndescription: Home.\n---\n\n# Home\n\n--8<-- \"gone.md\"\n"},
           "docs/index.md, line 7: the snippet 'gone.md' is not in docs/snippets. "
           "Fix: restore gone.md there, or correct the name"),
    Broken("config: auto_append names a missing snippet", {},
           "mkdocs.yml, pymdownx.snippets auto_append: the snippet 'gone.md' is not in docs/snippets. "
           "Fix: restore gone.md there, or correct the name",
           config={"markdown_extensions": [
               "admonition", "attr_list", "toc", "abbr",
               {"pymdownx.snippets": {"base_path": ["docs/snippets"], "auto_append": ["gone.md"], "check_paths": True}},
           ]}),
    Broken("page: front matter value with a colon",
           {"docs/facts.md": "---\ndescription: Facts: sizes and more.\n---\n\n"
                             "# Facts\n\n## Sizes\n\nJupiter is big.\n"},
           'docs/facts.md, line 2, front matter: the front matter is not valid YAML '
           '(mapping values are not allowed here). Fix: quote a value that holds \': '
           '\' or starts with a symbol, e.g. description: "Tics: what they are"'),
    Broken("page: front matter that is a list",
           {"docs/facts.md": "---\n- description\n---\n\n# Facts\n\n## Sizes\n\nJupiter is big.\n"},
           "docs/facts.md, line 2, front matter: the front matter is not a list of key: value lines. "
           "Fix: write it as key: value lines, e.g. description: One sentence."),
    Broken("page: not UTF-8", {"docs/facts.md": b"---\ndescription: Facts.\n---\n\n# Caf\xe9 facts\n"},
           "docs/facts.md, line 5: this file is not UTF-8 text (byte 0xe9 cannot be read). "
           "Fix: save it with the UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)"),
    Broken("config: a page left out of nav", {},
           "docs/words.md: this page is not in nav, so no menu leads to it. Fix: add it "
           "under nav: in mkdocs.yml (e.g. - Title: words.md), or list it under not_in_nav:",
           warning=True, config={"nav": [*NAV, {"All": "all.md"}], "validation": {"nav": {"omitted_files": "warn"}}}),
    Broken("config: nav names a page that is not there", {},
           "mkdocs.yml, nav: 'word.md' is not a page in docs/ (renamed or deleted?). Fix: "
           "did you mean 'words.md'? correct the path under nav:, or restore the page",
           warning=True, config={"nav": [*NAV, {"All": "all.md"}, {"Words": "word.md"}], "not_in_nav": "words.md\n"}),
    Broken("config: unknown theme language", {},
           re.compile(r"mkdocs\.yml, theme\.language: 'klingon' is not a language Material for MkDocs knows\. "
                      r"Fix: use a code such as en, de, fr or es \(Material's list: af, .*\)"),
           config={"theme": {
               "name": "material", "custom_dir": f"{ROOT.as_posix()}/overrides", "font": False, "language": "klingon",
           }}),
    Broken("config: theme language in capitals", {},
           re.compile(r"mkdocs\.yml, theme\.language: 'DE' is not a language Material for MkDocs knows\. "
                      r"Fix: did you mean 'de'\? use a code .*"),
           config={"theme": {
               "name": "material", "custom_dir": f"{ROOT.as_posix()}/overrides", "font": False, "language": "DE",
           }}),
    Broken("config: theme colour read as a comment", {},
           'mkdocs.yml, extra.app.theme_color: expected text, found None (in YAML an unquoted # starts a comment). '
           'Fix: give it a quoted value, e.g. theme_color: "#4051b5"',
           config={"extra": {**FIXTURE_EXTRA, "app": {"theme_color": None}}}),
    Broken("config: theme colour not a colour", {},
           'mkdocs.yml, extra.app.theme_color: \'4051b5\' is not a colour. '
           'Fix: write it as a quoted hex colour, e.g. theme_color: "#4051b5"',
           config={"extra": {**FIXTURE_EXTRA, "app": {"theme_color": "4051b5"}}}),
    Broken("config: emergency number not quoted", {},
           'mkdocs.yml, extra.emergency_numbers[0].number: the number 999 is not quoted. Fix: quote it: number: "999"',
           config={"extra": {**FIXTURE_EXTRA, "emergency_numbers": [{"number": 999, "label": "UK"}]}}),
    Broken("directive: care card with only its type",
           edit("docs/index.md", '!!! care-urgent "Repot today"', "!!! care-urgent"),
           "docs/index.md, line 7: a 'care-urgent' card has no title. Fix: give "
           "it its call to action in quotes, e.g. !!! care-urgent \"What to do\""),
    Broken("directive: care card title without quotes",
           edit("docs/index.md", '!!! care-urgent "Repot today"', "!!! care-urgent Repot today"),
           "docs/index.md, line 7: the title of a 'care-urgent' card is not in quotes, so its "
           "words (repot today) are not shown. Fix: write !!! care-urgent \"Repot today\""),
    Broken("directive: care card with too many bullets",
           edit("docs/index.md", "    If the stem is soft.\n", "".join(f"    - Sign {n}.\n" for n in range(6))),
           "docs/index.md, line 7: a 'care-urgent' card has 6 bullets, more than 5. "
           "Fix: keep the 5 signs that matter most, or split the card in two"),
    Broken("directive: care card mistake inside a snippet",
           {"docs/index.md": "---\ndescription: Home.\n---\n\n# Home\n\n--8<-- \"cards.md\"\n",
            "docs/snippets/cards.md": "Read this.\n\n!!! care-urgnet \"Repot today\"\n\n    Text.\n"},
           "docs/snippets/cards.md, line 3 (included by docs/index.md): unknown care level 'care-urgnet'. Fix: "
           "did you mean 'care-urgent'? use one of: care-self-care, care-routine, care-urgent, care-emergency"),
    Broken("directive: glossary capitalised", edit("docs/words.md", "<!-- glossary -->", "<!-- Glossary -->"),
           "docs/words.md, line 7: '<!-- Glossary -->' looks like <!-- glossary --> but is not in its form. "
           "Fix: write it exactly as <!-- glossary -->"),
    Broken("directive: booklet inside another comment",
           edit("docs/all.md", "<!-- print-all -->", "<!-- draft\n<!-- print-all -->\n-->"),
           "docs/all.md, line 9: <!-- print-all --> is inside another HTML comment, which it would break open. "
           "Fix: to leave it out, delete the directive line; HTML comments cannot be nested"),
    Broken("directive: glossary twice",
           edit("docs/words.md", "<!-- glossary -->\n", "<!-- glossary -->\n\n<!-- glossary -->\n"),
           "docs/words.md, line 7: the glossary is placed twice. Fix: keep one <!-- glossary --> line"),
    Broken("directive: glossary term defined twice",
           edit("docs/snippets/terms.md", "\n", "\n*[stem]: Stem: a stalk.\n"),
           "docs/snippets/terms.md, line 2: 'Stem' is defined twice, differently. "
           "Fix: give every spelling of 'Stem' the same definition"),
    Broken("directive: booklet without pages", edit("docs/all.md", "print_all: [facts.md, care.md]\n", ""),
           "docs/all.md: <!-- print-all --> has no pages to gather. Fix: list "
           "them in front matter, e.g. print_all: [first.md, second.md]"),
    Broken("directive: booklet lists a page twice",
           edit("docs/all.md", "print_all: [facts.md, care.md]", "print_all: [facts.md, care.md, facts.md]"),
           "docs/all.md, front matter print_all: 'facts.md' is listed twice. Fix: list each page once"),
    Broken("directive: booklet names a missing page", edit("docs/all.md", "care.md]", "caer.md]"),
           "docs/all.md, front matter print_all: 'caer.md' is not another page of the site. "
           "Fix: use the path of a page inside docs/"),
]


def build(fixture_site: Build, case: Broken) -> BuildResult:
    """SITE with the case's changes, built strictly."""
    return build_whole_site(fixture_site, case.changes, **(case.config or {}))


def test_the_unbroken_site_builds_clean(fixture_site: Build) -> None:
    result = build(fixture_site, Broken("none", {}, ""))
    assert not result.aborted, result.errors
    assert result.warnings == []


def test_the_corpus_is_big_enough() -> None:
    names = [case.name for case in CORPUS]
    assert len(set(names)) == len(names) >= 25
    assert {name.split(":")[0] for name in names} == {"quiz", "flowchart", "directive", "page", "config"}


@pytest.mark.parametrize("case", CORPUS, ids=[case.name for case in CORPUS])
def test_broken_input_stops_the_build_with_its_message(fixture_site: Build, case: Broken) -> None:
    result = build(fixture_site, case)
    assert result.aborted
    if case.warning:
        assert result.errors == [STRICT_ABORT]
        assert len(result.warnings) == 1, result.warnings
        message = result.warnings[0]
    else:
        assert result.warnings == []
        # MkDocs names the page it was reading, on a line of its own, before our message.
        *context, message, last = result.errors
        assert last == BUILD_ERROR
        assert len(context) <= 1, context
        assert all(re.fullmatch(r"Error reading page '[^']+':", line) for line in context), context
    if isinstance(case.expected, re.Pattern):
        assert case.expected.fullmatch(message), message
    else:
        assert message == case.expected
    assert "Traceback" not in message
    left = [p for p in result.site_dir.rglob("*") if p.is_file()]
    assert left == [], "a failed build leaves no file in site/"


COMMAND_LINE = [
    case for case in CORPUS
    if case.name in {"quiz: no correct option", "flowchart: red flag leads too low", "quiz: not placed on any page"}
]


@pytest.mark.parametrize("case", COMMAND_LINE, ids=[case.name for case in COMMAND_LINE])
def test_mkdocs_build_shows_the_message_and_no_traceback(fixture_site: Build, tmp_path: Path, case: Broken) -> None:
    build(fixture_site, case)  # writes the project into tmp_path
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "mkdocs.yml")],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=120,
    )
    assert run.returncode == 1
    assert case.expected in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert [p for p in (tmp_path / "site").rglob("*") if p.is_file()] == []
