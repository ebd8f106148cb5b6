"""Staff admins: invite by one-time link, deactivate and reactivate accounts, read the audit log."""

from __future__ import annotations

from flask import abort, current_app, g, redirect, render_template, request, url_for

from staff import audit_view
from staff.blueprint import blueprint
from staff.i18n import t
from staff.security import sign_in_as
from storage import staff as accounts
from storage import staff_admin
from storage.models.staff import StaffAccount


def _db():
    return current_app.extensions["bot"].db


def _admin_only() -> None:
    if not g.get("staff_is_admin"):
        abort(403)


def _page(invite_link: str | None = None, error: str | None = None, status: int = 200):
    with _db().unit_of_work() as session:
        people = [
            (a.id, a.email, a.active, a.is_admin, a.last_sign_in_at)
            for a in staff_admin.all_accounts(session)
        ]
        log = audit_view.lines(staff_admin.recent_entries(session))
    page = render_template(
        "staff/admin.html", people=people, log=log, invite_link=invite_link, error=error
    )
    return page, status


@blueprint.get("/admin")
def admin():
    _admin_only()
    return _page()


@blueprint.post("/admin/invite")
def admin_invite():
    """Make a one-time link for a new colleague (or a forgotten password); shown once, here."""
    _admin_only()
    email = request.form.get("email", "").strip()[:254]
    if "@" not in email:
        return _page(error=t("admin_bad_email"), status=400)
    with _db().unit_of_work() as session:
        token = staff_admin.invite(session, email, g.staff_email, _now())
        staff_admin.record(
            session, g.staff_email, "invite", at=_now(), email=accounts.normalize_email(email)
        )
    return _page(invite_link=url_for("staff.accept_invite", token=token, _external=True))


@blueprint.post("/admin/<int:account_id>/deactivate", defaults={"change": "deactivate"})
@blueprint.post("/admin/<int:account_id>/activate", defaults={"change": "activate"})
def admin_change(account_id: int, change: str):
    """Deactivate (ending every open session at once) or reactivate an account."""
    _admin_only()
    if account_id == g.staff_id and change == "deactivate":
        return _page(error=t("admin_not_yourself"), status=400)
    with _db().unit_of_work() as session:
        account = session.get(StaffAccount, account_id)
        if account is None:
            abort(404)
        accounts.set_active(session, account.email, change == "activate")
        staff_admin.record(session, g.staff_email, change, at=_now(), email=account.email)
    return redirect(url_for("staff.admin"))


@blueprint.route("/invite/<token>", methods=["GET", "POST"])
def accept_invite(token: str):
    """Whoever holds the link chooses a password once; the link then stops working."""
    error = None
    with _db().unit_of_work() as session:
        found = staff_admin.open_invite(session, token[:100], _now())
        email = found.email if found else None
    if email is None:
        return render_template("staff/invite.html", email=None, error=t("invite_used")), 404
    if request.method == "POST":
        password = request.form.get("password", "")
        if password != request.form.get("password2", ""):
            error = t("invite_mismatch")
        elif len(password) < accounts.MIN_PASSWORD_LENGTH:
            error = t("invite_short", length=accounts.MIN_PASSWORD_LENGTH)
        else:
            with _db().unit_of_work() as session:
                account = staff_admin.accept(session, token, password, _now())
                if account is not None:
                    staff_admin.record(session, account.email, "accept_invite", at=_now())
                    session.flush()
                    account_id, version = account.id, account.session_version
            if account is not None:
                sign_in_as(account_id, version)
                return redirect(url_for("staff.overview"))
            error = t("invite_used")
    return render_template("staff/invite.html", email=email, error=error), 400 if error else 200


def _now():
    """The bot's one clock, so invites expire by the same time as everything else."""
    return current_app.extensions["bot"].clock()
