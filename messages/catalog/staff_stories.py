"""Staff web texts of good practice shared back (keys staff.story_*) and themes (staff.themes_*)."""

ENTRIES = {
    "staff.nav_stories": {"th": "เรื่องเล่าดีๆ", "en": "Good stories"},
    "staff.story_title": {"th": "เรื่องเล่าดีๆ (แนวปฏิบัติที่ดี)", "en": "Good stories (good practice)"},
    "staff.story_intro": {
        "th": "กิจกรรมและถอดบทเรียนที่เจ้าหน้าที่ทำเครื่องหมายเป็นแนวปฏิบัติที่ดี เจ้าของเรื่องได้รับคำถามในแชต "
        "สมาชิกอื่นเห็นเฉพาะเรื่องที่เจ้าของอนุญาต (พิมพ์ “เรื่องเล่าดีๆ”) และเห็นชื่อเฉพาะเมื่อเจ้าของอนุญาต",
        "en": "Activities and reflections staff marked as good practice. Each author is asked in the "
        "chat; other members see only the stories their authors allowed (typing “good stories”), "
        "and a name only when its author allowed it.",
    },
    "staff.story_mark": {"th": "ทำเครื่องหมายเป็นแนวปฏิบัติที่ดี", "en": "Mark as good practice"},
    "staff.story_mark_note": {
        "th": "เจ้าของเรื่องจะได้รับข้อความในแชตเพื่อขออนุญาตแบ่งปัน และปฏิเสธหรือถอนได้ทุกเมื่อ",
        "en": "The author is asked in the chat for permission to share it, and may say no or "
        "withdraw at any time.",
    },
    "staff.story_panel": {"th": "แนวปฏิบัติที่ดี", "en": "Good practice"},
    "staff.story_marked": {
        "th": "ทำเครื่องหมายแล้ว ส่งคำขออนุญาตถึงเจ้าของเรื่องในแชตแล้วค่ะ",
        "en": "Marked. The author has been asked in the chat.",
    },
    "staff.story_status": {"th": "สถานะ", "en": "Status"},
    "staff.story_status_asked": {"th": "รอเจ้าของเรื่องตอบ", "en": "Awaiting the author"},
    "staff.story_status_granted": {"th": "อนุญาตให้แบ่งปัน", "en": "Allowed"},
    "staff.story_status_refused": {"th": "ไม่อนุญาต", "en": "Refused"},
    "staff.story_status_withdrawn": {"th": "ถอนแล้ว", "en": "Withdrawn"},
    "staff.story_named": {"th": "แสดงชื่อ", "en": "with name"},
    "staff.story_anonymous": {"th": "ไม่แสดงชื่อ", "en": "without name"},
    "staff.story_record": {"th": "เรื่อง", "en": "Story"},
    "staff.story_author": {"th": "เจ้าของเรื่อง", "en": "Author"},
    "staff.story_marked_at": {"th": "ทำเครื่องหมายเมื่อ", "en": "Marked"},
    "staff.story_digest": {"th": "สรุปเรื่องเล่าดีๆ รายเดือน", "en": "Monthly digest"},
    "staff.story_digest_month": {
        "th": "เรื่องที่เริ่มแบ่งปันในเดือน {month}: {count} เรื่อง",
        "en": "Stories first shared in {month}: {count}",
    },
    "staff.story_digest_cost": {
        "th": "ส่งถึงสมาชิก {recipients} คน (ผู้ที่ยินยอม ติดตามบอท และไม่ได้ขอหยุดรับ) "
        "ใช้ {recipients} ข้อความ · โควตาที่เหลือเดือนนี้: {left}",
        "en": "Goes to {recipients} members (consented, following, not opted out): "
        "{recipients} messages · quota left this month: {left}",
    },
    "staff.story_quota_unknown": {"th": "ไม่ทราบ", "en": "unknown"},
    "staff.story_digest_over": {
        "th": "โควตาไม่พอสำหรับสรุปนี้ค่ะ",
        "en": "The quota left is not enough for this digest.",
    },
    "staff.story_digest_none": {
        "th": "เดือน {month} ไม่มีเรื่องที่เริ่มแบ่งปัน จึงไม่มีสรุปให้ส่งค่ะ",
        "en": "No story was first shared in {month}: there is no digest to send.",
    },
    "staff.story_digest_approve": {
        "th": "อนุมัติส่งสรุป (ระบบส่งในเวลากลางวัน)",
        "en": "Approve the digest (sent in the daytime)",
    },
    "staff.story_digest_approved": {
        "th": "อนุมัติแล้วเมื่อ {at}{sent}",
        "en": "Approved {at}{sent}",
    },
    "staff.story_digest_sent": {
        "th": " · ส่งแล้วถึง {count} คน",
        "en": " · sent to {count} members",
    },
    "staff.story_digest_scope": {
        "th": "สรุปรายเดือนส่งถึงสมาชิกทุกจังหวัด บัญชีที่เห็นเฉพาะบางจังหวัดจึงอนุมัติไม่ได้",
        "en": "The digest goes to members of every province, so an account limited to some "
        "cannot approve it.",
    },
}
