"""The five criteria per network: average score of members' assessments, as an SVG chart."""

from __future__ import annotations

from flask import current_app, render_template, request
from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import exports
from exports.query import scoped
from handlers.questionnaire import Questionnaire
from staff.blueprint import blueprint
from staff.charts import Series, grouped_bars
from staff.i18n import lang, networks, t
from staff.views.reflections import list_filters
from storage.models import Member
from storage.models.assessments import Assessment, AssessmentAnswer

Averages = dict[str, tuple[list[float | None], int]]


def criteria_averages(session: Session, ctx) -> Averages:
    """{network: ([average score per criterion, in the questionnaire's order], assessments)}."""
    keys = [criterion.key for criterion in ctx.questionnaire().criteria]
    base = select(Assessment.network).join(Member, Member.id == Assessment.member_id)
    base = scoped(base, ctx, moment=Assessment.submitted_at, network=Assessment.network)
    scores = base.join(AssessmentAnswer, AssessmentAnswer.assessment_id == Assessment.id)
    stmt = scores.with_only_columns(
        Assessment.network, AssessmentAnswer.criterion, func.avg(AssessmentAnswer.score)
    ).group_by(Assessment.network, AssessmentAnswer.criterion)
    found: dict[str, dict[str, float]] = {}
    for network, criterion, average in session.execute(stmt):
        found.setdefault(network or "", {})[criterion] = float(average)
    counted = base.with_only_columns(Assessment.network, func.count(Assessment.id)).group_by(
        Assessment.network
    )
    counts = dict(session.execute(counted).all())
    return {
        network: ([per.get(key) for key in keys], counts.get(network, 0))
        for network, per in found.items()
    }


def criteria_chart(questionnaire: Questionnaire, averages: Averages) -> Markup | None:
    if not averages:
        return None
    labels = [f"{n}. {c.label(lang())}" for n, c in enumerate(questionnaire.criteria, start=1)]
    series = [
        Series(network.name(lang()), averages[network.key][0])
        for network in networks()
        if network.key in averages
    ]
    return grouped_bars(labels, series, len(questionnaire.scale), t("criteria_title"))


@blueprint.get("/criteria")
def criteria():
    bot = current_app.extensions["bot"]
    ctx = exports.context(list_filters(), bot.config)
    with bot.db.unit_of_work() as session:
        averages = criteria_averages(session, ctx)
    questionnaire = ctx.questionnaire()
    rows = [(network, *averages[network.key]) for network in networks() if network.key in averages]
    return render_template(
        "staff/criteria.html", chart=criteria_chart(questionnaire, averages), rows=rows,
        criteria=questionnaire.criteria, args=request.args,
    )  # fmt: skip
