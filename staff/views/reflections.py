"""Reflections: search and filter what members learned, then read one in full."""

from __future__ import annotations

from flask import abort, current_app, g, render_template, request
from sqlalchemy import or_, select

import exports
from exports.filters import parse_date
from exports.kinds import reflections as reflections_export
from exports.query import count_of
from staff import search
from staff.blueprint import blueprint
from staff.i18n import lang, networks, t
from staff.scope import current_scope
from staff.views.stories import story_of
from storage.models import Member
from storage.models.activities import Activity
from storage.models.reflections import Reflection
from storage.reflections import ANSWERS
from storage.scope import visible_members

PAGE = 20


def _dates(today) -> dict[str, str | None]:
    """The typed dates that read as dates; each one that does not gets an error by its field."""
    typed = {field: (request.args.get(field) or "").strip() or None for field in ("from", "to")}
    read = {}
    for field, raw in typed.items():
        try:
            read[field] = parse_date(raw, today)
        except exports.FilterError:
            g.filter_errors[field] = t("export_bad_date", value=raw)
            typed[field] = None
    if read.get("from") and read.get("to") and read["from"] > read["to"]:
        g.filter_errors["to"] = t("export_from_after_to")
        typed["from"] = typed["to"] = None
    return typed


def list_filters() -> exports.Filters:
    """The list's network and dates, read like the export's.

    A date that cannot be read is said next to its field (g.filter_errors) and not applied: the
    page says the list is not filtered by it instead of quietly showing everything.
    """
    args, bot = request.args, current_app.extensions["bot"]
    g.filter_errors = {}
    today = bot.clock().astimezone(bot.config.zone).date()
    typed = _dates(today)
    try:
        return exports.make_filters(
            networks(), date_from=typed["from"], date_to=typed["to"],
            network=args.get("network") or None, lang=lang(), today=today, scope=current_scope(),
        )  # fmt: skip
    except exports.FilterError as problem:
        g.filter_errors["network"] = t(f"export_{problem.problem}", value=problem.value)
        return exports.Filters(lang=lang(), scope=current_scope())


def _found_in(reflection, words: str):
    """(answer key, highlighted snippet) of the first answer holding the search words."""
    for answer in ANSWERS:
        shown = search.highlight(getattr(reflection, answer), words)
        if shown is not None:
            return answer, shown
    return None


@blueprint.get("/reflections")
def reflections():
    bot = current_app.extensions["bot"]
    ctx = exports.context(list_filters(), bot.config)
    stmt = reflections_export.query(ctx).order_by(None)
    words = " ".join(request.args.get("q", "").split())[:100]
    if words:
        stmt = stmt.where(or_(*[search.matches(getattr(Reflection, a), words) for a in ANSWERS]))
    criterion = request.args.get("criterion", "")
    if criterion:
        padded = "," + Reflection.criteria + ","
        stmt = stmt.where(padded.contains(f",{criterion},", autoescape=True))
    page = max(1, request.args.get("page", 1, type=int))
    stmt = stmt.order_by(Reflection.created_at.desc(), Reflection.id.desc())
    with bot.db.unit_of_work() as session:
        found = session.execute(stmt.limit(PAGE + 1).offset((page - 1) * PAGE)).all()
        total = count_of(session, stmt)
    criteria = [(c.key, c.label(lang())) for c in ctx.questionnaire().criteria]
    return render_template(
        "staff/reflections.html", rows=found[:PAGE], more=len(found) > PAGE, page=page,
        args=request.args, criteria=criteria, words=words, total=total,
        found_in=lambda r: _found_in(r, words),
        labels=lambda keys: reflections_export.criteria_text(ctx, keys),
    )  # fmt: skip


@blueprint.get("/reflections/<int:record_id>")
def reflection(record_id: int):
    bot = current_app.extensions["bot"]
    ctx = exports.context(exports.Filters(lang=lang(), scope=current_scope()), bot.config)
    stmt = (
        select(Reflection, Member.display_name, Activity)
        .join(Member, Member.id == Reflection.member_id)
        .outerjoin(Activity, Activity.id == Reflection.activity_id)
        .where(Reflection.id == record_id, visible_members(current_scope()))
    )
    with bot.db.unit_of_work() as session:
        found = session.execute(stmt).first()
    if found is None:
        abort(404)
    item, name, activity = found
    parts = [(a, getattr(item, a)) for a in ANSWERS if getattr(item, a)]
    return render_template(
        "staff/reflection.html", r=item, name=name, activity=activity, parts=parts,
        criteria=reflections_export.criteria_text(ctx, item.criteria_keys),
        **story_of("reflection", item.id),
    )  # fmt: skip
