"""The signed-in account's scope, for every staff query (set by the gate; missing means nothing)."""

from __future__ import annotations

from flask import g

from storage.scope import NOTHING, Scope


def current_scope() -> Scope:
    """Return what the signed-in staff account may see; fail closed when the gate did not run."""
    return g.get("staff_scope", NOTHING)


def remember(account) -> None:
    """Keep the account's scope for this request."""
    g.staff_scope = Scope.of(account.scope_provinces, account.scope_networks)
