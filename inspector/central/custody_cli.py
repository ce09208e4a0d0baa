"""``inspector-central custody``: follow and record a portion's custody on the server.

Contract: for laboratories without a client of the HTTP API, run by someone with access
to the platform's server. ``show CODE --as USER`` prints the chain as JSON (what ``GET
/custody/{portion_code}`` answers that account); ``record CODE KIND --as LABUSER ...``
records one step exactly as ``POST /custody/{portion_code}/events`` does (same checks,
same stored record, same audit event), with a fresh event UUID unless ``--event-uuid``
names one (to repeat a step safely). Runs in the command's one transaction; refusals
raise :class:`~inspector.central.errors.ApiError` or
:class:`~inspector.central.accounts.AccountError`, which the command line reports.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from inspector.central import custody
from inspector.central.accounts import AccountError
from inspector.central.custody_messages import LabEventRequest, LabStep
from inspector.central.principal import principal_for
from inspector.core.ids import new_uuid


def add_parser(sub: Any) -> None:
    """Add ``custody show`` and ``custody record`` to the command's subparsers."""
    actions = sub.add_parser("custody", help="follow and record a portion's custody "
                             "(laboratories)").add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="a portion's chain of custody, as JSON")
    show.add_argument("portion_code")
    show.add_argument("--as", dest="as_user", required=True, help="the account whose view")
    record = actions.add_parser("record", help="record a step in the lab")
    record.add_argument("portion_code")
    record.add_argument("kind", choices=[step.value for step in LabStep])
    record.add_argument("--as", dest="as_user", required=True, help="the laboratory account")
    record.add_argument("--seal", choices=["intact", "broken"],
                        help="the seal's state (a receipt needs it intact)")
    record.add_argument("--from", dest="from_party", default="", help="who delivered it")
    record.add_argument("--to", dest="to_party", default="", help="who received or gets it")
    record.add_argument("--place", default="", help="default: the lab's unit")
    record.add_argument("--result", choices=["pass", "fail"])
    record.add_argument("--report-number", default="")
    record.add_argument("--reason", default="")
    record.add_argument("--at", dest="occurred_at",
                        help="when, ISO 8601 with its offset (default: now)")
    record.add_argument("--event-uuid", help="repeat a step: the UUID it was recorded with")


def run(session: Session, args: argparse.Namespace) -> int:
    principal = principal_for(session, args.as_user)
    if args.action == "show":
        view = custody.show(session, principal, args.portion_code)
        print(json.dumps(view.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return 0
    done = custody.record(session, principal, args.portion_code, _request(args))
    print(json.dumps(done.model_dump(mode="json"), ensure_ascii=False, indent=2))
    return 0


def _request(args: argparse.Namespace) -> LabEventRequest:
    fields: dict[str, Any] = {"event_uuid": args.event_uuid or new_uuid(), "kind": args.kind}
    for name in ("from_party", "to_party", "place", "report_number", "reason"):
        if getattr(args, name):
            fields[name] = getattr(args, name)
    if args.seal is not None:
        fields["seal_intact"] = args.seal == "intact"
    if args.result is not None:
        fields["result"] = args.result
    try:
        if args.occurred_at:
            fields["occurred_at"] = datetime.fromisoformat(args.occurred_at)
        return LabEventRequest(**fields)
    except (ValueError, ValidationError) as exc:
        raise AccountError(f"not a valid step: {exc}") from exc
