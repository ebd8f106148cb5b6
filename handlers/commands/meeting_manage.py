"""แก้ไข/ยกเลิกประชุม: a coordinator changes or cancels a meeting; those invited are told."""

from __future__ import annotations

import re
from datetime import datetime

from handlers import meeting_preview as preview
from handlers import meeting_series_edit as series_edit
from handlers import meeting_steps as steps
from handlers.engine import FlowEngine, choice
from handlers.flow import Answer, Flow, FlowState, Invalid, Step
from handlers.parsing.thai_datetime import format_date
from handlers.registry import command
from messages.builders import say, text_message
from messages.catalog import text
from messages.meetings import card, send_time, when
from storage import conversations, daytime, meeting_series, meetings
from storage.reminder_plan import USEFUL_BEFORE_START, send_at

FIELDS = ("title", "when", "where", "agenda")
ACTIONS = (*FIELDS, "cancel")


def _chosen(state: FlowState):
    meeting = meetings.get(state.ctx.session, int(state.data["pick"]))
    allowed = meeting is not None and meeting in meetings.manageable(
        state.ctx.session, state.ctx.member, state.ctx.clock(), limit=200
    )
    return meeting if allowed else None


def _short(meeting, state: FlowState) -> str:
    """A button label that fits 20 characters: the number, day, month and time."""
    local = meeting.starts_at.astimezone(state.ctx.zone)
    return f"#{meeting.id} {format_date(local.date(), state.language)[:-5]} {local:%H:%M}"[:20]


def _ask_pick(state: FlowState) -> list[dict]:
    language, zone = state.language, state.ctx.zone
    found = meetings.manageable(state.ctx.session, state.ctx.member, state.ctx.clock())
    lines = [text("meeting.manage.pick", language)]
    lines += [f"#{m.id} {m.title} ({when(m.starts_at, zone, language)})" for m in found]
    items = [choice(_short(m, state), "pick", str(m.id), m.title) for m in found[:10]]
    return [text_message("\n".join(lines), items)]


def _read_pick(answer: Answer, state: FlowState) -> str:
    raw = answer.value if answer.kind == "choice" else (answer.text or "").strip().lstrip("#")
    found = meetings.manageable(state.ctx.session, state.ctx.member, state.ctx.clock())
    if not raw or raw not in {str(m.id) for m in found}:
        raise Invalid("flow.want_choice")
    if state.data.get(CANCELLING):
        state.data["action"] = "cancel"  # "ขอยกเลิกประชุม": straight to the cancel question
    return raw


# Set when the member asked to cancel ("ขอยกเลิกประชุมค่ะ"): the meeting picked is to be cancelled.
CANCELLING = "cancelling"


def _after_pick(state: FlowState) -> str:
    return "confirm_cancel" if state.data.get(CANCELLING) else "action"


def _ask_action(state: FlowState) -> list[dict]:
    meeting = _chosen(state)
    language = state.language
    if meeting is None:
        return [text_message(text("meeting.manage.gone", language))]
    items = [choice(text(f"meeting.edit_{a}", language), "action", a) for a in ACTIONS]
    header = text("meeting.manage.what", language)
    return [
        card(meeting, state.ctx.zone, language, header, buttons=False),
        text_message(header, items),
    ]


# Typed at "ต้องการแก้ไขอะไรคะ?" step: "ยกเลิกเลยครับ", "ยกเลิกนัดนี้ค่ะ", "ยกเลิกประชุมครับ" cancel the MEETING;
# only the bare leave word "ยกเลิก" (or its button) leaves the conversation.
_CANCEL_MEETING = re.compile(
    r"(?:ยกเลิก|cancel)(?:เลย|นัด|นัดนี้|ประชุม|ประชุมนี้|การประชุม|การประชุมนี้|ครั้งนี้|นัดประชุม"
    r"|นัดประชุมนี้|themeeting|meeting|it)+(?:ค่ะ|คะ|ครับผม|ครับ|คับ|จ้า|นะคะ|นะครับ|นะ|เลย|ด้วย)*[.!~🙏]*"
)


def cancels_the_meeting(typed: str) -> bool:
    """True when typed words at the action step mean cancel-this-meeting, not leave."""
    return bool(_CANCEL_MEETING.fullmatch(re.sub(r"\s+", "", (typed or "").lower())))


def _read_action(answer: Answer, state: FlowState) -> str:
    action = _action_of(answer, state)
    meeting = _chosen(state)
    if action == "when" and meeting is not None:
        # A time typed alone ("14.00") moves the meeting on its own day, not to today.
        local = meeting.starts_at.astimezone(state.ctx.zone)
        state.data[steps.KEPT_DAY] = local.date().isoformat()
    return action


def _action_of(answer: Answer, state: FlowState) -> str:
    if answer.kind == "choice" and answer.value in ACTIONS:
        return answer.value
    if answer.kind == "text" and cancels_the_meeting(answer.text or ""):
        return "cancel"
    if answer.kind == "text":
        for action in ACTIONS:
            if (answer.text or "").strip() == text(f"meeting.edit_{action}", state.language):
                return action
    raise Invalid("flow.want_choice")


def _after_action(state: FlowState) -> str:
    return "confirm_cancel" if state.data["action"] == "cancel" else state.data["action"]


def _changes(state: FlowState) -> dict:
    action, data = state.data["action"], state.data
    if action == "when":
        return {"starts_at": datetime.fromisoformat(data["when"])}
    if action == "where":
        return {"link": data["where"]["link"], "place": data["where"]["place"]}
    return {action: data.get(action)}


def _ask_confirm(state: FlowState) -> list[dict]:
    meeting, language = _chosen(state), state.language
    if meeting is None:
        return [text_message(text("meeting.manage.gone", language))]
    cancelling = state.data["action"] == "cancel"
    step = "confirm_cancel" if cancelling else "confirm"
    told_of = meetings.announced(state.ctx.session, meeting.id) or (
        cancelling and meetings.series_announced(state.ctx.session, meeting)
    )
    if told_of:
        found = preview.notice_cost(state, meeting)
        held = _notice_held(state, meeting)
        now, zone = state.ctx.clock(), state.ctx.zone
        key = "held" if held else ("now" if daytime.is_daytime(now, zone) else "night")
        cutoff = daytime.next_morning(now, zone).astimezone(zone) + USEFUL_BEFORE_START
        notice = text(f"meeting.manage.will_tell_{key}", language, recipients=found.recipients,
                      when=held, time=f"{cutoff:%H:%M}",
                      cost=preview.cost_line(found, language))  # fmt: skip
    else:
        notice = text("meeting.manage.not_announced", language)
    body = text(f"meeting.manage.{step}", language, title=meeting.title, notice=notice)
    items = [choice(text(f"meeting.manage.{step}_yes", language), step, "yes")]
    if cancelling and (series := series_edit.series_of(state, meeting)) is not None:
        # One occurrence of a repeating meeting: cancel it alone, or the whole series.
        rule = meeting_series.recurrence_of(series).describe(language)
        body = text("meeting.repeat.cancel_which", language, rule=rule) + "\n" + body
        items = [choice(text("meeting.repeat.cancel_one", language), step, "yes"),
                 choice(text("meeting.repeat.cancel_all", language), step, "series")]  # fmt: skip
    if cancelling:
        return [text_message(body, items)]
    if (offered := series_edit.offer(state, meeting, body, step)) is not None:
        body, items = offered  # a repeating meeting: this one, or every one from now on
    values = {c.key: getattr(meeting, c.key) for c in meeting.__table__.columns}
    sample = type(meeting)(**{**values, **_changes(state)})
    header = text("meeting.header.change", language)
    return [
        card(sample, state.ctx.zone, language, header, buttons=False),
        text_message(body, items),
    ]


def _notice_held(state: FlowState, meeting) -> str | None:
    """When the change or cancellation notice goes, if it waits for the morning."""
    ctx, now = state.ctx, state.ctx.clock()
    starts = meeting.starts_at
    if state.data["action"] == "when":
        starts = min(starts, _changes(state)["starts_at"])  # members may come at either time
    kind = "cancel" if state.data["action"] == "cancel" else "change"
    due = send_at(kind, now, starts, ctx.zone)
    return send_time(due, now, ctx.zone, state.language) if due > now else None


# At "ยกเลิกการประชุม … ใช่ไหมคะ?": "ยกเลิกเลย" may mean "yes, cancel it" or "cancel this question".
_UNCLEAR = re.compile(
    r"(?:ยกเลิก|cancel)(?:ได้)?(?:เลย|ไป|it)+(?:ค่ะ|คะ|ครับผม|ครับ|คับ|จ้า|นะคะ|นะครับ|นะ|ด้วย)*[.!~🙏]*"
)


def unclear_at_cancel(typed: str) -> bool:
    """True for "ยกเลิกเลย"/"ยกเลิกได้เลย" at the cancel question: asked back, never acted on."""
    return bool(_UNCLEAR.fullmatch(re.sub(r"\s+", "", (typed or "").lower())))


def _read_confirm(answer: Answer, state: FlowState) -> None:
    meeting = _chosen(state)
    if meeting is None:
        raise Invalid("meeting.manage.gone")
    if answer.kind == "text" and unclear_at_cancel(answer.text or ""):
        raise Invalid("meeting.manage.cancel_unclear")
    chosen = answer.value if answer.kind == "choice" else None
    if answer.kind == "text" and state.data.get("action") == "cancel":
        typed = (answer.text or "").strip()
        chosen = {text("meeting.repeat.cancel_all", state.language): "series",
                  text("meeting.repeat.cancel_one", state.language): "yes"}.get(typed)  # fmt: skip
    elif answer.kind == "text" and state.data.get("action") in series_edit.ACTIONS:
        chosen = series_edit.typed_choice(state, answer.text or "")
    if chosen == "series" and series_edit.series_of(state, meeting) is not None:
        state.data["whole_series"] = True
        return None
    if chosen != "yes":
        raise Invalid("flow.want_choice")
    state.data.pop("whole_series", None)
    return None


def _finish(state: FlowState) -> list[dict]:
    ctx, language = state.ctx, state.language
    meeting = _chosen(state)
    if meeting is None:
        return [say("meeting.manage.gone", language, menu=True)]
    if state.data["action"] == "cancel" and state.data.get("whole_series"):
        series = series_edit.series_of(state, meeting)
        count = meeting_series.cancel(ctx.session, series, ctx.clock(), ctx.zone) if series else 0
        return [say("meeting.repeat.cancelled_all", language, menu=True, title=meeting.title,
                    count=count)]  # fmt: skip
    if state.data["action"] == "cancel":
        told = meetings.cancel(ctx.session, meeting, ctx.clock(), ctx.zone)
        key = "meeting.manage.cancelled"
    elif state.data.get("whole_series") and state.data["action"] in series_edit.ACTIONS:
        held = _notice_held(state, meeting)
        return series_edit.finish(state, meeting, _changes(state), held)
    else:
        held = _notice_held(state, meeting)  # before the change: it compares old and new times
        told = meetings.change(ctx.session, meeting, _changes(state), ctx.clock(), ctx.zone)
        key = "meeting.manage.changed"
    if state.data["action"] == "cancel":
        held = _notice_held(state, meeting)
    notice = text("meeting.manage.told" if told else "meeting.manage.not_told", language)
    if told and held:
        notice = text("meeting.manage.told_held", language, when=held)
    return [say(key, language, menu=True, title=meeting.title, notice=notice)]


meeting_change = Flow(
    name="meeting_change",
    title_key="meeting.manage.title",
    keywords=(),
    steps=(
        Step("pick", _ask_pick, _read_pick, then=_after_pick, choose=True),
        Step(
            "action",
            _ask_action,
            _read_action,
            then=_after_action,
            choose=True,
            own_words=cancels_the_meeting,
        ),  # fmt: skip
        Step("title", steps.ask_title, steps.read_title, then="confirm"),
        Step("when", steps.ask_when, steps.read_when, then="confirm"),
        Step("where", steps.ask_where, steps.read_where, then="confirm"),
        Step("agenda", steps.ask_agenda, steps.read_agenda, optional=True, then="confirm"),
        Step(
            "confirm",
            _ask_confirm,
            _read_confirm,
            stores=False,
            then=lambda s: None,
            choose=True,
            confirms=True,
        ),
        Step(
            "confirm_cancel",
            _ask_confirm,
            _read_confirm,
            stores=False,
            choose=True,
            confirms=True,
            own_words=unclear_at_cancel,
            leave_key="meeting.manage.confirm_cancel_no",
        ),
    ),
    finish=_finish,
    access="coordinator",
)


@command("meeting_manage", ("แก้ไขประชุม", "ยกเลิกประชุม", "จัดการประชุม", "edit meeting",
                            "cancel meeting", "manage meetings"), access="coordinator")  # fmt: skip
def manage(event, ctx) -> list[dict]:
    """Start changing a meeting, or say there is none to change."""
    if not meetings.manageable(ctx.session, ctx.member, ctx.clock()):
        return [say("meeting.manage.none", ctx.language, menu=True)]
    said = (getattr(getattr(event, "message", None), "text", None) or "").lower()
    if "ยกเลิก" in said or "cancel" in said:
        existing = conversations.find(ctx.session, ctx.user_id, meeting_change.name)
        if existing is None or conversations.is_expired(existing, ctx.clock()):
            return FlowEngine({}).begin_at(meeting_change, ctx, "pick", {CANCELLING: True})
    return FlowEngine({}).start(meeting_change, ctx)
