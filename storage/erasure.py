"""One registry of what each feature keeps about a member: erase it all, or describe it.

A feature that stores rows (or files) about a member registers, in its own `storage/<area>.py` or
`storage/models/<area>.py` (both found automatically, no list to edit):

    @eraser("activities", order=40)
    def erase_activities(session: Session, subject: Subject) -> int: ...   # rows removed

    @describer("activities")
    def describe_activities(session: Session, subject: Subject) -> list[Fact]:
        return [Fact("mydata.activities", {"count": n})]   # a catalog key with its placeholders

Erasers run inside the caller's transaction, lowest `order` first (rows that point at another
feature's rows go first), then the member row itself (its roles cascade). Files are removed with
`unlink_after_commit`, so a rolled-back erasure never loses a photo whose row survived.
"""

from __future__ import annotations

import importlib
import pkgutil
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from storage import members
from storage.db import FORGET_ON_DISK
from storage.models import Base

# Scripts and the migration runner keep no member data; importing them is only slow.
_NOT_REPOSITORIES = {"db", "makemigration", "migrate", "erasure"}
_PENDING_FILES = "erasure.pending_files"


@dataclass(frozen=True)
class Subject:
    """Whose data: the LINE user id always, the member row's id when there is one."""

    line_user_id: str
    member_id: int | None
    media_dir: Path | None = None  # the configured media store, for features that keep files
    now: datetime | None = None  # the app's clock at the erasure (None: judge nothing by time)


@dataclass(frozen=True)
class Fact:
    """One line of "my data": a catalog key and its placeholders, e.g. ("mydata.photos", {count})."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)


Eraser = Callable[[Session, Subject], int | None]
Describer = Callable[[Session, Subject], Iterable[Fact]]


@dataclass(frozen=True)
class Registered:
    name: str
    function: Callable
    order: int
    tables: tuple[str, ...] = ()  # the tables whose rows about a member this function covers


ERASERS: dict[str, Registered] = {}
DESCRIBERS: dict[str, Registered] = {}


class DuplicateEraser(RuntimeError):
    """Two features register under the same name: refuse rather than skip one silently."""


def _register(
    table: dict[str, Registered],
    name: str,
    function: Callable,
    order: int,
    tables: Iterable[str] = (),
) -> None:
    known = table.get(name)
    if known is not None and known.function.__qualname__ != function.__qualname__:
        raise DuplicateEraser(f"{name!r} is registered twice ({known.function.__module__})")
    table[name] = Registered(name, function, order, tuple(tables) or (name,))


def eraser(name: str, *, order: int = 50, tables: Iterable[str] = ()) -> Callable[[Eraser], Eraser]:
    """Register `fn(session, subject) -> rows removed` to run when a member deletes their data.

    `tables` names the tables it empties of the member (default: the table called `name`).
    """

    def mark(function: Eraser) -> Eraser:
        _register(ERASERS, name, function, order, tables)
        return function

    return mark


def describer(
    name: str, *, order: int = 50, tables: Iterable[str] = ()
) -> Callable[[Describer], Describer]:
    """Register `fn(session, subject) -> [Fact]` to tell a member what this feature keeps."""

    def mark(function: Describer) -> Describer:
        _register(DESCRIBERS, name, function, order, tables)
        return function

    return mark


@cache
def discover() -> tuple[str, ...]:
    """Import every storage module (and every model) so their registrations run; return names."""
    import storage
    import storage.models  # noqa: F401 - models register on import too

    names = [
        f"storage.{m.name}"
        for m in pkgutil.iter_modules(storage.__path__)
        if not m.ispkg and m.name not in _NOT_REPOSITORIES
    ]
    for name in names:
        importlib.import_module(name)
    return tuple(names)


def subject_of(
    session: Session, line_user_id: str, media_dir: Path | None = None, now: datetime | None = None
) -> Subject:
    """Build the subject for a LINE user id, with their member id if they have a row."""
    member = members.find(session, line_user_id)
    return Subject(line_user_id, member.id if member else None, media_dir, now)


def erase_member(
    session: Session, line_user_id: str, media_dir: Path | None = None, now: datetime | None = None
) -> dict[str, int]:
    """Remove everything kept about the user: every feature's rows, then the member row."""
    discover()
    subject = subject_of(session, line_user_id, media_dir, now)
    removed: dict[str, int] = {}
    for entry in sorted(ERASERS.values(), key=lambda e: (e.order, e.name)):
        removed[entry.name] = int(entry.function(session, subject) or 0)
        session.flush()
    member = members.find(session, line_user_id)
    if member is not None:
        session.delete(member)  # its roles go with it (cascade)
        session.flush()
        removed["members"] = 1
    # Once committed, the rows are gone from queries but not yet from the disk: the database's
    # owner (Database.forget_erased) cleans these tables there when the work around it is done.
    session.info[FORGET_ON_DISK] = erased_tables(Base.metadata)
    return removed


def erased_tables(metadata) -> list[str]:
    """Return the tables an erasure deletes from: those an eraser covers, and their children."""
    covered = covered_tables(ERASERS)
    return sorted(
        table.name
        for table in metadata.sorted_tables
        if table.name in covered
        or any(fk.column.table.name in covered for fk in table.foreign_keys)
    )


def describe_member(session: Session, subject: Subject) -> list[Fact]:
    """Collect what every feature says it keeps about the subject, in registration order."""
    discover()
    facts: list[Fact] = []
    for entry in sorted(DESCRIBERS.values(), key=lambda e: (e.order, e.name)):
        facts.extend(entry.function(session, subject))
    return facts


def unlink_after_commit(session: Session, path: Path) -> None:
    """Delete a file once the session's transaction commits (never if it rolls back)."""
    if not event.contains(session, "after_commit", _unlink_pending):
        event.listen(session, "after_commit", _unlink_pending)
        event.listen(session, "after_rollback", _forget_pending)
    session.info.setdefault(_PENDING_FILES, []).append(Path(path))


def _unlink_pending(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint was released: the outer transaction may still roll back
    for path in session.info.pop(_PENDING_FILES, []):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)  # a member's own folder, files and all
        else:
            path.unlink(missing_ok=True)


def covered_tables(registry: Mapping[str, Registered]) -> set[str]:
    """Return every table some registered function says it covers."""
    discover()
    return {name for entry in registry.values() for name in entry.tables}


def tables_naming_members(metadata) -> set[str]:
    """Return the tables that can hold a member's data: a foreign key to members, a LINE user
    id column, or a media path column."""
    found: set[str] = set()
    for table in metadata.sorted_tables:
        for column in table.columns:
            refers = any(fk.column.table.name == "members" for fk in column.foreign_keys)
            if refers or column.name.endswith("user_id") or column.name == "path":
                found.add(table.name)
    return found


def uncovered(metadata) -> list[str]:
    """Say, for each table naming members without an eraser or a describer, what to add."""
    erased, described = covered_tables(ERASERS), covered_tables(DESCRIBERS)
    problems = []
    for table in sorted(tables_naming_members(metadata)):
        for kind, covered in (("eraser", erased), ("describer", described)):
            if table not in covered:
                problems.append(
                    f"table {table!r} refers to a member but no @{kind} covers it: add "
                    f"@{kind}({table!r}) (or tables=({table!r},) on an existing one) to a "
                    f"function in storage/<area>.py; see storage/erasure.py"
                )
    return problems


def _forget_pending(session: Session) -> None:
    # Any rollback (a savepoint's too) may have undone the row deletions: keep every file.
    session.info.pop(_PENDING_FILES, None)
