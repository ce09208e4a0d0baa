"""The app's own photo path, timed from its event loop (a part of ``benchmarks.photos``).

:func:`attach_in_app` builds a workspace with an inspection under way (a checklist
whose photo item takes every photo), starts the app's context with its real database
thread and compute pool, and attaches every photo to the item the way the field screen
does (:class:`inspector.ui.inspection_photos.InspectionPhotos`: the stamp's words read
on the DB thread, the Pillow work on the compute pool, the recording transaction on
the DB thread), all queued at once as a drop of many files would. While they go, a
0 ms timer on the main thread measures the longest gap between two of its ticks: how
long the UI was kept from answering. Returns that gap and the wall time per photo.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from inspector.core.credit_codes import IdentifierKind
from inspector.core.directory import EntityType, RegistrationStatus
from inspector.core.lifecycles import TaskRole, TaskSource, TaskStatus
from inspector.core.roles import Actor, Role
from inspector.core.text import Lang
from inspector.db.models import Inspector, MarketEntity, Task, TaskInspector
from inspector.services import checklist_drafts
from inspector.services.checklist_library import import_checklist, publish_version
from inspector.services.inspections import start_inspection
from inspector.services.workspace import open_workspace
from inspector.ui.app import application, build_context
from inspector.ui.db_worker import WorkspaceInfo
from inspector.ui.inspection_photos import InspectionPhotos
from inspector.ui.widgets.checklist_form import ChecklistForm

ADMIN = Actor("admin", Role.ADMINISTRATOR)
FIELD = Actor("张三", Role.INSPECTOR)
TIMEOUT_S = 600


def checklist(photos: int) -> dict[str, object]:
    return {"format": "inspector-checklist-v1", "code": "PHOTO", "version": 1,
            "title": "照片取证", "entity_types": ["individual"], "check_items": ["取证"],
            "sections": [{"key": "s", "title": "现场", "items": [
                {"key": "scene", "kind": "photo", "label": "现场照片",
                 "max_count": max(photos, 1)}]}]}


def prepared_inspection(root: Path, photos: int) -> tuple[str, str]:
    """A workspace at ``root`` with an inspection under way: (inspection, draft) uuids."""
    workspace = open_workspace(root)
    try:
        source = root / "photo.json"
        source.write_text(json.dumps(checklist(photos), ensure_ascii=False), encoding="utf-8")
        import_checklist(workspace.store, ADMIN, source)
        publish_version(workspace.store, ADMIN, "PHOTO", 1)
        with workspace.store.write() as session:
            entity = MarketEntity(identifier="92130123MA0ABCDE1X",
                                  identifier_kind=IdentifierKind.USCC, name="正定县某某商店",
                                  entity_type=EntityType.INDIVIDUAL, region_code="130123",
                                  registration_status=RegistrationStatus.ACTIVE)
            people = [Inspector(staff_id=f"ZD00{n}", name=name, unit="正定县市场监督管理局",
                                region_code="130123", cert_number=f"冀13010{n}",
                                cert_valid_from=date(2020, 1, 1), cert_valid_to=date(2099, 1, 1))
                      for n, name in ((1, "张三"), (2, "李四"))]
            session.add_all([entity, *people])
            session.flush()
            task = Task(entity_id=entity.id, source=TaskSource.AD_HOC, reason="取证",
                        status=TaskStatus.ASSIGNED)
            session.add(task)
            session.flush()
            session.add_all(TaskInspector(task_id=task.id, inspector_id=p.id,
                                          role=TaskRole.LEAD if n == 0 else TaskRole.ASSIST)
                            for n, p in enumerate(people))
            task_uuid = task.uuid
        started = start_inspection(workspace.store, FIELD, task_uuid, checklist="PHOTO",
                                   team=["ZD001", "ZD002"], certificates_shown=True,
                                   no_conflict_declared=True, now=datetime.now(UTC)).value
        return started.inspection, started.draft
    finally:
        workspace.store.close()


def attach_in_app(root: Path, paths: list[Path]) -> tuple[float, float]:
    """(longest main-thread gap in ms, wall ms per photo) for attaching ``paths``."""
    inspection, draft = prepared_inspection(root, len(paths))
    app: QApplication = application()
    ctx = build_context(app, root, Lang.ZH, log_to_file=False)
    ready: list[WorkspaceInfo] = []
    ctx.db.open_workspace(root, ready.append)
    _wait(app, lambda: bool(ready), "the workspace")
    ctx.set_workspace(ready[0])
    ctx.set_role(Role.INSPECTOR)
    opened: list[checklist_drafts.OpenDraft] = []
    ctx.db.call(lambda ws: checklist_drafts.open_draft(ws.store, draft)).add_done_callback(
        lambda future: opened.append(future.result()))
    _wait(app, lambda: bool(opened), "the draft")
    window = QWidget()
    form = ChecklistForm(opened[0].checklist, Lang.ZH, entity={}, today=date.today())
    failures: list[str] = []
    photos = InspectionPhotos(ctx, window, lambda text, error: failures.append(text())
                              if error else None)
    photos.follow(form, inspection)

    longest, last = 0.0, time.perf_counter()

    def tick() -> None:
        nonlocal longest, last
        now = time.perf_counter()
        longest, last = max(longest, now - last), now

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    for path in paths:
        photos.attach("scene", path)
    _wait(app, lambda: photos.attaching == 0, "the photos")
    elapsed = time.perf_counter() - started
    timer.stop()
    ctx.db.close()
    if failures:
        raise RuntimeError(f"photos refused in the app: {failures[:3]}")
    attached = form.answers().get("scene")
    if not isinstance(attached, tuple) or len(attached) != len(paths):
        raise RuntimeError("not every photo reached the item")
    return longest * 1000, elapsed * 1000 / len(paths)


def _wait(app: QApplication, condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.001)
