"""An activity being logged, as the flow keeps it: which question is next, to and from the tables."""

from __future__ import annotations

from datetime import date
from typing import Any

from handlers.activities.readers import LineParts
from storage.activities import Details
from storage.models.activities import Activity


def next_step(data: dict[str, Any]) -> str:
    """Name the first question still unanswered; the card when everything is known."""
    if not data.get("title"):
        return "title"
    if not data.get("held_on"):
        return "date"
    if not (data.get("online") or data.get("place")):
        return "place"
    if not data.get("participants"):
        return "participants"
    if not data.get("criteria"):
        return "criteria"
    if "photos" not in data:  # photos are optional, but asked for once
        return "photos"
    return "review"


def apply_line(data: dict[str, Any], parts: LineParts) -> None:
    """Fill in what one typed line said (the title aside), keeping what it did not say."""
    if parts.held_on is not None:
        data["held_on"] = parts.held_on.isoformat()
        data.pop("date_note", None)
    elif parts.refused is not None:
        key, day = parts.refused
        data["date_note"] = [key, day.isoformat()]
    if parts.online:
        data["online"], data["place"] = True, None
    elif parts.place:
        data["online"], data["place"] = False, parts.place
    if parts.participants:
        data["participants"] = parts.participants
    if parts.criteria:
        data["criteria"] = parts.criteria


def to_details(data: dict[str, Any]) -> Details:
    """Turn a finished draft into what the repository stores."""
    return Details(
        title=data["title"],
        held_on=date.fromisoformat(data["held_on"]),
        online=bool(data.get("online")),
        place=data.get("place"),
        participants=int(data["participants"]),
        criteria=tuple(int(n) for n in data["criteria"]),
        photos=tuple(data.get("photos") or ()),
    )


def from_activity(activity: Activity) -> dict[str, Any]:
    """Turn a stored activity into a draft to edit (the card shows it at once)."""
    return {
        "activity_id": activity.id,
        "reviewed": True,
        "title": activity.title,
        "held_on": activity.held_on.isoformat(),
        "online": activity.online,
        "place": activity.place,
        "participants": activity.participants,
        "criteria": activity.criteria,
        "photos": [
            {"path": p.path, "content_type": p.content_type, "size": p.size}
            for p in activity.photos
        ],
    }
