"""Demo good practice: reflections and activities staff marked, most allowed by their authors
(a few with the name), some refused or awaiting an answer, shared over the last two months."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from demo.plan import SeedPlan
from storage.models.activities import Activity
from storage.models.reflections import Reflection
from storage.models.stories import ASKED, GRANTED, REFUSED, SharedStory

REFLECTIONS, ACTIVITIES = 16, 8


def _status(rng: random.Random) -> str:
    roll = rng.random()
    return GRANTED if roll < 0.7 else REFUSED if roll < 0.85 else ASKED


def seed_stories(session: Session, plan: SeedPlan, rng: random.Random) -> int:
    """Mark a few of the newest reflections and activities; return how many stories were made."""
    # Seeding again (--force) leaves the records already marked alone: one story per record.
    marked_reflections = select(SharedStory.reflection_id).where(
        SharedStory.reflection_id.is_not(None)
    )
    marked_activities = select(SharedStory.activity_id).where(SharedStory.activity_id.is_not(None))
    reflections = session.execute(
        select(Reflection.id, Reflection.member_id)
        .where(Reflection.criteria != "", Reflection.id.not_in(marked_reflections))
        .order_by(Reflection.created_at.desc()).limit(REFLECTIONS)
    ).all()  # fmt: skip
    activities = session.execute(
        select(Activity.id, Activity.member_id).where(Activity.id.not_in(marked_activities))
        .order_by(Activity.created_at.desc()).limit(ACTIVITIES)
    ).all()  # fmt: skip
    made = 0
    for kind, rows in (("reflection", reflections), ("activity", activities)):
        for record_id, member_id in rows:
            status = _status(rng)
            marked = plan.now - timedelta(days=rng.randint(5, 60))
            answered = None if status == ASKED else marked + timedelta(hours=rng.randint(1, 72))
            session.add(SharedStory(
                member_id=member_id, status=status, marked_at=marked, answered_at=answered,
                show_name=status == GRANTED and rng.random() < 0.3,
                activity_id=record_id if kind == "activity" else None,
                reflection_id=record_id if kind == "reflection" else None,
            ))  # fmt: skip
            made += 1
    session.flush()
    return made
