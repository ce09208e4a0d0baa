"""Finding a font that draws Chinese, for stamps and text annotations.

Contract: :func:`find_cjk_font` returns the path of a TrueType/OpenType file able to draw
Chinese, or raises :class:`~inspector.media.errors.StampFontError` saying what to
install. It looks at an explicit path first (settings), then at the fonts Debian and
Windows ship in known places (the same list the ceremony summary uses), then asks
fontconfig for a font that *covers* Chinese (``fc-list :lang=zh``; ``fc-match`` always
answers with something, even a Latin-only font). Any thread; the fontconfig answer is
cached for the process.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from PIL import ImageFont

from inspector.core.text import LocalText
from inspector.media.errors import StampFontError

FONT_CANDIDATES: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("C:/Windows/Fonts/msyh.ttc"),
    Path("C:/Windows/Fonts/simsun.ttc"),
)


def find_cjk_font(explicit: Path | None = None, *,
                  candidates: Sequence[Path] = FONT_CANDIDATES,
                  use_fontconfig: bool = True) -> Path:
    """A font file that can draw Chinese (see the module's contract)."""
    if explicit is not None:
        if explicit.is_file():
            return explicit
        raise StampFontError(LocalText(f"找不到设置的字体文件：{explicit}",
                                       f"the configured font file does not exist: {explicit}"))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    found = _fontconfig_cjk_font() if use_fontconfig else None
    if found is not None:
        return found
    raise StampFontError(LocalText(
        "找不到中文字体，无法在照片上加盖水印或标注文字；请安装 fonts-wqy-microhei",
        "no Chinese font found to stamp or label photos; install fonts-wqy-microhei"))


def load_font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """``path`` at ``size`` pixels; a file FreeType cannot read is a StampFontError.

    A new font object per call: loading costs well under a millisecond once the file is
    in the page cache, and FreeType faces are not to be shared between threads."""
    try:
        return ImageFont.truetype(str(path), size)
    except OSError as exc:
        raise StampFontError(LocalText(f"无法读取字体文件 {path}：{exc}",
                                       f"cannot read the font file {path}: {exc}")) from exc


@functools.cache
def _fontconfig_cjk_font() -> Path | None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listed = subprocess.run([fc_list, ":lang=zh-cn", "file"], check=False,
                                capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.strip().rstrip(":") for line in listed.splitlines() if line.strip())
    for name in files:
        if Path(name).is_file():
            return Path(name)
    return None
