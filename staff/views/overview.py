"""The overview: members, activities and reflections per network and month; the criteria chart."""

from __future__ import annotations

from flask import current_app, render_template

import exports
from exports import figures
from staff.blueprint import blueprint
from staff.charts import Series, monthly_columns
from staff.i18n import lang, month_label, networks, t
from staff.scope import current_scope
from staff.views.criteria import criteria_chart

MONTHS_SHOWN = 12
MONTHS_PER_NETWORK = 6
SERIES = ("members", "activities", "reflections")


def _months(series: dict[str, dict[str, dict[str, int]] | None]) -> list[str]:
    months = {m for counts in series.values() for per in counts.values() for m in per}
    return sorted(months, reverse=True)[:MONTHS_SHOWN]


def _trend(series, months: list[str]):
    """All networks added together per month, oldest first, as a column chart (its title says so)."""
    oldest_first = list(reversed(months))
    bars = [
        Series(
            t(f"short_{name}"),
            [sum(per.get(m, 0) for per in counts.values()) for m in oldest_first],
        )
        for name, counts in series.items()
    ]
    short = [month_label(m).replace(" 25", " ").replace(" 20", " ") for m in oldest_first]
    return monthly_columns(short, bars, t("per_month_title")) if months else None


@blueprint.get("/")
def overview():
    bot = current_app.extensions["bot"]
    # The exports' own rows with no filter but the account's scope: each figure is an export's.
    ctx = exports.context(exports.Filters(lang=lang(), scope=current_scope()), bot.config)
    with bot.db.unit_of_work() as session:
        series = {name: figures.per_network_month(session, name, ctx) for name in SERIES}
        totals = {name: figures.total(session, name, ctx) for name in (*SERIES, "assessments")}
        chart = criteria_chart(ctx.questionnaire(), figures.criteria_averages(session, ctx))
    months = _months(series)
    tables = []
    for network in networks():
        rows = [
            (month, [series[n].get(network.key, {}).get(month, 0) for n in SERIES])
            for month in months[:MONTHS_PER_NETWORK]
        ]
        tables.append((network, [row for row in rows if any(row[1])]))
    return render_template(
        "staff/overview.html", totals=totals, tables=tables, chart=chart,
        series=SERIES, trend=_trend(series, months),
    )  # fmt: skip
