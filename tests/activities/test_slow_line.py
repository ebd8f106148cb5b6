"""A LINE slow to answer the bot's own questions (a photo, a profile) holds up no other member."""

from __future__ import annotations

import base64
import threading
import time

from tests.activities.chat import Phone, photo, stored, texts
from tests.members import join

SLOW = 2.5


def test_a_slow_photo_download_holds_up_no_one_else(bot_server, line, db, clock, tmp_path):
    slow = Phone(line, join(line, db, "สมศรี"))
    other = join(line, db, "สมชาย")
    slow.postback("cmd=log_activity")
    slow.say("ปลูกป่าชุมชน เมื่อวาน 30 คน ออนไลน์")
    slow.tap("2 การมีส่วนร่วม")
    slow.tap("เสร็จ")
    line.add_fault(path="/v2/bot/message/*", method="GET", delay=SLOW, times=1)
    image = {
        "type": "image",
        "contentBase64": base64.b64encode(photo(tmp_path).read_bytes()).decode(),
    }
    sending = threading.Thread(target=line.send, args=(slow.user_id, image))
    sending.start()
    time.sleep(0.5)  # the photo's download is under way, LINE taking its time
    seen = line.messages(other)["next"]
    started = time.monotonic()
    acked = line.send_text(other, "สวัสดีค่ะ")
    answer = line.wait_for_messages(other, since=seen, timeout=SLOW)
    waited = time.monotonic() - started
    sending.join()
    assert acked["status"] == 200 and acked["elapsed"] < 1.0
    assert answer and waited < SLOW - 1.0  # answered while the photo was still on its way
    arrived = line.wait_for_messages(slow.user_id, since=slow.seen, timeout=10)
    assert "ได้รับรูปแล้ว 1 รูปค่ะ" in texts([m["message"] for m in arrived])
    slow.seen = arrived[-1]["seq"] + 1
    slow.last = [m["message"] for m in arrived]
    slow.tap("เสร็จ")
    slow.tap("บันทึก")
    [activity] = stored(db, slow.user_id)
    assert len(activity.photos) == 1  # fetched once, outside the transaction, and kept
