"""`flask demo seed --members N --activities N --reflections N`: realistic Thai demo data."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import AppGroup

import demo
from demo.plan import SeedPlan
from storage.migrate import upgrade


@click.group("demo", cls=AppGroup)
def demo_group() -> None:
    """Demo data for trying the staff dashboard and for benchmarks."""


@demo_group.command("seed")
@click.option("--members", default=200, show_default=True, type=click.IntRange(0))
@click.option("--activities", default=500, show_default=True, type=click.IntRange(0))
@click.option("--reflections", default=1000, show_default=True, type=click.IntRange(0))
@click.option(
    "--assessments", default=None, type=click.IntRange(0), help="Default: one per member."
)
@click.option("--meetings", default=30, show_default=True, type=click.IntRange(0))
@click.option("--seed", "seed_value", default=2564, show_default=True, help="Same seed, same data.")
@click.option("--force", is_flag=True, help="Seed even though real members are in the database.")
def seed_command(members, activities, reflections, assessments, meetings, seed_value, force):
    """Fill the database with demo members, activities, reflections, assessments and meetings."""
    if members == 0 and (activities or reflections or assessments or meetings):
        raise click.UsageError("activities, reflections and meetings need --members above 0")
    config = current_app.extensions["bot"].config
    upgrade(config.database_url)  # a fresh clone has no tables yet (as `make run` does it)
    plan = SeedPlan(
        members, activities, reflections, members if assessments is None else assessments,
        meetings, current_app.extensions["bot"].clock(), zone=config.zone, media_dir=config.media_dir,
    )  # fmt: skip
    started = time.monotonic()
    try:
        made = demo.seed(current_app.extensions["bot"].db, plan, seed_value=seed_value, force=force)
    except demo.RealMembersPresent as exc:
        raise click.ClickException(str(exc)) from None
    summary = ", ".join(f"{count} {name}" for name, count in made.items())
    click.echo(f"seeded {summary} in {time.monotonic() - started:.1f}s")
