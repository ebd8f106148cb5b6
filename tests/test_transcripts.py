"""Whole conversations through the LINE emulator, as a member sees them on their phone.

Each script is typed into the chat console against the real bot; the transcript must match the
file beside it in tests/transcripts/ (UPDATE_TRANSCRIPTS=1 rewrites the files, to review by eye).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot import create_app
from emulator.console import run_script
from storage.deliveries import PENDING
from storage.models import Delivery, Lane
from storage.models.assessments import Assessment
from storage.models.reflections import Reflection
from tests.conftest import ServedApp
from tests.members import join
from tests.questionnaires import staff_edit, write
from tests.waiting import wait_until

HERE = Path(__file__).parent / "transcripts"
WAIT = 10.0  # the longest to wait for an answer; a batch ends 0.5 s after its last message


class Clock:
    """The bot's clock, stopped at a chosen moment and moved on by the test."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def later(clock: Clock, db, hours: int) -> None:
    """Move the bot's clock on once every reply is recorded and every lane given back.

    A reply the member has seen may not be recorded yet: moved past its lease, the worker's
    sweep would take it over, try its spent token and be refused (a 400 no member sees).
    """
    wait_until(lambda: not busy(db))
    clock.now += timedelta(hours=hours)


def busy(db) -> list:
    """The deliveries being sent and the lanes being handled, right now."""
    sending = select(Delivery.id).where(
        Delivery.status == PENDING, Delivery.claimed_until.is_not(None)
    )
    with db.reading() as session:
        return [
            *session.scalars(sending),
            *session.scalars(select(Lane.key).where(Lane.holder.is_not(None))),
        ]


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 17, 3, 0, tzinfo=UTC))  # a Tuesday, 10:00 in Bangkok


@pytest.fixture
def settings(live_config):
    return live_config


@pytest.fixture
def served(settings, emulator, clock):
    application = create_app(settings)
    bot = application.extensions["bot"]
    bot.clock.set(clock)
    bot.start()
    server = ServedApp(application)
    emulator.state.webhook_url = server.url + "/callback"
    yield server
    server.stop()
    bot.close()


def play(line, user_id: str, script: str) -> str:
    return run_script(line, user_id, script.strip().splitlines(), WAIT)


def matches(name: str, transcript: str, line) -> None:
    """Compare with the stored transcript; and LINE accepted every message the bot sent."""
    refused = [r for r in line.requests(since=0)["requests"] if r["status"] != 200]
    assert refused == []
    path = HERE / f"{name}.txt"
    if os.environ.get("UPDATE_TRANSCRIPTS"):
        path.write_text(transcript, encoding="utf-8")
    assert transcript == path.read_text(encoding="utf-8")


def rows(db, model) -> list:
    with db.unit_of_work() as session:
        return list(session.scalars(select(model).order_by(model.id)))


def test_reflection_in_thai_with_mistakes_an_edit_from_the_review_and_save(served, line, db):
    member = join(line, db, "ครูแดง")
    transcript = play(
        line,
        member,
        """
        ถอดบทเรียน
        /sticker
        ก
        ปลูกป่าชายเลนกับเยาวชน 100 ต้น
        เยาวชน 30 คนมาร่วม ปลูกได้ 120 ต้น
        ชุมชนและวัดช่วยกันเตรียมกล้าไม้
        2
        ครั้งหน้าชวนโรงเรียนอื่นมาด้วย
        1
        /say 9
        3
        6
        3
        เยาวชน 45 คนมาร่วม ปลูกได้ 120 ต้น
        1
    """,
    )
    matches("reflect_th", transcript, line)
    [reflection] = rows(db, Reflection)
    assert reflection.happened == "เยาวชน 45 คนมาร่วม ปลูกได้ 120 ต้น" and reflection.obstacles is None
    assert reflection.criteria == "principles,results"


def test_reflection_in_english_typed_criteria_then_edited_within_24_hours(served, line, db, clock):
    member = join(line, db, "Dang", language="en")
    first = play(
        line,
        member,
        """
        Reflect
        Plant mangroves with young people
        30 came and planted 120 trees
        The temple prepared the seedlings
        Heavy rain, so we moved the talk indoors
        Have a rain plan
        1 3
        1
    """,
    )
    later(clock, db, hours=5)
    transcript = play(
        line,
        member,
        """
        edit reflection
        6
        Always have a rain plan and invite another school
        1
    """,
    )
    matches("reflect_en_edit", f"{first}# five hours later\n{transcript}", line)
    [reflection] = rows(db, Reflection)
    assert reflection.lesson.startswith("Always") and reflection.edited_at is not None


def test_assessment_in_english_with_a_wrong_answer_then_feedback_and_my_summary(served, line, db):
    member = join(line, db, "Ajarn Noi", language="en")
    transcript = play(
        line,
        member,
        """
        5-criteria check
        4
        We wrote a network charter together
        /say six
        3
        2
        /say 2
        2
        5
        Other provinces visit to learn from us
        3
        2
        1
        My summary
    """,
    )
    matches("assess_en", transcript, line)
    [assessment] = rows(db, Assessment)
    assert [a.score for a in assessment.answers] == [4, 3, 2, 5, 3]


def test_assessment_in_thai_abandoned_in_the_evening_and_resumed_the_next_morning(
    served, line, db, clock
):
    member = join(line, db, "พระครูสมชาย", network="youth")
    later(clock, db, hours=11)  # 21:00
    evening = play(
        line,
        member,
        """
        แบบประเมิน
        3
        ทุกวัดในเครือข่ายใช้ศีล 5 เป็นหลักร่วม
        4
    """,
    )
    later(clock, db, hours=12)  # 09:00 the next day
    morning = play(
        line,
        member,
        """
        แบบประเมิน
        1
        2
        /say ๓
        2
        2
        2
        5
        ยังไม่มีคนนอกมาดูงาน
        /say 9
        1
    """,
    )
    matches("assess_th_resumed", f"{evening}# the next morning\n{morning}", line)
    [assessment] = rows(db, Assessment)
    assert [a.score for a in assessment.answers] == [3, 4, 3, 2, 5]
    assert assessment.network == "youth" and assessment.answers[0].note.startswith("ทุกวัด")


class TestAnEditedQuestionnaire:
    """Staff reworded criterion 2 and added a sixth question: no code changed, only the file."""

    @pytest.fixture
    def settings(self, live_config, tmp_path):
        return live_config.with_changes(questionnaire_file=write(tmp_path / "q.yaml", staff_edit()))

    def test_it_is_asked_and_answered_end_to_end(self, served, line, db):
        member = join(line, db, "สมศรี")
        transcript = play(
            line,
            member,
            """
            แบบประเมิน 5 หลัก
            5
            2
            4
            2
            3
            2
            3
            2
            2
            2
            4
            ประชุมออนไลน์ทุกเดือนผ่าน Zoom
            1
        """,
        )
        matches("assess_edited_questionnaire", transcript, line)
        [assessment] = rows(db, Assessment)
        assert assessment.questionnaire_version == "2027-01"
        assert [a.question_key for a in assessment.answers][-2:] == ["commitment", "online"]
        assert assessment.answers[-1].note == "ประชุมออนไลน์ทุกเดือนผ่าน Zoom"
