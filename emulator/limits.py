"""Check LINE's documented limits that the OpenAPI schema does not express."""

from __future__ import annotations

import json
from typing import Any

from emulator.details import property_path

MAX_MESSAGES = 5
MAX_TEXT = 5000
MAX_QUICK_REPLY_ITEMS = 13
MAX_LABEL = 20
MAX_FLEX_LABEL = 40
MAX_IMAGE_CAROUSEL_LABEL = 12
MAX_POSTBACK_DATA = 300
MAX_DISPLAY_TEXT = 300
MAX_ACTION_TEXT = 300
MAX_URI = 1000
MAX_ALT_TEXT = 1500
MAX_URL = 2000
MAX_BUBBLE_BYTES = 30_000
MAX_CAROUSEL_BYTES = 50_000
MAX_CAROUSEL_BUBBLES = 12
MAX_MULTICAST = 500
MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_RICHMENU_IMAGE_BYTES = 1024 * 1024
MAX_RICHMENU_AREAS = 20

Path = tuple[Any, ...]
Details = list[dict[str, str]]


def utf16_len(text: str) -> int:
    """Count UTF-16 code units, as LINE does for text lengths (an emoji may count 2)."""
    return len(text.encode("utf-16-le")) // 2


def json_size(value: Any) -> int:
    """Return the size in bytes of `value` as compact UTF-8 JSON."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _detail(path: Path, message: str) -> dict[str, str]:
    return {"message": message, "property": property_path(path)}


def _length(out: Details, value: Any, path: Path, high: int, low: int = 0) -> None:
    if isinstance(value, str) and not low <= utf16_len(value) <= high:
        out.append(_detail(path, f"Length must be between {low} and {high}"))


def _size(out: Details, value: Any, path: Path, high: int, low: int = 0) -> None:
    if isinstance(value, list) and not low <= len(value) <= high:
        out.append(_detail(path, f"Size must be between {low} and {high}"))


def _https(out: Details, value: Any, path: Path) -> None:
    if isinstance(value, str):
        if not value.startswith("https://"):
            out.append(_detail(path, "must be a valid HTTPS URL"))
        _length(out, value, path, MAX_URL)


def check_action(action: Any, path: Path, label_max: int = MAX_LABEL) -> Details:
    """Check one action object (label, postback data, displayText, text, uri)."""
    out: Details = []
    if not isinstance(action, dict):
        return out
    _length(out, action.get("label"), (*path, "label"), label_max)
    kind = action.get("type")
    if kind in ("postback", "datetimepicker", "richmenuswitch"):
        _length(out, action.get("data"), (*path, "data"), MAX_POSTBACK_DATA)
    if kind == "postback":
        _length(out, action.get("displayText"), (*path, "displayText"), MAX_DISPLAY_TEXT)
        _length(out, action.get("text"), (*path, "text"), MAX_ACTION_TEXT)
    elif kind == "message":
        _length(out, action.get("text"), (*path, "text"), MAX_ACTION_TEXT, low=1)
        if "text" not in action:
            out.append(_detail((*path, "text"), "must be specified"))
    elif kind == "uri":
        _length(out, action.get("uri"), (*path, "uri"), MAX_URI, low=1)
    return out


def _walk_flex(node: Any, path: Path, out: Details) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "action" and isinstance(value, dict):
                out.extend(check_action(value, (*path, key), MAX_FLEX_LABEL))
            else:
                _walk_flex(value, (*path, key), out)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _walk_flex(value, (*path, index), out)


def _flex(contents: Any, path: Path, out: Details) -> None:
    if not isinstance(contents, dict):
        return
    if contents.get("type") == "carousel":
        bubbles = contents.get("contents")
        _size(out, bubbles, (*path, "contents"), MAX_CAROUSEL_BUBBLES, low=1)
        if json_size(contents) > MAX_CAROUSEL_BYTES:
            out.append(_detail(path, f"JSON size must be at most {MAX_CAROUSEL_BYTES} bytes"))
        for index, bubble in enumerate(bubbles if isinstance(bubbles, list) else []):
            if json_size(bubble) > MAX_BUBBLE_BYTES:
                where = (*path, "contents", index)
                out.append(_detail(where, f"JSON size must be at most {MAX_BUBBLE_BYTES} bytes"))
    elif json_size(contents) > MAX_BUBBLE_BYTES:
        out.append(_detail(path, f"JSON size must be at most {MAX_BUBBLE_BYTES} bytes"))
    _walk_flex(contents, path, out)


def _template(template: Any, path: Path, out: Details) -> None:
    if not isinstance(template, dict):
        return
    kind = template.get("type")
    if kind == "buttons":
        short = "thumbnailImageUrl" in template or "title" in template
        _length(out, template.get("title"), (*path, "title"), 40)
        _length(out, template.get("text"), (*path, "text"), 60 if short else 160, low=1)
        _https(out, template.get("thumbnailImageUrl"), (*path, "thumbnailImageUrl"))
        _size(out, template.get("actions"), (*path, "actions"), 4, low=1)
    elif kind == "confirm":
        _length(out, template.get("text"), (*path, "text"), 240, low=1)
        _size(out, template.get("actions"), (*path, "actions"), 2, low=2)
    elif kind in ("carousel", "image_carousel"):
        columns = template.get("columns")
        _size(out, columns, (*path, "columns"), 10, low=1)
        for index, column in enumerate(columns if isinstance(columns, list) else []):
            if not isinstance(column, dict):
                continue
            where = (*path, "columns", index)
            if kind == "image_carousel":
                _https(out, column.get("imageUrl"), (*where, "imageUrl"))
                out.extend(
                    check_action(column.get("action"), (*where, "action"), MAX_IMAGE_CAROUSEL_LABEL)
                )
                continue
            short = "thumbnailImageUrl" in column or "title" in column
            _length(out, column.get("title"), (*where, "title"), 40)
            _length(out, column.get("text"), (*where, "text"), 60 if short else 120, low=1)
            _https(out, column.get("thumbnailImageUrl"), (*where, "thumbnailImageUrl"))
            _size(out, column.get("actions"), (*where, "actions"), 3, low=1)
            for i, action in enumerate(column.get("actions") or []):
                out.extend(check_action(action, (*where, "actions", i)))
            out.extend(check_action(column.get("defaultAction"), (*where, "defaultAction")))
    actions = template.get("actions") if kind in ("buttons", "confirm") else None
    for i, action in enumerate(actions if isinstance(actions, list) else []):
        out.extend(check_action(action, (*path, "actions", i)))
    out.extend(check_action(template.get("defaultAction"), (*path, "defaultAction")))


def check_message(message: Any, path: Path) -> Details:
    """Check one outgoing message object against LINE's limits."""
    out: Details = []
    if not isinstance(message, dict):
        return out
    kind = message.get("type")
    if kind in ("text", "textV2"):
        text = message.get("text")
        if text == "":
            out.append(_detail((*path, "text"), "May not be empty"))
        _length(out, text, (*path, "text"), MAX_TEXT)
    if kind in ("template", "flex", "imagemap"):
        _length(out, message.get("altText"), (*path, "altText"), MAX_ALT_TEXT, low=1)
    if kind in ("image", "video"):
        _https(out, message.get("originalContentUrl"), (*path, "originalContentUrl"))
        _https(out, message.get("previewImageUrl"), (*path, "previewImageUrl"))
    elif kind == "audio":
        _https(out, message.get("originalContentUrl"), (*path, "originalContentUrl"))
    elif kind == "flex":
        _flex(message.get("contents"), (*path, "contents"), out)
    elif kind == "template":
        _template(message.get("template"), (*path, "template"), out)
    elif kind == "imagemap":
        for i, action in enumerate(message.get("actions") or []):
            out.extend(check_action(action, (*path, "actions", i)))
    quick = message.get("quickReply")
    if isinstance(quick, dict):
        items = quick.get("items")
        _size(out, items, (*path, "quickReply", "items"), MAX_QUICK_REPLY_ITEMS, low=1)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                where = (*path, "quickReply", "items", i, "action")
                out.extend(check_action(item.get("action"), where))
    return out


def check_messages(messages: Any, path: Path = ("messages",)) -> Details:
    """Check a `messages` array: 1–5 entries, each within LINE's limits."""
    out: Details = []
    if not isinstance(messages, list):
        return out
    _size(out, messages, path, MAX_MESSAGES, low=1)
    for index, message in enumerate(messages):
        out.extend(check_message(message, (*path, index)))
    return out


def check_request(operation: str, body: Any) -> Details:
    """Check a send request (`reply`, `push`, `multicast`, `broadcast`, `narrowcast`, `validate`)."""
    if not isinstance(body, dict):
        return []
    out = check_messages(body.get("messages"))
    if operation == "multicast":
        _size(out, body.get("to"), ("to",), MAX_MULTICAST, low=1)
    return out


def check_richmenu(body: Any) -> Details:
    """Check a rich menu object: required fields, size, chat bar text, areas and their actions."""
    out: Details = []
    if not isinstance(body, dict):
        return out
    for key in ("size", "selected", "name", "chatBarText", "areas"):
        if key not in body:
            out.append(_detail((key,), "must be specified"))
    size = body.get("size")
    if isinstance(size, dict):
        width, height = size.get("width"), size.get("height")
        if isinstance(width, int) and not 800 <= width <= 2500:
            out.append(_detail(("size", "width"), "must be between 800 and 2500"))
        if isinstance(height, int) and height < 250:
            out.append(_detail(("size", "height"), "must be greater than or equal to 250"))
        if (
            isinstance(width, int)
            and isinstance(height, int)
            and height > 0
            and width / height < 1.45
        ):
            out.append(_detail(("size",), "aspect ratio (width / height) must be at least 1.45"))
    _length(out, body.get("name"), ("name",), 300, low=1)
    _length(out, body.get("chatBarText"), ("chatBarText",), 14, low=1)
    areas = body.get("areas")
    _size(out, areas, ("areas",), MAX_RICHMENU_AREAS, low=1)
    for i, area in enumerate(areas if isinstance(areas, list) else []):
        if isinstance(area, dict):
            out.extend(check_action(area.get("action"), ("areas", i, "action")))
    return out
