"""Meetings: the list with RSVPs, and each meeting's delivery report (what reached whom).

Every number comes from `exports.figures.meeting`, as the meetings export's row does.
"""

from __future__ import annotations

from flask import abort, current_app, render_template, request
from sqlalchemy import select

import exports
from exports import figures
from exports.kinds import meetings as meetings_export
from messages import report_reasons
from messages.catalog import text
from messages.meeting_answers import quota_told_text
from staff.blueprint import blueprint
from staff.i18n import lang, when
from staff.scope import current_scope
from staff.views.reflections import list_filters
from storage import meetings as meeting_store
from storage import quota_notices
from storage.models import Member
from storage.models.meetings import Meeting
from storage.models.members import CONSENT_GIVEN
from storage.scope import visible_members

PAGE = 25


@blueprint.get("/meetings")
def meetings():
    bot = current_app.extensions["bot"]
    filters = list_filters()
    page = max(1, request.args.get("page", 1, type=int))
    ctx = exports.context(filters, bot.config)
    newest_first = (Meeting.starts_at.desc(), Meeting.id.desc())
    stmt = meetings_export.query(ctx).order_by(None).order_by(*newest_first)
    with bot.db.unit_of_work() as session:
        found = session.execute(stmt.limit(PAGE + 1).offset((page - 1) * PAGE)).all()
        rows = [(m, name, figures.meeting(session, m)) for m, _line, name in found[:PAGE]]
    return render_template(
        "staff/meetings.html", rows=rows, args=request.args, page=page,
        more=len(found) > PAGE, audience=lambda m: meetings_export.audience(m, ctx),
        status=lambda m: meetings_export.shown_status(m, bot.clock()),
    )  # fmt: skip


def _organised_in(session, meeting: Meeting, scope) -> bool:
    """True if a scoped account may see the meeting: its organiser lies in the scope."""
    if meeting.organiser_id is None:
        return False
    stmt = select(Member.id).where(Member.id == meeting.organiser_id, visible_members(scope))
    return session.scalar(stmt) is not None


@blueprint.get("/meetings/<int:record_id>")
def meeting(record_id: int):
    bot = current_app.extensions["bot"]
    with bot.db.unit_of_work() as session:
        found = meeting_store.get(session, record_id)
        scope = current_scope()
        if found is None or not (scope.everything or _organised_in(session, found, scope)):
            abort(404)
        report = figures.meeting(session, found)
        quota_told = quota_told_text(quota_notices.of_meeting(session, found.id), lang()).strip()
        organiser = None
        if found.organiser_id:
            organiser = session.scalar(
                select(Member.display_name).where(
                    Member.id == found.organiser_id, Member.consent_status == CONSENT_GIVEN
                )
            )
    notes = [_notes(line, bot.clock()) for line in report.lines]
    return render_template(
        "staff/meeting.html", report=report, m=found, organiser=organiser, quota_told=quota_told,
        notes=notes, failure_text=lambda code: report_reasons.failure_text(code, lang()),
        status=meetings_export.shown_status(found, bot.clock()),
    )  # fmt: skip


def _notes(line, now) -> list[str]:
    """A report row's notes in words: unsent (due or overdue), why skipped, a change's old time."""
    said = []
    if line.status == "pending":
        said.append(report_reasons.pending_text(line.due_at, now, lang()))
    if line.status == "skipped":
        reason = report_reasons.skip_text(line.reason, lang())
        said.append(text("meeting.reason.skipped", lang(), reason=reason))
    elif line.reason:
        note = report_reasons.note_text(line.reason, lang(), when)
        said.append(note if note is not None else report_reasons.skip_text(line.reason, lang()))
    return said
