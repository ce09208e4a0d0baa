"""The dialog a team lead creates an ad-hoc task (临时任务) with, e.g. after a 12315 complaint.

Contract: main thread, opened non-modally (``open``) by the screen, which owns the
database work: the dialog holds no context and runs no op. It gets the active
inspectors (:class:`~inspector.services.ad_hoc_sources.AdHocInspector`, as
``load_ad_hoc_choices`` returns them) and ``today``.

The entity is found by a search: typing in the search box emits
``entity_search_requested(text)`` once typing pauses (:data:`SEARCH_DELAY_MS`; Enter
asks at once), the screen runs ``search_entities`` and hands the matches back with
:meth:`set_entity_matches`, or the error with :meth:`search_failed` (shown in red);
an answer for a text no longer in the box is dropped. The list shows "name · 信用代码 ·
address" (an entity that already has an open task says so, in red; the service
refuses it). Down moves from the box to the list, Up from its first row back; Enter
(or a click) picks the entity, named in bold below, and moves on to the reason.

The reason (来由: the complaint's number and matter) is free text above a hint on what
makes a non-random inspection lawful; the due date defaults to ``today`` + 5 days
(calendar popup, nothing before ``today``). The team is a checkable list in three
columns (inspector, unit, certificate valid until) that a filter box narrows (Down or
Enter goes from the box to the list; Space ticks): the order of ticking is the team's
order, the first ticked leads (bold, "(lead)"), and a summary line names the lead and
the assistants. An inspector whose 执法证 does not let them inspect on ``today``
(expired, not yet valid, missing) is red, says why, and cannot be ticked.

OK (the default button; Ctrl+Enter from anywhere in the dialog) emits
``task_requested(AdHocRequest)`` and waits: the screen calls :meth:`finish` (created:
the dialog closes, accepted) or :meth:`refuse` (the service's reason in red; the dialog
stays open). The dialog checks only that an entity was picked; every rule (a reason,
the due date, an open task, the team) is the service's.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.directory import CertificateState, certificate_state
from inspector.services.ad_hoc_sources import MATCH_LIMIT, AdHocInspector, EntityMatch
from inspector.services.ad_hoc_tasks import AdHocRequest
from inspector.ui.widgets.request_dialog import RequestDialog

DUE_IN_DAYS = 5
SEARCH_DELAY_MS = 250
ERROR_COLOUR = QColor("#b3261e")  # as feedback.ERROR_STYLE
HINT_STYLE = "color: #555;"
MATCH_ROLE = Qt.ItemDataRole.UserRole
STAFF_ROLE = Qt.ItemDataRole.UserRole
WHO, UNIT, CERTIFICATE = range(3)  # the team's columns
ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class AdHocTaskDialog(RequestDialog):
    task_requested = Signal(object)  # AdHocRequest
    entity_search_requested = Signal(str)

    def __init__(self, inspectors: Sequence[AdHocInspector], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__("adHocError", parent)
        self.today = today
        self.entity: EntityMatch | None = None
        self.matches: tuple[EntityMatch, ...] = ()
        self.ticked: list[str] = []  # staff ids in the order ticked: the lead first
        self.inspectors = {person.staff_id: person for person in inspectors}
        self._asked: str | None = None  # the last text whose matches were asked for
        self._awaiting = False  # its matches have not come back yet
        self._pick_when_found = False  # Enter was pressed while they were awaited
        self.setObjectName("adHocTaskDialog")
        self.setMinimumWidth(940)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_now)

        entity_group = self._build_entity_group()
        details = self._build_details()
        team_group = self._build_team_group(inspectors)

        left = QVBoxLayout()
        left.addWidget(entity_group, 1)
        left.addLayout(details)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(team_group, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._wire_keys()
        self.retranslate()
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building ----------------------------------------------------------------------------

    def _build_entity_group(self) -> QGroupBox:
        self.entity_group = QGroupBox()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("adHocEntitySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.results = QListWidget()
        self.results.setObjectName("adHocEntityResults")
        self.results.setMinimumHeight(150)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)  # the address; see tooltip
        self.results.itemClicked.connect(self._pick_item)
        self.results.itemActivated.connect(self._pick_item)
        self.results_label = QLabel()
        self.results_label.setObjectName("adHocResultsNote")
        self.results_label.setStyleSheet(HINT_STYLE)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("adHocChosenEntity")
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setTextFormat(Qt.TextFormat.PlainText)
        self.chosen_label.setStyleSheet("font-weight: bold;")
        box = QVBoxLayout(self.entity_group)
        box.addWidget(self.search_edit)
        box.addWidget(self.results, 1)
        box.addWidget(self.results_label)
        box.addWidget(self.chosen_label)
        return self.entity_group

    def _build_details(self) -> QFormLayout:
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("adHocReason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.reason_edit.textChanged.connect(self._clear_error)
        self.source_hint = QLabel()
        self.source_hint.setObjectName("adHocSourceHint")
        self.source_hint.setWordWrap(True)
        self.source_hint.setStyleSheet(HINT_STYLE)
        self.due_edit = QDateEdit(_qdate(self.today + timedelta(days=DUE_IN_DAYS)))
        self.due_edit.setObjectName("adHocDueDate")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setMinimumDate(_qdate(self.today))
        self.reason_label, self.due_label = QLabel(), QLabel()
        self.reason_label.setBuddy(self.reason_edit)
        self.due_label.setBuddy(self.due_edit)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.reason_label, self.reason_edit)
        form.addRow("", self.source_hint)
        form.addRow(self.due_label, self.due_edit)
        return form

    def _build_team_group(self, inspectors: Sequence[AdHocInspector]) -> QGroupBox:
        self.team_group = QGroupBox()
        self.team_filter = QLineEdit()
        self.team_filter.setObjectName("adHocTeamFilter")
        self.team_filter.setClearButtonEnabled(True)
        self.team_filter.textChanged.connect(self._filter_team)
        self.team_list = QTreeWidget()
        self.team_list.setObjectName("adHocTeam")
        self.team_list.setMinimumHeight(260)
        self.team_list.setRootIsDecorated(False)
        self.team_list.setUniformRowHeights(True)
        self.team_list.setColumnCount(3)
        # Units share the bureau's long name: elide on the left to keep the 所 in view.
        self.team_list.setTextElideMode(Qt.TextElideMode.ElideLeft)
        header = self.team_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(UNIT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CERTIFICATE, QHeaderView.ResizeMode.ResizeToContents)
        self.member_items: dict[str, QTreeWidgetItem] = {}
        for person in inspectors:
            self.member_items[person.staff_id] = self._member_item(person)
        self.team_list.itemChanged.connect(self._tick_changed)
        self.team_summary = QLabel()
        self.team_summary.setObjectName("adHocTeamSummary")
        self.team_summary.setWordWrap(True)
        self.team_summary.setTextFormat(Qt.TextFormat.PlainText)
        box = QVBoxLayout(self.team_group)
        box.addWidget(self.team_filter)
        box.addWidget(self.team_list, 1)
        box.addWidget(self.team_summary)
        return self.team_group

    def _member_item(self, person: AdHocInspector) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.team_list)
        item.setData(WHO, STAFF_ROLE, person.staff_id)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.may_inspect(person):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        else:
            for column in (WHO, UNIT, CERTIFICATE):
                item.setForeground(column, QBrush(ERROR_COLOUR))
        item.setFlags(flags)
        item.setCheckState(WHO, Qt.CheckState.Unchecked)
        return item

    def _wire_keys(self) -> None:
        for watched in (self.search_edit, self.results, self.team_filter):
            watched.installEventFilter(self)
        # Tab: the search, its matches, the reason, the due date, the team, then OK.
        chain: list[QWidget] = [self.search_edit, self.results, self.reason_edit,
                                self.due_edit, self.team_filter, self.team_list,
                                self.ok_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- the entity --------------------------------------------------------------------------

    def search_now(self) -> None:
        """Ask the screen for the matches of the search box's text (blank: none)."""
        self._search_timer.stop()
        text = self.search_edit.text().strip()
        if text == self._asked:
            return
        self._asked = text
        if not text:
            self.set_entity_matches("", ())
            return
        self._awaiting = True
        self._word_results()
        self.entity_search_requested.emit(text)

    def set_entity_matches(self, text: str, matches: Sequence[EntityMatch]) -> None:
        """Show the matches found for ``text``, unless the box holds another text now."""
        if text != self.search_edit.text().strip():
            return
        self._awaiting = False
        self.matches = tuple(matches)
        self.results.clear()
        for match in self.matches:
            item = QListWidgetItem(self._match_text(match), self.results)
            item.setData(MATCH_ROLE, match)
            item.setToolTip(item.text())
            if match.open_task:
                item.setForeground(QBrush(ERROR_COLOUR))
        if self.matches:
            self.results.setCurrentRow(0)
        self._word_results()
        if self._pick_when_found:
            self._pick_when_found = False
            self._pick_item(self.results.currentItem())

    def search_failed(self, text: str, message: str) -> None:
        """The search for ``text`` failed: say why (in red), unless the box moved on."""
        if text != self.search_edit.text().strip():
            return
        self._awaiting = self._pick_when_found = False
        self._asked = None  # Enter, or the next keystroke, asks again
        self._word_results()
        self.error_label.setText(message)

    def pick_entity(self, match: EntityMatch) -> None:
        self.entity = match
        self.error_label.clear()
        self._word_chosen()
        self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _pick_item(self, item: QListWidgetItem | None) -> None:
        match = None if item is None else item.data(MATCH_ROLE)
        if isinstance(match, EntityMatch):
            self.pick_entity(match)

    def _match_text(self, match: EntityMatch) -> str:
        text = " · ".join(part for part in (match.name, match.identifier, match.address) if part)
        return self.tr("%1 · has an open task").replace("%1", text) if match.open_task \
            else text

    # -- the team ----------------------------------------------------------------------------

    def may_inspect(self, person: AdHocInspector) -> bool:
        return self._certificate(person) is CertificateState.VALID

    def _certificate(self, person: AdHocInspector) -> CertificateState:
        return certificate_state(person.cert_number, person.cert_valid_from,
                                 person.cert_valid_to, self.today)

    def _tick_changed(self, item: QTreeWidgetItem, column: int = WHO) -> None:
        if column != WHO:
            return
        staff_id = str(item.data(WHO, STAFF_ROLE))
        ticked = item.checkState(WHO) is Qt.CheckState.Checked
        if ticked and not self.may_inspect(self.inspectors[staff_id]):
            self._set_check(item, Qt.CheckState.Unchecked)  # only the user flag stops clicks
            return
        if ticked and staff_id not in self.ticked:
            self.ticked.append(staff_id)
        elif not ticked and staff_id in self.ticked:
            self.ticked.remove(staff_id)
        self.error_label.clear()
        self._word_team()

    def _set_check(self, item: QTreeWidgetItem, state: Qt.CheckState) -> None:
        blocked = self.team_list.blockSignals(True)
        item.setCheckState(WHO, state)
        self.team_list.blockSignals(blocked)

    def _filter_team(self, text: str) -> None:
        words = text.casefold().split()
        for staff_id, item in self.member_items.items():
            person = self.inspectors[staff_id]
            haystack = f"{person.name} {staff_id} {person.unit} {person.cert_number}".casefold()
            item.setHidden(not all(word in haystack for word in words))

    def _first_shown_member(self) -> QTreeWidgetItem | None:
        return next((item for item in self.member_items.values() if not item.isHidden()),
                    None)

    # -- keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier):
            key = Qt.Key(event.key())
            if watched is self.search_edit:
                return self._search_key(key)
            if watched is self.results:
                return self._results_key(key)
            if watched is self.team_filter:
                return self._filter_key(key)
        return super().eventFilter(watched, event)

    def _search_key(self, key: Qt.Key) -> bool:
        if key is Qt.Key.Key_Down and self.results.count():
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if key in ENTER_KEYS:
            self.search_now()
            if self._awaiting:
                self._pick_when_found = True  # pick the first match once it comes
            else:
                self._pick_item(self.results.currentItem())
            return True
        return False

    def _results_key(self, key: Qt.Key) -> bool:
        if key in ENTER_KEYS:
            self._pick_item(self.results.currentItem())
            return True
        if key is Qt.Key.Key_Up and self.results.currentRow() <= 0:
            self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def _filter_key(self, key: Qt.Key) -> bool:
        if key is Qt.Key.Key_Down or key in ENTER_KEYS:
            first = self._first_shown_member()
            if first is not None:
                self.team_list.setCurrentItem(first, WHO)
            self.team_list.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    # -- wording -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New ad-hoc task"))
        self.entity_group.setTitle(self.tr("&Entity"))
        self.search_edit.setPlaceholderText(self.tr("Search name, credit code or address"))
        self.search_edit.setToolTip(self.tr("Enter picks the highlighted match; Down goes "
                                            "to the list"))
        self.reason_label.setText(self.tr("&Reason"))
        self.reason_edit.setPlaceholderText(self.tr(
            "Why: e.g. the 12315 complaint's number and matter"))
        self.source_hint.setText(self.tr(
            "Source: ad-hoc, not drawn at random. The reason is what makes the inspection "
            "lawful: name the complaint, tip-off, referral or instruction it follows."))
        self.due_label.setText(self.tr("&Due date"))
        self.team_group.setTitle(self.tr("&Team (at least two; the first ticked leads)"))
        self.team_filter.setPlaceholderText(self.tr("Filter by name, staff id or unit"))
        self.team_list.setHeaderLabels([self.tr("Inspector"), self.tr("Unit"),
                                        self.tr("Certificate valid until")])
        self.team_list.setToolTip(self.tr("Space ticks or unticks the highlighted inspector"))
        self.ok_button.setText(self.tr("Create task"))
        self.ok_button.setToolTip("Ctrl+Enter")
        for row in range(self.results.count()):
            item = self.results.item(row)
            match = item.data(MATCH_ROLE) if item is not None else None
            if item is not None and isinstance(match, EntityMatch):
                item.setText(self._match_text(match))
        self._word_results()
        self._word_chosen()
        self._word_team()

    def _word_results(self) -> None:
        count = len(self.matches)
        if not self.search_edit.text().strip():
            text = self.tr("Type to search the directory.")
        elif self._awaiting:
            text = self.tr("Searching…")
        elif not count:
            text = self.tr("No entity found.")
        elif count >= MATCH_LIMIT:
            text = self.tr("The first %1 matches: type more to narrow them.") \
                .replace("%1", str(count))
        else:
            text = self.tr("%1 match(es).").replace("%1", str(count))
        self.results_label.setText(text)

    def _word_chosen(self) -> None:
        entity = self.entity
        self.chosen_label.setText(
            self.tr("No entity chosen yet.") if entity is None
            else self.tr("Chosen: %1").replace("%1", f"{entity.name} · {entity.identifier}"))

    def _word_team(self) -> None:
        blocked = self.team_list.blockSignals(True)
        lead = self.ticked[0] if self.ticked else None
        for staff_id, item in self.member_items.items():
            person = self.inspectors[staff_id]
            who = self._who(person)
            item.setText(WHO, self.tr("%1 (lead)").replace("%1", who) if staff_id == lead
                         else who)
            item.setText(UNIT, person.unit)
            item.setText(CERTIFICATE, self._certificate_text(person))
            item.setToolTip(UNIT, person.unit)
            item.setToolTip(CERTIFICATE, self.tr("Certificate %1").replace(
                "%1", person.cert_number or "—"))
            font = item.font(WHO)
            font.setBold(staff_id == lead)
            item.setFont(WHO, font)
        self.team_list.blockSignals(blocked)
        self.team_summary.setText(self._team_text())

    def _who(self, person: AdHocInspector) -> str:
        return self.tr("%1 (%2)").replace("%1", person.name).replace("%2", person.staff_id)

    def _certificate_text(self, person: AdHocInspector) -> str:
        """Until when the 执法证 is valid, or why it does not let them inspect."""
        until = person.cert_valid_to.isoformat() if person.cert_valid_to else "—"
        state = self._certificate(person)
        if state is CertificateState.EXPIRED:
            return self.tr("%1 · expired").replace("%1", until)
        if state is CertificateState.NOT_YET_VALID and person.cert_valid_from is not None:
            return self.tr("only from %1").replace("%1", person.cert_valid_from.isoformat())
        if state is CertificateState.MISSING:
            return self.tr("no certificate on record")
        return until

    def _team_text(self) -> str:
        names = [self._who(self.inspectors[s]) for s in self.ticked]
        if not names:
            return self.tr("Tick at least two inspectors: the first one ticked leads.")
        text = self.tr("Lead: %1").replace("%1", names[0])
        if len(names) > 1:
            text = self.tr("%1 · assisting: %2").replace("%1", text) \
                .replace("%2", self.tr(", ").join(names[1:]))
        return text

    # -- asking ------------------------------------------------------------------------------

    def _clear_error(self) -> None:
        self.error_label.clear()

    def request(self) -> None:
        """OK: hand what was gathered to the screen, which asks the service."""
        if self.waiting:
            return
        if self.entity is None:
            self.refuse(self.tr("Choose the entity first: search the directory by name, "
                                "credit code or address."))
            self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._start_waiting()
        self.task_requested.emit(AdHocRequest(
            entity_identifier=self.entity.identifier,
            reason=self.reason_edit.toPlainText().strip(),
            due_date=_pydate(self.due_edit.date()), team=tuple(self.ticked)))
