"""Erase and describe a member's own records: profile, activities and photos, lessons,
assessments, meeting answers, meetings organised, groups linked and invite codes used.

Long lists are described as a count plus the latest few, so "my data" fits one LINE message.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from storage.erasure import Fact, Subject, describer, eraser, unlink_after_commit
from storage.media import MediaStore
from storage.models.activities import Activity
from storage.models.assessments import Assessment
from storage.models.invites import Invite
from storage.models.meetings import LinkedGroup, Meeting, Rsvp
from storage.models.reflections import Reflection

LATEST = 3  # how many of a long list "my data" names one by one


def _count(session: Session, model, column, member_id: int) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(column == member_id)))


@eraser("reflections", order=30)
def erase_reflections(session: Session, subject: Subject) -> int:
    """Delete the member's lessons learned."""
    if subject.member_id is None:
        return 0
    stmt = delete(Reflection).where(Reflection.member_id == subject.member_id)
    return session.execute(stmt).rowcount or 0


@eraser("activities", order=40, tables=("activities", "activity_photos"))
def erase_activities(session: Session, subject: Subject) -> int:
    """Delete the member's activities with their photos, and every file in their folder."""
    if subject.member_id is None:
        return 0
    rows = list(session.scalars(select(Activity).where(Activity.member_id == subject.member_id)))
    for activity in rows:
        session.delete(activity)  # criteria and photo rows go with it
    if subject.media_dir is not None:
        # The whole folder, so a photo of an abandoned log (no row) goes too.
        unlink_after_commit(session, MediaStore(subject.media_dir).member_dir(subject.member_id))
    return len(rows)


@eraser("assessments", order=40, tables=("assessments",))
def erase_assessments(session: Session, subject: Subject) -> int:
    """Delete the member's assessments with their answers."""
    if subject.member_id is None:
        return 0
    rows = list(
        session.scalars(select(Assessment).where(Assessment.member_id == subject.member_id))
    )
    for row in rows:
        session.delete(row)
    return len(rows)


@eraser("rsvps", order=40)
def erase_rsvps(session: Session, subject: Subject) -> int:
    """Delete the member's answers to meetings."""
    if subject.member_id is None:
        return 0
    return session.execute(delete(Rsvp).where(Rsvp.member_id == subject.member_id)).rowcount or 0


@eraser("meetings", order=40)
def forget_organiser(session: Session, subject: Subject) -> int:
    """Keep meetings others were invited to, no longer saying who organised them."""
    if subject.member_id is None:
        return 0
    stmt = (
        update(Meeting).where(Meeting.organiser_id == subject.member_id).values(organiser_id=None)
    )
    return session.execute(stmt).rowcount or 0


@eraser("linked_groups", order=40)
def forget_linker(session: Session, subject: Subject) -> int:
    """Keep a group linked to its network, no longer saying who linked it."""
    if subject.member_id is None:
        return 0
    stmt = (
        update(LinkedGroup).where(LinkedGroup.linked_by == subject.member_id).values(linked_by=None)
    )
    return session.execute(stmt).rowcount or 0


@eraser("profile", order=1000, tables=("members", "member_roles"))
def erase_profile(session: Session, subject: Subject) -> int:
    """Nothing here: erase_member deletes the member row last, and its roles cascade with it."""
    return 0


@describer("profile", order=1, tables=("members", "member_roles"))
def describe_profile(session: Session, subject: Subject) -> list[Fact]:
    """Nothing here: "my data" shows the profile, consent and roles above the records."""
    return []


@describer("activities", order=10, tables=("activities", "activity_photos"))
def describe_activities(session: Session, subject: Subject) -> list[Fact]:
    """Count the member's activities and name the latest with their date and photos."""
    if subject.member_id is None:
        return []
    total = _count(session, Activity, Activity.member_id, subject.member_id)
    if not total:
        return []
    latest = session.scalars(
        select(Activity)
        .where(Activity.member_id == subject.member_id)
        .order_by(Activity.held_on.desc(), Activity.id.desc())
        .limit(LATEST)
    )
    photos = sum(
        len(a.photos)
        for a in session.scalars(select(Activity).where(Activity.member_id == subject.member_id))
    )
    key = "mydata.activities" if photos else "mydata.activities_no_photos"
    facts = [Fact(key, {"count": total, "photos": photos})]
    for activity in latest:
        key = "mydata.activity_item_photos" if activity.photos else "mydata.activity_item"
        params = {"title": activity.title, "date": activity.held_on, "photos": len(activity.photos)}
        facts.append(Fact(key, params))
    return facts


@describer("reflections", order=20)
def describe_reflections(session: Session, subject: Subject) -> list[Fact]:
    """Count the member's lessons learned and date the latest."""
    if subject.member_id is None:
        return []
    total = _count(session, Reflection, Reflection.member_id, subject.member_id)
    if not total:
        return []
    latest = session.scalars(
        select(Reflection.created_at)
        .where(Reflection.member_id == subject.member_id)
        .order_by(Reflection.created_at.desc())
        .limit(LATEST)
    )
    return [Fact("mydata.reflections", {"count": total})] + [
        Fact("mydata.dated_item", {"date": when}) for when in latest
    ]


@describer("assessments", order=30)
def describe_assessments(session: Session, subject: Subject) -> list[Fact]:
    """Count the member's assessments and date the latest."""
    if subject.member_id is None:
        return []
    total = _count(session, Assessment, Assessment.member_id, subject.member_id)
    if not total:
        return []
    latest = session.scalars(
        select(Assessment.submitted_at)
        .where(Assessment.member_id == subject.member_id)
        .order_by(Assessment.submitted_at.desc())
        .limit(LATEST)
    )
    return [Fact("mydata.assessments", {"count": total})] + [
        Fact("mydata.dated_item", {"date": when}) for when in latest
    ]


@describer("rsvps", order=40)
def describe_rsvps(session: Session, subject: Subject) -> list[Fact]:
    """Count the member's answers to meetings and name the latest."""
    if subject.member_id is None:
        return []
    total = _count(session, Rsvp, Rsvp.member_id, subject.member_id)
    if not total:
        return []
    latest = session.execute(
        select(Meeting.title, Meeting.starts_at, Rsvp.answer)
        .join(Meeting, Meeting.id == Rsvp.meeting_id)
        .where(Rsvp.member_id == subject.member_id)
        .order_by(Rsvp.answered_at.desc())
        .limit(LATEST)
    )
    facts = [Fact("mydata.rsvps", {"count": total})]
    for title, starts_at, answer in latest:
        facts.append(Fact(f"mydata.rsvp_item.{answer}", {"title": title, "date": starts_at}))
    return facts


@describer("meetings", order=50)
def describe_meetings(session: Session, subject: Subject) -> list[Fact]:
    """Count the meetings the member organised."""
    if subject.member_id is None:
        return []
    total = _count(session, Meeting, Meeting.organiser_id, subject.member_id)
    return [Fact("mydata.meetings_organised", {"count": total})] if total else []


@describer("linked_groups", order=60)
def describe_linked_groups(session: Session, subject: Subject) -> list[Fact]:
    """Count the LINE groups the member linked to a network."""
    if subject.member_id is None:
        return []
    total = _count(session, LinkedGroup, LinkedGroup.linked_by, subject.member_id)
    return [Fact("mydata.groups_linked", {"count": total})] if total else []


@describer("invites", order=70)
def describe_invites(session: Session, subject: Subject) -> list[Fact]:
    """Count the invite codes the member used."""
    if subject.member_id is None:
        return []
    total = _count(session, Invite, Invite.used_by, subject.member_id)
    return [Fact("mydata.invites_used", {"count": total})] if total else []
