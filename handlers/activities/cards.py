"""Flex messages of the activity log: the confirmation card and the "my activities" carousel."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from handlers.engine import choice
from handlers.parsing.thai_datetime import format_date
from messages.catalog import text
from storage.activities import EDIT_WINDOW, editable
from storage.models.activities import Activity

GREEN, GREY, DARK = "#1B5E20", "#8A8A8A", "#222222"
# The fields a member can change from the card, in the card's order.
FIELDS = ("title", "date", "place", "participants", "criteria", "photos")
# Characters of a lesson on a "my activities" page (ten pages must stay within LINE's 50 KB).
LESSON_SHOWN = 50


def criteria_names(numbers: list[int], language: str) -> str:
    """Return the short names of the criteria, one per line."""
    return "\n".join(text(f"criterion.{n}.short", language) for n in numbers) or "-"


def _text(body: str, **style: Any) -> dict[str, Any]:
    return {"type": "text", "text": body or "-", "wrap": True, **style}


def _row(label: str, value: str, button: dict[str, Any] | None = None) -> dict[str, Any]:
    fields = {
        "type": "box",
        "layout": "vertical",
        "flex": 5,
        "contents": [_text(label, size="xs", color=GREY), _text(value, size="sm", color=DARK)],
    }
    contents: list[dict[str, Any]] = [fields]
    if button is not None:
        contents.append(button)
    return {"type": "box", "layout": "horizontal", "spacing": "sm", "contents": contents}


def _button(action: dict[str, Any], style: str = "link", **extra: Any) -> dict[str, Any]:
    return {"type": "button", "style": style, "height": "sm", "action": action, **extra}


def field_values(data: dict[str, Any], language: str) -> dict[str, str]:
    """Return each field of an activity as the member reads it."""
    held_on = data.get("held_on")
    place = text("activity.online", language) if data.get("online") else data.get("place")
    photos = len(data.get("photos") or [])
    return {
        "title": data.get("title") or "-",
        "date": format_date(date.fromisoformat(held_on), language) if held_on else "-",
        "place": place or "-",
        "participants": text(
            "activity.participants_value", language, count=f"{data.get('participants') or 0:,}"
        ),  # fmt: skip
        "criteria": criteria_names(list(data.get("criteria") or []), language),
        "photos": text("activity.photos_value", language, count=photos)
        if photos
        else text("activity.no_photos", language),
    }


def confirmation_card(data: dict[str, Any], language: str, step: str) -> dict[str, Any]:
    """Build the card that shows a whole activity with an edit button per field and Save."""
    values = field_values(data, language)
    rows = []
    for name in FIELDS:
        label = text(f"activity.field.{name}", language)
        shown = text("activity.edit_field", language, field=label)
        edit = choice(text("activity.edit", language), step, f"edit_{name}", shown)["action"]
        rows.append(_row(label, values[name], _button(edit, flex=2, gravity="center")))
    heading = "activity.card_title_edit" if data.get("activity_id") else "activity.card_title"
    save = choice(text("activity.save", language), step, "save")["action"]
    bubble = {
        "type": "bubble",
        "header": {
            "type": "box",
            "layout": "vertical",
            "backgroundColor": "#E8F5E9",
            "contents": [_text(text(heading, language), weight="bold", size="lg", color=GREEN)],
        },
        "body": {"type": "box", "layout": "vertical", "spacing": "md", "contents": rows},
        "footer": {
            "type": "box",
            "layout": "vertical",
            "contents": [_button(save, style="primary", color=GREEN)],
        },
    }
    alt = text("activity.card_alt", language, title=values["title"])
    return {"type": "flex", "altText": alt, "contents": bubble}


def activity_bubble(
    activity: Activity, language: str, now: datetime, zone, lesson: str | None = None
) -> dict[str, Any]:
    """Build one page of "my activities": the activity, its lesson (or a button to write one),
    and edit/delete while still allowed."""
    data = {
        "title": activity.title,
        "held_on": activity.held_on.isoformat(),
        "online": activity.online,
        "place": activity.place,
        "participants": activity.participants,
        "criteria": activity.criteria,
        "photos": activity.photos,
    }
    values = field_values(data, language)
    rows = [
        _row(text(f"activity.field.{name}", language), values[name])
        for name in ("date", "place", "participants", "criteria", "photos")
    ]
    rows.append(_lesson_row(lesson, language))
    logged = format_date(activity.created_at.astimezone(zone).date(), language)
    rows.append(_text(text("activity.logged_on", language, date=logged), size="xxs", color=GREY))
    if editable(activity, now):
        until = format_date((activity.created_at + EDIT_WINDOW).astimezone(zone).date(), language)
        footer = [
            _text(text("activity.editable_until", language, date=until), size="xxs", color=GREY),
            {
                "type": "box",
                "layout": "horizontal",
                "spacing": "sm",
                "contents": [
                    _button(_command(language, "activity.edit", "activity_edit", activity),
                            style="secondary"),
                    _button(_command(language, "activity.delete", "activity_delete", activity),
                            style="secondary"),
                ],
            },
        ]  # fmt: skip
    else:
        footer = [_text(text("activity.locked", language), size="xxs", color=GREY)]
    if lesson is None:
        footer.append(_reflect_button(activity, language))  # after edit and delete: they keep 1, 2
    return {
        "type": "bubble",
        "header": {
            "type": "box",
            "layout": "vertical",
            "contents": [_text(activity.title, weight="bold", size="md", color=GREEN)],
        },
        "body": {"type": "box", "layout": "vertical", "spacing": "sm", "contents": rows},
        "footer": {"type": "box", "layout": "vertical", "spacing": "sm", "contents": footer},
    }


def _lesson_row(lesson: str | None, language: str) -> dict[str, Any]:
    if lesson is None:
        return _row(text("activity.field.lesson", language), text("activity.no_lesson", language))
    shown = lesson if len(lesson) <= LESSON_SHOWN else lesson[: LESSON_SHOWN - 1] + "…"
    return _row(text("activity.field.lesson", language), shown)


def _reflect_button(activity: Activity, language: str) -> dict[str, Any]:
    write = text("nudge.reflect_button", language)
    # No title in the text it shows: the reflection opens by naming the activity.
    action = {"type": "postback", "label": write, "data": f"cmd=reflect_on&activity={activity.id}",
              "displayText": write}  # fmt: skip
    return _button(action, style="primary", color=GREEN)


def _command(language: str, label_key: str, command: str, activity: Activity) -> dict[str, Any]:
    label = text(label_key, language)
    return {
        "type": "postback",
        "label": label,
        "data": f"cmd={command}&id={activity.id}",
        "displayText": f"{label} “{activity.title}”"[:300],
    }


def carousel(
    activities: list[Activity], language: str, now: datetime, zone, lessons: dict[int, str]
) -> dict[str, Any]:
    """Build the "my activities" carousel (LINE shows at most 12 pages; we send at most 10)."""
    bubbles = [activity_bubble(a, language, now, zone, lessons.get(a.id)) for a in activities]
    alt = text("activity.my_alt", language, count=len(bubbles))
    return {"type": "flex", "altText": alt, "contents": {"type": "carousel", "contents": bubbles}}
