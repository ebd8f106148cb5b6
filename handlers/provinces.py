"""Thailand's 77 provinces, so a typed province is recognised with or without "จ."/"จังหวัด"."""

from __future__ import annotations

from handlers.keywords import normalize

PROVINCES = (
    "กรุงเทพมหานคร กระบี่ กาญจนบุรี กาฬสินธุ์ กำแพงเพชร ขอนแก่น จันทบุรี ฉะเชิงเทรา ชลบุรี ชัยนาท "
    "ชัยภูมิ ชุมพร เชียงราย เชียงใหม่ ตรัง ตราด ตาก นครนายก นครปฐม นครพนม นครราชสีมา "
    "นครศรีธรรมราช นครสวรรค์ นนทบุรี นราธิวาส น่าน บึงกาฬ บุรีรัมย์ ปทุมธานี ประจวบคีรีขันธ์ "
    "ปราจีนบุรี ปัตตานี พระนครศรีอยุธยา พะเยา พังงา พัทลุง พิจิตร พิษณุโลก เพชรบุรี เพชรบูรณ์ แพร่ "
    "ภูเก็ต มหาสารคาม มุกดาหาร แม่ฮ่องสอน ยโสธร ยะลา ร้อยเอ็ด ระนอง ระยอง ราชบุรี ลพบุรี ลำปาง "
    "ลำพูน เลย ศรีสะเกษ สกลนคร สงขลา สตูล สมุทรปราการ สมุทรสงคราม สมุทรสาคร สระแก้ว สระบุรี "
    "สิงห์บุรี สุโขทัย สุพรรณบุรี สุราษฎร์ธานี สุรินทร์ หนองคาย หนองบัวลำภู อ่างทอง อำนาจเจริญ "
    "อุดรธานี อุตรดิตถ์ อุทัยธานี อุบลราชธานี"
).split()
ALIASES = {"กรุงเทพ": "กรุงเทพมหานคร", "กทม": "กรุงเทพมหานคร", "bangkok": "กรุงเทพมหานคร",
           "อยุธยา": "พระนครศรีอยุธยา", "โคราช": "นครราชสีมา", "chiangrai": "เชียงราย",
           "chiangmai": "เชียงใหม่"}  # fmt: skip
_BY_KEY = {normalize(name): name for name in PROVINCES}


def find_province(typed: str) -> str | None:
    """Return the province's official Thai name, or None if it is not one."""
    key = normalize(typed)
    for candidate in (key, key.removeprefix("จังหวัด"), key.removeprefix("จ")):
        found = _BY_KEY.get(candidate) or ALIASES.get(candidate)
        if found:
            return found
    return None
