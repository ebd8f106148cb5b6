"""Texts of what meetings send: cards, reminders, notices, RSVPs, delivery reports, linked groups."""

ENTRIES = {
    # What members receive
    "meeting.header.announcement": {"th": "📅 นัดประชุม", "en": "📅 Meeting"},
    "meeting.header.day_before": {"th": "🔔 พรุ่งนี้มีประชุม", "en": "🔔 Meeting tomorrow"},
    "meeting.header.hour_before": {
        "th": "⏰ อีก {minutes} นาทีเริ่มประชุม",
        "en": "⏰ The meeting starts in {minutes} minutes",
    },
    "meeting.header.change_time": {
        "th": "✏️ เปลี่ยนเวลาประชุม: {old} → {new}\nใครที่เคยตอบว่าไม่สะดวก ช่วยตอบใหม่อีกครั้งนะคะ",
        "en": "✏️ The meeting has moved: {old} → {new}\nIf you declined before, please answer again.",
    },
    "meeting.header.change_time_all": {
        "th": "✏️ เปลี่ยนเวลาประชุมทุกครั้งต่อจากนี้: {old} → {new}\nใครที่เคยตอบว่าไม่สะดวก ช่วยตอบใหม่อีกครั้งนะคะ",
        "en": "✏️ Every meeting from now on has moved: {old} → {new}\nIf you declined before, please answer again.",
    },
    "meeting.header.change": {
        "th": "✏️ มีการเปลี่ยนแปลงการประชุม",
        "en": "✏️ The meeting has changed",
    },
    "meeting.header.mine": {"th": "📅 ประชุมของฉัน", "en": "📅 My meeting"},
    "meeting.notice.cancelled": {
        "th": "❌ ยกเลิกการประชุมแล้วค่ะ ขออภัยในความไม่สะดวก",
        "en": "❌ This meeting is cancelled. Sorry for the inconvenience.",
    },
    "meeting.notice.rsvp_summary": {
        "th": "📋 สรุปการตอบรับ: เข้าร่วม {yes} · ไม่สะดวก {no} · ยังไม่แน่ใจ {maybe} · ยังไม่ตอบ {waiting} คน",
        "en": "📋 RSVPs so far: coming {yes} · not coming {no} · maybe {maybe} · no answer {waiting}",
    },
    "meeting.card.when": {"th": "🕘 วันเวลา: {when}", "en": "🕘 When: {when}"},
    "meeting.card.place": {"th": "📍 สถานที่: {place}", "en": "📍 Place: {place}"},
    "meeting.card.link": {"th": "🔗 ลิงก์: {link}", "en": "🔗 Link: {link}"},
    "meeting.card.agenda": {"th": "วาระ: {agenda}", "en": "Agenda: {agenda}"},
    "meeting.card.your_answer": {"th": "คำตอบของคุณ: {answer}", "en": "Your answer: {answer}"},
    "meeting.card.open_link": {"th": "เข้าห้องประชุม", "en": "Join the meeting"},
    "meeting.card.group_note": {
        "th": "ตอบรับได้ในแชทส่วนตัวกับน้องคุณธรรม: พิมพ์ ประชุมของฉัน",
        "en": "Answer in your private chat with the bot: type My meetings",
    },
    # RSVPs
    "meeting.rsvp.yes": {"th": "เข้าร่วม", "en": "Coming"},
    "meeting.rsvp.no": {"th": "ไม่สะดวก", "en": "Can't come"},
    "meeting.rsvp.maybe": {"th": "ยังไม่แน่ใจ", "en": "Not sure yet"},
    "meeting.rsvp.saved_yes": {
        "th": "ขอบคุณค่ะ 🙏 บันทึกว่าคุณจะเข้าร่วม “{title}” ({when}) แล้ว น้องคุณธรรมจะเตือนก่อนถึงเวลานะคะ",
        "en": "Thank you 🙏 You're coming to “{title}” ({when}). I'll remind you before it starts.",
    },
    "meeting.rsvp.saved_no": {
        "th": "รับทราบค่ะ บันทึกว่าคุณไม่สะดวกเข้าร่วม “{title}” ({when}) จะไม่เตือนเรื่องนี้อีก เปลี่ยนใจได้ที่ ประชุมของฉัน",
        "en": "Noted: you can't come to “{title}” ({when}). No more reminders for it; change your mind in My meetings.",
    },
    "meeting.rsvp.saved_maybe": {
        "th": "รับทราบค่ะ บันทึกว่ายังไม่แน่ใจสำหรับ “{title}” ({when}) ตอบใหม่ได้ทุกเมื่อที่ ประชุมของฉัน",
        "en": "Noted: not sure yet for “{title}” ({when}). Answer again any time in My meetings.",
    },
    "meeting.rsvp.unknown": {
        "th": "ขออภัยค่ะ ไม่พบการประชุมนี้ในนัดของคุณ",
        "en": "Sorry, I can't find this meeting among yours.",
    },
    "meeting.rsvp.cancelled": {
        "th": "การประชุม “{title}” ถูกยกเลิกแล้วค่ะ",
        "en": "The meeting “{title}” has been cancelled.",
    },
    "meeting.rsvp.started": {
        "th": "การประชุม “{title}” เริ่มไปแล้วค่ะ",
        "en": "The meeting “{title}” has already started.",
    },
    "meeting.mine.none": {
        "th": "ตอนนี้ยังไม่มีนัดประชุมที่กำลังจะมาถึงค่ะ",
        "en": "You have no upcoming meetings.",
    },
    "meeting.mine.alt": {
        "th": "ประชุมของฉัน {count} นัด",
        "en": "My meetings: {count}",
    },
    "meeting.mine.lead": {
        "th": "แตะปุ่มในการ์ดเพื่อตอบรับหรือเปลี่ยนคำตอบได้ค่ะ",
        "en": "Tap a card's buttons to answer or change your answer.",
    },
    # Delivery reports
    "meeting.report.title": {"th": "รายงานการส่ง", "en": "Delivery report"},
    "meeting.report.none": {
        "th": "ยังไม่มีการประชุมที่คุณดูรายงานได้ค่ะ",
        "en": "There is no meeting whose report you can see yet.",
    },
    "meeting.report.heading": {
        "th": "📊 รายงานการส่ง “{title}” ({when})",
        "en": "📊 Delivery report: “{title}” ({when})",
    },
    "meeting.report.is_cancelled": {"th": "(ยกเลิกแล้ว)", "en": "(cancelled)"},
    "meeting.report.pending": {
        "th": "• {label} ({when}): รอถึงเวลา",
        "en": "• {label} ({when}): waiting for its time",
    },
    "meeting.report.skipped": {
        "th": "• {label} ({when}): ไม่ได้ส่ง เพราะ{reason}",
        "en": "• {label} ({when}): not sent: {reason}",
    },
    "meeting.report.queued": {
        "th": "• {label} ({when}): ส่งแล้ว {sent} · ไม่สำเร็จ {failed} · กำลังส่ง {waiting}",
        "en": "• {label} ({when}): sent {sent} · failed {failed} · sending {waiting}",
    },
    "meeting.report.left_out": {
        "th": "   ไม่ได้ส่งถึง: {details}",
        "en": "   Left out: {details}",
    },
    "meeting.report.failure": {
        "th": "   ไม่สำเร็จ {count}: {reason}",
        "en": "   Failed {count}: {reason}",
    },
    "meeting.report.rsvps": {
        "th": "ตอบรับ: เข้าร่วม {yes} · ไม่สะดวก {no} · ยังไม่แน่ใจ {maybe} · ยังไม่ตอบ {waiting}",
        "en": "RSVPs: coming {yes} · not coming {no} · maybe {maybe} · no answer {waiting}",
    },
    "meeting.report.names": {"th": "   {label} ได้แก่ {names}", "en": "   {label}: {names}"},
    "meeting.answer_label.yes": {"th": "เข้าร่วม", "en": "Coming"},
    "meeting.answer_label.no": {"th": "ไม่สะดวก", "en": "Not coming"},
    "meeting.answer_label.maybe": {"th": "ยังไม่แน่ใจ", "en": "Maybe"},
    "meeting.answer_label.waiting": {"th": "ยังไม่ตอบ", "en": "No answer yet"},
    "meeting.left_out.no_consent": {"th": "ยังไม่ยินยอม/ถอนความยินยอม", "en": "no consent"},
    "meeting.left_out.not_following": {"th": "เลิกติดตามบอท", "en": "unfollowed"},
    "meeting.left_out.declined": {"th": "ตอบว่าไม่สะดวก", "en": "declined"},
    "meeting.kind.announcement": {"th": "ประกาศนัด", "en": "Announcement"},
    "meeting.kind.day_before": {"th": "เตือนล่วงหน้า 1 วัน", "en": "Day-before reminder"},
    "meeting.kind.hour_before": {"th": "เตือนก่อนเริ่ม", "en": "Reminder before the start"},
    "meeting.kind.rsvp_summary": {"th": "สรุปการตอบรับ", "en": "RSVP summary"},
    "meeting.kind.change": {"th": "แจ้งการเปลี่ยนแปลง", "en": "Change notice"},
    "meeting.kind.cancel": {"th": "แจ้งยกเลิก", "en": "Cancellation notice"},
    "meeting.skip.missed": {
        "th": "เลยเวลาส่งมาแล้ว {late} (ส่งช้าได้ไม่เกิน {grace})",
        "en": "it was {late} past its time (late sending is allowed up to {grace})",
    },
    "meeting.skip.day_passed": {
        "th": "ถึงวันประชุมแล้ว ข้อความ “พรุ่งนี้มีประชุม” จะผิด จึงไม่ส่ง",
        "en": "the meeting day had come, so a “tomorrow” reminder would have been wrong",
    },
    "meeting.failure.expired": {
        "th": "LINE ขัดข้อง ลองส่งซ้ำจนหมดเวลาแล้ว",
        "en": "LINE kept failing; retried until the retry window closed",
    },
    "meeting.failure.rejected": {
        "th": "LINE ปฏิเสธข้อความนี้ (ไม่ส่งซ้ำ)",
        "en": "LINE refused this message (not retried)",
    },
    "meeting.failure.interrupted": {
        "th": "การส่งถูกขัดจังหวะ ไม่ทราบว่าถึงผู้รับหรือไม่ (ไม่ส่งซ้ำเพื่อไม่ให้ได้ซ้ำ)",
        "en": "sending was interrupted; LINE never said whether it arrived (not repeated)",
    },
    "meeting.failure.timeout": {
        "th": "LINE ไม่ตอบภายในเวลา ไม่ทราบว่าถึงผู้รับหรือไม่ (ไม่ส่งซ้ำ)",
        "en": "LINE did not answer in time; whether it arrived is unknown (not repeated)",
    },
    "meeting.failure.connection": {
        "th": "การเชื่อมต่อกับ LINE ขาดระหว่างส่ง ไม่ทราบว่าถึงผู้รับหรือไม่ (ไม่ส่งซ้ำ)",
        "en": "the connection to LINE broke while sending; whether it arrived is unknown",
    },
    "meeting.failure.quota": {
        "th": "โควตาข้อความเดือนนี้หมดแล้ว (ไม่ส่งซ้ำ)",
        "en": "this month's message quota is used up (not retried)",
    },
    "meeting.skip.deleted": {"th": "การประชุมถูกลบ", "en": "the meeting was deleted"},
    "meeting.skip.cancelled": {"th": "การประชุมถูกยกเลิก", "en": "the meeting was cancelled"},
    "meeting.skip.started": {"th": "การประชุมเริ่มไปแล้ว", "en": "the meeting had already started"},
    "meeting.skip.no_organiser": {
        "th": "ติดต่อผู้นัดไม่ได้",
        "en": "the organiser cannot be reached",
    },
    "meeting.skip.changed": {
        "th": "แทนด้วยข้อความใหม่หลังแก้ไขนัด",
        "en": "replaced after the meeting was changed",
    },
    "meeting.reason.other": {"th": "เหตุอื่น (รหัส {code})", "en": "other reason (code {code})"},
    "meeting.reason.skipped": {"th": "ข้ามไป: {reason}", "en": "skipped: {reason}"},
    "meeting.reason.minutes": {"th": "{count} นาที", "en": "{count} min"},
    "meeting.reason.hours": {"th": "{count} ชั่วโมง", "en": "{count} h"},
    "meeting.reason.was": {"th": "เวลาเดิม {when}", "en": "was {when}"},
    "meeting.reason.not_yet_due": {"th": "ยังไม่ถึงเวลาส่ง", "en": "not due yet"},
    "meeting.reason.overdue": {
        "th": "เลยเวลาส่งแล้ว ยังไม่ได้ส่ง — ตรวจสอบว่า clock ทำงานอยู่",
        "en": "past its time and not sent — check that the clock is running",
    },
    "meeting.report.overdue": {
        "th": "• {label} ({when}): เลยเวลาส่งแล้ว ยังไม่ได้ส่ง — ตรวจสอบว่า clock ทำงานอยู่",
        "en": "• {label} ({when}): past its time and not sent — check that the clock is running",
    },
    "meeting.skip.prompt_stopped": {"th": "ข้อความประจำถูกหยุด", "en": "the prompt was stopped"},
    # LINE groups
    "meeting.group.only_in_group": {
        "th": "คำสั่งนี้ใช้ในกลุ่ม LINE ที่มีน้องคุณธรรมอยู่ค่ะ",
        "en": "Use this in a LINE group the bot has joined.",
    },
    "meeting.group.refused": {
        "th": "ขออภัยค่ะ เฉพาะผู้ประสานงานเครือข่ายที่ลงทะเบียนแล้วเท่านั้นที่ผูกกลุ่มได้",
        "en": "Sorry, only registered network coordinators can link a group.",
    },
    "meeting.group.linked": {
        "th": "ผูกกลุ่มนี้กับ{network}แล้วค่ะ ผู้ประสานงานเลือกกลุ่มนี้เป็นผู้รับได้เมื่อนัดประชุม",
        "en": "This group is now linked to the {network}; coordinators can invite it to meetings.",
    },
}
