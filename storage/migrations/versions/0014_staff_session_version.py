"""staff session version, admin role, one-time invites and the audit log

Revision ID: 0014
Revises: 0009
"""

from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('staff_accounts', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('session_version', sa.Integer(), server_default='1', nullable=False)
        )
        batch_op.add_column(
            sa.Column('is_admin', sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.create_table('staff_invites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_by', sa.String(length=254), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_invites')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_staff_invites_token_hash'))
    )
    op.create_table('staff_audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=254), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('detail', sa.String(length=1000), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_audit_log'))
    )
    with op.batch_alter_table('staff_audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_audit_log_at'), ['at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('staff_audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_audit_log_at'))
    op.drop_table('staff_audit_log')
    op.drop_table('staff_invites')
    with op.batch_alter_table('staff_accounts', schema=None) as batch_op:
        batch_op.drop_column('is_admin')
        batch_op.drop_column('session_version')
