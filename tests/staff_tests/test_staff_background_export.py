"""Large web exports run in the background: the page shows progress, then the file to download;
no request lasts long enough for a proxy's 30-second limit to cut it."""

from __future__ import annotations

import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import openpyxl
import pytest
import requests

from bot import create_app
from staff import export_jobs
from staff.views import exports as export_views
from tests.conftest import ServedApp
from tests.exporting import read_csv
from tests.meetings import many_members
from tests.staffweb import EMAIL, PASSWORD, add_staff, csrf, signed_in
from tests.timeout_proxy import TimeoutProxy

PROGRESS = re.compile(r'<progress id="progress" value="(\d+)" max="(\d+)"')
DOWNLOAD = re.compile(r'id="download" href="([^"]+)"')
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')

pytestmark = pytest.mark.once  # a 100,000-row export: CI runs it in one pass only


@pytest.fixture
def bot_app(config, tmp_path):
    """The app with its own instance folder (where background exports are written)."""
    application = create_app(config.with_changes(instance_dir=tmp_path / "instance"))
    yield application
    application.extensions["bot"].close()


def _wait_until_ready(client, path: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = client.get(path).get_data(as_text=True)
        if DOWNLOAD.search(page) or 'role="alert"' in page:
            return page
        time.sleep(0.1)
    raise AssertionError(f"{path} never became ready")


def test_a_large_export_is_written_in_the_background_and_only_its_owner_gets_it(
    bot_app, db, monkeypatch
):
    monkeypatch.setattr(export_views, "BACKGROUND_ROWS", 50)
    many_members(db, 120)
    client = signed_in(bot_app, db)
    token = csrf(client, "/staff/export")
    answer = client.post(
        "/staff/export", data={"csrf_token": token, "kind": "members", "format": "csv"}
    )
    assert answer.status_code == 303
    job_page = answer.headers["Location"]
    assert "/staff/export/jobs/" in job_page
    page = _wait_until_ready(client, job_page)
    assert "ไฟล์พร้อมแล้ว (120 แถว)" in page
    file = client.get(DOWNLOAD.search(page).group(1))
    assert file.status_code == 200 and file.headers["Cache-Control"] == "no-store"
    assert "attachment" in file.headers["Content-Disposition"]
    assert len(read_csv(file.data)) == 121
    # Another staff member cannot see or take it, even with the link.
    add_staff(db, "other@moralcenter.example")
    other = bot_app.test_client()
    other.post(
        "/staff/sign-in",
        data={
            "csrf_token": csrf(other),
            "email": "other@moralcenter.example",
            "password": PASSWORD,
        },
    )
    assert other.get(job_page).status_code == 404
    assert other.get(DOWNLOAD.search(page).group(1)).status_code == 404
    assert client.get("/staff/export/jobs/not-a-job").status_code == 404


def test_a_small_export_still_downloads_at_once(bot_app, db):
    many_members(db, 3)
    client = signed_in(bot_app, db)
    token = csrf(client, "/staff/export")
    answer = client.post(
        "/staff/export", data={"csrf_token": token, "kind": "members", "format": "csv"}
    )
    assert answer.status_code == 200 and len(read_csv(answer.data)) == 4


def test_a_job_whose_process_died_reads_as_failed(bot_app, db, monkeypatch):
    bot = bot_app.extensions["bot"]
    monkeypatch.setattr(export_jobs, "_run", lambda *args: None)  # the thread never reports
    import exports

    job = export_jobs.start(bot, EMAIL, "members", "csv", exports.Filters(), 500)
    later = bot.clock() + export_jobs.timedelta(seconds=export_jobs.STALE_SECONDS + 1)
    assert export_jobs.load(bot.config.instance_dir, job.id, EMAIL, bot.clock()).state == "running"
    stale = export_jobs.load(bot.config.instance_dir, job.id, EMAIL, later)
    assert (stale.state, stale.problem) == ("failed", "interrupted")


class _Slow(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(1.5)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def test_the_proxy_does_cut_a_request_slower_than_its_limit():
    slow = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    threading.Thread(target=slow.serve_forever, daemon=True).start()
    proxy = TimeoutProxy(f"http://127.0.0.1:{slow.server_port}", limit=0.5)
    try:
        assert requests.get(proxy.url + "/", timeout=10).status_code == 504
        assert proxy.cut == ["GET /"]
    finally:
        proxy.stop()
        slow.shutdown()
        slow.server_close()


class _Browser:
    """requests with the session cookie kept by hand (it is Secure, and this is plain HTTP)."""

    def __init__(self, base: str) -> None:
        self.base, self.cookies = base, {}

    def _keep(self, response) -> requests.Response:
        self.cookies.update({c.name: c.value for c in response.cookies})
        return response

    def _headers(self) -> dict:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}

    def get(self, path: str) -> requests.Response:
        url = path if path.startswith("http") else self.base + path
        return self._keep(requests.get(url, headers=self._headers(), timeout=120))

    def post(self, path: str, data: dict) -> requests.Response:
        response = requests.post(self.base + path, data=data, headers=self._headers(),
                                 allow_redirects=False, timeout=120)  # fmt: skip
        return self._keep(response)

    def token(self, path: str) -> str:
        return TOKEN.search(self.get(path).text).group(1)


@pytest.mark.slow(seconds=62)
def test_a_100000_row_web_export_shows_progress_and_completes_through_a_30_s_proxy(
    bot_app, db, tmp_path
):
    rows = 100_000
    many_members(db, rows)
    add_staff(db)
    served = ServedApp(bot_app)
    proxy = TimeoutProxy(served.url, limit=30.0)
    try:
        browser = _Browser(proxy.url)
        signed = browser.post("/staff/sign-in", {
            "csrf_token": browser.token("/staff/sign-in"), "email": EMAIL, "password": PASSWORD,
        })  # fmt: skip
        assert signed.status_code == 302
        started = browser.post("/staff/export", {
            "csrf_token": browser.token("/staff/export"), "kind": "members", "format": "xlsx",
        })  # fmt: skip
        assert started.status_code == 303, started.text
        job_page = started.headers["Location"]
        seen: list[tuple[int, int]] = []
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            page = browser.get(job_page).text
            if link := DOWNLOAD.search(page):
                break
            assert 'role="alert"' not in page, page
            if found := PROGRESS.search(page):
                seen.append((int(found.group(1)), int(found.group(2))))
            time.sleep(0.5)
        else:
            raise AssertionError("the export never finished")
        assert any(0 < done < total == rows for done, total in seen), seen  # progress shown
        file = browser.get(link.group(1))
        assert file.status_code == 200
        out = tmp_path / "members.xlsx"
        out.write_bytes(file.content)
        sheet = openpyxl.load_workbook(out, read_only=True).active
        assert sum(1 for _ in sheet.iter_rows(values_only=True)) == rows + 1
        assert proxy.cut == []  # no request reached the proxy's limit
        slowest = max(seconds for _, seconds in proxy.took)
        print(f"{len(proxy.took)} requests through the proxy, slowest {slowest:.2f}s; "
              f"{len(seen)} progress polls")  # fmt: skip
        assert slowest < proxy.limit
    finally:
        proxy.stop()
        served.stop()
