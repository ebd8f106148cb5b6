"""Selection rounds on the staff web: open, shortlist, score per criterion, compare, decide."""

from __future__ import annotations

from flask import abort, current_app, g, redirect, render_template, request, session, url_for
from sqlalchemy import select

from handlers.provinces import find_province
from handlers.questionnaire import load_questionnaire
from staff.blueprint import blueprint
from staff.i18n import lang
from staff.scope import current_scope
from storage import organisations, selection, staff_admin
from storage.models.organisations import Organisation
from storage.models.selection import SelectionCandidate, SelectionRound
from storage.models.staff import StaffAccount


def _criteria():
    return load_questionnaire(current_app.extensions["bot"].config.questionnaire_file).criteria


def _round(db_session, round_id: int) -> SelectionRound:
    found = db_session.get(SelectionRound, round_id)
    if found is None or not current_scope().covers(found.province, None):
        abort(404)
    return found


def _candidate(db_session, round_id: int, candidate_id: int) -> SelectionCandidate:
    _round(db_session, round_id)
    candidate = db_session.get(SelectionCandidate, candidate_id)
    if candidate is None or candidate.round_id != round_id:
        abort(404)
    return candidate


@blueprint.get("/selection")
def selection_rounds():
    bot = current_app.extensions["bot"]
    with bot.db.unit_of_work() as db_session:
        rounds = db_session.scalars(select(SelectionRound).order_by(SelectionRound.id.desc())).all()
        rounds = [r for r in rounds if current_scope().covers(r.province, None)]
        db_session.expunge_all()
    criteria = [(c.key, c.label(lang())) for c in _criteria()]
    return render_template("staff/selection_rounds.html", rounds=rounds, criteria=criteria)


@blueprint.post("/selection")
def selection_open():
    form = request.form
    province = find_province(form.get("province", ""))
    name = " ".join(form.get("name", "").split())[:200]
    if not name or province is None or not current_scope().covers(province, None):
        abort(400)
    weights = {}
    for criterion in _criteria():
        try:
            weights[criterion.key] = max(0.0, min(10.0, float(form.get(f"w_{criterion.key}") or 1)))
        except ValueError:
            abort(400)
    with current_app.extensions["bot"].db.unit_of_work() as db_session:
        found = selection.open_round(db_session, name, province, weights)
        round_id = found.id
    return redirect(url_for("staff.selection_round", round_id=round_id))


@blueprint.get("/selection/<int:round_id>")
def selection_round(round_id: int):
    bot = current_app.extensions["bot"]
    criteria = _criteria()
    keys = [c.key for c in criteria]
    with bot.db.unit_of_work() as db_session:
        found = _round(db_session, round_id)
        rows = selection.table(db_session, found, keys)
        names = {o.id: o for o in organisations.active(db_session)}
        names.update(
            {r[0].organisation_id: db_session.get(Organisation, r[0].organisation_id) for r in rows}
        )
        listed = {r[0].organisation_id for r in rows}
        eligible = [
            o for o in names.values() if o.province == found.province and o.id not in listed
        ]
        scorers = dict(db_session.execute(select(StaffAccount.id, StaffAccount.email)).all())
        weights = selection.weights_of(found)
        db_session.expunge_all()
    return render_template(
        "staff/selection_round.html", round=found, rows=rows, names=names, eligible=eligible,
        criteria=[(c.key, c.label(lang())) for c in criteria], scorers=scorers, weights=weights,
        me=session.get("staff_id"), saved=request.args.get("saved"),
    )  # fmt: skip


@blueprint.post("/selection/<int:round_id>/shortlist")
def selection_shortlist(round_id: int):
    with current_app.extensions["bot"].db.unit_of_work() as db_session:
        found = _round(db_session, round_id)
        org = organisations.get(db_session, request.form.get("organisation", 0, type=int))
        if org is None or org.province != found.province:
            abort(400)
        selection.shortlist(db_session, round_id, org.id)
    return redirect(url_for("staff.selection_round", round_id=round_id))


@blueprint.post("/selection/<int:round_id>/score/<int:candidate_id>")
def selection_score(round_id: int, candidate_id: int):
    form = request.form
    with current_app.extensions["bot"].db.unit_of_work() as db_session:
        _candidate(db_session, round_id, candidate_id)
        try:
            for criterion in _criteria():
                # "—" (nothing picked) saves nothing: never a score the scorer did not choose.
                value = form.get(f"s_{criterion.key}", type=int)
                if value is not None:
                    selection.score(db_session, candidate_id, session["staff_id"], criterion.key,
                                    value, form.get(f"c_{criterion.key}"))  # fmt: skip
        except ValueError:
            abort(400)
    return redirect(url_for("staff.selection_round", round_id=round_id, saved="scores"))


@blueprint.post("/selection/<int:round_id>/decide/<int:candidate_id>")
def selection_decide(round_id: int, candidate_id: int):
    bot = current_app.extensions["bot"]
    decision = request.form.get("decision", "")
    with bot.db.unit_of_work() as db_session:
        candidate = _candidate(db_session, round_id, candidate_id)
        try:
            before = selection.decide(db_session, candidate_id, decision,
                                      request.form.get("reasons", ""))  # fmt: skip
        except ValueError:
            abort(400)
        if before != decision:
            # Which organisation and which way, never the reasons' text.
            org = db_session.get(Organisation, candidate.organisation_id)
            staff_admin.record(
                db_session, g.staff_email, "decide", at=bot.clock(),
                round=db_session.get(SelectionRound, round_id).name,
                organisation=org.name if org else candidate.organisation_id,
                candidate_id=candidate_id, decision_before=before or "", decision_after=decision,
            )  # fmt: skip
    return redirect(url_for("staff.selection_round", round_id=round_id, saved="decision"))
