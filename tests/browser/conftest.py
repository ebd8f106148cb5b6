"""Debian's Chromium driven by Playwright against the bot served over real HTTP."""

from __future__ import annotations

import os

import pytest

from tests.conftest import ServedApp
from tests.staffweb import EMAIL, PASSWORD, add_staff

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1366, "height": 900}


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium per module; skipped with the reason when it is not installed."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(app, db):
    """The bot's app over HTTP with one staff account."""
    add_staff(db)
    served = ServedApp(app)
    yield served
    served.stop()


@pytest.fixture
def page(chromium, site):
    """A desktop-sized tab, downloads allowed."""
    context = chromium.new_context(viewport=DESKTOP, accept_downloads=True, locale="th-TH")
    tab = context.new_page()
    yield tab
    context.close()


def sign_in(page, site) -> None:
    page.goto(site.url + "/staff/")
    page.fill("#email", EMAIL)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site.url + "/staff/")
