"""Organisations: the list with likely duplicates, each one's members, and merging two into one."""

from __future__ import annotations

from flask import abort, current_app, g, redirect, render_template, request, url_for
from sqlalchemy import func, select

from handlers import districts
from handlers.questionnaire import load_questionnaire
from staff.blueprint import blueprint
from staff.i18n import lang
from staff.scope import current_scope
from storage import org_evidence, organisations, staff_admin
from storage.models import Member
from storage.models.activities import Activity
from storage.models.assessments import Assessment
from storage.models.reflections import Reflection
from storage.scope import visible_members

LIKELY_SAME = organisations.SAME_PLACE


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
            fit = organisations.same_place_fit(first, second)
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


def _pair(session, keep_id: int | None, drop_id: int | None):
    """Return the two organisations to merge, or 404 when either is gone or out of scope."""
    keep, drop = organisations.get(session, keep_id or 0), organisations.get(session, drop_id or 0)
    if keep is None or drop is None or not (_mine(keep) and _mine(drop)):
        abort(404)
    if keep.id == drop.id or keep.id != keep_id or drop.id != drop_id:
        abort(400)
    return keep, drop


def _what_moves(session, org_id: int) -> dict[str, int]:
    """Count what follows the members of the organisation merged away."""
    people = select(Member.id).where(Member.organisation_id == org_id)
    count = {
        "members": select(func.count()).where(Member.organisation_id == org_id),
        "activities": select(func.count()).where(Activity.member_id.in_(people)),
        "reflections": select(func.count()).where(Reflection.member_id.in_(people)),
        "assessments": select(func.count()).where(Assessment.member_id.in_(people)),
    }
    return {key: session.scalar(query) or 0 for key, query in count.items()}


@blueprint.get("/organisations/<int:drop_id>/merge")
def organisation_merge_confirm(drop_id: int):
    """Show what merging `drop_id` into ?into= moves and ask to confirm; nothing changes here."""
    keep_id = request.args.get("into", type=int)
    bot = current_app.extensions["bot"]
    with bot.db.unit_of_work() as session:
        drop = organisations.get(session, drop_id)
        if drop is None or drop.id != drop_id or not _mine(drop):
            abort(404)
        choices = [o for o in organisations.active(session) if _mine(o) and o.id != drop.id]
        keep = _pair(session, keep_id, drop_id)[0] if keep_id is not None else None
        moves = _what_moves(session, drop.id)
        rounds = organisations.candidate_rounds(session, drop.id)
        spellings = (drop.original_names or drop.name).splitlines()
        session.expunge_all()
    return render_template(
        "staff/organisation_merge.html", keep=keep, drop=drop, moves=moves, rounds=rounds,
        spellings=spellings, choices=choices,
    )  # fmt: skip


@blueprint.post("/organisations/merge")
def organisation_merge():
    keep_id, drop_id = request.form.get("keep", type=int), request.form.get("drop", type=int)
    if request.form.get("confirm") != "yes":  # an old list page's button: show what it would do
        return redirect(
            url_for("staff.organisation_merge_confirm", drop_id=drop_id or 0, into=keep_id)
        )
    bot = current_app.extensions["bot"]
    try:
        with bot.db.unit_of_work() as session:
            keep, drop = _pair(session, keep_id, drop_id)
            names = {"keep": keep.name, "drop": drop.name, "keep_id": keep.id, "drop_id": drop.id}
            moved = organisations.merge(session, keep.id, drop.id)
            staff_admin.record(
                session, g.staff_email, "merge_organisation", at=bot.clock(), moved=moved, **names
            )
    except organisations.MergeRefused:
        return redirect(
            url_for("staff.organisation_merge_confirm", drop_id=drop_id or 0, into=keep_id)
        )
    except ValueError:
        abort(400)
    return redirect(url_for("staff.organisation", org_id=keep_id, moved=moved))


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
