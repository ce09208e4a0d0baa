"""Sample labels and seals printed for the portions of a sample (no Qt, no database).

Contract: :mod:`.symbols` turns text into Code 128 module patterns and QR matrices;
:mod:`.sample_label` lays labels out and renders them to PDF bytes with fpdf2. The
package imports only :mod:`inspector.core` and :mod:`inspector.media.fonts`.
"""

from inspector.labels.sample_label import (
    A4_SHEET,
    MAX_MODULE_MM,
    MIN_MODULE_MM,
    MIN_TEXT_PT,
    PAYLOAD_PREFIX,
    ROLE_BACKUP,
    ROLE_OTHER,
    ROLE_TEST,
    ROLE_TEXT,
    SIZE_50X30,
    SIZE_60X40,
    LabelContent,
    LabelError,
    LabelSize,
    Sheet,
    label_payload,
    parse_label_payload,
    render_labels_pdf,
)
from inspector.labels.symbols import SymbolError, code128_modules, qr_matrix

__all__ = [
    "A4_SHEET",
    "MAX_MODULE_MM",
    "MIN_MODULE_MM",
    "MIN_TEXT_PT",
    "PAYLOAD_PREFIX",
    "ROLE_BACKUP",
    "ROLE_OTHER",
    "ROLE_TEST",
    "ROLE_TEXT",
    "SIZE_50X30",
    "SIZE_60X40",
    "LabelContent",
    "LabelError",
    "LabelSize",
    "Sheet",
    "SymbolError",
    "code128_modules",
    "label_payload",
    "parse_label_payload",
    "qr_matrix",
    "render_labels_pdf",
]
