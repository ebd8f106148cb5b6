"""สรุปเครือข่าย (coordinators): the month's activity and the network's medians, never for n < 5."""

from __future__ import annotations

from handlers import activity_links
from handlers.context import Context
from handlers.feedback import network_name, period_of
from handlers.periods import period_bounds, period_label
from handlers.questionnaire import questionnaire_of
from handlers.registry import command
from messages.assessment_card import Row, network_bubble
from messages.builders import main_menu, say
from messages.catalog import text, variants
from messages.flex import flex_message, pack
from storage import assessments, reflections
from storage.assessments import MIN_RESPONDENTS

MAX_MESSAGES = 5  # LINE's limit per reply


def coordinated(ctx: Context) -> list[str]:
    """Name the networks this coordinator may see (staff, and coordinators of all, see all)."""
    member = ctx.member
    every = [network.key for network in ctx.networks]
    held = [role for role in member.roles if role.role in ("coordinator", "staff")]
    if any(role.role == "staff" or role.network is None for role in held):
        return every or [member.network]
    keys = [role.network for role in held]
    return [key for key in every if key in keys] + [key for key in keys if key not in every]


def _bubble(ctx: Context, network: str) -> dict:
    language, session, now = ctx.language, ctx.session, ctx.clock()
    month_start, month_end = period_bounds("month", now, ctx.zone)
    activities, doers = activity_links.in_network(session, network, month_start, month_end)
    writers = reflections.writers_in_network(session, network, month_start, month_end)
    raters = assessments.respondents_in_network(session, network, month_start, month_end)
    start, end, period = period_of(ctx, now)
    medians = assessments.network_medians(session, network, start, end)
    facts = [
        text("summary.this_month", language, month=period_label("month", month_start, language)),
        text("summary.active", language, count=len(doers | writers | raters)),
        text("summary.activities", language, count=activities),
        text("summary.reflections", language,
             count=reflections.count_in_network(session, network, month_start, month_end)),
        text("summary.assessed", language, period=period, count=medians.respondents),
    ]  # fmt: skip
    rows = [
        Row(question.label(language), median=medians.medians.get(question.key))
        for question in questionnaire_of(ctx).questions
    ]
    title = text("summary.network_title", language, network=network_name(ctx, network))
    notes = [text("summary.anonymity", language, minimum=MIN_RESPONDENTS)]
    return network_bubble(title, facts, rows, notes, language)


@command("network_summary", (*variants("summary.network"), "สรุปผลเครือข่าย"), access="coordinator")
def network_summary(event, ctx) -> list[dict]:
    """Show each network the coordinator looks after: this month's numbers and its medians."""
    bubbles = [_bubble(ctx, key) for key in coordinated(ctx) if key]
    if not bubbles:
        return [say("summary.no_network", ctx.language, menu=True)]
    title = text("summary.network", ctx.language)
    # A reply holds at most 5 messages: beyond that many networks, the first ones are shown.
    messages = [flex_message(title, contents) for contents in pack(bubbles)[:MAX_MESSAGES]]
    messages[-1]["quickReply"] = {"items": main_menu(ctx.language)}
    return messages
