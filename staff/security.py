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
from flask.sessions import SecureCookieSessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix

from staff import scope
from staff.blueprint import blueprint
from storage import staff as accounts

PUBLIC_ENDPOINTS = {"staff.sign_in", "staff.language", "staff.accept_invite"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
SESSION_HOURS = 10  # a working day, then sign in again
CSP = (
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


def _bot():
    return current_app.extensions["bot"]


class StaffOnlySessions(SecureCookieSessionInterface):
    """Open the signed session only where its cookie is sent back (the staff pages)."""

    def open_session(self, app, request):
        path = app.config["SESSION_COOKIE_PATH"]
        if request.path != path and not request.path.startswith(path.rstrip("/") + "/"):
            # LINE's webhook calls and members' pages never carry the cookie: making an empty
            # session for each was 7% of a webhook's time. Flask gives them a null one instead.
            return None
        return super().open_session(app, request)


@blueprint.record_once
def configure(state) -> None:
    """Sign sessions with STAFF_SECRET_KEY; the cookie is HttpOnly, SameSite=Lax, Secure off-laptop."""
    app, config = state.app, state.app.extensions["bot"].config
    app.secret_key = config.staff_secret_key
    app.session_interface = StaffOnlySessions()
    app.config.update(
        SESSION_COOKIE_NAME="staff_session",
        SESSION_COOKIE_PATH="/staff",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=not config.local_mode,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
    )
    app.extensions.setdefault("staff_lockout", accounts.LockoutPolicy())
    if config.trusted_proxies > 0 and not isinstance(app.wsgi_app, ProxyFix):
        # Believe X-Forwarded-For/Proto only from that many proxies: the lock-out then counts
        # the real address, and Secure cookies and redirects use https.
        hops = config.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def csrf_token() -> str:
    """The session's CSRF token, made on first use."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def _csrf_ok() -> bool:
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("csrf")
    return bool(expected) and hmac.compare_digest(sent.encode(), expected.encode())


def sign_in_as(account_id: int, version: int = 1) -> None:
    """Start a fresh session (no fixation: nothing from before survives but the language)."""
    language = session.get("lang")
    session.clear()
    session.permanent = True
    now = _bot().clock().timestamp()
    session.update(
        staff_id=account_id,
        version=version,
        since=now,
        seen=now,
        csrf=secrets.token_urlsafe(32),
    )
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
    now = _bot().clock().timestamp()
    idle_limit = _bot().config.staff_idle_minutes * 60
    fresh = now - since < SESSION_HOURS * 3600 and now - session.get("seen", 0) < idle_limit
    account = None
    if account_id and fresh:
        # Checked on every request: a sign-out, new password or deactivation elsewhere ends
        # this session too, within one request.
        with _bot().db.unit_of_work() as db_session:
            account = accounts.session_account(db_session, account_id, session.get("version", 0))
    if account is None:
        for key in ("staff_id", "version", "since", "seen"):
            session.pop(key, None)
        if request.method in SAFE_METHODS:
            return redirect(url_for("staff.sign_in", next=request.full_path.rstrip("?")))
        abort(401)
    g.staff_email = account.email
    g.staff_id = account.id
    g.staff_is_admin = account.is_admin
    session["seen"] = now
    scope.remember(account)
    return None


LARGEST_ID = 2**31 - 1  # the database's integer; a larger id or page can only be "not found"


@blueprint.before_request
def refuse_out_of_range_numbers():
    """Answer 404 for ids and page numbers no database row can have (not an OverflowError 500)."""
    numbers = [v for v in (request.view_args or {}).values() if isinstance(v, int)]
    page = request.args.get("page", "")
    if page.isdigit():
        numbers.append(int(page))
    if any(number > LARGEST_ID for number in numbers):
        abort(404)


@blueprint.after_request
def headers(response):
    """Never cache staff pages; never frame them; no scripts at all."""
    # Every page and every download: a shared or proxy cache must never keep members' data.
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Content-Security-Policy"] = CSP
    if not _bot().config.local_mode:
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response
