"""The team lead's command-line tools: plans, the draw, its release, and disclosure.

Contract: like :mod:`inspector.cli.commands`, each function runs one command inline,
prints results to stdout and problems to stderr in the chosen language, and returns
0 (done), 1 (ran, found problems: an overdue publication), or 2 (input refused: a plan
that breaks a rule, a seed that does not match its commitment, an unreadable file).
Nothing is half-written when a command is refused.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from inspector.core.draw import DrawError, check_plan, parse_seed
from inspector.core.plan_document import PlanDocument, PlanFileError, parse_plan
from inspector.core.roles import Role
from inspector.core.text import Lang, LocalText
from inspector.db.migrate import SchemaTooNewError
from inspector.services import assignment_package, disclosure, planning, recusals
from inspector.services.draw_report import ReportError, write_ceremony_summary
from inspector.services.file_output import write_file_atomically
from inspector.services.reference_data import load_calendar
from inspector.services.workspace import Workspace, open_workspace
from inspector.services.workspace_location import local_actor, resolve_data_dir

EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED = 0, 1, 2


def _say(lang: Lang, zh: str, en: str) -> None:
    print(LocalText(zh, en).render(lang))


def _refuse(lang: Lang, text: LocalText) -> int:
    print(text.render(lang), file=sys.stderr)
    return EXIT_REFUSED


def _open(data_dir: str | None) -> Workspace:
    return open_workspace(resolve_data_dir(data_dir))


def _read_plan(path: Path) -> PlanDocument:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanFileError(LocalText(f"无法读取计划文件 {path}：{exc}",
                                      f"cannot read the plan file {path}: {exc}")) from None
    return parse_plan(text, origin=path.name)


def check_plan_file(data_dir: str | None, path: Path, lang: Lang, today: date) -> int:
    """``inspector plan check``: the plan against this workspace's directory, no writes."""
    try:
        plan = _read_plan(path)
    except PlanFileError as exc:
        return _refuse(lang, exc.text)
    workspace = _open(data_dir)
    try:
        inputs = planning.draw_inputs(workspace.store, plan, today)
    finally:
        workspace.store.close()
    for stratum in plan.strata:
        size = inputs.stratum_sizes.get(stratum.name, 0)
        take = min(stratum.take(size), size) if size else 0
        _say(lang, f"分层 {stratum.name}：名录 {size} 户，抽取 {take} 户",
             f"stratum {stratum.name}: {size} entities, {take} drawn")
    _say(lang, f"排除：{inputs.excluded_recent} 户近期已检查，"
               f"{inputs.excluded_open_tasks} 户有未完成任务",
         f"excluded: {inputs.excluded_recent} inspected recently, "
         f"{inputs.excluded_open_tasks} with open tasks")
    _say(lang, f"符合条件的检查人员：{len(inputs.candidates)} 名",
         f"eligible inspectors: {len(inputs.candidates)}")
    try:
        check_plan(plan.draw_plan(), inputs.population, inputs.candidates)
    except DrawError as exc:
        return _refuse(lang, LocalText(f"计划不能抽取：{exc}", f"the plan cannot be drawn: {exc}"))
    _say(lang, "计划可以抽取", "the plan can be drawn")
    return EXIT_OK


def save_plan_file(data_dir: str | None, path: Path, lang: Lang) -> int:
    try:
        plan = _read_plan(path)
        workspace = _open(data_dir)
    except PlanFileError as exc:
        return _refuse(lang, exc.text)
    try:
        planning.save_plan(workspace.store, plan, local_actor(Role.TEAM_LEAD))
    except planning.PlanningError as exc:
        return _refuse(lang, exc.text)
    finally:
        workspace.store.close()
    _say(lang, f"计划 {plan.code} 已保存", f"plan {plan.code} saved")
    return EXIT_OK


def commit_seed(data_dir: str | None, code: str, public_text: str | None, lang: Lang) -> int:
    workspace = _open(data_dir)
    try:
        value = planning.commit_seed(workspace.store, code, local_actor(Role.TEAM_LEAD),
                                     public_text=public_text).value
    except planning.PlanningError as exc:
        return _refuse(lang, exc.text)
    finally:
        workspace.store.close()
    _say(lang, "种子承诺值（抽取前公布）：", "seed commitment (publish it before the draw):")
    print(value)
    return EXIT_OK


def run_draw(data_dir: str | None, plan_arg: str, *, seed_hex: str | None, out: Path,
             summary_dir: Path | None, lang: Lang) -> int:
    """``inspector draw run``: save the plan file if one is given, draw, write the protocol."""
    try:
        seed = parse_seed(seed_hex) if seed_hex is not None else None
    except DrawError as exc:
        return _refuse(lang, LocalText(f"种子无效：{exc}", f"invalid seed: {exc}"))
    actor = local_actor(Role.TEAM_LEAD)
    try:
        workspace = _open(data_dir)
    except SchemaTooNewError as exc:
        return _refuse(lang, LocalText(str(exc), str(exc)))
    try:
        code = plan_arg
        if Path(plan_arg).suffix.lower() == ".json":
            plan = _read_plan(Path(plan_arg))
            code = plan.code
            planning.save_plan(workspace.store, plan, actor)
        outcome = planning.run_plan_draw(workspace.store, code, actor, seed=seed).value
    except (PlanFileError, planning.PlanningError) as exc:
        return _refuse(lang, exc.text)
    finally:
        workspace.store.close()
    try:
        write_file_atomically(out, outcome.document_text.encode("utf-8"))
        summary = (write_ceremony_summary(outcome.document_text, summary_dir, lang=lang)
                   if summary_dir is not None else ())
    except OSError as exc:
        return _refuse(lang, LocalText(
            f"抽取已完成并保存在工作区，但无法写入 {out}：{exc}；可在工作区中重新导出",
            f"the draw is done and stored in the workspace, but {out} could not be written: "
            f"{exc}; export it again from the workspace"))
    except ReportError as exc:
        return _refuse(lang, LocalText(
            f"抽取已完成，抽取记录已写入 {out}，但摘要未能生成：{exc.text.zh}",
            f"the draw is done and its protocol written to {out}, but the summary failed: "
            f"{exc.text.en}"))
    _say(lang, f"抽取完成：{outcome.selected} 户已派检查组，{len(outcome.unassigned)} 户未能派员，"
               f"每人上限 {outcome.capacity}",
         f"drawn: {outcome.selected} entities staffed, {len(outcome.unassigned)} unassigned, "
         f"capacity {outcome.capacity} per inspector")
    for key, reason in outcome.unassigned:
        print(f"  {key}: {reason}", file=sys.stderr)
    _say(lang, f"抽取记录 {out}，SHA-256 {outcome.sha256}",
         f"protocol {out}, SHA-256 {outcome.sha256}")
    for path in summary:
        print(path)
    return EXIT_OK


def release(data_dir: str | None, code: str, lang: Lang) -> int:
    workspace = _open(data_dir)
    try:
        count = planning.release_tasks(workspace.store, code, local_actor(Role.TEAM_LEAD)).value
    except planning.PlanningError as exc:
        return _refuse(lang, exc.text)
    finally:
        workspace.store.close()
    _say(lang, f"已下达 {count} 项任务（同步后送达检查人员）",
         f"{count} task(s) released (they reach the inspectors on sync)")
    return EXIT_OK


def recuse(data_dir: str | None, *, staff_id: str, entity_key: str, reason: str,
           lang: Lang, today: date) -> int:
    workspace = _open(data_dir)
    try:
        recusals.declare_recusal(workspace.store, local_actor(Role.TEAM_LEAD),
                                 staff_id=staff_id, entity_key=entity_key, reason=reason,
                                 today=today)
    except planning.PlanningError as exc:
        return _refuse(lang, exc.text)
    finally:
        workspace.store.close()
    _say(lang, f"已登记回避：{staff_id} 不参加对 {entity_key} 的检查",
         f"recusal recorded: {staff_id} will not inspect {entity_key}")
    return EXIT_OK


def redraw(data_dir: str | None, code: str, *, staff_id: str, entity_key: str, reason: str,
           out: Path | None, lang: Lang) -> int:
    workspace = _open(data_dir)
    try:
        made = recusals.redraw_after_recusal(
            workspace.store, local_actor(Role.TEAM_LEAD), plan_code=code, staff_id=staff_id,
            entity_key=entity_key, reason=reason).value
        records = recusals.protocol_redraws(workspace.store, code)
    except planning.PlanningError as exc:
        return _refuse(lang, exc.text)
    finally:
        workspace.store.close()
    _say(lang, f"已登记回避并重新抽取 {entity_key} 的检查组：{'、'.join(made.previous_team)} → "
               f"{'、'.join(made.team)}（第 {made.sequence} 次重抽，SHA-256 {made.sha256}）",
         f"recusal recorded and the team for {entity_key} redrawn: "
         f"{', '.join(made.previous_team)} → {', '.join(made.team)} (redraw {made.sequence}, "
         f"SHA-256 {made.sha256})")
    if out is not None:
        write_file_atomically(out, records[-1].encode("utf-8"))
        print(out)
    return EXIT_OK


def export_package(data_dir: str | None, staff_id: str, out: Path, lang: Lang) -> int:
    workspace = _open(data_dir)
    try:
        count = assignment_package.export_package(
            workspace.store, local_actor(Role.TEAM_LEAD), staff_id=staff_id, path=out).value
        key = assignment_package.signing_fingerprint(workspace.store)
    except assignment_package.PackageError as exc:
        return _refuse(lang, exc.text)
    finally:
        workspace.store.close()
    _say(lang, f"任务包 {out}：{staff_id} 的 {count} 项任务，签名密钥指纹 {key}",
         f"assignment package {out}: {count} task(s) for {staff_id}, signing key {key}")
    return EXIT_OK


def import_package(data_dir: str | None, path: Path, trust: str | None, lang: Lang) -> int:
    workspace = _open(data_dir)
    try:
        done = assignment_package.import_package(
            workspace.store, local_actor(Role.INSPECTOR), path, trust=trust).value
    except assignment_package.PackageError as exc:
        return _refuse(lang, exc.text)
    finally:
        workspace.store.close()
    _say(lang, f"已导入 {done.inspector} 的任务包：新增 {done.tasks_added} 项任务"
               f"（{done.tasks_known} 项已有），签名密钥指纹 {done.fingerprint}",
         f"package for {done.inspector} imported: {done.tasks_added} new task(s) "
         f"({done.tasks_known} already here), signing key {done.fingerprint}")
    return EXIT_OK


def show_fingerprint(data_dir: str | None) -> int:
    workspace = _open(data_dir)
    try:
        print(assignment_package.signing_fingerprint(workspace.store))
    finally:
        workspace.store.close()
    return EXIT_OK


def disclosure_board(data_dir: str | None, lang: Lang, today: date, *, as_json: bool) -> int:
    workspace = _open(data_dir)
    try:
        rows = disclosure.deadline_board(
            workspace.store, load_calendar(workspace.paths.calendars), today)
    finally:
        workspace.store.close()
    for row in rows:
        if as_json:
            print(json.dumps({
                "inspection": row.inspection_uuid, "plan": row.plan_code,
                "entity": row.entity_name, "credit_code": row.credit_code,
                "result": row.result_label, "completed_on": row.completed_on.isoformat(),
                "due_on": row.due_on.isoformat(), "working_days_left": row.working_days_left,
                "approved": row.approved, "must_publish": row.must_publish,
                "abnormal_referral": row.abnormal_referral}, ensure_ascii=False))
            continue
        flags = "".join((" [须公示]" if row.must_publish else "",
                         " [经营异常移送]" if row.abnormal_referral else "",
                         " [已审核]" if row.approved else ""))
        print(f"{row.due_on} ({row.working_days_left:+d}) {row.credit_code} {row.entity_name} "
              f"{row.result_label}{flags}  {row.inspection_uuid}")
    overdue = [r for r in rows if r.overdue and not r.approved]
    if overdue:
        print(LocalText(f"{len(overdue)} 项结果已超过 20 个工作日公示期限",
                        f"{len(overdue)} result(s) past the 20-working-day publication "
                        "deadline").render(lang), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def approve(data_dir: str | None, uuids: Sequence[str], approve_all: bool, lang: Lang,
            today: date) -> int:
    if not uuids and not approve_all:
        return _refuse(lang, LocalText("请列出要审核的检查记录，或用 --all 审核全部",
                                       "name the inspections to approve, or use --all"))
    workspace = _open(data_dir)
    try:
        if approve_all:
            calendar = load_calendar(workspace.paths.calendars)
            uuids = [r.inspection_uuid for r in disclosure.deadline_board(
                workspace.store, calendar, today) if not r.approved]
        count = disclosure.approve_results(workspace.store, local_actor(Role.TEAM_LEAD),
                                           uuids).value
    except disclosure.DisclosureError as exc:
        return _refuse(lang, exc.text)
    finally:
        workspace.store.close()
    _say(lang, f"已审核 {count} 项结果，可以公示", f"{count} result(s) approved for publication")
    return EXIT_OK


def export(data_dir: str | None, out: Path, lang: Lang, today: date) -> int:
    workspace = _open(data_dir)
    try:
        count = disclosure.export_disclosure(
            workspace.store, load_calendar(workspace.paths.calendars), out, today=today,
            actor=local_actor(Role.TEAM_LEAD)).value
    except disclosure.DisclosureError as exc:
        return _refuse(lang, exc.text)
    finally:
        workspace.store.close()
    _say(lang, f"公示清单 {out}：{count} 条", f"disclosure list {out}: {count} row(s)")
    return EXIT_OK
