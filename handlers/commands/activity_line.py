"""Log an activity typed in one line ("กิจกรรม: ปลูกป่าชุมชน 12/9/2564 30 คน"), then confirm it."""

from __future__ import annotations

import contextlib

from handlers.activities import draft
from handlers.activities.photos import tidy
from handlers.activities.readers import LINE_OPENERS, parse_line, read_title
from handlers.commands import activity_log  # the module, not its Flow: that registers only once
from handlers.engine import FlowEngine
from handlers.flow import Invalid
from handlers.registry import command


@command("log_activity_line", (), prefixes=LINE_OPENERS)
def handle(event, ctx) -> list[dict]:
    """Fill in what the line says, ask only for what it leaves out, then show the card."""
    parts = parse_line(event.message.text, ctx.now().date(), opened=True)
    # Someone typing one line wants it quick: no photo question (the card still takes photos).
    data: dict = {"photos": []}
    draft.apply_line(data, parts)
    if parts.title:
        with contextlib.suppress(Invalid):  # too long or too short: the title is asked for
            data["title"] = read_title(parts.title)
    tidy(ctx, keep_flow=False)
    flow = activity_log.log_activity
    return FlowEngine({flow.name: flow}).begin_at(flow, ctx, draft.next_step(data), data)
