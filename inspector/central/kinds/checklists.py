"""Checklist kinds: checklists and their published versions, for every account.

Administrators publish; a published version is immutable (append-only): a change is a
new version. Bodies are defined by the checklist engine (``docs/checklists.md``).
"""

from inspector.central.kinds import ADMINISTRATORS, RecordKind, Visibility, register

register(RecordKind("checklist", "checklists", ADMINISTRATORS, Visibility.EVERYONE))
register(RecordKind("checklist_version", "checklists", ADMINISTRATORS, Visibility.EVERYONE,
                    append_only=True))
