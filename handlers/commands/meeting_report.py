"""รายงานการส่ง: coordinators see what became of each reminder; linking a LINE group to a network."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs

from linebot.v3.webhooks import PostbackEvent

from handlers.registry import command
from messages.builders import main_menu, say, text_message
from messages.catalog import text
from messages.meetings import report_text
from storage import linked_groups, meeting_report, meetings

RECENT = timedelta(days=14)
SHOWN = 3


@command("meeting_report", ("รายงานการส่ง", "delivery report", "รายงานประชุม"), access="coordinator")
def report(event, ctx) -> list[dict]:
    """Report the coordinator's meetings (soonest first), or the one a button names."""
    language = ctx.language
    chosen = None
    if isinstance(event, PostbackEvent):
        raw = (parse_qs(event.postback.data or "").get("m") or [""])[0]
        chosen = int(raw) if raw.isdigit() else None
    found = meetings.reportable(ctx.session, ctx.member, ctx.clock() - RECENT)
    if chosen is not None:
        found = [m for m in found if m.id == chosen]
    if not found:
        return [say("meeting.report.none", language, menu=True)]
    texts = [
        report_text(meeting_report.gather(ctx.session, m), ctx.zone, language)
        for m in found[:SHOWN]
    ]
    return [
        *[text_message(t) for t in texts[:-1]],
        text_message(texts[-1], main_menu(language)),
    ]


@command("link_group", ("ผูกกลุ่มนัดประชุม", "link meeting group"), in_groups=True, access="coordinator")
def link_group(event, ctx) -> list[dict]:
    """In a LINE group: let its coordinator announce meetings here (the group joins their network)."""
    language = ctx.language
    source = getattr(event, "source", None)
    group_id = getattr(source, "group_id", None)
    if not ctx.in_group or not group_id:
        return [text_message(text("meeting.group.only_in_group", language))]
    member = ctx.member
    networks = [n.key for n in ctx.networks if member and member.has_role("coordinator", n.key)]
    if member is None or not member.has_role("coordinator") or not networks:
        return [text_message(text("meeting.group.refused", language))]
    network = member.network if member.network in networks else networks[0]
    linked_groups.link_group(ctx.session, group_id, network, member.id)
    name = next(n.name(language) for n in ctx.networks if n.key == network)
    return [text_message(text("meeting.group.linked", language, network=name))]
