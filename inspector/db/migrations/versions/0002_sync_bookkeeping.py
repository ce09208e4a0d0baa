"""Sync bookkeeping: acknowledged hashes and problem states per record, feed cursors,
the media upload queue.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table("blob_upload",
    sa.Column("sha256", sa.String(length=64), nullable=False),
    sa.Column("size", sa.BigInteger(), nullable=False),
    sa.Column("role", sa.String(length=16), nullable=False),
    sa.Column("record_uuid", sa.String(length=36), nullable=False),
    sa.Column("media_type", sa.String(length=100), nullable=False),
    sa.Column("state", sa.String(length=16), nullable=False),
    sa.Column("confirmed_offset", sa.BigInteger(), nullable=False),
    sa.Column("wire_bytes", sa.BigInteger(), nullable=False),
    sa.Column("attempts", sa.Integer(), nullable=False),
    sa.Column("reason", sa.Text(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("verified_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blob_upload"))
    )
    with op.batch_alter_table("blob_upload", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_blob_upload_state"), ["state"], unique=False)

    op.create_table("sync_cursor",
    sa.Column("feed", sa.String(length=40), nullable=False),
    sa.Column("cursor", sa.BigInteger(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint("feed", name=op.f("pk_sync_cursor"))
    )
    op.create_table("sync_record",
    sa.Column("uuid", sa.String(length=36), nullable=False),
    sa.Column("kind", sa.String(length=40), nullable=False),
    sa.Column("acked_hash", sa.String(length=64), nullable=True),
    sa.Column("acked_deleted", sa.Boolean(), nullable=False),
    sa.Column("server_seq", sa.BigInteger(), nullable=True),
    sa.Column("state", sa.String(length=16), nullable=False),
    sa.Column("reason", sa.Text(), nullable=False),
    sa.Column("sent_hash", sa.String(length=64), nullable=True),
    sa.Column("server_hash", sa.String(length=64), nullable=True),
    sa.Column("attempts", sa.Integer(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint("uuid", name=op.f("pk_sync_record"))
    )
    with op.batch_alter_table("sync_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_record_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_record_state"), ["state"], unique=False)



def downgrade() -> None:
    with op.batch_alter_table("sync_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_record_state"))
        batch_op.drop_index(batch_op.f("ix_sync_record_kind"))

    op.drop_table("sync_record")
    op.drop_table("sync_cursor")
    with op.batch_alter_table("blob_upload", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_blob_upload_state"))

    op.drop_table("blob_upload")
