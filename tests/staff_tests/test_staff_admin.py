"""Staff admins invite by one-time link, deactivate accounts, see last sign-ins and the audit log."""

from __future__ import annotations

import re
from datetime import UTC, datetime

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


AUDIT_ROW = re.compile(
    r"<tr><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>\s*"
    r"<td class=\"small\"[^>]*>(.*?)</td></tr>"
)
AT = datetime(2026, 11, 20, 3, 5, tzinfo=UTC)  # 10:05 on 20 พ.ย. 2569 in Bangkok


def _audit(page: str) -> list[tuple[str, str, str, str]]:
    """The audit table's rows (newest first): when, who, what, the details as one line."""
    section = page[page.index('<table class="rows audit">') :]
    return [
        (when, who, what, re.sub(r"<[^>]+>", "", details))
        for when, who, what, details in AUDIT_ROW.findall(section)
    ]


def test_the_audit_log_reads_in_thai_with_bangkok_times_and_filters_in_words(app, db):
    app.extensions["bot"].clock.set(lambda: AT)
    admin = signed_in(app, db, admin=True)
    _invite(admin)
    form = {"kind": "members", "format": "csv", "from": "9/8/64", "to": "๓๐/๑๑/๒๕๖๙",
            "network": "civil", "anonymize": "on", "buddhist_era": "on", "lang": "th"}  # fmt: skip
    exported = admin.post(
        "/staff/export", data={"csrf_token": csrf(admin, "/staff/export"), **form}
    )
    assert exported.status_code == 200
    add_staff(db, COLLEAGUE)
    assert app.test_cli_runner().invoke(args=["staff", "deactivate", COLLEAGUE]).exit_code == 0
    page = admin.get("/staff/admin").get_data(as_text=True)
    assert _audit(page) == [
        ("20 พ.ย. 2569 10:05", "คำสั่งในเทอร์มินัล", "ปิดใช้งานบัญชี", f"บัญชี: {COLLEAGUE}"),
        ("20 พ.ย. 2569 10:05", EMAIL, "ส่งออกข้อมูล",
         "ข้อมูล: สมาชิก · รูปแบบไฟล์: CSV · เครือข่าย: เครือข่ายประชาสังคมคุณธรรม · "
         "ตั้งแต่วันที่: 9 ส.ค. 2564 · ถึงวันที่: 30 พ.ย. 2569 · หัวตาราง: ภาษาไทย · "
         "ปกปิดตัวตน: ใช่ · ปี พ.ศ.: ใช่"),
        ("20 พ.ย. 2569 10:05", EMAIL, "เชิญเจ้าหน้าที่", f"บัญชี: {COLLEAGUE}"),
        ("20 พ.ย. 2569 10:05", EMAIL, "เข้าสู่ระบบ", "จากที่อยู่ IP: 127.0.0.1"),
    ]  # fmt: skip
    # No code a programmer wrote: action names, filter keys, JSON.
    log = page[page.index('<table class="rows audit">') :]
    for code in ("sign_in", "export", "invite", "deactivate", "kind", "buddhist_era", "{", '"'):
        assert code not in re.sub(r"<[^>]+>", "", log), code
    admin.get("/staff/lang/en?next=/staff/")
    english = _audit(admin.get("/staff/admin").get_data(as_text=True))
    assert english[1][:3] == ("20 Nov 2026 10:05", EMAIL, "Exported data")
    assert "Data: Members · File format: CSV · Network:" in english[1][3]
    assert "From: 9 Aug 2021 · To: 30 Nov 2026" in english[1][3]


def test_an_action_the_catalog_does_not_name_yet_is_shown_as_other_with_its_code(app, db):
    admin = signed_in(app, db, admin=True)
    with db.unit_of_work() as session:
        from storage import staff_admin

        staff_admin.record(session, "cli", "rotate_keys", at=AT, files=2)
    rows = _audit(admin.get("/staff/admin").get_data(as_text=True))
    assert rows[0][1:] == ("คำสั่งในเทอร์มินัล", "อื่น ๆ (rotate_keys)", "files: 2")
