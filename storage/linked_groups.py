"""Repository of LINE groups linked to a network, where meetings can be announced."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models.meetings import LinkedGroup
from storage.upsert import insert_ignore


def link_group(
    session: Session, group_id: str, network: str, member_id: int | None, name: str | None = None
) -> None:
    """Remember a LINE group as belonging to a network (linking again moves it, renames it)."""
    row = {"group_id": group_id, "network": network, "linked_by": member_id, "name": name}
    if not insert_ignore(session, LinkedGroup, [row]):
        values = {"network": network, "linked_by": member_id}
        if name:
            values["name"] = name
        session.execute(
            update(LinkedGroup).where(LinkedGroup.group_id == group_id).values(**values)
        )


def name_of(session: Session, group_id: str | None) -> str | None:
    """The linked group's name as LINE last told it (None if unknown)."""
    if not group_id:
        return None
    return session.scalar(select(LinkedGroup.name).where(LinkedGroup.group_id == group_id))


def groups_of(session: Session, networks: list[str] | None) -> list[LinkedGroup]:
    """Linked groups of these networks (all groups when None), oldest first."""
    stmt = select(LinkedGroup).order_by(LinkedGroup.id)
    if networks is not None:
        stmt = stmt.where(LinkedGroup.network.in_(networks))
    return list(session.scalars(stmt))
