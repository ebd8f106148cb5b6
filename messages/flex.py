"""Small builders of Flex Message parts (plain dicts in the Messaging API's JSON shape)."""

from __future__ import annotations

import json
from typing import Any

ALT_TEXT_LIMIT = 400  # LINE allows 1,500; the notification preview shows far less
CAROUSEL_BYTES = 48_000  # LINE refuses a carousel over 50 KB of JSON; keep a margin
CAROUSEL_BUBBLES = 12
GREEN, BLUE, GREY, LIGHT, RED = "#2E7D32", "#1565C0", "#6B7280", "#E5E7EB", "#C62828"


def flex_message(
    alt_text: str, contents: dict[str, Any], quick_replies: list[dict] | None = None
) -> dict[str, Any]:
    """Wrap a bubble or carousel as a message, with quick replies when given."""
    message: dict[str, Any] = {
        "type": "flex",
        "altText": alt_text[:ALT_TEXT_LIMIT],
        "contents": contents,
    }
    if quick_replies:
        message["quickReply"] = {"items": quick_replies}
    return message


def bubble(body: list[dict], header: list[dict] | None = None, footer: list[dict] | None = None):
    """Build a bubble from lists of components (header and footer optional)."""
    result: dict[str, Any] = {"type": "bubble", "size": "mega"}
    if header:
        result["header"] = box(header, paddingBottom="sm")
    result["body"] = box(body, spacing="sm")
    if footer:
        result["footer"] = box(footer, spacing="sm")
    return result


def carousel(bubbles: list[dict]) -> dict[str, Any]:
    return {"type": "carousel", "contents": bubbles}


def pack(bubbles: list[dict]) -> list[dict[str, Any]]:
    """Group bubbles into as few containers as LINE allows (≤ 12 bubbles, ≤ 50 KB each)."""
    groups: list[list[dict]] = []
    size = 0
    for item in bubbles:
        item_size = _size(item)
        if not groups or len(groups[-1]) == CAROUSEL_BUBBLES or size + item_size > CAROUSEL_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(item)
        size += item_size + 1
    return [group[0] if len(group) == 1 else carousel(group) for group in groups]


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def box(contents: list[dict], layout: str = "vertical", **props: Any) -> dict[str, Any]:
    return {"type": "box", "layout": layout, "contents": contents, **props}


def words(text: str, **props: Any) -> dict[str, Any]:
    """A wrapping text component (an empty text is refused by LINE: shown as a dash)."""
    return {"type": "text", "text": text or "-", "wrap": True, **props}


def heading(text: str, **props: Any) -> dict[str, Any]:
    return words(text, weight="bold", size="lg", **props)


def small(text: str, **props: Any) -> dict[str, Any]:
    return words(text, size="xs", color=GREY, **props)


def separator() -> dict[str, Any]:
    return {"type": "separator", "margin": "md"}


def bar(value: float, high: float, color: str = GREEN, height: str = "8px") -> dict[str, Any]:
    """A horizontal bar filled to value/high (0 to 100 %)."""
    percent = max(0, min(100, round(100 * value / high))) if high else 0
    filled = box([{"type": "filler"}], width=f"{percent}%", height=height, backgroundColor=color)
    return box([filled], height=height, backgroundColor=LIGHT, cornerRadius="xs")
