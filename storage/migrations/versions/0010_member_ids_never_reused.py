"""member ids never reused (SQLite AUTOINCREMENT)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 17:00:00.000000
"""

from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # PostgreSQL sequences never hand out an id twice already; SQLite reuses the highest id
    # after a delete unless the table is declared AUTOINCREMENT, which needs a rebuild.
    if op.get_bind().dialect.name != 'sqlite':
        return
    with op.batch_alter_table(
        'members', recreate='always', table_kwargs={'sqlite_autoincrement': True}
    ):
        pass


def downgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    with op.batch_alter_table(
        'members', recreate='always', table_kwargs={'sqlite_autoincrement': False}
    ):
        pass
