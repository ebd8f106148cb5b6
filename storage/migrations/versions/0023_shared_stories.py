"""shared stories and the monthly digest

Revision ID: 0023
Revises: 0017
Create Date: 2026-12-05 18:30:27.222273
"""

from alembic import op
import sqlalchemy as sa


revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('story_digests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('approved_by', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recipients', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['approved_by'], ['staff_accounts.id'], name=op.f('fk_story_digests_approved_by_staff_accounts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_digests')),
    sa.UniqueConstraint('month', name=op.f('uq_story_digests_month'))
    )
    op.create_table('story_digest_optouts',
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('since', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_story_digest_optouts_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('member_id', name=op.f('pk_story_digest_optouts'))
    )
    op.create_table('shared_stories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('reflection_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('show_name', sa.Boolean(), nullable=False),
    sa.Column('marked_by', sa.Integer(), nullable=True),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(activity_id IS NULL) <> (reflection_id IS NULL)', name=op.f('ck_shared_stories_one_activity_or_reflection')),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_shared_stories_activity_id_activities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['marked_by'], ['staff_accounts.id'], name=op.f('fk_shared_stories_marked_by_staff_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_shared_stories_member_id_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reflection_id'], ['reflections.id'], name=op.f('fk_shared_stories_reflection_id_reflections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shared_stories')),
    sa.UniqueConstraint('activity_id', name=op.f('uq_shared_stories_activity_id')),
    sa.UniqueConstraint('reflection_id', name=op.f('uq_shared_stories_reflection_id'))
    )
    with op.batch_alter_table('shared_stories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shared_stories_answered_at'), ['answered_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_shared_stories_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_shared_stories_status'), ['status'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('shared_stories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shared_stories_status'))
        batch_op.drop_index(batch_op.f('ix_shared_stories_member_id'))
        batch_op.drop_index(batch_op.f('ix_shared_stories_answered_at'))

    op.drop_table('shared_stories')
    op.drop_table('story_digest_optouts')
    op.drop_table('story_digests')
