"""Record pushed_by: who pushed the current version, kept with it when it is replaced.

Revision ID: c0004
Revises: c0003
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0004"
down_revision: str | None = "c0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pushed_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_record_pushed_by_account"), "account", ["pushed_by"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_record_pushed_by_account"), type_="foreignkey")
        batch_op.drop_column("pushed_by")
