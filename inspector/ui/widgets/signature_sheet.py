"""The signatures collected on site when an inspection is finalized (签字确认).

Contract: main thread. :class:`SignatureSheet` has two sections, each under a bold
heading (the dialog frames the sheet). "Inspected party": the representative's name
(prefilled with the entity's legal representative, editable: the person in charge may
sign instead), a :class:`SignatureField` captioned with that name, and "The party
refuses to sign" with the refusal's reason, editable only while it is ticked; ticking
it clears, disables and fades the pad (《行政处罚法》第五十五条: the refusal is recorded
instead). "Inspectors": one field per member of the team present, in the order
given, captioned "name (staff id)". Undo and Clear are never a default button: Enter
in the dialog means OK.

:meth:`~SignatureSheet.signatures` is what was collected, party first then the team in
order, as :class:`SignatureGiven` values: the pad's PNG when it holds a signature, else
empty bytes; the refusal's reason when the party refused. Nothing is checked here: the
service's :func:`~inspector.services.signatures.check_signatures` decides, and its
refusal shows in the dialog. :meth:`~SignatureSheet.unsigned` names who has neither
signed nor (the party) refused, for a hint. ``changed`` is emitted whenever a pad, the
name, the refusal or its reason changes. Tab goes through the name, the party's pad and
its buttons, the refusal and its reason, then each inspector's pad and buttons.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGraphicsOpacityEffect,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.services.signatures import SignatureGiven, SignerRole
from inspector.ui.widgets.signature_pad import SignatureField

SECTION_GAP = 8  # px between the party's section and the inspectors'
REFUSED_PAD_OPACITY = 0.35  # the party's pad, faded while the party refuses


def section_heading(name: str) -> QLabel:
    """The bold title of a section (a frame within the dialog's frame would be heavy)."""
    label = QLabel()
    label.setObjectName(name)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def quiet_buttons(field: SignatureField) -> SignatureField:
    """Undo and Clear never become the dialog's default button: Enter means OK."""
    for button in (field.undo_button, field.clear_button):
        button.setAutoDefault(False)
        button.setDefault(False)
    return field


def field_chain(field: SignatureField) -> list[QWidget]:
    """A signature field's focusable widgets in Tab order."""
    return [field.pad, field.undo_button, field.clear_button]


def field_png(field: SignatureField) -> bytes:
    """The field's signature as PNG, or no bytes while the pad holds no signature."""
    return b"" if field.pad.is_empty() else field.pad.to_png()


class SignatureSheet(QWidget):
    """The party's and the inspectors' signatures (see the module contract)."""

    changed = Signal()

    def __init__(self, team: Sequence[tuple[str, str]], representative: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.team = tuple(team)  # (staff id, name)
        self.party_heading = section_heading("partySignatureHeading")
        self.party_name_label = QLabel()
        self.party_name_edit = QLineEdit(representative)
        self.party_name_edit.setObjectName("partyNameEdit")
        self.party_name_label.setBuddy(self.party_name_edit)
        self.party_field = quiet_buttons(SignatureField())
        self.party_field.setObjectName("partySignature")
        self._pad_fade = QGraphicsOpacityEffect(self.party_field.pad)
        self._pad_fade.setOpacity(REFUSED_PAD_OPACITY)
        self.party_field.pad.setGraphicsEffect(self._pad_fade)
        self.refused_box = QCheckBox()
        self.refused_box.setObjectName("partyRefusedBox")
        self.refusal_edit = QLineEdit()
        self.refusal_edit.setObjectName("refusalReasonEdit")
        self.refusal_label = QLabel()
        self.refusal_label.setBuddy(self.refusal_edit)
        party = QFormLayout()
        party.addRow(self.party_name_label, self.party_name_edit)
        party.addRow(self.party_field)
        party.addRow(self.refused_box)
        party.addRow(self.refusal_label, self.refusal_edit)

        self.team_heading = section_heading("inspectorSignatureHeading")
        team_column = QVBoxLayout()
        self.inspector_fields: dict[str, SignatureField] = {}
        for staff_id, _name in self.team:
            field = quiet_buttons(SignatureField())
            field.setObjectName(f"inspectorSignature_{staff_id}")
            self.inspector_fields[staff_id] = field
            team_column.addWidget(field)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.party_heading)
        layout.addLayout(party)
        layout.addSpacing(SECTION_GAP)
        layout.addWidget(self.team_heading)
        layout.addLayout(team_column)
        for before, after in pairwise(self.tab_chain()):
            QWidget.setTabOrder(before, after)
        self._connect()
        self.retranslate()
        self._follow_refusal(False)

    def _connect(self) -> None:
        self.party_name_edit.textChanged.connect(self._name_changed)
        self.refused_box.toggled.connect(self._refusal_toggled)
        self.refusal_edit.textChanged.connect(lambda _text: self.changed.emit())
        for field in (self.party_field, *self.inspector_fields.values()):
            field.changed.connect(self.changed)

    def tab_chain(self) -> list[QWidget]:
        """The sheet's focusable widgets in Tab order."""
        chain: list[QWidget] = [self.party_name_edit, *field_chain(self.party_field),
                                self.refused_box, self.refusal_edit]
        for field in self.inspector_fields.values():
            chain.extend(field_chain(field))
        return chain

    # -- what was collected --------------------------------------------------------------

    def party_name(self) -> str:
        return self.party_name_edit.text().strip()

    def refused(self) -> bool:
        return self.refused_box.isChecked()

    def signatures(self) -> tuple[SignatureGiven, ...]:
        """The party's signature or refusal, then each inspector's, as collected."""
        refused = self.refused()
        party = SignatureGiven(
            SignerRole.PARTY, self.party_name(),
            image_png=b"" if refused else field_png(self.party_field),
            refusal_reason=self.refusal_edit.text().strip() if refused else "")
        return (party, *(SignatureGiven(SignerRole.INSPECTOR, name, staff_id,
                                        field_png(self.inspector_fields[staff_id]))
                         for staff_id, name in self.team))

    def unsigned(self) -> list[str]:
        """Who has neither signed nor (the party) refused: names, party first."""
        names: list[str] = []
        if not self.refused() and self.party_field.pad.is_empty():
            names.append(self.party_name() or self.tr("the inspected party"))
        names.extend(name for staff_id, name in self.team
                     if self.inspector_fields[staff_id].pad.is_empty())
        return names

    # -- reactions -----------------------------------------------------------------------

    def _name_changed(self, _text: str) -> None:
        self._caption_party()
        self.changed.emit()

    def _refusal_toggled(self, refused: bool) -> None:
        self._follow_refusal(refused)
        if refused:
            self.refusal_edit.setFocus()
        self.changed.emit()

    def _follow_refusal(self, refused: bool) -> None:
        """A refusal clears and disables the pad; the reason is editable only then."""
        if refused:
            self.party_field.pad.clear()
        self.party_field.setEnabled(not refused)
        self._pad_fade.setEnabled(refused)  # the pad paints itself white even disabled
        self.refusal_edit.setEnabled(refused)
        self.refusal_label.setEnabled(refused)

    # -- text ----------------------------------------------------------------------------

    def _caption_party(self) -> None:
        self.party_field.set_caption(self.party_name()
                                     or self.tr("The party's representative: give the name"))

    def retranslate(self) -> None:
        self.party_heading.setText(self.tr("Inspected party"))
        self.party_name_label.setText(self.tr("&Signed by"))
        self.party_name_edit.setPlaceholderText(self.tr("Legal representative or person in "
                                                        "charge"))
        self._caption_party()
        self.refused_box.setText(self.tr("The party refuses to sign"))
        self.refusal_label.setText(self.tr("Re&ason"))
        self.refusal_edit.setPlaceholderText(self.tr("Why the party refuses: it is kept in "
                                                     "the record"))
        self.team_heading.setText(self.tr("Inspectors"))
        for staff_id, name in self.team:
            self.inspector_fields[staff_id].set_caption(
                self.tr("%1 (%2)").replace("%1", name).replace("%2", staff_id))
