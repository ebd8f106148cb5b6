"""Repository of meetings: create, change and cancel them (replanning reminders), RSVPs, audiences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from storage.models import Member
from storage.models.meetings import (
    CANCELLED,
    PENDING,
    QUEUED,
    SCHEDULED,
    WITHDRAWN,
    Meeting,
    Reminder,
    Rsvp,
)
from storage.models.members import CONSENT_GIVEN
from storage.reminder_plan import due_times, send_at
from storage.upsert import insert_ignore

NUDGE = "rsvp_nudge"  # a reminder the organiser sends by hand to those who have not answered


@dataclass(frozen=True)
class Recipient:
    member_id: int
    user_id: str
    language: str


def audience_members(session: Session, meeting: Meeting) -> list[Member]:
    """Every registered member the meeting is meant for (reachable or not), in id order."""
    if meeting.audience == "networks":
        return registered_in(session, meeting.network_list)
    return registered_in(session, None) if meeting.audience == "all" else []


def reachable(
    session: Session, members: list[Member], exclude: set[int] | None = None
) -> tuple[list[Recipient], dict[str, int]]:
    """Split members into those the bot may push to now and counts of those left out, by reason."""
    chosen: list[Recipient] = []
    left_out: dict[str, int] = {}
    for member in members:
        # Member.reachable is the rule (consent given, still following); the report wants to
        # know which part of it left each member out.
        if member.consent_status != CONSENT_GIVEN:
            reason = "no_consent"
        elif not member.following:
            reason = "not_following"
        elif exclude and member.id in exclude:
            reason = "declined"
        else:
            chosen.append(Recipient(member.id, member.line_user_id, member.language or "th"))
            continue
        left_out[reason] = left_out.get(reason, 0) + 1
    return chosen, left_out


def registered_in(session: Session, networks: list[str] | None) -> list[Member]:
    """Registered members of these networks (everyone when None), in id order."""
    stmt = select(Member).where(Member.registered_at.is_not(None)).order_by(Member.id)
    if networks is not None:
        stmt = stmt.where(Member.network.in_(networks))
    return list(session.scalars(stmt))


def invited_count(session: Session, meeting: Meeting, *, by: datetime | None = None) -> int:
    """How many `invitees` would return now (declines included), organiser aside, counted in SQL.

    The same rule as audience_members + reachable, without loading every member: a staff list
    or an export counts it for many meetings. With `by`, only members registered by then count.
    """
    if meeting.audience not in ("networks", "all"):
        return 0
    stmt = select(func.count(Member.id)).where(
        Member.registered_at.is_not(None),
        Member.consent_status == CONSENT_GIVEN,
        Member.following.is_(True),
    )
    if by is not None:
        stmt = stmt.where(Member.registered_at <= by)
    if meeting.audience == "networks":
        stmt = stmt.where(Member.network.in_(meeting.network_list))
    if meeting.organiser_id is not None:
        stmt = stmt.where(Member.id != meeting.organiser_id)
    return session.scalar(stmt) or 0


def invited_at_start(session: Session, meeting: Meeting) -> int:
    """Count those invited as the meeting began: today's invitees registered by its start.

    A past meeting's figure must not grow with today's network (someone who joined in December
    was not invited to a September meeting). For a meeting still to come every member registered
    so far joined before its start, so this is today's invitees: those who joined since the
    announcement are reminded and can answer, and they count.
    """
    return invited_count(session, meeting, by=meeting.starts_at)


def invitees(
    session: Session, meeting: Meeting, *, without_declined: bool
) -> tuple[list[Recipient], dict[str, int]]:
    """Return who receives a meeting's message now, and how many were left out and why."""
    declined: set[int] = set()
    if without_declined:
        stmt = select(Rsvp.member_id).where(Rsvp.meeting_id == meeting.id, Rsvp.answer == "no")
        declined = set(session.scalars(stmt))
    # The organiser is told in their confirmation: no announcement, notice or reminder of their
    # own meeting (the same rule as invited_count, so counts and the quota agree).
    members = [m for m in audience_members(session, meeting) if m.id != meeting.organiser_id]
    return reachable(session, members, declined)


def create(
    session: Session, *, title: str, starts_at: datetime, link: str | None, place: str | None,
    agenda: str | None, audience: str, networks: list[str] | None, group_id: str | None,
    organiser_id: int | None, plan: str, now: datetime, zone: ZoneInfo,
    ends_at: datetime | None = None,
) -> Meeting:  # fmt: skip
    """Store a meeting and plan its reminders (the announcement is due at once)."""
    meeting = Meeting(
        title=title, starts_at=starts_at, ends_at=ends_at, link=link, place=place, agenda=agenda,
        audience=audience,
        networks=",".join(networks or []) or None, group_id=group_id, organiser_id=organiser_id,
        plan=plan, status=SCHEDULED, created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(meeting)
    session.flush()
    _plan(session, meeting, now, zone, with_announcement=True)
    return meeting


def _plan(session: Session, meeting: Meeting, now: datetime, zone: ZoneInfo, *, with_announcement: bool) -> None:  # fmt: skip
    announced_at = None if with_announcement else meeting.created_at
    for kind, due in due_times(meeting.plan, meeting.starts_at, now, zone, announced_at):
        if kind == "announcement" and not with_announcement:
            continue
        if kind == "rsvp_summary" and (meeting.organiser_id is None or meeting.audience == "group"):
            continue  # nobody to tell, or no RSVPs to count (buttons don't work in groups)
        session.add(Reminder(meeting_id=meeting.id, kind=kind, due_at=due, created_at=now))
    session.flush()


def announcement_due(session: Session, meeting_id: int) -> datetime | None:
    """When the meeting's pending announcement is due (None when there is none)."""
    stmt = select(Reminder.due_at).where(
        Reminder.meeting_id == meeting_id,
        Reminder.kind == "announcement",
        Reminder.status == PENDING,
    )
    return session.scalars(stmt.limit(1)).first()


def announced(session: Session, meeting_id: int) -> bool:
    """True once the meeting's announcement has gone to the outbox."""
    stmt = select(func.count(Reminder.id)).where(
        Reminder.meeting_id == meeting_id,
        Reminder.kind == "announcement",
        Reminder.status == QUEUED,
    )
    return bool(session.scalar(stmt))


def series_announced(session: Session, meeting: Meeting) -> bool:
    """True when the meeting's own announcement went out, or, for an occurrence of a repeating
    meeting, the series' card did (an earlier occurrence's announcement): members expect this date."""
    if announced(session, meeting.id):
        return True
    if meeting.series_id is None:
        return False
    stmt = (
        select(func.count(Reminder.id))
        .join(Meeting, Meeting.id == Reminder.meeting_id)
        .where(
            Meeting.series_id == meeting.series_id,
            Reminder.kind == "announcement",
            Reminder.status == QUEUED,
        )
    )
    return bool(session.scalar(stmt))


def _withdraw_pending(session: Session, meeting_id: int, reason: str, keep: tuple[str, ...]) -> None:  # fmt: skip
    session.execute(
        update(Reminder)
        .where(
            Reminder.meeting_id == meeting_id,
            Reminder.status == PENDING,
            Reminder.kind.not_in(keep),
        )
        .values(status=WITHDRAWN, reason=reason)
    )


def change(session: Session, meeting: Meeting, changes: dict, now: datetime, zone: ZoneInfo, *, whole_series: bool = False) -> bool:  # fmt: skip
    """Apply changes, replan pending reminders, and tell those invited; True if a notice goes out.

    `whole_series`: the change is one of a series' "every time from now on" (the notice says so).
    """
    was = meeting.starts_at
    if meeting.ends_at and "starts_at" in changes and "ends_at" not in changes:
        changes = {**changes, "ends_at": meeting.ends_at + (changes["starts_at"] - was)}
    for name, value in changes.items():
        setattr(meeting, name, value)
    meeting.updated_at = now
    moved = "starts_at" in changes and changes["starts_at"] != was
    if moved:
        # Those who declined the old time are asked again: their "no" was for another time.
        session.execute(delete(Rsvp).where(Rsvp.meeting_id == meeting.id, Rsvp.answer == "no"))
    # A pending announcement is built when sent, so it already carries the change.
    _withdraw_pending(session, meeting.id, "changed", keep=("announcement",))
    _plan(session, meeting, now, zone, with_announcement=False)
    if not announced(session, meeting.id):
        return False
    # The notice says what changed (13:30 → 14:00): the old start rides on the row until it is sent.
    mark = "was_all:" if whole_series else "was:"
    note = f"{mark}{was.astimezone(UTC).isoformat()}" if moved else None
    # At night it waits for 08:00, unless the old or the new time comes before the morning.
    due = send_at("change", now, min(was, meeting.starts_at), zone)
    session.add(
        Reminder(meeting_id=meeting.id, kind="change", due_at=due, created_at=now, reason=note)
    )
    session.flush()
    return True


def cancel(session: Session, meeting: Meeting, now: datetime, zone: ZoneInfo) -> bool:
    """Cancel a meeting and its pending reminders; tell those invited; True if a notice goes out.

    At night the notice waits for 08:00 unless the meeting would start before members woke.
    """
    meeting.status = CANCELLED
    meeting.updated_at = now
    told_of = series_announced(session, meeting)  # before its own announcement is withdrawn
    _withdraw_pending(session, meeting.id, "cancelled", keep=())
    if not told_of:
        return False
    due = send_at("cancel", now, meeting.starts_at, zone)
    session.add(Reminder(meeting_id=meeting.id, kind="cancel", due_at=due, created_at=now))
    session.flush()
    return True


def get(session: Session, meeting_id: int) -> Meeting | None:
    return session.get(Meeting, meeting_id)


def upcoming(session: Session, now: datetime, limit: int = 50) -> list[Meeting]:
    """Scheduled meetings not yet started, soonest first."""
    stmt = (
        select(Meeting)
        .where(Meeting.status == SCHEDULED, Meeting.starts_at > now)
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def may_manage(member: Member, meeting: Meeting) -> bool:
    """Staff manage every meeting; coordinators those they organised and their networks'."""
    if member.has_role("staff") or meeting.organiser_id == member.id:
        return True
    return any(member.has_role("coordinator", n) for n in meeting.network_list)


def manageable(session: Session, member: Member, now: datetime, limit: int = 10) -> list[Meeting]:
    """Upcoming meetings this member may change, soonest first."""
    return [m for m in upcoming(session, now, limit=500) if may_manage(member, m)][:limit]


def reportable(session: Session, member: Member, since: datetime, limit: int = 10) -> list[Meeting]:
    """Meetings starting after `since` (cancelled too) this member may see reports of."""
    stmt = select(Meeting).where(Meeting.starts_at >= since).order_by(Meeting.starts_at, Meeting.id)
    return [m for m in session.scalars(stmt.limit(500)) if may_manage(member, m)][:limit]


def for_member(
    session: Session, member: Member, now: datetime, limit: int = 10,
    groups: frozenset[str] | set[str] = frozenset(),
) -> list[Meeting]:  # fmt: skip
    """Upcoming meetings meant for this member: their network's, everyone's, and those sent to
    the LINE groups they are in (`groups`, as LINE told the caller)."""
    stmt = (
        select(Meeting)
        .where(Meeting.status == SCHEDULED, Meeting.starts_at > now)
        .order_by(Meeting.starts_at, Meeting.id)
    )
    found = [m for m in session.scalars(stmt) if is_invited(m, member, groups)]
    return found[:limit]


def upcoming_group_ids(session: Session, now: datetime) -> list[str]:
    """The LINE groups upcoming meetings were sent to, soonest meeting first."""
    stmt = (
        select(Meeting.group_id)
        .where(Meeting.status == SCHEDULED, Meeting.starts_at > now, Meeting.audience == "group")
        .where(Meeting.group_id.is_not(None))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return list(dict.fromkeys(session.scalars(stmt)))


def is_invited(
    meeting: Meeting, member: Member, groups: frozenset[str] | set[str] = frozenset()
) -> bool:
    """True if the meeting is for everyone, the member's network, or a group they are in."""
    if meeting.audience == "group":
        return meeting.group_id is not None and meeting.group_id in groups
    return meeting.audience == "all" or (
        meeting.audience == "networks" and member.network in meeting.network_list
    )


def answer(session: Session, meeting_id: int, member_id: int, value: str, now: datetime) -> None:
    """Record a member's RSVP (the latest answer replaces the earlier one)."""
    row = {"meeting_id": meeting_id, "member_id": member_id, "answer": value, "answered_at": now}
    if not insert_ignore(session, Rsvp, [row]):
        session.execute(
            update(Rsvp)
            .where(Rsvp.meeting_id == meeting_id, Rsvp.member_id == member_id)
            .values(answer=value, answered_at=now)
        )


def rsvp_of(session: Session, meeting_id: int, member_id: int) -> str | None:
    stmt = select(Rsvp.answer).where(Rsvp.meeting_id == meeting_id, Rsvp.member_id == member_id)
    return session.scalar(stmt)


def consented_answers(session: Session, meeting_id: int) -> list[tuple[str, int, str | None]]:
    """(answer, member id, name) of each member who answered and still consents, oldest first.

    The one query behind every count and every name a coordinator sees: a member who withdrew
    consent is in neither.
    """
    stmt = (
        select(Rsvp.answer, Rsvp.member_id, Member.display_name)
        .join(Member, Member.id == Rsvp.member_id)
        .where(Rsvp.meeting_id == meeting_id, Member.consent_status == CONSENT_GIVEN)
        .order_by(Rsvp.answered_at, Rsvp.id)
    )
    return [(answer, member_id, name) for answer, member_id, name in session.execute(stmt)]


def rsvp_counts(session: Session, meeting_id: int) -> dict[str, int]:
    """Count consented members' answers: yes, no, maybe (as the meetings export counts them)."""
    counts = {"yes": 0, "no": 0, "maybe": 0}
    for answer, _, _ in consented_answers(session, meeting_id):
        counts[answer] = counts.get(answer, 0) + 1
    return counts


def answers_by_name(session: Session, meeting: Meeting) -> dict[str, list[str]]:
    """The names behind each count: yes, no, maybe, and "waiting" (invited, no answer yet).

    The organiser is never counted as an invitee who has not answered; a member who withdrew
    consent is never named (nor counted).
    """
    found: dict[str, list[str]] = {"yes": [], "no": [], "maybe": [], "waiting": []}
    answered: set[int] = set()
    for answer, member_id, name in consented_answers(session, meeting.id):
        answered.add(member_id)
        found.setdefault(answer, []).append(name or f"#{member_id}")
    reachable_ids = {r.member_id for r in invitees(session, meeting, without_declined=False)[0]}
    for member in audience_members(session, meeting):
        if member.id in answered or member.id == meeting.organiser_id:
            continue
        if member.id in reachable_ids:  # as the counts: those the bot can reach
            found["waiting"].append(member.display_name or f"#{member.id}")
    return found


def not_answered(session: Session, meeting: Meeting) -> list[Recipient]:
    """Invitees the bot can reach who have not answered (never the organiser), in id order."""
    answered = set(session.scalars(select(Rsvp.member_id).where(Rsvp.meeting_id == meeting.id)))
    reachable_now, _ = invitees(session, meeting, without_declined=False)
    return [
        r
        for r in reachable_now
        if r.member_id not in answered and r.member_id != meeting.organiser_id
    ]


def nudged_since(session: Session, meeting_id: int, since: datetime) -> bool:
    """True if a reminder to those who have not answered was asked for after `since`."""
    stmt = select(func.count(Reminder.id)).where(
        Reminder.meeting_id == meeting_id,
        Reminder.kind == NUDGE,
        Reminder.created_at >= since,
        Reminder.status != WITHDRAWN,
    )
    return bool(session.scalar(stmt))


def nudge(session: Session, meeting: Meeting, now: datetime, zone: ZoneInfo) -> Reminder:
    """Plan one reminder to those who have not answered, due now (at night: at 08:00, unless the
    meeting starts before then); the clock sends it once."""
    due = send_at(NUDGE, now, meeting.starts_at, zone)
    reminder = Reminder(meeting_id=meeting.id, kind=NUDGE, due_at=due, created_at=now)
    session.add(reminder)
    session.flush()
    return reminder
