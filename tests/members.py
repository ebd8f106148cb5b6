"""Put members in the database as they would be after consenting and registering."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.timekeeping import Clock
from storage import members
from storage.models import MemberRole
from storage.models.members import CONSENT_GIVEN

# The process's clock as the app builds it (tests with a clock of their own pass it): members
# registered here join when the bot thinks it is, never by a second reading of the wall clock.
DEFAULT_CLOCK = Clock()


def registered(db, user_id: str, *, name: str = "สมศรี", network: str = "civil",
               language: str = "th", roles: tuple[tuple[str, str | None], ...] = (),
               clock: Callable[[], datetime] = DEFAULT_CLOCK) -> None:  # fmt: skip
    """Store a consented, registered member (with optional (role, network) pairs), as of `clock`."""
    now = clock()
    with db.unit_of_work() as session:
        member = members.get_or_create(session, user_id)
        member.consent_status, member.consent_version, member.consent_decided_at = (
            CONSENT_GIVEN,
            "2026-11",
            now,
        )
        member.display_name, member.network, member.language = name, network, language
        member.organisation, member.province, member.registered_at = "โรงเรียนบ้านดอย", "เชียงราย", now
        for role, role_network in roles:
            member.roles.append(MemberRole(role=role, network=role_network))


def join(line, db, name: str = "สมศรี", **fields) -> str:
    """Add a simulated LINE user who is already a registered member; return their user id."""
    user_id = line.add_user(name)["userId"]
    registered(db, user_id, name=name, **fields)
    return user_id
