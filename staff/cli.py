"""`flask staff create EMAIL`: add a staff account, asking for its password (never an argument)."""

from __future__ import annotations

import click
from flask import current_app
from sqlalchemy.exc import IntegrityError

from handlers.provinces import find_province
from staff.blueprint import blueprint
from storage import staff as accounts


@blueprint.cli.command("create")
@click.argument("email")
@click.password_option(help="At least 10 characters; asked twice when not given.")
@click.option("--province", "provinces", multiple=True, help="Limit to a province (repeatable).")
@click.option("--network", "networks", multiple=True, help="Limit to a network key (repeatable).")
def create(
    email: str, password: str, provinces: tuple[str, ...], networks: tuple[str, ...]
) -> None:
    """Create a staff account that can sign in to /staff (all provinces unless limited)."""
    known = [find_province(p) for p in provinces]
    if None in known:
        raise click.BadParameter(f"unknown province {provinces[known.index(None)]!r}")
    if "@" not in email:
        raise click.BadParameter("give the person's email address", param_hint="EMAIL")
    try:
        with current_app.extensions["bot"].db.unit_of_work() as session:
            account = accounts.create_account(session, email, password)
            accounts.set_scope(session, account, known, list(networks))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    except IntegrityError:
        raise click.ClickException(f"{email} already has an account") from None
    click.echo(f"staff account created for {accounts.normalize_email(email)}")
