"""Activities members log: what their group did, when, where, with whom, and its photos."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow

CRITERIA = (
    1,
    2,
    3,
    4,
    5,
)  # the five criteria of a model moral organisation, in the article's order
MAX_PARTICIPANTS = 10_000
MAX_PHOTOS = 5


class Activity(Base):
    """One activity of a member's group; network and organisation as they were when it was logged."""

    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(100))
    held_on: Mapped[date] = mapped_column(Date)
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    place: Mapped[str | None] = mapped_column(String(200))
    participants: Mapped[int] = mapped_column(Integer)
    network: Mapped[str | None] = mapped_column(String(40))
    organisation: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    criteria_rows: Mapped[list[ActivityCriterion]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="ActivityCriterion.criterion",
    )
    photos: Mapped[list[ActivityPhoto]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="ActivityPhoto.position",
    )

    __table_args__ = (
        CheckConstraint(
            f"participants BETWEEN 1 AND {MAX_PARTICIPANTS}", name="participants_in_range"
        ),
        CheckConstraint("online OR place IS NOT NULL", name="place_or_online"),
        # "My activities" lists a member's latest first.
        Index("ix_activities_member_created", "member_id", "created_at"),
    )

    @property
    def criteria(self) -> list[int]:
        """Return the numbers (1-5) of the criteria this activity serves, in order."""
        return [row.criterion for row in self.criteria_rows]


class ActivityCriterion(Base):
    """That an activity serves one of the five criteria (one row per criterion it serves)."""

    __tablename__ = "activity_criteria"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True
    )
    criterion: Mapped[int] = mapped_column(SmallInteger, primary_key=True)

    __table_args__ = (CheckConstraint("criterion BETWEEN 1 AND 5", name="criterion_1_to_5"),)


class ActivityPhoto(Base):
    """A photo of an activity: where the media store keeps it, what it is, its place in the list."""

    __tablename__ = "activity_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    path: Mapped[str] = mapped_column(String(200))  # relative to the media directory
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint(f"position BETWEEN 0 AND {MAX_PHOTOS - 1}", name="position_in_range"),
    )
