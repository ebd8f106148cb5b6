"""staff accounts and failed sign-ins

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 02:16:03.740629
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('staff_accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_sign_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_accounts')),
    sa.UniqueConstraint('email', name=op.f('uq_staff_accounts_email'))
    )
    op.create_table('staff_sign_in_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('ip', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_sign_in_failures'))
    )
    with op.batch_alter_table('staff_sign_in_failures', schema=None) as batch_op:
        batch_op.create_index('ix_staff_failures_email_at', ['email', 'at'], unique=False)
        batch_op.create_index('ix_staff_failures_ip_at', ['ip', 'at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('staff_sign_in_failures', schema=None) as batch_op:
        batch_op.drop_index('ix_staff_failures_ip_at')
        batch_op.drop_index('ix_staff_failures_email_at')

    op.drop_table('staff_sign_in_failures')
    op.drop_table('staff_accounts')
