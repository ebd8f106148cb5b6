"""Texts of a meeting's calendar links: the card's buttons and the pages of a refused link."""

ENTRIES = {
    "meeting.card.add_calendar": {"th": "📅 ลงปฏิทิน", "en": "📅 Add to calendar"},
    "meeting.card.google_calendar": {"th": "Google ปฏิทิน", "en": "Google Calendar"},
    "calendar.refused.title": {"th": "ลิงก์ไม่ถูกต้อง", "en": "This link is not valid"},
    "calendar.refused.body": {
        "th": "ลิงก์ปฏิทินนี้ไม่ถูกต้อง อาจคัดลอกมาไม่ครบ ลองกดปุ่ม “ลงปฏิทิน” ในการ์ดประชุมอีกครั้ง "
        "หรือพิมพ์ ประชุมของฉัน ในแชทกับน้องคุณธรรมค่ะ",
        "en": "This calendar link is not valid (perhaps it was copied in part). Tap “Add to "
        "calendar” on the meeting card again, or type My meetings in the chat with the bot.",
    },
    "calendar.expired.title": {"th": "ลิงก์หมดอายุแล้ว", "en": "This link has expired"},
    "calendar.expired.body": {
        "th": "ลิงก์ปฏิทินนี้หมดอายุแล้ว (ใช้ได้ถึง {days} วันหลังวันประชุม) "
        "พิมพ์ ประชุมของฉัน ในแชทกับน้องคุณธรรมเพื่อรับการ์ดประชุมที่กำลังจะมาถึงค่ะ",
        "en": "This calendar link has expired (links work until {days} days after the meeting). "
        "Type My meetings in the chat with the bot for the cards of upcoming meetings.",
    },
    "calendar.gone.title": {"th": "ไม่พบการประชุมนี้", "en": "Meeting not found"},
    "calendar.gone.body": {
        "th": "ไม่พบการประชุมนี้แล้วค่ะ อาจถูกลบไป สอบถามผู้ประสานงานเครือข่ายได้ค่ะ",
        "en": "This meeting no longer exists; it may have been deleted. Ask your network's "
        "coordinator.",
    },
}
