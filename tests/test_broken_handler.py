"""A handler that raises (issue 16, item 3): attempts counted, then failed with one apology, never a loop."""

from __future__ import annotations

import logging
import time

import pytest
from sqlalchemy import select

from bot import create_app
from handlers.registry import Command
from messages.catalog import text as catalog_text
from storage import members
from storage.models import Delivery, InboxEvent
from tests.conftest import ServedApp
from tests.members import join

BROKEN, CUT = "พังแน่นอน", "พังและหลุด"


def broken(event, ctx):
    """Change the member's name (it must be rolled back), then fail like a bug would."""
    members.find(ctx.session, ctx.user_id).display_name = "ไม่ควรถูกบันทึก"
    ctx.session.flush()
    if event.message.text == CUT:
        # Worse: the database connection is lost mid-handling, so this transaction cannot go on.
        ctx.session.connection().invalidate()
    raise RuntimeError(f"broken on {event.message.text!r} for {ctx.user_id}")


@pytest.fixture
def broken_bot(live_config, emulator):
    """The bot over real HTTP with one deliberately broken command registered."""
    application = create_app(live_config)
    bot = application.extensions["bot"]
    bot.processor.router.registry.add(Command("broken", broken, (BROKEN, CUT), access="anyone"))
    bot.start()
    served = ServedApp(application)
    emulator.state.webhook_url = served.url + "/callback"
    yield bot
    served.stop()
    bot.close()


@pytest.mark.parametrize("said", [BROKEN, CUT])
def test_a_raising_handler_ends_failed_after_its_attempts_with_one_apology(
    said, broken_bot, line, db, caplog
):
    caplog.set_level(logging.INFO)
    member = join(line, db, "สมศรี")
    line.send_text(member, said)
    line.send_text(member, "ช่วยเหลือ")  # the same lane, after the broken one
    apology, help_card = line.wait_for_messages(member, since=0, count=2, timeout=20)
    time.sleep(1.5)  # several sweeps: a looping event would be tried (and logged) again

    assert apology["message"]["text"] == catalog_text("error.sorry", "th")
    assert "บันทึกกิจกรรม" in help_card["message"]["text"]
    assert len(line.messages(member, since=0)["messages"]) == 2
    with db.unit_of_work() as session:
        failed = session.scalars(select(InboxEvent).where(InboxEvent.status == "failed")).one()
        assert (failed.attempts, failed.outcome) == (3, "error:RuntimeError")
        assert session.scalars(select(InboxEvent.status)).all().count("done") == 1
        assert members.find(session, member).display_name == "สมศรี"  # each attempt rolled back
        assert session.scalars(select(Delivery.status)).all() == ["sent", "sent"]  # no 3rd
    failures = [r for r in caplog.records if r.name == "bot.inbox_failures"]
    assert len(failures) == 3, [r.getMessage() for r in failures]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert member not in logged and said not in logged
