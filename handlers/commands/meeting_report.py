"""รายงานการส่ง: coordinators see what became of each reminder; linking a LINE group to a network."""

from __future__ import annotations

import logging
from datetime import timedelta
from urllib.parse import parse_qs

from linebot.v3.webhooks import PostbackEvent

from handlers import quota_month
from handlers.commands.meeting_nudge import nudge_button
from handlers.registry import command
from messages.builders import main_menu, say, text_message
from messages.catalog import text
from messages.meeting_answers import quota_told_text
from messages.meetings import report_text
from storage import linked_groups, meeting_report, meetings, quota_notices, reminders
from storage.models.meetings import SCHEDULED

log = logging.getLogger(__name__)
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
    shown = found[:SHOWN]
    texts = [_report(ctx, m) for m in shown]
    texts[-1] = "\n".join([texts[-1], *_quota_lines(ctx, shown)])[:4900]
    # Each upcoming meeting with someone still to answer offers "เตือนคนที่ยังไม่ตอบ".
    now = ctx.clock()
    open_ = [m for m in shown if m.status == SCHEDULED and m.starts_at > now]
    waiting = [m for m in open_ if m.audience == "group" or meetings.not_answered(ctx.session, m)]
    buttons = [
        nudge_button(m.id, text("meeting.nudge.button", language))
        if len(shown) == 1
        else nudge_button(m.id, text("meeting.nudge.button_titled", language, title=m.title))
        for m in waiting
    ]
    return [
        *[text_message(t) for t in texts[:-1]],
        text_message(texts[-1], [*buttons, *main_menu(language)][:13]),
    ]


def _report(ctx, meeting) -> str:
    """One meeting's report; for a group, those not yet answered are counted from LINE's size;
    whether the organiser was told of sends LINE refused for the quota."""
    report = meeting_report.gather(ctx.session, meeting)
    extra = [_quota_told(ctx, meeting)]
    size = _group_size(ctx, meeting.group_id) if meeting.audience == "group" else None
    if size is not None:
        # The organiser linked the group and is in it: not an invitee who has not answered.
        report.invited = max(size - (1 if meeting.organiser_id else 0), 0)
        waiting = max(report.invited - sum(report.rsvps.values()), 0)
        if waiting:
            extra.append(text("meeting.group.waiting_unnamed", ctx.language, count=waiting))
    body = report_text(report, ctx.zone, ctx.language, now=ctx.clock())
    return "\n".join(filter(None, [body, *extra]))[:4900]


def _quota_lines(ctx, shown) -> list[str]:
    """The quota of this month and of each month these meetings still send in (one line each)."""
    now = ctx.clock()
    dues = [r.due_at for m in shown for r in reminders.of_meeting(ctx.session, m.id)
            if r.status == reminders.PENDING]  # fmt: skip
    return [
        quota_month.month_quota(ctx.session, ctx.gateway, month, now, ctx.zone, ctx.language).line(
            ctx.language
        )
        for month in quota_month.months_of([now, *dues], now)
    ]


def _quota_told(ctx, meeting) -> str:
    return quota_told_text(quota_notices.of_meeting(ctx.session, meeting.id), ctx.language)


def _group_size(ctx, group_id: str) -> int | None:
    counter = getattr(ctx.gateway, "group_member_count", None)
    if counter is None:
        return None
    try:
        return int(counter(group_id))
    except Exception as exc:  # noqa: BLE001 - the report still shows every answer by name
        log.warning("group member count failed: %s", type(exc).__name__)
        return None


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
    # Coordinators pick groups by name when they schedule: LINE's group summary tells it.
    linked_groups.link_group(ctx.session, group_id, network, member.id, group_name(ctx, group_id))
    name = next(n.name(language) for n in ctx.networks if n.key == network)
    return [text_message(text("meeting.group.linked", language, network=name))]


def group_name(ctx, group_id: str) -> str | None:
    """The group's name from LINE (None when LINE cannot say: the number is shown instead)."""
    namer = getattr(ctx.gateway, "group_name", None)
    if namer is None:
        return None
    try:
        name = namer(group_id)
    except Exception as exc:  # noqa: BLE001 - a name is a nicety: linking must still work
        log.warning("group summary failed: %s", type(exc).__name__)
        return None
    return name[:100] if name else None
