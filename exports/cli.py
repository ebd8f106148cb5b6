"""`flask export KIND --format csv|xlsx [filters] [-o FILE]`: CSV goes to standard output without -o."""

from __future__ import annotations

import sys
from contextlib import ExitStack

import click
from flask import current_app
from flask.cli import with_appcontext

import exports
from bot.networks import load_networks

KINDS = ("reflections", "activities", "assessments", "members", "meetings", "themes")


@click.command("export")
@click.argument("kind", type=click.Choice(KINDS))
@click.option(
    "--format", "fmt", type=click.Choice(exports.FORMATS), default="csv", show_default=True
)
@click.option("--from", "date_from", metavar="DATE", help="First day (YYYY-MM-DD; 2564 = 2021).")
@click.option("--to", "date_to", metavar="DATE", help="Last day, inclusive.")
@click.option("--network", metavar="NAME", help="Network key or name (e.g. civil, youth).")
@click.option("--anonymize", is_flag=True, help="Pseudonyms instead of names and LINE ids.")
@click.option("--lang", type=click.Choice(["th", "en"]), default="th", show_default=True)
@click.option("--buddhist-era", is_flag=True, help="Show years in the Buddhist era (2564).")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write."
)
@with_appcontext
def export_command(kind, fmt, date_from, date_to, network, anonymize, lang, buddhist_era, output):
    """Export what members sent, for Excel: one row per record, Thai headers by default."""
    bot = current_app.extensions["bot"]
    try:
        filters = exports.make_filters(
            load_networks(bot.config.networks_file), date_from=date_from, date_to=date_to,
            network=network, anonymize=anonymize, lang=lang, buddhist_era=buddhist_era,
            today=bot.clock().astimezone(bot.config.zone).date(),
        )  # fmt: skip
        if fmt == "xlsx" and output is None and sys.stdout.isatty():
            raise click.UsageError("an XLSX file is binary: give -o FILE (or redirect the output)")
        with ExitStack() as stack:
            out = stack.enter_context(open(output, "wb")) if output else sys.stdout.buffer
            show = sys.stderr.isatty() and (output is not None or not sys.stdout.isatty())
            progress = None
            if show:
                total = exports.count(kind, filters, db=bot.db, config=bot.config)
                bar = stack.enter_context(click.progressbar(length=total, file=sys.stderr))
                progress = bar.update
            rows = exports.write(
                kind, fmt, out, filters, db=bot.db, config=bot.config, progress=progress,
                now=bot.clock(),  # past meetings are labelled by the bot's one clock
            )  # fmt: skip
            out.flush()
    except (exports.FilterError, exports.ExportPending, exports.PseudonymSecretMissing) as exc:
        raise click.ClickException(str(exc)) from None
    if output:
        click.echo(f"{rows} row(s) written to {output}", err=True)
