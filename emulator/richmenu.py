"""Serve the rich menu endpoints: create, validate, image upload, list, default and per user."""

from __future__ import annotations

import struct
import uuid
from typing import Any

from emulator.calls import Answer, Call, LineError, Route
from emulator.limits import MAX_RICHMENU_IMAGE_BYTES

IMAGE_TYPES = {"image/png", "image/jpeg"}


def image_size(data: bytes) -> tuple[int, int] | None:
    """Return (width, height) of a PNG or JPEG, or None when it cannot be read."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data.startswith(b"\xff\xd8"):
        index = 2
        while index + 9 < len(data):
            if data[index] != 0xFF:
                return None
            marker = data[index + 1]
            length = struct.unpack(">H", data[index + 2 : index + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[index + 5 : index + 9])
                return width, height
            index += 2 + length
    return None


def _menu(call: Call, rich_menu_id: str) -> dict[str, Any]:
    menu = call.state.richmenus.get(rich_menu_id)
    if menu is None:
        raise LineError(404, "Not found")
    return menu


def create(call: Call) -> Answer:
    """Create a rich menu and answer its id."""
    rich_menu_id = "richmenu-" + uuid.uuid4().hex
    with call.state.lock:
        call.state.richmenus[rich_menu_id] = {"richMenuId": rich_menu_id, **call.body}
    return Answer(body={"richMenuId": rich_menu_id})


def validate(call: Call) -> Answer:
    """Answer 200 for a valid rich menu object (checked before this runs)."""
    return Answer(body={})


def upload(call: Call) -> Answer:
    """Attach a PNG or JPEG (≤ 1 MB, 800–2500 px wide) to a rich menu, once."""
    rich_menu_id = call.params["richMenuId"]
    _menu(call, rich_menu_id)
    content_type = call.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in IMAGE_TYPES:
        raise LineError(415, f"The content type, {content_type or 'none'}, is not supported")
    if len(call.raw) > MAX_RICHMENU_IMAGE_BYTES:
        raise LineError(413, "Request Entity Too Large")
    size = image_size(call.raw)
    if size is None or (content_type == "image/png") != call.raw.startswith(b"\x89PNG"):
        raise LineError(400, "The image could not be read as " + content_type)
    width, height = size
    if not 800 <= width <= 2500 or height < 250 or width / height < 1.45:
        raise LineError(
            400, "The image must be 800-2500 px wide, 250+ px high, width/height >= 1.45"
        )
    with call.state.lock:
        if rich_menu_id in call.state.richmenu_images:
            raise LineError(400, "An image has already been uploaded to the richmenu")
        call.state.richmenu_images[rich_menu_id] = (call.raw, content_type)
    return Answer(body={})


def download(call: Call) -> Answer:
    """Answer a rich menu's image."""
    _menu(call, call.params["richMenuId"])
    found = call.state.richmenu_images.get(call.params["richMenuId"])
    if found is None:
        raise LineError(404, "Not found")
    return Answer(body=found[0], content_type=found[1])


def get(call: Call) -> Answer:
    """Answer one rich menu."""
    return Answer(body=_menu(call, call.params["richMenuId"]))


def listing(call: Call) -> Answer:
    """Answer every rich menu."""
    with call.state.lock:
        return Answer(body={"richmenus": list(call.state.richmenus.values())})


def delete(call: Call) -> Answer:
    """Delete a rich menu (and unset it wherever it was applied)."""
    rich_menu_id = call.params["richMenuId"]
    _menu(call, rich_menu_id)
    with call.state.lock:
        del call.state.richmenus[rich_menu_id]
        call.state.richmenu_images.pop(rich_menu_id, None)
        if call.state.default_richmenu == rich_menu_id:
            call.state.default_richmenu = None
        for user_id in [u for u, m in call.state.user_richmenus.items() if m == rich_menu_id]:
            del call.state.user_richmenus[user_id]
    return Answer(body={})


def _applicable(call: Call, rich_menu_id: str) -> None:
    _menu(call, rich_menu_id)
    if rich_menu_id not in call.state.richmenu_images:
        raise LineError(400, "must upload richmenu image before applying it to user")


def set_default(call: Call) -> Answer:
    """Make a rich menu (with an image) the default for every user."""
    _applicable(call, call.params["richMenuId"])
    call.state.default_richmenu = call.params["richMenuId"]
    return Answer(body={})


def get_default(call: Call) -> Answer:
    """Answer the default rich menu id, or 404 when none is set."""
    if call.state.default_richmenu is None:
        raise LineError(404, "no default richmenu")
    return Answer(body={"richMenuId": call.state.default_richmenu})


def cancel_default(call: Call) -> Answer:
    """Unset the default rich menu."""
    call.state.default_richmenu = None
    return Answer(body={})


def link_user(call: Call) -> Answer:
    """Link a rich menu to one user."""
    _applicable(call, call.params["richMenuId"])
    with call.state.lock:
        call.state.user_richmenus[call.params["userId"]] = call.params["richMenuId"]
    return Answer(body={})


def get_user(call: Call) -> Answer:
    """Answer the rich menu linked to a user, or 404."""
    found = call.state.user_richmenus.get(call.params["userId"])
    if found is None:
        raise LineError(404, "the user has no richmenu")
    return Answer(body={"richMenuId": found})


def unlink_user(call: Call) -> Answer:
    """Unlink a user's rich menu."""
    with call.state.lock:
        call.state.user_richmenus.pop(call.params["userId"], None)
    return Answer(body={})


ROUTES: list[Route] = [
    ("POST", "/v2/bot/richmenu", create, "richmenu", False),
    ("POST", "/v2/bot/richmenu/validate", validate, "richmenu", False),
    ("GET", "/v2/bot/richmenu/list", listing, None, False),
    ("POST", "/v2/bot/richmenu/{richMenuId}/content", upload, None, False),
    ("GET", "/v2/bot/richmenu/{richMenuId}/content", download, None, False),
    ("GET", "/v2/bot/richmenu/{richMenuId}", get, None, False),
    ("DELETE", "/v2/bot/richmenu/{richMenuId}", delete, None, False),
    ("POST", "/v2/bot/user/all/richmenu/{richMenuId}", set_default, None, False),
    ("GET", "/v2/bot/user/all/richmenu", get_default, None, False),
    ("DELETE", "/v2/bot/user/all/richmenu", cancel_default, None, False),
    ("POST", "/v2/bot/user/{userId}/richmenu/{richMenuId}", link_user, None, False),
    ("GET", "/v2/bot/user/{userId}/richmenu", get_user, None, False),
    ("DELETE", "/v2/bot/user/{userId}/richmenu", unlink_user, None, False),
]
