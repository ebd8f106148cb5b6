"""A photo sent outside any conversation: offer to log an activity with it attached."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

from handlers.activities.photos import receive
from handlers.context import Context
from handlers.flow import Invalid
from messages.builders import say, text_message
from messages.catalog import text
from storage import conversations
from storage.models.activities import MAX_PHOTOS

FLOW = "log_activity"


def offer(message_id: str, ctx: Context) -> list[dict]:
    """Ask "บันทึกกิจกรรมพร้อมรูปนี้ไหมคะ?" with yes (keeps the photo's id) and no."""
    language = ctx.language
    items = [
        {"type": "action", "action": {
            "type": "postback", "label": text("understand.photo_yes", language),
            "data": f"cmd={FLOW}&photo={message_id}"[:300],
            "displayText": text("understand.photo_yes", language)}},
        {"type": "action", "action": {
            "type": "postback", "label": text("understand.photo_no", language),
            "data": "photo=no", "displayText": text("understand.photo_no", language)}},
    ]  # fmt: skip
    return [text_message(text("understand.photo_first", language), items)]


def photo_of(postback_data: str) -> str | None:
    """Return the photo id an offer's button carries ("no" when declined), or None."""
    return (parse_qs(postback_data or "").get("photo") or [None])[0]


def declined(ctx: Context) -> list[dict]:
    return [say("understand.photo_declined", ctx.language, menu=True)]


def attach(message_id: str, ctx: Context, started: list[dict]) -> list[dict]:
    """Add the photo to the activity log just started (or resumed); say so if it failed."""
    found = conversations.find(ctx.session, ctx.user_id, FLOW) if ctx.user_id else None
    if found is None:
        return started  # not registered yet: registering comes first, the photo waits in LINE
    data = json.loads(found.data)
    photos = list(data.get("photos") or [])
    if len(photos) >= MAX_PHOTOS:
        return started
    try:
        receive(ctx, message_id, photos)
    except Invalid as problem:
        return [text_message(text(problem.key, ctx.language, **problem.params)), *started]
    data["photos"] = photos
    found.data = json.dumps(data, ensure_ascii=False)
    return started
