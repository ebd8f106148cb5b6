"""Who may see /staff: session cookie settings, the sign-in gate, CSRF tokens and safe headers.

CSRF: a random token kept in the signed session and sent back in every POST form (hidden field),
compared in constant time. It is a few lines with no new dependency; Flask-WTF would add WTForms
for forms this small, and still need the same session.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from flask import abort, current_app, g, redirect, request, session, url_for

from staff import scope
from staff.blueprint import blueprint
from storage import staff as accounts
from storage.types import utcnow

PUBLIC_ENDPOINTS = {"staff.sign_in", "staff.language"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
SESSION_HOURS = 10  # a working day, then sign in again
CSP = (
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


def _bot():
    return current_app.extensions["bot"]


@blueprint.record_once
def configure(state) -> None:
    """Sign sessions with STAFF_SECRET_KEY; the cookie is HttpOnly, SameSite=Lax, Secure off-laptop."""
    app, config = state.app, state.app.extensions["bot"].config
    app.secret_key = config.staff_secret_key
    app.config.update(
        SESSION_COOKIE_NAME="staff_session",
        SESSION_COOKIE_PATH="/staff",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=not config.local_mode,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
    )
    app.extensions.setdefault("staff_lockout", accounts.LockoutPolicy())


def csrf_token() -> str:
    """The session's CSRF token, made on first use."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def _csrf_ok() -> bool:
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("csrf")
    return bool(expected) and hmac.compare_digest(sent.encode(), expected.encode())


def sign_in_as(account_id: int) -> None:
    """Start a fresh session (no fixation: nothing from before survives but the language)."""
    language = session.get("lang")
    session.clear()
    session.permanent = True
    session.update(staff_id=account_id, since=utcnow().timestamp(), csrf=secrets.token_urlsafe(32))
    if language:
        session["lang"] = language


@blueprint.before_request
def gate():
    """Refuse a forged POST, and anything but the sign-in page without a staff session."""
    if request.method not in SAFE_METHODS and not _csrf_ok():
        abort(400, description="CSRF token missing or wrong")
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    account_id, since = session.get("staff_id"), session.get("since", 0)
    fresh = utcnow().timestamp() - since < SESSION_HOURS * 3600
    account = None
    if account_id and fresh:
        with _bot().db.unit_of_work() as db_session:
            account = accounts.get_active(db_session, account_id)
    if account is None:
        session.pop("staff_id", None)
        if request.method in SAFE_METHODS:
            return redirect(url_for("staff.sign_in", next=request.full_path.rstrip("?")))
        abort(401)
    g.staff_email = account.email
    scope.remember(account)
    return None


@blueprint.after_request
def headers(response):
    """Never cache staff pages; never frame them; no scripts at all."""
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Content-Security-Policy"] = CSP
    return response
