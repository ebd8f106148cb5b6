"""activities, their criteria and photos

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 02:19:07.837759
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('online', sa.Boolean(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('network', sa.String(length=40), nullable=True),
    sa.Column('organisation', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('online OR place IS NOT NULL', name=op.f('ck_activities_place_or_online')),
    sa.CheckConstraint('participants BETWEEN 1 AND 10000', name=op.f('ck_activities_participants_in_range')),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_activities_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index('ix_activities_member_created', ['member_id', 'created_at'], unique=False)

    op.create_table('activity_criteria',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('criterion', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint('criterion BETWEEN 1 AND 5', name=op.f('ck_activity_criteria_criterion_1_to_5')),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_activity_criteria_activity_id_activities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('activity_id', 'criterion', name=op.f('pk_activity_criteria'))
    )
    op.create_table('activity_photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('path', sa.String(length=200), nullable=False),
    sa.Column('content_type', sa.String(length=40), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('position', sa.SmallInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('position BETWEEN 0 AND 4', name=op.f('ck_activity_photos_position_in_range')),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_activity_photos_activity_id_activities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_photos'))
    )
    with op.batch_alter_table('activity_photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_photos_activity_id'), ['activity_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('activity_photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_photos_activity_id'))

    op.drop_table('activity_photos')
    op.drop_table('activity_criteria')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index('ix_activities_member_created')

    op.drop_table('activities')
