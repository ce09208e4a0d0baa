"""The first-run tour of the screens: a bar above the screen that explains it, step by step.

Contract: main thread. :class:`ScreenGuide` is a panel the main window docks above its
screens (never a modal dialog, never an overlay over them: everything under it stays
usable). Its steps are the screens the acting role may see, in navigation order, as the
:class:`GuideHost` lists them; each step switches the host to its screen and says in a
sentence or two what the screen is for. The user moves with Back, Next (Enter) and, on
the last step, Finish (Enter); "Skip the tour" (Esc) leaves at any step. Enter and Esc
are the panel's keys only while the focus is in it (it claims them there, before any
shortcut of the window sees them, and never takes a key from a screen); the panel takes
the focus only when opened on request (``start(focus=True)``, the Help menu), never
when it opens by itself at start.

When the user navigates to another screen themselves, the guide follows (its step
becomes that screen's); when the role changes, :meth:`refresh` recomputes the steps;
the ``ctx.language_changed`` signal words it again. Finishing or skipping hides the
panel (handing the keyboard, if it had it, to the screen), records the ending in the
workspace (the ``record_tour_end`` op; only once the workspace is open) so the tour
does not open again at the next start, and emits ``tour_ended(TourEnding)``.
:meth:`start_if_new` reads that record (the ``load_tour_status`` op) and opens the tour
on the current screen when it was never finished or skipped.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector.services.first_run_tour import TourEnding, TourStatus
from inspector.ui.context import AppContext
from inspector.ui.tour_guide_ops import load_tour_status, record_tour_end
from inspector.ui.widgets.wrapping_label import WrappingLabel

STYLE = """
QFrame#screenGuide { background: #eef4fb; border: 1px solid #a9c4e2; border-radius: 6px; }
QFrame#screenGuide QLabel { background: transparent; border: none; }
QLabel#guideStep { color: #4a5a6a; font-size: 12px; }
QLabel#guideHeading { color: #1f4e79; font-size: 16px; font-weight: bold; }
QLabel#guideText { color: #1d2733; font-size: 14px; }
QPushButton#guideNext, QPushButton#guideFinish {
    background: #1f4e79; color: white; border: 1px solid #1f4e79; border-radius: 4px;
    padding: 5px 16px; font-weight: bold; }
QPushButton#guideNext:focus, QPushButton#guideFinish:focus { border: 2px solid #f0b429; }
QPushButton#guideSkip { color: #1f4e79; background: transparent; border: none;
    padding: 5px 8px; text-decoration: underline; }
QPushButton#guideSkip:focus { border: 1px dotted #1f4e79; }
"""


class GuideHost(Protocol):
    """What the guide needs of the main window (which owns the navigation)."""

    def visible_screen_keys(self) -> list[str]: ...

    def current_screen_key(self) -> str | None: ...

    def show_screen(self, key: str) -> bool: ...

    def screen_title(self, key: str) -> str: ...

    def focus_screen(self) -> None: ...


class ScreenGuide(QFrame):
    """The tour panel (see the module contract); hidden until started."""

    tour_ended = Signal(object)  # TourEnding

    def __init__(self, ctx: AppContext, host: GuideHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._host = host
        self._key: str | None = None  # the screen of the current step
        self.setObjectName("screenGuide")
        self.setStyleSheet(STYLE)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.step_label = QLabel()
        self.step_label.setObjectName("guideStep")
        self.heading_label = QLabel()
        self.heading_label.setObjectName("guideHeading")
        self.text_label = WrappingLabel()
        self.text_label.setObjectName("guideText")
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.skip_button = QPushButton()
        self.skip_button.setObjectName("guideSkip")
        self.skip_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.back_button = QPushButton()
        self.back_button.setObjectName("guideBack")
        self.next_button = QPushButton()
        self.next_button.setObjectName("guideNext")
        self.finish_button = QPushButton()
        self.finish_button.setObjectName("guideFinish")
        self.skip_button.clicked.connect(self.skip)
        self.back_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.finish_button.clicked.connect(self.finish)

        heading = QHBoxLayout()
        heading.setSpacing(12)
        heading.addWidget(self.heading_label)
        heading.addWidget(self.step_label)
        heading.addStretch(1)
        heading.setAlignment(self.step_label, Qt.AlignmentFlag.AlignBaseline)
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addLayout(heading)
        words.addWidget(self.text_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.skip_button)
        buttons.addSpacing(8)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.finish_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 12, 10)
        layout.setSpacing(16)
        layout.addLayout(words, 1)
        layout.addLayout(buttons)
        layout.setAlignment(buttons, Qt.AlignmentFlag.AlignBottom)

        ctx.language_changed.connect(self._language_changed)
        self.hide()
        self.retranslate()

    # -- the keys (Enter, Esc) -------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Enter and Esc pressed in the guide are the guide's: claiming them here (the
        # override reaches the guide from its focused button) keeps any shortcut of the
        # window or of a screen from taking them; keyPressEvent then acts on them.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self._guide_key(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = self._guide_key(event)
        if key == "enter":
            self.advance()
        elif key == "escape":
            self.skip()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    @staticmethod
    def _guide_key(event: QKeyEvent) -> str | None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return None
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return "enter"
        if event.key() == Qt.Key.Key_Escape:
            return "escape"
        return None

    # -- what the user does ---------------------------------------------------------

    def start(self, *, from_first: bool = True, focus: bool = True) -> None:
        """Open the tour: at the first screen (switching to it), or on the current one."""
        steps = self.steps()
        if not steps:
            return
        current = self._host.current_screen_key()
        if from_first or current not in steps:
            self._go_to(steps[0])
        else:
            self._key = current
            self._render()
        self.show()
        if focus:
            self.focus_primary()

    def start_if_new(self) -> None:
        """Open the tour on the current screen (without the focus) unless it was done."""
        def loaded(status: TourStatus) -> None:
            if not status.done and not self.isVisible():
                self.start(from_first=False, focus=False)

        self._ctx.db.submit(load_tour_status(), on_result=loaded)

    def next_step(self) -> None:
        steps, index = self.steps(), self.step_index()
        if 0 <= index < len(steps) - 1:
            self._go_to(steps[index + 1])

    def previous_step(self) -> None:
        steps, index = self.steps(), self.step_index()
        if index > 0:
            self._go_to(steps[index - 1])

    def advance(self) -> None:
        """Enter: the next step, or the end of the tour on the last one."""
        if self.is_last_step():
            self.finish()
        else:
            self.next_step()

    def finish(self) -> None:
        self._end(TourEnding.FINISHED)

    def skip(self) -> None:
        self._end(TourEnding.SKIPPED)

    def focus_primary(self) -> None:
        """Give the keyboard to the guide's main button (Next, or Finish at the end)."""
        button = self.finish_button if self.is_last_step() else self.next_button
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- what the window tells it -----------------------------------------------------

    def follow_screen(self, key: str) -> None:
        """The window shows ``key`` (the user navigated, or a step did): show its step."""
        if key in self.steps() and key != self._key:
            self._key = key
            self._render()

    def refresh(self) -> None:
        """The visible screens changed (a role change): recompute the steps."""
        steps = self.steps()
        if self._key not in steps:
            current = self._host.current_screen_key()
            self._key = current if current in steps else (steps[0] if steps else None)
        if self.isVisible() and not steps:
            self.hide()
        self._render()

    def retranslate(self) -> None:
        self.skip_button.setText(self.tr("Skip the tour"))
        self.skip_button.setToolTip(self.tr("Shortcut: Esc"))
        self.back_button.setText(self.tr("‹ Back"))
        self.next_button.setText(self.tr("Next ›"))
        self.next_button.setToolTip(self.tr("Shortcut: Enter"))
        self.finish_button.setText(self.tr("Finish"))
        self.finish_button.setToolTip(self.tr("Shortcut: Enter"))
        self.setAccessibleName(self.tr("Tour of the screens"))
        self._render()

    def _language_changed(self, _lang: object) -> None:
        self.retranslate()

    # -- what it shows ----------------------------------------------------------------

    def steps(self) -> list[str]:
        """The screens of the tour: those the acting role sees, in navigation order."""
        texts = self.screen_texts()
        return [key for key in self._host.visible_screen_keys() if key in texts]

    def step_index(self) -> int:
        steps = self.steps()
        return steps.index(self._key) if self._key in steps else -1

    def is_last_step(self) -> bool:
        steps = self.steps()
        return bool(steps) and self.step_index() == len(steps) - 1

    @property
    def current_key(self) -> str | None:
        return self._key

    def screen_texts(self) -> dict[str, str]:
        """One or two sentences per screen, for the people who use it in the field."""
        return {
            "home": self.tr(
                "Start here each day: who you are acting as, what this laptop holds and "
                "today's deadlines for publishing results and delivering samples. A team "
                "lead's assignment package is imported here too."),
            "directory": self.tr(
                "The market entities and the inspectors of your area. Type a name or a "
                "credit code in the filter (a barcode scanner works too); administrators "
                "import the lists from Excel or CSV files."),
            "audit": self.tr(
                "Every change made on this laptop, newest first, in a hash chain that shows "
                "any tampering. Verify the chain before an audit or a hand-over."),
            "plans": self.tr(
                "Write a random-inspection plan (who may be drawn, how many from each risk "
                "class, the time window), commit the seed and run the draw. The drawn tasks "
                "and any recusal and redraw are managed here."),
            "disclosure": self.tr(
                "Finalized results and the deadline to publish each one (20 working days). "
                "Approve them for publication and export the list for the public notice."),
            "referrals": self.tr(
                "Clues referred to other departments, with the deadline that runs for each. "
                "Approve or decline a transfer, mark it done and build its evidence package."),
            "sync": self.tr(
                "Sign in to the platform to send your records and receive new tasks. Work "
                "offline as long as you need: what waits is listed here and goes at the "
                "next sync."),
            "tasks": self.tr(
                "Your randomly drawn inspections, open ones first by due date. Start an "
                "inspection on site, fill its checklist (every answer is saved at once), "
                "take samples and finalize the record with signatures."),
            "drafts": self.tr(
                "Fill a checklist without a drawn task, as a draft kept on this laptop. "
                "Answers are saved as you give them; a draft moves to a newer version of "
                "its checklist only when you agree."),
            "samples": self.tr(
                "Every sample taken, where it stands and what is due by when (overdue in "
                "red). Print its labels, seals and the sampling form from here."),
            "scan": self.tr(
                "Scan a sealed portion's label to see its chain of custody and record the "
                "next step, such as a hand-over or the lab's receipt. A batch hand-over "
                "records a whole box at the lab counter."),
            "checklists": self.tr(
                "The library of inspection checklists and their versions, with a live "
                "preview. Administrators import, publish and export them; team leads read "
                "and compare versions."),
        }

    def _go_to(self, key: str) -> None:
        had_focus = self.has_focus()
        self._key = key
        self._host.show_screen(key)  # the window then calls follow_screen with the same key
        self._render()
        if had_focus and not self.has_focus():
            self.focus_primary()  # a screen that takes the focus when shown (the scan field)

    def _render(self) -> None:
        steps = self.steps()
        key = self._key
        had_focus = self.has_focus()
        if key is None or key not in steps:
            self.step_label.clear()
            self.heading_label.clear()
            self.text_label.setText("")
            return
        index = steps.index(key)
        last = index == len(steps) - 1
        self.step_label.setText(self.tr("Tour of the screens · step %1 of %2")
                                .replace("%1", str(index + 1)).replace("%2", str(len(steps))))
        self.heading_label.setText(self._host.screen_title(key))
        self.text_label.setText(self.screen_texts()[key])
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last)
        if had_focus and not self.has_focus():
            self.focus_primary()  # a hidden button had the keyboard: keep it in the guide

    def has_focus(self) -> bool:
        """Whether the keyboard is in the guide (so Enter and Esc are its keys)."""
        focus = QApplication.focusWidget()
        return focus is not None and (focus is self or self.isAncestorOf(focus))

    def _end(self, ending: TourEnding) -> None:
        if not self.isVisible():
            return
        had_focus = self.has_focus()
        self.hide()
        if had_focus:
            self._host.focus_screen()  # not whatever widget Qt's focus chain gives it to
        if self._ctx.workspace is not None:
            self._ctx.db.submit(record_tour_end(ending))
        self.tour_ended.emit(ending)
