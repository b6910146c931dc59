"""Generated flowcharts far bigger than any author writes, as *.flow.yml text.

The safety and shape checks must stay linear in nodes and answers, so these
charts have thousands of questions, chains thousands deep, and branches that
merge until the number of paths has hundreds of digits. Each generator can
plant one safety mistake deep inside, to show the checks still find it.
"""

from __future__ import annotations

HEADER = """\
id: big
title: A generated flowchart
start: q1
levels:
  - id: self-care
    label: Self-care
  - id: routine
    label: Routine
  - id: urgent
    label: Urgent
  - id: emergency
    label: Emergency
red_flag_minimum: urgent
emergency_signs: Call for help.
not_a_diagnosis: Not a diagnosis.
nodes:
"""

# Each level's outcome (the node id is the level id): action, who, when.
OUTCOME_TEXT = {
    "self-care": ("Look after yourself at home", "You", "Now"),
    "routine": ("Book an appointment with your doctor", "Your doctor", "This week"),
    "urgent": ("Contact a doctor today", "A doctor", "Today"),
    "emergency": ("Call an ambulance now", "An ambulance", "Now"),
}


def _outcomes(*levels: str) -> str:
    """The outcome nodes a chart leads to; one it never reaches would be refused as unreachable."""
    return "".join(
        f"  {level}:\n    level: {level}\n    action: {action}\n    who: {who}\n    when: {when}\n"
        f"    advice: {action}.\n    links: [page.md#{level}]\n"
        for level in levels
        for action, who, when in [OUTCOME_TEXT[level]]
    )


def _question(number: int, answers: list[tuple[str, str, str]]) -> str:
    """q<number> with (label, next, flag line or '') answers."""
    lines = [f"  q{number}:\n    question: Question {number}?\n    answers:\n"]
    for label, target, flag in answers:
        lines.append(f'      - label: "{label}"\n        next: {target}\n')
        if flag:
            lines.append(f"        {flag}: true\n")
    return "".join(lines)


def issue_chart(
    questions: int = 5000, *, red_flag_low_at: int | None = None, not_sure_low_at: int | None = None
) -> str:
    """The issue's chart: at each question "Yes" and "I'm not sure" end urgent, "No" goes on.

    Every "Yes" and "I'm not sure" merges into one urgent outcome; the last
    "No" ends at self-care. red_flag_low_at leads that question's red-flag
    "Yes" to self-care; not_sure_low_at leads its "I'm not sure" there.
    """
    parts = [HEADER]
    for number in range(1, questions + 1):
        on = f"q{number + 1}" if number < questions else "self-care"
        parts.append(_question(number, [
            ("Yes", "self-care" if number == red_flag_low_at else "urgent", "red_flag"),
            ("I'm not sure", "self-care" if number == not_sure_low_at else "urgent", "not_sure"),
            ("No", on, ""),
        ]))
    parts.append(_outcomes("self-care", "urgent"))
    return "".join(parts)


def lattice_chart(
    questions: int = 5000, *, red_flag_on_at: int | None = None, not_sure_on_at: int | None = None
) -> str:
    """Heavy merging: each question's two "No" answers lead to the next two questions.

    The paths are counted like Fibonacci numbers (over 10^1000 for 5,000
    questions). "Yes" is a red flag and "I'm not sure" is not sure; both end
    at the emergency outcome. The last questions end at routine or
    self-care. red_flag_on_at leads that question's "Yes" on to the next
    question instead, from where self-care can be reached; not_sure_on_at
    does the same with its "I'm not sure".
    """

    def ahead(number: int) -> str:
        return f"q{number}" if number <= questions else ("routine" if number == questions + 1 else "self-care")

    parts = [HEADER]
    for number in range(1, questions + 1):
        parts.append(_question(number, [
            ("Yes", ahead(number + 1) if number == red_flag_on_at else "emergency", "red_flag"),
            ("I'm not sure", ahead(number + 1) if number == not_sure_on_at else "emergency", "not_sure"),
            ("No, on the left", ahead(number + 1), ""),
            ("No, on the right", ahead(number + 2), ""),
        ]))
    parts.append(_outcomes("self-care", "routine", "emergency"))
    return "".join(parts)


def deep_chain(questions: int = 5000) -> str:
    """One chain thousands deep: both answers of each question lead to the next.

    "Yes" is a red flag at every question, so every path passes a red flag
    and the chart is safe only because the end is urgent or worse.
    """
    parts = [HEADER]
    for number in range(1, questions + 1):
        last = number == questions
        parts.append(_question(number, [
            ("Yes", "emergency" if last else f"q{number + 1}", "red_flag"),
            ("No", "urgent" if last else f"q{number + 1}", ""),
        ]))
    parts.append(_outcomes("urgent", "emergency"))
    return "".join(parts)


def path_count_of_lattice(questions: int) -> int:
    """How many ways through lattice_chart(questions): for the docs and the bench."""
    # ways[k]: paths from q<k> to an outcome; the "Yes" and "I'm not sure" add two each.
    ways = {questions + 1: 1, questions + 2: 1}
    for number in range(questions, 0, -1):
        ways[number] = 2 + ways[number + 1] + ways[number + 2]
    return ways[1]
