"""The five criteria per network: average score of members' assessments, as an SVG chart."""

from __future__ import annotations

from flask import current_app, render_template
from markupsafe import Markup
from sqlalchemy.orm import Session

from staff.blueprint import blueprint
from staff.charts import Series, grouped_bars
from staff.i18n import lang, networks, t

CRITERIA = 5


def criteria_averages(session: Session) -> dict[str, tuple[list[float | None], int]] | None:
    """{network: ([average per criterion], number of assessments)}; None while pending."""
    return None


def criteria_chart(session: Session, averages=None) -> Markup | None:
    averages = criteria_averages(session) if averages is None else averages
    if not averages:
        return None
    labels = [t(f"criterion_{n}_short") for n in range(1, CRITERIA + 1)]
    series = [
        Series(network.name(lang()), averages[network.key][0])
        for network in networks()
        if network.key in averages
    ]
    return grouped_bars(labels, series, 5, t("criteria_title"))


@blueprint.get("/criteria")
def criteria():
    bot = current_app.extensions["bot"]
    with bot.db.unit_of_work() as session:
        averages = criteria_averages(session)
        chart = criteria_chart(session, averages or {})
    rows = []
    for network in networks():
        if averages and network.key in averages:
            rows.append((network, *averages[network.key]))
    return render_template(
        "staff/criteria.html", chart=chart, rows=rows, pending=averages is None, n=CRITERIA
    )
