"""Turn LINE message objects into terminal text and numbered choices."""

from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RULE = "────────────"
_MARK = re.compile(r"\x00(\d+)\x00")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_MEDIA = {"image": "รูปภาพ", "video": "วิดีโอ", "audio": "เสียง"}
_FALLBACK = {"camera": "กล้อง", "cameraRoll": "คลังรูป", "location": "ตำแหน่ง"}
_NOTES = {
    "uri": lambda a: f"[ลิงก์/link] {a.get('uri', '')}",
    "clipboard": lambda a: f"คัดลอกแล้ว / copied: {a.get('clipboardText', '')}",
    "location": lambda a: "ส่งตำแหน่งไม่รองรับในคอนโซล / location is not supported",
}
_PROMPTS = {
    "date": "วันที่ / date (YYYY-MM-DD หรือ 9/8/2564): ",
    "time": "เวลา / time (HH:MM หรือ 13.30): ",
    "datetime": "วันเวลา / date and time (YYYY-MM-DD HH:MM): ",
    "camera": "ไฟล์รูป / image path: ",
    "cameraRoll": "ไฟล์รูป / image path: ",
}


@dataclass(frozen=True)
class Tap:
    """What tapping a choice did: how it reads, what to send, what to tell the user."""

    said: str
    payload: dict[str, Any] | None
    note: str | None = None


@dataclass(frozen=True)
class Choice:
    """One tappable action (button, template action, quick reply item)."""

    label: str
    action: dict[str, Any]

    @property
    def prompt(self) -> str | None:
        """Return the question to ask before tapping, or None if tapping needs no input."""
        kind = self.action.get("type")
        return _PROMPTS.get(
            self.action.get("mode", "datetime") if kind == "datetimepicker" else kind
        )

    def tap(self, answer: str | None = None) -> Tap:
        """Return what tapping this choice sends; raise ValueError on a bad answer."""
        a, kind, label = self.action, self.action.get("type"), self.label
        if kind == "message":
            text = a.get("text", label)
            said = label if text == label else f"{label} → {text}"
            return Tap(said, {"type": "text", "text": text})
        if kind in ("postback", "datetimepicker", "richmenuswitch"):
            payload: dict[str, Any] = {"type": "postback", "data": a.get("data", "")}
            shown = a.get("displayText") or a.get("text")
            said = label if not shown or shown == label else f"{label} → {shown}"
            if kind == "datetimepicker":
                mode = a.get("mode", "datetime")
                value = picker_value(mode, answer or a.get("initial", ""))
                payload["params"] = {mode: value}
                said = f"{label} → {value}"
            elif kind == "richmenuswitch":
                alias = a.get("richMenuAliasId", "")
                payload["params"] = {"newRichMenuAliasId": alias, "status": "SUCCESS"}
            return Tap(f"{said} (postback: {payload['data']})", payload)
        if kind in ("camera", "cameraRoll"):
            return Tap(f"{label} → [รูปภาพ] {answer}", image_payload(answer or ""))
        note = _NOTES.get(kind, lambda _: f"ไม่รองรับ / unsupported action: {kind}")
        return Tap(label, None, note(a))


@dataclass
class RenderedMessage:
    """A message as lines of text, with its inline choices and its quick reply items."""

    lines: list[str]
    choices: list[Choice] = field(default_factory=list)
    quick_replies: list[Choice] = field(default_factory=list)

    def text(self, start: int = 1) -> str:
        """Return the message text with its inline choices numbered from start."""
        body = "\n".join(self.lines)
        return _MARK.sub(lambda m: f"[{start + int(m.group(1))}]", body)


def image_payload(path: str) -> dict[str, Any]:
    """Return the emulator send payload for the image file at path."""
    try:
        data = Path(path).expanduser().read_bytes()
    except OSError as exc:
        raise ValueError(f"อ่านไฟล์ไม่ได้ / cannot read {path!r}: {exc.strerror}") from exc
    return {"type": "image", "contentBase64": base64.b64encode(data).decode("ascii")}


def picker_value(mode: str, answer: str) -> str:
    """Return a typed date/time in LINE's postback params format for the picker mode."""
    s = answer.translate(_THAI_DIGITS).strip().removesuffix("น.").strip()
    if mode == "date":
        return _date(s)
    if mode == "time":
        return _time(s)
    parts = re.split(r"[T\s]+", s, maxsplit=1)
    if len(parts) != 2:
        raise ValueError(f"ต้องมีวันและเวลา / need a date and a time: {answer!r}")
    return f"{_date(parts[0])}T{_time(parts[1])}"


def _date(s: str) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{4})", s)
    if not m:
        raise ValueError(f"วันที่ไม่ถูกต้อง / not a date: {s!r}")
    year, month, day = m.groups()[:3] if m[1] else m.groups()[:2:-1]
    y = int(year) - 543 if int(year) > 2400 else int(year)  # Buddhist-era year
    return dt.date(y, int(month), int(day)).isoformat()


def _time(s: str) -> str:
    if not (m := re.fullmatch(r"(\d{1,2})[:.](\d{2})", s.strip())):
        raise ValueError(f"เวลาไม่ถูกต้อง / not a time: {s!r}")
    return dt.time(int(m.group(1)), int(m.group(2))).strftime("%H:%M")


def _label(action: dict[str, Any]) -> str:
    kind = action.get("type", "")
    guess = action.get("text") or action.get("displayText") or action.get("uri")
    return action.get("label") or guess or _FALLBACK.get(kind) or action.get("data") or kind


class _Renderer:
    def __init__(self) -> None:
        self.choices: list[Choice] = []

    def mark(self, action: dict[str, Any]) -> str:
        self.choices.append(Choice(_label(action), action))
        return f"\x00{len(self.choices) - 1}\x00 {self.choices[-1].label}"

    def message(self, m: dict[str, Any]) -> list[str]:
        kind = m.get("type")
        if kind == "text":
            return m.get("text", "").split("\n")
        if kind == "textV2":
            subs = m.get("substitution", {})
            return re.sub(r"\{(\w+)\}", lambda g: _sub(subs, g[1]), m.get("text", "")).split("\n")
        if kind in _MEDIA:
            return [f"[{_MEDIA[kind]}] {m.get('originalContentUrl', '')}"]
        if kind == "sticker":
            return [f"[สติกเกอร์/sticker] {m.get('packageId', '')}/{m.get('stickerId', '')}"]
        if kind == "location":
            where = f"{m.get('title', '')} — {m.get('address', '')}"
            return [f"[ตำแหน่ง] {where} ({m.get('latitude')}, {m.get('longitude')})"]
        if kind == "imagemap":
            lines = [f"[Imagemap] {m.get('altText', '')}"]
            return lines + [self.mark(_imagemap_action(a)) for a in m.get("actions", [])]
        if kind == "template":
            return self.template(m.get("template", {}))
        if kind == "flex":
            return [f"[Flex] {m.get('altText', '')}", *self.flex(m.get("contents", {}))]
        if kind == "coupon":
            return [f"[คูปอง/coupon] {m.get('couponId', '')}"]
        return [f"[{kind}]"]

    def template(self, t: dict[str, Any]) -> list[str]:
        kind = t.get("type")
        if kind == "confirm":
            marks = [self.mark(a) for a in t.get("actions", [])]
            return [*t.get("text", "").split("\n"), " | ".join(marks)]
        if kind == "buttons":
            return self.column(t)
        if kind == "image_carousel":
            return self.pages(t.get("columns", []), self.image_column)
        return self.pages(t.get("columns", []), self.column)

    def pages(self, items: list[dict[str, Any]], render: Any) -> list[str]:
        n = len(items)
        return [x for i, it in enumerate(items, 1) for x in (f"── {i}/{n} ──", *render(it))]

    def image_column(self, c: dict[str, Any]) -> list[str]:
        return [f"[รูปภาพ] {c.get('imageUrl', '')}", self.mark(c.get("action", {}))]

    def column(self, c: dict[str, Any]) -> list[str]:
        lines = [f"[รูปภาพ] {c['thumbnailImageUrl']}"] if c.get("thumbnailImageUrl") else []
        if c.get("title"):
            lines.append(c["title"])
        lines += c.get("text", "").split("\n")
        return lines + [self.mark(a) for a in c.get("actions", [])]

    def flex(self, node: dict[str, Any], inline: bool = False) -> list[str]:
        kind = node.get("type")
        if kind == "carousel":
            return self.pages(node.get("contents", []), self.flex)
        if kind == "bubble":
            parts = ("header", "hero", "body", "footer")
            return [line for p in parts if node.get(p) for line in self.flex(node[p])]
        lines = self.component(node, inline)
        if node.get("action") and kind != "button":
            lines.append(self.mark(node["action"]))
        return lines

    def component(self, node: dict[str, Any], inline: bool) -> list[str]:
        kind = node.get("type")
        if kind == "box":
            layout = node.get("layout", "vertical")
            if layout == "vertical" and not inline:
                return [line for c in node.get("contents", []) for line in self.flex(c)]
            kids = [self.flex(c, inline=True) for c in node.get("contents", [])]
            parts = [" / ".join(k) for k in kids if k]
            joiner = " " if layout == "baseline" else " | " if layout == "horizontal" else " / "
            return [joiner.join(parts)] if parts else []
        if kind == "text":
            spans = node.get("contents")
            text = "".join(s.get("text", "") for s in spans) if spans else node.get("text", "")
            return text.split("\n") if not inline else [text.replace("\n", " ")]
        if kind == "span":
            return [node.get("text", "")]
        if kind == "button":
            return [self.mark(node.get("action", {}))]
        if kind in ("image", "video"):
            return [f"[{_MEDIA[kind]}] {node.get('url', '')}"]
        if kind == "icon":
            return ["•"]
        if kind == "separator":
            return [] if inline else [RULE]
        return []  # filler, spacer, unknown


def _sub(subs: dict[str, Any], key: str) -> str:
    kind = subs.get(key, {}).get("type")
    return f"@{key}" if kind == "mention" else "(emoji)" if kind == "emoji" else f"{{{key}}}"


def _imagemap_action(a: dict[str, Any]) -> dict[str, Any]:
    return {**a, "uri": a.get("linkUri")} if a.get("type") == "uri" else a


def render_message(message: dict[str, Any]) -> RenderedMessage:
    """Render one LINE message object as text lines, inline choices and quick reply items."""
    r = _Renderer()
    lines = r.message(message)
    items = message.get("quickReply", {}).get("items", [])
    quick = [Choice(_label(i.get("action", {})), i.get("action", {})) for i in items]
    return RenderedMessage(lines, r.choices, quick)
