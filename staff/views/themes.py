"""Themes: the words and phrases used most in reflections, per network, province or criterion."""

from __future__ import annotations

from flask import current_app, render_template, request
from sqlalchemy import select

import exports
from exports.kinds import themes
from staff.blueprint import blueprint
from staff.i18n import lang, t
from staff.scope import current_scope
from staff.views.reflections import list_filters
from storage.models import Member
from storage.scope import visible_members

WEB_LIMIT = 3000  # reflections one page reads (the newest); the export reads them all
WORDS, PHRASES = 20, 10


def _provinces(session) -> list[str]:
    stmt = select(Member.province).where(
        Member.province.is_not(None), visible_members(current_scope())
    )
    return sorted(set(session.scalars(stmt.distinct())))


@blueprint.get("/themes")
def themes_page():
    bot = current_app.extensions["bot"]
    ctx = exports.context(list_filters(), bot.config)
    criteria = [(c.key, c.label(lang())) for c in ctx.questionnaire().criteria]
    args = request.args
    by = args.get("by") if args.get("by") in themes.DIMENSIONS else None
    criterion = args.get("criterion") if args.get("criterion") in dict(criteria) else None
    with bot.db.unit_of_work() as session:
        provinces = _provinces(session)
        province = args.get("province") if args.get("province") in provinces else None
        found = themes.reflections(
            session, ctx, province=province, criterion=criterion, limit=WEB_LIMIT + 1
        )
    capped = len(found) > WEB_LIMIT
    groups = themes.groups(ctx, found[:WEB_LIMIT], by)
    dimensions = [(key, t(f"themes_by_{key}")) for key in themes.DIMENSIONS]
    return render_template(
        "staff/themes.html", groups=groups, args=args, basis=min(len(found), WEB_LIMIT),
        capped=capped, limit=WEB_LIMIT, words=WORDS, phrases=PHRASES,
        extra=[("criterion", criteria), ("province", [(p, p) for p in provinces]),
               ("by", dimensions)],
    )  # fmt: skip
