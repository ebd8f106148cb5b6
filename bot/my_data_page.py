"""The readable page of a member's copy: labels in the member's language, Thai dates and times.

Every column of the copy is shown under its catalog label (mydata.field.<column>), stored codes in
words (mydata.value.<column>.<code>), times in the bot's zone ("6 ธ.ค. 2569 09:00 น."), dates with
the Buddhist-era year in Thai. Columns that only link one row to another are left to the JSON.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from flask import render_template_string

from handlers.parsing.formatting import format_date, format_datetime
from handlers.questionnaire import default_questionnaire
from messages.catalog import catalog, text

# Links between rows, not something the member told us (the JSON keeps them).
LINK_COLUMNS = frozenset(
    {"member_id", "organisation_id", "organiser_id", "used_by", "linked_by", "assessment_id",
     "meeting_id"}
)  # fmt: skip
NESTED = ("photos", "answers")

PAGE = """{% macro table(rows) %}<table>{% for label, value in rows %}<tr><th>{{ label }}</th><td>
{% if value is string %}{{ value }}{% else %}{% for nested in value %}{{ table(nested) }}{% endfor %}
{% endif %}</td></tr>{% endfor %}</table>{% endmacro %}<!doctype html>
<html lang="{{ language }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .4rem;
text-align:left;vertical-align:top}td{overflow-wrap:anywhere}th{background:#f4f4f4;font-weight:normal;white-space:nowrap}</style></head>
<body><h1>{{ heading }}</h1>
<p>{{ expires }}</p>
<p><a href="{{ base }}/data.json">{{ json_link }}</a>
{% if photos_link %} · <a href="{{ base }}/photos.zip">{{ photos_link }}</a>{% endif %}</p>
{% for title, items, count in sections %}<h2>{{ title }}</h2>
{% if count %}<p>{{ count }}</p>{% endif %}{% for rows in items %}{{ table(rows) }}{% endfor %}
{% endfor %}</body></html>
"""


@dataclass(frozen=True)
class Reader:
    """How to show values to one member: their language, the bot's zone, names of codes."""

    language: str
    zone: tzinfo
    network_names: dict[str, str]
    criterion_names: dict[str, str]
    question_names: dict[str, str]
    activity_titles: dict[int, str]

    def label(self, column: str) -> str:
        key = f"mydata.field.{column}"
        return text(key, self.language) if key in catalog() else column

    def value(self, column: str, value: Any) -> str:
        language = self.language
        if value is None or value == "" or value == []:
            return "-"
        if isinstance(value, bool):
            return text("mydata.page.yes" if value else "mydata.page.no", language)
        if isinstance(value, datetime):
            return format_datetime(value.astimezone(self.zone), language)
        if isinstance(value, date):
            return format_date(value, language)
        if column == "position" and isinstance(value, int):
            return str(value + 1)  # stored from 0; people count from 1
        coded = f"mydata.value.{column}.{value}"
        if coded in catalog():
            return text(coded, language)
        return self._named(column, value)

    def _named(self, column: str, value: Any) -> str:
        if column == "language" and f"language.name_{value}" in catalog():
            return text(f"language.name_{value}", self.language)
        if column in ("network", "networks"):
            keys = str(value).split(",")
            return ", ".join(self.network_names.get(k, k) for k in keys if k)
        if column == "criteria" and isinstance(value, list):  # an activity's criteria, 1-5
            return ", ".join(text(f"criterion.{n}.short", self.language) for n in value)
        if column in ("criteria", "criterion"):  # a reflection's or an answer's criterion keys
            return ", ".join(self.criterion_names.get(k, k) for k in str(value).split(",") if k)
        if column == "question_key":
            return self.question_names.get(value, value)
        if column == "activity_id":
            return self.activity_titles.get(value, str(value))
        return str(value)

    def rows(self, item: dict[str, Any]) -> list[tuple[str, Any]]:
        """The labelled rows of one record (a photo or an answer becomes a table of its own)."""
        shown = []
        for column, value in item.items():
            if column in LINK_COLUMNS or (column == "activity_id" and "path" in item):
                continue
            if column in NESTED and isinstance(value, list):
                shown.append((self.label(column), [self.rows(v) for v in value] or "-"))
            else:
                shown.append((self.label(column), self.value(column, value)))
        return shown


def reader_for(copy: dict[str, Any], zone: tzinfo, networks: Iterable, questionnaire) -> Reader:
    """A reader in the member's own language (Thai unless they chose English)."""
    language = "en" if copy["profile"].get("language") == "en" else "th"
    questionnaire = questionnaire or default_questionnaire()
    return Reader(
        language=language,
        zone=zone,
        network_names={n.key: n.name(language) for n in networks},
        criterion_names={c.key: c.label(language) for c in questionnaire.criteria},
        question_names={q.key: q.label(language) for q in questionnaire.questions},
        activity_titles={a["id"]: a["title"] for a in copy["activities"]},
    )


def render(copy: dict[str, Any], reader: Reader, *, base: str, expires: datetime, photos: int):
    """Return the page as HTML."""
    language = reader.language
    sections = []
    for key in copy:
        value = copy[key]
        title = text(f"mydata.section.{key}", language)
        if isinstance(value, dict):
            sections.append((title, [reader.rows(value)], ""))
        elif value:
            count = text("mydata.page.count", language, count=len(value))
            sections.append((title, [reader.rows(item) for item in value], count))
        else:
            sections.append((title, [], text("mydata.page.none", language)))
    return render_template_string(
        PAGE,
        language=language,
        title=text("mydata.page.title", language),
        heading=text("mydata.page.heading", language),
        expires=text(
            "mydata.page.expires",
            language,
            date=format_datetime(expires.astimezone(reader.zone), language),
        ),  # fmt: skip
        json_link=text("mydata.page.json", language),
        photos_link=text("mydata.page.photos", language, count=photos) if photos else "",
        base=base,
        sections=sections,
    )
