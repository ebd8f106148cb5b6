"""Repository of invite codes: make one (stored hashed), take one (once, before it expires)."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage import members
from storage.erasure import Subject, eraser
from storage.models import Member
from storage.models.invites import Invite

# No 0/O and no 1/I: a code read aloud or copied from a phone screen is never misread.
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
LENGTH = 8
CODE = re.compile(rf"[{ALPHABET}]{{{LENGTH}}}")
# A slow hash: the 40-bit codes cannot be recovered from a copy of the database by brute force.
_SALT = b"moral-network-bot/invite/v1"


@dataclass(frozen=True)
class Taken:
    """The outcome of typing a code: "granted", "already" (held the role) or "invalid"."""

    outcome: str
    role: str | None = None
    network: str | None = None


def new_code() -> str:
    """Return a random code with at least one letter and one digit (so no word looks like one)."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if any(c.isdigit() for c in code) and any(c.isalpha() for c in code):
            return code


def shown(code: str) -> str:
    """Format a code for people: ABCD-2345."""
    return f"{code[:4]}-{code[4:]}"


def clean(typed: str) -> str | None:
    """Return the code in a typed text (any case, dashes and spaces ignored), or None."""
    folded = re.sub(r"[\s\-]", "", typed).upper()
    return folded if CODE.fullmatch(folded) else None


def hash_code(code: str) -> str:
    """Return the stored form of a code."""
    digest = hashlib.scrypt(code.encode(), salt=_SALT, n=2**14, r=8, p=1, dklen=32)
    return digest.hex()


def create(
    session: Session, role: str, network: str | None, now: datetime, days: int = 14
) -> tuple[str, Invite]:
    """Store a new invite; return the code (shown once, never stored) and its row."""
    if role not in members.ROLES:
        raise ValueError(f"unknown role {role!r}")
    code = new_code()
    invite = Invite(
        code_hash=hash_code(code),
        role=role,
        network=network,
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    session.add(invite)
    session.flush()
    return code, invite


def take(session: Session, code: str, member: Member, now: datetime) -> Taken:
    """Give the member the code's role if the code is unused and unexpired; use it up."""
    invite = session.scalars(select(Invite).where(Invite.code_hash == hash_code(code))).first()
    if invite is None or invite.used_at is not None or invite.expires_at <= now:
        return Taken("invalid")
    if members.holds(member, invite.role, invite.network):
        return Taken("already", invite.role, invite.network)  # the code stays usable
    # Two members typing the same code at once: the update lets exactly one of them have it.
    won = session.execute(
        update(Invite)
        .where(Invite.id == invite.id, Invite.used_at.is_(None))
        .values(used_at=now, used_by=member.id)
    )
    if won.rowcount != 1:
        return Taken("invalid")
    members.grant(session, member, invite.role, invite.network)
    return Taken("granted", invite.role, invite.network)


@eraser("invites")
def forget_who_used(session: Session, subject: Subject) -> int:
    """Keep the fact a code was used, not by whom (the foreign key also does this)."""
    if subject.member_id is None:
        return 0
    result = session.execute(
        update(Invite).where(Invite.used_by == subject.member_id).values(used_by=None)
    )
    return result.rowcount or 0
