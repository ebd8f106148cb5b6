"""Chat with the bot as a simulated LINE user through the local emulator."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from emulator.console_words import BANNER, ELSEWHERE
from emulator.render import Choice, image_payload, render_message

QUIET = 0.5  # stop waiting this long after the last new message
POLL = 0.1


class Session:
    """Drive one simulated user: send inputs, collect and render the bot's answers."""

    def __init__(
        self,
        client: Any,
        user_id: str,
        wait: float,
        ask: Callable[[str], str | None],
        show: Callable[[str], None] | None = None,
        group: str | None = None,
        name: str | None = None,
    ) -> None:
        self.client, self.user_id, self.wait = client, user_id, wait
        self.ask, self.show = ask, show
        self.transcript: list[str] = []
        self.choices: list[Choice | None] = []
        self.choice_chats: list[str] = []  # where each choice was shown: a tap is sent from there
        # In a group, events come from the group (the speaker's id with them); the console shows
        # what the group sees and, marked, what the bot says to the speaker alone.
        self.group, self.in_group = group, group is not None
        self.people: dict[str, str] = {name or user_id: user_id}
        self.since: dict[str, int] = {}
        self._fetch()  # start after what the feeds already hold

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
        elif command == "/wait":  # a script waits for what the clock sends later
            self.collect(float(rest) if rest.strip().replace(".", "", 1).isdigit() else self.wait)
        elif self.group and command == "/as":
            self.speak_as(rest.strip())
        elif self.group and s in ("/dm", "/group"):
            self.in_group = s == "/group"
            self.emit(f"* {'ในกลุ่ม / in the group' if self.in_group else 'แชตส่วนตัว / 1:1 chat'}")
        elif self.group and s == "/join":
            event = {"type": "join", "source": {"type": "group", "groupId": self.group}}
            self.send({"type": "raw", "event": event}, s)
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
        choice, chat = self.choices[number - 1], self.choice_chats[number - 1]
        if choice is None:
            self.emit(f"! [{number}] อยู่ในแชตส่วนตัวของสมาชิกอีกคน / in another member's 1:1 chat")
            return
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
            self.send(tap.payload, None, in_group=chat == self.group)

    def speak_as(self, name: str) -> None:
        """Speak as another member of the group (made, and put in the group, when new)."""
        if not name:
            self.emit("* " + ", ".join(self.people) + f" (พิมพ์ในนาม/speaking as: {self.name})")
            return
        if name not in self.people:
            try:
                user = self.client.add_user(name)
                self.people[name] = user["userId"]
                self.client.set_group(self.group, None, (user["userId"],))
            except Exception as exc:  # the console keeps running whatever the emulator says
                self.emit(f"! เพิ่มสมาชิกไม่สำเร็จ / could not add {name}: {exc}")
                return
        self.user_id = self.people[name]
        self.since.setdefault(self.user_id, self._next(self.user_id))
        # What the group sees stays tappable; the last speaker's private buttons are theirs.
        self.choices = [c if at == self.group else None
                        for c, at in zip(self.choices, self.choice_chats, strict=True)]  # fmt: skip
        self.emit(f"* ตอนนี้พิมพ์ในนาม {name} / now speaking as {name}")

    @property
    def name(self) -> str:
        return next(n for n, uid in self.people.items() if uid == self.user_id)

    def send(
        self, payload: dict[str, Any], echo: str | None, wait: bool = True,
        in_group: bool | None = None,
    ) -> None:  # fmt: skip
        """Send one user event (from the group, in group mode) and show what the bot answers."""
        if echo is not None:
            self.emit(f"> {echo}", typed=True)
        in_group = self.in_group if in_group is None else in_group
        if in_group and payload["type"] not in ("follow", "unfollow", "raw"):
            payload = {**payload, "source": {"type": "group", "groupId": self.group,
                                             "userId": self.user_id}}  # fmt: skip
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
            entries = self._fetch()
            now = time.monotonic()
            if entries:
                batch, last = batch + [(c, m.get("message", m)) for c, m in entries], now
            replied = answering is not None and any(
                m.get("replyToken") == answering for _, m in entries
            )
            if replied or now >= deadline or (last is not None and now - last >= QUIET):
                break
            time.sleep(POLL)
        if batch:
            self.show_batch(batch)

    def show_batch(self, messages: list[tuple[str, dict[str, Any]]]) -> None:
        """Print a batch of bot messages, numbering choices across it as the new choices."""
        self.choices, self.choice_chats = [], []
        for i, (chat, message) in enumerate(messages):
            rendered = render_message(message)
            first, *more = rendered.text(start=len(self.choices) + 1).split("\n")
            self.choices += rendered.choices
            if i == len(messages) - 1 and rendered.quick_replies:  # LINE shows only the last
                n = len(self.choices) + 1
                items = [f"[{n + j}] {c.label}" for j, c in enumerate(rendered.quick_replies)]
                more.append("ตอบด่วน/quick reply: " + " | ".join(items))
                self.choices += rendered.quick_replies
            self.choice_chats += [chat] * (len(self.choices) - len(self.choice_chats))
            here = self.group if self.in_group else self.user_id
            mark = "" if chat == here else ELSEWHERE["group" if chat == self.group else "dm"]
            self.emit(f"< {mark}{first}".rstrip())
            for line in more:
                self.emit(f"  {line}".rstrip())

    def _fetch(self) -> list[tuple[str, dict[str, Any]]]:
        """The feed entries since last time, each with its chat: the group's, the speaker's."""
        found, seen = [], set()
        for chat in filter(None, (self.group, self.user_id)):
            items, self.since[chat] = self._read(chat, self.since.get(chat, 0))
            for item in items:
                # The emulator shows a reply in a group to the group and to the one who spoke.
                if item.get("id") is None or item["id"] not in seen:
                    found.append((chat, item))
                seen.add(item.get("id"))
        return found

    def _next(self, chat: str) -> int:
        return self._read(chat, 0)[1]

    def _read(self, chat: str, since: int) -> tuple[list[dict[str, Any]], int]:
        answer = self.client.messages(chat, since=since)
        if isinstance(answer, dict):
            return answer.get("messages", []), answer.get("next", since)
        items = list(answer)
        return items, max([since - 1, *(m.get("seq", 0) for m in items)]) + 1


def _script_lines(inputs: list[str]) -> Iterator[str]:
    for line in inputs:
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.rstrip("\n")


def run_script(
    client: Any, user_id: str, inputs: list[str], wait: float, group: str | None = None,
    name: str | None = None,
) -> str:  # fmt: skip
    """Play inputs as typed by user_id (in a LINE group if given); return the transcript."""
    lines = _script_lines(inputs)
    session = Session(client, user_id, wait, ask=lambda _prompt: next(lines, None), group=group,
                      name=name)  # fmt: skip
    for line in lines:
        if not session.handle(line):
            break
    return "".join(f"{line}\n" for line in session.transcript)


def main(argv: list[str] | None = None) -> int:
    """Run the chat console (interactive, or scripted with --script)."""
    from emulator.console_cli import main as run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
