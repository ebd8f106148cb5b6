"""A repeating meeting: its rule and what each occurrence copies; occurrences are Meeting rows."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow

ACTIVE, ENDED = "active", "cancelled"


class MeetingSeries(Base):
    """ "ทุกวันอังคารแรกของเดือน 13.30 น.": the clock plans its next occurrences, ~3 months ahead."""

    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(String(100))  # RRULE text, e.g. "FREQ=MONTHLY;BYDAY=+1TU"
    starts_on: Mapped[date] = mapped_column(Date)  # the first day: every other week counts from it
    at_time: Mapped[str] = mapped_column(String(5))  # HH:MM local
    until_time: Mapped[str | None] = mapped_column(String(5))  # HH:MM local, end of a range
    title: Mapped[str] = mapped_column(String(200))
    link: Mapped[str | None] = mapped_column(String(500))
    place: Mapped[str | None] = mapped_column(String(300))
    agenda: Mapped[str | None] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(16))
    networks: Mapped[str | None] = mapped_column(String(200))
    group_id: Mapped[str | None] = mapped_column(String(64))
    organiser_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    plan: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default=ACTIVE)
    # Occurrences up to here exist as meetings; the clock moves it on (compare-and-set).
    planned_until: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
