"""Good practice shared back: stories staff marked, their authors' answers, the monthly digest."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow

ASKED, GRANTED, REFUSED, WITHDRAWN = "asked", "granted", "refused", "withdrawn"


class SharedStory(Base):
    """An activity or a reflection staff marked as good practice, and whether its author agreed.

    Only a `granted` story is ever shown to other members, and with the author's name only when
    `show_name` is set; the author may refuse, or withdraw later, at any time.
    """

    __tablename__ = "shared_stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), unique=True
    )
    reflection_id: Mapped[int | None] = mapped_column(
        ForeignKey("reflections.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[str] = mapped_column(String(12), default=ASKED, index=True)
    show_name: Mapped[bool] = mapped_column(Boolean, default=False)
    marked_by: Mapped[int | None] = mapped_column(
        ForeignKey("staff_accounts.id", ondelete="SET NULL")
    )
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # When the author last answered; a granted story counts as new in the month it was granted.
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    __table_args__ = (
        CheckConstraint(
            "(activity_id IS NULL) <> (reflection_id IS NULL)", name="one_activity_or_reflection"
        ),
    )


class StoryDigest(Base):
    """The monthly digest of newly shared stories: approved by staff (quota seen), sent by the clock."""

    __tablename__ = "story_digests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[str] = mapped_column(String(7), unique=True)  # "2026-11": stories granted then
    approved_by: Mapped[int | None] = mapped_column(
        ForeignKey("staff_accounts.id", ondelete="SET NULL")
    )
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recipients: Mapped[int | None] = mapped_column(Integer)


class StoryDigestOptOut(Base):
    """A member who asked not to receive the monthly digest of shared stories."""

    __tablename__ = "story_digest_optouts"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
