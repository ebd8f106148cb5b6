"""Organisers told that LINE refused a reminder for the month's quota: once per reminder."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow


class QuotaNotice(Base):
    """A reminder some of whose deliveries LINE refused for the monthly limit, and whether (and
    how) its organiser has been told: by a push at once, or in the reply to their next message."""

    __tablename__ = "quota_notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reminder_id: Mapped[int] = mapped_column(
        ForeignKey("reminders.id", ondelete="CASCADE"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    told_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    told_via: Mapped[str | None] = mapped_column(String(16))  # "push" or "reply"
