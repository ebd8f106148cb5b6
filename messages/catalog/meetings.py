"""Texts of scheduling, changing and cancelling meetings (coordinators' side)."""

ENTRIES = {
    "meeting.bad_title_no_letters": {
        "th": "ชื่อการประชุมต้องมีตัวอักษรหรือตัวเลขค่ะ เครื่องหมายหรือช่องว่างอย่างเดียวใช้ไม่ได้ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "A meeting title needs letters or digits: punctuation or spaces alone will not do. Please try again.",
    },
    # Scheduling (coordinators)
    "meeting.ask_title": {
        "th": "ตั้งชื่อการประชุมค่ะ (เช่น ประชุมเครือข่ายประจำเดือนธันวาคม)",
        "en": "What is the meeting called? (e.g. Network meeting, December)",
    },
    "meeting.bad_title": {
        "th": "ชื่อการประชุมควรยาว {low}–{high} ตัวอักษรค่ะ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "A meeting title should be {low}–{high} characters. Please try again.",
    },
    "meeting.ask_when": {
        "th": "ประชุมวันไหน เวลาเท่าไรคะ? พิมพ์ได้เลย เช่น 9 ส.ค. 69 13.30 น. หรือ พรุ่งนี้ 9 โมง หรือแตะปุ่มเลือกวันเวลา (เวลาประเทศไทย) ประชุมประจำก็ได้ เช่น ทุกวันพุธ 9 โมง",
        "en": "When is it? Type e.g. 9 Aug 2026 13:30 or tomorrow 9:00, or tap the button to pick (Thai time). Repeating works too: every Wednesday 9:00.",
    },
    "meeting.pick_datetime": {"th": "เลือกวันเวลา", "en": "Pick date & time"},
    "meeting.want_when": {
        "th": "ขอเป็นวันและเวลาค่ะ พิมพ์ หรือแตะปุ่มเลือกวันเวลา",
        "en": "Please type a date and time, or tap the button to pick one.",
    },
    "meeting.past_when": {
        "th": "{when} ผ่านไปแล้วค่ะ กรุณาเลือกวันเวลาที่ยังมาไม่ถึง",
        "en": "{when} has already passed. Please choose a time still to come.",
    },
    "meeting.too_far": {
        "th": "นัดล่วงหน้าได้ไม่เกิน 1 ปีค่ะ กรุณาตรวจสอบปีอีกครั้ง (เช่น 2569 หรือ 69)",
        "en": "Meetings can be set at most a year ahead. Please check the year.",
    },
    "meeting.when_example": {"th": "{date} 13.30 น.", "en": "{date} 13:30"},
    "meeting.when.empty": {
        "th": "กรุณาพิมพ์วันและเวลาด้วยนะคะ เช่น พรุ่งนี้ 9 โมง หรือ {example} ค่ะ",
        "en": "Please type a date and a time, for example tomorrow 9 am or {example}.",
    },
    "meeting.when.unreadable": {
        "th": "ขออภัยค่ะ อ่านวันและเวลาไม่ออก ลองพิมพ์แบบ {example} หรือ พรุ่งนี้ บ่ายสองโมง ค่ะ",
        "en": "Sorry, I couldn't read that date and time. Try {example} or tomorrow 2 pm.",
    },
    "meeting.when.no_date": {
        "th": "ได้เวลาแล้วค่ะ ขอวันที่ด้วยนะคะ เช่น พรุ่งนี้ 9 โมง หรือ {example} ค่ะ",
        "en": "Got the time. Which day, please? For example tomorrow 9 am or {example}.",
    },
    "meeting.when.no_time": {
        "th": "ได้วันที่แล้วค่ะ ขอเวลาด้วยนะคะ เช่น {example} หรือ พรุ่งนี้ บ่ายสองโมง ค่ะ",
        "en": "Got the day. What time, please? For example {example} or tomorrow 2 pm.",
    },
    "meeting.when.no_time_day": {
        "th": "ได้{day} แล้วค่ะ ขอเวลาด้วยนะคะ พิมพ์แค่เวลาก็ได้ เช่น 13.30 น. หรือ บ่ายสองโมง",
        "en": "Got {day}. What time, please? The time alone is enough, e.g. 13:30 or 2 pm.",
    },
    "meeting.when.impossible_date": {
        "th": "ขออภัยค่ะ ไม่มีวันที่นี้ในปฏิทิน (เช่น 31 ก.พ.) ลองตรวจวันและเดือนอีกครั้ง เช่น {example} ค่ะ",
        "en": "Sorry, that day is not in the calendar (like 31 Feb). Please check it, e.g. {example}.",
    },
    "meeting.when.impossible_time": {
        "th": "ขออภัยค่ะ ไม่มีเวลานี้ (ชั่วโมง 0-23 นาที 0-59) ลองพิมพ์แบบ {example} ค่ะ",
        "en": "Sorry, there is no such time (hours 0-23, minutes 0-59). Try {example}.",
    },
    "meeting.when.mismatch": {
        "th": "ขออภัยค่ะ {date} เป็น{weekday} ชื่อวันไม่ตรงกับวันที่ ลองพิมพ์ใหม่อีกครั้งนะคะ",
        "en": "Sorry, {date} is a {weekday}, so the weekday doesn't match the date. Please type it again.",
    },
    "meeting.understood_when": {
        "th": "รับทราบค่ะ นัด{when}",
        "en": "Noted: {when}.",
    },
    "meeting.ask_where": {
        "th": "ประชุมที่ไหนคะ? ส่งลิงก์ประชุมออนไลน์ (เช่น Zoom) หรือพิมพ์ชื่อสถานที่",
        "en": "Where is it? Send the online meeting link (e.g. Zoom) or type the place.",
    },
    "meeting.bad_where_no_letters": {
        "th": "สถานที่หรือลิงก์ต้องมีตัวอักษรหรือตัวเลขค่ะ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "The place or link needs letters or digits. Please try again.",
    },
    "meeting.bad_agenda_no_letters": {
        "th": "วาระต้องมีตัวอักษรหรือตัวเลขค่ะ ถ้าไม่มีวาระ แตะ ข้าม",
        "en": "The agenda needs letters or digits. If there is none, tap Skip.",
    },
    "meeting.bad_where": {
        "th": "สถานที่หรือลิงก์ควรยาว {low}–{high} ตัวอักษรค่ะ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "The place or link should be {low}–{high} characters. Please try again.",
    },
    "meeting.ask_agenda": {
        "th": "วาระการประชุม (ถ้ามี) พิมพ์ได้เลย หรือแตะ ข้าม",
        "en": "The agenda (optional): type it, or tap Skip.",
    },
    "meeting.bad_agenda": {
        "th": "วาระควรยาวไม่เกิน {high} ตัวอักษรค่ะ",
        "en": "The agenda should be at most {high} characters.",
    },
    "meeting.ask_audience": {
        "th": "ส่งประกาศถึงใครคะ?",
        "en": "Who should be invited?",
    },
    "meeting.audience.all": {"th": "สมาชิกทุกคน", "en": "All members"},
    "meeting.audience.group": {"th": "กลุ่ม LINE #{number}", "en": "LINE group #{number}"},
    "meeting.preview_note": {
        "th": "(ตัวอย่างข้อความที่ผู้ได้รับเชิญจะเห็น พร้อมปุ่มตอบรับ)",
        "en": "(A preview of what invitees will see, with buttons to answer.)",
    },
    "meeting.review": {
        "th": "ตรวจสอบก่อนยืนยันนะคะ\nผู้รับ: {audience}\nข้อความที่จะส่ง:\n{plan}\n{cost}",
        "en": "Please check before confirming.\nInvited: {audience}\nMessages planned:\n{plan}\n{cost}",
    },
    "meeting.plan.announcement": {
        "th": "• ประกาศนัด: ทันทีที่ยืนยัน",
        "en": "• Announcement: as soon as you confirm",
    },
    "meeting.plan.announcement_night": {
        "th": "• ประกาศนัด: ส่งทันทีที่ยืนยัน แม้เป็นช่วงกลางคืน เพราะประชุมเริ่มก่อน {time} น.",
        "en": "• Announcement: as soon as you confirm, though it is night, because the meeting starts before {time}",
    },
    "meeting.plan.announcement_held": {
        "th": "• ประกาศนัด: จะส่ง{when} (น้องคุณธรรมไม่ส่งข้อความช่วงกลางคืน 20:00–08:00 น.)",
        "en": "• Announcement: {when} (nothing is sent at night, 20:00–08:00)",
    },
    "meeting.held.today": {"th": "เวลา {time} น. วันนี้", "en": "at {time} today"},
    "meeting.held.tomorrow": {"th": "เวลา {time} น. พรุ่งนี้", "en": "at {time} tomorrow"},
    "meeting.held.on": {"th": "วันที่ {date} เวลา {time} น.", "en": "on {date} at {time}"},
    "meeting.plan.day_before": {
        "th": "• เตือนล่วงหน้า 1 วัน: {when}",
        "en": "• Reminder the day before: {when}",
    },
    "meeting.plan.hour_before": {
        "th": "• เตือนก่อนเริ่ม {minutes} นาที: {when}",
        "en": "• Reminder {minutes} minutes before: {when}",
    },
    "meeting.plan.rsvp_summary": {
        "th": "• สรุปการตอบรับส่งถึงคุณ: {when}",
        "en": "• RSVP summary to you: {when}",
    },
    "meeting.cost.total_without_you": {
        "th": "ผู้รับ {recipients} คน (ไม่รวมคุณ) ใช้ประมาณ {messages} ข้อความ",
        "en": "{recipients} recipients (not counting you), about {messages} messages",
    },
    "meeting.cost.total": {
        "th": "ผู้รับ {recipients} คน ใช้ประมาณ {messages} ข้อความ",
        "en": "{recipients} recipients, about {messages} messages",
    },
    "meeting.quota.planned": {
        "th": "{month} มีข้อความที่วางแผนส่งไว้แล้ว {planned} ข้อความ:\n{lines}",
        "en": "{planned} messages are already planned in {month}:\n{lines}",
    },
    "meeting.quota.planned_meeting": {
        "th": "• {title} ({when}): {messages} ข้อความ",
        "en": "• {title} ({when}): {messages} messages",
    },
    "meeting.quota.planned_prompt": {
        "th": "• ข้อความประจำเดือน #{id}: {messages} ข้อความ",
        "en": "• Monthly message #{id}: {messages} messages",
    },
    "meeting.quota.over": {
        "th": "ขออภัยค่ะ โควตาข้อความไม่พอใน {months} จึงยืนยันไม่ได้",
        "en": "Sorry, there is not enough quota in {months}, so this cannot be confirmed.",
    },
    "meeting.quota.advice": {
        "th": "ยกเลิกนัดที่ไม่จำเป็น (พิมพ์ แก้ไขประชุม) เลือกผู้รับให้น้อยลง หรือติดต่อเจ้าหน้าที่ศูนย์คุณธรรมเพื่อเพิ่มโควตาค่ะ",
        "en": "Cancel a meeting you no longer need (type Edit meeting), choose fewer invitees, or ask Moral Center staff for more quota.",
    },
    "meeting.confirm": {"th": "ยืนยันนัดประชุม", "en": "Confirm"},
    "meeting.edit_title": {"th": "แก้ชื่อ", "en": "Edit title"},
    "meeting.edit_when": {"th": "แก้วันเวลา", "en": "Edit date & time"},
    "meeting.edit_where": {"th": "แก้สถานที่/ลิงก์", "en": "Edit place/link"},
    "meeting.edit_agenda": {"th": "แก้วาระ", "en": "Edit agenda"},
    "meeting.edit_audience": {"th": "แก้ผู้รับ", "en": "Edit invitees"},
    "meeting.edit_cancel": {"th": "ยกเลิกนัดนี้", "en": "Cancel meeting"},
    "meeting.created": {
        "th": "บันทึกนัด “{title}” แล้วค่ะ 🙏 ประกาศจะส่งถึงผู้ได้รับเชิญภายในไม่กี่นาที และน้องคุณธรรมจะเตือนตามกำหนด ดูผลได้ที่ รายงานการส่ง",
        "en": "“{title}” is scheduled 🙏 The announcement goes out within a few minutes and reminders follow on time. See Delivery report for results.",
    },
    "meeting.created_held": {
        "th": "บันทึกนัด “{title}” แล้วค่ะ 🙏 ประกาศจะส่ง{when} เพราะน้องคุณธรรมไม่ส่งข้อความช่วงกลางคืน (20:00–08:00 น.) แล้วจะเตือนตามกำหนด ดูผลได้ที่ รายงานการส่ง",
        "en": "“{title}” is scheduled 🙏 The announcement goes out {when}, as nothing is sent at night (20:00–08:00); reminders follow on time. See Delivery report for results.",
    },
    # Changing and cancelling
    "meeting.needs_coordinator": {
        "th": "การนัดประชุมใช้ได้เฉพาะผู้ประสานงานเครือข่ายค่ะ ถ้าคุณเป็นผู้ประสานงาน ขอรหัสเชิญจากเจ้าหน้าที่ของเครือข่าย แล้วพิมพ์ เช่น “รหัสเชิญ ABCD-2345”",
        "en": "Scheduling a meeting is for network coordinators. If you are one, ask your network's staff for an invite code, then type e.g. “invite code ABCD-2345”.",
    },
    "meeting.manage.title": {"th": "แก้ไขประชุม", "en": "Edit meeting"},
    "meeting.no_invitees": {
        "th": "⚠️ ยังไม่มีสมาชิกในเครือข่ายนี้ จึงไม่มีใครได้รับประกาศ (ผู้รับ 0 คน) ยังยืนยันนัดนี้ไม่ได้ค่ะ แตะ แก้ผู้รับ เพื่อเลือกผู้รับอื่น หรือพิมพ์ ยกเลิก",
        "en": "⚠️ This network has no members yet, so nobody would receive the announcement (0 recipients). The meeting cannot be confirmed: change the recipients, or type Cancel.",
    },
    "meeting.manage.title_left": {
        "th": "ออกจาก{flow}แล้วค่ะ นัดประชุมยังอยู่ตามเดิม ไม่ได้ยกเลิกและไม่มีอะไรเปลี่ยน ถ้าต้องการยกเลิกนัด พิมพ์ ยกเลิกประชุม แล้วเลือกนัดที่จะยกเลิก",
        "en": "Left “{flow}”. The meeting is still scheduled as it was: nothing was cancelled or changed. To cancel it, type Cancel meeting and pick the meeting.",
    },
    "meeting.manage.none": {
        "th": "ยังไม่มีนัดประชุมที่กำลังจะมาถึงให้แก้ไขค่ะ พิมพ์ นัดประชุม เพื่อนัดใหม่",
        "en": "There is no upcoming meeting to change. Type Meetings to schedule one.",
    },
    "meeting.manage.pick": {"th": "เลือกการประชุมค่ะ", "en": "Which meeting?"},
    "meeting.manage.gone": {
        "th": "การประชุมนี้แก้ไขไม่ได้แล้วค่ะ (อาจถูกยกเลิกหรือเริ่มไปแล้ว)",
        "en": "This meeting can no longer be changed (it may have been cancelled or started).",
    },
    "meeting.manage.what": {"th": "ต้องการแก้ไขอะไรคะ?", "en": "What would you like to change?"},
    "meeting.manage.will_tell_now": {
        "th": "น้องคุณธรรมจะแจ้งผู้ได้รับเชิญ {recipients} คน ทันทีที่ยืนยัน\n{cost}",
        "en": "I will tell the {recipients} invitees as soon as you confirm.\n{cost}",
    },
    "meeting.manage.will_tell_night": {
        "th": "น้องคุณธรรมจะแจ้งผู้ได้รับเชิญ {recipients} คน ทันทีที่ยืนยัน แม้เป็นช่วงกลางคืน เพราะประชุมเริ่มก่อน {time} น.\n{cost}",
        "en": "I will tell the {recipients} invitees as soon as you confirm, though it is night, because the meeting starts before {time}.\n{cost}",
    },
    "meeting.manage.will_tell_held": {
        "th": "น้องคุณธรรมจะแจ้งผู้ได้รับเชิญ {recipients} คน {when} (ไม่ส่งข้อความช่วงกลางคืน 20:00–08:00 น.)\n{cost}",
        "en": "I will tell the {recipients} invitees {when} (nothing is sent at night, 20:00–08:00).\n{cost}",
    },
    "meeting.manage.not_announced": {
        "th": "ยังไม่ได้ส่งประกาศ จึงไม่ต้องแจ้งใครเพิ่มค่ะ",
        "en": "The announcement has not gone out yet, so nobody needs to be told.",
    },
    "meeting.manage.confirm": {
        "th": "บันทึกการแก้ไข “{title}” ใช่ไหมคะ?\n{notice}",
        "en": "Save the changes to “{title}”?\n{notice}",
    },
    "meeting.manage.confirm_yes": {"th": "บันทึกการแก้ไข", "en": "Save changes"},
    "meeting.manage.confirm_cancel": {
        "th": "ยกเลิกการประชุม “{title}” ใช่ไหมคะ?\n{notice}",
        "en": "Cancel the meeting “{title}”?\n{notice}",
    },
    "meeting.manage.confirm_cancel_yes": {"th": "ยืนยันยกเลิกนัด", "en": "Yes, cancel it"},
    "meeting.manage.confirm_cancel_no": {"th": "ไม่ยกเลิกนัด", "en": "Keep the meeting"},
    "meeting.manage.cancel_unclear": {
        "th": "ขอโทษค่ะ ยังไม่แน่ใจว่าหมายถึงยกเลิกนัดนี้ หรือไม่ยกเลิก นัดยังอยู่ตามเดิมนะคะ กรุณาแตะ ยืนยันยกเลิกนัด หรือ ไม่ยกเลิกนัด ค่ะ",
        "en": "Sorry, I'm not sure whether you mean to cancel this meeting or to keep it. It still stands: please tap Yes, cancel it or Keep the meeting.",
    },
    "meeting.manage.changed": {
        "th": "แก้ไข “{title}” แล้วค่ะ {notice}",
        "en": "“{title}” is updated. {notice}",
    },
    "meeting.manage.cancelled": {
        "th": "ยกเลิกการประชุม “{title}” แล้วค่ะ {notice}",
        "en": "“{title}” is cancelled. {notice}",
    },
    "meeting.manage.told": {
        "th": "กำลังแจ้งผู้ได้รับเชิญค่ะ",
        "en": "The invitees are being told.",
    },
    "meeting.manage.told_held": {
        "th": "จะแจ้งผู้ได้รับเชิญ{when}ค่ะ (ไม่ส่งข้อความช่วงกลางคืน 20:00–08:00 น.)",
        "en": "The invitees will be told {when} (nothing is sent at night, 20:00–08:00).",
    },
    "meeting.manage.not_told": {
        "th": "การเตือนที่ยังไม่ได้ส่งปรับตามแล้วค่ะ",
        "en": "The reminders still to come are adjusted.",
    },
}
