"""Meetings: pending until storage/models/meetings.py lands (branch `meetings`)."""

from __future__ import annotations

from flask import abort, render_template

from staff.blueprint import blueprint


@blueprint.get("/meetings")
def meetings():
    return render_template("staff/pending_page.html", area="meetings")


@blueprint.get("/meetings/<int:record_id>")
def meeting(record_id: int):
    abort(404)
