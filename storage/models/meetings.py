"""Meetings, their planned reminders, members' RSVPs, staff's recurring prompts and linked groups."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from storage.models.meeting_series import MeetingSeries

SCHEDULED, CANCELLED = "scheduled", "cancelled"
# Reminder statuses: planned; turned into deliveries; not sent (with a reason); withdrawn.
PENDING, QUEUED, SKIPPED, WITHDRAWN = "pending", "queued", "skipped", "withdrawn"
RSVP_ANSWERS = ("yes", "no", "maybe")


class Meeting(Base):
    """A meeting a coordinator (or staff, from a terminal) announced to an audience."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when a range was given
    link: Mapped[str | None] = mapped_column(String(500))
    place: Mapped[str | None] = mapped_column(String(300))
    agenda: Mapped[str | None] = mapped_column(Text)
    # "networks" (a comma-separated list in `networks`), "all" members, or one LINE "group".
    audience: Mapped[str] = mapped_column(String(16))
    networks: Mapped[str | None] = mapped_column(String(200))
    group_id: Mapped[str | None] = mapped_column(String(64))
    # Who scheduled it (gets the RSVP summary); None when staff used the terminal.
    organiser_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    # The reminders planned for it, e.g. "announcement,day_before@09:00,hour_before:60".
    plan: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default=SCHEDULED)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # One occurrence of a repeating meeting (storage/models/meeting_series.py), else None.
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL"), index=True
    )
    series: Mapped[MeetingSeries | None] = relationship(lazy="select")

    @property
    def network_list(self) -> list[str]:
        return [n for n in (self.networks or "").split(",") if n]


class Reminder(Base):
    """One planned send (announcement, reminder, summary, notice, prompt), turned into deliveries once."""

    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    prompt_id: Mapped[int | None] = mapped_column(
        ForeignKey("recurring_prompts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default=PENDING)
    # Two clocks planning the same occurrence of a prompt insert one row (NULL for meetings).
    plan_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    reason: Mapped[str | None] = mapped_column(String(200))
    # Counted when the recipients are fixed, in the same transaction as the deliveries.
    recipient_count: Mapped[int | None] = mapped_column(Integer)
    left_out: Mapped[str | None] = mapped_column(String(300))  # JSON {"declined": 2, ...}
    queued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_reminders_due", "status", "due_at"),)


class Rsvp(Base):
    """A member's answer to a meeting: yes, no or maybe (the latest answer counts)."""

    __tablename__ = "rsvps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    answer: Mapped[str] = mapped_column(String(8))
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)


class RecurringPrompt(Base):
    """A message staff send every month on a day at a time (e.g. the 25th at 18:00)."""

    __tablename__ = "recurring_prompts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day_of_month: Mapped[int] = mapped_column(Integer)  # 1-31; short months use their last day
    at_time: Mapped[str] = mapped_column(String(5))  # HH:MM in the bot's time zone
    text_th: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str | None] = mapped_column(Text)
    networks: Mapped[str | None] = mapped_column(String(200))  # None: every member
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LinkedGroup(Base):
    """A LINE group a coordinator linked to their network, so meetings can be announced there."""

    __tablename__ = "linked_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[str] = mapped_column(String(64), unique=True)
    network: Mapped[str] = mapped_column(String(40))
    name: Mapped[str | None] = mapped_column(String(100))  # LINE's group name, when it told us
    linked_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
