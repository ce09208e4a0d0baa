"""``inspector-central``: serve the platform and administer it.

Contract: every command resolves the database (``--db`` or INSPECTOR_CENTRAL_DB,
default SQLite in the user data folder) and the blob folder (``--blobs`` or
INSPECTOR_CENTRAL_BLOBS), runs the platform's migrations, and does one thing in one
transaction with its audit event. Passwords are read from standard input (``-``) or
asked for without echo, never taken from the command line. Exit codes: 0 done, 1
refused (the message says why), 2 usage.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.central import accounts, audit, custody_cli
from inspector.central.accounts import AccountError
from inspector.central.database import connect, migrate, sessions
from inspector.central.demo_seed import UNIT_CODE, seed_demo
from inspector.central.directory_import import import_directory
from inspector.central.errors import ApiError
from inspector.central.models import Record, Unit
from inspector.central.principal import principal_for
from inspector.central.settings import Settings
from inspector.core.directory_rows import HeaderError, Severity
from inspector.core.roles import Role
from inspector.core.tables import TableFileError

PARENT_CHECK_S = 1.0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="inspector-central",
                                     description="Inspector central platform")
    parser.add_argument("--db", help="SQLAlchemy URL: sqlite:///PATH or "
                        "postgresql+psycopg://USER@HOST:PORT/DB")
    parser.add_argument("--blobs", help="folder of the blob store")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8421)
    serve.add_argument("--workers", type=int, default=1,
                       help="worker processes (PostgreSQL; SQLite serves one office)")
    serve.add_argument("--exit-with-parent", action="store_true",
                       help="stop when the process that started this one ends (a desktop "
                       "demo's own platform; never in a deployment)")

    unit = sub.add_parser("unit", help="organisational units").add_subparsers(
        dest="action", required=True)
    create_unit = unit.add_parser("create")
    create_unit.add_argument("code")
    create_unit.add_argument("name")
    create_unit.add_argument("--region", required=True, help="six-digit GB/T 2260 code")

    user = sub.add_parser("user", help="accounts").add_subparsers(dest="action", required=True)
    create_user = user.add_parser("create")
    create_user.add_argument("username")
    create_user.add_argument("--role", required=True,
                             choices=[r.value for r in Role.human_roles()])
    create_user.add_argument("--unit", required=True,
                             help="unit code (a laboratory's own unit for a lab account)")
    create_user.add_argument("--name", default="", help="display name")
    create_user.add_argument("--region", help="region scope (default: the unit's)")
    create_user.add_argument("--staff-id", help="the inspector's staff id in the directory")
    create_user.add_argument("--password", default="-",
                             help="'-' reads it from standard input (default), "
                             "'ask' prompts without echo")
    reset = user.add_parser("reset-password")
    reset.add_argument("username")
    reset.add_argument("--password", default="-")

    device = sub.add_parser("device", help="enrolled laptops").add_subparsers(
        dest="action", required=True)
    device.add_parser("list")
    revoke = device.add_parser("revoke")
    revoke.add_argument("device_uuid")

    imp = sub.add_parser("import", help="import a directory from .xlsx or .csv "
                         "(the desktop's rules)")
    imp.add_argument("kind", choices=["entities", "inspectors"])
    imp.add_argument("file", type=Path)
    imp.add_argument("--as", dest="as_user", required=True,
                     help="the administrator account the records belong to")

    export = sub.add_parser("export", help="records as JSON lines")
    export.add_argument("--kind", help="only this kind")

    seed = sub.add_parser("demo-seed", help="the desktop demo's unit, accounts and directory "
                          "on an empty platform (one shared password: demo only)")
    seed.add_argument("--entities", type=Path, required=True)
    seed.add_argument("--inspectors", type=Path, required=True)
    seed.add_argument("--password", default="-")

    audit_cmd = sub.add_parser("audit", help="the platform's audit log").add_subparsers(
        dest="action", required=True)
    audit_cmd.add_parser("verify")
    custody_cli.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings.resolve(args.db, args.blobs)
    if args.command == "serve":
        if args.exit_with_parent:
            _exit_with_parent()
        return _serve(settings, args.host, args.port, args.workers)
    engine = connect(settings.db_url)
    migrate(engine)
    factory = sessions(engine)
    try:
        with factory() as session:
            code = _run(session, args)
            session.commit()
            return code
    except (AccountError, ApiError) as exc:
        print(f"refused: {exc}", file=sys.stderr)
        chinese = exc.body.detail.get("zh") if isinstance(exc, ApiError) else None
        if chinese:
            print(f"拒绝：{chinese}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _run(session: Session, args: argparse.Namespace) -> int:
    command, action = args.command, getattr(args, "action", None)
    if command == "unit":
        unit = accounts.create_unit(session, args.code, args.name, args.region)
        print(f"unit {unit.code} created ({unit.name}, region {unit.region_code})")
    elif command == "user" and action == "create":
        account = accounts.create_account(
            session, username=args.username, password=_password(args.password),
            role=Role(args.role), unit_code=args.unit, display_name=args.name,
            region_code=args.region, staff_id=args.staff_id)
        print(f"user {account.username} created ({account.role})")
    elif command == "user":
        accounts.reset_password(session, args.username, _password(args.password))
        print(f"password of {args.username} reset; their tokens were revoked")
    elif command == "device" and action == "list":
        for info in accounts.list_devices(session):
            print(json.dumps(info.model_dump(), ensure_ascii=False))
    elif command == "device":
        info = accounts.revoke_device(session, args.device_uuid, "inspector-central",
                                      Role.ADMINISTRATOR.value)
        print(f"device {info.device_uuid} revoked at {info.revoked_at}")
    elif command == "import":
        return _import(session, args)
    elif command == "demo-seed":
        made = seed_demo(session, entities=args.entities, inspectors=args.inspectors,
                         password=_password(args.password))
        print(f"demo platform seeded: unit {UNIT_CODE}, {len(made)} accounts")
    elif command == "custody":
        return custody_cli.run(session, args)
    elif command == "export":
        query = select(Record, Unit.code).join(Unit, Unit.id == Record.unit_id).order_by(
            Record.server_seq)
        if args.kind:
            query = query.where(Record.kind == args.kind)
        for record, unit_code in session.execute(query):
            print(json.dumps({"kind": record.kind, "uuid": record.uuid, "unit": unit_code,
                              "content_hash": record.content_hash, "revision": record.revision,
                              "deleted": record.deleted, "server_seq": record.server_seq,
                              "body": record.body}, ensure_ascii=False, sort_keys=True))
    else:
        verdict = audit.verify(session)
        if not verdict.intact:
            print(f"audit log tampered with at event {verdict.broken_at}: "
                  f"{verdict.message.en if verdict.message else ''}", file=sys.stderr)
            return 1
        print(f"audit log intact: {verdict.events_checked} events")
    return 0


def _import(session: Session, args: argparse.Namespace) -> int:
    principal = principal_for(session, args.as_user)
    principal.require(Role.ADMINISTRATOR)
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise AccountError(f"cannot read {args.file}: {exc.strerror}") from exc
    try:
        result = import_directory(session, principal, args.kind, args.file.name, data)
    except (TableFileError, HeaderError) as exc:
        raise AccountError(exc.text.en) from exc
    rejected = sorted({p.row for p in result.problems if p.severity is Severity.ERROR})
    print(f"read {result.rows_read} rows: " + ", ".join(
        f"{count} {status}" for status, count in sorted(result.statuses.items()))
        + f"; {len(rejected)} rows rejected")
    for problem in result.problems[:50]:
        print(f"  row {problem.row} [{problem.column}] {problem.value!s:.40}: "
              f"{problem.message.en} ({problem.severity.value})", file=sys.stderr)
    for refusal in result.refused[:50]:
        print(f"  refused {refusal}", file=sys.stderr)
    return 1 if rejected or result.refused else 0


def _password(source: str) -> str:
    if source == "ask":
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise AccountError("the two passwords differ")
        return first
    if source == "-":
        return sys.stdin.readline().rstrip("\n")
    raise AccountError("pass the password on standard input ('-') or with 'ask', "
                       "never on the command line")


def _exit_with_parent() -> None:
    """Stop this server gracefully (as on SIGTERM) once its parent process is gone: a
    killed or crashed desktop must not leave its demo platform running."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _serve(settings: Settings, host: str, port: int, workers: int) -> int:
    import uvicorn

    os.environ.update(settings.environment())
    if workers > 1:
        uvicorn.run("inspector.central.app:app_from_environment", factory=True, host=host,
                    port=port, workers=workers, log_level="info")
    else:
        from inspector.central.app import create_app

        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
    return 0


if __name__ == "__main__":
    sys.exit(main())
