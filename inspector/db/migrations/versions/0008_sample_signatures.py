"""The sign-offs on a sample's 抽样单 (samplers and the sampled party, or the party's
recorded refusal), append-only: the store's triggers refuse any change or deletion.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sample_signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("staff_id", sa.String(length=64), nullable=False),
        sa.Column("signer_name", sa.String(length=500), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("image_sha256", sa.String(length=64), nullable=True),
        sa.Column("refusal_reason", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["sample_id"], ["sample.id"],
                                name=op.f("fk_sample_signature_sample_id_sample")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sample_signature")),
        sa.UniqueConstraint("uuid", name=op.f("uq_sample_signature_uuid")),
    )
    with op.batch_alter_table("sample_signature", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sample_signature_sample_id"), ["sample_id"])
        batch_op.create_index(batch_op.f("ix_sample_signature_pending"), ["pending"])
    op.execute(
        "CREATE TRIGGER sample_signature_immutable BEFORE UPDATE OF sample_id, role, "
        "staff_id, signer_name, signed_at, image_sha256, refusal_reason ON sample_signature "
        "BEGIN SELECT RAISE(ABORT, 'a sample signature cannot change'); END")
    op.execute(
        "CREATE TRIGGER sample_signature_undeletable BEFORE DELETE ON sample_signature "
        "BEGIN SELECT RAISE(ABORT, 'a sample signature cannot be deleted'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS sample_signature_undeletable")
    op.execute("DROP TRIGGER IF EXISTS sample_signature_immutable")
    op.drop_table("sample_signature")
