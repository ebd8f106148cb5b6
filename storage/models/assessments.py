"""Five-criteria self-assessments: one row per submission, one row per answered question."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow


class Assessment(Base):
    """A submitted assessment, with the questionnaire version and who the member was then."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    questionnaire_version: Mapped[str] = mapped_column(String(40))
    # Network and organisation at the time: medians and exports group by these, not today's.
    network: Mapped[str | None] = mapped_column(String(40), index=True)
    organisation: Mapped[str | None] = mapped_column(String(200))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    answers: Mapped[list[AssessmentAnswer]] = relationship(
        back_populates="assessment",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="AssessmentAnswer.position",
    )

    def scores(self) -> dict[str, int]:
        """Return each answered question's score by its key."""
        return {answer.question_key: answer.score for answer in self.answers}


class AssessmentAnswer(Base):
    """One question's rating (1–5) and optional evidence note."""

    __tablename__ = "assessment_answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    question_key: Mapped[str] = mapped_column(String(40))
    criterion: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)
    score: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)

    assessment: Mapped[Assessment] = relationship(back_populates="answers")

    __table_args__ = (
        UniqueConstraint("assessment_id", "question_key"),
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
    )
