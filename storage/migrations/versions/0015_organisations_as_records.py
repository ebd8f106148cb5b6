"""organisations as records (members' free text grouped into them); staff scopes

Revision ID: 0015
Revises: 0009
Create Date: 2026-12-05 17:10:00
"""

from collections import Counter
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('organisations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('province', sa.String(length=60), nullable=True),
    sa.Column('district', sa.String(length=100), nullable=True),
    sa.Column('network', sa.String(length=40), nullable=True),
    sa.Column('original_names', sa.Text(), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['merged_into_id'], ['organisations.id'], name=op.f('fk_organisations_merged_into_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations'))
    )
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisations_name_key'), ['name_key'], unique=False)
    # SQLite rebuilds the table for the foreign key: keep AUTOINCREMENT (0010) so ids stay unused.
    with op.batch_alter_table('members', schema=None, table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.add_column(sa.Column('organisation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_members_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_members_organisation_id_organisations'), 'organisations', ['organisation_id'], ['id'])
    with op.batch_alter_table('staff_accounts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope_provinces', sa.String(length=2000), nullable=True))
        batch_op.add_column(sa.Column('scope_networks', sa.String(length=400), nullable=True))
    op.create_table('selection_rounds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('province', sa.String(length=60), nullable=False),
    sa.Column('weights', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection_rounds'))
    )
    op.create_table('selection_candidates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=20), nullable=True),
    sa.Column('reasons', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_selection_candidates_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['round_id'], ['selection_rounds.id'], name=op.f('fk_selection_candidates_round_id_selection_rounds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection_candidates')),
    sa.UniqueConstraint('round_id', 'organisation_id', name=op.f('uq_selection_candidates_round_id'))
    )
    with op.batch_alter_table('selection_candidates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_selection_candidates_round_id'), ['round_id'], unique=False)
    op.create_table('selection_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('staff_account_id', sa.Integer(), nullable=False),
    sa.Column('criterion', sa.String(length=40), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.CheckConstraint('score BETWEEN 1 AND 5', name=op.f('ck_selection_scores_selection_score_range')),
    sa.ForeignKeyConstraint(['candidate_id'], ['selection_candidates.id'], name=op.f('fk_selection_scores_candidate_id_selection_candidates')),
    sa.ForeignKeyConstraint(['staff_account_id'], ['staff_accounts.id'], name=op.f('fk_selection_scores_staff_account_id_staff_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection_scores')),
    sa.UniqueConstraint('candidate_id', 'staff_account_id', 'criterion', name=op.f('uq_selection_scores_candidate_id'))
    )
    with op.batch_alter_table('selection_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_selection_scores_candidate_id'), ['candidate_id'], unique=False)
    _records_from_free_text()


def _records_from_free_text() -> None:
    """Make one record per group of obviously equal spellings; members keep the text they typed."""
    from storage.organisations import group_names, guess_kind, name_key

    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT id, organisation, province, network FROM members WHERE organisation IS NOT NULL"
    )).all()
    by_text: dict[str, list] = {}
    for row in rows:
        if row.organisation.strip():
            by_text.setdefault(row.organisation, []).append(row)
    organisations = sa.table(
        'organisations', sa.column('id'), sa.column('name'), sa.column('name_key'),
        sa.column('kind'), sa.column('province'), sa.column('network'),
        sa.column('original_names'), sa.column('created_at'),
    )
    now = datetime.now(timezone.utc)
    for group in group_names(sorted(by_text)):
        people = [row for text in group for row in by_text[text]]
        name = Counter(" ".join(row.organisation.split()) for row in people).most_common(1)[0][0]
        province = Counter(r.province for r in people if r.province).most_common(1)
        network = Counter(r.network for r in people if r.network).most_common(1)
        org_id = bind.execute(organisations.insert().values(
            name=name, name_key=name_key(name), kind=guess_kind(name),
            province=province[0][0] if province else None,
            network=network[0][0] if network else None,
            original_names="\n".join(group), created_at=now,
        ).returning(organisations.c.id)).scalar_one()
        bind.execute(
            sa.text("UPDATE members SET organisation_id = :org WHERE id = :member"),
            [{"org": org_id, "member": row.id} for row in people],
        )


def downgrade() -> None:
    op.drop_table('selection_scores')
    op.drop_table('selection_candidates')
    op.drop_table('selection_rounds')
    with op.batch_alter_table('staff_accounts', schema=None) as batch_op:
        batch_op.drop_column('scope_networks')
        batch_op.drop_column('scope_provinces')
    # SQLite rebuilds the table for the foreign key: keep AUTOINCREMENT (0010) so ids stay unused.
    with op.batch_alter_table('members', schema=None, table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_members_organisation_id_organisations'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_members_organisation_id'))
        batch_op.drop_column('organisation_id')
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisations_name_key'))
    op.drop_table('organisations')
