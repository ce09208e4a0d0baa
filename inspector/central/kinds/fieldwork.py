"""Field-work kinds the laptops create: inspections and what hangs off them, samples,
custody, referrals, and the laptops' own audit events.

Pushed by inspectors (and team leads and administrators working in the field); each is
seen by its owner, the team leads of its unit and the supervisors of its region, on the
``fieldwork`` feed. Finalized facts are append-only: a correction is a new record that
names the one it replaces. Their bodies are defined by the features that create them.
"""

from inspector.central.custody import fork_problem
from inspector.central.kinds import FIELD_ROLES, RecordKind, Visibility, register

for name, append_only in (
    ("inspection", False),
    ("finding", False),
    ("inspection_revision", True),
    ("photo", True),
    ("photo_annotation", True),
    ("signature", True),
    ("sample", False),
    ("sample_portion", False),
    ("sample_signature", True),
    ("referral", False),
    ("device_audit_event", True),
):
    register(RecordKind(name, "fieldwork", FIELD_ROLES, Visibility.OWNER,
                        append_only=append_only))
# A laptop's custody event may not take a place in a chain that another stored event
# holds (a lab's step recorded on the platform while the laptop was offline).
register(RecordKind("custody_event", "fieldwork", FIELD_ROLES, Visibility.OWNER,
                    append_only=True, stored_check=fork_problem))
