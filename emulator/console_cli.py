"""The chat console's command line: its options, the interactive loop, a script played."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from emulator.console import Session, run_script
from emulator.console_words import BANNER, GROUP_ID

DESCRIPTION = "Chat with the bot as a simulated LINE user (or several, in a LINE group) through the local emulator."


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m emulator.console", description=DESCRIPTION)
    p.add_argument("--emulator-url", default="http://127.0.0.1:8001")
    p.add_argument("--name", help="display name of the simulated user")
    p.add_argument("--user-id", help="LINE user id (default: made by the emulator)")
    p.add_argument("--lang", default="th", help="the user's language (default th)")
    p.add_argument("--script", type=Path, help="play the inputs in FILE, then exit")
    p.add_argument("--transcript", type=Path, help="write the transcript to OUT")
    p.add_argument("--wait", type=float, default=5.0, help="seconds to wait for answers")
    p.add_argument("--no-follow", action="store_true", help="do not send a follow event first")
    p.add_argument("--group", metavar="C...", help="speak in this LINE group (C + 32 hex digits); "
                   "/as NAME speaks as another member, /dm and /group switch chats")  # fmt: skip
    p.add_argument("--group-name", default="กลุ่มทดสอบ", help="the group's name (LINE's summary)")
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
        line = _ask(
            f"{session.name}@{'กลุ่ม' if session.in_group else '1:1'}> " if session.group else "> "
        )
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
    if args.group and not GROUP_ID.match(args.group):
        print("! --group ต้องเป็น C ตามด้วยเลขฐานสิบหก 32 ตัว / must be C + 32 lower-case hex digits")
        return 2
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
    name = name or "สมาชิกทดสอบ"
    if args.group:
        client.set_group(args.group, args.group_name, (user_id,))
    if args.script:
        inputs = args.script.read_text(encoding="utf-8").splitlines()
        follow = [] if args.no_follow else ["/follow"]
        text = run_script(client, user_id, follow + inputs, args.wait, args.group, name)
    else:
        session = Session(client, user_id, args.wait, ask=_ask, show=print, group=args.group,
                          name=name)  # fmt: skip
        _interact(session, follow=not args.no_follow)
        text = "".join(f"{line}\n" for line in session.transcript)
    if args.transcript:
        args.transcript.write_text(text, encoding="utf-8")
    elif args.script:
        sys.stdout.write(text)
    return 0
