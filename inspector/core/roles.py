"""Who is acting: the four roles and the actor identity stamped on every audit event."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from inspector.core.text import Lang, LocalText


class Role(StrEnum):
    INSPECTOR = "inspector"
    TEAM_LEAD = "team_lead"
    ADMINISTRATOR = "administrator"
    AUDITOR = "auditor"
    SYSTEM = "system"  # the program itself: workspace creation, schema migrations

    @classmethod
    def human_roles(cls) -> tuple[Role, ...]:
        return (cls.INSPECTOR, cls.TEAM_LEAD, cls.ADMINISTRATOR, cls.AUDITOR)

    def label(self, lang: Lang = Lang.ZH) -> str:
        return _ROLE_LABELS[self].render(lang)


_ROLE_LABELS = {
    Role.INSPECTOR: LocalText("检查人员", "inspector"),
    Role.TEAM_LEAD: LocalText("组长", "team lead"),
    Role.ADMINISTRATOR: LocalText("管理员", "administrator"),
    Role.AUDITOR: LocalText("审计（只读）", "auditor (read-only)"),
    Role.SYSTEM: LocalText("系统", "system"),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """The person acting and the role they act in."""

    name: str
    role: Role
