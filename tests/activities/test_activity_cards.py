"""Every Flex the activity log builds is valid for LINE, even with the longest Thai inputs."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from emulator import limits
from emulator.openapi import messaging_spec
from handlers.activities.cards import carousel, confirmation_card
from messages.catalog import text
from storage.models.activities import Activity, ActivityCriterion, ActivityPhoto

NOW = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
# The longest a member may type, in Thai with its stacked marks (each counts as a character).
TITLE = ("กิจกรรมปลูกป่าชุมชนเฉลิมพระเกียรติ์ " * 4)[:100]
PLACE = ("ศูนย์การเรียนรู้ชุมชนบ้านห้วยน้ำริน ตำบลแม่ยาว " * 5)[:200]
PHOTO = {"path": "members/1/" + "a" * 64 + ".jpg", "content_type": "image/jpeg", "size": 10}


def problems(messages: list[dict]) -> list[dict]:
    """What LINE would say about a reply carrying these messages (nothing when it is valid)."""
    body = {"replyToken": "x" * 32, "messages": messages}
    return messaging_spec().errors("ReplyMessageRequest", body) + limits.check_request(
        "reply", body
    )


def longest_activity(n: int) -> Activity:
    activity = Activity(id=10_000 + n, title=TITLE, held_on=date(2021, 8, 9), online=False,
                        place=PLACE, participants=10_000, created_at=NOW)  # fmt: skip
    activity.criteria_rows = [ActivityCriterion(criterion=c) for c in range(1, 6)]
    activity.photos = [ActivityPhoto(position=p, **PHOTO) for p in range(5)]
    return activity


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_confirmation_card_with_the_longest_inputs_is_valid(language):
    data = {"title": TITLE, "held_on": "2021-08-09", "online": False, "place": PLACE,
            "participants": 10_000, "criteria": [1, 2, 3, 4, 5], "photos": [PHOTO] * 5,
            "activity_id": 1}  # fmt: skip
    card = confirmation_card(data, language, "review")
    assert problems([card]) == []
    assert len(json.dumps(card["contents"], ensure_ascii=False).encode()) < 30_000
    assert card["altText"] == text("activity.card_alt", language, title=TITLE)


@pytest.mark.parametrize("language", ["th", "en"])
def test_ten_of_the_longest_activities_make_a_valid_carousel(language):
    # Half with the longest lesson a reflection takes (shown cut), half with the button to write one.
    lessons = {10_000 + n: "บทเรียน" * 150 for n in range(0, 10, 2)}
    pages = carousel([longest_activity(n) for n in range(10)], language, NOW,
                     ZoneInfo("Asia/Bangkok"), lessons)  # fmt: skip
    assert problems([pages]) == []
    assert len(pages["contents"]["contents"]) == 10
    assert len(json.dumps(pages["contents"], ensure_ascii=False).encode()) < 50_000


@pytest.mark.parametrize("language", ["th", "en"])
def test_criteria_buttons_fit_twenty_characters_even_when_ticked(language):
    for n in range(1, 6):
        assert len("✓" + text(f"criterion.{n}.short", language)) <= 20
