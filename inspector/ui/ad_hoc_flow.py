"""Creating an ad-hoc task (a 12315 complaint) from the field screen: the dialog with its
database work attached.

Contract: main thread. :func:`open_ad_hoc_dialog` opens an
:class:`~inspector.ui.widgets.ad_hoc_task_dialog.AdHocTaskDialog` non-modally with the
active inspectors (read on the DB thread first), runs its entity searches on the DB
thread, and creates the task as the acting role when asked; the service's refusal goes
back to the dialog, which stays open; success closes it and calls ``created(task uuid)``
(the bus reloads the task lists). A failure before the dialog opens goes to
``failed``. The dialog follows language switches.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from inspector.services.ad_hoc_sources import AdHocInspector
from inspector.services.ad_hoc_tasks import AdHocRequest
from inspector.ui import ad_hoc_ops
from inspector.ui.context import AppContext
from inspector.ui.widgets.ad_hoc_task_dialog import AdHocTaskDialog
from inspector.ui.widgets.feedback import error_text


def open_ad_hoc_dialog(ctx: AppContext, parent: QWidget, today: date, *,
                       opened: Callable[[AdHocTaskDialog], None],
                       created: Callable[[str], None],
                       failed: Callable[[BaseException], None]) -> None:
    def ready(inspectors: tuple[AdHocInspector, ...]) -> None:
        dialog = AdHocTaskDialog(inspectors, today, parent)
        dialog.entity_search_requested.connect(lambda text: _search(ctx, dialog, text))
        dialog.task_requested.connect(lambda request: _create(ctx, dialog, request, created))
        ctx.language_changed.connect(lambda _lang: dialog.retranslate())
        opened(dialog)
        dialog.open()

    ctx.db.submit(ad_hoc_ops.load_ad_hoc_choices(today), on_result=ready, on_error=failed)


def _search(ctx: AppContext, dialog: AdHocTaskDialog, text: str) -> None:
    ctx.db.submit(ad_hoc_ops.search_entities(text),
                  on_result=lambda matches: dialog.set_entity_matches(text, matches),
                  on_error=lambda error: dialog.search_failed(text,
                                                              error_text(ctx.lang, error)))


def _create(ctx: AppContext, dialog: AdHocTaskDialog, request: AdHocRequest,
            created: Callable[[str], None]) -> None:
    def done(uuid: str) -> None:
        dialog.finish()
        created(uuid)

    ctx.db.submit(ad_hoc_ops.create_ad_hoc_task_op(request, ctx.actor), on_result=done,
                  on_error=lambda error: dialog.refuse(error_text(ctx.lang, error)))
