"""One organisation's evidence, criterion by criterion: activities, reflections, photos, ratings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from statistics import median
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.assessments import MIN_RESPONDENTS
from storage.models import Member
from storage.models.activities import Activity, ActivityCriterion, ActivityPhoto
from storage.models.assessments import Assessment, AssessmentAnswer
from storage.models.reflections import Reflection
from storage.scope import Scope, visible_members


@dataclass
class CriterionEvidence:
    """What supports one criterion: activity and reflection rows, and their photos' ids."""

    key: str
    activities: list[Activity] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)
    photo_ids: list[int] = field(default_factory=list)

    @property
    def has_evidence(self) -> bool:
        return bool(self.activities or self.reflections)


@dataclass(frozen=True)
class Rating:
    """One criterion's ratings in one quarter: how many members, and the median when enough did."""

    quarter: str  # "2026-Q4"
    criterion: str
    respondents: int
    median: float | None  # None below MIN_RESPONDENTS: a few answers could name people


def _consented_in(org_id: int, scope: Scope | None):
    return select(Member.id).where(Member.organisation_id == org_id, visible_members(scope))


def by_criterion(
    session: Session, org_id: int, criteria_keys: list[str], scope: Scope | None = None
) -> list[CriterionEvidence]:
    """Group the organisation's members' activities and reflections under each criterion."""
    found = {key: CriterionEvidence(key) for key in criteria_keys}
    people = _consented_in(org_id, scope)
    activities = session.scalars(
        select(Activity)
        .where(Activity.member_id.in_(people))
        .order_by(Activity.held_on.desc(), Activity.id.desc())
    ).all()
    photos: dict[int, list[int]] = {}
    rows = session.execute(
        select(ActivityPhoto.activity_id, ActivityPhoto.id)
        .where(ActivityPhoto.activity_id.in_([a.id for a in activities]))
        .order_by(ActivityPhoto.activity_id, ActivityPhoto.position)
    )
    for activity_id, photo_id in rows:
        photos.setdefault(activity_id, []).append(photo_id)
    ticks = session.execute(
        select(ActivityCriterion.activity_id, ActivityCriterion.criterion).where(
            ActivityCriterion.activity_id.in_([a.id for a in activities])
        )
    ).all()
    ticked: dict[int, list[int]] = {}
    for activity_id, number in ticks:
        ticked.setdefault(activity_id, []).append(number)
    for activity in activities:  # newest first under every criterion, as the query orders them
        for number in sorted(ticked.get(activity.id, [])):
            if 0 < number <= len(criteria_keys):
                evidence = found[criteria_keys[number - 1]]
                evidence.activities.append(activity)
                evidence.photo_ids += photos.get(activity.id, [])
    reflections = session.scalars(
        select(Reflection).where(Reflection.member_id.in_(people))
        .order_by(Reflection.created_at.desc())
    ).all()  # fmt: skip
    for reflection in reflections:
        for key in reflection.criteria_keys:
            if key in found:
                found[key].reflections.append(reflection)
    return [found[key] for key in criteria_keys]


def _quarter(moment: datetime, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    return f"{local.year}-Q{(local.month - 1) // 3 + 1}"


def ratings(
    session: Session, org_id: int, zone: ZoneInfo, scope: Scope | None = None
) -> list[Rating]:
    """Each quarter's ratings per criterion: each member's latest answers, medians from 5 members."""
    stmt = (
        select(Assessment.member_id, Assessment.submitted_at, AssessmentAnswer.criterion,
               AssessmentAnswer.question_key, AssessmentAnswer.score)
        .join(AssessmentAnswer, AssessmentAnswer.assessment_id == Assessment.id)
        .where(Assessment.member_id.in_(_consented_in(org_id, scope)))
        .order_by(Assessment.submitted_at, Assessment.id)
    )  # fmt: skip
    latest: dict[tuple[str, str, str, int], int] = {}
    for member_id, at, criterion, question, score in session.execute(stmt):
        latest[(_quarter(at, zone), criterion or "", question, member_id)] = score
    grouped: dict[tuple[str, str], dict[int, list[int]]] = {}
    for (quarter, criterion, _question, member_id), score in latest.items():
        grouped.setdefault((quarter, criterion), {}).setdefault(member_id, []).append(score)
    result = []
    for (quarter, criterion), per_member in sorted(grouped.items()):
        scores = [s for member_scores in per_member.values() for s in member_scores]
        enough = len(per_member) >= MIN_RESPONDENTS
        result.append(
            Rating(quarter, criterion, len(per_member), float(median(scores)) if enough else None)
        )
    return result
