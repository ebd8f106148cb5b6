"""linked LINE groups keep their name (LINE's group summary), so coordinators pick groups by name

Revision ID: 0021
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("linked_groups", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("linked_groups", schema=None) as batch_op:
        batch_op.drop_column("name")
