"""Rich menus and the monthly message quota."""

from __future__ import annotations

import json
import struct
import zlib

import pytest
from linebot.v3.messaging import (
    ApiException,
    BroadcastRequest,
    MulticastRequest,
    PostbackAction,
    PushMessageRequest,
    ReplyMessageRequest,
    RichMenuArea,
    RichMenuBounds,
    RichMenuRequest,
    RichMenuSize,
    TextMessage,
)

from emulator.richmenu import image_size

TIMEOUT = 5


def png(width: int, height: int) -> bytes:
    """Return a real (blank, grey) PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def menu_request(name: str = "เมนูหลัก") -> RichMenuRequest:
    area = RichMenuArea(
        bounds=RichMenuBounds(x=0, y=0, width=1250, height=843),
        action=PostbackAction(label="ถอดบทเรียน", data="action=lesson"),
    )
    return RichMenuRequest(size=RichMenuSize(width=2500, height=843), selected=True, name=name,
                           chat_bar_text="เมนู", areas=[area])  # fmt: skip


def _status(call) -> tuple[int, dict]:
    with pytest.raises(ApiException) as caught:
        call()
    return caught.value.status, json.loads(caught.value.body)


def test_png_helper_and_size_reader():
    assert image_size(png(800, 250)) == (800, 250)
    assert image_size(b"GIF89a") is None


def test_create_upload_and_set_default(api, blob):
    menu_id = api.create_rich_menu(menu_request(), _request_timeout=TIMEOUT).rich_menu_id
    assert menu_id.startswith("richmenu-")
    status, body = _status(lambda: api.set_default_rich_menu(menu_id, _request_timeout=TIMEOUT))
    assert (status, body) == (
        400,
        {"message": "must upload richmenu image before applying it to user"},
    )
    image = png(2500, 843)
    blob.set_rich_menu_image(menu_id, body=image, _headers={"Content-Type": "image/png"},
                             _request_timeout=TIMEOUT)  # fmt: skip
    api.set_default_rich_menu(menu_id, _request_timeout=TIMEOUT)
    assert api.get_default_rich_menu_id(_request_timeout=TIMEOUT).rich_menu_id == menu_id
    assert bytes(blob.get_rich_menu_image(menu_id, _request_timeout=TIMEOUT)) == image
    listed = api.get_rich_menu_list(_request_timeout=TIMEOUT).richmenus
    assert [(m.rich_menu_id, m.name, m.chat_bar_text) for m in listed] == [
        (menu_id, "เมนูหลัก", "เมนู")
    ]
    assert (
        api.get_rich_menu(menu_id, _request_timeout=TIMEOUT).areas[0].action.data == "action=lesson"
    )
    status, _ = _status(lambda: blob.set_rich_menu_image(
        menu_id, body=image, _headers={"Content-Type": "image/png"}, _request_timeout=TIMEOUT))  # fmt: skip
    assert status == 400
    api.delete_rich_menu(menu_id, _request_timeout=TIMEOUT)
    assert _status(lambda: api.get_default_rich_menu_id(_request_timeout=TIMEOUT))[0] == 404
    assert _status(lambda: api.get_rich_menu(menu_id, _request_timeout=TIMEOUT))[0] == 404


def test_rich_menu_checks(api, blob, http):
    api.validate_rich_menu_object(menu_request(), _request_timeout=TIMEOUT)
    assert http("POST", "/v2/bot/richmenu/validate", json={"name": "x"}).status_code == 400
    too_wide = {**menu_request().to_dict(), "size": {"width": 3000, "height": 843}}
    answer = http("POST", "/v2/bot/richmenu", json=too_wide)
    assert answer.status_code == 400
    assert [d["property"] for d in answer.json()["details"]] == ["size.width"]
    menu_id = api.create_rich_menu(menu_request(), _request_timeout=TIMEOUT).rich_menu_id
    upload = f"/v2/bot/richmenu/{menu_id}/content"
    assert (
        http("POST", upload, data=b"GIF89a", headers={"Content-Type": "image/gif"}).status_code
        == 415
    )
    small = http("POST", upload, data=png(400, 100), headers={"Content-Type": "image/png"})
    assert small.status_code == 400
    huge = http(
        "POST",
        upload,
        data=b"\x89PNG" + b"\0" * (1024 * 1024),
        headers={"Content-Type": "image/png"},
    )
    assert huge.status_code == 413


def test_quota_and_consumption_count_recipients(api, control, user):
    others = [control.add_user(f"สมาชิก {i}")["userId"] for i in range(2)]
    control.set_quota(5)
    assert api.get_message_quota(_request_timeout=TIMEOUT).to_dict() == {
        "type": "limited",
        "value": 5,
    }
    api.push_message(PushMessageRequest(to=user["userId"], messages=[TextMessage(text="ก"), TextMessage(text="ข")]),
                     _request_timeout=TIMEOUT)  # fmt: skip
    api.multicast(
        MulticastRequest(to=others, messages=[TextMessage(text="ค")]), _request_timeout=TIMEOUT
    )
    token = control.send_text(user["userId"], "ฟรี")["event"]["replyToken"]
    api.reply_message(ReplyMessageRequest(reply_token=token, messages=[TextMessage(text="ตอบ")]),
                      _request_timeout=TIMEOUT)  # fmt: skip
    assert api.get_message_quota_consumption(_request_timeout=TIMEOUT).total_usage == 3
    status, body = _status(lambda: api.broadcast(BroadcastRequest(messages=[TextMessage(text="ง")]),
                                                 _request_timeout=TIMEOUT))  # fmt: skip
    assert (status, body) == (429, {"message": "You have reached your monthly limit."})
    control.set_quota(6)
    api.broadcast(BroadcastRequest(messages=[TextMessage(text="ง")]), _request_timeout=TIMEOUT)
    assert api.get_message_quota_consumption(_request_timeout=TIMEOUT).total_usage == 6


def test_loading_animation(http, user):
    ok = http(
        "POST", "/v2/bot/chat/loading/start", json={"chatId": user["userId"], "loadingSeconds": 10}
    )
    assert ok.status_code == 202
    odd = http(
        "POST", "/v2/bot/chat/loading/start", json={"chatId": user["userId"], "loadingSeconds": 7}
    )
    assert odd.status_code == 400
