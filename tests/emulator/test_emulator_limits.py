"""LINE's limits as pure checks: UTF-16 lengths, labels, quick replies, Flex sizes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from emulator import limits


def _text(text: str) -> list[dict[str, str]]:
    return limits.check_message({"type": "text", "text": text}, ("messages", 0))


@given(st.text(max_size=60))
def test_utf16_length_counts_surrogate_pairs_twice(text):
    expected = sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)
    assert limits.utf16_len(text) == expected


@given(st.integers(min_value=4990, max_value=5010), st.sampled_from(["a", "ก", "😀"]))
def test_text_limit_is_5000_utf16_units(units, tail):
    text = "a" * (units - limits.utf16_len(tail)) + tail
    assert limits.utf16_len(text) == units
    failed = _text(text)
    assert bool(failed) == (units > limits.MAX_TEXT)
    if failed:
        assert failed == [
            {"message": "Length must be between 0 and 5000", "property": "messages[0].text"}
        ]


def test_quick_reply_items_and_labels():
    item = {"type": "action", "action": {"type": "message", "label": "x" * 21, "text": "x"}}
    message = {"type": "text", "text": "a", "quickReply": {"items": [item] * 14}}
    found = {d["property"] for d in limits.check_message(message, ("messages", 0))}
    assert "messages[0].quickReply.items" in found
    assert "messages[0].quickReply.items[0].action.label" in found


def test_postback_data_and_display_text():
    action = {"type": "postback", "label": "ok", "data": "d" * 301, "displayText": "t" * 301}
    found = {d["property"] for d in limits.check_action(action, ("a",))}
    assert found == {"a.data", "a.displayText"}
    assert (
        limits.check_action({**action, "data": "d" * 300, "displayText": "t" * 300}, ("a",)) == []
    )


def test_flex_button_labels_allow_40():
    def bubble(label: str) -> dict:
        button = {
            "type": "button",
            "action": {"type": "uri", "label": label, "uri": "https://x.th"},
        }
        return {
            "type": "bubble",
            "body": {"type": "box", "layout": "vertical", "contents": [button]},
        }

    def check(label: str) -> list:
        message = {"type": "flex", "altText": "a", "contents": bubble(label)}
        return limits.check_message(message, ("messages", 0))

    assert check("x" * 40) == []
    assert [d["property"] for d in check("x" * 41)] == [
        "messages[0].contents.body.contents[0].action.label"
    ]


def test_flex_sizes_and_bubble_count():
    big = {"type": "bubble", "body": {"type": "box", "layout": "vertical", "contents": [
        {"type": "text", "text": "ก" * 10_001}]}}  # fmt: skip
    message = {"type": "flex", "altText": "a", "contents": big}
    assert limits.check_message(message, ("m",))[0]["property"] == "m.contents"
    small = {"type": "bubble"}
    carousel = {
        "type": "flex",
        "altText": "a",
        "contents": {"type": "carousel", "contents": [small] * 13},
    }
    assert [d["property"] for d in limits.check_message(carousel, ("m",))] == [
        "m.contents.contents"
    ]


def test_template_limits():
    template = {
        "type": "confirm",
        "text": "ok?",
        "actions": [{"type": "message", "label": "y", "text": "y"}],
    }
    message = {"type": "template", "altText": "a" * 1501, "template": template}
    found = {d["property"] for d in limits.check_message(message, ("m",))}
    assert found == {"m.altText", "m.template.actions"}


def test_images_must_be_https():
    message = {
        "type": "image",
        "originalContentUrl": "http://x/a.jpg",
        "previewImageUrl": "https://x/p.jpg",
    }
    assert [d["property"] for d in limits.check_message(message, ("m",))] == [
        "m.originalContentUrl"
    ]


def test_multicast_recipients():
    body = {"to": ["U" + "0" * 32] * 501, "messages": [{"type": "text", "text": "a"}]}
    assert limits.check_request("multicast", body) == [
        {"message": "Size must be between 1 and 500", "property": "to"}
    ]


def test_richmenu_requirements():
    assert {d["property"] for d in limits.check_richmenu({})} == {
        "size",
        "selected",
        "name",
        "chatBarText",
        "areas",
    }
    menu = {"size": {"width": 2500, "height": 2500}, "selected": False, "name": "n",
            "chatBarText": "x" * 15, "areas": []}  # fmt: skip
    assert {d["property"] for d in limits.check_richmenu(menu)} == {"size", "chatBarText", "areas"}
