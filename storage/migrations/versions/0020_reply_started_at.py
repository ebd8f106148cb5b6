"""a reply's write-ahead mark: when its sender was about to call LINE

Revision ID: 0020
Revises: 0017
Create Date: 2026-12-05 19:10:00
"""

from alembic import op
import sqlalchemy as sa

from storage.types import UTCDateTime


revision = '0020'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_started_at', UTCDateTime(), nullable=True))
    # Replies held by a sender when this runs may have gone out: treat them as started.
    op.execute(
        "UPDATE deliveries SET reply_started_at = claimed_until "
        "WHERE status = 'pending' AND kind = 'reply' AND claimed_until IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_column('reply_started_at')
