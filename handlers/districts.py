"""An organisation's district (อำเภอ/เขต): asked from the registration review, kept on the record.

No list of Thailand's ~930 districts ships with the bot (PyThaiNLP has provinces only), so the
district is free text: tidied, its "อำเภอ"/"อ."/"เขต" prefix dropped, 2–100 characters with a
letter; it is not checked against a list.
"""

from __future__ import annotations

import re

from handlers.engine import choice
from handlers.flow import Answer, FlowState, Invalid
from handlers.labels import check_label
from messages.builders import text_message
from messages.catalog import text
from storage import organisations

PREFIX = re.compile(r"^\s*(อำเภอ|อ\.|เขต|district)\s*", re.IGNORECASE)


def clean(typed: str | None) -> str | None:
    """The district as stored: without its prefix; None when nothing is left."""
    value = PREFIX.sub("", typed or "").strip()
    return value or None


def ask(state: FlowState) -> list[dict]:
    current = state.data.get("district")
    items = [choice(current[:20], "district", "keep", current)] if current else []
    return [text_message(text("register.ask_district", state.language), items)]


def read(answer: Answer, state: FlowState) -> str:
    if answer.kind == "choice" and answer.value == "keep" and state.data.get("district"):
        return state.data["district"]
    if answer.kind != "text":
        raise Invalid("flow.want_text")
    typed = clean(answer.text) or ""
    return check_label(
        typed, 2, 100, empty="register.bad_district_no_letters", length="register.bad_district"
    )


def of_organisation(session, organisation_id: int | None) -> str | None:
    org = organisations.get(session, organisation_id) if organisation_id else None
    return org.district if org else None


def keep_on(org, state: FlowState) -> None:
    """Store the district the member gave on their organisation (staff may correct it later)."""
    district = state.data.get("district")
    if district and state.data.get("district_given"):
        org.district = district
