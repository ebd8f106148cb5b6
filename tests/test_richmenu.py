"""`flask richmenu`: the six-button menu is drawn in Thai, uploaded and made every member's default."""

from __future__ import annotations

import io
from urllib.parse import parse_qs

import pytest
import requests
from PIL import Image, ImageDraw

from bot import create_app
from bot.gateway import data_host
from bot.richmenu import draw
from bot.richmenu.layout import HEIGHT, WIDTH, buttons
from handlers import handler_modules
from handlers.registry import build_registry
from messages.builders import MAIN_ACTIONS
from messages.catalog import text
from tests.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def cli_app(config, emulator):
    """The bot's app with LINE = the emulator, as `flask --app bot` would build it."""
    application = create_app(config.with_changes(api_base_url=emulator.url))
    yield application
    application.extensions["bot"].close()


def flask(app, *args: str):
    """Run `flask richmenu ARGS` against the app."""
    return app.test_cli_runner().invoke(args=["richmenu", *args])


def line_get(emulator, path: str) -> requests.Response:
    return requests.get(emulator.url + path, headers=AUTH, timeout=5)


def calls(line, method: str, path: str) -> list[dict]:
    """Requests LINE (the emulator) received: `path` exactly, or a prefix ending in `*`."""
    prefix = path.removesuffix("*")
    return [
        r
        for r in line.requests()["requests"]
        if r["method"] == method
        and (r["path"] == path or (path.endswith("*") and r["path"].startswith(prefix)))
    ]


def default_menu_id(emulator) -> str | None:
    response = line_get(emulator, "/v2/bot/user/all/richmenu")
    return response.json()["richMenuId"] if response.status_code == 200 else None


def menus(emulator) -> list[dict]:
    return line_get(emulator, "/v2/bot/richmenu/list").json()["richmenus"]


def test_deploy_uploads_a_six_button_thai_menu_and_makes_it_the_default(cli_app, emulator, line):
    result = flask(cli_app, "deploy")
    assert result.exit_code == 0, result.output

    (create,) = calls(line, "POST", "/v2/bot/richmenu")
    assert create["path"] == "/v2/bot/richmenu" and create["status"] == 200
    menu = create["body"]
    assert menu["size"] == {"width": WIDTH, "height": HEIGHT} == {"width": 2500, "height": 1686}
    assert menu["chatBarText"] == "เมนู" and menu["selected"] is True
    areas = [area["bounds"] for area in menu["areas"]]
    assert len(areas) == 6
    # The areas tile the image: inside it, no two overlap, and together they cover all of it.
    for b in areas:
        assert b["x"] >= 0 and b["y"] >= 0
        assert b["x"] + b["width"] <= WIDTH and b["y"] + b["height"] <= HEIGHT
    for i, a in enumerate(areas):
        for b in areas[i + 1 :]:
            apart_x = a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
            apart_y = a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]
            assert apart_x or apart_y, (a, b)
    assert sum(b["width"] * b["height"] for b in areas) == WIDTH * HEIGHT

    menu_id = create["response"]["richMenuId"]
    (upload,) = calls(line, "POST", f"/v2/bot/richmenu/{menu_id}/content")
    assert upload["status"] == 200 and upload["headers"]["content-type"] == "image/png"
    stored = line_get(emulator, f"/v2/bot/richmenu/{menu_id}/content")
    assert stored.headers["content-type"] == "image/png"
    assert len(stored.content) < 1024 * 1024
    assert Image.open(io.BytesIO(stored.content)).size == (2500, 1686)

    (set_default,) = calls(line, "POST", "/v2/bot/user/all/richmenu/*")
    assert set_default["path"].endswith(menu_id) and set_default["status"] == 200
    assert default_menu_id(emulator) == menu_id
    assert menu_id in result.output


def test_each_button_runs_its_command_by_postback(cli_app, emulator):
    assert flask(cli_app, "deploy").exit_code == 0
    (menu,) = menus(emulator)
    registry = build_registry(handler_modules())
    expected = [(text(key, "th"), command) for key, command in MAIN_ACTIONS.items()]
    assert [a["action"]["displayText"] for a in menu["areas"]] == [
        "บันทึกกิจกรรม",
        "ถอดบทเรียน",
        "แบบประเมิน 5 หลัก",
        "นัดประชุม",
        "สรุปของฉัน",
        "ช่วยเหลือ",
    ]
    for area, (label, command) in zip(menu["areas"], expected, strict=True):
        action = area["action"]
        assert action["type"] == "postback"
        assert action["displayText"] == action["label"] == label
        # Read the data the way the router does.
        name = parse_qs(action["data"])["cmd"][0]
        assert name == command
        assert registry.by_name[name].name == command


def test_a_second_deploy_leaves_one_menu_and_force_replaces_it(cli_app, emulator, line):
    assert flask(cli_app, "deploy").exit_code == 0
    first = default_menu_id(emulator)
    again = flask(cli_app, "deploy")
    assert again.exit_code == 0 and "already deployed" in again.output
    assert [m["richMenuId"] for m in menus(emulator)] == [first]
    assert len(calls(line, "POST", "/v2/bot/richmenu")) == 1  # nothing was created again

    forced = flask(cli_app, "deploy", "--force")
    assert forced.exit_code == 0, forced.output
    second = default_menu_id(emulator)
    assert second not in (None, first)
    assert [m["richMenuId"] for m in menus(emulator)] == [second]
    assert [r["path"] for r in calls(line, "DELETE", "/v2/bot/richmenu/*")] == [
        f"/v2/bot/richmenu/{first}"
    ]


def test_a_failed_deploy_keeps_the_old_menu_and_leaves_no_half_made_one(cli_app, emulator, line):
    assert flask(cli_app, "deploy").exit_code == 0
    first = default_menu_id(emulator)

    line.add_fault(path="/v2/bot/richmenu", method="POST", status=500, times=1)
    failed = flask(cli_app, "deploy", "--force")
    assert failed.exit_code != 0 and "LINE answered 500" in failed.output

    line.clear_requests()
    line.add_fault(path="/v2/bot/richmenu/richmenu-*", method="POST", status=500, times=1)
    failed = flask(cli_app, "deploy", "--force")
    assert failed.exit_code != 0 and "LINE answered 500" in failed.output
    (created,) = calls(line, "POST", "/v2/bot/richmenu")
    half_made = created["response"]["richMenuId"]
    assert [r["path"] for r in calls(line, "DELETE", "/v2/bot/richmenu/*")] == [
        f"/v2/bot/richmenu/{half_made}"
    ]
    assert calls(line, "POST", "/v2/bot/user/all/richmenu/*") == []
    assert default_menu_id(emulator) == first
    assert [m["richMenuId"] for m in menus(emulator)] == [first]


def test_status_tells_what_is_deployed(cli_app, emulator):
    before = flask(cli_app, "status")
    assert before.exit_code == 0 and "default: none" in before.output
    assert flask(cli_app, "deploy").exit_code == 0
    after = flask(cli_app, "status")
    assert f"default: {default_menu_id(emulator)}" in after.output
    assert "menus: 1" in after.output and "6 areas" in after.output
    assert "made by deploy" in after.output and "up to date" in after.output


def test_dry_run_only_draws(cli_app, line, tmp_path):
    out = tmp_path / "menu.png"
    result = flask(cli_app, "deploy", "--dry-run", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert Image.open(out).size == (2500, 1686)
    assert '"chatBarText": "เมนู"' in result.output
    assert line.requests()["requests"] == []


def test_deploy_refuses_when_pillow_cannot_shape_thai(cli_app, line, monkeypatch):
    monkeypatch.setattr(draw, "shapes_thai", lambda: False)
    result = flask(cli_app, "deploy")
    assert result.exit_code != 0 and "raqm" in result.output
    assert line.requests()["requests"] == []


def test_every_button_has_its_label_drawn():
    image = Image.open(io.BytesIO(draw.to_png(draw.draw_menu(buttons())))).convert("RGB")
    for button in buttons():
        cell = button.cell
        # The band under the badge holds only the label: count dark (label-coloured) pixels.
        band = image.crop((cell.x, cell.y + 470, cell.x + cell.width, cell.y + cell.height))
        dark = sum(band.convert("L").histogram()[:100])
        assert dark > 5000, (button.command, dark)
        badge = image.crop((cell.x, cell.y, cell.x + cell.width, cell.y + 470))
        assert len(badge.getcolors(maxcolors=1 << 20)) > 10, (
            button.command
        )  # an icon on a tinted badge


def test_thai_tone_marks_sit_above_the_vowel_not_on_it():
    assert draw.shapes_thai(), "no raqm: Pillow's wheel needs the system's libfribidi0"
    font = draw.thai_font(120)

    def drawn(word: str) -> Image.Image:
        picture = Image.new("L", (400, 240), 0)
        ImageDraw.Draw(picture).text((100, 180), word, font=font, fill=255, anchor="ls")
        return picture

    marked, bare = drawn("ที่"), drawn("ที")
    # Stacked above the vowel ี, the mai ek raises the word's top by a good part of a line
    # (basic layout left it on the vowel: 6 px higher, and mostly hidden by it).
    assert bare.getbbox()[1] - marked.getbbox()[1] > 15
    assert sum(marked.histogram()[129:]) - sum(bare.histogram()[129:]) > 250


def test_content_and_images_go_to_lines_data_host_or_the_one_stand_in():
    assert data_host("https://api.line.me") == "https://api-data.line.me"
    assert data_host("https://api.line.me/") == "https://api-data.line.me"
    assert data_host("http://127.0.0.1:8001") == "http://127.0.0.1:8001"
