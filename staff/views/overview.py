"""The overview: members, activities and reflections per network and month; the criteria chart."""

from __future__ import annotations

from flask import current_app, render_template

import exports
from staff import stats
from staff.blueprint import blueprint
from staff.charts import Series, monthly_columns
from staff.i18n import lang, month_label, networks, t
from staff.scope import current_scope
from staff.views.criteria import criteria_averages, criteria_chart

MONTHS_SHOWN = 12
MONTHS_PER_NETWORK = 6
SERIES = ("members", "activities", "reflections")


def _months(series: dict[str, dict[str, dict[str, int]] | None]) -> list[str]:
    months = {m for counts in series.values() if counts for per in counts.values() for m in per}
    return sorted(months, reverse=True)[:MONTHS_SHOWN]


def _trend(series, months: list[str]):
    """All networks together per month, oldest first, as a column chart."""
    oldest_first = list(reversed(months))
    bars = [
        Series(
            t(f"short_{name}"),
            [sum(per.get(m, 0) for per in counts.values()) for m in oldest_first],
        )
        for name, counts in series.items()
        if counts is not None
    ]
    short = [month_label(m).replace(" 25", " ").replace(" 20", " ") for m in oldest_first]
    return monthly_columns(short, bars, t("per_month_title")) if months else None


@blueprint.get("/")
def overview():
    bot = current_app.extensions["bot"]
    zone = bot.config.zone
    with bot.db.unit_of_work() as session:
        scope = current_scope()
        series = {name: stats.per_month(session, name, zone, scope) for name in SERIES}
        totals = {name: stats.total(session, name, scope) for name in (*SERIES, "assessments")}
        ctx = exports.context(exports.Filters(lang=lang(), scope=scope), bot.config)
        chart = criteria_chart(ctx.questionnaire(), criteria_averages(session, ctx))
    months = _months(series)
    tables = []
    for network in networks():
        rows = [
            (month, [(series[n] or {}).get(network.key, {}).get(month, 0) for n in SERIES])
            for month in months[:MONTHS_PER_NETWORK]
        ]
        tables.append((network, [row for row in rows if any(row[1])]))
    pending = [name for name in SERIES if series[name] is None]
    return render_template(
        "staff/overview.html", totals=totals, tables=tables, chart=chart, pending=pending,
        series=SERIES, trend=_trend(series, months),
    )  # fmt: skip
