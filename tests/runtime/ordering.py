"""Members whose two events reach the bot in two requests, the later one first (issue 16 item 5)."""

from __future__ import annotations

import requests

from tests.conftest import sign
from tests.events import body
from tests.members import join


def members(line, db, count: int) -> list[str]:
    return [join(line, db, f"สมาชิก{n}") for n in range(count)]


def out_of_order_pairs(line, members: list[str]) -> dict[str, tuple[dict, dict]]:
    """Per member: (earlier "English", later "ช่วยเหลือ"), made by the emulator but not yet sent.

    The emulator has no webhook URL, so it only issues the events (real reply tokens) and the test
    posts them itself.
    """
    pairs = {}
    for member in members:
        earlier = line.send_text(member, "English")["event"]
        later = line.send_text(member, "ช่วยเหลือ")["event"]
        later["timestamp"] = earlier["timestamp"] + 50
        pairs[member] = (earlier, later)
    return pairs


def post(url: str, event: dict) -> int:
    raw = body(event)
    headers = {"X-Line-Signature": sign(raw), "Content-Type": "application/json"}
    return requests.post(url, data=raw, headers=headers, timeout=15).status_code


def in_timestamp_order(line, member: str) -> bool:
    """The member saw the language switch first, then the help card in English."""
    found = line.wait_for_messages(member, since=0, count=2, timeout=30)
    if len(found) != 2:
        return False
    first, second = (m["message"].get("text", "") for m in found)
    return first == "Switched to English." and "Log activity" in second
