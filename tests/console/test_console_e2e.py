"""Chat through the real emulator with a stub bot that answers every text."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import requests
from flask import Flask, request
from werkzeug.serving import make_server

from emulator import console
from emulator.console import run_script

emulator_server = pytest.importorskip("emulator.server")
emulator_client = pytest.importorskip("emulator.client")
emulator_state = pytest.importorskip("emulator.state")

SECRET = "console-test-secret"
TOKEN = "console-test-token"
QUICK = [
    {"type": "action", "action": {"type": "message", "label": "ถอดบทเรียน", "text": "ถอดบทเรียน"}},
    {
        "type": "action",
        "action": {"type": "postback", "label": "ให้คะแนน", "data": "action=rate"},
    },
]


def stub_bot(emulator: dict[str, str], events: list[dict]) -> Flask:
    """Build a webhook receiver that replies to each text with a text and 2 quick replies."""
    app = Flask(__name__)

    @app.post("/callback")
    def callback():
        for event in request.get_json()["events"]:
            events.append(event)
            if event["type"] == "message" and event["message"]["type"] == "text":
                reply = {"type": "text", "text": f"ได้รับ: {event['message']['text']}"}
                body = {
                    "replyToken": event["replyToken"],
                    "messages": [reply | {"quickReply": {"items": QUICK}}],
                }
                answer = requests.post(
                    f"{emulator['url']}/v2/bot/message/reply",
                    json=body,
                    headers={"Authorization": f"Bearer {TOKEN}"},
                    timeout=10,
                )
                answer.raise_for_status()
        return "OK"

    return app


@pytest.fixture
def chat() -> Iterator[tuple[object, list[dict]]]:
    """Start a stub bot and the emulator pointed at it; yield a client and the bot's events."""
    emulator: dict[str, str] = {}
    events: list[dict] = []
    bot = make_server("127.0.0.1", 0, stub_bot(emulator, events), threaded=True)
    thread = threading.Thread(target=bot.serve_forever, daemon=True)
    thread.start()
    webhook = f"http://127.0.0.1:{bot.server_port}/callback"
    state = emulator_state.EmulatorState(SECRET, TOKEN, webhook)
    server = emulator_server.EmulatorServer(state)
    server.start()
    try:
        emulator["url"] = server.url
        yield emulator_client.EmulatorClient(server.url), events
    finally:
        server.stop()
        bot.shutdown()
        thread.join(timeout=5)


def test_script_against_the_emulator(chat):
    client, events = chat
    user = client.add_user("สมศรี ใจดี")
    transcript = run_script(client, user["userId"], ["สวัสดีค่ะ", "1", "2"], wait=1.5)
    assert transcript == (
        "> สวัสดีค่ะ\n"
        "< ได้รับ: สวัสดีค่ะ\n"
        "  ตอบด่วน/quick reply: [1] ถอดบทเรียน | [2] ให้คะแนน\n"
        "> [1] ถอดบทเรียน\n"
        "< ได้รับ: ถอดบทเรียน\n"
        "  ตอบด่วน/quick reply: [1] ถอดบทเรียน | [2] ให้คะแนน\n"
        "> [2] ให้คะแนน (postback: action=rate)\n"
    )
    assert [e["type"] for e in events] == ["message", "message", "postback"]
    assert events[-1]["postback"]["data"] == "action=rate"
    assert events[0]["source"]["userId"] == user["userId"]


def test_console_main_scripted_against_the_emulator(chat, tmp_path, capsys):
    client, events = chat
    script = tmp_path / "chat.txt"
    script.write_text("# ทักทาย\nสวัสดีค่ะ\n2\n", encoding="utf-8")
    argv = ["--emulator-url", client.base_url, "--script", str(script), "--wait", "1.5"]
    assert console.main([*argv, "--name", "สมชาย", "--user-id", "U" + "a" * 32, "--no-follow"]) == 0
    assert capsys.readouterr().out == (
        "> สวัสดีค่ะ\n"
        "< ได้รับ: สวัสดีค่ะ\n"
        "  ตอบด่วน/quick reply: [1] ถอดบทเรียน | [2] ให้คะแนน\n"
        "> [2] ให้คะแนน (postback: action=rate)\n"
    )
    assert {e["source"]["userId"] for e in events} == {"U" + "a" * 32}
