"""The ``inspector`` command: the app, the demo, the tour and the command-line tools.

Contract: parses arguments, picks the workspace (``--data-dir``, else
``INSPECTOR_DATA_DIR``, else the platform default) and the language (``--lang``, else
``INSPECTOR_LANG``, else Chinese), then runs one command on the main thread. Qt is
imported only by the commands that open windows or render screens, and the tools' own
modules only by the tools (the app starts with as little imported as it can). Exit codes: 0 done,
1 the command ran and found problems (an invalid code, a broken audit log, rejected
rows, a draw protocol that does not recompute), 2 the input was refused, 3 no display
to show a window on (``inspector sync`` has its own codes: see its help and docs/sync.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from inspector.core.text import Lang

EXIT_NO_DISPLAY = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector",
        description="Inspector 双随机抽查与抽样 / field inspection and sampling",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--data-dir", help="workspace folder (default: INSPECTOR_DATA_DIR, "
                        "else the user data folder)")
    parser.add_argument("--lang", choices=["zh", "en"], help="language (default: zh)")
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="create the demo workspace and open the app")
    demo.add_argument("--reset", action="store_true", help="rebuild the demo workspace")

    tour = sub.add_parser("tour", help="render every main screen to PNG files, offscreen")
    tour.add_argument("--out", required=True, type=Path, help="folder for the PNG files")

    uscc = sub.add_parser("uscc", help="check 统一社会信用代码 (and legacy 注册号)")
    uscc.add_argument("codes", nargs="+", metavar="CODE")
    uscc.add_argument("--json", action="store_true", help="one JSON object per line")

    imp = sub.add_parser("import", help="import a directory from .xlsx or .csv")
    imp.add_argument("kind", choices=["entities", "inspectors"])
    imp.add_argument("file", type=Path)

    audit = sub.add_parser("audit", help="the tamper-evident audit log")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser("verify", help="check the hash chain; exit 1 naming the first break")
    custody = sub.add_parser("custody", help="samples' chains of custody (docs/sampling.md)")
    custody_sub = custody.add_subparsers(dest="custody_command", required=True)
    custody_sub.add_parser("verify", help="check every portion's chain; exit 1 listing "
                                          "every gap, break or out-of-order event")
    draw = sub.add_parser("draw", help="the random draw (docs/draw.md)")
    draw_sub = draw.add_subparsers(dest="draw_command", required=True)
    draw_verify = draw_sub.add_parser(
        "verify", help="recompute a draw protocol from itself; exit 1 naming what differs")
    draw_verify.add_argument("protocol", type=Path)
    draw_verify.add_argument("redraws", type=Path, nargs="*", metavar="REDRAW.json",
                             help="the protocol's redraw records, in order")
    _add_planning_parsers(sub, draw_sub)

    _add_checklist_parsers(sub)

    calendar = sub.add_parser("calendar", help="working-day calendars")
    calendar_sub = calendar.add_subparsers(dest="calendar_command", required=True)
    install = calendar_sub.add_parser("install", help="install a year's holiday schedule")
    install.add_argument("file", type=Path)
    deadline = calendar_sub.add_parser("deadline", help="the N-th working day after a date")
    deadline.add_argument("start", help="YYYY-MM-DD")
    deadline.add_argument("days", type=int)
    sync = sub.add_parser("sync", help="sync this workspace with the central platform")
    sync.add_argument("--server", help="the platform's address (remembered after sign-in)")
    sync.add_argument("--user", help="the account name (remembered after sign-in)")
    sync.add_argument("--password-stdin", action="store_true",
                      help="sign in first with the password read from standard input")
    sync.add_argument("--ca-file", type=Path, help="a provincial CA certificate to trust")
    sync.add_argument("--originals", action="store_true",
                      help="also send photo originals (they wait for a fast link otherwise)")
    sync.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def _add_checklist_parsers(sub: Any) -> None:
    """The administrator's checklist commands: validate, import, publish, export, diff."""
    checklist = sub.add_parser("checklist", help="checklists (format in docs/checklists.md)")
    checklist_sub = checklist.add_subparsers(dest="checklist_command", required=True)
    checklist_validate = checklist_sub.add_parser(
        "validate", help="check a checklist (.json or XLSForm .xlsx); exit 1 listing every "
        "problem with its sheet, row and column")
    checklist_validate.add_argument("file", type=Path)
    checklist_import = checklist_sub.add_parser(
        "import", help="store a checklist file as a draft version in the workspace")
    checklist_import.add_argument("file", type=Path)
    checklist_publish = checklist_sub.add_parser(
        "publish", help="publish a draft version (it reaches every laptop on sync)")
    checklist_publish.add_argument("code")
    checklist_publish.add_argument("--version", type=int, required=True, dest="number")
    checklist_export = checklist_sub.add_parser("export", help="write a version as .json")
    checklist_export.add_argument("code")
    checklist_export.add_argument("--version", type=int, required=True, dest="number")
    checklist_export.add_argument("--out", type=Path, required=True)
    checklist_diff = checklist_sub.add_parser(
        "diff", help="what changed from one stored version to another: the summary, then "
        "one line per change")
    checklist_diff.add_argument("code", metavar="CODE")
    checklist_diff.add_argument("old", type=int, metavar="OLD", help="the older version")
    checklist_diff.add_argument("new", type=int, metavar="NEW", help="the newer version")
    # Also accepted after the command; SUPPRESS keeps an earlier ``--lang`` when absent.
    checklist_diff.add_argument("--lang", choices=["zh", "en"], default=argparse.SUPPRESS,
                                help="language (default: zh)")


def _add_planning_parsers(sub: Any, draw_sub: Any) -> None:
    """The team lead's commands: draw commit/run/release/recuse, plan, disclosure."""
    draw_commit = draw_sub.add_parser(
        "commit", help="fix a plan's seed now and print its commitment to publish")
    draw_commit.add_argument("--plan", required=True, metavar="CODE")
    draw_commit.add_argument("--public-text", help="derive the seed as sha256 of this "
                             "public text chosen in advance (default: a random seed)")
    draw_run = draw_sub.add_parser("run", help="draw a plan and write its protocol")
    draw_run.add_argument("--plan", required=True, metavar="PLAN.json|CODE",
                          help="a plan file (saved first) or a saved plan's code")
    draw_run.add_argument("--seed", metavar="HEX", help="the 64-hex-digit seed (default: "
                          "the seed committed with 'draw commit')")
    draw_run.add_argument("--out", required=True, type=Path, metavar="PROTOCOL.json")
    draw_run.add_argument("--summary", type=Path, metavar="DIR",
                          help="also write the ceremony summary (PDF and .xlsx) here")
    draw_release = draw_sub.add_parser("release", help="release a drawn plan's tasks")
    draw_release.add_argument("--plan", required=True, metavar="CODE")
    draw_recuse = draw_sub.add_parser("recuse", help="record an inspector's conflict (回避)")
    draw_recuse.add_argument("--inspector", required=True, metavar="STAFF_ID")
    draw_recuse.add_argument("--entity", required=True, metavar="CREDIT_CODE")
    draw_recuse.add_argument("--reason", required=True)
    draw_redraw = draw_sub.add_parser(
        "redraw", help="a recusal after the draw: record it and redraw that one team")
    draw_redraw.add_argument("--plan", required=True, metavar="CODE")
    draw_redraw.add_argument("--inspector", required=True, metavar="STAFF_ID")
    draw_redraw.add_argument("--entity", required=True, metavar="CREDIT_CODE")
    draw_redraw.add_argument("--reason", required=True)
    draw_redraw.add_argument("--out", type=Path, metavar="REDRAW.json",
                             help="also write the redraw record here")

    tasks = sub.add_parser("tasks", help="signed assignment packages for sites with no network")
    tasks_sub = tasks.add_subparsers(dest="tasks_command", required=True)
    package_out = tasks_sub.add_parser("export-package",
                                       help="one inspector's released tasks, signed")
    package_out.add_argument("--inspector", required=True, metavar="STAFF_ID")
    package_out.add_argument("--out", required=True, type=Path, metavar="PACKAGE.json")
    package_in = tasks_sub.add_parser("import-package", help="import a signed package")
    package_in.add_argument("file", type=Path)
    package_in.add_argument("--trust", metavar="FINGERPRINT",
                            help="trust the signing key with this fingerprint (first time)")
    tasks_sub.add_parser("fingerprint", help="this workspace's signing-key fingerprint")

    plan = sub.add_parser("plan", help="inspection plans (format in docs/draw.md)")
    plan_sub = plan.add_subparsers(dest="plan_command", required=True)
    plan_check = plan_sub.add_parser("check", help="check a plan file against the directory")
    plan_check.add_argument("file", type=Path)
    plan_save = plan_sub.add_parser("save", help="save a plan file into the workspace")
    plan_save.add_argument("file", type=Path)

    publication = sub.add_parser("disclosure", help="publication of results (一公开)")
    publication_sub = publication.add_subparsers(dest="disclosure_command", required=True)
    board = publication_sub.add_parser("board", help="results and their 20-working-day "
                                       "deadlines; exit 1 when any is overdue")
    board.add_argument("--json", action="store_true")
    approve = publication_sub.add_parser("approve", help="approve results for publication")
    approve.add_argument("inspections", nargs="*", metavar="INSPECTION_UUID")
    approve.add_argument("--all", action="store_true", help="every result not yet approved")
    export = publication_sub.add_parser("export", help="write the disclosure list")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    lang = Lang.parse(args.lang or os.environ.get("INSPECTOR_LANG"))
    if args.version:
        from inspector.cli.commands import version_text

        print(version_text())
        return 0
    command = args.command
    if command == "tour":
        from inspector.ui.tour import run_tour

        return run_tour(args.data_dir, args.out, lang)
    if command not in (None, "demo"):
        return _run_tool(args, lang)
    if not display_available():
        print(no_display_message(lang, "demo" if command == "demo" else ""), file=sys.stderr)
        return EXIT_NO_DISPLAY
    from inspector.ui.app import run_app

    return run_app(args.data_dir, lang, demo=command == "demo", reset_demo=bool(
        getattr(args, "reset", False)))


def _run_tool(args: argparse.Namespace, lang: Lang) -> int:
    from inspector.cli import checklist_commands, commands

    command = args.command
    if command == "uscc":
        return commands.check_codes(args.codes, as_json=args.json, lang=lang)
    if command == "import":
        return commands.import_file(args.data_dir, args.kind, args.file, lang)
    if command == "audit":
        return commands.verify_audit(args.data_dir, lang)
    if command == "custody":
        return commands.verify_custody_chains(args.data_dir, lang)
    if command in ("draw", "plan", "disclosure", "tasks"):
        return _planning(args, lang)
    if command == "checklist" and args.checklist_command == "validate":
        return commands.validate_checklist(args.file, lang)
    if command == "checklist":
        return checklist_commands.run(args, lang)
    if command == "calendar" and args.calendar_command == "install":
        return commands.install_calendar(args.data_dir, args.file, lang)
    if command == "calendar":
        return commands.show_deadline(args.data_dir, args.start, args.days, lang)
    return commands.sync_workspace(args.data_dir, args, lang)  # the last command: sync


def _planning(args: argparse.Namespace, lang: Lang) -> int:
    from inspector.cli import commands, planning_commands

    today = date.today()
    data_dir = args.data_dir
    match (args.command, getattr(args, "draw_command", None) or getattr(
            args, "plan_command", None) or getattr(args, "disclosure_command", None)
            or getattr(args, "tasks_command", None)):
        case ("draw", "verify"):
            return commands.verify_draw(args.protocol, lang, redraws=args.redraws)
        case ("draw", "redraw"):
            return planning_commands.redraw(data_dir, args.plan, staff_id=args.inspector,
                                            entity_key=args.entity, reason=args.reason,
                                            out=args.out, lang=lang)
        case ("draw", "commit"):
            return planning_commands.commit_seed(data_dir, args.plan, args.public_text, lang)
        case ("draw", "run"):
            return planning_commands.run_draw(data_dir, args.plan, seed_hex=args.seed,
                                              out=args.out, summary_dir=args.summary,
                                              lang=lang)
        case ("draw", "release"):
            return planning_commands.release(data_dir, args.plan, lang)
        case ("draw", "recuse"):
            return planning_commands.recuse(data_dir, staff_id=args.inspector,
                                            entity_key=args.entity, reason=args.reason,
                                            lang=lang, today=today)
        case ("plan", "check"):
            return planning_commands.check_plan_file(data_dir, args.file, lang, today)
        case ("plan", "save"):
            return planning_commands.save_plan_file(data_dir, args.file, lang)
        case ("tasks", "export-package"):
            return planning_commands.export_package(data_dir, args.inspector, args.out, lang)
        case ("tasks", "import-package"):
            return planning_commands.import_package(data_dir, args.file, args.trust, lang)
        case ("tasks", _):
            return planning_commands.show_fingerprint(data_dir)
        case ("disclosure", "board"):
            return planning_commands.disclosure_board(data_dir, lang, today,
                                                      as_json=args.json)
        case ("disclosure", "approve"):
            return planning_commands.approve(data_dir, args.inspections, args.all, lang, today)
        case _:
            return planning_commands.export(data_dir, args.out, lang, today)


def display_available() -> bool:
    """False only where Qt would abort for lack of a screen (Linux without X or Wayland)."""
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in {"offscreen", "minimal", "vnc"}:
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _program() -> str:
    """How the user invoked us, so the advice can be pasted back as is."""
    invoked = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if invoked is not None and invoked.name == "inspector":
        return str(invoked) if invoked.parent != Path() and not shutil.which("inspector") \
            else "inspector"
    return f"{Path(sys.executable)} -m inspector"


def no_display_message(lang: Lang, command: str) -> str:
    program = _program()
    args = f" {command}" if command else ""
    if lang is Lang.EN:
        return (
            "No display: DISPLAY and WAYLAND_DISPLAY are not set, so no window can open.\n"
            f"Run it on a virtual screen:  xvfb-run -a -s '-screen 0 1600x1000x24' "
            f"{program}{args}\n"
            "(Debian/Ubuntu: apt-get install xvfb xauth)\n"
            f"Or render every screen to PNG files:  {program} tour --out screenshots"
        )
    return (
        "没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。\n"
        f"可在 Xvfb 虚拟屏幕中运行：xvfb-run -a -s '-screen 0 1600x1000x24' {program}{args}\n"
        "（Debian/Ubuntu 安装：apt-get install xvfb xauth）\n"
        f"或者把每个界面渲染成 PNG 图片：{program} tour --out screenshots"
    )


if __name__ == "__main__":
    sys.exit(main())
