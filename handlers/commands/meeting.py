"""นัดประชุม: a coordinator schedules a meeting; a preview with its cost, then confirm."""

from __future__ import annotations

from handlers import meeting_preview as preview
from handlers import meeting_repeat as repeat
from handlers import meeting_steps as steps
from handlers.engine import choice
from handlers.flow import Answer, Flow, FlowState, GoTo, Invalid, Step
from messages.builders import command_action, main_menu, text_message
from messages.catalog import text, variants
from messages.meetings import card, send_time
from storage import meetings
from storage.models.meetings import Meeting

EDITABLE = ("title", "when", "where", "agenda", "audience")


def draft(state: FlowState) -> Meeting:
    """The meeting as it would be stored, not yet added to the database."""
    where = state.data.get("where") or {}
    fields = steps.audience_fields(state)
    return Meeting(
        id=0, title=state.data["title"], starts_at=steps.starts_at(state), link=where.get("link"),
        ends_at=steps.ends_at(state),
        place=where.get("place"), agenda=state.data.get("agenda"), audience=fields["audience"],
        networks=",".join(fields["networks"] or []) or None, group_id=fields["group_id"],
        organiser_id=state.ctx.member.id, plan=preview.plan_of(state),
    )  # fmt: skip


def _estimate(state: FlowState) -> tuple[Meeting, list, preview.Cost]:
    meeting = draft(state)
    sends = preview.planned(meeting.plan, meeting, state.ctx.clock(), state.ctx.zone)
    if repeat.rule_of(state):
        # A repeating meeting costs every planned occurrence's messages, not the first one's.
        return (
            meeting,
            sends,
            preview.cost(state, meeting, repeat.sends(preview.planned, meeting, state)),
        )
    return meeting, sends, preview.cost(state, meeting, sends)


def _ask_review(state: FlowState) -> list[dict]:
    language = state.language
    meeting, sends, found = _estimate(state)
    sample = card(meeting, state.ctx.zone, language, text("meeting.header.announcement", language),
                  buttons=False, note=text("meeting.preview_note", language))  # fmt: skip
    cost = preview.cost_line(found, language)
    plan = preview.describe(sends, meeting, state)
    if repeat.rule_of(state):
        plan = repeat.review_lead(state) + "\n" + plan
        cost += "\n" + text("meeting.repeat.cost_note", language, count=len(repeat.starts(state)))
    body = text("meeting.review", language, audience=steps.audience_label(state),
                plan=plan, cost=cost)  # fmt: skip
    nobody = found.recipients == 0  # nobody would be told: not confirmable
    items = [] if found.over or nobody else [choice(text("meeting.confirm", language), "review", "confirm")]  # fmt: skip
    items += [choice(text(f"meeting.edit_{name}", language), "review", name) for name in EDITABLE]
    lead = [text_message(preview.over_lines(found, language))] if found.over else []
    if nobody:
        lead.append(text_message(text("meeting.no_invitees", language)))
    return [sample, *lead, text_message(body, items)]


def _read_review(answer: Answer, state: FlowState) -> None:
    if answer.kind == "choice" and answer.value in EDITABLE:
        raise GoTo(answer.value, come_back=True)
    confirmed = answer.kind == "choice" and answer.value == "confirm"
    if answer.kind == "text" and answer.text and answer.text.strip() in variants("meeting.confirm"):
        confirmed = True
    if not confirmed:
        raise Invalid("flow.want_choice")
    _, _, found = _estimate(state)  # the quota may have been spent since the preview
    if found.recipients == 0:
        raise Invalid("meeting.no_invitees")
    if found.over:
        months = ", ".join(q.label(state.language) for q, _ in found.over_months)
        raise Invalid("meeting.quota.over", months=months)
    return None


def _quota_after(state: FlowState) -> str:
    """Each month's quota line once the meeting's sends are planned (what every screen says)."""
    _, _, found = _estimate(state)
    return "\n".join(
        preview.month_quota(state, q.start).line(state.language) for q, _ in found.months
    )


def _finish(state: FlowState) -> list[dict]:
    ctx, language = state.ctx, state.language
    planned = draft(state)
    if repeat.rule_of(state):
        _, made = repeat.create(state, planned)
        held = _held_words(state, made[0])
        done = text("meeting.repeat.created_held" if held else "meeting.repeat.created", language,
                    title=planned.title, count=len(made), when=held,
                    rule=repeat.rule_of(state).describe(language))  # fmt: skip
        return [text_message(done + "\n" + _quota_after(state), _after_items(language))]
    meeting = meetings.create(
        ctx.session, title=planned.title, starts_at=planned.starts_at, link=planned.link,
        place=planned.place, agenda=planned.agenda, audience=planned.audience,
        networks=planned.network_list or None, group_id=planned.group_id,
        organiser_id=ctx.member.id, plan=planned.plan, now=ctx.clock(), zone=ctx.zone,
        ends_at=planned.ends_at,
    )  # fmt: skip
    held = _held_words(state, meeting)
    done = text("meeting.created_held" if held else "meeting.created", language,
                title=meeting.title, when=held)  # fmt: skip
    return [text_message(done + "\n" + _quota_after(state), _after_items(language))]


def _held_words(state: FlowState, meeting: Meeting) -> str | None:
    """When the announcement goes, if it waits for the morning ("เวลา 08:00 น. พรุ่งนี้")."""
    ctx = state.ctx
    due = meetings.announcement_due(ctx.session, meeting.id)
    if due is None or due <= ctx.clock():
        return None
    return send_time(due, ctx.clock(), ctx.zone, state.language)


def _after_items(language: str) -> list[dict]:
    return [
        command_action(text("meeting.report.title", language), "meeting_report"),
        command_action(text("meeting.manage.title", language), "meeting_manage"),
        *main_menu(language)[:8],
    ]


meeting = Flow(
    name="meeting",
    title_key="action.meeting",
    keywords=(*variants("action.meeting"), "ประชุม", "meeting", "นัดประชุมใหม่", "new meeting"),
    steps=(
        Step("title", steps.ask_title, steps.read_title),
        Step("when", steps.ask_when, steps.read_when),
        Step("where", steps.ask_where, steps.read_where),
        Step("agenda", steps.ask_agenda, steps.read_agenda, optional=True),
        Step("audience", steps.ask_audience, steps.read_audience, choose=True),
        Step("review", _ask_review, _read_review, stores=False, choose=True, confirms=True),
    ),
    finish=_finish,
    access="coordinator",
    fallback="my_meetings",  # a plain member tapping นัดประชุม sees the meetings they are invited to
    fallback_note="meeting.needs_coordinator",  # and learns how scheduling one is open to them
)
