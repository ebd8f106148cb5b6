"""`flask staff create EMAIL`: add a staff account, asking for its password (never an argument)."""

from __future__ import annotations

import click
from flask import current_app
from sqlalchemy.exc import IntegrityError

from staff.blueprint import blueprint
from storage import staff as accounts


@blueprint.cli.command("create")
@click.argument("email")
@click.password_option(help="At least 10 characters; asked twice when not given.")
def create(email: str, password: str) -> None:
    """Create a staff account that can sign in to /staff."""
    if "@" not in email:
        raise click.BadParameter("give the person's email address", param_hint="EMAIL")
    try:
        with current_app.extensions["bot"].db.unit_of_work() as session:
            accounts.create_account(session, email, password)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    except IntegrityError:
        raise click.ClickException(f"{email} already has an account") from None
    click.echo(f"staff account created for {accounts.normalize_email(email)}")
