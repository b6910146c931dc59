"""Flowcharts in tiny sites: another topic builds; an unsafe tree stops the build."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from support.sitebuild import BuildResult

Build = Callable[..., BuildResult]

# A different subject entirely: the hooks must not care.
CHART = """\
# yaml-language-server: $schema=../hooks/schemas/flowchart.schema.json
id: plant-check
title: Does my plant need help?
start: wilting
levels:
  - id: self-care
    label: Water and wait
  - id: urgent
    label: Repot today
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
PAGE = "---\ndescription: Check.\n---\n\n# Check\n\n<!-- flowchart: plant-check -->\n"


def site(fixture_site: Build, chart: str = CHART, page: str = PAGE) -> BuildResult:
    return fixture_site(
        {"index.md": "---\ndescription: Home.\n---\n\n# Home\n", "care.md": CARE, "check.md": page},
        {"plant.flow.yml": chart},
    )


def test_another_topic_builds_into_a_working_flowchart(fixture_site: Build) -> None:
    result = site(fixture_site)
    assert not result.aborted, result.errors
    assert result.warnings == []
    page = BeautifulSoup(result.html("check.html"), "html.parser")
    flow = page.select_one("section.flow#flow-plant-check")
    assert flow.select_one("svg title").get_text() == "Flowchart: Does my plant need help?"
    assert flow.select_one('.flow-outcome[data-node="repot"] .flow-outcome__more a')["href"] == "care.html#soil"
    assert page.select_one('script[src="assets/javascripts/flowchart.js"]')
    assert "flowchart.js" not in result.html("care.html")


BROKEN = [
    (
        "unsafe red flag",
        CHART.replace("        next: repot\n        red_flag: true", "        next: fine\n        red_flag: true"),
        PAGE,
        "quiz_data/plant.flow.yml, line 18 (nodes.wilting.answers[0].next): a red-flag answer ends below 'Repot today' "
        "on the path wilting [Yes] → fine (Water and wait). Fix: lead 'Yes' to an outcome at 'Repot today' or higher",
    ),
    (
        "unsafe not sure",
        CHART.replace("        next: repot\n        not_sure: true", "        next: fine\n        not_sure: true"),
        PAGE,
        "quiz_data/plant.flow.yml, line 21 (nodes.wilting.answers[1].next): 'Not sure' can end lower than another answer "
        "to this question ('Repot today') on the path wilting [Not sure] → fine (Water and wait). "
        "Fix: lead 'Not sure' where the most careful answer here leads",
    ),
    (
        "missing anchor",
        CHART.replace("links: [care.md#soil]", "links: [care.md#soils]"),
        PAGE,
        "quiz_data/plant.flow.yml, line 31 (nodes.repot.links[0]): 'care.md' has no section '#soils'. "
        "Fix: did you mean '#soil'? its sections are: #care, #soil, #water",
    ),
    (
        "unknown flowchart",
        CHART,
        PAGE.replace("plant-check", "plant-chek"),
        "docs/check.md, line 7: there is no flowchart with the id 'plant-chek'. Fix: did you mean 'plant-check'? known ids: plant-check",
    ),
]


@pytest.mark.parametrize(("chart", "page", "message"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_flowcharts_stop_the_build(fixture_site: Build, chart: str, page: str, message: str) -> None:
    result = site(fixture_site, chart, page)
    assert result.aborted
    assert message in result.errors
    assert not list(result.site_dir.rglob("*.html")), "a failed build writes no page"
