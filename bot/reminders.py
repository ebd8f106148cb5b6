"""The clock's job: plan prompts, turn each due reminder into deliveries exactly once, send them."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.declines import send_evening_declines
from bot.meeting_calendar import CalendarLinks
from bot.sender import DeliverySender
from messages import meetings as cards
from messages.builders import main_menu, text_message
from messages.catalog import text
from messages.meeting_answers import names_lines
from storage import deliveries, meeting_series, meetings, reminders
from storage.db import Database
from storage.models import Member
from storage.models.meetings import CANCELLED, Meeting, RecurringPrompt, Reminder
from storage.reminder_plan import next_monthly, send_at

log = logging.getLogger(__name__)
# Reminders go only to those who have not declined; changes and cancellations reach everyone.
WITHOUT_DECLINED = {"day_before", "hour_before"}


class ReminderJob:
    """Everything the clock does each tick; safe to run in two clocks at once."""

    def __init__(
        self, db: Database, sender: DeliverySender, zone: ZoneInfo,
        clock: Callable[[], datetime], grace: timedelta, calendar: CalendarLinks | None = None,
    ) -> None:  # fmt: skip
        self.db, self.sender, self.zone, self.clock, self.grace = db, sender, zone, clock, grace
        self.calendar = calendar  # the cards' add-to-calendar links (None: none on the cards)

    def tick(self) -> int:
        """Plan, queue what is due, send it, then sweep the outbox; return deliveries created.

        One job does all of it, in order, so a clock never races itself over a delivery.
        """
        self.plan_prompts()
        try:
            with self.db.unit_of_work() as session:
                # Repeating meetings: occurrences now within three months get planned (once).
                meeting_series.extend_all(session, self.clock(), self.zone)
        except Exception as exc:  # noqa: BLE001 - a broken series must not hold up due reminders
            log.error("planning repeating meetings failed: %s", type(exc).__name__)
        with self.db.unit_of_work() as session:
            due = reminders.due_ids(session, self.clock(), limit=200)
        created: list[int] = []
        for reminder_id in due:
            try:
                created += self.queue(reminder_id)
            except Exception as exc:  # noqa: BLE001 - one broken reminder must not hold up the rest
                log.error("reminder %s failed: %s", reminder_id, type(exc).__name__)
        try:
            with self.db.unit_of_work() as session:
                created += send_evening_declines(session, self.zone, self.clock())
        except Exception as exc:  # noqa: BLE001 - the evening list must not hold up reminders
            log.error("evening declines failed: %s", type(exc).__name__)
        for delivery_id in created:
            self.sender.send(delivery_id)
        self.sender.send_due()  # retries, and what a killed clock left claimed once its lease ends
        return len(created)

    def plan_prompts(self) -> None:
        """Make sure each active prompt has its next occurrence planned."""
        now = self.clock()
        with self.db.unit_of_work() as session:
            for prompt in reminders.active_prompts(session):
                if reminders.has_pending(session, prompt.id):
                    continue
                after = max(reminders.last_planned(session, prompt.id) or prompt.created_at,
                            now - self.grace)  # fmt: skip
                due = next_monthly(prompt.day_of_month, prompt.at_time, after, self.zone)
                due = send_at("recurring", due, None, self.zone)  # set at night: sent at 08:00
                reminders.plan_occurrence(session, prompt.id, due, now)

    def queue(self, reminder_id: int) -> list[int]:
        """Take one due reminder and create its deliveries in the same transaction; return their ids."""
        now = self.clock()
        with self.db.unit_of_work() as session:
            reminder = reminders.take(session, reminder_id, now)
            if reminder is None:
                return []  # another clock took it
            late = now - reminder.due_at
            if late > self.grace:
                hours, grace = late.total_seconds() / 3600, self.grace.total_seconds() / 3600
                reminders.skip(reminder, f"missed:{hours:.1f}:{grace:g}")
                ids: list[int] = []
            elif reminder.meeting_id is not None:
                ids = self._meeting(session, reminder, now)
            else:
                ids = self._prompt(session, reminder, now)
        log.info("reminder %s (%s): %s, %d deliver(y/ies)", reminder.id, reminder.kind,
                 reminder.status, len(ids))  # fmt: skip
        return ids

    def _meeting(self, session: Session, reminder: Reminder, now: datetime) -> list[int]:
        meeting = meetings.get(session, reminder.meeting_id)
        if meeting is None:
            reminders.skip(reminder, "deleted")
            return []
        if meeting.status == CANCELLED and reminder.kind != "cancel":
            reminders.skip(reminder, "cancelled")
            return []
        if reminder.kind != "cancel" and now >= meeting.starts_at:
            reminders.skip(reminder, "started")
            return []
        if reminder.kind == "day_before" and _same_local_day(now, meeting.starts_at, self.zone):
            # Its words say "tomorrow": on the day itself they would be wrong, so it is not sent.
            reminders.skip(reminder, "day_passed")
            return []
        if reminder.kind == "rsvp_summary":
            return self._summary(session, reminder, meeting, now)
        prefix = reminders.key_prefix(reminder)
        if meeting.audience == "group":
            reminders.record(reminder, 1, {})
            messages = self._messages(reminder, meeting, "th", now, group=True)
            return deliveries.enqueue_push(
                session, meeting.group_id, messages, now, prefix + "group"
            )
        if reminder.kind == meetings.NUDGE:  # the organiser's "remind those who have not answered"
            recipients, left_out = meetings.not_answered(session, meeting), {}
        else:
            recipients, left_out = meetings.invitees(
                session, meeting, without_declined=reminder.kind in WITHOUT_DECLINED
            )
        reminders.record(reminder, len(recipients), left_out)
        by_language: dict[str, list[str]] = defaultdict(list)
        for recipient in recipients:
            by_language[recipient.language].append(recipient.user_id)
        ids: list[int] = []
        for language in sorted(by_language):
            messages = self._messages(reminder, meeting, language, now)
            ids += deliveries.enqueue_multicast(
                session, by_language[language], messages, now, prefix + language
            )
        return ids

    def _messages(self, reminder: Reminder, meeting: Meeting, language: str, now: datetime, group: bool = False) -> list[dict]:  # fmt: skip
        if reminder.kind == "cancel":
            return [cards.notice(meeting, self.zone, language, "meeting.notice.cancelled")]
        # "อีก 15 นาที" is what is left when the message is built, not what was planned.
        minutes = max(round((meeting.starts_at - now).total_seconds() / 60), 1)
        header = text(f"meeting.header.{reminder.kind}", language, minutes=minutes)
        mark, _, moved_from = (reminder.reason or "").partition(":")
        if reminder.kind == "change" and mark in ("was", "was_all") and moved_from:
            was = datetime.fromisoformat(moved_from)
            key = (
                "meeting.header.change_time_all"
                if mark == "was_all"
                else "meeting.header.change_time"
            )
            header = text(key, language,
                          old=cards.day_when(was, self.zone, language),
                          new=cards.day_when(meeting.starts_at, self.zone, language))  # fmt: skip
        # Anyone in the group answers on the card itself (handlers.commands.meeting_rsvp).
        note = text("meeting.card.group_answer_note", language) if group else None
        links = self.calendar.for_meeting(meeting) if self.calendar else None
        return [cards.card(meeting, self.zone, language, header, note=note, said=group,
                           calendar=links)]  # fmt: skip

    def _summary(self, session: Session, reminder: Reminder, meeting: Meeting, now: datetime) -> list[int]:  # fmt: skip
        organiser = session.get(Member, meeting.organiser_id) if meeting.organiser_id else None
        chosen, _ = meetings.reachable(session, [organiser] if organiser else [])
        if not chosen:
            reminders.skip(reminder, "no_organiser")
            return []
        counts = meetings.rsvp_counts(session, meeting.id)
        invited, _ = meetings.invitees(session, meeting, without_declined=False)
        invited = [r for r in invited if r.member_id != meeting.organiser_id]  # not an invitee
        waiting = max(len(invited) - sum(counts.values()), 0)
        language = chosen[0].language
        message = cards.notice(meeting, self.zone, language, "meeting.notice.rsvp_summary",
                               waiting=waiting, **counts)  # fmt: skip
        # The names behind each count, right under them (the organiser is never "waiting").
        head, _, rest = message["text"].partition("\n")
        names = names_lines(meetings.answers_by_name(session, meeting), language)
        message["text"] = "\n".join([head, *names, rest])[:4900]
        reminders.record(reminder, 1, {})
        key = reminders.key_prefix(reminder) + "organiser"
        return deliveries.enqueue_push(session, chosen[0].user_id, [message], now, key)

    def _prompt(self, session: Session, reminder: Reminder, now: datetime) -> list[int]:
        prompt = session.get(RecurringPrompt, reminder.prompt_id)
        if prompt is None or not prompt.active:
            reminders.skip(reminder, "prompt_stopped")
            return []
        networks = prompt.networks.split(",") if prompt.networks else None
        recipients, left_out = meetings.reachable(
            session, meetings.registered_in(session, networks)
        )
        reminders.record(reminder, len(recipients), left_out)
        by_language: dict[str, list[str]] = defaultdict(list)
        for recipient in recipients:
            by_language[recipient.language].append(recipient.user_id)
        ids: list[int] = []
        for language in sorted(by_language):
            body = (prompt.text_en if language == "en" else None) or prompt.text_th
            messages = [text_message(body, main_menu(language))]
            key = reminders.key_prefix(reminder) + language
            ids += deliveries.enqueue_multicast(session, by_language[language], messages, now, key)
        return ids


def _same_local_day(now: datetime, starts_at: datetime, zone) -> bool:
    """True when `now` falls on the meeting's own local day (or later)."""
    return now.astimezone(zone).date() >= starts_at.astimezone(zone).date()
