"""Checklist drafts: the answers of a checklist being filled, saved after every edit.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "checklist_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("checklist_version_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("label", sa.String(length=500), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("moved_from_version", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["checklist_version_id"], ["checklist_version.id"],
                                name=op.f("fk_checklist_draft_checklist_version_id_"
                                          "checklist_version")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_draft")),
        sa.UniqueConstraint("uuid", name=op.f("uq_checklist_draft_uuid")),
    )
    with op.batch_alter_table("checklist_draft", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_draft_checklist_version_id"),
                              ["checklist_version_id"], unique=False)


def downgrade() -> None:
    op.drop_table("checklist_draft")
