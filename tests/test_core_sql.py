"""Statements run as Core on the session's connection still see what the session has pending."""

from __future__ import annotations

from sqlalchemy import func, select

from storage import members
from storage.models import Member


def test_a_member_added_but_not_flushed_is_not_inserted_twice(db):
    # get_or_create's insert runs as Core: without a flush first, it would not see the pending
    # member and would add a second row for the same LINE user.
    with db.unit_of_work() as session:
        session.add(Member(line_user_id="U" + "a" * 32))
        member = members.get_or_create(session, "U" + "a" * 32)
        assert member.line_user_id == "U" + "a" * 32
    with db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 1
