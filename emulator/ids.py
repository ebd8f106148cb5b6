"""LINE's id shapes: a user is U, a group C, a room R, each followed by 32 lower-case hex digits.

LINE refuses any other id, so the emulator does too: a looser emulator hid demo ids of 33 digits.
"""

from __future__ import annotations

import re

from emulator.calls import LineError

USER_ID = re.compile(r"^U[0-9a-f]{32}$")
GROUP_ID = re.compile(r"^C[0-9a-f]{32}$")
ROOM_ID = re.compile(r"^R[0-9a-f]{32}$")
CHAT_ID = re.compile(r"^[UCR][0-9a-f]{32}$")
SHAPES = {"userId": USER_ID, "groupId": GROUP_ID, "roomId": ROOM_ID}


def well_formed(name: str, value: object) -> bool:
    """True if `value` has the shape LINE gives ids called `name` (userId, groupId, roomId)."""
    return isinstance(value, str) and bool(SHAPES[name].match(value))


def check_path_ids(params: dict[str, str]) -> None:
    """Refuse a path whose userId, groupId or roomId LINE would not accept (400, as LINE)."""
    for name, value in params.items():
        if name in SHAPES and not well_formed(name, value):
            raise LineError(400, f"The value for the '{name}' parameter is invalid")
