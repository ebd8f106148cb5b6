"""Repository of staff accounts: create, check a password, and lock out repeated guessing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from storage.models.staff import StaffAccount, StaffSignInFailure

MIN_PASSWORD_LENGTH = 10


@cache
def _dummy_hash() -> str:
    """A hash to check when the email is unknown: a wrong email takes as long as a wrong password."""
    return generate_password_hash("not-a-real-password")


@dataclass(frozen=True)
class LockoutPolicy:
    """How many failures within `window` lock an account or an address, for the rest of `window`."""

    per_account: int = 5
    per_ip: int = 20
    window: timedelta = timedelta(minutes=15)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def create_account(
    session: Session, email: str, password: str, admin: bool = False
) -> StaffAccount:
    """Store a new account with a salted scrypt hash of its password."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    account = StaffAccount(
        email=normalize_email(email),
        password_hash=generate_password_hash(password),
        is_admin=admin,
    )
    session.add(account)
    session.flush()
    return account


def set_scope(
    session: Session, account: StaffAccount, provinces: list[str], networks: list[str]
) -> None:
    """Limit what the account sees to these provinces and/or networks (both empty: everything)."""
    account.scope_provinces = ",".join(sorted(set(provinces))) or None
    account.scope_networks = ",".join(sorted(set(networks))) or None


def find(session: Session, email: str) -> StaffAccount | None:
    return session.scalars(
        select(StaffAccount).where(StaffAccount.email == normalize_email(email))
    ).first()


def get_active(session: Session, account_id: int) -> StaffAccount | None:
    account = session.get(StaffAccount, account_id)
    return account if account is not None and account.active else None


def _failures(session: Session, column, value: str, since: datetime) -> int:
    stmt = select(func.count()).where(column == value, StaffSignInFailure.at >= since)
    return session.scalar(stmt) or 0


def locked_out(session: Session, email: str, ip: str, policy: LockoutPolicy, now: datetime) -> bool:
    """True while this account, from this address, may not try again.

    An account is locked after `per_account` failures from anywhere. An address over its cap
    (`per_ip`, e.g. an attacker behind the office's proxy) is refused only for accounts that have
    failed recently: a colleague behind the same address whose account is not under attack still
    signs in with the right password.
    """
    since = now - policy.window
    account_failures = _failures(session, StaffSignInFailure.email, normalize_email(email), since)
    if account_failures >= policy.per_account:
        return True
    address_over_cap = _failures(session, StaffSignInFailure.ip, ip, since) >= policy.per_ip
    return address_over_cap and account_failures > 0


def authenticate(
    session: Session, email: str, password: str, ip: str, policy: LockoutPolicy, now: datetime
) -> StaffAccount | None:
    """Return the account if the password is right and no lock-out holds; record a failure if not."""
    email = normalize_email(email)
    if locked_out(session, email, ip, policy, now):
        return None
    account = find(session, email)
    good = check_password_hash(account.password_hash if account else _dummy_hash(), password)
    if account is None or not account.active or not good:
        session.add(StaffSignInFailure(email=email[:254], ip=ip[:64], at=now))
        return None
    session.execute(delete(StaffSignInFailure).where(StaffSignInFailure.email == email))
    account.last_sign_in_at = now
    return account


def end_sessions(account: StaffAccount) -> None:
    """End every session of the account at once: each carries the version it began with."""
    account.session_version = (account.session_version or 1) + 1


def set_active(session: Session, email: str, active: bool) -> StaffAccount | None:
    """Deactivate (ending every session) or reactivate an account; None if there is none."""
    account = find(session, email)
    if account is not None:
        account.active = active
        end_sessions(account)
    return account


def set_password(session: Session, email: str, password: str) -> StaffAccount | None:
    """Give the account a new password and end every session signed in with the old one."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    account = find(session, email)
    if account is not None:
        account.password_hash = generate_password_hash(password)
        end_sessions(account)
    return account


def session_account(session: Session, account_id: int, version: int) -> StaffAccount | None:
    """The active account of a session, if the session was not ended since it began."""
    account = get_active(session, account_id)
    if account is None or account.session_version != version:
        return None
    return account
