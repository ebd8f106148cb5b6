"""My activities: the latest ten as a carousel, with edit and delete for seven days after logging."""

from __future__ import annotations

from urllib.parse import parse_qs

from handlers.activities import draft
from handlers.activities.cards import carousel
from handlers.activities.photos import tidy
from handlers.commands import activity_log  # the module, not its Flow: that registers only once
from handlers.engine import FlowEngine
from handlers.parsing.thai_datetime import format_date
from handlers.registry import command
from messages.builders import command_action, main_menu, say, text_message, with_quick_replies
from messages.catalog import text
from storage import activities, reflections
from storage.models.activities import Activity


@command("my_activities", ("กิจกรรมของฉัน", "my activities", "my activity"))
def handle(event, ctx) -> list[dict]:
    """Show the member's ten most recently logged activities."""
    latest = activities.recent(ctx.session, ctx.member.id)
    if not latest:
        log = command_action(text("action.log_activity", ctx.language), activity_log.FLOW_NAME)
        return [text_message(text("activity.my_none", ctx.language), [log])]
    lessons = reflections.lessons_of(ctx.session, [a.id for a in latest])
    pages = carousel(latest, ctx.language, ctx.clock(), ctx.zone, lessons)
    return with_quick_replies([pages], main_menu(ctx.language))


def _fields(event) -> dict[str, str]:
    data = getattr(getattr(event, "postback", None), "data", None) or ""
    return {key: values[0] for key, values in parse_qs(data).items()}


def _editable(event, ctx) -> tuple[Activity | None, list[dict]]:
    """Return the member's activity named by the button if it may still change, else a refusal."""
    raw = _fields(event).get("id", "")
    found = (
        activities.find_for_member(ctx.session, ctx.member.id, int(raw)) if raw.isdigit() else None
    )
    if found is None:
        return None, [say("activity.not_found", ctx.language, menu=True)]
    if not activities.editable(found, ctx.clock()):
        return None, [say("activity.too_old", ctx.language, menu=True, title=found.title)]
    return found, []


@command("activity_edit", ())
def edit(event, ctx) -> list[dict]:
    """Open the confirmation card of an activity logged in the last seven days."""
    activity, refusal = _editable(event, ctx)
    if activity is None:
        return refusal
    tidy(ctx, keep_flow=False)
    flow = activity_log.log_activity
    engine = FlowEngine({flow.name: flow})
    return engine.begin_at(flow, ctx, "review", draft.from_activity(activity))


@command("activity_delete", ())
def delete(event, ctx) -> list[dict]:
    """Ask to confirm, then delete an activity logged in the last seven days, photos and all."""
    activity, refusal = _editable(event, ctx)
    if activity is None:
        return refusal
    language, sure = ctx.language, _fields(event).get("sure")
    if sure == "no":
        return [say("activity.kept", language, menu=True)]
    if sure != "yes":
        question = text(
            "activity.delete_confirm" if activity.photos else "activity.delete_confirm_no_photos",
            language,
            title=activity.title,
            date=format_date(activity.held_on, language),
            photos=len(activity.photos),
        )
        answers = [_sure(language, "activity.delete_yes", activity, "yes"),
                   _sure(language, "activity.delete_no", activity, "no")]  # fmt: skip
        return [text_message(question, answers)]
    title = activity.title
    activities.delete(ctx.session, activity)
    tidy(ctx, keep_flow=True)
    return [say("activity.deleted", language, menu=True, title=title)]


def _sure(language: str, key: str, activity: Activity, answer: str) -> dict:
    label = text(key, language)
    return {
        "type": "action",
        "action": {
            "type": "postback",
            "label": label,
            "data": f"cmd=activity_delete&id={activity.id}&sure={answer}",
            "displayText": label,
        },
    }
