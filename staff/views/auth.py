"""Sign in, sign out and the language switch (the only pages open without a staff session)."""

from __future__ import annotations

from flask import current_app, g, redirect, render_template, request, session, url_for

from staff.blueprint import blueprint
from staff.i18n import t
from staff.security import sign_in_as
from storage import staff as accounts
from storage import staff_admin


def _safe_next(target: str | None) -> str:
    """Only ever go back to a staff page (no open redirect)."""
    if target and target.startswith("/staff") and not target.startswith("//"):
        return target
    return url_for("staff.overview")


UNKNOWN_ACTOR = "unknown"  # the audit log never keeps an email no account has


def _record_failure(db_session, email: str, ip: str, now) -> None:
    """Audit a failed attempt: the account if it exists, never the typed password or a typed
    address that matches no account."""
    account = accounts.find(db_session, email)
    if account is None:
        actor, reason = UNKNOWN_ACTOR, "unknown_account"
    else:
        actor, reason = account.email, "wrong_password" if account.active else "inactive_account"
    staff_admin.record(db_session, actor, "sign_in_failed", at=now, reason=reason, ip=ip)


@blueprint.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Show the sign-in form; check the password, with lock-out after repeated failures."""
    error = None
    if request.method == "POST":
        bot = current_app.extensions["bot"]
        policy = current_app.extensions["staff_lockout"]
        email = request.form.get("email", "")[:254]
        ip = request.remote_addr or "unknown"
        with bot.db.unit_of_work() as db_session:
            if accounts.locked_out(db_session, email, ip, policy, bot.clock()):
                error = t("locked_out", minutes=int(policy.window.total_seconds() // 60))
            else:
                account = accounts.authenticate(
                    db_session, email, request.form.get("password", ""), ip, policy, bot.clock()
                )
                if account is not None:
                    staff_admin.record(db_session, account.email, "sign_in", at=bot.clock(), ip=ip)
                    sign_in_as(account.id, account.session_version)
                    return redirect(_safe_next(request.form.get("next")))
                error = t("sign_in_failed")
                _record_failure(db_session, email, ip, bot.clock())
        return render_template(
            "staff/sign_in.html", error=error, next=request.form.get("next")
        ), 401
    return render_template("staff/sign_in.html", error=None, next=request.args.get("next"))


@blueprint.post("/sign-out")
def sign_out():
    """End every session of this account, not just this cookie: a copied cookie stops working."""
    account_id = g.get("staff_id")
    if account_id is not None:
        with current_app.extensions["bot"].db.unit_of_work() as db_session:
            account = accounts.get_active(db_session, account_id)
            if account is not None:
                accounts.end_sessions(account)
                staff_admin.record(
                    db_session, account.email, "sign_out", at=current_app.extensions["bot"].clock()
                )
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    return redirect(url_for("staff.sign_in"))


@blueprint.get("/lang/<code>")
def language(code: str):
    """Switch the pages between Thai and English, then go back where the person was."""
    session["lang"] = "en" if code == "en" else "th"
    return redirect(_safe_next(request.args.get("next")))
