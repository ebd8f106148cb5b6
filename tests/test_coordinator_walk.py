"""What a coordinator who had not read the code met (issue 12), in Thai through the router."""

from __future__ import annotations

import pytest

from tests import test_meeting_chat as shared
from tests.meetings import labels, texts

# The meeting transcripts' fixtures: the router, the clock (Tue 24 Nov 2569 10:00), the people.
router, time, people, chat = shared.router, shared.time, shared.people, shared.chat


def _to_audience(coordinator) -> list[dict]:
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมเครือข่าย")
    coordinator.say("30 พ.ย. 69 13.30 น.")
    coordinator.say("ห้องประชุมเทศบาล")
    asked = coordinator.say("ติดตามกิจกรรม")
    assert labels(asked)[0] == "ประชาสังคมคุณธรรม"
    return asked


@pytest.mark.parametrize(
    "said", ["สมาชิกเครือข่ายประชาสังคมค่ะ", "ทุกคนในเครือข่ายประชาสังคมคุณธรรมค่ะ", "เครือข่ายประชาสังคม"]
)
def test_the_network_named_in_a_sentence_is_the_audience(chat, people, said):
    coordinator = chat(people["coordinator"])
    _to_audience(coordinator)
    review = coordinator.say(said)
    assert "ผู้รับ: ประชาสังคมคุณธรรม" in texts(review)[-1], texts(review)


def test_words_naming_no_network_are_still_refused(chat, people):
    coordinator = chat(people["coordinator"])
    _to_audience(coordinator)
    assert texts(coordinator.say("สมาชิกเครือข่ายค่ะ"))[0] == "กรุณาเลือกจากปุ่มด้านล่างค่ะ"


def test_weekday_and_day_of_month_with_nee_is_the_coming_tenth(chat, people):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมเครือข่าย")
    heard = texts(coordinator.say("พฤหัสที่ 10 นี้ 9.00 น."))[0]
    assert heard.startswith("รับทราบค่ะ นัดวันพฤหัสบดีที่ 10 ธ.ค. 2569 เวลา 09:00 น."), heard


def test_a_day_of_the_month_on_another_weekday_is_named(chat, people):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมเครือข่าย")
    said = texts(coordinator.say("ศุกร์ที่ 10 นี้ 9.00 น."))[0]
    assert "10 ธ.ค. 2569" in said and "วันพฤหัสบดี" in said, said
