"""The administrator's checklist commands: import, publish, export, diff.

Contract: like :mod:`inspector.cli.commands`: one command inline, results to stdout,
problems to stderr in the chosen language; exit 0 done, 1 the file has problems
(each listed with its place), 2 refused (a version rule, an unknown checklist or
version). ``diff`` prints the summary, then one line per change (its kind, where, what),
and exits 0 whether or not the versions differ.
"""

from __future__ import annotations

import argparse
import sys

from inspector.core.roles import Role
from inspector.core.text import Lang, LocalText
from inspector.forms.diff import KIND_NAMES, ChecklistDiff, diff_versions
from inspector.services import checklist_library
from inspector.services.checklist_files import ChecklistFileError
from inspector.services.workspace import open_workspace
from inspector.services.workspace_location import local_actor, resolve_data_dir

EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED = 0, 1, 2


def run(args: argparse.Namespace, lang: Lang) -> int:
    workspace = open_workspace(resolve_data_dir(args.data_dir))
    actor = local_actor(Role.ADMINISTRATOR)
    try:
        if args.checklist_command == "import":
            stored = checklist_library.import_checklist(workspace.store, actor, args.file).value
            verb = LocalText("未变化（内容相同）" if stored.unchanged else "已导入为草稿",
                             "unchanged (same content)" if stored.unchanged
                             else "imported as a draft")
        elif args.checklist_command == "publish":
            stored = checklist_library.publish_version(workspace.store, actor, args.code,
                                                       args.number).value
            verb = LocalText("已发布，同步后送达各终端", "published; it reaches every laptop "
                             "on sync")
        elif args.checklist_command == "diff":
            difference = diff_versions(
                checklist_library.load_version(workspace.store, args.code, args.old),
                checklist_library.load_version(workspace.store, args.code, args.new))
            print("\n".join(diff_lines(difference, lang)))
            return EXIT_OK
        else:
            checklist_library.export_checklist(workspace.store, args.code, args.number,
                                               args.out)
            print(args.out)
            return EXIT_OK
    except ChecklistFileError as exc:
        for problem in exc.problems:
            print(problem.render(lang), file=sys.stderr)
        return EXIT_PROBLEMS
    except checklist_library.ChecklistLibraryError as exc:
        print(exc.text.render(lang), file=sys.stderr)
        return EXIT_REFUSED
    finally:
        workspace.store.close()
    print(LocalText(f"清单 {stored.code} 第 {stored.version} 版（{stored.items} 个题目）："
                    f"{verb.zh}",
                    f"checklist {stored.code} version {stored.version} ({stored.items} items): "
                    f"{verb.en}").render(lang))
    return EXIT_OK


def diff_lines(difference: ChecklistDiff, lang: Lang) -> list[str]:
    """The summary under the versions compared, then one indented line per change."""
    summary = difference.summary()
    head = LocalText(
        f"清单 {difference.code} 第 {difference.old_version} 版 → 第 "
        f"{difference.new_version} 版：{summary.zh}",
        f"checklist {difference.code} version {difference.old_version} → "
        f"{difference.new_version}: {summary.en}")
    lines = [head.render(lang)]
    for change in difference.changes:
        kind, place = KIND_NAMES[change.kind], change.place
        lines.append(LocalText(f"  {kind.zh}  {place.zh}：{change.text.zh}",
                               f"  {kind.en}  {place.en}: {change.text.en}").render(lang))
    return lines
