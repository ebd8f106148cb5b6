"""meeting series

Revision ID: 0027
Revises: 0017
Create Date: 2026-12-05 18:51:09.538097
"""

from alembic import op
import sqlalchemy as sa


revision = '0027'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meeting_series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=100), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('at_time', sa.String(length=5), nullable=False),
    sa.Column('until_time', sa.String(length=5), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('link', sa.String(length=500), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('agenda', sa.Text(), nullable=True),
    sa.Column('audience', sa.String(length=16), nullable=False),
    sa.Column('networks', sa.String(length=200), nullable=True),
    sa.Column('group_id', sa.String(length=64), nullable=True),
    sa.Column('organiser_id', sa.Integer(), nullable=True),
    sa.Column('plan', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('planned_until', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organiser_id'], ['members.id'], name=op.f('fk_meeting_series_organiser_id_members'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_series'))
    )
    with op.batch_alter_table('meeting_series', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_series_organiser_id'), ['organiser_id'], unique=False)

    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('series_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_meetings_series_id'), ['series_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_meetings_series_id_meeting_series'), 'meeting_series', ['series_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_meetings_series_id_meeting_series'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_meetings_series_id'))
        batch_op.drop_column('series_id')

    with op.batch_alter_table('meeting_series', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_series_organiser_id'))

    op.drop_table('meeting_series')
