"""Activities with their photos; photos come from the media store, only to signed-in staff."""

from __future__ import annotations

from collections import defaultdict

from flask import abort, current_app, render_template, request, send_file
from sqlalchemy import select

import exports
from exports.kinds import activities as activities_export
from exports.query import count_of
from staff.blueprint import blueprint
from staff.i18n import lang
from staff.scope import current_scope
from staff.views.reflections import list_filters
from staff.views.stories import story_of
from storage.models import Member
from storage.models.activities import Activity, ActivityCriterion, ActivityPhoto
from storage.models.reflections import Reflection
from storage.scope import visible_members

PAGE = 20


def _photos(session, ids: list[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    stmt = select(ActivityPhoto.activity_id, ActivityPhoto.id).where(
        ActivityPhoto.activity_id.in_(ids)
    )
    for activity_id, photo_id in session.execute(stmt.order_by(ActivityPhoto.position)):
        found[activity_id].append(photo_id)
    return found


@blueprint.get("/activities")
def activities():
    bot = current_app.extensions["bot"]
    ctx = exports.context(list_filters(), bot.config)
    stmt = activities_export.query(ctx).order_by(None)
    words = " ".join(request.args.get("q", "").split())[:100]
    if words:
        stmt = stmt.where(Activity.title.contains(words, autoescape=True))
    page = max(1, request.args.get("page", 1, type=int))
    stmt = stmt.order_by(Activity.held_on.desc(), Activity.id.desc())
    with bot.db.unit_of_work() as session:
        found = session.execute(stmt.limit(PAGE + 1).offset((page - 1) * PAGE)).all()
        photos = _photos(session, [row[0].id for row in found[:PAGE]])
        total = count_of(session, stmt)
    return render_template(
        "staff/activities.html", rows=found[:PAGE], photos=photos, more=len(found) > PAGE,
        page=page, args=request.args, total=total, words=words,
    )  # fmt: skip


@blueprint.get("/activities/<int:record_id>")
def activity(record_id: int):
    bot = current_app.extensions["bot"]
    ctx = exports.context(exports.Filters(lang=lang(), scope=current_scope()), bot.config)
    stmt = (
        select(Activity, Member.display_name)
        .join(Member, Member.id == Activity.member_id)
        .where(Activity.id == record_id, visible_members(current_scope()))
    )
    with bot.db.unit_of_work() as session:
        found = session.execute(stmt).first()
        if found is None:
            abort(404)
        photos = _photos(session, [record_id]).get(record_id, [])
        numbers = session.scalars(
            select(ActivityCriterion.criterion).where(ActivityCriterion.activity_id == record_id)
        ).all()
        lessons = session.execute(
            select(Reflection.id, Reflection.lesson)
            .join(Member, Member.id == Reflection.member_id)
            .where(Reflection.activity_id == record_id, visible_members(current_scope()))
        ).all()
    labels = [c.label(lang()) for c in ctx.questionnaire().criteria]
    criteria = [labels[n - 1] for n in sorted(numbers) if 0 < n <= len(labels)]
    item, name = found
    return render_template(
        "staff/activity.html",
        a=item,
        name=name,
        photos=photos,
        criteria=criteria,
        lessons=lessons,
        **story_of("activity", item.id),
    )


@blueprint.get("/photos/<int:photo_id>")
def photo(photo_id: int):
    """A photo of a consented member's activity, from the media store (never a path from outside)."""
    bot = current_app.extensions["bot"]
    stmt = (
        select(ActivityPhoto.path, ActivityPhoto.content_type)
        .join(Activity, Activity.id == ActivityPhoto.activity_id)
        .join(Member, Member.id == Activity.member_id)
        .where(ActivityPhoto.id == photo_id, visible_members(current_scope()))
    )
    with bot.db.unit_of_work() as session:
        found = session.execute(stmt).first()
    if found is None:
        abort(404)
    root = bot.config.media_dir.resolve()
    path = (root / found.path).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        abort(404)
    response = send_file(path, mimetype=found.content_type, max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response
