"""Chat with the bot as a simulated LINE user through the local emulator."""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from emulator.render import Choice, image_payload, render_message

QUIET = 0.5  # stop waiting this long after the last new message
POLL = 0.1
BANNER = """\
แชตกับบอทเครือข่ายคุณธรรมผ่าน LINE จำลอง / Chat with the moral-network bot (LINE emulator)
  พิมพ์ข้อความแล้วกด Enter เพื่อส่ง · พิมพ์หมายเลข เช่น 2 เพื่อแตะตัวเลือก [2]
  Type a message and press Enter · type a number (e.g. 2) to tap choice [2]
  /sticker  /image ไฟล์.jpg  /follow  /unfollow  /say 3 (ส่ง "3" เป็นข้อความ / send "3" as text)
  Enter เปล่า = ดูข้อความใหม่ / empty line: check for new messages · /help
  ออก / quit: /quit หรือ/or Ctrl-D"""


class Session:
    """Drive one simulated user: send inputs, collect and render the bot's answers."""

    def __init__(
        self,
        client: Any,
        user_id: str,
        wait: float,
        ask: Callable[[str], str | None],
        show: Callable[[str], None] | None = None,
    ) -> None:
        self.client, self.user_id, self.wait = client, user_id, wait
        self.ask, self.show = ask, show
        self.transcript: list[str] = []
        self.choices: list[Choice] = []
        self.since = 0
        self.since = self._fetch()[1]  # start after what the feed already holds

    def emit(self, line: str, typed: bool = False) -> None:
        """Record a transcript line and show it unless the user just typed it."""
        self.transcript.append(line)
        if self.show and not typed:
            self.show(line)

    def handle(self, line: str) -> bool:
        """Act on one input line as typed; return False when the user quits."""
        s = line.strip()
        command, _, rest = s.partition(" ")
        if not s:
            self.collect(QUIET)
        elif s in ("/quit", "/exit"):
            return False
        elif s == "/help":
            self.emit(BANNER)
        elif s.isascii() and s.isdigit() and 1 <= int(s) <= len(self.choices):
            self.pick(int(s))
        elif s == "/sticker":
            self.send({"type": "sticker"}, s)
        elif command == "/image" and rest:
            try:
                self.send(image_payload(rest.strip()), s)
            except ValueError as exc:
                self.emit(f"! {exc}")
        elif s in ("/follow", "/unfollow"):
            self.send({"type": s[1:]}, s, wait=s == "/follow")
        elif command == "/say" and rest:
            self.send({"type": "text", "text": rest}, rest)
        else:
            self.send({"type": "text", "text": s}, s)
        return True

    def pick(self, number: int) -> None:
        """Tap choice number of the latest batch, asking for input the action needs."""
        choice = self.choices[number - 1]
        answer = None
        if choice.prompt:
            answer = self.ask(choice.prompt)
            if answer is None:
                self.emit(f"! [{number}] {choice.label}: ยกเลิก / cancelled")
                return
        try:
            tap = choice.tap(answer)
        except ValueError as exc:
            self.emit(f"! [{number}] {choice.label}: {exc}")
            return
        self.emit(f"> [{number}] {tap.said}")
        if tap.note:
            self.emit(f"* {tap.note}")
        if tap.payload:
            self.send(tap.payload, None)

    def send(self, payload: dict[str, Any], echo: str | None, wait: bool = True) -> None:
        """Send one user event through the emulator and show what the bot answers."""
        if echo is not None:
            self.emit(f"> {echo}", typed=True)
        try:
            result = self.client.send(self.user_id, payload)
        except Exception as exc:  # the console keeps running whatever the emulator says
            self.emit(f"! ส่งไม่สำเร็จ / send failed: {exc}")
            return
        status = result.get("status") if isinstance(result, dict) else None
        if status == 0:
            self.emit(f"! ส่งถึงบอทไม่ได้ / the bot is unreachable: {result.get('error', '')}")
        elif status not in (None, 200):
            self.emit(f"! บอทตอบ HTTP {status} / the bot answered HTTP {status}")
        if wait:
            event = result.get("event") if isinstance(result, dict) else None
            self.collect(self.wait, (event or {}).get("replyToken"))

    def collect(self, wait: float, answering: str | None = None) -> None:
        """Wait up to wait seconds for the bot's messages and print them as one batch.

        With `answering` (the reply token of the event just sent) it stops once that reply is in:
        LINE shows a reply's messages together, so nothing of the answer is still to come.
        """
        deadline, last, batch = time.monotonic() + wait, None, []
        while True:
            entries, self.since = self._fetch()
            now = time.monotonic()
            if entries:
                batch, last = batch + [m.get("message", m) for m in entries], now
            replied = answering is not None and any(
                m.get("replyToken") == answering for m in entries
            )
            if replied or now >= deadline or (last is not None and now - last >= QUIET):
                break
            time.sleep(POLL)
        if batch:
            self.show_batch(batch)

    def show_batch(self, messages: list[dict[str, Any]]) -> None:
        """Print a batch of bot messages, numbering choices across it as the new choices."""
        self.choices = []
        for i, message in enumerate(messages):
            rendered = render_message(message)
            first, *more = rendered.text(start=len(self.choices) + 1).split("\n")
            self.choices += rendered.choices
            if i == len(messages) - 1 and rendered.quick_replies:  # LINE shows only the last
                n = len(self.choices) + 1
                items = [f"[{n + j}] {c.label}" for j, c in enumerate(rendered.quick_replies)]
                more.append("ตอบด่วน/quick reply: " + " | ".join(items))
                self.choices += rendered.quick_replies
            self.emit(f"< {first}".rstrip())
            for line in more:
                self.emit(f"  {line}".rstrip())

    def _fetch(self) -> tuple[list[dict[str, Any]], int]:
        since = self.since
        answer = self.client.messages(self.user_id, since=since)
        if isinstance(answer, dict):
            items, since = answer.get("messages", []), answer.get("next", since)
        else:
            items = list(answer)
            since = max([since - 1, *(m.get("seq", 0) for m in items)]) + 1
        return items, since


def _script_lines(inputs: list[str]) -> Iterator[str]:
    for line in inputs:
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.rstrip("\n")


def run_script(client: Any, user_id: str, inputs: list[str], wait: float) -> str:
    """Play inputs as typed by user_id and return the plain-text transcript."""
    lines = _script_lines(inputs)
    session = Session(client, user_id, wait, ask=lambda _prompt: next(lines, None))
    for line in lines:
        if not session.handle(line):
            break
    return "".join(f"{line}\n" for line in session.transcript)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m emulator.console", description=__doc__)
    p.add_argument("--emulator-url", default="http://127.0.0.1:8001")
    p.add_argument("--name", help="display name of the simulated user")
    p.add_argument("--user-id", help="LINE user id (default: made by the emulator)")
    p.add_argument("--lang", default="th", help="the user's language (default th)")
    p.add_argument("--script", type=Path, help="play the inputs in FILE, then exit")
    p.add_argument("--transcript", type=Path, help="write the transcript to OUT")
    p.add_argument("--wait", type=float, default=5.0, help="seconds to wait for answers")
    p.add_argument("--no-follow", action="store_true", help="do not send a follow event first")
    return p


def _ask(prompt: str) -> str | None:
    try:
        return input(prompt)
    except (EOFError, KeyboardInterrupt):
        print()
        return None


def _interact(session: Session, follow: bool) -> None:
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing and history for input())
    print(BANNER)
    if follow:
        print("> /follow")
        session.handle("/follow")
    while True:
        line = _ask("> ")
        try:
            if line is None or not session.handle(line):
                return
        except KeyboardInterrupt:  # Ctrl-C while waiting for the bot
            print()
            return


def main(argv: list[str] | None = None) -> int:
    """Run the chat console (interactive, or scripted with --script)."""
    from emulator.client import EmulatorClient

    args = _parser().parse_args(argv)
    for stream in (sys.stdout, sys.stdin):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    client = EmulatorClient(args.emulator_url)
    name = args.name or ("สมาชิกทดสอบ" if args.script else _ask("ชื่อที่แสดง / display name: "))
    try:
        user = client.add_user(name or "สมาชิกทดสอบ", user_id=args.user_id, language=args.lang)
    except Exception as exc:  # most often: the emulator is not running
        print(f"! ติดต่อ emulator ที่ {args.emulator_url} ไม่ได้ / cannot reach it: {exc}")
        return 2
    user_id = user["userId"] if isinstance(user, dict) else str(user)
    if args.script:
        inputs = args.script.read_text(encoding="utf-8").splitlines()
        follow = [] if args.no_follow else ["/follow"]
        text = run_script(client, user_id, follow + inputs, args.wait)
    else:
        session = Session(client, user_id, args.wait, ask=_ask, show=print)
        _interact(session, follow=not args.no_follow)
        text = "".join(f"{line}\n" for line in session.transcript)
    if args.transcript:
        args.transcript.write_text(text, encoding="utf-8")
    elif args.script:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
