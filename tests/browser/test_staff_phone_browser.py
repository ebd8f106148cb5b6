"""A staff member on a 390 px phone: every tab reachable, tables scroll inside themselves (never
the page), chart legends at least 12 px, dates typed as วว/ดด/ปปปป."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE
from tests.staffweb import PASSWORD, add_staff

pytestmark = pytest.mark.browser
ADMIN = "head@moralcenter.example"
# A table sticking out of the screen must sit in a box that scrolls sideways on its own.
TABLES_OUTSIDE_A_SCROLLER = """() => [...document.querySelectorAll('main table')].filter(table => {
  if (table.getBoundingClientRect().right <= window.innerWidth + 1) return false;
  for (let box = table.parentElement; box; box = box.parentElement) {
    const x = getComputedStyle(box).overflowX;
    if ((x === 'auto' || x === 'scroll') && box.getBoundingClientRect().right <= window.innerWidth + 1)
      return false;
  }
  return true;
}).length"""
LEGEND_SIZES = """() => [...document.querySelectorAll('ul.legend li')].map(
  li => parseFloat(getComputedStyle(li).fontSize))"""


@pytest.fixture
def phone(chromium, site, app):
    """A 390 px tab signed in as a staff admin (who sees one more tab), with demo data."""
    seeded = app.test_cli_runner().invoke(args=[
        "demo", "seed", "--members", "40", "--activities", "60", "--reflections", "60",
        "--meetings", "3",
    ])  # fmt: skip
    assert seeded.exit_code == 0, seeded.output
    add_staff(app.extensions["bot"].db, ADMIN, admin=True)
    context = chromium.new_context(viewport=PHONE, locale="th-TH", is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(site.url + "/staff/sign-in")
    tab.fill("#email", ADMIN)
    tab.fill("#password", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(site.url + "/staff/")
    yield tab
    context.close()


def _tabs(page) -> list[str]:
    return page.eval_on_selector_all(
        "nav.main a", "links => links.map(a => a.getAttribute('href'))"
    )


def test_every_tab_is_reachable_at_390_px(phone, site):
    tabs = _tabs(phone)
    assert len(tabs) == 11 and "/staff/export" in tabs and "/staff/admin" in tabs, tabs
    assert "/staff/themes" in tabs and "/staff/stories" in tabs, tabs
    for href in tabs:
        phone.goto(site.url + "/staff/")
        link = phone.locator(f'nav.main a[href="{href}"]')
        box = link.bounding_box()
        assert box is not None, href
        # On screen as the page opens: no sideways scrolling of the tab bar needed to find it.
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (href, box)
        assert box["y"] + box["height"] <= PHONE["height"], (href, box)
        link.tap()
        phone.wait_for_url(f"{site.url}{href}")
        assert phone.locator("h1").first.inner_text().strip(), href


def test_tables_scroll_inside_themselves_and_legends_are_at_least_12_px(phone, site):
    phone.goto(site.url + "/staff/meetings")
    meeting = phone.locator("main .list-item h3 a").first.get_attribute("href")
    phone.goto(site.url + "/staff/selection")
    selection = phone.locator("main .list-item h3 a").first.get_attribute("href")
    pages = [*_tabs(phone), meeting, selection, "/staff/criteria?network=civil"]
    tables = legends = 0
    for path in pages:
        phone.goto(site.url + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at 390 px"
        assert phone.evaluate(TABLES_OUTSIDE_A_SCROLLER) == 0, f"a table on {path} is cut off"
        tables += phone.locator("main table").count()
        sizes = phone.evaluate(LEGEND_SIZES)
        assert all(size >= 12 for size in sizes), (path, sizes)
        legends += len(sizes)
    assert tables >= 5 and legends >= 4  # the checks did look at tables and legends


def test_dates_are_typed_as_day_month_buddhist_year(phone, site):
    phone.goto(site.url + "/staff/criteria")
    start = phone.locator('form.filters input[name="from"]')
    assert start.get_attribute("type") == "text"
    assert start.get_attribute("placeholder") == "วว/ดด/ปปปป"
    start.fill("1/6/2569")
    phone.locator('form.filters input[name="to"]').fill("๓๐/๑๑/๒๕๖๙")
    phone.locator("form.filters button[type=submit]").tap()
    phone.wait_for_url("**/staff/criteria?**")
    assert phone.locator('form.filters input[name="from"]').input_value() == "1/6/2569"
    phone.goto(site.url + "/staff/export")
    assert phone.locator('input[name="to"]').get_attribute("placeholder") == "วว/ดด/ปปปป"


# Each accounts and audit-log cell wholly on screen, its text not cut, and how wide each is.
ADMIN_CELLS = """() => [...document.querySelectorAll('main table.rows td')].map(c => {
  const box = c.getBoundingClientRect();
  return {text: c.innerText.slice(0, 40), left: box.left, right: box.right, width: box.width,
          cut: c.scrollWidth > c.clientWidth + 1, table: c.closest('table').className};
})"""


def test_accounts_and_the_audit_log_read_down_the_screen_at_390_px(phone, site, app):
    db = app.extensions["bot"].db
    add_staff(db, "former.colleague@moralcenter.example")
    with db.unit_of_work() as session:
        from storage import staff as accounts

        accounts.set_active(session, "former.colleague@moralcenter.example", False)
    phone.goto(site.url + "/staff/admin")
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    cells = phone.evaluate(ADMIN_CELLS)
    assert {c["table"] for c in cells} == {"rows accounts", "rows audit"}
    off = [c for c in cells if c["left"] < 0 or c["right"] > PHONE["width"] + 1 or c["cut"]]
    assert off == [], off
    # Each cell takes the row's width: "ทำอะไร" is a line of words, not a few letters a line.
    assert min(c["width"] for c in cells) >= 300, cells
    buttons = phone.eval_on_selector_all(
        "main table.accounts button",
        "bs => bs.map(b => [b.innerText, b.getBoundingClientRect().right])",
    )
    assert {text for text, _ in buttons} >= {"ปิดใช้งาน", "เปิดใช้งาน"}, buttons
    assert all(right <= PHONE["width"] for _, right in buttons), buttons
    labels = phone.eval_on_selector_all(
        "main table.audit tbody tr:first-child td",
        "cells => cells.map(c => getComputedStyle(c, '::before').content)",
    )
    assert labels == ['"เมื่อ"', '"ใคร"', '"ทำอะไร"', '"รายละเอียด"'], labels
