"""Repository of members: find by LINE user id, create on first need, set preferences."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Member
from storage.upsert import insert_ignore


def find(session: Session, line_user_id: str) -> Member | None:
    """Return the member with this LINE user id, if any."""
    return session.scalars(select(Member).where(Member.line_user_id == line_user_id)).first()


def get_or_create(session: Session, line_user_id: str) -> Member:
    """Return the member, creating the row first if two workers race to make it."""
    insert_ignore(session, Member, [{"line_user_id": line_user_id}])
    member = find(session, line_user_id)
    assert member is not None
    return member
