"""Render realistic Thai bot messages as terminal text and numbered choices."""

import json
from pathlib import Path

import pytest

from emulator.render import RULE, render_message

FIXTURES = json.loads(
    (Path(__file__).parent / "fixtures" / "thai_messages.json").read_text(encoding="utf-8")
)


def test_text_with_quick_replies_keeps_text_and_collects_items():
    rendered = render_message(FIXTURES["welcome"])
    assert rendered.text() == ("สวัสดีค่ะ คุณสมศรี 🙏\nยินดีต้อนรับสู่เครือข่ายคุณธรรมเชียงราย วันนี้อยากทำอะไรคะ")
    assert rendered.choices == []
    assert [c.label for c in rendered.quick_replies] == [
        "บันทึกกิจกรรม",
        "ถอดบทเรียน",
        "ให้คะแนนเครือข่าย",
        "นัดประชุม",
        "ถ่ายรูปกิจกรรม",
        "เลือกรูป",
        "ส่งตำแหน่ง",
    ]


def test_buttons_template_shows_image_title_text_then_actions():
    rendered = render_message(FIXTURES["buttons"])
    assert rendered.text().split("\n") == [
        "[รูปภาพ] https://example.org/moral/activity.jpg",
        "บันทึกกิจกรรม",
        'กิจกรรม "เก็บขยะริมแม่น้ำกก" ทำเมื่อไหร่คะ',
        "[1] เลือกวันที่",
        "[2] วันนี้",
        "[3] ยกเลิก",
    ]
    assert [c.action["type"] for c in rendered.choices] == ["datetimepicker", "message", "postback"]


def test_choice_numbers_start_where_the_batch_left_off():
    assert render_message(FIXTURES["buttons"]).text(start=5).endswith("[7] ยกเลิก")


def test_confirm_template_puts_both_actions_on_one_line():
    rendered = render_message(FIXTURES["confirm"])
    assert rendered.text().split("\n") == [
        'ส่งบทเรียน "เด็กๆ ช่วยกันคัดแยกขยะ ทำให้ชุมชนสะอาดขึ้น" ใช่ไหมคะ',
        "[1] ใช่ | [2] ไม่ใช่",
    ]


def test_flex_bubble_walks_header_hero_body_footer():
    rendered = render_message(FIXTURES["meeting_bubble"])
    assert rendered.text().split("\n") == [
        "[Flex] นัดประชุมออนไลน์ 9 ส.ค. 2564 13.30 น.",
        "การประชุมออนไลน์",
        "[รูปภาพ] https://example.org/moral/zoom.png",
        "ถอดบทเรียนเครือข่ายคุณธรรมเชียงราย",
        RULE,
        "วันที่ | 9 ส.ค. 2564",
        "เวลา | 13.30 น.",
        "ผ่านทาง Zoom",
        "• ผู้เข้าร่วม 27 คน จาก 15 หน่วยงาน",
        "[1] เข้าร่วม Zoom",
        "[2] ยืนยันเข้าร่วม",
        "[3] ไม่สะดวก | [4] เตือนฉันตอน",
    ]
    assert [c.action["type"] for c in rendered.choices] == [
        "uri",
        "postback",
        "postback",
        "datetimepicker",
    ]


def test_flex_carousel_numbers_each_bubble():
    lines = render_message(FIXTURES["criteria_carousel"]).text().split("\n")
    assert lines[0] == "[Flex] ให้คะแนนเครือข่าย 5 เกณฑ์"
    assert lines[1] == "── 1/2 ──"
    assert "── 2/2 ──" in lines
    assert lines[-1] == "[2] ให้คะแนนเกณฑ์ 2"
    assert "หลักการมีส่วนร่วม: มีกลไก กระบวนการทำงาน การมีส่วนร่วมของสมาชิกเครือข่าย" in lines


def test_template_carousel_shows_each_column():
    rendered = render_message(FIXTURES["network_carousel"])
    assert rendered.text().split("\n") == [
        "── 1/2 ──",
        "เครือข่ายประชาสังคมคุณธรรม",
        "ผู้ใหญ่ในภาคประชาสังคม",
        "[1] เลือกเครือข่ายนี้",
        "── 2/2 ──",
        "เครือข่ายเด็กและเยาวชนคุณธรรม",
        "นักเรียน นักศึกษา และเยาวชน",
        "[2] เลือกเครือข่ายนี้",
    ]
    assert [c.action["data"] for c in rendered.choices] == ["network=civil", "network=youth"]


@pytest.mark.parametrize(
    ("message", "line"),
    [
        (
            {"type": "sticker", "packageId": "446", "stickerId": "1988"},
            "[สติกเกอร์/sticker] 446/1988",
        ),
        (
            {"type": "image", "originalContentUrl": "https://x.org/a.jpg", "previewImageUrl": "p"},
            "[รูปภาพ] https://x.org/a.jpg",
        ),
        (
            {"type": "video", "originalContentUrl": "https://x.org/v.mp4"},
            "[วิดีโอ] https://x.org/v.mp4",
        ),
        (
            {"type": "audio", "originalContentUrl": "https://x.org/a.m4a"},
            "[เสียง] https://x.org/a.m4a",
        ),
        (
            {
                "type": "location",
                "title": "มหาวิทยาลัยแม่ฟ้าหลวง",
                "address": "เชียงราย",
                "latitude": 20.045,
                "longitude": 99.894,
            },
            "[ตำแหน่ง] มหาวิทยาลัยแม่ฟ้าหลวง — เชียงราย (20.045, 99.894)",
        ),
    ],
)
def test_media_messages_render_as_one_bracketed_line(message, line):
    assert render_message(message).text() == line


def test_imagemap_actions_become_choices():
    rendered = render_message(
        {
            "type": "imagemap",
            "altText": "เมนูหลัก",
            "baseUrl": "https://x.org/menu",
            "baseSize": {"width": 1040, "height": 1040},
            "actions": [
                {"type": "message", "text": "บันทึกกิจกรรม", "area": {}},
                {"type": "uri", "linkUri": "https://moralcenter.or.th", "area": {}},
            ],
        }
    )
    assert rendered.text().split("\n") == [
        "[Imagemap] เมนูหลัก",
        "[1] บันทึกกิจกรรม",
        "[2] https://moralcenter.or.th",
    ]
    assert rendered.choices[1].tap().note == "[ลิงก์/link] https://moralcenter.or.th"


def test_text_v2_substitutions_are_readable():
    message = {
        "type": "textV2",
        "text": "{everyone} พรุ่งนี้ประชุม 13.30 น. {smile}",
        "substitution": {
            "everyone": {"type": "mention", "mentionee": {"type": "all"}},
            "smile": {"type": "emoji", "productId": "x", "emojiId": "001"},
        },
    }
    assert render_message(message).text() == "@everyone พรุ่งนี้ประชุม 13.30 น. (emoji)"
