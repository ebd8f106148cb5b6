"""Demo data for trying the dashboard and for the benchmarks: `flask demo seed`.

Each model's seeding is one function `seed_<kind>(session, plan, rng) -> int` in its own module;
SEEDERS lists them in the order they depend on each other.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from sqlalchemy import func, select

from demo.activities import seed_activities
from demo.assessments import seed_assessments
from demo.meetings import seed_meetings
from demo.members import seed_members
from demo.organisations import seed_organisations
from demo.plan import DEMO_PREFIX, SeedPlan
from demo.reflections import seed_reflections
from demo.selection import seed_selection
from demo.stories import seed_stories
from storage.db import Database
from storage.models import Member

Seeder = Callable[..., int]
SEEDERS: list[tuple[str, Seeder]] = [
    ("members", seed_members),
    ("organisations", seed_organisations),
    ("activities", seed_activities),
    ("reflections", seed_reflections),
    ("assessments", seed_assessments),
    ("meetings", seed_meetings),
    ("selection rounds", seed_selection),
    ("shared stories", seed_stories),
]


class RealMembersPresent(RuntimeError):
    """The database holds members who are not demo data: seeding would mix fiction into real work."""


def real_members(db: Database) -> int:
    with db.unit_of_work() as session:
        stmt = select(func.count()).where(~Member.line_user_id.like(f"{DEMO_PREFIX}%"))
        return session.scalar(stmt) or 0


def seed(db: Database, plan: SeedPlan, *, seed_value: int = 2564, force: bool = False) -> dict:
    """Fill the database with demo data in one transaction; return how many rows of each kind."""
    real = real_members(db)
    if real and not force:
        raise RealMembersPresent(
            f"this database holds {real} real member(s); demo data would mix with theirs "
            "(use --force only on a copy meant for trying things out)"
        )
    rng = random.Random(seed_value)
    made = {}
    with db.unit_of_work() as session:
        for name, seeder in SEEDERS:
            made[name] = seeder(session, plan, rng)
    return made


__all__ = ["SEEDERS", "RealMembersPresent", "SeedPlan", "seed"]
