"""Read what a member's event says: the answer a flow step reads, the command a postback names."""

from __future__ import annotations

from urllib.parse import parse_qs

from linebot.v3.webhooks import (
    Event,
    ImageMessageContent,
    PostbackEvent,
    StickerMessageContent,
    TextMessageContent,
)

from handlers.flow import Answer


def answer_of(event: Event) -> Answer:
    """Turn a message or postback into the answer a flow step reads."""
    if isinstance(event, PostbackEvent):
        fields = {k: v[0] for k, v in parse_qs(event.postback.data or "").items()}
        params = {k: v for k, v in (event.postback.params or {}).items() if isinstance(v, str)}
        kind = "datetime" if params else "choice"
        return Answer(kind, value=fields.get("v"), params=params, step=fields.get("s"))
    message = event.message
    if isinstance(message, TextMessageContent):
        return Answer("text", text=message.text)
    if isinstance(message, ImageMessageContent):
        return Answer("image", message_id=message.id)
    if isinstance(message, StickerMessageContent):
        return Answer("sticker")
    return Answer("other")


def postback_command(event: PostbackEvent) -> str:
    """Return the command a postback names (`cmd=`), or an empty string."""
    return (parse_qs(event.postback.data or "").get("cmd") or [""])[0]
