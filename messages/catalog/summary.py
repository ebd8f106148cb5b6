"""Texts of สรุปของฉัน (a member's own summary) and สรุปเครือข่าย (a coordinator's network summary)."""

ENTRIES = {
    "summary.mine": {
        "th": "สรุปของคุณ{name} 📊\n• กิจกรรมที่บันทึก: {activities} รายการ (จัดในเดือนนี้ {activities_month})\n• ถอดบทเรียน: {reflections} เรื่อง (เดือนนี้ {reflections_month})\n• แบบประเมิน 5 หลัก: {assessments} ครั้ง",
        "en": "Your summary, {name} 📊\n• Activities logged: {activities} ({activities_month} held this month)\n• Reflections: {reflections} ({reflections_month} this month)\n• 5-criteria checks: {assessments}",
    },
    "summary.latest": {
        "th": "ผลแบบประเมินล่าสุดของคุณค่ะ",
        "en": "Your latest 5-criteria results:",
    },
    "summary.no_assessment": {
        "th": "คุณยังไม่เคยทำแบบประเมิน 5 หลักค่ะ ลองทำได้เลย ใช้เวลาประมาณ 3 นาที แล้วจะเห็นผลของตนเองทันที",
        "en": "You haven't done the 5-criteria check yet. It takes about 3 minutes and you see your results straight away.",
    },
    "summary.no_network": {
        "th": "ยังไม่ได้ระบุว่าคุณประสานงานเครือข่ายใดค่ะ กรุณาติดต่อเจ้าหน้าที่ศูนย์คุณธรรม",
        "en": "It isn't recorded which network you coordinate. Please contact the Moral Center staff.",
    },
    "summary.network": {"th": "สรุปเครือข่าย", "en": "Network summary"},
    "summary.network_title": {"th": "สรุป{network}", "en": "Summary: {network}"},
    "summary.this_month": {"th": "เดือนนี้ ({month})", "en": "This month ({month})"},
    "summary.active": {
        "th": "• สมาชิกที่มีส่วนร่วม: {count} คน",
        "en": "• Members active: {count}",
    },
    # Counted by the date each was held (not logged), and the line says so.
    "summary.activities": {"th": "• กิจกรรมที่จัด: {count} รายการ", "en": "• Activities held: {count}"},
    "summary.reflections": {"th": "• ถอดบทเรียน: {count} เรื่อง", "en": "• Reflections: {count}"},
    "summary.assessed": {
        "th": "ผล 5 หลัก ช่วง {period}: ตอบแล้ว {count} คน",
        "en": "5 criteria, {period}: {count} members answered",
    },
    "summary.anonymity": {
        "th": "ค่ากลาง (มัธยฐาน) แสดงเฉพาะข้อที่มีสมาชิกตอบอย่างน้อย {minimum} คน เพื่อไม่ให้ระบุตัวผู้ตอบได้ · สมาชิกที่มีส่วนร่วม = บันทึกกิจกรรม ถอดบทเรียน หรือทำแบบประเมินในเดือนนี้",
        "en": "Medians are shown only for questions at least {minimum} members answered, so no one can be singled out · Active = logged an activity, reflected or did the check this month.",
    },
}
