"""The command-line tools that need no window: uscc, import, audit verify, custody
verify, draw verify, checklist validate, calendar, sync.

Contract: each function runs one command inline on the calling thread, prints results
to stdout and problems to stderr in the chosen language, and returns the exit code
documented in :mod:`inspector.cli.main`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path

from inspector import __version__
from inspector.core.credit_codes import (
    CodeProblem,
    IdentifierCheck,
    IdentifierKind,
    check_identifier,
)
from inspector.core.draw import verify_protocol, verify_redraws
from inspector.core.roles import Role
from inspector.core.text import Lang, LocalText
from inspector.core.workdays import CalendarFileError
from inspector.db.migrate import SchemaTooNewError, head_revision
from inspector.services.audit_log import verify_audit_log
from inspector.services.checklist_files import ChecklistFileError, read_checklist_file
from inspector.services.directory_import import (
    ImportFileError,
    ImportKind,
    ImportSummary,
    import_directory,
)
from inspector.services.reference_data import install_calendar_file, load_calendar, load_divisions
from inspector.services.samples import verify_custody
from inspector.services.sync_session import Connection, run_sync, saved_connection, sign_in
from inspector.services.workspace import Workspace, open_workspace
from inspector.services.workspace_location import local_actor, resolve_data_dir
from inspector.sync.credentials import CredentialStore
from inspector.sync.database import InlineDatabase
from inspector.sync.engine import SyncOptions, SyncReport
from inspector.sync.transport import AuthError, OfflineError

EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED, EXIT_OFFLINE, EXIT_SIGNED_OUT = 0, 1, 2, 3, 4
_PROBLEMS_SHOWN = 20


def version_text() -> str:
    return f"inspector {__version__} (schema {head_revision()})"


def check_codes(codes: Sequence[str], *, as_json: bool, lang: Lang) -> int:
    """One line per code: verdict and reasons. Exit 0 only when every code is valid."""
    all_valid = True
    for raw in codes:
        verdict = check_identifier(raw)
        all_valid &= verdict.valid
        if as_json:
            print(json.dumps({
                "input": raw,
                "normalized": verdict.normalized,
                "was_normalized": verdict.was_normalized,
                "valid": verdict.valid,
                "kind": verdict.kind.value if verdict.kind else None,
                "problems": [_problem_json(p, lang) for p in verdict.problems],
                "warnings": [_problem_json(p, lang) for p in verdict.warnings],
            }, ensure_ascii=False))
            continue
        print(_verdict_line(raw, verdict, lang))
    return EXIT_OK if all_valid else EXIT_PROBLEMS


def _problem_json(problem: CodeProblem, lang: Lang) -> dict[str, object]:
    return {
        "kind": problem.kind.value,
        "position": problem.position,
        "expected": problem.expected,
        "found": problem.found,
        "message": problem.message.render(lang),
    }


def _verdict_line(raw: str, verdict: IdentifierCheck, lang: Lang) -> str:
    shown = verdict.normalized or raw
    if verdict.valid:
        kind = LocalText("有效", "valid") if verdict.kind is IdentifierKind.USCC else LocalText(
            "有效（旧版15位注册号）", "valid (legacy 15-digit registration number)")
        line = f"{shown}\t{kind.render(lang)}"
    else:
        reasons = "；" if lang is Lang.ZH else "; "
        line = f"{shown}\t{LocalText('无效', 'invalid').render(lang)}\t" + reasons.join(
            p.message.render(lang) for p in verdict.problems)
    if verdict.was_normalized:
        note = LocalText(f"（已规范化输入“{raw}”）", f" (normalised from '{raw}')")
        line += note.render(lang)
    for warning in verdict.warnings:
        line += "\t" + LocalText("提示：", "warning: ").render(lang) + warning.message.render(lang)
    return line


def _open(data_dir: str | None, lang: Lang) -> Workspace | None:
    root = resolve_data_dir(data_dir)
    try:
        return open_workspace(root)
    except SchemaTooNewError as exc:
        print(str(exc), file=sys.stderr)
        return None


def import_file(data_dir: str | None, kind: str, path: Path, lang: Lang) -> int:
    workspace = _open(data_dir, lang)
    if workspace is None:
        return EXIT_REFUSED
    label = LocalText("已处理", "processed").render(lang)

    def progress(done: int, total: int | None) -> None:
        print(f"{label} {done}/{total if total is not None else '?'}", file=sys.stderr,
              flush=True)

    try:
        outcome = import_directory(
            workspace.store,
            local_actor(Role.ADMINISTRATOR),
            ImportKind(kind),
            path.resolve(),
            divisions=load_divisions(),
            fallback_report_dir=workspace.paths.reports,
            lang=lang,
            progress=progress,
        )
    except ImportFileError as exc:
        print(LocalText("导入被拒绝：", "import refused: ").render(lang) + exc.text.render(lang),
              file=sys.stderr)
        return EXIT_REFUSED
    finally:
        workspace.store.close()
    summary = outcome.value
    print(summary.describe(lang))
    _print_problems(summary, lang)
    return EXIT_PROBLEMS if summary.rejected_rows else EXIT_OK


def _print_problems(summary: ImportSummary, lang: Lang) -> None:
    for problem in summary.problems[:_PROBLEMS_SHOWN]:
        row = LocalText(f"第{problem.row}行", f"row {problem.row}").render(lang)
        print(f"  {row} [{problem.column}] {problem.value!s:.40}: "
              f"{problem.message.render(lang)}", file=sys.stderr)
    if len(summary.problems) > _PROBLEMS_SHOWN:
        more = len(summary.problems) - _PROBLEMS_SHOWN
        print("  " + LocalText(f"……另有 {more} 条，见报告文件", f"... {more} more in the report")
              .render(lang), file=sys.stderr)
    if summary.report_path is not None:
        print(LocalText("报告：", "report: ").render(lang) + str(summary.report_path))
    if summary.ignored_columns:
        print(LocalText("未识别的列（已忽略）：", "unrecognised columns (ignored): ").render(lang)
              + ", ".join(summary.ignored_columns))


def verify_audit(data_dir: str | None, lang: Lang) -> int:
    workspace = _open(data_dir, lang)
    if workspace is None:
        return EXIT_REFUSED
    try:
        verdict = verify_audit_log(workspace.store)
    finally:
        workspace.store.close()
    if verdict.intact:
        print(LocalText(f"审计日志完整：共 {verdict.events_checked} 条事件，哈希链无断裂",
                        f"audit log intact: {verdict.events_checked} events, hash chain unbroken")
              .render(lang))
        return EXIT_OK
    assert verdict.message is not None
    print(LocalText(f"审计日志被篡改：第 {verdict.broken_at} 号事件起断裂",
                    f"audit log tampered with: broken at event {verdict.broken_at}").render(lang),
          file=sys.stderr)
    print(verdict.message.render(lang), file=sys.stderr)
    return EXIT_PROBLEMS


def verify_custody_chains(data_dir: str | None, lang: Lang) -> int:
    """``inspector custody verify``: 0 when every portion's chain of custody is intact,
    1 listing every gap, break or out-of-order event."""
    workspace = _open(data_dir, lang)
    if workspace is None:
        return EXIT_REFUSED
    try:
        problems = verify_custody(workspace)
    finally:
        workspace.store.close()
    if not problems:
        print(LocalText("样品流转记录完整：每个份样的记录链均无缺失、断裂或次序错误",
                        "custody intact: no gap, break or out-of-order event in any "
                        "portion's chain").render(lang))
        return EXIT_OK
    for problem in problems:
        print(problem.message.render(lang), file=sys.stderr)
    return EXIT_PROBLEMS


def verify_draw(path: Path, lang: Lang, *, redraws: Sequence[Path] = ()) -> int:
    """``inspector draw verify``: 0 when the protocol (and its redraw records, in order)
    recompute exactly, 1 naming what differs, 2 when a file cannot be read."""
    documents = []
    for source in (path, *redraws):
        try:
            document = json.loads(source.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            print(LocalText(f"无法读取抽取记录文件 {source}：{exc}",
                            f"cannot read the draw protocol {source}: {exc}").render(lang),
                  file=sys.stderr)
            return EXIT_REFUSED
        if not isinstance(document, dict):
            print(LocalText(f"{source} 不是抽取记录（应为 JSON 对象）",
                            f"{source} is not a draw protocol (a JSON object)").render(lang),
                  file=sys.stderr)
            return EXIT_REFUSED
        documents.append(document)
    protocol = documents[0]
    verdict = verify_protocol(protocol)
    if verdict.ok and redraws:
        verdict = verify_redraws(protocol, documents[1:])
    if verdict.ok:
        selected = len(protocol.get("selected", []))
        print(LocalText(f"抽取记录验证通过：重新计算的 {selected} 个抽中对象及其检查组完全一致"
                        + (f"，{len(redraws)} 次重抽一致" if redraws else ""),
                        f"draw protocol verified: all {selected} selections and teams "
                        "recompute exactly"
                        + (f", and its {len(redraws)} redraw(s)" if redraws else "")
                        ).render(lang))
        return EXIT_OK
    print(LocalText("抽取记录验证未通过：", "draw protocol does NOT verify:").render(lang),
          file=sys.stderr)
    for problem in verdict.problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_PROBLEMS


def validate_checklist(path: Path, lang: Lang) -> int:
    """``inspector checklist validate``: 0 when valid, 1 listing every problem, 2 when the
    file cannot be read at all."""
    try:
        checklist = read_checklist_file(path)
    except ChecklistFileError as exc:
        unreadable = len(exc.problems) == 1 and not path.is_file()
        for problem in exc.problems:
            print(problem.render(lang), file=sys.stderr)
        if not unreadable:
            print(LocalText(f"共 {len(exc.problems)} 个问题", f"{len(exc.problems)} problem(s)")
                  .render(lang), file=sys.stderr)
        return EXIT_REFUSED if unreadable else EXIT_PROBLEMS
    print(LocalText(f"清单有效：{checklist.code} 第 {checklist.version} 版，"
                    f"{len(checklist.sections)} 个分节，{len(checklist.items)} 个题目",
                    f"checklist valid: {checklist.code} version {checklist.version}, "
                    f"{len(checklist.sections)} section(s), {len(checklist.items)} item(s)")
          .render(lang))
    return EXIT_OK


def install_calendar(data_dir: str | None, path: Path, lang: Lang) -> int:
    workspace = _open(data_dir, lang)
    if workspace is None:
        return EXIT_REFUSED
    try:
        schedule = install_calendar_file(path, workspace.paths.calendars)
    except CalendarFileError as exc:
        print(exc.text.render(lang), file=sys.stderr)
        return EXIT_REFUSED
    finally:
        workspace.store.close()
    print(LocalText(f"已安装 {schedule.year} 年节假日安排（{len(schedule.holidays)} 个假期，"
                    f"{len(schedule.makeup_workdays)} 个调休上班日）",
                    f"installed the {schedule.year} schedule ({len(schedule.holidays)} holidays, "
                    f"{len(schedule.makeup_workdays)} make-up working days)").render(lang))
    return EXIT_OK


def show_deadline(data_dir: str | None, start: str, days: int, lang: Lang) -> int:
    try:
        first = date.fromisoformat(start)
    except ValueError:
        message = LocalText(f"日期“{start}”无效，应为 YYYY-MM-DD",
                            f"'{start}' is not a YYYY-MM-DD date")
        print(message.render(lang), file=sys.stderr)
        return EXIT_REFUSED
    calendar = load_calendar(resolve_data_dir(data_dir) / "calendars")
    result = calendar.add_working_days(first, days)
    print(result.day.isoformat())
    if result.provisional:
        years = ", ".join(str(y) for y in result.assumed_years)
        print(LocalText(f"注意：{years} 年的节假日安排尚未安装，仅按周末计算",
                        f"note: no holiday schedule installed for {years}; weekends only")
              .render(lang), file=sys.stderr)
    return EXIT_OK


def sync_workspace(data_dir: str | None, args: argparse.Namespace, lang: Lang) -> int:
    """``inspector sync``: exit 0 when everything went, 1 when items wait for the user
    (refused or in conflict), 2 on bad input, 3 offline, 4 when a sign-in is needed."""
    workspace = _open(data_dir, lang)
    if workspace is None:
        return EXIT_REFUSED
    try:
        return _sync(workspace, args, lang)
    finally:
        workspace.store.close()


def _sync(workspace: Workspace, args: argparse.Namespace, lang: Lang) -> int:
    saved = saved_connection(workspace)
    server = args.server or (saved.server if saved else None)
    user = args.user or (saved.username if saved else None)
    if not server or not user:
        print(LocalText("请用 --server 和 --user 指定平台地址和账号",
                        "give the platform's address and the account: --server and --user")
              .render(lang), file=sys.stderr)
        return EXIT_REFUSED
    connection = Connection(server, user, args.ca_file)
    credentials = CredentialStore()
    if credentials.notice:
        print(credentials.notice, file=sys.stderr)
    if args.password_stdin:
        try:
            device = sign_in(workspace, connection, sys.stdin.readline().rstrip("\n"),
                             credentials)
        except AuthError as exc:
            print(LocalText("登录失败：", "sign-in failed: ").render(lang) + str(exc),
                  file=sys.stderr)
            return EXIT_SIGNED_OUT
        except OfflineError as exc:
            print(LocalText("无法连接平台：", "cannot reach the platform: ").render(lang)
                  + str(exc), file=sys.stderr)
            return EXIT_OFFLINE
        print(LocalText(f"已登录，设备前缀 {device.sample_prefix}",
                        f"signed in; device prefix {device.sample_prefix}").render(lang),
              file=sys.stderr)
    report = run_sync(workspace.paths, InlineDatabase(workspace.store), connection,
                      credentials, SyncOptions(originals=args.originals))
    if args.json:
        print(json.dumps(asdict(report), ensure_ascii=False))
    else:
        print(_describe(report, lang))
    if report.outcome == "offline":
        return EXIT_OFFLINE
    if report.outcome == "signed_out":
        return EXIT_SIGNED_OUT
    if report.outcome != "done":
        return EXIT_REFUSED
    return EXIT_PROBLEMS if report.refused or report.conflicts else EXIT_OK


def _describe(report: SyncReport, lang: Lang) -> str:
    outcome = {"done": LocalText("同步完成", "sync done"),
               "offline": LocalText("无法连接平台，数据已保留待下次发送",
                                    "platform unreachable; everything stays queued"),
               "signed_out": LocalText("登录已失效，请重新登录（数据已保留）",
                                       "signed out: sign in again (everything stays queued)"),
               }.get(report.outcome, LocalText("同步失败", "sync failed")).render(lang)
    figures = LocalText(
        f"上传 {report.stored} 条，未变 {report.unchanged}，冲突 {report.conflicts}，"
        f"被拒 {report.refused}；文件已验证 {report.files_verified}，待传 {report.files_left}；"
        f"下载 {report.pulled} 条；待发送 {report.still_pending}",
        f"sent {report.stored}, unchanged {report.unchanged}, conflicts {report.conflicts}, "
        f"refused {report.refused}; files verified {report.files_verified}, "
        f"waiting {report.files_left}; received {report.pulled}; "
        f"still pending {report.still_pending}").render(lang)
    message = f"\n{report.message}" if report.message else ""
    return f"{outcome}: {figures}{message}"
