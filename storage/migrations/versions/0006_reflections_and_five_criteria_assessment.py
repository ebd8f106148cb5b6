"""reflections and five-criteria assessments

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 02:41:30.855660
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('questionnaire_version', sa.String(length=40), nullable=False),
    sa.Column('network', sa.String(length=40), nullable=True),
    sa.Column('organisation', sa.String(length=200), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_assessments_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessments'))
    )
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessments_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_network'), ['network'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_submitted_at'), ['submitted_at'], unique=False)

    op.create_table('assessment_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('question_key', sa.String(length=40), nullable=False),
    sa.Column('criterion', sa.String(length=40), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint('score BETWEEN 1 AND 5', name=op.f('ck_assessment_answers_score_range')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_assessment_answers_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_answers')),
    sa.UniqueConstraint('assessment_id', 'question_key', name=op.f('uq_assessment_answers_assessment_id'))
    )
    with op.batch_alter_table('assessment_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_answers_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('reflections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('network', sa.String(length=40), nullable=True),
    sa.Column('organisation', sa.String(length=200), nullable=True),
    sa.Column('set_out', sa.Text(), nullable=False),
    sa.Column('happened', sa.Text(), nullable=False),
    sa.Column('worked', sa.Text(), nullable=False),
    sa.Column('obstacles', sa.Text(), nullable=True),
    sa.Column('lesson', sa.Text(), nullable=False),
    sa.Column('criteria', sa.String(length=400), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_reflections_activity_id_activities'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_reflections_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reflections'))
    )
    with op.batch_alter_table('reflections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reflections_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reflections_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reflections_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reflections_network'), ['network'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reflections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reflections_network'))
        batch_op.drop_index(batch_op.f('ix_reflections_member_id'))
        batch_op.drop_index(batch_op.f('ix_reflections_created_at'))
        batch_op.drop_index(batch_op.f('ix_reflections_activity_id'))

    op.drop_table('reflections')
    with op.batch_alter_table('assessment_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_answers_assessment_id'))

    op.drop_table('assessment_answers')
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessments_submitted_at'))
        batch_op.drop_index(batch_op.f('ix_assessments_network'))
        batch_op.drop_index(batch_op.f('ix_assessments_member_id'))

    op.drop_table('assessments')
