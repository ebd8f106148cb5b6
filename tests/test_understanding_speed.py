"""Understanding adds under 2 ms a message, and nothing of it loads at import time."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from handlers.understanding import words
from tests.router_chat import Chat, shared_router
from tests.test_understanding_corpus import load_corpus


def test_nothing_is_loaded_at_import_and_warming_loads_the_tokenizer():
    script = (
        "import sys\n"
        "import bot, handlers.router, handlers.midflow\n"
        "from handlers import handler_modules\n"
        "from handlers.registry import build_registry\n"
        "router = handlers.router.Router(build_registry(handler_modules()))\n"
        "assert 'pythainlp' not in sys.modules, 'the tokenizer loaded at import'\n"
        "router.warm()\n"
        "assert 'pythainlp.tokenize' in sys.modules\n"
        "assert router.understanding._keys\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def cpu_seconds() -> float:
    """Read this thread's CPU seconds: what a message costs, not how busy the machine is."""
    return time.thread_time()


def _per_message(run, texts: list[str], rounds: int = 3) -> float:
    timings = []
    for _ in range(rounds):
        words._words.cache_clear()  # each message is new: no round reads the one before's words
        shared_router().understanding.read.cache_clear()  # nor the meaning it found
        started = cpu_seconds()
        for said in texts:
            run(said)
        timings.append((cpu_seconds() - started) / len(texts))
    return min(timings) * 1000


def _fastest(chat: Chat, said: str, rounds: int = 15) -> float:
    """Milliseconds the router takes to answer `said`, at its fastest (the least disturbed run)."""
    timings = []
    for _ in range(rounds):
        shared_router().understanding.read.cache_clear()  # a text never read before, each time
        started = cpu_seconds()
        chat.say(said)
        timings.append((cpu_seconds() - started) * 1000)
    assert chat.outcome.startswith("command:")
    return min(timings)


def test_understanding_adds_under_two_milliseconds_a_message(db, tmp_path, capsys):
    router = shared_router()
    router.warm()
    texts = [phrasing for _, phrasing in load_corpus()]
    understanding = _per_message(router.understanding.read, texts)
    # Beside it, the router alone answering exact keywords (no understanding needed), and the
    # same commands asked for naturally (understood first): the difference is what it adds.
    chat = Chat(db, tmp_path)
    pairs = [("สรุปของฉัน", "ขอดูสรุปของฉันหน่อยค่ะ"), ("กิจกรรมของฉัน", "ขอดูกิจกรรมของฉันค่ะ"),
             ("ประชุมของฉัน", "มีประชุมไหมคะ"), ("ช่วยเหลือ", "ช่วยด้วยค่ะ ใช้ยังไง"),
             ("ข้อมูลของฉัน", "ขอดูข้อมูลของฉันหน่อยครับ")]  # fmt: skip
    alone = sum(_fastest(chat, keyword) for keyword, _ in pairs) / len(pairs)
    understood = sum(_fastest(chat, natural) for _, natural in pairs) / len(pairs)
    samples = []
    router.understanding.read.cache_clear()
    for said in texts[:60]:
        started = cpu_seconds()
        router.understanding.read(said)
        samples.append((cpu_seconds() - started) * 1000)
    slowest = statistics.quantiles(samples, n=20)[-1]
    with capsys.disabled():
        print(f"\nunderstanding {understanding:.3f} ms/message (p95 {slowest:.3f} ms); "
              f"router alone on exact keywords {alone:.2f} ms/message, "
              f"asked naturally {understood:.2f} ms/message")  # fmt: skip
    assert understanding < 2.0
    assert understood - alone < 2.0


def test_a_text_read_again_is_not_scored_again():
    understanding = shared_router().understanding
    understanding.read.cache_clear()
    first = understanding.read("บันทึกกิจกรรมหน่อยครับ")
    again = understanding.read("บันทึกกิจกรรมหน่อยครับ")
    assert again == first and first.intent == "log_activity"
    assert understanding.read.cache_info().hits == 1
    assert understanding.read("บันทึกกิจกรรมหน่อยครับ", whole=True) is not None
    assert understanding.read.cache_info().misses == 2  # `whole` reads differently: its own entry


def test_understanding_an_answer_at_a_step_adds_under_two_milliseconds(capsys):
    """What a typed answer at a step goes through before the step reads it: go back?, which
    button (loosely and exactly), the card guard, and the readers of short answers."""
    from handlers.understanding.answers import number_said, without_particles, yes_or_no
    from handlers.understanding.buttons import button_for
    from handlers.understanding.controls import control_said
    from handlers.understanding.meaning import key_of
    from tests.test_understanding_inflow_corpus import load_inflow

    shared_router().warm()
    buttons = [(("1 ยังไม่เริ่ม", ""), "1"), (("3 ทำได้บางส่วน", ""), "3"),
               (("ประชาสังคมคุณธรรม", ""), "civil"), (("เด็กและเยาวชนคุณธรรม", ""), "youth"),
               (("บันทึก", ""), "save"), (("ไม่มีรูป", ""), "done")]  # fmt: skip

    def answer(said: str) -> None:
        control_said(said)
        button_for(said, buttons)
        button_for(said, buttons, loose=False)
        key_of(said)
        without_particles(said)
        number_said(said)
        yes_or_no(said, ("ลบ",))

    texts = [phrasing for _, _, phrasing in load_inflow()]
    per_message = _per_message(answer, texts)
    with capsys.disabled():
        print(f"\nan answer at a step: {per_message:.3f} ms/message")
    assert per_message < 2.0
