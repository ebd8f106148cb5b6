"""What the chat console says of itself: its help, and how it marks the chat a message is in."""

from __future__ import annotations

import re

BANNER = """\
แชตกับบอทเครือข่ายคุณธรรมผ่าน LINE จำลอง / Chat with the moral-network bot (LINE emulator)
  พิมพ์ข้อความแล้วกด Enter เพื่อส่ง · พิมพ์หมายเลข เช่น 2 เพื่อแตะตัวเลือก [2]
  Type a message and press Enter · type a number (e.g. 2) to tap choice [2]
  /sticker  /image ไฟล์.jpg  /follow  /unfollow  /say 3 (ส่ง "3" เป็นข้อความ / send "3" as text)
  Enter เปล่า = ดูข้อความใหม่ / empty line: check for new messages · /help
  กลุ่ม LINE (--group C...): /as ชื่อ = พิมพ์ในนามสมาชิกคนอื่น / speak as another member,
  /as = ใครอยู่ในกลุ่ม / who is here, /dm = แชตส่วนตัวกับบอท / 1:1 chat, /group = กลับเข้ากลุ่ม,
  /join = บอทถูกเชิญเข้ากลุ่ม / the bot is added to the group · /wait 10 = รอข้อความ / wait for messages
  ออก / quit: /quit หรือ/or Ctrl-D"""
GROUP_ID = re.compile(r"^C[0-9a-f]{32}$")  # LINE refuses any other shape
ELSEWHERE = {"group": "(กลุ่ม/group) ", "dm": "(แชตส่วนตัว/1:1) "}
