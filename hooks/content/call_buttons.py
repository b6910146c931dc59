"""Tap-to-call buttons for the emergency numbers set in mkdocs.yml (extra.emergency_numbers)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from loading.author_errors import AuthorError
from loading.schema_check import describe

CONFIG_FILE = "mkdocs.yml"
# Places the buttons anywhere in a page (the home page, a booklet's cover).
DIRECTIVE = "<!-- call-buttons -->"
CONFIG_KEY = "extra.emergency_numbers"

# What a phone dials: digits, with an optional leading + (no spaces in tel: URLs).
_DIALLABLE = re.compile(r"\+?[0-9]{2,15}")

_EXAMPLE = 'emergency_numbers: [{number: "999", label: "UK"}]'


@dataclass(frozen=True)
class EmergencyNumber:
    """One number a reader can call, and who it is for (a country or service)."""

    number: str
    label: str

    @property
    def href(self) -> str:
        """The tel: link a phone dials."""
        return "tel:" + self.number


def read_numbers(raw: object) -> tuple[EmergencyNumber, ...]:
    """The configured numbers, checked; none configured gives none."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise AuthorError(
            CONFIG_FILE, CONFIG_KEY, f"expected a list of numbers, found {describe(raw)}", f"write it as {_EXAMPLE}",
        )
    numbers = []
    for index, item in enumerate(raw):
        place = f"{CONFIG_KEY}[{index}]"
        if not isinstance(item, dict) or set(item) != {"number", "label"}:
            raise AuthorError(
                CONFIG_FILE, place, "each entry needs exactly a number and a label", f"write it as {_EXAMPLE}",
            )
        number, label = item["number"], item["label"]
        if not isinstance(number, str):
            # YAML reads 999 as an int and 0800 as octal-looking text; insist on quotes.
            raise AuthorError(
                CONFIG_FILE, f"{place}.number", f"the number {number!r} is not quoted", f'quote it: number: "{number}"',
            )
        if not _DIALLABLE.fullmatch(number):
            raise AuthorError(
                CONFIG_FILE, f"{place}.number", f"'{number}' is not a number a phone can dial",
                "use digits only, with an optional leading +, and no spaces (\"999\", \"+441234567890\")",
            )
        if not isinstance(label, str) or not label.strip():
            raise AuthorError(
                CONFIG_FILE, f"{place}.label", "the label is missing or not text",
                'say who the number is for: label: "UK"',
            )
        numbers.append(EmergencyNumber(number, label.strip()))
    seen = [n.number for n in numbers]
    for number in seen:
        if seen.count(number) > 1:
            raise AuthorError(
                CONFIG_FILE, CONFIG_KEY, f"'{number}' is listed twice",
                "list each number once, with all its places in one label",
            )
    return tuple(numbers)


def call_buttons_html(numbers: tuple[EmergencyNumber, ...], call: str = "Call {number}") -> str:
    """Large tel: buttons, one a number; empty when none are configured.

    `call` is the catalogue's call.button, its {number} filled in per button.
    """
    if not numbers:
        return ""
    items = "".join(
        f'<li><a class="md-button md-button--primary call-button" href="{html.escape(n.href)}">'
        f'{html.escape(call.format(number=n.number))}'
        f' <span class="call-button__label">({html.escape(n.label)})</span></a></li>'
        for n in numbers
    )
    return f'<ul class="call-buttons">{items}</ul>'
