"""Staff accounts for the web dashboard (separate from LINE members) and failed sign-ins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String
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
