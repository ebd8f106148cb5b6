"""Log an activity typed in one line ("กิจกรรม: ปลูกป่าชุมชน 12/9/2564 30 คน"), then confirm it."""

from __future__ import annotations

import contextlib
from datetime import date

from handlers.activities import draft
from handlers.activities.photos import tidy
from handlers.activities.readers import LINE_OPENERS, LineParts, parse_line, read_title
from handlers.commands import activity_log  # the module, not its Flow: that registers only once
from handlers.engine import FlowEngine
from handlers.flow import Invalid
from handlers.registry import command
from handlers.understanding.answers import bare_words

# The words of asking to log ("บันทึกกิจกรรมของเมื่อวานหน่อยค่ะ"): what is left may name the day.
REQUEST_WORDS = frozenset(
    "บันทึก ลง เพิ่ม รายงาน ส่ง กิจกรรม ของ ที่ ทำ จัด ไป ขอ อยาก จะ log add record new an the activity "
    "for from".split()
)


def day_asked(said: str, today: date) -> LineParts | None:
    """Return the day a request to log names and nothing else ("บันทึกกิจกรรมเมื่อวานหน่อยค่ะ")."""
    rest = " ".join(bare_words(said, REQUEST_WORDS))
    parts = parse_line(rest, today) if rest else None
    return parts if parts is not None and parts.held_on and not parts.title else None


@command("log_activity_line", (), prefixes=LINE_OPENERS)
def handle(event, ctx) -> list[dict]:
    """Fill in what the line says, ask only for what it leaves out, then show the card."""
    today = ctx.now().date()
    asked = day_asked(event.message.text, today)
    parts = asked or parse_line(event.message.text, today, opened=True)
    # Someone typing one line wants it quick: no photo question (the card still takes photos).
    # Only asking to log a given day is the usual flow, with that day filled in.
    data: dict = {} if asked else {"photos": []}
    draft.apply_line(data, parts)
    if parts.title:
        with contextlib.suppress(Invalid):  # too long or too short: the title is asked for
            data["title"] = read_title(parts.title)
    tidy(ctx, keep_flow=False)
    flow = activity_log.log_activity
    return FlowEngine({flow.name: flow}).begin_at(flow, ctx, draft.next_step(data), data)
