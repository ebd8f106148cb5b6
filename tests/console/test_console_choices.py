"""Check what tapping each kind of choice sends."""

import base64

import pytest

from emulator.render import Choice, picker_value, render_message


def quick(n: int, message: dict) -> Choice:
    return render_message(message).quick_replies[n - 1]


WELCOME = {
    "type": "text",
    "text": "วันนี้อยากทำอะไรคะ",
    "quickReply": {
        "items": [
            {
                "type": "action",
                "action": {"type": "message", "label": "บันทึก", "text": "บันทึกกิจกรรม"},
            },
            {
                "type": "action",
                "action": {
                    "type": "postback",
                    "label": "ถอดบทเรียน",
                    "data": "action=lesson",
                    "displayText": "ขอถอดบทเรียนค่ะ",
                },
            },
            {
                "type": "action",
                "action": {"type": "datetimepicker", "label": "นัด", "data": "m=1", "mode": "date"},
            },
            {"type": "action", "action": {"type": "camera", "label": "ถ่ายรูป"}},
            {"type": "action", "action": {"type": "location", "label": "ส่งตำแหน่ง"}},
        ]
    },
}


def test_message_action_sends_its_text():
    tap = quick(1, WELCOME).tap()
    assert tap.payload == {"type": "text", "text": "บันทึกกิจกรรม"}
    assert tap.said == "บันทึก → บันทึกกิจกรรม"


def test_message_action_with_text_equal_to_label_reads_as_the_label():
    choice = Choice("ถอดบทเรียน", {"type": "message", "label": "ถอดบทเรียน", "text": "ถอดบทเรียน"})
    assert choice.tap().said == "ถอดบทเรียน"


def test_postback_sends_data_and_shows_display_text():
    tap = quick(2, WELCOME).tap()
    assert tap.payload == {"type": "postback", "data": "action=lesson"}
    assert tap.said == "ถอดบทเรียน → ขอถอดบทเรียนค่ะ (postback: action=lesson)"


def test_datetimepicker_asks_then_sends_postback_with_params():
    choice = quick(3, WELCOME)
    assert choice.prompt and "YYYY-MM-DD" in choice.prompt
    tap = choice.tap("9/8/2564")
    assert tap.payload == {"type": "postback", "data": "m=1", "params": {"date": "2021-08-09"}}
    assert tap.said == "นัด → 2021-08-09 (postback: m=1)"


@pytest.mark.parametrize(
    ("mode", "typed", "value"),
    [
        ("date", "2021-08-09", "2021-08-09"),
        ("date", "๙/๘/๒๕๖๔", "2021-08-09"),
        ("date", "2564-08-09", "2021-08-09"),
        ("time", "13:30", "13:30"),
        ("time", "13.30 น.", "13:30"),
        ("time", "9.05", "09:05"),
        ("datetime", "2021-08-09T13:30", "2021-08-09T13:30"),
        ("datetime", "9/8/2564 13.30 น.", "2021-08-09T13:30"),
    ],
)
def test_picker_value_formats_like_line_params(mode, typed, value):
    assert picker_value(mode, typed) == value


@pytest.mark.parametrize(
    ("mode", "typed"),
    [("date", "พรุ่งนี้"), ("date", "2021-02-30"), ("time", "25:00"), ("datetime", "2021-08-09")],
)
def test_picker_value_rejects_what_is_not_a_date_or_time(mode, typed):
    with pytest.raises(ValueError):
        picker_value(mode, typed)


def test_datetimepicker_falls_back_to_initial_when_answer_is_empty():
    action = {"type": "datetimepicker", "label": "นัดประชุม", "data": "d", "mode": "datetime"}
    tap = Choice("นัดประชุม", {**action, "initial": "2021-08-09T13:30"}).tap("")
    assert tap.payload["params"] == {"datetime": "2021-08-09T13:30"}


def test_camera_asks_for_a_path_and_sends_an_image(tmp_path):
    photo = tmp_path / "กิจกรรม.jpg"
    photo.write_bytes(b"\xff\xd8\xff fake jpeg")
    choice = quick(4, WELCOME)
    assert choice.prompt
    tap = choice.tap(str(photo))
    assert tap.payload["type"] == "image"
    assert base64.b64decode(tap.payload["contentBase64"]) == b"\xff\xd8\xff fake jpeg"


def test_camera_with_a_missing_file_raises_value_error(tmp_path):
    with pytest.raises(ValueError):
        quick(4, WELCOME).tap(str(tmp_path / "none.jpg"))


def test_location_and_uri_send_nothing_but_say_why():
    location = quick(5, WELCOME).tap()
    assert location.payload is None and "not supported" in location.note
    uri = Choice("Zoom", {"type": "uri", "label": "Zoom", "uri": "https://zoom.us/j/1"}).tap()
    assert uri.payload is None and uri.note == "[ลิงก์/link] https://zoom.us/j/1"
