"""Start a reflection from a button: about a given activity, or editing the latest one."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from linebot.v3.webhooks import PostbackEvent

from handlers import activity_links
from handlers.commands import reflect as reflect_module
from handlers.engine import FlowEngine
from handlers.questionnaire import questionnaire_of
from handlers.registry import command
from messages.builders import LABEL_LIMIT, say
from messages.catalog import text
from storage import reflections


def reflect_button(activity_id: int, language: str) -> dict[str, Any]:
    """Build the quick-reply item that starts a reflection about `activity_id` (after saving one)."""
    label = text("nudge.reflect_button", language)[:LABEL_LIMIT]
    return {
        "type": "action",
        "action": {
            "type": "postback",
            "label": label,
            "data": f"cmd=reflect_on&activity={activity_id}",
            "displayText": label,
        },
    }


def _engine() -> FlowEngine:
    flow = reflect_module.reflect
    return FlowEngine({flow.name: flow})


@command("reflect_on", ())
def reflect_on(event, ctx) -> list[dict]:
    """Start a reflection about the activity the tapped button named (after saving it, a nudge)."""
    fields = parse_qs(event.postback.data or "") if isinstance(event, PostbackEvent) else {}
    wanted = (fields.get("activity") or [""])[0]
    activity = None
    if wanted.isdigit():
        activity = activity_links.find(ctx.session, ctx.member.id, int(wanted))
    if activity is None:  # not theirs, or deleted since: an ordinary reflection
        return _engine().start(reflect_module.reflect, ctx)
    data = reflect_module.about(activity, questionnaire_of(ctx))
    return _engine().begin_at(reflect_module.reflect, ctx, "set_out", data)


@command("edit_reflection", ("แก้ไขถอดบทเรียน", "edit reflection", "แก้ถอดบทเรียน"))
def edit_reflection(event, ctx) -> list[dict]:
    """Open the member's latest reflection on its review card, if it is under 24 hours old."""
    reflection = reflections.latest_editable(ctx.session, ctx.member.id, ctx.clock())
    if reflection is None:
        return [say("reflect.nothing_to_edit", ctx.language, menu=True)]
    activity = None
    if reflection.activity_id is not None:
        activity = activity_links.find(ctx.session, ctx.member.id, reflection.activity_id)
    data = reflect_module.editing(reflection, activity)
    return _engine().begin_at(reflect_module.reflect, ctx, "review", data)
