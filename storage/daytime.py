"""The bot's daytime, 08:00 to 20:00 local: what is not urgent never reaches a phone at night.

One rule for every send that can wait: reflection nudges, story permission requests, the monthly
digest, meeting announcements, notices and reminders (storage.reminder_plan says which of those
are time-critical and go at night anyway).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

DAY_STARTS, NIGHT_STARTS = time(8, 0), time(20, 0)


def is_daytime(now: datetime, zone: tzinfo) -> bool:
    """True between 08:00 and 20:00 in the bot's time zone: nudges are never sent at night."""
    return DAY_STARTS <= now.astimezone(zone).time() < NIGHT_STARTS


def next_morning(moment: datetime, zone: tzinfo) -> datetime:
    """`moment` itself by day; at night, the 08:00 that ends that night (local)."""
    if is_daytime(moment, zone):
        return moment
    local = moment.astimezone(zone)
    day = local.date() if local.time() < DAY_STARTS else local.date() + timedelta(days=1)
    return datetime.combine(day, DAY_STARTS, tzinfo=zone)
