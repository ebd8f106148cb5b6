"""สรุปของฉัน: a member's counts of activities and reflections, and their latest assessment."""

from __future__ import annotations

from handlers import activity_links
from handlers.feedback import feedback_message
from handlers.periods import period_bounds
from handlers.registry import command
from messages.builders import command_action, main_menu, text_message
from messages.catalog import text, variants
from storage import assessments, reflections


@command("my_summary", (*variants("action.my_summary"), "สรุป", "summary"))
def my_summary(event, ctx) -> list[dict]:
    """Show the member what they have recorded and their latest five-criteria results."""
    member, language, session = ctx.member, ctx.language, ctx.session
    month_start, _ = period_bounds("month", ctx.clock(), ctx.zone)
    counts = text(
        "summary.mine", language, name=member.display_name or "",
        activities=activity_links.count(session, member.id),
        activities_month=activity_links.count(session, member.id, since=month_start),
        reflections=reflections.count(session, member.id),
        reflections_month=reflections.count(session, member.id, since=month_start),
        assessments=assessments.count(session, member.id),
    )  # fmt: skip
    latest = assessments.latest(session, member.id)
    if latest is None:
        start = command_action(text("action.assess", language), "assess")
        return [
            text_message(counts),
            text_message(text("summary.no_assessment", language), [start]),
        ]
    return [
        text_message(counts),
        text_message(text("summary.latest", language)),
        feedback_message(ctx, latest, main_menu(language)),
    ]
