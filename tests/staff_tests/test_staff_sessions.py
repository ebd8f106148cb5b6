"""Staff sessions can be ended: sign-out, a new password and deactivation end every copy at once."""

from __future__ import annotations

import os
import stat

import pytest
from sqlalchemy import select

from bot.config import load_config
from bot.local import bind_host, gunicorn_command
from storage.models.staff import StaffAccount
from tests.staffweb import EMAIL, PASSWORD, add_staff, csrf, try_sign_in


def _client_with_session(app):
    client = app.test_client()
    assert try_sign_in(client).status_code == 302
    return client


def _copy_cookie(source, app):
    """A second browser holding a copy of the first one's session cookie (e.g. stolen)."""
    copy = app.test_client()
    cookie = source.get_cookie("staff_session", path="/staff")
    copy.set_cookie("staff_session", cookie.value, path="/staff")
    return copy


def test_a_cookie_saved_before_sign_out_is_refused_after(app, db):
    add_staff(db)
    browser = _client_with_session(app)
    saved = _copy_cookie(browser, app)
    assert saved.get("/staff/").status_code == 200
    browser.post("/staff/sign-out", data={"csrf_token": csrf(browser, "/staff/")})
    assert saved.get("/staff/").status_code == 302
    assert browser.get("/staff/").status_code == 302
    assert try_sign_in(app.test_client()).status_code == 302  # signing in again still works


def test_deactivation_ends_an_open_session_within_one_request(app, db):
    add_staff(db)
    browser = _client_with_session(app)
    assert browser.get("/staff/").status_code == 200
    result = app.test_cli_runner().invoke(args=["staff", "deactivate", EMAIL])
    assert result.exit_code == 0, result.output
    assert browser.get("/staff/").status_code == 302
    assert try_sign_in(app.test_client()).status_code == 401
    result = app.test_cli_runner().invoke(args=["staff", "activate", EMAIL])
    assert result.exit_code == 0, result.output
    assert try_sign_in(app.test_client()).status_code == 302
    assert browser.get("/staff/").status_code == 302  # the old session stays ended


def test_reset_password_ends_sessions_and_only_the_new_password_works(app, db):
    add_staff(db)
    browser = _client_with_session(app)
    new = "a-brand-new-password"
    result = app.test_cli_runner().invoke(
        args=["staff", "reset-password", EMAIL], input=f"{new}\n{new}\n"
    )
    assert result.exit_code == 0, result.output
    assert browser.get("/staff/").status_code == 302
    assert try_sign_in(app.test_client(), EMAIL, PASSWORD).status_code == 401
    assert try_sign_in(app.test_client(), EMAIL, new).status_code == 302
    with db.unit_of_work() as session:
        hashed = session.scalars(select(StaffAccount.password_hash)).one()
    assert new not in hashed


def test_cli_refuses_an_unknown_email_and_a_short_password(app, db):
    add_staff(db)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["staff", "deactivate", "nobody@x.example"]).exit_code != 0
    short = runner.invoke(args=["staff", "reset-password", EMAIL], input="short\nshort\n")
    assert short.exit_code != 0
    assert try_sign_in(app.test_client()).status_code == 302


def test_a_session_idle_for_longer_than_the_timeout_ends(app, db):
    add_staff(db)
    browser = _client_with_session(app)
    assert browser.get("/staff/").status_code == 200
    idle = app.extensions["bot"].config.staff_idle_minutes * 60
    with browser.session_transaction("/staff/") as session:
        session["seen"] -= idle - 60  # a minute short of the timeout: still open
    assert browser.get("/staff/").status_code == 200
    with browser.session_transaction("/staff/") as session:
        session["seen"] -= idle + 1
    assert browser.get("/staff/").status_code == 302


def test_idle_timeout_defaults_to_two_hours_and_is_configurable(tmp_path):
    env = {"INSTANCE_DIR": str(tmp_path)}
    assert load_config(env).staff_idle_minutes == 120
    assert load_config({**env, "STAFF_IDLE_MINUTES": "30"}).staff_idle_minutes == 30


def test_local_keys_are_made_once_per_installation_owner_readable_only(tmp_path):
    first = load_config({"INSTANCE_DIR": str(tmp_path)})
    again = load_config({"INSTANCE_DIR": str(tmp_path)})
    other = load_config({"INSTANCE_DIR": str(tmp_path / "other")})
    assert first.staff_secret_key == again.staff_secret_key
    assert first.pseudonym_secret == again.pseudonym_secret
    assert first.staff_secret_key != other.staff_secret_key
    assert first.staff_secret_key != first.pseudonym_secret
    assert len(first.staff_secret_key) >= 32
    for name in ("staff-secret-key", "pseudonym-secret"):
        mode = stat.S_IMODE(os.stat(tmp_path / name).st_mode)
        assert mode == 0o600, oct(mode)


def test_local_mode_listens_on_this_machine_unless_host_says_otherwise():
    assert bind_host({}) == "127.0.0.1"
    assert bind_host({"HOST": "0.0.0.0"}) == "0.0.0.0"
    assert "127.0.0.1:8700" in gunicorn_command(8700, "127.0.0.1")


def test_outside_local_mode_pages_ask_for_https_only(app, db):
    response = app.test_client().get("/staff/sign-in")
    assert "max-age" in response.headers["Strict-Transport-Security"]


@pytest.mark.parametrize(
    "url",
    [
        "/staff/reflections?page=99999999999999999999",
        "/staff/activities?page=99999999999999999999",
        "/staff/meetings?page=99999999999999999999",
        "/staff/photos/99999999999999999999",
        "/staff/reflections/99999999999999999999",
        "/staff/activities/99999999999999999999",
        "/staff/meetings/99999999999999999999",
    ],
)
def test_huge_page_and_record_numbers_are_not_found(app, db, url):
    add_staff(db)
    assert _client_with_session(app).get(url).status_code == 404


def test_every_download_is_marked_no_store(app, db):
    add_staff(db)
    browser = _client_with_session(app)
    response = browser.post(
        "/staff/export", data={"csrf_token": csrf(browser, "/staff/export"), "kind": "members"}
    )
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert "no-store" in response.headers["Cache-Control"]


def test_a_session_is_opened_only_where_the_staff_cookie_is_sent(app):
    # The cookie's path is /staff: LINE's webhook calls never carry it, and opening an empty
    # signed session for each cost the webhook 7% of its time.
    from flask import request

    opened = {}
    for path in ["/callback", "/staffing", "/staff", "/staff/sign-in"]:
        with app.test_request_context(path):
            opened[path] = app.session_interface.open_session(app, request) is not None
    assert opened == {
        "/callback": False,
        "/staffing": False,
        "/staff": True,
        "/staff/sign-in": True,
    }
