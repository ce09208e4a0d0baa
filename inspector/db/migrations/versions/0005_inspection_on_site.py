"""Inspections on site: location, the team present, certificates shown, the no-conflict
declaration, the suggested result and the reasons for overriding or revising it, the
local draft of the answers; finalized inspections and their (locked) findings are
refused changes by trigger.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LOCKED = ("status", "started_at", "finalized_at", "result_codes", "content_hash",
           "location", "team", "certificates_shown", "no_conflict_declared",
           "suggested_codes", "result_reason", "revision_reason", "task_id", "entity_id",
           "checklist_version_id", "revision_of_id")


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): later triggers refer to this table.
    op.add_column("inspection", sa.Column("location", sa.String(length=500), nullable=False,
                                          server_default=""))
    op.add_column("inspection", sa.Column("team", sa.JSON(), nullable=False,
                                          server_default="[]"))
    op.add_column("inspection", sa.Column("certificates_shown", sa.Boolean(), nullable=False,
                                          server_default=sa.false()))
    op.add_column("inspection", sa.Column("no_conflict_declared", sa.Boolean(),
                                          nullable=False, server_default=sa.false()))
    op.add_column("inspection", sa.Column("suggested_codes", sa.JSON(), nullable=False,
                                          server_default="[]"))
    op.add_column("inspection", sa.Column("result_reason", sa.Text(), nullable=False,
                                          server_default=""))
    op.add_column("inspection", sa.Column("revision_reason", sa.Text(), nullable=False,
                                          server_default=""))
    op.add_column("inspection", sa.Column("draft_uuid", sa.String(length=36), nullable=True))
    # A finalized inspection is a fact: its content and its findings never change (the
    # sync bookkeeping columns, pending and updated_at, still may). A correction is a
    # new revision that names it.
    op.execute(
        f"CREATE TRIGGER inspection_finalized_immutable BEFORE UPDATE OF {', '.join(_LOCKED)} "
        "ON inspection WHEN OLD.status = 'finalized' "
        "BEGIN SELECT RAISE(ABORT, 'a finalized inspection cannot change'); END")
    op.execute(
        "CREATE TRIGGER inspection_finalized_undeletable BEFORE DELETE ON inspection "
        "WHEN OLD.status = 'finalized' "
        "BEGIN SELECT RAISE(ABORT, 'a finalized inspection cannot be deleted'); END")
    # Findings are written locked when their inspection is finalized. (Their triggers
    # read only their own row: a trigger that read the inspection table would stop any
    # later migration from rebuilding that table.)
    op.add_column("finding", sa.Column("locked", sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
    op.execute(
        "CREATE TRIGGER finding_finalized_immutable BEFORE UPDATE OF item_key, answer, note, "
        "inspection_id, locked ON finding WHEN OLD.locked "
        "BEGIN SELECT RAISE(ABORT, 'a finalized inspection''s findings cannot change'); END")
    op.execute(
        "CREATE TRIGGER finding_finalized_undeletable BEFORE DELETE ON finding "
        "WHEN OLD.locked "
        "BEGIN SELECT RAISE(ABORT, 'a finalized inspection''s findings cannot be deleted'); "
        "END")


def downgrade() -> None:
    for trigger in ("finding_finalized_undeletable", "finding_finalized_immutable",
                    "inspection_finalized_undeletable", "inspection_finalized_immutable"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.drop_column("locked")
    with op.batch_alter_table("inspection", schema=None) as batch_op:
        for column in ("draft_uuid", "revision_reason", "result_reason", "suggested_codes",
                       "no_conflict_declared", "certificates_shown", "team", "location"):
            batch_op.drop_column(column)
