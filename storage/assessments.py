"""Repository of assessments: save a submission, find earlier ones, network medians (n ≥ 5 only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from statistics import median

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Member
from storage.models.assessments import Assessment, AssessmentAnswer

# The network's median of a question is shown only when at least this many members answered it
# in the period: with fewer, a median could reveal how one person rated their network.
MIN_RESPONDENTS = 5


@dataclass(frozen=True)
class Rating:
    """One answered question, as the flow collected it."""

    question_key: str
    criterion: str | None
    score: int
    note: str | None = None


@dataclass(frozen=True)
class NetworkMedians:
    """What may be shown of a network's answers in a period: never a median of fewer than 5."""

    respondents: int  # members who submitted at least one assessment in the period
    medians: dict[str, float] = field(default_factory=dict)  # question key -> median, n ≥ 5 only
    answered: dict[str, int] = field(default_factory=dict)  # question key -> members who answered


def save(
    session: Session, member: Member, version: str, ratings: list[Rating], now: datetime
) -> Assessment:
    """Store a submission with the questionnaire version and the member's network and organisation."""
    assessment = Assessment(
        member_id=member.id, questionnaire_version=version, network=member.network,
        organisation=member.organisation, submitted_at=now,
    )  # fmt: skip
    for position, rating in enumerate(ratings):
        assessment.answers.append(
            AssessmentAnswer(
                question_key=rating.question_key,
                criterion=rating.criterion,
                position=position,
                score=rating.score,
                note=rating.note,
            )  # fmt: skip
        )
    session.add(assessment)
    session.flush()
    return assessment


def latest(session: Session, member_id: int, before: Assessment | None = None) -> Assessment | None:
    """Return the member's newest assessment (older than `before`, when given)."""
    stmt = select(Assessment).where(Assessment.member_id == member_id)
    if before is not None:
        stmt = stmt.where(
            Assessment.id != before.id, Assessment.submitted_at <= before.submitted_at
        )
    stmt = stmt.order_by(Assessment.submitted_at.desc(), Assessment.id.desc()).limit(1)
    return session.scalars(stmt).first()


def count(session: Session, member_id: int) -> int:
    """Count the member's submitted assessments."""
    stmt = select(func.count(Assessment.id)).where(Assessment.member_id == member_id)
    return session.scalar(stmt) or 0


def respondents_in_network(
    session: Session, network: str, start: datetime, end: datetime
) -> set[int]:
    """Return the ids of members who submitted an assessment for `network` in the period."""
    stmt = select(Assessment.member_id).where(
        Assessment.network == network,
        Assessment.submitted_at >= start,
        Assessment.submitted_at < end,
    )
    return set(session.scalars(stmt))


def network_medians(
    session: Session, network: str, start: datetime, end: datetime
) -> NetworkMedians:
    """Return the network's median per question over the period, each member counted once.

    A member who answered more than once in the period counts with their latest score of each
    question; the network is the one they belonged to when they answered.
    """
    stmt = (
        select(Assessment.member_id, AssessmentAnswer.question_key, AssessmentAnswer.score)
        .join(AssessmentAnswer, AssessmentAnswer.assessment_id == Assessment.id)
        .where(
            Assessment.network == network,
            Assessment.submitted_at >= start,
            Assessment.submitted_at < end,
        )
        .order_by(Assessment.submitted_at, Assessment.id)
    )
    latest_scores: dict[tuple[str, int], int] = {}
    members: set[int] = set()
    for member_id, key, score in session.execute(stmt):
        latest_scores[(key, member_id)] = score  # later rows replace earlier ones
        members.add(member_id)
    by_question: dict[str, list[int]] = {}
    for (key, _member), score in latest_scores.items():
        by_question.setdefault(key, []).append(score)
    answered = {key: len(scores) for key, scores in by_question.items()}
    medians = {
        key: float(median(scores))
        for key, scores in by_question.items()
        if len(scores) >= MIN_RESPONDENTS
    }
    return NetworkMedians(len(members), medians, answered)
