"""Flowcharts in tiny sites: another topic builds (broken ones: test_broken_inputs)."""

from __future__ import annotations

import json
from collections.abc import Callable

from bs4 import BeautifulSoup

from support.sitebuild import BuildResult
from support.topics import CARE, CHART, FLOW_PAGE

Build = Callable[..., BuildResult]


def site(fixture_site: Build, chart: str = CHART, page: str = FLOW_PAGE) -> BuildResult:
    return fixture_site(
        {"index.md": "---\ndescription: Home.\n---\n\n# Home\n", "care.md": CARE, "check.md": page},
        {"plant.flow.yml": chart},
    )


def test_another_topic_builds_into_a_working_flowchart(fixture_site_once: Build) -> None:
    result = site(fixture_site_once)
    assert not result.aborted, result.errors
    assert result.warnings == []
    page = BeautifulSoup(result.html("check.html"), "html.parser")
    flow = page.select_one("section.flow#flow-plant-check")
    assert flow.select_one("svg title").get_text() == "Flowchart: Does my plant need help?"
    assert flow.select_one('.flow-outcome[data-node="repot"] .flow-outcome__more a')["href"] == "care.html#soil"
    assert page.select_one('script[src^="assets/javascripts/flowchart.js?v="]')
    assert "flowchart.js" not in result.html("care.html")


# The plant chart with an emergency level, which gets the site's call buttons.
EMERGENCY_CHART = (
    CHART.replace("  - id: urgent\n    label: Urgent\n", "  - id: urgent\n    label: Urgent\n"
                                                         "  - id: emergency\n")
    .replace("    level: urgent\n", "    level: emergency\n")
)
EXTRA = {
    "disclaimer": "General information, not advice.",
    "review": {"last_reviewed": "2026-01-15", "next_review_due": "2027-01-15"},
}


def test_the_emergency_outcome_gets_the_configured_call_buttons(fixture_site: Build) -> None:
    result = fixture_site(
        {"index.md": "---\ndescription: Home.\n---\n\n# Home\n", "care.md": CARE, "check.md": FLOW_PAGE},
        {"plant.flow.yml": EMERGENCY_CHART},
        extra={**EXTRA, "emergency_numbers": [{"number": "112", "label": "EU"}]},
    )
    assert not result.aborted, result.errors
    page = BeautifulSoup(result.html("check.html"), "html.parser")
    card = page.select_one('.flow-outcome[data-node="repot"] .care-card')
    assert [a["href"] for a in card.select(".flow-outcome__call a.call-button")] == ["tel:112"]
    assert not page.select('.flow-outcome[data-node="fine"] .call-button')


def test_bad_emergency_numbers_stop_the_build_with_the_fix(fixture_site: Build) -> None:
    result = fixture_site(
        {"index.md": "---\ndescription: Home.\n---\n\n# Home\n", "care.md": CARE, "check.md": FLOW_PAGE},
        {"plant.flow.yml": EMERGENCY_CHART},
        extra={**EXTRA, "emergency_numbers": [{"number": 112, "label": "EU"}]},
    )
    assert result.aborted
    assert (
        'mkdocs.yml, extra.emergency_numbers[0].number: the number 112 is not quoted. Fix: quote it: number: "112"'
        in result.errors
    )
    assert not any("Traceback" in error for error in result.errors)


def test_search_indexes_the_questions_once_and_no_buttons(fixture_site_once: Build) -> None:
    result = site(fixture_site_once)
    docs = json.loads(result.html("search/search_index.json"))["docs"]
    text = " ".join(doc["text"] for doc in docs if doc["location"].startswith("check.html"))
    assert text.count("Are the leaves wilting?") == 1  # from the text version, not the wizard too
    for interface in ("Continue", "Start again", "Your answers so far", "This is general advice."):
        assert interface not in text
    assert "Use fresh soil." in text  # an outcome's advice is still found
    assert not [doc for doc in docs if "-title" in doc["location"]], "no result points at a hidden wizard step"
