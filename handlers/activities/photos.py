"""Receive the photos members send during a log: download through the gateway, keep in the store."""

from __future__ import annotations

import json
import logging
from typing import Any

from handlers.activities.readers import DONE_WORDS, said, words
from handlers.context import Context
from handlers.engine import choice
from handlers.flow import Answer, FlowState, Invalid
from messages.builders import text_message
from messages.catalog import text
from storage import activities, conversations
from storage.erasure import unlink_after_commit
from storage.media import NotAnImage, TooLarge
from storage.models.activities import MAX_PHOTOS

log = logging.getLogger(__name__)
FLOW = "log_activity"
STEP = "photos"
NO_PHOTO_WORDS = DONE_WORDS | words("ไม่มีรูป", "no photos", "no photo")


def ask_photos(state: FlowState) -> list[dict]:
    """Ask for photos (camera, camera roll) or none; after each, say how many more may come."""
    language, count = state.language, len(state.data.get("photos") or [])
    items = []
    if count < MAX_PHOTOS:
        items += [
            {"type": "action", "action": {"type": "camera",
                                          "label": text("activity.camera", language)}},
            {"type": "action", "action": {"type": "cameraRoll",
                                          "label": text("activity.camera_roll", language)}},
        ]  # fmt: skip
    if count == 0:
        body = text("activity.ask_photos", language, most=MAX_PHOTOS)
        items.append(choice(text("activity.no_photos", language), STEP, "done"))
    else:
        body = (
            text("activity.photos_more", language, count=count, left=MAX_PHOTOS - count)
            if count < MAX_PHOTOS
            else text("activity.photos_at_most", language, most=MAX_PHOTOS)
        )
        items.append(choice(text("activity.done", language), STEP, "done"))
        items.append(choice(text("activity.clear_photos", language), STEP, "clear"))
    return [text_message(body, items)]


def read_photos(answer: Answer, state: FlowState) -> None:
    """Keep a photo (and stay for the next, up to five), clear them, or go on when done."""
    photos = list(state.data.get("photos") or [])
    if answer.kind == "image":
        receive(state.ctx, answer.message_id, photos)
        state.data["photos"] = photos
        state.data["_again"] = len(photos) < MAX_PHOTOS  # the fifth photo goes on to the card
        return
    if answer.kind == "choice" and answer.value == "clear":
        state.data.update(photos=[], _again=True)
        return
    if answer.kind == "choice" and answer.value == "done" or said(answer, NO_PHOTO_WORDS):
        return
    # Name only the buttons shown: ไม่มีรูป before the first photo, เสร็จ after it.
    raise Invalid("activity.photo_want_more" if photos else "activity.photo_want_image")


def receive(ctx: Context, message_id: str | None, photos: list[dict[str, Any]]) -> None:
    """Download the image, store it for the member and add it to `photos`; else raise Invalid."""
    if len(photos) >= MAX_PHOTOS:
        raise Invalid("activity.photos_full", most=MAX_PHOTOS)
    if ctx.gateway is None or ctx.media is None or ctx.member is None or not message_id:
        raise Invalid("activity.photo_failed")
    try:
        data = ctx.gateway.get_content(message_id)
    except Exception as exc:  # noqa: BLE001 - LINE may have dropped it or be down: ask again
        log.warning("photo download failed: %s", type(exc).__name__)
        raise Invalid("activity.photo_failed") from None
    try:
        stored = ctx.media.save_image(ctx.member.id, data)
    except NotAnImage:
        raise Invalid("activity.photo_not_image") from None
    except TooLarge:
        raise Invalid("activity.photo_too_big") from None
    photos.append(stored.as_dict())


def tidy(ctx: Context, *, keep_flow: bool) -> None:
    """Delete the member's files no activity refers to (and, if `keep_flow`, no log in progress).

    Called when a log starts afresh (whatever an abandoned one downloaded goes) and after a
    delete; `keep_flow` keeps the photos of the log the member is in the middle of.
    """
    if ctx.media is None or ctx.member is None:
        return
    keep = activities.photo_paths(ctx.session, ctx.member.id)
    if keep_flow and ctx.user_id:
        current = conversations.find(ctx.session, ctx.user_id, FLOW)
        if current is not None:
            keep |= {str(p.get("path")) for p in _photos_of(current.data)}
    # Only once the unit of work commits: a rolled-back delete keeps the photos its rows name.
    for relative in ctx.media.member_files(ctx.member.id) - keep:
        unlink_after_commit(ctx.session, ctx.media.path(relative))


def _photos_of(raw: str) -> list[dict[str, Any]]:
    try:
        return list(json.loads(raw or "{}").get("photos") or [])
    except (ValueError, AttributeError):
        return []
