"""The chain of custody in the store: each custody event numbered, hash-chained and
attributed (actor, place, result, report number, reason, photo), append-only.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT_COLUMNS = (("actor", 200), ("place", 500), ("result", 8), ("report_number", 100),
                 ("reason", 2000), ("photo_sha256", 64))


def upgrade() -> None:
    op.add_column("custody_event", sa.Column("seq", sa.Integer(), nullable=False,
                                             server_default="0"))
    for name, length in _TEXT_COLUMNS:
        op.add_column("custody_event", sa.Column(name, sa.String(length=length),
                                                 nullable=False, server_default=""))
    op.add_column("custody_event", sa.Column("prev_hash", sa.String(length=64),
                                             nullable=False, server_default=""))
    op.add_column("custody_event", sa.Column("hash", sa.String(length=64), nullable=False,
                                             server_default=""))
    op.create_index("ix_custody_event_portion_seq", "custody_event", ["portion_id", "seq"],
                    unique=True)
    op.execute(
        "CREATE TRIGGER custody_event_immutable BEFORE UPDATE OF portion_id, kind, "
        "occurred_at, from_party, to_party, seal_intact, note, seq, actor, place, result, "
        "report_number, reason, photo_sha256, prev_hash, hash ON custody_event "
        "BEGIN SELECT RAISE(ABORT, 'a custody event cannot change'); END")
    op.execute(
        "CREATE TRIGGER custody_event_undeletable BEFORE DELETE ON custody_event "
        "BEGIN SELECT RAISE(ABORT, 'a custody event cannot be deleted'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS custody_event_undeletable")
    op.execute("DROP TRIGGER IF EXISTS custody_event_immutable")
    op.drop_index("ix_custody_event_portion_seq", table_name="custody_event")
    for name in ("hash", "prev_hash", *(n for n, _ in reversed(_TEXT_COLUMNS)), "seq"):
        op.drop_column("custody_event", name)
