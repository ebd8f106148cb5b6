"""Staff admin: one-time invite links and the audit log of sign-ins, exports and account changes."""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import staff as accounts
from storage.models.staff import StaffAccount, StaffAuditEntry, StaffInvite

INVITE_DAYS = 7


def record(session: Session, actor: str, action: str, *, at: datetime, **detail: object) -> None:
    """Add an audit entry at `at` (the bot's clock); `detail` holds filters or the account
    changed, never members' data."""
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str) if detail else ""
    session.add(StaffAuditEntry(at=at, actor=actor[:254], action=action[:40], detail=text[:1000]))


def recent_entries(session: Session, limit: int = 200) -> list[StaffAuditEntry]:
    stmt = select(StaffAuditEntry).order_by(StaffAuditEntry.id.desc()).limit(limit)
    return list(session.scalars(stmt))


def all_accounts(session: Session) -> list[StaffAccount]:
    return list(session.scalars(select(StaffAccount).order_by(StaffAccount.email)))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(session: Session, email: str, created_by: str, now: datetime) -> str:
    """Make a one-time invite for `email` and return its token (stored only as a hash)."""
    token = secrets.token_urlsafe(32)
    session.add(
        StaffInvite(
            email=accounts.normalize_email(email),
            token_hash=_hash(token),
            created_by=created_by,
            expires_at=now + timedelta(days=INVITE_DAYS),
        )
    )
    return token


def open_invite(session: Session, token: str, now: datetime) -> StaffInvite | None:
    """The invite behind a token, if it is unused and not expired."""
    found = session.scalars(
        select(StaffInvite).where(StaffInvite.token_hash == _hash(token))
    ).first()
    if found is None or found.used_at is not None or found.expires_at <= now:
        return None
    return found


def accept(session: Session, token: str, password: str, now: datetime) -> StaffAccount | None:
    """Use the invite once: create the account, or set a new password if it exists already."""
    found = open_invite(session, token, now)
    if found is None:
        return None
    account = accounts.find(session, found.email)
    if account is None:
        account = accounts.create_account(session, found.email, password)
    else:
        accounts.set_password(session, found.email, password)
        account.active = True
    found.used_at = now
    return account
