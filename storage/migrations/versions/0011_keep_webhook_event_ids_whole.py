"""keep webhook event ids whole (up to 255 characters, no longer cut to 64)

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-05 17:10:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('inbox_events', schema=None) as batch_op:
        batch_op.alter_column('webhook_event_id', existing_type=sa.String(length=64),
                              type_=sa.String(length=255), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('inbox_events', schema=None) as batch_op:
        batch_op.alter_column('webhook_event_id', existing_type=sa.String(length=255),
                              type_=sa.String(length=64), existing_nullable=False)
