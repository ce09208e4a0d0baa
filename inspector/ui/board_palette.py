"""The colours of the deadline boards (publication, referrals), shared so that overdue,
waiting and closed look the same on every board.

Contract: brushes only, made once at import (QBrush needs no QApplication).
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

OVERDUE_FOREGROUND = QBrush(QColor("#b3261e"))  # red text of what is past its deadline
OVERDUE_BACKGROUND = QBrush(QColor("#f8c9c4"))
WAITING_BACKGROUND = QBrush(QColor("#fff4d6"))  # awaiting the team lead
CLOSED_FOREGROUND = QBrush(QColor("#6b6b6b"))  # done: approved, transferred, declined
