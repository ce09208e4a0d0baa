"""Who is acting: the roles people act in, and the actor identity stamped on every audit event.

Contract: pure. :meth:`Role.human_roles` lists the roles an account may have, in
display order, :meth:`Role.desktop_roles` those a user acts in on the desktop app;
``SYSTEM`` is the program itself. ``LAB`` is a testing laboratory (检验机构): on the
central platform it records the custody steps that happen in the lab (receipt,
refusal, result, backup retention) and reads the custody of the samples of its
region, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from inspector.core.text import Lang, LocalText


class Role(StrEnum):
    INSPECTOR = "inspector"
    TEAM_LEAD = "team_lead"
    ADMINISTRATOR = "administrator"
    AUDITOR = "auditor"
    LAB = "lab"  # a testing laboratory: records custody steps in the lab on the platform
    SYSTEM = "system"  # the program itself: workspace creation, schema migrations

    @classmethod
    def human_roles(cls) -> tuple[Role, ...]:
        return (cls.INSPECTOR, cls.TEAM_LEAD, cls.ADMINISTRATOR, cls.AUDITOR, cls.LAB)

    @classmethod
    def desktop_roles(cls) -> tuple[Role, ...]:
        """The roles the desktop app acts in: a lab records its steps on the platform."""
        return (cls.INSPECTOR, cls.TEAM_LEAD, cls.ADMINISTRATOR, cls.AUDITOR)

    def label(self, lang: Lang = Lang.ZH) -> str:
        return _ROLE_LABELS[self].render(lang)


_ROLE_LABELS = {
    Role.INSPECTOR: LocalText("检查人员", "inspector"),
    Role.TEAM_LEAD: LocalText("组长", "team lead"),
    Role.ADMINISTRATOR: LocalText("管理员", "administrator"),
    Role.AUDITOR: LocalText("审计（只读）", "auditor (read-only)"),
    Role.LAB: LocalText("检验机构", "laboratory"),
    Role.SYSTEM: LocalText("系统", "system"),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """The person acting and the role they act in."""

    name: str
    role: Role
