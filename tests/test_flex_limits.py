"""Every Flex message of these flows passes LINE's schema and stays under 30 KB a bubble,
even with the longest texts the bot accepts (answers, labels, names at their limits)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.networks import Network
from emulator.limits import MAX_CAROUSEL_BYTES, json_size
from handlers.questionnaire import parse_questionnaire
from tests.activity_records import logged
from tests.chatting import Chat, flex_texts, make_router
from tests.flex_check import assert_valid_flex, problems
from tests.members import registered
from tests.questionnaires import shipped
from tests.test_feedback import others_answered

USER = "U" + "3" * 32
THAI_40 = ("ความมุ่งมั่นเพื่อเป้าหมายสู่ความยั่งยืน" * 2)[:40]
THAI_20 = THAI_40[:20]


def longest_questionnaire():
    """12 questions and 10 criteria, every label and text at its limit, in Thai (3 bytes a letter)."""
    document = shipped()
    document["criteria"] = [
        {"key": f"c{n}", "label": {"th": THAI_20, "en": "x" * 20}, "name": {"th": "ก" * 1000, "en": "a"}}
        for n in range(10)
    ]  # fmt: skip
    document["questions"] = [
        {"key": f"q{n}", "criterion": f"c{n % 10}", "label": {"th": THAI_40, "en": "y" * 40},
         "text": {"th": "ข" * 1000, "en": "b" * 1000}}
        for n in range(12)
    ]  # fmt: skip
    return parse_questionnaire(document)


@pytest.fixture(scope="module")
def router():
    return make_router()


@pytest.fixture
def chat(db, router):
    registered(db, USER, network="civil")
    return Chat(db, router, USER, questionnaire=longest_questionnaire())


# What a member may type in one LINE message (5,000 characters): Thai with tone marks, emoji
# (4 bytes each), and characters JSON must escape.
LONGEST_ANSWERS = ["ที่น้ำ" * 1000, "🌳" * 2500, '"\\' * 2500, "ก่" * 2500, "เ" * 5000]


@pytest.mark.parametrize(
    "answer", LONGEST_ANSWERS, ids=["thai", "emoji", "escaped", "marks", "vowels"]
)
def test_the_review_card_with_five_of_the_longest_answers_and_every_criterion(chat, answer):
    chat.say("ถอดบทเรียน")
    for n in range(5):
        # Each answer ends differently: the same text twice in a row is asked about, not stored.
        chat.say(answer[:-1] + str(n))
    review = chat.say(" ".join(str(n) for n in range(1, 11)))
    card = review[-2]
    assert_valid_flex(card)
    assert json_size(card["contents"]) > 10_000  # the answers really are on the card


def test_the_review_card_of_a_reflection_about_an_activity_with_the_longest_title(db, chat):
    activity = logged(db, USER, "ที่" * 33 + "ก", date(2026, 11, 20), chat.now)  # 100 characters
    chat.postback(f"cmd=reflect_on&activity={activity}")
    for answer in LONGEST_ANSWERS:
        tags = chat.say(answer)
    card = chat.tap(tags, "เสร็จ")[-2]
    assert_valid_flex(card)
    assert any(text.startswith("กิจกรรม: ที่ที่") for text in flex_texts(card))


def test_the_feedback_card_with_12_long_questions_medians_and_changes(db, chat):
    others_answered(db, [1, 2, 3, 4], keys=[f"q{n}" for n in range(12)])
    for scores in ([1] * 12, [5] * 12):
        messages = chat.say("ประเมิน")
        for score in scores:
            messages = chat.say(str(score))
            messages = chat.say("หลักฐาน " * 60)  # notes at their limit too
        assert len(messages[-1]["text"]) <= 5000  # the review card of 12 long answers fits
        messages = chat.say("บันทึก")
        chat.advance(days=1)
    card = messages[-1]
    assert_valid_flex(card)
    assert "▲4" in str(card) and "ค่ากลางเครือข่าย" in str(card)


def test_my_summary_and_the_network_summary_of_many_networks_with_long_names(
    db, router, monkeypatch
):
    networks = tuple(
        Network(f"n{n}", "เครือข่ายคุณธรรม" * 20, "Network " * 20, "เครือข่าย", "Net") for n in range(15)
    )  # fmt: skip
    registered(db, USER, network="n0", roles=(("staff", None),))
    chat = Chat(db, router, USER, questionnaire=longest_questionnaire())
    monkeypatch.setattr("tests.chatting.DEFAULT_NETWORKS", networks)
    others_answered(db, [1, 2, 3, 4, 5], network="n0", keys=[f"q{n}" for n in range(12)])
    chat.say("ประเมิน")
    for _ in range(12):
        chat.say("๕")
        chat.say("ข้าม")
    chat.say("บันทึก")  # the review card of all 12 answers
    chat.advance(hours=1)
    for message in chat.say("สรุปของฉัน"):
        assert problems(message) == []
    replies = chat.say("สรุปเครือข่าย")
    assert 2 <= len(replies) <= 5  # 15 long bubbles do not fit one carousel
    for message in replies:
        assert_valid_flex(message)
        assert json_size(message["contents"]) <= MAX_CAROUSEL_BYTES
    assert "ค่ากลางเครือข่าย" in str(replies[0])
