"""members consent profile and roles

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 02:02:51.259235
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('member_roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('network', sa.String(length=40), nullable=True),
    sa.Column('granted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_member_roles_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_roles')),
    sa.UniqueConstraint('member_id', 'role', 'network', name=op.f('uq_member_roles_member_id'))
    )
    with op.batch_alter_table('member_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_roles_member_id'), ['member_id'], unique=False)

    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('consent_status', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('consent_version', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('consent_decided_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('display_name', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('network', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('organisation', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('province', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('registered_at', sa.DateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('registered_at')
        batch_op.drop_column('province')
        batch_op.drop_column('organisation')
        batch_op.drop_column('network')
        batch_op.drop_column('display_name')
        batch_op.drop_column('consent_decided_at')
        batch_op.drop_column('consent_version')
        batch_op.drop_column('consent_status')

    with op.batch_alter_table('member_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_roles_member_id'))

    op.drop_table('member_roles')
