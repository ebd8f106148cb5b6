"""Thai refusal pages under /staff: 403 and 404 in the staff layout, never the server's English.

A 404 never says whether the record exists (another province's record looks the same as none).
"""

from __future__ import annotations

from flask import render_template, request
from werkzeug.exceptions import HTTPException

from messages.catalog import text
from staff.blueprint import blueprint
from staff.i18n import template_helpers

PAGES = {403: "forbidden", 404: "not_found"}


def _staff_page(error: HTTPException):
    """The staff error page for a /staff path; anything else keeps the app's own answer."""
    if not request.path.startswith(blueprint.url_prefix):
        return error
    kind = PAGES[error.code]
    # Unmatched /staff URLs never reach the blueprint, so its template helpers are passed here.
    english = text(f"staff.error_{kind}", "en")
    page = render_template("staff/error.html", kind=kind, english=english, **template_helpers())
    return page, error.code


@blueprint.app_errorhandler(403)
def forbidden(error: HTTPException):
    return _staff_page(error)


@blueprint.app_errorhandler(404)
def not_found(error: HTTPException):
    return _staff_page(error)
