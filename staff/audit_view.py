"""The audit log in words: each entry's action, its recorded filters and its time, for staff admins."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from flask import current_app

from exports.filters import FilterError, parse_date
from staff.i18n import known, network_name, t, when, when_day

# How each recorded detail is read back; keys not listed here are shown after these, labelled
# by their catalog entry (or, for a key no entry names yet, by the key itself).
ORDER = ("kind", "format", "network", "from", "to", "lang", "anonymize", "buddhist_era",
         "email", "admin", "keep", "drop", "moved", "round", "organisation", "decision_before",
         "decision_after", "reason", "ip")  # fmt: skip
HIDDEN = ("keep_id", "drop_id", "candidate_id")  # the names say it; ids are for the database
FORMATS = {"csv": "CSV", "xlsx": "Excel (.xlsx)"}
# Actors recorded as a word, not an account: the command line, and a sign-in by no account.
ACTORS = {"cli": "audit_by_cli", "unknown": "audit_unknown_account"}
FLAGS = ("anonymize", "buddhist_era", "admin")


@dataclass(frozen=True)
class Line:
    """One audit entry as a staff admin reads it."""

    at: str
    actor: str
    action: str
    details: list[tuple[str, str]]


def action_words(code: str) -> str:
    """What was done, from the catalog; a code no entry names yet is shown, marked as other."""
    return known(f"staff.audit_action.{code}", t("audit_action.other", code=code))


def _day(raw: str, at: datetime) -> str:
    """A typed filter date as the export read it (relative to the day it ran), then in words."""
    today = at.astimezone(current_app.extensions["bot"].config.zone).date()
    try:
        return when_day(parse_date(raw, today))
    except FilterError:
        return raw


def _value(key: str, value: object, at: datetime) -> str:
    if key in FLAGS:
        return t("audit_yes") if value in (True, "on", "true", "1") else t("audit_no")
    if key == "kind":
        return known(f"staff.kind_{value}", str(value))
    if key == "format":
        return FORMATS.get(str(value), str(value))
    if key == "network":
        return network_name(str(value))
    if key in ("from", "to"):
        return _day(str(value), at)
    if key in ("decision_before", "decision_after"):
        return known(f"staff.decision_{value}", t("decision_none")) if value else t("decision_none")
    if key == "reason":
        return known(f"staff.audit_reason.{value}", str(value))
    if key == "lang":
        return known(f"staff.audit_lang.{value}", str(value))
    return str(value)


def details(detail: str, at: datetime) -> list[tuple[str, str]]:
    """The recorded filters or account as (label, value) pairs in the reader's language."""
    try:
        found = json.loads(detail) if detail else {}
    except ValueError:
        return [("", detail)]
    if not isinstance(found, dict):
        return [("", str(found))]
    keys = [k for k in ORDER if k in found] + sorted(set(found) - set(ORDER) - set(HIDDEN))
    return [(known(f"staff.audit_detail.{k}", k), _value(k, found[k], at)) for k in keys]


def lines(entries) -> list[Line]:
    """Entries (newest first) as the admin page shows them: Bangkok time, Buddhist-era dates."""
    return [
        Line(when(e.at), t(ACTORS[e.actor]) if e.actor in ACTORS else e.actor,
             action_words(e.action), details(e.detail, e.at))
        for e in entries
    ]  # fmt: skip
