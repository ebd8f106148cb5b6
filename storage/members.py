"""Repository of members: find by LINE user id, create on first need, roles, who may get pushes."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from storage.models import Member, MemberRole
from storage.models.members import reachable_clause
from storage.upsert import insert_ignore

ROLES = ("coordinator", "staff")
# Within one unit of work the same member is looked up several times (the processor, the router,
# the handler, the consent check after it): the first answer is remembered in `session.info`.
_FOUND = "members.found"
_BY_LINE_ID = select(Member).where(Member.line_user_id == bindparam("line_user_id"))


def find(session: Session, line_user_id: str) -> Member | None:
    """Return the member with this LINE user id, if any."""
    found = session.info.setdefault(_FOUND, {})
    if line_user_id in found:
        member = found[line_user_id]
        # A member deleted (or rolled back with its savepoint) since is looked up again.
        if member is None or (member in session and member not in session.deleted):
            return member
    member = session.scalars(_BY_LINE_ID, {"line_user_id": line_user_id}).first()
    found[line_user_id] = member
    return member


def find_all(session: Session, line_user_ids: list[str]) -> None:
    """Look up these members in one query; `find` then answers for each without another."""
    found = session.info.setdefault(_FOUND, {})
    wanted = [user for user in dict.fromkeys(line_user_ids) if user not in found]
    if not wanted:
        return
    stmt = select(Member).where(Member.line_user_id.in_(wanted))
    rows = {member.line_user_id: member for member in session.scalars(stmt)}
    found.update({user: rows.get(user) for user in wanted})


def get_or_create(session: Session, line_user_id: str) -> Member:
    """Return the member, creating the row first if two workers race to make it."""
    insert_ignore(session, Member, [{"line_user_id": line_user_id}])
    session.info.get(_FOUND, {}).pop(line_user_id, None)  # "none" is no longer true
    member = find(session, line_user_id)
    assert member is not None
    return member


def reachable_user_ids(session: Session, network: str | None = None) -> list[str]:
    """LINE user ids that may receive pushes: consent given and still following (of `network`).

    Every feature that pushes or multicasts selects its recipients here, so a member who
    withdrew consent or blocked the bot is never messaged again.
    """
    stmt = select(Member.line_user_id).where(reachable_clause())
    if network is not None:
        stmt = stmt.where(Member.network == network)
    return list(session.scalars(stmt.order_by(Member.id)))


def everyone(session: Session, network: str | None = None) -> list[Member]:
    """Every member row (consented or not), oldest first; only `network`'s when given."""
    stmt = select(Member).order_by(Member.id)
    if network is not None:
        stmt = stmt.where(Member.network == network)
    return list(session.scalars(stmt))


def holds(member: Member, role: str, network: str | None) -> bool:
    """True if the member holds exactly this role (for exactly this network)."""
    return any(r.role == role and r.network == network for r in member.roles)


def grant(session: Session, member: Member, role: str, network: str | None) -> bool:
    """Give the member a role; False if they already held it."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if holds(member, role, network):
        return False
    member.roles.append(MemberRole(role=role, network=network))
    session.flush()
    return True


def revoke(session: Session, member: Member, role: str, network: str | None) -> bool:
    """Take a role away; False if the member did not hold it."""
    held = [r for r in member.roles if r.role == role and r.network == network]
    for row in held:
        member.roles.remove(row)
    session.flush()
    return bool(held)
