"""Log an activity: title, date, place, people, criteria, photos, then a card to check and save."""

from __future__ import annotations

from datetime import date, timedelta

from handlers.activities import draft
from handlers.activities.cards import confirmation_card
from handlers.activities.criteria import ask_criteria, read_criteria_answer
from handlers.activities.photos import ask_photos, read_photos, receive, tidy
from handlers.activities.readers import (
    TITLE_LENGTH,
    check_held_on,
    is_online,
    parse_line,
    read_date,
    read_participants,
    read_place,
    read_title,
    said,
    typed,
    words,
)
from handlers.commands.reflect_start import reflect_button
from handlers.engine import choice
from handlers.flow import Answer, Flow, FlowState, GoTo, Invalid, Step
from handlers.parsing.thai_datetime import format_date, from_picker
from messages.builders import command_action, main_menu, say, text_message, with_quick_replies
from messages.catalog import text
from storage import activities

FLOW_NAME = "log_activity"
SAVE_WORDS = words("บันทึก", "save", "ยืนยัน", "confirm")


def _then(step: str):
    """Go on to the first unanswered question, unless this step asked to be asked again."""

    def following(state: FlowState) -> str:
        if step == "photos":
            state.data.setdefault("photos", [])  # skipped or done: photos were asked for
        if state.data.pop("_again", False):
            return step
        return draft.next_step(state.data)

    return following


def _begin(state: FlowState) -> None:
    tidy(state.ctx, keep_flow=False)  # photos of a log abandoned earlier are not kept


def _ask_title(state: FlowState) -> list[dict]:
    return [text_message(text("activity.ask_title", state.language))]


def _read_title(answer: Answer, state: FlowState) -> str:
    line = typed(answer)
    if state.data.get("reviewed"):
        return read_title(line)  # changing the title from the card: all of it is the title
    parts = parse_line(line, state.ctx.now().date())
    if not parts.title:
        raise Invalid("activity.bad_title", low=TITLE_LENGTH[0], high=TITLE_LENGTH[1])
    title = read_title(parts.title)
    draft.apply_line(state.data, parts)
    return title


def _ask_date(state: FlowState) -> list[dict]:
    language, today = state.language, state.ctx.now().date()
    picker = {
        "type": "action",
        "action": {
            "type": "datetimepicker",
            "label": text("activity.date_pick", language),
            "data": "s=date&v=picker",
            "mode": "date",
            "initial": today.isoformat(),
            "max": today.isoformat(),
        },
    }
    items = [
        choice(text("activity.date_today", language), "date", "today"),
        choice(text("activity.date_yesterday", language), "date", "yesterday"),
        picker,
    ]
    lead = []
    if note := state.data.get("date_note"):
        key, day = note[0], date.fromisoformat(note[1])
        shown = {"date": format_date(day, language), "today": format_date(today, language)}
        lead = [text_message(text(key, language, **shown))]
    return [*lead, text_message(text("activity.ask_date", language), items)]


def _read_date(answer: Answer, state: FlowState) -> None:
    language, today = state.language, state.ctx.now().date()
    if answer.kind == "choice" and answer.value in ("today", "yesterday"):
        day = today if answer.value == "today" else today - timedelta(days=1)
    elif answer.kind == "datetime":
        try:
            picked = from_picker(answer.params)
        except ValueError:
            raise Invalid("date.problem.unreadable") from None
        if type(picked) is not date:
            raise Invalid("date.problem.unreadable")
        day = check_held_on(picked, today, language)
    else:
        day = read_date(typed(answer), today, language)
    state.data.pop("date_note", None)
    state.data["held_on"] = day.isoformat()


def _ask_place(state: FlowState) -> list[dict]:
    language = state.language
    items = [choice(text("activity.online", language), "place", "online")]
    organisation = state.ctx.member.organisation if state.ctx.member else None
    if organisation:
        items.append(choice(organisation, "place", "organisation", organisation))
    return [text_message(text("activity.ask_place", language), items)]


def _read_place(answer: Answer, state: FlowState) -> None:
    member, tapped = state.ctx.member, answer.value if answer.kind == "choice" else None
    if tapped == "online" or (answer.kind == "text" and is_online(answer.text or "")):
        state.data.update(online=True, place=None)
        return
    if tapped == "organisation" and member is not None and member.organisation:
        place = member.organisation
    else:
        place = read_place(typed(answer))
    state.data.update(online=False, place=place)


def _ask_participants(state: FlowState) -> list[dict]:
    return [text_message(text("activity.ask_participants", state.language))]


def _read_participants(answer: Answer, state: FlowState) -> int:
    return read_participants(typed(answer))


def _ask_review(state: FlowState) -> list[dict]:
    card = confirmation_card(state.data, state.language, "review")
    return with_quick_replies(
        [card], [choice(text("activity.save", state.language), "review", "save")]
    )


def _read_review(answer: Answer, state: FlowState) -> None:
    if answer.kind == "choice" and answer.value == "save" or said(answer, SAVE_WORDS):
        return
    if answer.kind == "choice" and (answer.value or "").startswith("edit_"):
        field = (answer.value or "")[len("edit_") :]
        if field in ("title", "date", "place", "participants", "criteria", "photos"):
            state.data["reviewed"] = True
            raise GoTo(field)
    if answer.kind == "image":  # a photo sent at the card is welcome too
        photos = list(state.data.get("photos") or [])
        receive(state.ctx, answer.message_id, photos)
        state.data.update(photos=photos, reviewed=True)
        raise GoTo("photos")
    raise Invalid("activity.review_hint")


def _finish(state: FlowState) -> list[dict]:
    ctx, data = state.ctx, state.data
    language, now, member = state.language, ctx.clock(), ctx.member
    details = draft.to_details(data)
    if data.get("activity_id"):
        activity = activities.find_for_member(ctx.session, member.id, int(data["activity_id"]))
        if activity is None:
            return [say("activity.not_found", language, menu=True)]
        if not activities.editable(activity, now):
            return [say("activity.too_old", language, menu=True, title=activity.title)]
        activities.update(ctx.session, activity, details, now)
        key = "activity.updated"
    else:
        activity = activities.add(ctx.session, member, details, now)
        key = "activity.saved"
    tidy(ctx, keep_flow=False)  # photos taken off the list during an edit are not kept
    mine = command_action(text("activity.my", language), "my_activities")
    done = text_message(text(key, language, title=details.title))
    # Right after saving is the best moment to write down the lessons: offer it first.
    offer = [] if data.get("activity_id") else [reflect_button(activity.id, language)]
    return with_quick_replies([done], [*offer, *main_menu(language), mine])


log_activity = Flow(
    name=FLOW_NAME,
    title_key="action.log_activity",
    keywords=("บันทึกกิจกรรม", "log activity", "กิจกรรม", "activity"),
    steps=(
        Step("title", _ask_title, _read_title, then=_then("title")),
        Step("date", _ask_date, _read_date, then=_then("date"), stores=False),
        Step("place", _ask_place, _read_place, then=_then("place"), stores=False),
        Step("participants", _ask_participants, _read_participants, then=_then("participants")),
        Step(
            "criteria",
            ask_criteria,
            read_criteria_answer,
            then=_then("criteria"),
            stores=False,
            choose=True,
        ),
        Step(
            "photos",
            ask_photos,
            read_photos,
            then=_then("photos"),
            stores=False,
            optional=True,
            choose=True,
        ),
        Step("review", _ask_review, _read_review, stores=False, choose=True, confirms=True),
    ),
    finish=_finish,
    begin=_begin,
)
