"""The 抽样单's sign-offs on site (三方签字): the sampled party, then each sampler.

Contract: main thread; a :class:`~inspector.ui.widgets.request_dialog.RequestDialog`
opened non-modally by its owner. It frames a
:class:`~inspector.ui.widgets.signature_sheet.SignatureSheet` whose party section is
headed 被抽样单位 (signed by the representative with their name, or a recorded refusal
with its reason) and whose second section is headed 抽样人, one pad per sampler. Sign
(Ctrl+Return) emits ``sign_requested(tuple[SignatureGiven, ...])``, the party first,
the samplers as :attr:`SignerRole.SAMPLER`; the owner answers with ``finish`` or
``refuse`` (the service's reason in red; nothing was written). The dialog judges
nothing: the service checks every signer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from inspector.services.signatures import SignerRole
from inspector.ui.widgets.request_dialog import RequestDialog
from inspector.ui.widgets.signature_sheet import SignatureSheet


class SampleSignDialog(RequestDialog):
    sign_requested = Signal(object)  # tuple[SignatureGiven, ...]

    def __init__(self, sample_code: str, samplers: Sequence[tuple[str, str]],
                 representative: str = "", parent: QWidget | None = None) -> None:
        sign_button = QPushButton()
        sign_button.setObjectName("signSampleButton")
        sign_button.setDefault(True)
        super().__init__("sampleSignError", parent, accept_button=sign_button)
        self.setObjectName("sampleSignDialog")
        self.sample_code = sample_code
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.sheet = SignatureSheet(samplers, representative)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.sheet)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(620, 680)
        self.retranslate()

    def request(self) -> None:
        if self.waiting:
            return
        given = tuple(replace(s, role=SignerRole.SAMPLER) if s.role is SignerRole.INSPECTOR
                      else s for s in self.sheet.signatures())
        self._start_waiting()
        self.sign_requested.emit(given)

    def retranslate(self) -> None:
        self.sheet.retranslate()
        self.setWindowTitle(self.tr("Sign the sampling form %1").replace("%1", self.sample_code))
        self.intro.setText(self.tr(
            "The sampled party states it has no objection to the sampling, its process, the "
            "seals and the form, and signs (or its refusal is recorded); every sampler "
            "signs. Each portion's custody then records the signing."))
        self.sheet.party_heading.setText(self.tr("Sampled party"))
        self.sheet.team_heading.setText(self.tr("Samplers"))
        self.ok_button.setText(self.tr("Sign"))
