"""Property tests on whole builds: randomly broken data either builds a working site or stops it cleanly."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.sitebuild import BuildResult
from support.topics import CHART, QUIZ, build_whole_site
from support.yaml_fuzz import broken_data, broken_text

Build = Callable[..., BuildResult]

# Our messages name a file under quiz_data/ or docs/, the problem and the fix;
# the rest are MkDocs' own framing lines.
OURS = re.compile(r"(quiz_data|docs)/[^\n]+: [^\n]+\. Fix: [^\n]+")
FRAMING = re.compile(
    r"Error reading page '[^']+':|Aborted with a BuildError!|Aborted with \d+ warnings in strict mode!",
)

# fixture_site reuses one folder, and every example writes the same file names,
# so nothing of one example leaks into the next: a good build starts by
# cleaning site/, and a failed one empties it (hooks/failed_build_hook.py),
# even when it fails before MkDocs' own clean.
BUILDS = settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])


def built_or_stopped_cleanly(result: BuildResult) -> None:
    """A full site with no complaint, or our message, no traceback, and an empty site/."""
    if not result.aborted:
        assert result.warnings == [] and result.errors == []
        assert (result.site_dir / "sub/quiz.html").is_file() and (result.site_dir / "check.html").is_file()
        return
    lines = result.errors + result.warnings
    assert any(OURS.fullmatch(line) for line in lines), lines
    assert all(OURS.fullmatch(line) or FRAMING.fullmatch(line) for line in lines), lines
    assert [p for p in result.site_dir.rglob("*") if p.is_file()] == [], "a failed build leaves no file in site/"


# Bytes skip the fixture's dedent, which would change what the YAML means.
@BUILDS
@given(st.one_of(broken_data(QUIZ), broken_text(QUIZ)))
def test_a_randomly_broken_quiz(fixture_site: Build, text: str) -> None:
    built_or_stopped_cleanly(build_whole_site(fixture_site, {"quiz_data/planets.quiz.yml": text.encode()}))


@BUILDS
@given(st.one_of(broken_data(CHART), broken_text(CHART)))
def test_a_randomly_broken_flowchart(fixture_site: Build, text: str) -> None:
    built_or_stopped_cleanly(build_whole_site(fixture_site, {"quiz_data/plant.flow.yml": text.encode()}))
