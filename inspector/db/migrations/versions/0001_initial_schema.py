"""Initial schema: directory, checklists, plans and tasks, inspections, samples, audit log.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("utc_time", sa.String(length=40), nullable=False),
        sa.Column("device_clock", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=100), nullable=False),
        sa.Column("object_kind", sa.String(length=64), nullable=False),
        sa.Column("object_id", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("uuid", name=op.f("uq_audit_event_uuid")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_pending"), ["pending"], unique=False)

    op.create_table(
        "checklist",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist")),
        sa.UniqueConstraint("code", name=op.f("uq_checklist_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_checklist_uuid")),
    )
    with op.batch_alter_table("checklist", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_pending"), ["pending"], unique=False)

    op.create_table(
        "inspector",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("unit", sa.String(length=500), nullable=False),
        sa.Column("region_code", sa.String(length=6), nullable=False),
        sa.Column("cert_number", sa.String(length=500), nullable=False),
        sa.Column("cert_authority", sa.String(length=500), nullable=False),
        sa.Column("cert_valid_from", sa.Date(), nullable=True),
        sa.Column("cert_valid_to", sa.Date(), nullable=True),
        sa.Column("qualifications", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspector")),
        sa.UniqueConstraint("staff_id", name=op.f("uq_inspector_staff_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_inspector_uuid")),
    )
    with op.batch_alter_table("inspector", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspector_pending"), ["pending"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspector_unit"), ["unit"], unique=False)

    op.create_table(
        "market_entity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identifier", sa.String(length=18), nullable=False),
        sa.Column("identifier_kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("entity_type", sa.String(length=16), nullable=False),
        sa.Column("region_code", sa.String(length=6), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("legal_representative", sa.String(length=500), nullable=False),
        sa.Column("industry", sa.String(length=500), nullable=False),
        sa.Column("risk_class", sa.String(length=1), nullable=True),
        sa.Column("registration_status", sa.String(length=16), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_market_entity")),
        sa.UniqueConstraint("identifier", name=op.f("uq_market_entity_identifier")),
        sa.UniqueConstraint("uuid", name=op.f("uq_market_entity_uuid")),
    )
    with op.batch_alter_table("market_entity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_market_entity_pending"), ["pending"], unique=False)
        batch_op.create_index(
            "ix_market_entity_region_type", ["region_code", "entity_type"], unique=False
        )

    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("window_start", sa.Date(), nullable=True),
        sa.Column("window_end", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
        sa.UniqueConstraint("code", name=op.f("uq_plan_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plan_uuid")),
    )
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_pending"), ["pending"], unique=False)

    op.create_table(
        "workspace_setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_workspace_setting")),
    )
    op.create_table(
        "checklist_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checklist_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["checklist_id"],
            ["checklist.id"],
            name=op.f("fk_checklist_version_checklist_id_checklist"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_version")),
        sa.UniqueConstraint(
            "checklist_id", "version", name=op.f("uq_checklist_version_checklist_id_version")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_checklist_version_uuid")),
    )
    with op.batch_alter_table("checklist_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_version_pending"), ["pending"], unique=False)

    op.create_table(
        "task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["market_entity.id"], name=op.f("fk_task_entity_id_market_entity")
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_task_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
        sa.UniqueConstraint("uuid", name=op.f("uq_task_uuid")),
    )
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_pending"), ["pending"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_status"), ["status"], unique=False)

    op.create_table(
        "inspection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("checklist_version_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("started_device_clock", sa.String(length=40), nullable=False),
        sa.Column("finalized_at", sa.DateTime(), nullable=True),
        sa.Column("result_codes", sa.JSON(), nullable=False),
        sa.Column("revision_of_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["checklist_version_id"],
            ["checklist_version.id"],
            name=op.f("fk_inspection_checklist_version_id_checklist_version"),
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["market_entity.id"], name=op.f("fk_inspection_entity_id_market_entity")
        ),
        sa.ForeignKeyConstraint(
            ["revision_of_id"],
            ["inspection.id"],
            name=op.f("fk_inspection_revision_of_id_inspection"),
        ),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"], name=op.f("fk_inspection_task_id_task")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection")),
        sa.UniqueConstraint("uuid", name=op.f("uq_inspection_uuid")),
    )
    with op.batch_alter_table("inspection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspection_pending"), ["pending"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspection_task_id"), ["task_id"], unique=False)

    op.create_table(
        "task_inspector",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["inspector.id"],
            name=op.f("fk_task_inspector_inspector_id_inspector"),
        ),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["task.id"],
            name=op.f("fk_task_inspector_task_id_task"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_inspector")),
        sa.UniqueConstraint(
            "task_id", "inspector_id", name=op.f("uq_task_inspector_task_id_inspector_id")
        ),
    )
    op.create_table(
        "finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=100), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
            name=op.f("fk_finding_inspection_id_inspection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding")),
        sa.UniqueConstraint("uuid", name=op.f("uq_finding_uuid")),
    )
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_finding_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_finding_pending"), ["pending"], unique=False)

    op.create_table(
        "sample",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_code", sa.String(length=40), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=True),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("sampled_at", sa.DateTime(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspection.id"], name=op.f("fk_sample_inspection_id_inspection")
        ),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"], name=op.f("fk_sample_task_id_task")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sample")),
        sa.UniqueConstraint("sample_code", name=op.f("uq_sample_sample_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_sample_uuid")),
    )
    with op.batch_alter_table("sample", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sample_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sample_pending"), ["pending"], unique=False)
        batch_op.create_index(batch_op.f("ix_sample_task_id"), ["task_id"], unique=False)

    op.create_table(
        "photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=True),
        sa.Column("finding_id", sa.Integer(), nullable=True),
        sa.Column("original_sha256", sa.String(length=64), nullable=False),
        sa.Column("original_size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("captured_at", sa.DateTime(), nullable=True),
        sa.Column("latitude", sa.String(length=16), nullable=True),
        sa.Column("longitude", sa.String(length=16), nullable=True),
        sa.Column("upload_sha256", sa.String(length=64), nullable=True),
        sa.Column("exif", sa.JSON(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"], ["finding.id"], name=op.f("fk_photo_finding_id_finding")
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspection.id"], name=op.f("fk_photo_inspection_id_inspection")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo")),
        sa.UniqueConstraint("uuid", name=op.f("uq_photo_uuid")),
    )
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_inspection_id"), ["inspection_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_photo_original_sha256"), ["original_sha256"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_photo_pending"), ["pending"], unique=False)

    op.create_table(
        "sample_portion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("suffix", sa.String(length=8), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("quantity", sa.String(length=32), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("seal_number", sa.String(length=64), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sample_id"], ["sample.id"], name=op.f("fk_sample_portion_sample_id_sample")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sample_portion")),
        sa.UniqueConstraint("sample_id", "suffix", name=op.f("uq_sample_portion_sample_id_suffix")),
        sa.UniqueConstraint("uuid", name=op.f("uq_sample_portion_uuid")),
    )
    with op.batch_alter_table("sample_portion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sample_portion_pending"), ["pending"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sample_portion_sample_id"), ["sample_id"], unique=False
        )

    op.create_table(
        "custody_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("portion_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("from_party", sa.String(length=500), nullable=False),
        sa.Column("to_party", sa.String(length=500), nullable=False),
        sa.Column("seal_intact", sa.Boolean(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["portion_id"],
            ["sample_portion.id"],
            name=op.f("fk_custody_event_portion_id_sample_portion"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custody_event")),
        sa.UniqueConstraint("uuid", name=op.f("uq_custody_event_uuid")),
    )
    with op.batch_alter_table("custody_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_custody_event_pending"), ["pending"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_custody_event_portion_id"), ["portion_id"], unique=False
        )

    # Published checklist versions and the audit log are immutable at the storage level
    # too, so no code path (or hand-run SQL through the app) can rewrite them.
    op.execute(
        "CREATE TRIGGER checklist_version_published_immutable "
        "BEFORE UPDATE OF content, content_hash, version, checklist_id ON checklist_version "
        "WHEN OLD.published_at IS NOT NULL "
        "BEGIN SELECT RAISE(ABORT, 'published checklist versions are immutable'); END"
    )
    op.execute(
        "CREATE TRIGGER checklist_version_published_undeletable "
        "BEFORE DELETE ON checklist_version WHEN OLD.published_at IS NOT NULL "
        "BEGIN SELECT RAISE(ABORT, 'published checklist versions are immutable'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_event_append_only "
        "BEFORE UPDATE OF seq, uuid, actor, role, device_id, utc_time, device_clock, action, "
        "object_kind, object_id, payload, prev_hash, hash ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_event_undeletable BEFORE DELETE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
    )


def downgrade() -> None:
    for trigger in (
        "checklist_version_published_immutable",
        "checklist_version_published_undeletable",
        "audit_event_append_only",
        "audit_event_undeletable",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    with op.batch_alter_table("custody_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_custody_event_portion_id"))
        batch_op.drop_index(batch_op.f("ix_custody_event_pending"))

    op.drop_table("custody_event")
    with op.batch_alter_table("sample_portion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sample_portion_sample_id"))
        batch_op.drop_index(batch_op.f("ix_sample_portion_pending"))

    op.drop_table("sample_portion")
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_pending"))
        batch_op.drop_index(batch_op.f("ix_photo_original_sha256"))
        batch_op.drop_index(batch_op.f("ix_photo_inspection_id"))

    op.drop_table("photo")
    with op.batch_alter_table("sample", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sample_task_id"))
        batch_op.drop_index(batch_op.f("ix_sample_pending"))
        batch_op.drop_index(batch_op.f("ix_sample_inspection_id"))

    op.drop_table("sample")
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_pending"))
        batch_op.drop_index(batch_op.f("ix_finding_inspection_id"))

    op.drop_table("finding")
    op.drop_table("task_inspector")
    with op.batch_alter_table("inspection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_task_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_pending"))
        batch_op.drop_index(batch_op.f("ix_inspection_entity_id"))

    op.drop_table("inspection")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_status"))
        batch_op.drop_index(batch_op.f("ix_task_plan_id"))
        batch_op.drop_index(batch_op.f("ix_task_pending"))
        batch_op.drop_index(batch_op.f("ix_task_entity_id"))

    op.drop_table("task")
    with op.batch_alter_table("checklist_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_version_pending"))

    op.drop_table("checklist_version")
    op.drop_table("workspace_setting")
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_pending"))

    op.drop_table("plan")
    with op.batch_alter_table("market_entity", schema=None) as batch_op:
        batch_op.drop_index("ix_market_entity_region_type")
        batch_op.drop_index(batch_op.f("ix_market_entity_pending"))

    op.drop_table("market_entity")
    with op.batch_alter_table("inspector", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspector_unit"))
        batch_op.drop_index(batch_op.f("ix_inspector_pending"))

    op.drop_table("inspector")
    with op.batch_alter_table("checklist", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_pending"))

    op.drop_table("checklist")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_pending"))
        batch_op.drop_index(batch_op.f("ix_audit_event_action"))

    op.drop_table("audit_event")
