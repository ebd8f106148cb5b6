"""Flask CLI commands: migrations, the inbox, deliveries, nudges, the clock, members, rich menu."""

from __future__ import annotations

import os

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from bot.members_cli import members_group
from bot.richmenu.deploy import richmenu_group
from bot.worker_cli import worker_command
from demo.cli import demo_group
from exports.cli import export_command
from storage import deliveries, inbox
from storage.migrate import upgrade


def _bot():
    return current_app.extensions["bot"]


@click.group("db", cls=AppGroup)
def db_group() -> None:
    """Manage the database schema."""


@db_group.command("upgrade")
def db_upgrade() -> None:
    """Apply every migration not yet applied."""
    upgrade(_bot().config.database_url)
    click.echo("database is up to date")


@click.group("inbox", cls=AppGroup)
def inbox_group() -> None:
    """Look at and handle stored webhook events."""


@inbox_group.command("status")
def inbox_status() -> None:
    """Count stored events by status, and the deliveries whose outcome LINE never told us."""
    with _bot().db.unit_of_work() as session:
        counts = inbox.count_by_status(session)
        sent = deliveries.count_by_status(session)
    for status in ("pending", "done", "failed", "rejected"):
        click.echo(f"{status}: {counts.get(status, 0)}")
    # Replies that may or may not have reached the member (never pushed, to avoid a second copy).
    click.echo(f"replies unknown: {sent.get(deliveries.UNKNOWN, 0)}")
    click.echo(f"deliveries failed: {sent.get(deliveries.FAILED, 0)}")


@inbox_group.command("drain")
def inbox_drain() -> None:
    """Handle every event that was stored but never handled (e.g. its process was killed)."""
    handled = _bot().processor.drain()
    click.echo(f"handled {handled} event(s)")


@click.command("send-due")
@with_appcontext
def send_due() -> None:
    """Send every delivery whose next attempt is due."""
    count = _bot().sender.send_due(limit=10_000)
    click.echo(f"attempted {count} deliver(y/ies)")


@click.group("nudges", cls=AppGroup)
def nudges_group() -> None:
    """Friendly reminders members get from the bot."""


@nudges_group.command("send")
def nudges_send() -> None:
    """Send the reflection invitations due now (none at night; each activity's at most once)."""
    from bot.nudges import send_reflection_nudges

    count = send_reflection_nudges(_bot())
    click.echo(f"queued {count} reflection nudge(s)")


@nudges_group.command("story-digest")
def nudges_story_digest() -> None:
    """Send the good-stories digest staff approved on the staff web (daytime only, once)."""
    from bot.story_digest import send_story_digests

    count = send_story_digests(_bot())
    click.echo(f"queued the story digest for {count} member(s)")


@click.command("clock")
@with_appcontext
def clock_command() -> None:
    """Run the one scheduler process (Procfile `clock:`).

    CLOCK_FAKE_NOW (tests only) starts the clock's time at that instant, e.g.
    2026-12-01T08:59:58+07:00, so a 09:00 reminder can be checked without waiting.
    """
    from bot.clock import run_clock
    from bot.timekeeping import running_from

    try:
        now = running_from(os.environ.get("CLOCK_FAKE_NOW", "").strip())
    except ValueError as exc:
        raise click.UsageError(f"CLOCK_FAKE_NOW: {exc}") from None
    run_clock(_bot(), now)


def init_app(app: Flask) -> None:
    """Register the commands on the app."""
    from bot.meetings_cli import meetings_group, prompts_group

    app.cli.add_command(meetings_group)
    app.cli.add_command(prompts_group)
    app.cli.add_command(db_group)
    app.cli.add_command(inbox_group)
    app.cli.add_command(send_due)
    app.cli.add_command(nudges_group)
    app.cli.add_command(clock_command)
    app.cli.add_command(worker_command)
    app.cli.add_command(richmenu_group)
    app.cli.add_command(members_group)
    app.cli.add_command(export_command)
    app.cli.add_command(demo_group)
