"""Follow-up measures on an inspection, signatures on the finalized record, case-clue
referrals (线索移送) with their deadlines, each photo's thumbnail, and the annotation
layers drawn over photos. Signatures and annotation versions never change once written.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LOCKED_BEFORE = ("status", "started_at", "finalized_at", "result_codes", "content_hash",
                  "location", "team", "certificates_shown", "no_conflict_declared",
                  "suggested_codes", "result_reason", "revision_reason", "task_id",
                  "entity_id", "checklist_version_id", "revision_of_id")
_LOCKED = (*_LOCKED_BEFORE, "follow_up")


def _sync_columns() -> list[sa.Column[object]]:
    return [sa.Column("uuid", sa.String(length=36), nullable=False),
            sa.Column("pending", sa.Boolean(), nullable=False),
            sa.Column("deleted_at", sa.DateTime(), nullable=True),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False)]


def _lock_inspection(columns: Sequence[str]) -> None:
    op.execute("DROP TRIGGER IF EXISTS inspection_finalized_immutable")
    op.execute(
        f"CREATE TRIGGER inspection_finalized_immutable BEFORE UPDATE OF {', '.join(columns)} "
        "ON inspection WHEN OLD.status = 'finalized' "
        "BEGIN SELECT RAISE(ABORT, 'a finalized inspection cannot change'); END")


def upgrade() -> None:
    op.add_column("inspection", sa.Column("follow_up", sa.JSON(), nullable=False,
                                          server_default="[]"))
    _lock_inspection(_LOCKED)
    op.add_column("photo", sa.Column("thumbnail_sha256", sa.String(length=64), nullable=True))
    op.create_table(
        "signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("staff_id", sa.String(length=64), nullable=False),
        sa.Column("signer_name", sa.String(length=500), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("image_sha256", sa.String(length=64), nullable=True),
        sa.Column("refusal_reason", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspection.id"],
                                name=op.f("fk_signature_inspection_id_inspection")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signature")),
        sa.UniqueConstraint("uuid", name=op.f("uq_signature_uuid")),
    )
    with op.batch_alter_table("signature", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signature_inspection_id"), ["inspection_id"])
        batch_op.create_index(batch_op.f("ix_signature_pending"), ["pending"])
    op.execute(
        "CREATE TRIGGER signature_immutable BEFORE UPDATE OF inspection_id, role, staff_id, "
        "signer_name, signed_at, image_sha256, refusal_reason ON signature "
        "BEGIN SELECT RAISE(ABORT, 'a signature cannot change'); END")
    op.execute(
        "CREATE TRIGGER signature_undeletable BEFORE DELETE ON signature "
        "BEGIN SELECT RAISE(ABORT, 'a signature cannot be deleted'); END")
    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("recipient_kind", sa.String(length=16), nullable=False),
        sa.Column("recipient", sa.String(length=500), nullable=False),
        sa.Column("item_keys", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("goods", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("referred_by", sa.String(length=200), nullable=False),
        sa.Column("referred_at", sa.DateTime(), nullable=False),
        sa.Column("decision_due", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("transfer_due", sa.DateTime(), nullable=True),
        sa.Column("transferred_at", sa.DateTime(), nullable=True),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspection.id"],
                                name=op.f("fk_referral_inspection_id_inspection")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
        sa.UniqueConstraint("uuid", name=op.f("uq_referral_uuid")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_inspection_id"), ["inspection_id"])
        batch_op.create_index(batch_op.f("ix_referral_pending"), ["pending"])
        batch_op.create_index(batch_op.f("ix_referral_status"), ["status"])


    op.create_table(
        "photo_annotation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("layer", sa.Text(), nullable=False),
        sa.Column("layer_sha256", sa.String(length=64), nullable=False),
        sa.Column("shapes", sa.Integer(), nullable=False),
        sa.Column("rendered_sha256", sa.String(length=64), nullable=True),
        sa.Column("annotated_by", sa.String(length=200), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["photo_id"], ["photo.id"],
                                name=op.f("fk_photo_annotation_photo_id_photo")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo_annotation")),
        sa.UniqueConstraint("uuid", name=op.f("uq_photo_annotation_uuid")),
    )
    with op.batch_alter_table("photo_annotation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_annotation_photo_id"), ["photo_id"])
        batch_op.create_index(batch_op.f("ix_photo_annotation_pending"), ["pending"])
    op.execute(
        "CREATE TRIGGER photo_annotation_immutable BEFORE UPDATE OF photo_id, layer, "
        "layer_sha256, shapes, rendered_sha256, annotated_by ON photo_annotation "
        "BEGIN SELECT RAISE(ABORT, 'a saved annotation version cannot change'); END")
    op.execute(
        "CREATE TRIGGER photo_annotation_undeletable BEFORE DELETE ON photo_annotation "
        "BEGIN SELECT RAISE(ABORT, 'a saved annotation version cannot be deleted'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS photo_annotation_undeletable")
    op.execute("DROP TRIGGER IF EXISTS photo_annotation_immutable")
    op.drop_table("photo_annotation")
    op.drop_table("referral")
    op.execute("DROP TRIGGER IF EXISTS signature_undeletable")
    op.execute("DROP TRIGGER IF EXISTS signature_immutable")
    op.drop_table("signature")
    _lock_inspection(_LOCKED_BEFORE)
    op.drop_column("photo", "thumbnail_sha256")
    op.drop_column("inspection", "follow_up")
