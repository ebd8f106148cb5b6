"""Demo members: consented, registered, spread over networks, Chiang Rai organisations and months."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from demo import thai
from demo.plan import DEMO_PREFIX, SeedPlan, chunks
from storage.models import Member, MemberRole
from storage.models.members import CONSENT_GIVEN

NETWORK_WEIGHTS = (("civil", 55), ("youth", 40), ("other", 5))


def demo_line_id(number: int) -> str:
    """A LINE-shaped user id (U + 32 characters) that says it is demo data."""
    return f"{DEMO_PREFIX}{number:027x}"


def seed_members(session: Session, plan: SeedPlan, rng: random.Random) -> int:
    """Insert `plan.members` members (about one in twenty a coordinator); return how many."""
    start = session.scalar(select(func.count()).where(Member.line_user_id.like(f"{DEMO_PREFIX}%")))
    keys, weights = zip(*NETWORK_WEIGHTS, strict=True)
    rows = []
    for number in range(start or 0, (start or 0) + plan.members):
        network = rng.choices(keys, weights)[0]
        registered = plan.now - timedelta(days=rng.triangular(0, plan.days, plan.days * 0.3))
        name = f"{rng.choice(thai.FIRST_NAMES)} {rng.choice(thai.LAST_NAMES)}"
        rows.append({
            "line_user_id": demo_line_id(number), "language": "en" if rng.random() < 0.05 else "th",
            "following": True, "consent_status": CONSENT_GIVEN, "consent_version": "2026-11",
            "consent_decided_at": registered - timedelta(minutes=3), "display_name": name,
            "network": network, "organisation": rng.choice(thai.ORGANISATIONS[network]),
            "province": "เชียงราย", "registered_at": registered, "created_at": registered,
            "updated_at": registered,
        })  # fmt: skip
    for batch in chunks(rows):
        session.execute(insert(Member), batch)
    new = session.execute(
        select(Member.id, Member.network)
        .where(Member.line_user_id.in_([r["line_user_id"] for r in rows[: max(1, len(rows) // 20)]]))
    ).all()  # fmt: skip
    roles = [
        {"member_id": i, "role": "coordinator", "network": n, "granted_at": plan.now}
        for i, n in new
    ]
    if rows and roles:
        session.execute(insert(MemberRole), roles)
    return len(rows)
