"""Flex cards of five-criteria results: a member's feedback and a network's summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from messages.catalog import text
from messages.flex import (
    BLUE,
    GREEN,
    GREY,
    RED,
    bar,
    box,
    bubble,
    heading,
    separator,
    small,
    words,
)

HIGH = 5  # the top of the scale


@dataclass(frozen=True)
class Row:
    """One question on a card: its label, the member's score and change, the network median."""

    label: str
    score: int | None = None
    change: int | None = None  # None: nothing earlier to compare with
    median: float | None = None  # None: hidden (fewer than 5 answered) or not asked for


def _change(change: int | None, language: str) -> dict[str, Any]:
    if change is None:
        return words("–", size="xs", color=GREY, align="end", flex=1)
    if change == 0:
        return words(text("assess.same", language), size="xs", color=GREY, align="end", flex=1)
    arrow, color = ("▲", GREEN) if change > 0 else ("▼", RED)
    return words(f"{arrow}{abs(change)}", size="xs", color=color, align="end", flex=1)


def _member_row(row: Row, language: str) -> list[dict[str, Any]]:
    line = box(
        [
            words(row.label, size="sm", weight="bold", flex=5),
            words(f"{row.score}/{HIGH}", size="sm", align="end", flex=1),
            _change(row.change, language),
        ],
        layout="horizontal",
        margin="md",
    )
    parts = [line, bar(row.score or 0, HIGH)]
    if row.median is not None:
        parts += _median_line(row.median, language)
    return parts


def _median_line(median: float, language: str) -> list[dict[str, Any]]:
    label = text("assess.network_median", language)
    line = box(
        [small(label, flex=5), small(f"{median:g}", align="end", flex=2)], layout="horizontal"
    )
    return [line, bar(median, HIGH, BLUE, height="4px")]


def feedback_bubble(
    title: str, subtitle: str, rows: list[Row], notes: list[str], language: str
) -> dict[str, Any]:
    """A member's scores: a bar per question, the change since last time, the network median."""
    body: list[dict[str, Any]] = []
    for row in rows:
        body += _member_row(row, language)
    footer = [small(note) for note in notes]
    return bubble(body, header=[heading(title, color=GREEN), small(subtitle)], footer=footer)


def network_bubble(
    title: str, facts: list[str], rows: list[Row], notes: list[str], language: str
) -> dict[str, Any]:
    """A network's month in numbers and its medians (rows without a median say they are hidden)."""
    body: list[dict[str, Any]] = [words(fact, size="sm") for fact in facts]
    body.append(separator())
    for row in rows:
        body.append(words(row.label, size="sm", weight="bold", margin="md"))
        if row.median is None:
            body.append(small(text("assess.median_hidden", language)))
        else:
            body += _median_line(row.median, language)
    return bubble(body, header=[heading(title, color=BLUE)], footer=[small(n) for n in notes])
