"""Reflections (ถอดบทเรียน): a member's after-action review, optionally about one activity."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow


class Reflection(Base):
    """Five short answers (each at most 1,000 characters) and the criteria they speak to."""

    __tablename__ = "reflections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Deleting a member deletes their reflections with them (the database does it).
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    # Deleting the activity keeps the lesson (it is still worth reading), just no longer linked.
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", ondelete="SET NULL"), index=True
    )
    # The member's network and organisation when they wrote it (they may move later).
    network: Mapped[str | None] = mapped_column(String(40), index=True)
    organisation: Mapped[str | None] = mapped_column(String(200))
    set_out: Mapped[str] = mapped_column(Text)
    happened: Mapped[str] = mapped_column(Text)
    worked: Mapped[str] = mapped_column(Text)
    obstacles: Mapped[str | None] = mapped_column(Text)
    lesson: Mapped[str] = mapped_column(Text)
    # Keys of the questionnaire's criteria, comma-separated in the questionnaire's order.
    criteria: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def criteria_keys(self) -> list[str]:
        return [key for key in self.criteria.split(",") if key]
