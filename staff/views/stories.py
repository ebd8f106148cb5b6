"""Good practice: staff mark a record, its author is asked in chat; the monthly digest's approval."""

from __future__ import annotations

import logging

from flask import abort, current_app, g, redirect, render_template, request, url_for
from sqlalchemy import select

from bot.story_asks import ask_author
from bot.story_digest import last_month, new_stories
from handlers import quota_month
from handlers.deferred import read_with_line
from handlers.questionnaire import load_questionnaire
from handlers.quota_month import MonthQuota
from messages.stories import DIGEST_LINES
from staff.blueprint import blueprint
from staff.i18n import lang
from staff.scope import current_scope
from storage import stories
from storage.models import Member
from storage.models.activities import Activity
from storage.models.reflections import Reflection
from storage.models.stories import SharedStory
from storage.scope import visible_members

log = logging.getLogger(__name__)
KINDS = {"activity": Activity, "reflection": Reflection}
BACK = {"activity": "staff.activity", "reflection": "staff.reflection"}


def _record(session, kind: str, record_id: int):
    """The record and its author, if the account may see them (else None)."""
    model = KINDS[kind]
    stmt = (
        select(model, Member)
        .join(Member, Member.id == model.member_id)
        .where(model.id == record_id, visible_members(current_scope()))
    )
    return session.execute(stmt).first()


def story_of(kind: str, record_id: int) -> dict:
    """The story made of a record (for its page's "good practice" panel), and whether its
    permission request still waits for the morning (marked at night)."""
    bot = current_app.extensions["bot"]
    with bot.db.unit_of_work() as session:
        found = stories.of_record(session, kind, record_id)
        waiting = found is not None and found.status == stories.ASKED
        waiting = waiting and not stories.asked_yet(session, found)
        session.expunge_all()
    return {"story": found, "story_waiting": waiting}


@blueprint.post("/stories/mark")
def story_mark():
    kind, record_id = request.form.get("kind", ""), request.form.get("record_id", type=int)
    if kind not in KINDS or record_id is None:
        abort(400)
    bot = current_app.extensions["bot"]
    now = bot.clock()
    with bot.db.unit_of_work() as session:
        found = _record(session, kind, record_id)
        if found is None:
            abort(404)
        _, author = found
        story, new = stories.mark(session, kind, record_id, author.id, g.get("staff_id"), now)
        waiting = new and not ask_author(session, story, now, bot.config.zone)
        waiting = waiting and author.reachable  # an unreachable author is not asked at all
    return redirect(url_for(BACK[kind], record_id=record_id, marked="later" if waiting else 1))


def _digest_plan(session, bot):
    """The month the next digest covers, its stories, recipients, and whether it was approved."""
    month, _, _ = last_month(bot.clock(), bot.config.zone)
    questionnaire = load_questionnaire(bot.config.questionnaire_file)
    found = new_stories(session, month, bot.config.zone, questionnaire)
    return {
        "month": month, "stories": found, "recipients": len(stories.digest_recipients(session)),
        "approved": stories.digest(session, month),
    }  # fmt: skip


def _quota(bot) -> MonthQuota:
    """This month's quota as every screen reckons it; LINE is asked with no transaction open."""
    now, language = bot.clock(), lang()

    def work(session, line):
        return quota_month.month_quota(session, line, now, now, bot.config.zone, language)

    return read_with_line(bot.db, bot.gateway, work)


@blueprint.get("/stories")
def stories_page():
    bot = current_app.extensions["bot"]
    questionnaire = load_questionnaire(bot.config.questionnaire_file)
    stmt = (
        select(SharedStory, Member.display_name)
        .join(Member, Member.id == SharedStory.member_id)
        .where(visible_members(current_scope()))
        .order_by(SharedStory.marked_at.desc())
    )
    with bot.db.unit_of_work() as session:
        rows = session.execute(stmt.limit(200)).all()
        names = stories.titles(session, [story for story, _ in rows])
        plan = _digest_plan(session, bot) if current_scope().everything else None
        session.expunge_all()
    quota = _quota(bot) if plan else None
    left = quota.left if quota else None
    labels = {c.key: c.label(lang()) for c in questionnaire.criteria}
    return render_template(
        "staff/stories.html", rows=rows, names=names, plan=plan, left=left, labels=labels,
        quota_line=quota.line(lang()) if quota else "",
        over=plan is not None and left is not None and plan["recipients"] > left,
        shown=min(DIGEST_LINES, len(plan["stories"])) if plan else 0,
    )  # fmt: skip


@blueprint.post("/stories/digest")
def story_digest_approve():
    if not current_scope().everything:
        abort(403)  # the digest goes to every member: only an account that sees them all
    bot = current_app.extensions["bot"]
    with bot.db.unit_of_work() as session:
        plan = _digest_plan(session, bot)
    left = _quota(bot).left
    if request.form.get("month") != plan["month"] or not plan["stories"]:
        abort(400)
    if left is not None and plan["recipients"] > left:
        abort(409)
    with bot.db.unit_of_work() as session:
        stories.approve_digest(session, plan["month"], g.get("staff_id"), bot.clock())
    return redirect(url_for("staff.stories_page", approved=1))
