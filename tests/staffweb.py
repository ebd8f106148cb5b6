"""Staff accounts and signed-in test clients for the /staff pages."""

from __future__ import annotations

import re

from storage import staff as accounts

EMAIL, PASSWORD = "staff@moralcenter.example", "correct-horse-battery"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def add_staff(db, email: str = EMAIL, password: str = PASSWORD, admin: bool = False) -> None:
    with db.unit_of_work() as session:
        accounts.create_account(session, email, password, admin=admin)


def csrf(client, path: str = "/staff/sign-in") -> str:
    """The CSRF token a page's form carries."""
    match = _TOKEN.search(client.get(path).get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def try_sign_in(client, email: str = EMAIL, password: str = PASSWORD, **extra):
    return client.post(
        "/staff/sign-in",
        data={"csrf_token": csrf(client), "email": email, "password": password},
        **extra,
    )


def signed_in(app, db, admin: bool = False, *, provinces=(), networks=()):
    """A test client holding a staff session (of an admin if `admin`; limited when given)."""
    add_staff(db, admin=admin)
    if provinces or networks:
        with db.unit_of_work() as session:
            account = accounts.find(session, EMAIL)
            accounts.set_scope(session, account, list(provinces), list(networks))
    client = app.test_client()
    response = try_sign_in(client)
    assert response.status_code == 302, response.get_data(as_text=True)
    return client
