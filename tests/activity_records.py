"""Put activities in the database as the activities feature would have saved them."""

from __future__ import annotations

from datetime import date, datetime

from storage import activities, members
from storage.activities import Details


def logged(
    db, user_id: str, title: str, held_on: date, at: datetime, criteria: tuple[int, ...] = ()
) -> int:
    """Store an activity the member logged at `at`; return its id."""
    with db.unit_of_work() as session:
        member = members.find(session, user_id)
        details = Details(title, held_on, False, "วัดพระแก้ว", 30, criteria)
        return activities.add(session, member, details, at).id
