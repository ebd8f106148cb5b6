"""The review card of a reflection: every answer in full, the criteria and the activity."""

from __future__ import annotations

from typing import Any

from messages.catalog import text
from messages.flex import BLUE, bubble, flex_message, heading, separator, small, words

PARTS = ("set_out", "happened", "worked", "obstacles", "lesson")


def review_card(
    answers: dict[str, Any],
    criteria_labels: list[str],
    language: str,
    *,
    activity: str | None = None,
    trimmed: tuple[str, ...] = (),
    limit: int = 1000,
) -> dict[str, Any]:
    """Build the Flex message showing a reflection before it is saved."""
    body: list[dict] = []
    if activity:
        body += [_label(text("reflect.part.activity", language)), words(activity, size="sm")]
    for part in PARTS:
        if body:
            body.append(separator())
        body.append(_label(text(f"reflect.part.{part}", language)))
        body.append(words(answers.get(part) or text("reflect.none", language), size="sm"))
        if part in trimmed:
            body.append(small(text("reflect.was_trimmed", language, limit=f"{limit:,}")))
    chosen = ", ".join(criteria_labels) or text("reflect.none", language)
    body += [separator(), _label(text("reflect.part.criteria", language)), words(chosen, size="sm")]
    title = text("reflect.review_title", language)
    card = bubble(body, header=[heading(title, color=BLUE)])
    return flex_message(f"{title}: {text('reflect.review_hint', language)}", card)


def _label(value: str) -> dict[str, Any]:
    return words(value, weight="bold", size="sm", margin="md")
