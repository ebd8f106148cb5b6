"""Staff admins invite by one-time link, deactivate accounts, see last sign-ins and the audit log."""

from __future__ import annotations

import re

from sqlalchemy import select

from storage.models.staff import StaffAccount, StaffAuditEntry
from tests.staffweb import EMAIL, PASSWORD, add_staff, csrf, signed_in, try_sign_in

COLLEAGUE = "colleague@moralcenter.example"
LINK = re.compile(r'<code id="invite-link">http://[^/]+(/staff/invite/[^<]+)</code>')


def _invite(admin, email=COLLEAGUE) -> str:
    page = admin.post(
        "/staff/admin/invite", data={"csrf_token": csrf(admin, "/staff/admin"), "email": email}
    )
    assert page.status_code == 200
    return LINK.search(page.get_data(as_text=True)).group(1)


def _accept(app, path, password="colleague-password"):
    guest = app.test_client()
    token = csrf(guest, path)
    form = {"csrf_token": token, "password": password, "password2": password}
    return guest, guest.post(path, data=form)


def test_only_admins_reach_the_admin_page(app, db):
    plain = signed_in(app, db)
    assert plain.get("/staff/admin").status_code == 403
    assert "/staff/admin" not in plain.get("/staff/").get_data(as_text=True)


def test_an_invite_link_works_once_and_signs_the_colleague_in(app, db):
    admin = signed_in(app, db, admin=True)
    path = _invite(admin)
    guest, response = _accept(app, path)
    assert response.status_code == 302
    assert guest.get("/staff/").status_code == 200
    late = app.test_client()
    assert late.get(path).status_code == 404
    form = {"csrf_token": csrf(late), "password": "another-password-here"}
    again = late.post(path, data={**form, "password2": form["password"]})
    assert again.status_code == 404
    assert try_sign_in(app.test_client(), COLLEAGUE, "colleague-password").status_code == 302
    assert try_sign_in(app.test_client(), COLLEAGUE, "another-password-here").status_code == 401


def test_an_admin_deactivates_a_colleague_whose_session_ends_at_once(app, db):
    admin = signed_in(app, db, admin=True)
    guest, _ = _accept(app, _invite(admin))
    assert guest.get("/staff/").status_code == 200
    with db.unit_of_work() as session:
        colleague_id = session.scalars(
            select(StaffAccount.id).where(StaffAccount.email == COLLEAGUE)
        ).one()
    token = csrf(admin, "/staff/admin")
    deactivated = admin.post(f"/staff/admin/{colleague_id}/deactivate", data={"csrf_token": token})
    assert deactivated.status_code == 302
    assert guest.get("/staff/").status_code == 302
    page = admin.get("/staff/admin").get_data(as_text=True)
    assert COLLEAGUE in page and "ปิดใช้งาน" in page


def test_the_audit_log_records_sign_ins_exports_filters_and_account_changes(app, db):
    admin = signed_in(app, db, admin=True)
    _invite(admin)
    admin.post(
        "/staff/export",
        data={"csrf_token": csrf(admin, "/staff/export"), "kind": "members", "format": "csv"},
    )
    result = app.test_cli_runner().invoke(args=["staff", "deactivate", EMAIL])
    assert result.exit_code == 0
    with db.unit_of_work() as session:
        entries = [(e.actor, e.action, e.detail) for e in session.scalars(select(StaffAuditEntry))]
    actions = [action for _, action, _ in entries]
    assert actions == ["sign_in", "invite", "export", "deactivate"]
    export_detail = entries[2][2]
    assert '"kind": "members"' in export_detail and '"format": "csv"' in export_detail
    assert PASSWORD not in str(entries)
    page = signed_in_again(app, db)
    assert page.get("/staff/admin").status_code == 200


def signed_in_again(app, db):
    """A second admin reads the log after the first was deactivated."""
    add_staff(db, "second@moralcenter.example", admin=True)
    client = app.test_client()
    assert try_sign_in(client, "second@moralcenter.example").status_code == 302
    return client
