"""Texts of LINE's monthly quota, one line per month, the same on every screen."""

ENTRIES = {
    "quota.month.current": {
        "th": "โควตา {month}: เหลือ {left} จาก {limit} ข้อความ (ส่งไปแล้ว {used} · วางแผนส่งไว้ {planned})",
        "en": "Quota {month}: {left} of {limit} messages left ({used} sent · {planned} planned)",
    },
    "quota.month.later": {
        "th": "โควตา {month}: เหลือ {left} จาก {limit} ข้อความ (วางแผนส่งไว้ {planned} "
        "ถ้าแพ็กเกจยังเท่าเดิม)",
        "en": "Quota {month}: {left} of {limit} messages left ({planned} planned, if the plan "
        "stays the same)",
    },
    "quota.month.unlimited": {
        "th": "โควตา {month}: ไม่จำกัดจำนวนข้อความ",
        "en": "Quota {month}: no monthly limit",
    },
    "quota.month.unknown": {
        "th": "โควตา {month}: ตอนนี้ตรวจโควตาจาก LINE ไม่ได้",
        "en": "Quota {month}: LINE's quota could not be checked just now",
    },
    "quota.planned_digest": {
        "th": "• สรุปเรื่องเล่าดีๆ ประจำเดือน (อนุมัติแล้ว รอส่ง): {messages} ข้อความ",
        "en": "• The monthly good-stories digest (approved, not sent yet): {messages} messages",
    },
    "quota.cost_item": {"th": "{month}: {messages} ข้อความ", "en": "{month}: {messages} messages"},
    "quota.over_item": {
        "th": "• {month}: นัดนี้ต้องใช้ {messages} ข้อความ แต่เหลือ {left} ข้อความ",
        "en": "• {month}: this needs {messages} messages, {left} are left",
    },
}
