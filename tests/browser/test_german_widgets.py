"""The scripts speak the page's language: their words come from the page, plurals by Intl.PluralRules."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from support.browser import serve
from support.german_site import german_site
from support.sitebuild import BuildResult

CURRENT = ".quiz-question:not([hidden])"


@pytest.fixture
def german(browser: Browser, fixture_site: Callable[..., BuildResult]) -> Iterator[tuple[Page, str]]:
    result = german_site(fixture_site)
    assert not result.aborted, result.errors
    with serve(result.site_dir) as url:
        context = browser.new_context(viewport={"width": 1024, "height": 800})
        context.set_default_timeout(10_000)
        yield context.new_page(), url
        context.close()


def answer(page: Page, *labels: str) -> None:
    for label in labels:
        page.locator(f"{CURRENT} label").get_by_text(label, exact=True).click()
    page.locator(f'{CURRENT} [data-quiz-action="check"]').click()


def test_the_quiz_speaks_german(german: tuple[Page, str]) -> None:
    page, url = german
    page.goto(url + "quiz.html")
    status = page.locator(".quiz__status")
    expect(page.locator(f"{CURRENT} .quiz-question__title")).to_have_text("Frage 1 von 3")
    page.locator(f'{CURRENT} [data-quiz-action="check"]').click()
    expect(status).to_have_text("Fehler: Wählen Sie eine Antwort und prüfen Sie sie dann.")
    answer(page, "Selten")
    expect(page.locator(f"{CURRENT} .quiz-answer__verdict")).to_have_text("Richtig!")
    expect(page.locator(f"{CURRENT} .quiz-option__mark").first).to_have_text("✓ Ihre Antwort: richtig")
    expect(status).to_have_text("Richtig! Bisher richtig: 1 von 1.")
    page.locator(f'{CURRENT} [data-quiz-action="next"]').click()
    answer(page, "Laute Musik")
    expect(status).to_have_text("Nicht ganz. Die Antwort lautet: Licht, Nährstoffe. Bisher richtig: 1 von 2.")
    page.locator(f'{CURRENT} [data-quiz-action="next"]').click()
    answer(page, "Stimmt")
    expect(page.locator(f'{CURRENT} [data-quiz-action="next"]')).to_have_text("Mein Ergebnis anzeigen")
    page.locator(f'{CURRENT} [data-quiz-action="next"]').click()
    expect(page.locator(".quiz__score")).to_have_text("Sie haben 2 von 3 Fragen richtig beantwortet.")
    expect(page.locator(".quiz__breakdown tbody td").nth(1)).to_have_text("2 von 3")
    expect(page.locator(".quiz__breakdown tbody a")).to_have_text("Wiederholen Pflege")
    page.locator('[data-quiz-action="retry"]').click()
    # One question left: German's "one" form, picked by Intl.PluralRules("de").
    expect(status).to_have_text("Noch einmal: 1 Frage.")
    answer(page, "Licht", "Nährstoffe")
    page.locator(f'{CURRENT} [data-quiz-action="next"]').click()
    page.locator('.quiz__results [data-quiz-action="restart"]').click()
    expect(status).to_have_text("Das Quiz beginnt von vorn.")


def test_the_flowchart_and_the_offline_notice_speak_german(german: tuple[Page, str]) -> None:
    page, url = german
    page.goto(url + "hilfe.html")
    expect(page.locator(".offline-note")).to_contain_text("Offline verfügbar: Diese Website funktioniert jetzt")
    expect(page.locator(".offline-note__close")).to_have_attribute("aria-label", "Schließen")
    page.goto(url + "offline.html")
    expect(page.locator(".offline-keep").get_by_role("status")).to_have_text(
        "Die ganze Website ist auf diesem Gerät: Alle Seiten und die Suche funktionieren ohne Internetverbindung."
    )
    page.goto(url + "hilfe.html")
    page.locator(".flow-step:not([hidden]) label", has_text="Nein").click()
    page.locator('[data-flow-action="continue"]').click()
    expect(page.locator(".flow__status")).to_have_text("Ergebnis: Gießen und abwarten: Gießen Sie einmal pro Woche")
    summary = "Hängen die Blätter? Nein Ändern Ihre Antwort auf: Hängen die Blätter?"
    expect(page.locator(".flow__summary li")).to_have_text(summary)


def test_a_german_page_prints_in_german(german: tuple[Page, str]) -> None:
    import io

    from pypdf import PdfReader

    page, url = german
    page.goto(url + "hilfe.html")
    page.emulate_media(media="print")
    sheets = [sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]
    text = "\n".join(sheets)
    # The sheet's footer, the review box and the flowchart's text version, all in German.
    assert f"Seite 1 von {len(sheets)}" in text and "Page 1 of" not in text
    assert "Zuletzt geprüft" in text and "1. März 2025" in text
    assert "Last reviewed" not in text and "Who:" not in text
