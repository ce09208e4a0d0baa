"""Key/value settings of one workspace: device id, audit-chain head, creation time.

Values are text; each key is owned by one service module that documents its format.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector.db.base import Base


class WorkspaceSetting(Base):
    __tablename__ = "workspace_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
