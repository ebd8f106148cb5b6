"""Demo reflections: five after-action answers in Thai, often about one of the member's activities."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from demo import thai
from demo.plan import SeedPlan, chunks, people
from handlers.questionnaire import default_questionnaire
from storage.models.activities import Activity
from storage.models.reflections import Reflection


def _sentence(rng: random.Random) -> str:
    phrases = rng.sample(thai.REFLECTION_PHRASES, rng.randint(1, 3))
    return f"{rng.choice(thai.REFLECTION_OPENINGS)}{' และ'.join(phrases)}"


def seed_reflections(session: Session, plan: SeedPlan, rng: random.Random) -> int:
    """Insert `plan.reflections` reflections in bulk (fast enough for 100,000)."""
    members = people(session)
    if not members or not plan.reflections:
        return 0
    activities: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for activity_id, member_id, title in session.execute(
        select(Activity.id, Activity.member_id, Activity.title)
    ):
        activities[member_id].append((activity_id, title))
    keys = [criterion.key for criterion in default_questionnaire().criteria]
    rows = []
    for _ in range(plan.reflections):
        member_id, network, organisation = rng.choice(members)
        own = activities.get(member_id)
        activity = rng.choice(own) if own and rng.random() < 0.7 else None
        topic = activity[1] if activity else rng.choice(thai.ACTIVITIES)
        created = plan.now - timedelta(days=rng.triangular(0, plan.days, plan.days * 0.2),
                                       minutes=rng.randint(0, 1440))  # fmt: skip
        rows.append({
            "member_id": member_id, "activity_id": activity[0] if activity else None,
            "network": network, "organisation": organisation,
            "set_out": f"ตั้งใจจัดกิจกรรม{topic} ให้คนในชุมชนได้มีส่วนร่วม",
            "happened": _sentence(rng), "worked": _sentence(rng),
            "obstacles": _sentence(rng) if rng.random() < 0.8 else None,
            "lesson": _sentence(rng), "criteria": ",".join(sorted(rng.sample(keys, rng.randint(1, 3)), key=keys.index)),
            "created_at": created, "edited_at": None,
        })  # fmt: skip
    for batch in chunks(rows):
        session.execute(insert(Reflection), batch)
    return len(rows)
