"""Organisations: the list with likely duplicates, each one's members, and merging two into one."""

from __future__ import annotations

from flask import abort, current_app, redirect, render_template, request, url_for
from sqlalchemy import func, select

from handlers import districts
from handlers.questionnaire import load_questionnaire
from staff.blueprint import blueprint
from staff.i18n import lang
from staff.scope import current_scope
from storage import org_evidence, organisations
from storage.models import Member
from storage.scope import visible_members

LIKELY_SAME = 80


def _mine(org) -> bool:
    """True if the organisation lies in the signed-in account's scope."""
    return current_scope().covers(org.province, org.network)


def _visible(member) -> bool:
    return member.consented and current_scope().covers(member.province, member.network)


def _member_counts(session) -> dict[int, int]:
    query = select(Member.organisation_id, func.count()).where(
        Member.organisation_id.is_not(None), visible_members(current_scope())
    )
    return dict(session.execute(query.group_by(Member.organisation_id)).all())


def likely_duplicates(orgs) -> list[tuple]:
    """Pair organisations whose names score as probably the same place, best first."""
    pairs = []
    for i, first in enumerate(orgs):
        for second in orgs[i + 1 :]:
            fit = organisations.score(first.name, second.name)
            if fit >= LIKELY_SAME:  # the older record is offered as the one to keep
                pairs.append((fit, *sorted((first, second), key=lambda org: org.id)))
    return sorted(pairs, key=lambda p: (-p[0], p[1].id, p[2].id))


@blueprint.get("/organisations")
def organisation_list():
    bot = current_app.extensions["bot"]
    with bot.db.unit_of_work() as session:
        orgs = [org for org in organisations.active(session) if _mine(org)]
        counts = _member_counts(session)
        pairs = likely_duplicates(orgs)
        session.expunge_all()
    return render_template("staff/organisations.html", orgs=orgs, counts=counts, pairs=pairs)


@blueprint.get("/organisations/<int:org_id>")
def organisation(org_id: int):
    bot = current_app.extensions["bot"]
    with bot.db.unit_of_work() as session:
        org = organisations.get(session, org_id)
        if org is None or not _mine(org):
            abort(404)
        if org.id != org_id:  # merged away: its page is the one it joined
            return redirect(url_for("staff.organisation", org_id=org.id))
        people = [m for m in organisations.members_of(session, org.id) if _visible(m)]
        criteria = load_questionnaire(bot.config.questionnaire_file).criteria
        evidence = org_evidence.by_criterion(
            session, org.id, [c.key for c in criteria], current_scope()
        )
        ratings = org_evidence.ratings(session, org.id, bot.config.zone, current_scope())
        session.expunge_all()
    labels = {c.key: c.label(lang()) for c in criteria}
    covered = sum(1 for found in evidence if found.has_evidence)
    return render_template(
        "staff/organisation.html", org=org, people=people, moved=request.args.get("moved", type=int),
        evidence=evidence, labels=labels, covered=covered, ratings=ratings,
        quarters=sorted({r.quarter for r in ratings}),
        rating={(r.quarter, r.criterion): r for r in ratings},
    )  # fmt: skip


@blueprint.post("/organisations/merge")
def organisation_merge():
    keep, drop = request.form.get("keep", type=int), request.form.get("drop", type=int)
    bot = current_app.extensions["bot"]
    try:
        with bot.db.unit_of_work() as session:
            both = [organisations.get(session, keep or 0), organisations.get(session, drop or 0)]
            if not all(org is not None and _mine(org) for org in both):
                abort(404)
            moved = organisations.merge(session, keep or 0, drop or 0)
    except ValueError:
        abort(400)
    return redirect(url_for("staff.organisation", org_id=keep, moved=moved))


@blueprint.post("/organisations/<int:org_id>/district")
def organisation_district(org_id: int):
    """Set or correct the organisation's district (free text: no list of districts ships)."""
    typed = " ".join((request.form.get("district") or "").split())
    district = districts.clean(typed)
    if district is not None and not 2 <= len(district) <= 100:
        abort(400)
    bot = current_app.extensions["bot"]
    with bot.db.unit_of_work() as session:
        org = organisations.get(session, org_id)
        if org is None or org.id != org_id or not _mine(org):
            abort(404)
        org.district = district
    return redirect(url_for("staff.organisation", org_id=org_id))
