"""Record audience: the staff ids a task names, so each inspector sees only their tasks.

Revision ID: c0003
Revises: c0002
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0003"
down_revision: str | None = "c0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "record_audience",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "record_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("staff_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"], ["record.id"], name=op.f("fk_record_audience_record_id_record")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_audience")),
        sa.UniqueConstraint(
            "record_id", "staff_id", name=op.f("uq_record_audience_record_id_staff_id")
        ),
    )
    with op.batch_alter_table("record_audience", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_record_audience_record_id"), ["record_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_record_audience_staff_id"), ["staff_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("record_audience", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_audience_staff_id"))
        batch_op.drop_index(batch_op.f("ix_record_audience_record_id"))

    op.drop_table("record_audience")
