"""Selection rounds: candidates shortlisted, committee scores per criterion, the decision."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow


class SelectionRound(Base):
    """One round of choosing model moral organisations in a province, with criteria weights."""

    __tablename__ = "selection_rounds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    province: Mapped[str] = mapped_column(String(60))
    weights: Mapped[str] = mapped_column(String(200))  # "key=weight,..." in the criteria's order
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SelectionCandidate(Base):
    """An organisation on a round's shortlist, and what the committee decided about it."""

    __tablename__ = "selection_candidates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("selection_rounds.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    decision: Mapped[str | None] = mapped_column(String(20))  # selected, not_selected
    reasons: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("round_id", "organisation_id"),)


class SelectionScore(Base):
    """One committee member's score (1–5) of one criterion for one candidate, with a comment."""

    __tablename__ = "selection_scores"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("selection_candidates.id"), index=True)
    staff_account_id: Mapped[int] = mapped_column(ForeignKey("staff_accounts.id"))
    criterion: Mapped[str] = mapped_column(String(40))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("candidate_id", "staff_account_id", "criterion"),
        CheckConstraint("score BETWEEN 1 AND 5", name="selection_score_range"),
    )
