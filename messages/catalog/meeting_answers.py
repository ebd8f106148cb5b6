"""Texts of meeting answers beyond the card: groups, names behind counts, reminding, quota, words."""

ENTRIES = {
    # LINE groups
    "meeting.words.already": {
        "th": "คุณตอบ “{answer}” นัด “{title}” ({when}) ไว้แล้วค่ะ ไม่ต้องตอบซ้ำ",
        "en": "You have already answered “{answer}” to “{title}” ({when}).",
    },
    "meeting.audience.group_named": {"th": "กลุ่ม {name}", "en": "Group {name}"},
    "meeting.card.group_answer_note": {
        "th": "แตะปุ่มเพื่อตอบได้เลยค่ะ คำตอบขึ้นในกลุ่มในนามของคุณ น้องคุณธรรมบันทึกเงียบ ๆ "
        "ไม่ตอบในกลุ่ม ดูคำตอบของคุณได้ที่ ประชุมของฉัน ในแชตส่วนตัว",
        "en": "Tap a button to answer: your answer shows in the group as yours and is saved "
        "quietly, with no reply. See it in My meetings in your private chat with the bot.",
    },
    "meeting.group.rsvp_anonymous": {
        "th": "ขออภัยค่ะ LINE ไม่ได้บอกน้องคุณธรรมว่าใครตอบ คำตอบนี้จึงยังไม่ถูกบันทึก "
        "กรุณาตอบในแชตส่วนตัว: พิมพ์ ประชุมของฉัน",
        "en": "Sorry, LINE did not say who answered, so this was not saved. Please answer in "
        "your private chat with the bot: type My meetings.",
    },
    "meeting.group.words_saved": {
        "th": "รับทราบค่ะ บันทึกคำตอบของคุณ{name}: {answer} “{title}” ({when}) เปลี่ยนได้ที่ปุ่มบนการ์ดนัดค่ะ",
        "en": "Noted, {name}: {answer} for “{title}” ({when}). Change it on the meeting card.",
    },
    "meeting.group.rsvp_not_registered": {
        "th": "ขออภัยค่ะ ยังบันทึกคำตอบนี้ไม่ได้ ผู้ตอบต้องเพิ่มน้องคุณธรรมเป็นเพื่อนและลงทะเบียนก่อน "
        "แล้วแตะปุ่มบนการ์ดอีกครั้งนะคะ",
        "en": "Sorry, this answer could not be saved: add the bot as a friend and register first, "
        "then tap the card's button again.",
    },
    "meeting.group.rsvp_closed": {
        "th": "“{title}” ไม่รับคำตอบแล้วค่ะ (ยกเลิกหรือเริ่มไปแล้ว)",
        "en": "“{title}” takes no more answers (cancelled or already started).",
    },
    "meeting.group.waiting_unnamed": {
        "th": "ยังไม่ตอบในกลุ่ม: ประมาณ {count} คน (LINE ไม่บอกรายชื่อสมาชิกกลุ่ม)",
        "en": "Not yet answered in the group: about {count} (LINE does not list a group's members)",
    },
}
ENTRIES.update(
    {
        # เตือนคนที่ยังไม่ตอบ
        "meeting.nudge.button": {"th": "เตือนคนที่ยังไม่ตอบ", "en": "Remind no-answers"},
        "meeting.nudge.button_titled": {"th": "เตือน: {title}", "en": "Remind: {title}"},
        "meeting.nudge.ask": {
            "th": "ส่งการ์ดเตือนให้ตอบรับ “{title}” ถึงคนที่ยังไม่ตอบไหมคะ?",
            "en": "Send a reminder to answer “{title}” to those who have not answered?",
        },
        "meeting.nudge.who": {
            "th": "ผู้รับ {count} คน: {names}",
            "en": "{count} recipients: {names}",
        },
        "meeting.nudge.more": {"th": " และอีก {count} คน", "en": " and {count} more"},
        "meeting.nudge.who_group": {
            "th": "ผู้รับ: ส่งการ์ดในกลุ่ม LINE (LINE คิดข้อความตามจำนวนสมาชิกในกลุ่ม)",
            "en": "Recipients: the card is posted in the LINE group (LINE counts each member)",
        },
        "meeting.nudge.cost": {"th": "ใช้ {messages} ข้อความ", "en": "Uses {messages} messages"},
        "meeting.nudge.send": {"th": "ส่งเตือนเลย", "en": "Send reminder"},
        "meeting.nudge.over": {
            "th": "โควตาไม่พอค่ะ: ต้องใช้ {messages} ข้อความ แต่โควตา {month} เหลือ {left} ข้อความ "
            "(หักที่วางแผนส่งไว้แล้ว) ยังไม่ได้ส่งอะไรค่ะ",
            "en": "Not enough quota: this needs {messages} messages, {left} are left in {month} "
            "(after sends already planned). Nothing was sent.",
        },
        "meeting.nudge.planned": {
            "th": "กำลังส่งการ์ดเตือน “{title}” ถึงคนที่ยังไม่ตอบค่ะ (ใช้ {messages} ข้อความ) "
            "ดูผลได้ที่ รายงานการส่ง",
            "en": "Sending the reminder for “{title}” to those who have not answered "
            "({messages} messages). See the Delivery report.",
        },
        "meeting.nudge.planned_held": {
            "th": "จะส่งการ์ดเตือน “{title}” ถึงคนที่ยังไม่ตอบ{when}ค่ะ (ใช้ {messages} ข้อความ) "
            "เพราะไม่ส่งข้อความช่วงกลางคืน 20:00–08:00 น. ดูผลได้ที่ รายงานการส่ง",
            "en": "The reminder for “{title}” goes to those who have not answered {when} "
            "({messages} messages), as nothing is sent at night (20:00–08:00). See the Delivery report.",
        },
        "meeting.nudge.already": {
            "th": "เพิ่งสั่งเตือน “{title}” ไปเมื่อไม่ถึงชั่วโมงนี้ค่ะ จึงไม่ส่งซ้ำ",
            "en": "A reminder for “{title}” was asked for less than an hour ago: not sent again.",
        },
        "meeting.nudge.all_answered": {
            "th": "ทุกคนตอบรับ “{title}” แล้วค่ะ ไม่ต้องเตือน",
            "en": "Everyone has answered “{title}”: no reminder needed.",
        },
        "meeting.nudge.none": {
            "th": "ไม่พบนัดประชุมที่กำลังจะมาถึงที่คุณดูแลค่ะ",
            "en": "No upcoming meeting you manage was found.",
        },
        "meeting.header.rsvp_nudge": {
            "th": "🙋 ยังไม่ได้ตอบรับนัดนี้ค่ะ แตะปุ่มด้านล่างได้เลย",
            "en": "🙋 You haven't answered yet: tap a button below",
        },
        "meeting.kind.rsvp_nudge": {"th": "เตือนคนที่ยังไม่ตอบ", "en": "Reminder to answer"},
    }
)
ENTRIES.update(
    {
        # The evening list of the day's declines (bot/declines.py)
        "meeting.declines.heading": {
            "th": "🌙 สรุปวันนี้: ผู้ที่แจ้งว่าไม่สะดวกเข้าร่วม",
            "en": "🌙 Today: who said they cannot come",
        },
        "meeting.declines.line": {
            "th": "• {title} ({when}): ไม่สะดวก {names}",
            "en": "• {title} ({when}): {names}",
        },
        "meeting.declines.footer": {
            "th": "ดูทุกคำตอบได้ที่ รายงานการส่ง",
            "en": "See every answer in the Delivery report.",
        },
    }
)
ENTRIES.update(
    {
        # The month's quota ran out (bot/quota_notices.py)
        "meeting.quota_notice.heading": {
            "th": "⚠️ LINE ไม่ส่งข้อความนัดประชุม: โควตาข้อความของเดือนนี้หมดแล้ว",
            "en": "⚠️ LINE refused a meeting message: this month's message quota is used up",
        },
        "meeting.quota_notice.late_heading": {
            "th": "⚠️ แจ้งช้าค่ะ: โควตาข้อความของเดือนนี้หมด น้องคุณธรรมจึงส่งข้อความหาคุณทันทีไม่ได้ "
            "LINE ไม่ส่งข้อความนัดประชุมต่อไปนี้",
            "en": "⚠️ Told late: the month's quota ran out, so I could not message you at once. "
            "LINE refused these meeting messages",
        },
        "meeting.quota_notice.line": {
            "th": "• {kind} “{title}” ({when}): ส่งไม่ถึง {count} คน",
            "en": "• {kind} “{title}” ({when}): not delivered to {count}",
        },
        "meeting.quota_notice.advice": {
            "th": "บอทจะไม่ลองส่งซ้ำ (ลองใหม่ไม่ช่วยจนกว่าจะขึ้นเดือนใหม่) โปรดแจ้งผู้เข้าร่วมทางอื่น "
            "เช่น กลุ่ม LINE หรือโทรศัพท์ หรือเพิ่มโควตาใน LINE Official Account Manager "
            "ดูรายละเอียดได้ที่ รายงานการส่ง",
            "en": "It will not be retried (retrying cannot help until next month). Please tell "
            "those invited another way, such as a LINE group or a call, or raise the quota in "
            "LINE Official Account Manager. Details in the Delivery report.",
        },
        "meeting.quota_notice.report_told": {
            "th": "   แจ้งผู้นัดเรื่องโควตาหมดแล้ว ({via})",
            "en": "   The organiser was told the quota ran out ({via})",
        },
        "meeting.quota_notice.report_untold": {
            "th": "   ส่งข้อความแจ้งผู้นัดทันทีไม่ได้ (โควตาหมด): แจ้งไว้ในคำตอบแรกที่ผู้นัดพิมพ์หาน้องคุณธรรม "
            "(คำตอบไม่ใช้โควตา)",
            "en": "   The organiser could not be messaged at once (no quota left): they are told in "
            "the first reply to a message of theirs (replies use no quota)",
        },
        "meeting.quota_notice.via_push": {"th": "ส่งข้อความทันที", "en": "a message at once"},
        "meeting.quota_notice.via_reply": {
            "th": "ในคำตอบเมื่อผู้นัดพิมพ์มา",
            "en": "in the reply to their message",
        },
    }
)
ENTRIES.update(
    {
        # Answers typed in the member's own words (handlers/commands/meeting_answer_words.py)
        "meeting.words.none": {
            "th": "ขอบคุณค่ะ ตอนนี้ยังไม่มีนัดประชุมที่รอคำตอบจากคุณ ดูนัดทั้งหมดได้ที่ ประชุมของฉัน",
            "en": "Thank you. There is no meeting waiting for your answer now; see My meetings.",
        },
        "meeting.words.which": {
            "th": "ตอบ “{answer}” สำหรับนัดไหนคะ? แตะชื่อการประชุมด้านล่าง",
            "en": "Which meeting is your “{answer}” for? Tap its name below.",
        },
        "meeting.words.confirm": {
            "th": "ตอบนัด “{title}” ({when}) ใช่ไหมคะ? แตะคำตอบด้านล่าง (ยังไม่ได้บันทึก)",
            "en": "Is this your answer to “{title}” ({when})? Tap it below (nothing saved yet).",
        },
    }
)
