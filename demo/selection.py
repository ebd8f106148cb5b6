"""A finished demo selection round: three Chiang Rai candidates, two scorers, decisions with reasons."""

from __future__ import annotations

import random
import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from demo.plan import SeedPlan
from handlers.questionnaire import default_questionnaire
from storage import selection
from storage.models import Member
from storage.models.staff import StaffAccount

SCORERS = ("committee1@demo.moralcenter.example", "committee2@demo.moralcenter.example")
REASONS = (
    "มีหลักฐานครบทั้ง 5 หลัก สมาชิกมีส่วนร่วมสม่ำเสมอ และถอดบทเรียนเป็นรูปธรรม",
    "มีกิจกรรมต่อเนื่อง แต่หลักฐานด้านความยั่งยืนยังไม่ชัดเจน",
    "ผลลัพธ์ดี แต่ยังขาดการขยายผลสู่เครือข่ายอื่น",
)


def _scorers(session: Session) -> list[int]:
    """Two committee accounts that cannot sign in (inactive, unknown password): demo data only."""
    ids = []
    for email in SCORERS:
        account = session.scalar(select(StaffAccount).where(StaffAccount.email == email))
        if account is None:
            account = StaffAccount(email=email, password_hash=secrets.token_hex(32), active=False)
            session.add(account)
            session.flush()
        ids.append(account.id)
    return ids


def seed_selection(session: Session, plan: SeedPlan, rng: random.Random) -> int:
    """Make one decided round from the three organisations with most members; return rounds made."""
    biggest = session.execute(
        select(Member.organisation_id).where(Member.organisation_id.is_not(None))
        .group_by(Member.organisation_id).order_by(func.count().desc(), Member.organisation_id)
        .limit(3)
    ).scalars().all()  # fmt: skip
    if not biggest:
        return 0
    keys = [c.key for c in default_questionnaire().criteria]
    found = selection.open_round(
        session, "คัดเลือกองค์กรคุณธรรมต้นแบบ จังหวัดเชียงราย ปี 2569", "เชียงราย",
        {key: 2.0 if key == keys[0] else 1.0 for key in keys},
    )  # fmt: skip
    scorers = _scorers(session)
    for place, org_id in enumerate(biggest):
        candidate = selection.shortlist(session, found.id, org_id)
        for scorer in scorers:
            for key in keys:
                value = max(1, min(5, 5 - place - rng.randint(0, 1)))
                selection.score(session, candidate.id, scorer, key, value,
                                "เห็นหลักฐานจากภาพกิจกรรม" if rng.random() < 0.3 else None)  # fmt: skip
        decision = "selected" if place == 0 else "not_selected"
        selection.decide(session, candidate.id, decision, REASONS[place])
    return 1
