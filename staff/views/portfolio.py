"""A candidate's portfolio in Thai: cover, facts, evidence per criterion with photos, ratings."""

from __future__ import annotations

import base64

from flask import abort, current_app, render_template, request
from sqlalchemy import select

from handlers.questionnaire import load_questionnaire
from staff.blueprint import blueprint
from staff.scope import current_scope
from storage import org_evidence, organisations
from storage.models.activities import ActivityPhoto
from storage.models.selection import SelectionCandidate, SelectionRound

KIND_TH = {"school": "โรงเรียน", "temple": "วัด", "community": "ชุมชน",
           "government": "หน่วยงานราชการ", "company": "บริษัท", "other": "องค์กร"}  # fmt: skip
PHOTOS_PER_CRITERION = 4


def _embedded(session, photo_ids: list[int]) -> dict[int, str]:
    """Photos as data: URIs, so the PDF holds them without a request back to the web."""
    root = current_app.extensions["bot"].config.media_dir.resolve()
    found = {}
    rows = session.execute(
        select(ActivityPhoto.id, ActivityPhoto.path, ActivityPhoto.content_type).where(
            ActivityPhoto.id.in_(photo_ids)
        )
    )
    for photo_id, path, content_type in rows:
        file = (root / path).resolve()
        if file.is_relative_to(root) and file.is_file():
            data = base64.b64encode(file.read_bytes()).decode()
            found[photo_id] = f"data:{content_type};base64,{data}"
    return found


def _gather(round_id: int, candidate_id: int) -> dict:
    bot = current_app.extensions["bot"]
    criteria = load_questionnaire(bot.config.questionnaire_file).criteria
    scope = current_scope()
    with bot.db.unit_of_work() as session:
        found = session.get(SelectionRound, round_id)
        candidate = session.get(SelectionCandidate, candidate_id)
        if found is None or candidate is None or candidate.round_id != round_id:
            abort(404)
        if not scope.covers(found.province, None):
            abort(404)
        org = organisations.get(session, candidate.organisation_id)
        evidence = org_evidence.by_criterion(session, org.id, [c.key for c in criteria], scope)
        ratings = org_evidence.ratings(session, org.id, bot.config.zone, scope)
        people = [m for m in organisations.members_of(session, org.id) if m.consented]
        shown = [pid for e in evidence for pid in e.photo_ids[:PHOTOS_PER_CRITERION]]
        photos = _embedded(session, shown)
        session.expunge_all()
    activities = {a.id for e in evidence for a in e.activities}
    reflections = {r.id for e in evidence for r in e.reflections}
    return {
        "round": found, "candidate": candidate, "org": org, "kind": KIND_TH.get(org.kind, ""),
        "evidence": evidence, "labels": {c.key: c.label("th") for c in criteria},
        "names": {c.key: c.name("th") for c in criteria}, "photos": photos,
        "per_criterion": PHOTOS_PER_CRITERION, "members": len(people),
        "activities": len(activities), "reflections": len(reflections),
        "covered": sum(1 for e in evidence if e.has_evidence),
        "quarters": sorted({r.quarter for r in ratings}),
        "rating": {(r.quarter, r.criterion): r for r in ratings},
    }  # fmt: skip


@blueprint.get("/selection/<int:round_id>/portfolio/<int:candidate_id>")
def portfolio(round_id: int, candidate_id: int):
    return render_template("staff/portfolio.html", **_gather(round_id, candidate_id))


@blueprint.get("/selection/<int:round_id>/pdf/<int:candidate_id>")
def portfolio_pdf(round_id: int, candidate_id: int):
    from weasyprint import HTML  # loads Pango: only when a PDF is asked for

    page = render_template("staff/portfolio.html", pdf=True, **_gather(round_id, candidate_id))
    pdf = HTML(string=page, base_url=request.url_root).write_pdf()
    response = current_app.response_class(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="portfolio-{candidate_id}.pdf"'
    return response
