"""Repeating meetings in the นัดประชุม conversation: read "ทุกวันพุธ 9 โมง", preview, store.

The `when` step keeps the rule in state (REPEAT) and the first occurrence as `when`, so the
rest of the conversation (place, agenda, audience, the sample card) is the same as for one
meeting; the review counts every planned occurrence's messages against the quota.
"""

from __future__ import annotations

from datetime import datetime, time

from handlers.flow import FlowState, Invalid
from handlers.parsing.recurrence import (
    Recurrence,
    RecurrenceProblem,
    looks_recurring,
    parse_recurrence,
    read_time,
)
from messages.catalog import text
from messages.meetings import day_when
from storage import meeting_series
from storage.models.meetings import Meeting
from storage.recurrence_rule import HORIZON

REPEAT = "repeat"  # {"rule": RRULE, "at": "HH:MM", "until": "HH:MM" | None}
KEPT_RULE = "_when_rule"  # a rule typed without a time, waiting for one


def read(typed: str, now: datetime, state: FlowState) -> str | None:
    """The first occurrence (ISO) of a repeating time typed, or None when it is not one.

    Raises Invalid with a hint when it repeats but cannot be read, keeping a rule given without
    a time so the time typed next completes it.
    """
    if "pick" in state.data:
        return None  # แก้ไขประชุม (a meeting was picked) moves one meeting; only นัดประชุม repeats
    kept = state.data.get(KEPT_RULE)
    if looks_recurring(typed):
        try:
            rule = parse_recurrence(typed)
        except RecurrenceProblem as problem:
            _keep(problem, state)
            raise _hint(problem, state) from None
    elif kept:
        try:
            rule = read_time(Recurrence.from_rule(kept, time(0)), typed)
        except RecurrenceProblem:
            state.data.pop(KEPT_RULE, None)
            state.data.pop(REPEAT, None)
            return None  # not a time: perhaps a one-off date after all
    else:
        state.data.pop(REPEAT, None)
        return None
    state.data.pop(KEPT_RULE, None)
    starts = meeting_series.planned_starts(rule, now, state.ctx.zone)
    if not starts:
        raise Invalid("meeting.repeat.unreadable")
    state.data[REPEAT] = {
        "rule": rule.rule(),
        "at": f"{rule.at:%H:%M}",
        "until": f"{rule.until:%H:%M}" if rule.until else None,
    }
    return starts[0].isoformat()


def _keep(problem: RecurrenceProblem, state: FlowState) -> None:
    if problem.code == "no_time" and problem.rule is not None:
        state.data[KEPT_RULE] = problem.rule.rule()


def _hint(problem: RecurrenceProblem, state: FlowState) -> Invalid:
    if problem.code == "no_time" and problem.rule is not None:
        return Invalid("meeting.repeat.no_time", rule=problem.rule.describe(state.language))
    return Invalid("meeting.repeat.unreadable")


def rule_of(state: FlowState) -> Recurrence | None:
    found = state.data.get(REPEAT)
    if not found:
        return None
    until = time.fromisoformat(found["until"]) if found.get("until") else None
    return Recurrence.from_rule(found["rule"], time.fromisoformat(found["at"]), until)


def until_of(state: FlowState) -> str | None:
    found = state.data.get(REPEAT) or {}
    return found.get("until")


def starts(state: FlowState) -> list[datetime]:
    """The occurrences that confirming now would plan (the next three months)."""
    rule = rule_of(state)
    if rule is None:
        return []
    return meeting_series.planned_starts(rule, state.ctx.clock(), state.ctx.zone)


def sends(plan_of, meeting: Meeting, state: FlowState) -> list[tuple[str, datetime]]:
    """Every send of every planned occurrence, each announced as the series will announce it."""
    now, zone = state.ctx.clock(), state.ctx.zone
    found: list[tuple[str, datetime]] = []
    for index, start in enumerate(starts(state)):
        occurrence = Meeting(starts_at=start, audience=meeting.audience,
                             organiser_id=meeting.organiser_id, group_id=meeting.group_id)  # fmt: skip
        announced = meeting_series.announce_at(start, now, first=index == 0)
        found += plan_of(meeting.plan, occurrence, announced, zone)
    return found


def understood(state: FlowState, first: datetime) -> str:
    rule = rule_of(state)
    return text("meeting.repeat.understood", state.language, rule=rule.describe(state.language),
                first=day_when(first, state.ctx.zone, state.language))  # fmt: skip


def review_lead(state: FlowState) -> str:
    """What the review says of the series: the rule and the dates planned."""
    language, zone = state.language, state.ctx.zone
    planned = starts(state)
    dates = ", ".join(
        f"{start.astimezone(zone).day}/{start.astimezone(zone).month}" for start in planned
    )
    rule = rule_of(state)
    return text("meeting.repeat.review", language, rule=rule.describe(language),
                count=len(planned), dates=dates)  # fmt: skip


def create(state: FlowState, planned: Meeting) -> tuple[int, list[Meeting]]:
    """Store the series and its occurrences; return (series id, the occurrences planned)."""
    ctx = state.ctx
    template = meeting_series.Template(
        title=planned.title, link=planned.link, place=planned.place, agenda=planned.agenda,
        audience=planned.audience, networks=planned.network_list or None,
        group_id=planned.group_id, organiser_id=ctx.member.id, plan=planned.plan,
    )  # fmt: skip
    series, made = meeting_series.create(
        ctx.session, rule_of(state), template, ctx.clock(), ctx.zone
    )
    return series.id, made


__all__ = ["HORIZON", "REPEAT", "create", "read", "review_lead", "rule_of", "sends", "starts"]
