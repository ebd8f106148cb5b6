"""The five criteria per network: mean score of the assessments export's rows, as an SVG chart."""

from __future__ import annotations

from flask import current_app, render_template, request
from markupsafe import Markup

import exports
from exports import figures
from exports.figures import Averages
from handlers.questionnaire import Questionnaire
from staff.blueprint import blueprint
from staff.charts import Series, grouped_bars
from staff.i18n import lang, networks, t
from staff.views.reflections import list_filters


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
        averages = figures.criteria_averages(session, ctx)
    questionnaire = ctx.questionnaire()
    rows = [(network, *averages[network.key]) for network in networks() if network.key in averages]
    return render_template(
        "staff/criteria.html", chart=criteria_chart(questionnaire, averages), rows=rows,
        criteria=questionnaire.criteria, args=request.args,
    )  # fmt: skip
