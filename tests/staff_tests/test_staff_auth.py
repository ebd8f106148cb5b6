"""Only signed-in staff reach /staff: every route, CSRF on every form, lock-out of guessing."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from storage.models.staff import StaffAccount, StaffSignInFailure
from storage.types import utcnow
from tests.members import registered
from tests.staffweb import EMAIL, PASSWORD, add_staff, csrf, signed_in, try_sign_in

ARGUMENT = re.compile(r"<(?:(\w+):)?\w+>")
OPEN = {"staff.sign_in", "staff.language", "staff.accept_invite"}


def staff_routes(app) -> list[tuple[str, str, str]]:
    """(endpoint, method, url) for every /staff route, with sample values for its arguments."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/staff"):
            continue
        url = ARGUMENT.sub(lambda m: "1" if m.group(1) == "int" else "x", rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((rule.endpoint, method, url))
    return found


def test_there_are_staff_routes_and_only_sign_in_language_and_invites_are_open(app):
    endpoints = {endpoint for endpoint, _, _ in staff_routes(app)}
    assert {"staff.overview", "staff.reflections", "staff.export_download"} <= endpoints
    assert endpoints > OPEN


def test_no_route_answers_without_a_staff_session(app, db):
    client = app.test_client()
    token = csrf(client)  # a valid token but no sign-in: still refused
    for endpoint, method, url in staff_routes(app):
        if endpoint in OPEN:
            continue
        if method == "GET":
            response = client.get(url)
            assert response.status_code == 302, url
            assert response.location.startswith("/staff/sign-in"), url
        else:
            response = client.open(
                url, method=method, data={"csrf_token": token, "kind": "members"}
            )
            assert response.status_code == 401, (method, url)
        assert b"M-" not in response.data and b"\xef\xbb\xbf" not in response.data


def test_a_member_who_is_staff_in_line_has_no_way_into_the_web(app, db):
    registered(db, "U" + "9" * 32, roles=(("staff", None), ("coordinator", "civil")))
    client = app.test_client()
    assert try_sign_in(client, "U" + "9" * 32, "").status_code == 401
    assert client.get("/staff/").status_code == 302


def test_a_session_signed_with_another_key_is_refused(app, db):
    from flask.sessions import SecureCookieSessionInterface

    add_staff(db)
    forger = app.test_client()
    other = type(app)("forger")
    other.secret_key = "not-the-staff-secret-key-of-this-deployment"
    serializer = SecureCookieSessionInterface().get_signing_serializer(other)
    forger.set_cookie(
        "staff_session", serializer.dumps({"staff_id": 1, "since": 9e12}), path="/staff"
    )
    assert forger.get("/staff/").status_code == 302


def test_signing_in_opens_every_page_and_signing_out_closes_them(app, db):
    client = signed_in(app, db, admin=True)
    for endpoint, method, url in staff_routes(app):
        sample = url.endswith(("/1", "/x")) or "/x/" in url or "/1/" in url  # no such record
        if method == "GET" and endpoint not in OPEN and not sample:
            assert client.get(url).status_code == 200, url
    client.post("/staff/sign-out", data={"csrf_token": csrf(client, "/staff/")})
    assert client.get("/staff/").status_code == 302


def test_cookie_is_httponly_samesite_lax_scoped_to_staff_and_secure_off_laptop(app, db):
    add_staff(db)
    cookie = try_sign_in(app.test_client()).headers["Set-Cookie"]
    for flag in ("HttpOnly", "SameSite=Lax", "Path=/staff", "Secure"):
        assert flag in cookie


def test_a_local_laptop_session_cookie_is_not_secure(config, db):
    from bot import create_app

    local = create_app(config.with_changes(local_mode=True))
    try:
        cookie = local.test_client().get("/staff/sign-in").headers["Set-Cookie"]
    finally:
        local.extensions["bot"].close()
    assert "HttpOnly" in cookie and "Secure" not in cookie


def test_every_form_needs_the_sessions_csrf_token(app, db):
    add_staff(db)
    client = app.test_client()
    client.get("/staff/sign-in")
    for token in (None, "forged"):
        data = {"email": EMAIL, "password": PASSWORD}
        if token:
            data["csrf_token"] = token
        assert client.post("/staff/sign-in", data=data).status_code == 400
    assert client.get("/staff/").status_code == 302  # the forged sign-ins did not sign in
    assert try_sign_in(client).status_code == 302
    assert (
        client.post("/staff/export", data={"kind": "members", "format": "csv"}).status_code == 400
    )
    assert client.post("/staff/sign-out", data={}).status_code == 400
    assert client.get("/staff/").status_code == 200  # still signed in: the forged sign-out failed


def test_pages_send_no_cache_no_frames_and_no_script(app, db):
    response = signed_in(app, db).get("/staff/")
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "script-src" not in response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert b"<script" not in response.data


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(app, db):
    add_staff(db)
    client = app.test_client()
    for _ in range(5):
        assert try_sign_in(client, password="wrong-guess").status_code == 401
    locked = try_sign_in(client)
    assert locked.status_code == 401 and "15" in locked.get_data(as_text=True)
    assert client.get("/staff/").status_code == 302
    with db.unit_of_work() as session:
        session.execute(update(StaffSignInFailure).values(at=utcnow() - timedelta(minutes=16)))
    assert try_sign_in(client).status_code == 302
    with db.unit_of_work() as session:
        assert session.scalars(select(StaffSignInFailure)).all() == []


def test_an_attacker_behind_the_office_proxy_cannot_lock_out_a_colleague(app, db):
    add_staff(db)
    add_staff(db, "victim@moralcenter.example")
    office = {"environ_base": {"REMOTE_ADDR": "203.0.113.9"}}
    for number in range(20):
        try_sign_in(app.test_client(), email=f"guess{number}@example.org", password="x", **office)
    try_sign_in(app.test_client(), email="victim@moralcenter.example", password="x", **office)
    # The colleague's account is not under attack: the right password works from the same address.
    assert try_sign_in(app.test_client(), **office).status_code == 302
    # The attacked account, from the over-cap address, is refused even with the right password...
    victim = try_sign_in(app.test_client(), "victim@moralcenter.example", PASSWORD, **office)
    assert victim.status_code == 401
    # ...but not from elsewhere, where it has failed only once.
    home = {"environ_base": {"REMOTE_ADDR": "198.51.100.7"}}
    elsewhere = try_sign_in(app.test_client(), "victim@moralcenter.example", PASSWORD, **home)
    assert elsewhere.status_code == 302


def test_lock_out_counts_the_forwarded_address_only_with_trusted_proxies(config, db):
    from bot import create_app

    for hops, expected in ((0, "10.0.0.1"), (1, "203.0.113.50")):
        app = create_app(config.with_changes(trusted_proxies=hops))
        try:
            forwarded = {
                "environ_base": {"REMOTE_ADDR": "10.0.0.1"},
                "headers": {"X-Forwarded-For": "203.0.113.50", "X-Forwarded-Proto": "https"},
            }
            try_sign_in(app.test_client(), "nobody@example.org", "wrong", **forwarded)
            with db.unit_of_work() as session:
                ips = session.scalars(select(StaffSignInFailure.ip)).all()
                session.execute(StaffSignInFailure.__table__.delete())
            assert ips == [expected]
        finally:
            app.extensions["bot"].close()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/staff", "/callback"])
def test_after_sign_in_only_staff_pages_are_visited(app, db, target):
    add_staff(db)
    client = app.test_client()
    response = client.post(
        "/staff/sign-in",
        data={"csrf_token": csrf(client), "email": EMAIL, "password": PASSWORD, "next": target},
    )
    assert response.location == "/staff/"


def test_staff_create_asks_for_a_password_and_stores_only_its_hash(app, db):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["staff", "create", "Noi@MFU.example"], input="long-enough-1\n" * 2)
    assert result.exit_code == 0, result.output
    with db.unit_of_work() as session:
        account = session.scalars(select(StaffAccount)).one()
    assert account.email == "noi@mfu.example"
    assert "long-enough-1" not in account.password_hash
    assert account.password_hash.startswith(("scrypt:", "pbkdf2:"))
    again = runner.invoke(args=["staff", "create", "noi@mfu.example"], input="long-enough-1\n" * 2)
    assert again.exit_code != 0 and "already" in again.output
    short = runner.invoke(args=["staff", "create", "b@x.example"], input="short\nshort\n")
    assert short.exit_code != 0 and "10 characters" in short.output
