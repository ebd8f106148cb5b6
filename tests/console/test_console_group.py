"""The console in a LINE group: events come from the group with the speaker's id, /as changes the
speaker, /dm and /group switch chats, and what the group sees is shown apart from the 1:1 chat."""

from __future__ import annotations

from emulator import console
from emulator.console import run_script
from tests.console.test_console_e2e import chat  # noqa: F401 - the stub bot and the emulator

GROUP = "C" + "1f" * 16


def test_two_members_speak_in_a_group_and_one_in_private(chat):  # noqa: F811
    client, events = chat
    somsri = client.add_user("สมศรี")["userId"]
    client.set_group(GROUP, "เครือข่ายคุณธรรมเชียงราย", (somsri,))
    inputs = [
        "สวัสดีค่ะ",
        "/as สมชาย",
        "ไปไม่ได้ค่ะ ติดธุระ",
        "1",
        "/dm",
        "ขอบคุณครับ",
        "/as",
        "/as สมศรี",
        "1",
    ]
    transcript = run_script(client, somsri, inputs, wait=1.5, group=GROUP, name="สมศรี")
    assert transcript.splitlines() == [
        "> สวัสดีค่ะ",
        "< ได้รับ: สวัสดีค่ะ",
        "  ตอบด่วน/quick reply: [1] ถอดบทเรียน | [2] ให้คะแนน",
        "* ตอนนี้พิมพ์ในนาม สมชาย / now speaking as สมชาย",
        "> ไปไม่ได้ค่ะ ติดธุระ",
        "< ได้รับ: ไปไม่ได้ค่ะ ติดธุระ",
        "  ตอบด่วน/quick reply: [1] ถอดบทเรียน | [2] ให้คะแนน",
        "> [1] ถอดบทเรียน",
        "< ได้รับ: ถอดบทเรียน",
        "  ตอบด่วน/quick reply: [1] ถอดบทเรียน | [2] ให้คะแนน",
        "* แชตส่วนตัว / 1:1 chat",
        "> ขอบคุณครับ",
        "< ได้รับ: ขอบคุณครับ",
        "  ตอบด่วน/quick reply: [1] ถอดบทเรียน | [2] ให้คะแนน",
        "* สมศรี, สมชาย (พิมพ์ในนาม/speaking as: สมชาย)",
        "* ตอนนี้พิมพ์ในนาม สมศรี / now speaking as สมศรี",
        # สมชาย's private buttons are not hers to tap.
        "! [1] อยู่ในแชตส่วนตัวของสมาชิกอีกคน / in another member's 1:1 chat",
    ]
    somchai = next(u["userId"] for u in client.users() if u["displayName"] == "สมชาย")
    sources = [e["source"] for e in events]
    assert sources == [
        {"type": "group", "groupId": GROUP, "userId": somsri},
        {"type": "group", "groupId": GROUP, "userId": somchai},
        {"type": "group", "groupId": GROUP, "userId": somchai},
        {"type": "user", "userId": somchai},
    ]
    # The group's replies went to the group, the private one to สมชาย alone.
    in_group = [m["message"]["text"] for m in client.messages(GROUP)["messages"]]
    assert in_group == ["ได้รับ: สวัสดีค่ะ", "ได้รับ: ไปไม่ได้ค่ะ ติดธุระ", "ได้รับ: ถอดบทเรียน"]
    # The new member is in the group as LINE's member endpoints see it.
    assert client.set_group(GROUP, "เครือข่ายคุณธรรมเชียงราย")["members"] == sorted([somsri, somchai])


def test_a_group_id_of_the_wrong_shape_is_refused_before_anything_is_sent(capsys):
    assert console.main(["--group", "C123", "--name", "สมศรี", "--script", "/dev/null"]) == 2
    assert "C + 32 lower-case hex digits" in capsys.readouterr().out


def test_help_names_the_group_mode(capsys):
    try:
        console.main(["--help"])
    except SystemExit as done:
        assert done.code == 0
    said = capsys.readouterr().out
    assert "--group C..." in said and "/as NAME" in said
