"""The emulator refuses user, group and room ids LINE would refuse (U/C/R + 32 lower-case hex)."""

from __future__ import annotations

import pytest
from requests import HTTPError

from demo.members import demo_line_id
from emulator.ids import well_formed

THIRTY_THREE = "U" + "de000" + "0" * 28  # the shape the demo data used to have
UPPER = "U" + "A" * 32


def _text() -> dict:
    return {"type": "text", "text": "สวัสดี"}


def test_a_33_digit_user_id_is_refused_in_push_multicast_and_profile(http, user):
    for bad in (THIRTY_THREE, UPPER, "U" + "a" * 31):
        push = http("POST", "/v2/bot/message/push", json={"to": bad, "messages": [_text()]})
        assert push.status_code == 400, bad
        many = http("POST", "/v2/bot/message/multicast",
                    json={"to": [user["userId"], bad], "messages": [_text()]})  # fmt: skip
        assert many.status_code == 400 and "to[1]" in many.json()["message"]
        profile = http("GET", f"/v2/bot/profile/{bad}")
        assert profile.status_code == 400
        assert profile.json()["message"] == "The value for the 'userId' parameter is invalid"
    assert http("GET", f"/v2/bot/profile/{user['userId']}").status_code == 200


def test_malformed_group_and_room_ids_are_refused(http, user, control):
    group = http("GET", f"/v2/bot/group/C{'1' * 31}/member/{user['userId']}")
    room = http("GET", f"/v2/bot/room/C{'1' * 32}/member/{user['userId']}")
    assert group.status_code == 400 and "'groupId'" in group.json()["message"]
    assert room.status_code == 400 and "'roomId'" in room.json()["message"]
    with pytest.raises(HTTPError):
        control.send(user["userId"], {**_text(), "source": {"type": "group", "groupId": "C1"}})
    sent = control.send(
        user["userId"], {**_text(), "source": {"type": "group", "groupId": "C" + "1" * 32}}
    )
    assert sent["event"]["source"]["groupId"] == "C" + "1" * 32


def test_demo_line_ids_have_lines_shape():
    assert all(well_formed("userId", demo_line_id(n)) for n in (0, 1, 4999, 16**20))
    assert not well_formed("userId", THIRTY_THREE)
