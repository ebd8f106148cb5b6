"""Groups and rooms: is the bot being addressed (a keyword, or a mention of the bot itself)?"""

from __future__ import annotations

from linebot.v3.webhooks import TextMessageContent


def _self_mentions(message: TextMessageContent) -> list[tuple[int, int]]:
    mention = getattr(message, "mention", None)
    spans = []
    for mentionee in getattr(mention, "mentionees", None) or []:
        if getattr(mentionee, "is_self", False) and mentionee.index is not None:
            spans.append((mentionee.index, mentionee.length or 0))
    return spans


def read(message: TextMessageContent) -> tuple[str, bool]:
    """Return the text with mentions of the bot cut out, and whether the bot was mentioned."""
    spans = _self_mentions(message)
    text = message.text or ""
    if not spans:
        return text, False
    # LINE counts mention positions in UTF-16 code units (an emoji before it counts 2).
    units = text.encode("utf-16-le")
    for index, length in sorted(spans, reverse=True):
        units = units[: 2 * index] + units[2 * (index + length) :]
    return units.decode("utf-16-le", errors="ignore").strip(), True
