"""meetings reminders rsvps prompts and linked groups

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 02:20:15.962540
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recurring_prompts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day_of_month', sa.Integer(), nullable=False),
    sa.Column('at_time', sa.String(length=5), nullable=False),
    sa.Column('text_th', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=True),
    sa.Column('networks', sa.String(length=200), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recurring_prompts'))
    )
    op.create_table('linked_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.String(length=64), nullable=False),
    sa.Column('network', sa.String(length=40), nullable=False),
    sa.Column('linked_by', sa.Integer(), nullable=True),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['linked_by'], ['members.id'], name=op.f('fk_linked_groups_linked_by_members'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_linked_groups')),
    sa.UniqueConstraint('group_id', name=op.f('uq_linked_groups_group_id'))
    )
    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('link', sa.String(length=500), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('agenda', sa.Text(), nullable=True),
    sa.Column('audience', sa.String(length=16), nullable=False),
    sa.Column('networks', sa.String(length=200), nullable=True),
    sa.Column('group_id', sa.String(length=64), nullable=True),
    sa.Column('organiser_id', sa.Integer(), nullable=True),
    sa.Column('plan', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organiser_id'], ['members.id'], name=op.f('fk_meetings_organiser_id_members'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_organiser_id'), ['organiser_id'], unique=False)

    op.create_table('reminders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('prompt_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('plan_key', sa.String(length=80), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=True),
    sa.Column('recipient_count', sa.Integer(), nullable=True),
    sa.Column('left_out', sa.String(length=300), nullable=True),
    sa.Column('queued_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_reminders_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['prompt_id'], ['recurring_prompts.id'], name=op.f('fk_reminders_prompt_id_recurring_prompts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminders')),
    sa.UniqueConstraint('plan_key', name=op.f('uq_reminders_plan_key'))
    )
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.create_index('ix_reminders_due', ['status', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_prompt_id'), ['prompt_id'], unique=False)

    op.create_table('rsvps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('answer', sa.String(length=8), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_rsvps_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_rsvps_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rsvps')),
    sa.UniqueConstraint('meeting_id', 'member_id', name=op.f('uq_rsvps_meeting_id'))
    )
    with op.batch_alter_table('rsvps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rsvps_member_id'), ['member_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('rsvps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rsvps_member_id'))

    op.drop_table('rsvps')
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminders_prompt_id'))
        batch_op.drop_index(batch_op.f('ix_reminders_meeting_id'))
        batch_op.drop_index('ix_reminders_due')

    op.drop_table('reminders')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_organiser_id'))

    op.drop_table('meetings')
    op.drop_table('linked_groups')
    op.drop_table('recurring_prompts')
