"""The staff pages' words (catalog keys staff.*), in the language chosen with the switch."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

from flask import current_app, g, session

from bot.networks import Network, load_networks
from exports.filters import BUDDHIST_ERA_OFFSET
from messages.catalog import catalog, text
from staff.blueprint import blueprint
from staff.security import csrf_token


def lang() -> str:
    return "en" if session.get("lang") == "en" else "th"


def t(key: str, **params: object) -> str:
    """The catalog text staff.<key> in the chosen language."""
    return text(f"staff.{key}", lang(), **params)


def networks() -> tuple[Network, ...]:
    if "staff_networks" not in g:
        g.staff_networks = load_networks(current_app.extensions["bot"].config.networks_file)
    return g.staff_networks


def network_name(key: str | None) -> str:
    for network in networks():
        if network.key == key:
            return network.name(lang())
    return key or "–"


def when(moment: datetime | None, with_time: bool = True) -> str:
    """9 ส.ค. 2564 13:30 in Thai (Buddhist era), 9 Aug 2021 13:30 in English; Bangkok time."""
    if moment is None:
        return "–"
    local = moment.astimezone(current_app.extensions["bot"].config.zone)
    months = t("months").split()
    year = local.year + (BUDDHIST_ERA_OFFSET if lang() == "th" else 0)
    day = f"{local.day} {months[local.month - 1]} {year}"
    return f"{day} {local:%H:%M}" if with_time else day


def when_day(day) -> str:
    """A calendar date (no time zone): 9 ส.ค. 2564 / 9 Aug 2021."""
    if day is None:
        return "–"
    months = t("months").split()
    year = day.year + (BUDDHIST_ERA_OFFSET if lang() == "th" else 0)
    return f"{day.day} {months[day.month - 1]} {year}"


def month_label(key: str) -> str:
    """'2021-08' as ส.ค. 2564 / Aug 2021."""
    year, month = (int(part) for part in key.split("-"))
    months = t("months").split()
    return f"{months[month - 1]} {year + (BUDDHIST_ERA_OFFSET if lang() == 'th' else 0)}"


def known(key: str, fallback: str) -> str:
    """The catalog text for a full key if there is one (labels other features own), else fallback."""
    return text(key, lang()) if key in catalog() else fallback


def query_with(args, **changes: object) -> str:
    """The current query string with some parameters changed (for pagers and links)."""
    merged = {key: value for key, value in args.items() if value}
    merged.update({key: str(value) for key, value in changes.items()})
    return urlencode(merged)


@blueprint.context_processor
def template_helpers() -> dict:
    return {
        "t": t,
        "lang": lang(),
        "csrf_token": csrf_token,
        "networks": networks(),
        "network_name": network_name,
        "when": when,
        "when_day": when_day,
        "month_label": month_label,
        "staff_email": g.get("staff_email"),
        "staff_is_admin": g.get("staff_is_admin", False),
        "known": known,
        "query_with": query_with,
    }
