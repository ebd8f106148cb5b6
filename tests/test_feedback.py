"""What members see come back: their bars, the change since last time, and the network median
only when at least 5 members of the network answered in the period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import assessments, members
from storage.assessments import Rating
from tests.chatting import Chat, flex_texts, make_router
from tests.flex_check import assert_valid_flex
from tests.members import registered

USER = "U" + "1" * 32
KEYS = ("principles", "participation", "results", "recognition", "commitment")
NOW = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok, in October–December


@pytest.fixture(scope="module")
def router():
    return make_router()


@pytest.fixture
def chat(db, router):
    registered(db, USER, name="ครูแดง", network="civil")
    return Chat(db, router, USER, now=NOW)


def others_answered(
    db, scores: list[int], *, network="civil", at=NOW - timedelta(days=1), first=0, keys=KEYS
):
    """Members other than the chat's answer the check, one score for every question each."""
    for n, score in enumerate(scores, first):
        user_id = f"U{n:032d}"
        registered(db, user_id, name=f"สมาชิก {n}", network=network)
        with db.unit_of_work() as session:
            member = members.find(session, user_id)
            ratings = [Rating(key, None, score) for key in keys]
            assessments.save(session, member, "2026-11", ratings, at)


def rate_all(chat: Chat, scores) -> dict:
    messages = chat.say("แบบประเมิน")
    for score in scores:
        messages = chat.tap(chat.say(str(score)), "ข้าม")
    messages = chat.tap(messages, "บันทึก")  # the review card
    thanks, card = messages
    assert_valid_flex(card)
    return card


def medians_shown(card: dict) -> list[str]:
    shown = flex_texts(card)
    return [shown[i + 1] for i, value in enumerate(shown) if value == "ค่ากลางเครือข่าย"]


def test_the_network_median_is_hidden_at_4_respondents(db, chat):
    others_answered(db, [2, 3, 5])
    card = rate_all(chat, [4, 4, 4, 4, 4])
    assert medians_shown(card) == []
    assert any("อย่างน้อย 5 คน" in t and "(ตอนนี้ 4 คน)" in t for t in flex_texts(card))


def test_the_network_median_is_shown_at_5_respondents(db, chat):
    others_answered(db, [2, 3, 5, 1])
    card = rate_all(chat, [4, 4, 4, 4, 4])
    assert medians_shown(card) == ["3"] * 5  # median of 1, 2, 3, 4, 5
    assert any("จากสมาชิก 5 คน" in t and "ต.ค.–ธ.ค. 2569" in t for t in flex_texts(card))


def test_only_this_period_and_this_network_count_and_each_member_once(db, chat):
    others_answered(db, [1, 1, 1, 1], network="youth")  # another network
    others_answered(db, [1, 1], at=datetime(2026, 9, 30, 16, 59, tzinfo=UTC), first=10)  # Sep 30
    others_answered(db, [5, 5, 5], first=20, at=NOW - timedelta(days=2))
    others_answered(db, [2, 2, 2], first=20, at=NOW - timedelta(hours=1))  # the same three again
    card = rate_all(chat, [3, 3, 3, 3, 3])
    assert medians_shown(card) == []  # 4 distinct members: still hidden
    assert any("(ตอนนี้ 4 คน)" in t for t in flex_texts(card))
    others_answered(db, [1], first=30, at=datetime(2026, 9, 30, 17, 0, tzinfo=UTC))  # Oct 1, 00:00
    card = rate_all(chat, [3, 3, 3, 3, 3])
    # 1, 2, 2, 2, 3: those who answered twice count once, with their latest answers
    assert medians_shown(card) == ["2"] * 5


def test_a_member_who_moved_counts_for_the_network_they_answered_for(db, chat):
    others_answered(db, [4, 4, 4, 4])
    with db.unit_of_work() as session:
        for n in range(4):
            members.find(session, f"U{n:032d}").network = "youth"  # moved after answering
    assert medians_shown(rate_all(chat, [2, 2, 2, 2, 2])) == ["4"] * 5


def test_the_card_shows_the_change_since_the_previous_check(chat):
    first = rate_all(chat, [2, 3, 4, 4, 1])
    assert "นี่คือครั้งแรกของคุณ ครั้งหน้าจะเห็นการเปลี่ยนแปลงค่ะ" in flex_texts(first)
    chat.advance(days=40)
    shown = flex_texts(rate_all(chat, [3, 3, 2, 5, 1]))
    rows = [shown[i : i + 3] for i, value in enumerate(shown) if value in (
        "หลักคุณธรรมร่วม", "การมีส่วนร่วม", "ผลลัพธ์ที่ดีขึ้น", "การยอมรับจากสังคม", "ความยั่งยืน")]  # fmt: skip
    assert rows == [
        ["หลักคุณธรรมร่วม", "3/5", "▲1"], ["การมีส่วนร่วม", "3/5", "เท่าเดิม"],
        ["ผลลัพธ์ที่ดีขึ้น", "2/5", "▼2"], ["การยอมรับจากสังคม", "5/5", "▲1"],
        ["ความยั่งยืน", "1/5", "เท่าเดิม"],
    ]  # fmt: skip
    assert any(t.startswith("▲▼ เทียบกับครั้งก่อนของคุณ (24 พ.ย. 2569)") for t in shown)


def test_bars_are_as_long_as_the_scores(chat):
    card = rate_all(chat, [1, 2, 3, 4, 5])
    widths = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "box" and node.get("width", "").endswith("%"):
                widths.append(node["width"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(card["contents"]["body"])
    assert widths == ["20%", "40%", "60%", "80%", "100%"]
