"""The draw and publication: plan seeds, draw protocols and recorded redraws, drawn
tasks' fields, declared conflicts (回避), and approved disclosures.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sync_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seed_commitment", sa.String(length=64),
                                      nullable=False, server_default=""))
        batch_op.add_column(sa.Column("seed_text", sa.Text(), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("pending_seed", sa.String(length=64), nullable=False,
                                      server_default=""))

    op.create_table("draw_protocol",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("plan_id", sa.Integer(), nullable=False),
    sa.Column("sha256", sa.String(length=64), nullable=False),
    sa.Column("seed_commitment", sa.String(length=64), nullable=False),
    sa.Column("drawn_at", sa.DateTime(), nullable=False),
    sa.Column("operator", sa.String(length=200), nullable=False),
    sa.Column("document", sa.Text(), nullable=False),
    *_sync_columns(),
    sa.ForeignKeyConstraint(["plan_id"], ["plan.id"],
                            name=op.f("fk_draw_protocol_plan_id_plan")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_draw_protocol")),
    sa.UniqueConstraint("sha256", name=op.f("uq_draw_protocol_sha256")),
    sa.UniqueConstraint("uuid", name=op.f("uq_draw_protocol_uuid")),
    )
    with op.batch_alter_table("draw_protocol", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_draw_protocol_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_draw_protocol_pending"), ["pending"], unique=False)
    # A draw is a fact: nobody edits or deletes its protocol (domain.md §8.2).
    op.execute(
        "CREATE TRIGGER draw_protocol_immutable "
        "BEFORE UPDATE OF plan_id, sha256, seed_commitment, drawn_at, operator, document "
        "ON draw_protocol BEGIN SELECT RAISE(ABORT, 'draw protocols are immutable'); END"
    )
    op.execute(
        "CREATE TRIGGER draw_protocol_undeletable BEFORE DELETE ON draw_protocol "
        "BEGIN SELECT RAISE(ABORT, 'draw protocols are immutable'); END"
    )

    op.create_table("draw_redraw",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("protocol_id", sa.Integer(), nullable=False),
    sa.Column("sequence", sa.Integer(), nullable=False),
    sa.Column("entity_id", sa.Integer(), nullable=False),
    sa.Column("sha256", sa.String(length=64), nullable=False),
    sa.Column("drawn_at", sa.DateTime(), nullable=False),
    sa.Column("operator", sa.String(length=200), nullable=False),
    sa.Column("document", sa.Text(), nullable=False),
    *_sync_columns(),
    sa.ForeignKeyConstraint(["entity_id"], ["market_entity.id"],
                            name=op.f("fk_draw_redraw_entity_id_market_entity")),
    sa.ForeignKeyConstraint(["protocol_id"], ["draw_protocol.id"],
                            name=op.f("fk_draw_redraw_protocol_id_draw_protocol")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_draw_redraw")),
    sa.UniqueConstraint("protocol_id", "sequence",
                        name=op.f("uq_draw_redraw_protocol_id_sequence")),
    sa.UniqueConstraint("sha256", name=op.f("uq_draw_redraw_sha256")),
    sa.UniqueConstraint("uuid", name=op.f("uq_draw_redraw_uuid")),
    )
    with op.batch_alter_table("draw_redraw", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_draw_redraw_protocol_id"), ["protocol_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_draw_redraw_pending"), ["pending"], unique=False)
    op.execute(
        "CREATE TRIGGER draw_redraw_immutable "
        "BEFORE UPDATE OF protocol_id, sequence, entity_id, sha256, drawn_at, operator, "
        "document ON draw_redraw BEGIN SELECT RAISE(ABORT, 'redraws are immutable'); END"
    )
    op.execute(
        "CREATE TRIGGER draw_redraw_undeletable BEFORE DELETE ON draw_redraw "
        "BEGIN SELECT RAISE(ABORT, 'redraws are immutable'); END"
    )

    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.add_column(sa.Column("protocol_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("check_items", sa.JSON(), nullable=False,
                                      server_default="[]"))
        batch_op.add_column(sa.Column("window_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("window_end", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("released_at", sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_task_protocol_id"), ["protocol_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_task_protocol_id_draw_protocol"),
                                    "draw_protocol", ["protocol_id"], ["id"])

    op.create_table("recusal",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("inspector_id", sa.Integer(), nullable=False),
    sa.Column("entity_id", sa.Integer(), nullable=False),
    sa.Column("reason", sa.Text(), nullable=False),
    sa.Column("declared_on", sa.Date(), nullable=False),
    *_sync_columns(),
    sa.ForeignKeyConstraint(["entity_id"], ["market_entity.id"],
                            name=op.f("fk_recusal_entity_id_market_entity")),
    sa.ForeignKeyConstraint(["inspector_id"], ["inspector.id"],
                            name=op.f("fk_recusal_inspector_id_inspector")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_recusal")),
    sa.UniqueConstraint("inspector_id", "entity_id",
                        name=op.f("uq_recusal_inspector_id_entity_id")),
    sa.UniqueConstraint("uuid", name=op.f("uq_recusal_uuid")),
    )
    with op.batch_alter_table("recusal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recusal_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_recusal_inspector_id"), ["inspector_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_recusal_pending"), ["pending"], unique=False)

    op.create_table("disclosure",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("inspection_id", sa.Integer(), nullable=False),
    sa.Column("approved_at", sa.DateTime(), nullable=False),
    sa.Column("approved_by", sa.String(length=200), nullable=False),
    sa.Column("must_publish", sa.Boolean(), nullable=False),
    sa.Column("abnormal_referral", sa.Boolean(), nullable=False),
    sa.Column("exported_at", sa.DateTime(), nullable=True),
    *_sync_columns(),
    sa.ForeignKeyConstraint(["inspection_id"], ["inspection.id"],
                            name=op.f("fk_disclosure_inspection_id_inspection")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosure")),
    sa.UniqueConstraint("inspection_id", name=op.f("uq_disclosure_inspection_id")),
    sa.UniqueConstraint("uuid", name=op.f("uq_disclosure_uuid")),
    )
    with op.batch_alter_table("disclosure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disclosure_pending"), ["pending"], unique=False)


def downgrade() -> None:
    op.drop_table("disclosure")
    op.drop_table("recusal")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_task_protocol_id_draw_protocol"),
                                 type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_task_protocol_id"))
        for column in ("released_at", "window_end", "window_start", "check_items",
                       "protocol_id"):
            batch_op.drop_column(column)
    op.execute("DROP TRIGGER IF EXISTS draw_redraw_undeletable")
    op.execute("DROP TRIGGER IF EXISTS draw_redraw_immutable")
    op.drop_table("draw_redraw")
    op.execute("DROP TRIGGER IF EXISTS draw_protocol_undeletable")
    op.execute("DROP TRIGGER IF EXISTS draw_protocol_immutable")
    op.drop_table("draw_protocol")
    with op.batch_alter_table("plan", schema=None) as batch_op:
        for column in ("pending_seed", "seed_text", "seed_commitment"):
            batch_op.drop_column(column)
