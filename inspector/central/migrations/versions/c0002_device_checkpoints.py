"""Device checkpoints: how far each enrolled laptop has applied each feed.

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0002"
down_revision: str | None = "c0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "device_checkpoint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("feed", sa.String(length=40), nullable=False),
        sa.Column("cursor", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_device_checkpoint_device_id_device")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_checkpoint")),
        sa.UniqueConstraint("device_id", "feed", name=op.f("uq_device_checkpoint_device_id_feed")),
    )
    with op.batch_alter_table("device_checkpoint", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_device_checkpoint_device_id"), ["device_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("device_checkpoint", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_checkpoint_device_id"))

    op.drop_table("device_checkpoint")
