"""A small German site for language tests: every widget and page directive, in German."""

from __future__ import annotations

from collections.abc import Callable

from support.sitebuild import ROOT, BuildResult

THEME = {"name": "material", "custom_dir": f"{ROOT}/overrides", "font": False}

# A small German site: a quiz of every question type, a flowchart with an
# emergency outcome, the offline download and the QR code; reviewed in March,
# overdue since March, so the notice shows too (both months differ in English).
QUIZ = """\
id: pflanzen
title: Pflanzenquiz
questions:
  - id: giessen
    type: single
    prompt: Wie oft gießt man einen Kaktus?
    options:
      - id: selten
        text: Selten
        correct: true
        feedback: Kakteen mögen es trocken.
      - id: taeglich
        text: Täglich
        feedback: Das ist zu viel Wasser.
    explanation: Kakteen speichern Wasser.
    source: pflege.md#wasser
  - id: licht
    type: multiple
    prompt: Was brauchen die meisten Pflanzen?
    options:
      - id: sonne
        text: Licht
        correct: true
        feedback: Ohne Licht wachsen sie nicht.
      - id: erde
        text: Nährstoffe
        correct: true
        feedback: Die kommen aus der Erde.
      - id: musik
        text: Laute Musik
        feedback: Dafür gibt es keinen Beleg.
    explanation: Licht, Wasser und Nährstoffe.
    source: pflege.md#erde
  - id: umtopfen
    type: true-false
    prompt: Frische Erde hilft einer welken Pflanze.
    answer: true
    when_true: Oft ja.
    when_false: Doch, meistens hilft sie.
    explanation: Alte Erde ist oft ausgelaugt.
    source: pflege.md#erde
"""

CHART = """\
id: pflanze
title: Braucht meine Pflanze Hilfe?
start: welk
levels:
  - id: self-care
  - id: emergency
red_flag_minimum: emergency
emergency_signs: Ist der Stiel schwarz und weich, handeln Sie sofort.
not_a_diagnosis: Dies ist ein allgemeiner Rat.
nodes:
  welk:
    question: Hängen die Blätter?
    answers:
      - label: "Ja"
        next: umtopfen
        red_flag: true
      - label: Unsicher
        next: umtopfen
        not_sure: true
      - label: "Nein"
        next: gut
  umtopfen:
    level: emergency
    action: Topfen Sie die Pflanze um
    who: Sie selbst
    when: Heute
    advice: Nehmen Sie frische Erde.
    links: [pflege.md#erde]
  gut:
    level: self-care
    action: Gießen Sie einmal pro Woche
    who: Sie selbst
    when: Jede Woche
    advice: Weiter so.
    links: [pflege.md#wasser]
"""

PAGES = {
    "index.md": "---\ndescription: Start.\n---\n\n# Start\n\nWillkommen.\n",
    "pflege.md": "---\ndescription: Pflege.\n---\n\n# Pflege\n\n## Wasser\n\nWenig.\n\n## Erde\n\nFrisch.\n",
    "quiz.md": "---\ndescription: Quiz.\n---\n\n# Quiz\n\n<!-- quiz: pflanzen -->\n",
    "hilfe.md": "---\ndescription: Hilfe.\n---\n\n# Hilfe\n\n<!-- flowchart: pflanze -->\n",
    "offline.md": (
        "---\ndescription: Offline.\n---\n\n# Offline\n\n<!-- offline-keep -->\n\n<!-- offline-download -->\n\n"
        "<!-- site-qr -->\n"
    ),
}
EXTRA = {
    "disclaimer": "Allgemeine Informationen, keine Beratung.",
    "review": {"last_reviewed": "2025-03-01", "next_review_due": "2026-03-15"},
    "emergency_numbers": [{"number": "112", "label": "EU"}],
}
# The site names its care levels once, for its cards and its flowchart alike.
LEVELS = {"self-care": "Gießen und abwarten", "emergency": "Sofort handeln"}


def german_site(fixture_site: Callable[..., BuildResult], **extra: object) -> BuildResult:
    """The site built strictly with theme.language de; extra: keys added or replaced (strings: merged)."""
    strings = {"levels": LEVELS, **extra.pop("strings", {})}  # type: ignore[dict-item]
    return fixture_site(
        PAGES, {"pflanzen.quiz.yml": QUIZ, "pflanze.flow.yml": CHART},
        site_name="Pflanzenhilfe", site_url="https://example.org/pflanzen/",
        theme={**THEME, "language": "de"}, extra={**EXTRA, "strings": strings, **extra},
    )
