"""Change a repeating meeting's time or place for every occurrence still to come, in chat.

Offered beside "only this one" when a coordinator changes the time or the place/link of one
occurrence of an active series. The new time of day applies to each upcoming occurrence on its
own day (the date typed, if any, only names the time); occurrences already held stay as they were.
"""

from __future__ import annotations

from datetime import datetime

from handlers.engine import choice
from handlers.flow import FlowState
from messages.builders import say
from messages.catalog import text
from storage import meeting_series

ACTIONS = ("when", "where")  # what can change for the whole series


def series_of(state: FlowState, meeting):
    """The active series a meeting belongs to, if any."""
    if not meeting.series_id:
        return None
    series = meeting_series.get(state.ctx.session, meeting.series_id)
    return series if series is not None and series.status == "active" else None


def new_time(state: FlowState) -> str:
    """The new local start (HH:MM) typed at the date step."""
    moment = datetime.fromisoformat(state.data["when"]).astimezone(state.ctx.zone)
    return f"{moment:%H:%M}"


def offer(state: FlowState, meeting, body: str, step: str) -> tuple[str, list[dict]] | None:
    """The question and buttons (only this one / every one from now on), or None if not a series."""
    series = series_of(state, meeting)
    if state.data.get("action") not in ACTIONS or series is None:
        return None
    language = state.language
    rule = meeting_series.recurrence_of(series).describe(language)
    which = "meeting.repeat.change_which_time" if state.data["action"] == "when" else (
        "meeting.repeat.change_which_where"
    )  # fmt: skip
    at = new_time(state) if state.data["action"] == "when" else ""
    lead = text(which, language, rule=rule, at=at)
    items = [choice(text("meeting.repeat.change_one", language), step, "yes"),
             choice(text("meeting.repeat.change_all", language), step, "series")]  # fmt: skip
    return lead + "\n" + body, items


def typed_choice(state: FlowState, typed: str) -> str | None:
    """A button label typed instead of tapped."""
    labels = {text("meeting.repeat.change_all", state.language): "series",
              text("meeting.repeat.change_one", state.language): "yes"}  # fmt: skip
    return labels.get(typed.strip())


def finish(state: FlowState, meeting, changes: dict, held: str | None) -> list[dict]:
    """Apply the change to every upcoming occurrence and say how many and who is told."""
    ctx, language = state.ctx, state.language
    series = series_of(state, meeting)
    if state.data["action"] == "when":
        changes = {"at": new_time(state)}
    count, told = (
        meeting_series.change_upcoming(ctx.session, series, changes, ctx.clock(), ctx.zone)
        if series
        else (0, 0)
    )
    notice = text("meeting.manage.told" if told else "meeting.manage.not_told", language)
    if told and held:
        notice = text("meeting.manage.told_held", language, when=held)
    return [say("meeting.repeat.changed_all", language, menu=True, title=meeting.title,
                count=count, notice=notice)]  # fmt: skip
