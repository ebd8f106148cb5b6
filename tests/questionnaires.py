"""Questionnaire files for tests: the shipped one, edited as staff would edit it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from handlers.questionnaire import DEFAULT_FILE


def shipped() -> dict[str, Any]:
    """Return the shipped questionnaire as a plain document to edit."""
    return yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def staff_edit() -> dict[str, Any]:
    """The shipped file after staff reworded criterion 2 and added a sixth question."""
    document = copy.deepcopy(shipped())
    document["version"] = "2027-01"
    participation = document["questions"][1]
    participation["text"] = {
        "th": "สมาชิกทุกวัยได้ร่วมคิด ร่วมทำ และร่วมตัดสินใจในงานของเครือข่ายมากเพียงใด",
        "en": "How far do members of every age think, act and decide together in our network?",
    }
    participation["label"] = {"th": "ร่วมคิดร่วมทำ", "en": "Working together"}
    document["questions"].append(
        {
            "key": "online",
            "label": {"th": "กิจกรรมวิถีใหม่ (ออนไลน์)", "en": "New Normal (online) work"},
            "text": {
                "th": "เครือข่ายของเราจัดกิจกรรมและประชุมออนไลน์แบบวิถีใหม่ได้ดีเพียงใด",
                "en": "How well does our network run activities and meetings online, the New Normal way?",
            },
        }
    )
    return document
