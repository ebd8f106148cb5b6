"""Reflections: pending until storage/models/reflections.py lands (branch `assess`)."""

from __future__ import annotations

from flask import abort, render_template

from staff.blueprint import blueprint


@blueprint.get("/reflections")
def reflections():
    return render_template("staff/pending_page.html", area="reflections")


@blueprint.get("/reflections/<int:record_id>")
def reflection(record_id: int):
    abort(404)
