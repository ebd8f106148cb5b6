"""Staff accounts for the web dashboard (separate from LINE members) and failed sign-ins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow


class StaffAccount(Base):
    """A person of the Moral Center or the university team who signs in to /staff."""

    __tablename__ = "staff_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    # werkzeug's salted hash (scrypt), never the password itself.
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Every session carries the version it began with; raising it ends all of them at once
    # (sign-out, password change, deactivation).
    session_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # A staff admin invites, deactivates and reactivates accounts, and reads the audit log.
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    # What the account sees (comma-separated); both empty: every province and network.
    scope_provinces: Mapped[str | None] = mapped_column(String(2000))
    scope_networks: Mapped[str | None] = mapped_column(String(400))


class StaffSignInFailure(Base):
    """One failed sign-in: counted per account and per address to lock guessing out for a while."""

    __tablename__ = "staff_sign_in_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    ip: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        Index("ix_staff_failures_email_at", "email", "at"),
        Index("ix_staff_failures_ip_at", "ip", "at"),
    )


class StaffInvite(Base):
    """A one-time link an admin sends: whoever opens it first sets the password of `email`."""

    __tablename__ = "staff_invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    # SHA-256 of the link's token: a copy of the database does not hold usable links.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StaffAuditEntry(Base):
    """Who did what in the staff web: sign-ins, exports (their filters, never rows), accounts."""

    __tablename__ = "staff_audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(1000), default="")
