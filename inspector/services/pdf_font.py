"""The CJK font a printed document embeds, found and checked before anything is drawn.

Contract: :func:`checked_cjk_font` returns ``font`` (else the first CJK font
:func:`~inspector.media.fonts.find_cjk_font` finds), checked to be a file FreeType
reads (fpdf2 then reads it too). When there is none, or it cannot be read, it raises
the document's own error, built by ``error`` from a text that names the document
(``document``: e.g. 检查记录 / "record") and says how to fix it, in both languages;
:func:`unreadable_font` words a font problem met later (fpdf2 refusing the file) the
same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from inspector.core.text import LocalText
from inspector.media.errors import StampFontError
from inspector.media.fonts import find_cjk_font, load_font


def checked_cjk_font(font: Path | None, document: LocalText,
                     error: Callable[[LocalText], Exception]) -> Path:
    try:
        path = find_cjk_font(font)
    except StampFontError as exc:
        if font is None:
            raise error(LocalText(
                f"找不到中文字体，无法生成{document.zh} PDF；请安装 fonts-wqy-microhei",
                f"no Chinese font found to write the {document.en} PDF; install "
                "fonts-wqy-microhei")) from None
        raise error(unreadable_font(exc.text, document)) from None
    try:
        load_font(path, 12)
    except StampFontError as exc:
        raise error(unreadable_font(exc.text, document)) from None
    return path


def unreadable_font(problem: LocalText, document: LocalText) -> LocalText:
    """``problem`` with a font file, said as why ``document``'s PDF cannot be written."""
    return LocalText(
        f"{problem.zh}；无法生成{document.zh} PDF（可安装 fonts-wqy-microhei 并改正字体设置）",
        f"{problem.en}; the {document.en} PDF cannot be written (install "
        "fonts-wqy-microhei and correct the font setting)")
