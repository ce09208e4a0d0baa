"""Referring a case clue from anywhere: the dialog with its database work attached.

Contract: main thread. :func:`open_referral_dialog` opens a
:class:`~inspector.ui.widgets.referral_dialog.ReferralDialog` non-modally for one
finalized inspection at once (its findings saying "loading…"), loads the findings on
the DB thread and fills them in (a refusal, e.g. an inspection not finalized, shows in
the dialog in red); the dialog follows language switches. On Refer it submits the
referral as the acting role; the service's refusal goes back to the dialog, which stays
open; success closes the dialog and emits its ``referral_created(ReferralView)``, and
the bus tells the referrals board. The caller keeps the returned dialog (closing an
older one first, as with the other dialogs) and connects ``referral_created`` to say
what happened.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from inspector.services.referral_sources import ReferableFinding
from inspector.services.referrals import ReferralView
from inspector.ui import referral_ops
from inspector.ui.context import AppContext
from inspector.ui.referral_ops import ReferralRequest
from inspector.ui.widgets.feedback import error_text
from inspector.ui.widgets.referral_dialog import ReferralDialog


def open_referral_dialog(ctx: AppContext, parent: QWidget | None, inspection_uuid: str,
                         entity_name: str) -> ReferralDialog:
    """Open the referral dialog for the finalized inspection ``inspection_uuid``."""
    dialog = ReferralDialog(entity_name, None, ctx.lang, parent)
    dialog.referral_requested.connect(
        lambda request: _submit(ctx, dialog, inspection_uuid, request))
    ctx.language_changed.connect(dialog.retranslate)
    dialog.open()

    def loaded(findings: tuple[ReferableFinding, ...]) -> None:
        dialog.set_findings(findings)

    def failed(error: BaseException) -> None:
        dialog.set_findings(())
        dialog.refuse(error_text(ctx.lang, error))

    ctx.db.submit(referral_ops.load_referral_findings(inspection_uuid),
                  on_result=loaded, on_error=failed)
    return dialog


def _submit(ctx: AppContext, dialog: ReferralDialog, inspection_uuid: str,
            request: ReferralRequest) -> None:
    def created(view: ReferralView) -> None:
        dialog.finish()
        dialog.referral_created.emit(view)

    ctx.db.submit(referral_ops.create_referral_op(inspection_uuid, request, ctx.actor),
                  on_result=created,
                  on_error=lambda error: dialog.refuse(error_text(ctx.lang, error)))
