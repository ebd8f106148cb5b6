"""Staff's terminal commands: `flask meetings create|list|cancel|report` and `flask prompts ...`."""

from __future__ import annotations

import re
from datetime import datetime

import click
from flask import current_app
from flask.cli import AppGroup

from bot.networks import load_networks
from handlers.parsing.recurrence import RecurrenceProblem, parse_recurrence, read_time
from messages.meetings import report_text, when
from storage import meeting_report, meeting_series, meetings, reminders
from storage.meeting_series import Template
from storage.reminder_plan import PlanError, parse_plan

HH_MM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _bot():
    return current_app.extensions["bot"]


def _network_keys(names: tuple[str, ...]) -> list[str]:
    known = load_networks(_bot().config.networks_file)
    keys = []
    for name in names:
        found = next(
            (n.key for n in known if name in (n.key, n.name_th, n.name_en, n.label_th)), None
        )
        if found is None:
            choices = ", ".join(n.key for n in known)
            raise click.BadParameter(
                f"unknown network {name!r} (known: {choices})", param_hint="--network"
            )
        keys.append(found)
    return keys


@click.group("meetings", cls=AppGroup)
def meetings_group() -> None:
    """Schedule, list, cancel and report meetings (announcements go out through the clock)."""


@meetings_group.command("create")
@click.option("--title", required=True)
@click.option("--at", "at", help="YYYY-MM-DD HH:MM in the bot's time zone (with --every: HH:MM)")
@click.option("--every", help='repeat, e.g. "ทุกวันอังคารแรกของเดือน 13.30 น.", "every Wednesday"')
@click.option("--link")
@click.option("--place")
@click.option("--agenda")
@click.option("--network", "networks", multiple=True, help="network key or name (repeatable)")
@click.option("--all", "everyone", is_flag=True, help="every registered member")
@click.option("--reminders", "plan", help="e.g. announcement,day_before@09:00,hour_before:60")
def create(title, at, every, link, place, agenda, networks, everyone, plan) -> None:
    """Schedule a meeting (or a repeating one, --every) for networks or for all members."""
    config = _bot().config
    if bool(link) == bool(place):
        raise click.UsageError("give exactly one of --link or --place")
    if bool(networks) == everyone:
        raise click.UsageError("give --network (one or more) or --all")
    if every:
        return _create_series(every, at, title, link, place, agenda, networks, plan)
    if not at:
        raise click.UsageError("give --at (or --every)")
    try:
        starts = datetime.strptime(at, "%Y-%m-%d %H:%M").replace(tzinfo=config.zone)
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD HH:MM", param_hint="--at") from None
    now = _bot().clock()
    if starts <= now:
        raise click.BadParameter("that time has passed", param_hint="--at")
    plan = plan or config.meeting_reminders
    try:
        parse_plan(plan)
    except PlanError as exc:
        raise click.BadParameter(str(exc), param_hint="--reminders") from None
    keys = _network_keys(networks) if networks else None
    with _bot().db.unit_of_work() as session:
        meeting = meetings.create(
            session, title=title, starts_at=starts, link=link, place=place, agenda=agenda,
            audience="networks" if keys else "all", networks=keys, group_id=None,
            organiser_id=None, plan=plan, now=now, zone=config.zone,
        )  # fmt: skip
        planned = reminders.of_meeting(session, meeting.id)
        click.echo(
            f"meeting {meeting.id} scheduled for {when(meeting.starts_at, config.zone, 'en')}"
        )
        for reminder in planned:
            click.echo(f"  {reminder.kind}: {when(reminder.due_at, config.zone, 'en')}")


def _create_series(every, at, title, link, place, agenda, networks, plan) -> None:
    config = _bot().config
    try:
        rule = parse_recurrence(every)
    except RecurrenceProblem as problem:
        if problem.code != "no_time" or not at:
            raise click.BadParameter(
                'not understood: try e.g. "ทุกวันพุธ 9 โมง", "ทุกสองสัปดาห์วันศุกร์ 10.00", '
                '"ทุกวันอังคารแรกของเดือน 13.30 น." or "every Wednesday 09:00" (or add --at HH:MM)',
                param_hint="--every",
            ) from None
        try:
            rule = read_time(problem.rule, at)
        except RecurrenceProblem:
            raise click.BadParameter("use HH:MM", param_hint="--at") from None
    plan = plan or config.meeting_reminders
    try:
        parse_plan(plan)
    except PlanError as exc:
        raise click.BadParameter(str(exc), param_hint="--reminders") from None
    keys = _network_keys(networks) if networks else None
    template = Template(title=title, link=link, place=place, agenda=agenda,
                        audience="networks" if keys else "all", networks=keys, group_id=None,
                        organiser_id=None, plan=plan)  # fmt: skip
    now = _bot().clock()
    with _bot().db.unit_of_work() as session:
        series, made = meeting_series.create(session, rule, template, now, config.zone)
        click.echo(f"series {series.id}: {rule.describe('en')}; {len(made)} occurrence(s) "
                   f"planned (the clock adds more as they come within three months)")  # fmt: skip
        for meeting in made:
            announced = next(r.due_at for r in reminders.of_meeting(session, meeting.id)
                             if r.kind == "announcement")  # fmt: skip
            click.echo(f"  meeting {meeting.id}: {when(meeting.starts_at, config.zone, 'en')}"
                       f" (announced {when(announced, config.zone, 'en')})")  # fmt: skip


@meetings_group.command("cancel-series")
@click.argument("series_id", type=int)
def cancel_series(series_id: int) -> None:
    """End a repeating meeting: every upcoming occurrence is cancelled, no more are planned."""
    with _bot().db.unit_of_work() as session:
        series = meeting_series.get(session, series_id)
        if series is None or series.status != "active":
            raise click.ClickException(f"no active series {series_id}")
        count = meeting_series.cancel(session, series, _bot().clock(), _bot().config.zone)
    click.echo(f"series {series_id} ended; {count} upcoming occurrence(s) cancelled")


@meetings_group.command("list")
def list_meetings() -> None:
    """List upcoming meetings with their RSVP counts."""
    config = _bot().config
    with _bot().db.unit_of_work() as session:
        found = meetings.upcoming(session, _bot().clock(), limit=200)
        for m in found:
            counts = meetings.rsvp_counts(session, m.id)
            audience = m.networks or m.audience
            if m.series_id:
                audience = f"{audience}\tseries {m.series_id}"
            click.echo(f"{m.id}\t{when(m.starts_at, config.zone, 'en')}\t{m.title}\t{audience}\t"
                       f"yes {counts['yes']} no {counts['no']} maybe {counts['maybe']}")  # fmt: skip
    if not found:
        click.echo("no upcoming meetings")


@meetings_group.command("cancel")
@click.argument("meeting_id", type=int)
def cancel(meeting_id: int) -> None:
    """Cancel a meeting: pending reminders stop and those invited are told."""
    with _bot().db.unit_of_work() as session:
        meeting = meetings.get(session, meeting_id)
        if meeting is None or meeting.status == "cancelled":
            raise click.ClickException(f"no scheduled meeting {meeting_id}")
        told = meetings.cancel(session, meeting, _bot().clock(), _bot().config.zone)
    click.echo(f"meeting {meeting_id} cancelled" + ("; invitees will be told" if told else ""))


@meetings_group.command("report")
@click.argument("meeting_id", type=int)
@click.option("--lang", type=click.Choice(["th", "en"]), default="th")
def report(meeting_id: int, lang: str) -> None:
    """Print a meeting's delivery report: sent, failed (why), skipped, RSVPs."""
    with _bot().db.unit_of_work() as session:
        meeting = meetings.get(session, meeting_id)
        if meeting is None:
            raise click.ClickException(f"no meeting {meeting_id}")
        click.echo(report_text(meeting_report.gather(session, meeting), _bot().config.zone, lang,
                              now=_bot().clock()))  # fmt: skip


@click.group("prompts", cls=AppGroup)
def prompts_group() -> None:
    """Monthly prompts to members, sent by the clock (e.g. the 25th at 18:00)."""


@prompts_group.command("add")
@click.option(
    "--day", type=click.IntRange(1, 31), required=True, help="day of the month (31: last)"
)
@click.option("--at", "at", required=True, help="HH:MM in the bot's time zone")
@click.option("--text", "text_th", required=True, help="the message in Thai")
@click.option("--text-en", help="the message in English (else Thai for everyone)")
@click.option("--network", "networks", multiple=True)
def add_prompt(day, at, text_th, text_en, networks) -> None:
    """Add a monthly prompt."""
    if not HH_MM.match(at):
        raise click.BadParameter("use HH:MM", param_hint="--at")
    keys = _network_keys(networks) if networks else None
    with _bot().db.unit_of_work() as session:
        prompt = reminders.add_prompt(session, day=day, at=at, text_th=text_th, text_en=text_en,
                                      networks=keys, now=_bot().clock())  # fmt: skip
    click.echo(f"prompt {prompt.id}: day {day} at {at}")


@prompts_group.command("list")
def list_prompts() -> None:
    """List the monthly prompts."""
    with _bot().db.unit_of_work() as session:
        for p in reminders.all_prompts(session):
            state = "active" if p.active else "stopped"
            click.echo(
                f"{p.id}\tday {p.day_of_month} at {p.at_time}\t{p.networks or 'all'}\t{state}\t{p.text_th[:40]}"
            )


@prompts_group.command("stop")
@click.argument("prompt_id", type=int)
def stop_prompt(prompt_id: int) -> None:
    """Stop a monthly prompt."""
    with _bot().db.unit_of_work() as session:
        if not reminders.stop_prompt(session, prompt_id):
            raise click.ClickException(f"no prompt {prompt_id}")
    click.echo(f"prompt {prompt_id} stopped")
