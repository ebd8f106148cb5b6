"""Sessions end for real in Chromium: a saved cookie after sign-out, and a deactivated account."""

from __future__ import annotations

import pytest

from storage import staff as accounts
from tests.browser.conftest import sign_in
from tests.staffweb import EMAIL

pytestmark = pytest.mark.browser


def _saved_cookies(page):
    return [c for c in page.context.cookies() if c["name"] == "staff_session"]


def test_a_cookie_saved_before_sign_out_is_refused_after(chromium, page, site):
    sign_in(page, site)
    saved = _saved_cookies(page)
    assert saved
    page.click("text=ออกจากระบบ")
    page.wait_for_url("**/staff/sign-in**")
    thief = chromium.new_context()
    try:
        thief.add_cookies(saved)
        tab = thief.new_page()
        tab.goto(site.url + "/staff/export")
        assert "/staff/sign-in" in tab.url
    finally:
        thief.close()


def test_deactivation_ends_an_open_session_within_one_request(page, site, app):
    sign_in(page, site)
    page.goto(site.url + "/staff/reflections")
    assert "/staff/reflections" in page.url
    with app.extensions["bot"].db.unit_of_work() as session:
        accounts.set_active(session, EMAIL, False)
    page.goto(site.url + "/staff/reflections")
    assert "/staff/sign-in" in page.url
