"""Look through every table the models declare for anything that points at a person."""

from __future__ import annotations

from sqlalchemy import MetaData, String, Text, cast, func, select

from storage.models import Base


def _escape(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def mentions(db, needle: str) -> list[str]:
    """Name every table.column (of any model, today's or a later feature's) containing `needle`."""
    found = []
    with db.unit_of_work() as session:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if not isinstance(column.type, String | Text):
                    continue
                count = session.scalar(
                    select(func.count())
                    .select_from(table)
                    .where(column.like(_escape(needle), escape="\\"))
                )
                if count:
                    found.append(f"{table.name}.{column.name}")
    return found


def references(db, table_name: str, row_id: int) -> list[str]:
    """Name every table.column whose foreign key holds `row_id` of `table_name`."""
    found = []
    with db.unit_of_work() as session:
        for table in Base.metadata.sorted_tables:
            for key in table.foreign_keys:
                if key.column.table.name != table_name:
                    continue
                count = session.scalar(
                    select(func.count()).select_from(table).where(key.parent == row_id)
                )
                if count:
                    found.append(f"{table.name}.{key.parent.name}")
    return found


def rows_of(db, needle: str) -> dict[str, list[dict]]:
    """Return, per table, the rows with `needle` in any text column (to show what was kept)."""
    kept: dict[str, list[dict]] = {}
    with db.unit_of_work() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if not columns:
                continue
            condition = columns[0].like(_escape(needle), escape="\\")
            for column in columns[1:]:
                condition = condition | column.like(_escape(needle), escape="\\")
            rows = [dict(r._mapping) for r in session.execute(select(table).where(condition))]
            if rows:
                kept[table.name] = rows
    return kept


def database_mentions(db, needle: str) -> list[str]:
    """Name every table.column of the live database (every table it has, whether or not a model
    declares it) whose value, read as text, contains `needle`."""
    found = []
    live = MetaData()
    live.reflect(db.engine)
    with db.unit_of_work() as session:
        for table in live.sorted_tables:
            for column in table.columns:
                as_text = cast(column, String)
                count = session.scalar(
                    select(func.count())
                    .select_from(table)
                    .where(as_text.like(_escape(needle), escape="\\"))
                )
                if count:
                    found.append(f"{table.name}.{column.name}")
    return found
