"""Activities: pending until storage/models/activities.py lands (branch `activities`)."""

from __future__ import annotations

from flask import abort, render_template

from staff.blueprint import blueprint


@blueprint.get("/activities")
def activities():
    return render_template("staff/pending_page.html", area="activities")


@blueprint.get("/activities/<int:record_id>")
def activitie(record_id: int):
    abort(404)
