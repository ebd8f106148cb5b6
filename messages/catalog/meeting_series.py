"""Texts of repeating meetings ("ทุกวันพุธ 9 โมง"): what was understood, the plan, cancelling."""

ENTRIES = {
    "meeting.repeat.understood": {
        "th": "รับทราบค่ะ ประชุมประจำ{rule} ครั้งแรก{first}",
        "en": "Noted: a repeating meeting, {rule}; the first is {first}.",
    },
    "meeting.repeat.no_time": {
        "th": "ประชุมประจำ{rule} เวลาเท่าไรคะ? พิมพ์เวลาได้เลย เช่น 9 โมง หรือ 13.30-15.30 น.",
        "en": "A repeating meeting {rule}: at what time? Type e.g. 9:00 or 13:30-15:30.",
    },
    "meeting.repeat.unreadable": {
        "th": "ยังไม่เข้าใจการนัดประจำนี้ค่ะ ลองพิมพ์ เช่น ทุกวันพุธ 9 โมง, ทุกสองสัปดาห์วันศุกร์ 10 โมง "
        "หรือ ทุกวันอังคารแรกของเดือน 13.30 น.",
        "en": "I could not read that repeating time. Try e.g. every Wednesday 9:00, every other "
        "Friday 10:00, or the first Tuesday of the month 13:30.",
    },
    "meeting.repeat.review": {
        "th": "🔁 ประชุมประจำ{rule}\nวางแผนไว้ {count} ครั้งใน 3 เดือนข้างหน้า: {dates}\n"
        "แต่ละครั้งมีการตอบรับและการเตือนของตัวเอง ครั้งแรกประกาศทันที ครั้งต่อไปประกาศล่วงหน้า 7 วัน "
        "ครบ 3 เดือนแล้วน้องคุณธรรมวางแผนครั้งต่อไปให้เอง\nข้อความที่จะส่งในครั้งแรก:",
        "en": "🔁 Repeating: {rule}\n{count} meetings planned in the next 3 months: {dates}\n"
        "Each has its own RSVPs and reminders; the first is announced now, each later one 7 days "
        "ahead; later ones are planned as they come within 3 months.\nMessages for the first one:",
    },
    "meeting.repeat.cost_note": {
        "th": "(ค่าข้อความนับรวมทุกครั้งที่วางแผนไว้ {count} ครั้ง)",
        "en": "(The message count covers all {count} planned meetings.)",
    },
    "meeting.repeat.created_held": {
        "th": "บันทึกประชุมประจำ “{title}” แล้วค่ะ 🙏 {rule} วางแผนไว้ {count} ครั้ง "
        "ประกาศครั้งแรกจะส่ง{when} (ไม่ส่งข้อความช่วงกลางคืน 20:00–08:00 น.) "
        "ยกเลิกเฉพาะครั้งหรือทั้งชุดได้ที่ แก้ไขประชุม",
        "en": "Repeating meeting “{title}” saved 🙏 {rule}, {count} planned. The first "
        "announcement goes out {when} (nothing is sent at night, 20:00–08:00). Cancel one or "
        "all of them from Edit meeting.",
    },
    "meeting.repeat.created": {
        "th": "บันทึกประชุมประจำ “{title}” แล้วค่ะ 🙏 {rule} วางแผนไว้ {count} ครั้ง "
        "ประกาศครั้งแรกจะส่งภายในไม่กี่นาที ยกเลิกเฉพาะครั้งหรือทั้งชุดได้ที่ แก้ไขประชุม",
        "en": "Repeating meeting “{title}” saved 🙏 {rule}, {count} planned. The first "
        "announcement goes out within minutes. Cancel one or all of them from Edit meeting.",
    },
    "meeting.repeat.cancel_which": {
        "th": "การประชุมนี้เป็นประชุมประจำ{rule} ยกเลิกเฉพาะครั้งนี้ หรือทั้งชุดคะ?",
        "en": "This meeting repeats ({rule}). Cancel only this one, or the whole series?",
    },
    "meeting.repeat.change_which_time": {
        "th": "การประชุมนี้เป็นประชุมประจำ{rule} เปลี่ยนเป็นเวลา {at} น. เฉพาะครั้งนี้ "
        "หรือทุกครั้งต่อจากนี้คะ? (ทุกครั้งต่อจากนี้: แต่ละครั้งยังเป็นวันเดิม ครั้งที่ผ่านไปแล้วไม่เปลี่ยน)",
        "en": "This meeting repeats ({rule}). Move it to {at} for this one only, or for every one "
        "from now on? (Every one keeps its own day; past ones stay as they were.)",
    },
    "meeting.repeat.change_which_where": {
        "th": "การประชุมนี้เป็นประชุมประจำ{rule} เปลี่ยนสถานที่/ลิงก์เฉพาะครั้งนี้ "
        "หรือทุกครั้งต่อจากนี้คะ? (ครั้งที่ผ่านไปแล้วไม่เปลี่ยน)",
        "en": "This meeting repeats ({rule}). Change the place/link for this one only, or for "
        "every one from now on? (Past ones stay as they were.)",
    },
    "meeting.repeat.change_one": {"th": "เฉพาะครั้งนี้", "en": "Only this one"},
    "meeting.repeat.change_all": {"th": "ทุกครั้งต่อจากนี้", "en": "Every one from now on"},
    "meeting.repeat.changed_all": {
        "th": "แก้ไขประชุมประจำ “{title}” ทุกครั้งต่อจากนี้แล้วค่ะ ({count} ครั้งที่กำลังจะมาถึง) {notice}",
        "en": "The repeating meeting “{title}” is updated from now on ({count} upcoming). {notice}",
    },
    "meeting.repeat.cancel_one": {"th": "ยกเลิกเฉพาะครั้งนี้", "en": "Only this one"},
    "meeting.repeat.cancel_all": {"th": "ยกเลิกทั้งชุด", "en": "The whole series"},
    "meeting.repeat.cancelled_all": {
        "th": "ยกเลิกประชุมประจำ “{title}” ทั้งชุดแล้วค่ะ ({count} ครั้งที่กำลังจะมาถึง) "
        "ผู้ที่ได้รับประกาศแล้วจะได้รับแจ้งค่ะ",
        "en": "The repeating meeting “{title}” is cancelled ({count} upcoming). Those already "
        "told about it will be told.",
    },
    "mydata.series_organised": {
        "th": "• ประชุมประจำที่คุณสร้าง: {count} ชุด",
        "en": "• Repeating meetings you organised: {count}",
    },
    "meeting.card.repeats": {"th": "🔁 ประชุมประจำ{rule}", "en": "🔁 Repeats: {rule}"},
}
