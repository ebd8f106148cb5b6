"""Put reflections, activities (with a photo) and assessments in the database as members made them."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

from demo.activities import demo_photo
from handlers.questionnaire import default_questionnaire
from storage import assessments, members, reflections
from storage.assessments import Rating
from storage.media import MediaStore
from storage.models.activities import Activity, ActivityCriterion

# 13:30 in Bangkok on the day of the article (9 August 2021).
AT = datetime(2021, 8, 9, 6, 30, tzinfo=UTC)
PNG = demo_photo(random.Random(2564))  # a real 480×320 picture, so browsers can show it
ANSWERS = {
    "set_out": "อยากให้เยาวชนช่วยกันดูแลวัด",
    "happened": "มาช่วยกันกวาดลานวัด 30 คน",
    "worked": "พระสงฆ์ช่วยประสาน",
    "obstacles": "=ฝนตกหนัก",
    "lesson": "การทำงานร่วมกับวัดทำให้ชุมชนไว้ใจ",
}


def reflection(db, user_id: str, *, activity_id: int | None = None, at=AT, **answers) -> int:
    with db.unit_of_work() as session:
        member = members.find(session, user_id)
        item = reflections.save(session, member, {**ANSWERS, **answers},
                                ["principles", "participation"], activity_id, at)  # fmt: skip
        return item.id


def activity(db, user_id: str, media_dir, *, title="ทำความสะอาดวัดร่องขุ่น", photo=True,
             held_on: date = date(2021, 8, 9)) -> int:  # fmt: skip
    with db.unit_of_work() as session:
        member = members.find(session, user_id)
        item = Activity(member_id=member.id, title=title, held_on=held_on, online=False,
                        place="อ.เมืองเชียงราย", participants=30, network=member.network,
                        organisation=member.organisation, created_at=AT)  # fmt: skip
        item.criteria_rows.extend([ActivityCriterion(criterion=2), ActivityCriterion(criterion=3)])
        if photo:
            from storage.models.activities import ActivityPhoto

            stored = MediaStore(media_dir).save_image(member.id, PNG)
            item.photos.append(ActivityPhoto(position=0, **stored.as_dict()))
        session.add(item)
        session.flush()
        return item.id


def assessment(db, user_id: str, scores=(5, 4, 3, 2, 1), note="มีเกียรติบัตร", at=AT) -> int:
    questionnaire = default_questionnaire()
    ratings = [
        Rating(question.key, question.criterion, score, note if index == 0 else None)
        for index, (question, score) in enumerate(
            zip(questionnaire.questions, scores, strict=False)
        )
    ]
    with db.unit_of_work() as session:
        member = members.find(session, user_id)
        return assessments.save(session, member, questionnaire.version, ratings, at).id
