"""`flask staff create|deactivate|activate|reset-password EMAIL`: manage staff accounts.

Passwords are asked for (never an argument on the command line, where `ps` would show them).
"""

from __future__ import annotations

import click
from flask import current_app
from sqlalchemy.exc import IntegrityError

from handlers.provinces import find_province
from staff.blueprint import blueprint
from storage import staff as accounts
from storage import staff_admin


@blueprint.cli.command("create")
@click.argument("email")
@click.password_option(help="At least 10 characters; asked twice when not given.")
@click.option("--admin", is_flag=True, help="May invite, deactivate and read the audit log.")
@click.option("--province", "provinces", multiple=True, help="Limit to a province (repeatable).")
@click.option("--network", "networks", multiple=True, help="Limit to a network key (repeatable).")
def create(
    email: str, password: str, admin: bool, provinces: tuple[str, ...], networks: tuple[str, ...]
) -> None:
    """Create a staff account that can sign in to /staff (all provinces unless limited)."""
    known = [find_province(p) for p in provinces]
    if None in known:
        raise click.BadParameter(f"unknown province {provinces[known.index(None)]!r}")
    if "@" not in email:
        raise click.BadParameter("give the person's email address", param_hint="EMAIL")
    try:
        with current_app.extensions["bot"].db.unit_of_work() as session:
            account = accounts.create_account(session, email, password, admin=admin)
            accounts.set_scope(session, account, known, list(networks))
            staff_admin.record(session, "cli", "create", at=_now(), email=email, admin=admin)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    except IntegrityError:
        raise click.ClickException(f"{email} already has an account") from None
    click.echo(f"staff account created for {accounts.normalize_email(email)}")


def _change(email: str, change, action: str) -> None:
    with current_app.extensions["bot"].db.unit_of_work() as session:
        account = change(session)
        if account is not None:
            staff_admin.record(session, "cli", action, at=_now(), email=account.email)
    if account is None:
        raise click.ClickException(f"no staff account for {accounts.normalize_email(email)}")


@blueprint.cli.command("deactivate")
@click.argument("email")
def deactivate(email: str) -> None:
    """Stop an account signing in, and end every session it has open now."""
    _change(email, lambda session: accounts.set_active(session, email, False), "deactivate")
    click.echo(f"{accounts.normalize_email(email)} deactivated; its sessions have ended")


@blueprint.cli.command("activate")
@click.argument("email")
def activate(email: str) -> None:
    """Let a deactivated account sign in again (with its password)."""
    _change(email, lambda session: accounts.set_active(session, email, True), "activate")
    click.echo(f"{accounts.normalize_email(email)} can sign in again")


@blueprint.cli.command("reset-password")
@click.argument("email")
@click.password_option(help="At least 10 characters; asked twice when not given.")
def reset_password(email: str, password: str) -> None:
    """Give an account a new password; every session signed in with the old one ends."""
    try:
        _change(
            email, lambda session: accounts.set_password(session, email, password), "reset_password"
        )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"new password set for {accounts.normalize_email(email)}; its sessions have ended")


def _now():
    """The bot's one clock, so the audit log dates a command as it dates the web's changes."""
    return current_app.extensions["bot"].clock()
