"""Demo five-criteria assessments: each network with its own strengths, scores 1-5 with notes."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from demo.plan import SeedPlan, chunks, insert_ids, people
from handlers.questionnaire import default_questionnaire
from storage.models.assessments import Assessment, AssessmentAnswer

# How each network tends to see itself, criterion by criterion (the youth network is newer).
LEANING = {"civil": (4.1, 3.8, 3.6, 3.3, 3.9), "youth": (3.7, 4.2, 3.4, 2.8, 3.5)}
NOTES = ("มีตัวอย่างกิจกรรมต่อเนื่องทุกเดือน", "ยังขาดการติดตามผล", "ได้รับเกียรติบัตรจากจังหวัด",
         "สมาชิกรุ่นใหม่เข้ามาร่วมมากขึ้น", "ควรมีแผนระยะยาว")  # fmt: skip


def seed_assessments(session: Session, plan: SeedPlan, rng: random.Random) -> int:
    """Insert `plan.assessments` submitted assessments with one answer per question."""
    members = people(session)
    if not members or not plan.assessments:
        return 0
    questionnaire = default_questionnaire()
    criteria = [c.key for c in questionnaire.criteria]
    rows, networks = [], []
    for _ in range(plan.assessments):
        member_id, network, organisation = rng.choice(members)
        submitted = plan.now - timedelta(days=rng.triangular(0, plan.days, plan.days * 0.2))
        rows.append({"member_id": member_id, "questionnaire_version": questionnaire.version,
                     "network": network, "organisation": organisation,
                     "submitted_at": submitted})  # fmt: skip
        networks.append(network)
    ids = insert_ids(session, Assessment, rows)
    answers = []
    for assessment_id, network in zip(ids, networks, strict=True):
        leaning = LEANING.get(network, (3.2,) * 5)
        for position, question in enumerate(questionnaire.questions):
            index = criteria.index(question.criterion) if question.criterion in criteria else 0
            score = round(rng.gauss(leaning[min(index, 4)], 0.8))
            answers.append({
                "assessment_id": assessment_id, "question_key": question.key,
                "criterion": question.criterion, "position": position,
                "score": min(5, max(1, score)),
                "note": rng.choice(NOTES) if rng.random() < 0.3 else None,
            })  # fmt: skip
    for batch in chunks(answers):
        session.execute(insert(AssessmentAnswer), batch)
    return len(ids)
