"""The two symbols printed on sample labels, as plain module patterns (no drawing here).

Contract: :func:`code128_modules` is the Code 128 symbol of a text as a string of ``"1"``
(bar) and ``"0"`` (space) modules, from start character to the end of the stop pattern
(python-barcode chooses the code sets and adds the checksum); the quiet zones are *not*
included: whoever draws the symbol leaves at least :data:`CODE128_QUIET_ZONE` blank
modules on each side. :func:`qr_matrix` is the regular (never Micro) QR Code symbol of a
text at error correction level M, its version the smallest that holds the text, as rows of
booleans (``True`` a dark module), without the quiet zone: leave at least
:data:`QR_QUIET_ZONE` light modules around it. Both are pure functions of their text, the
same on every machine; text a symbol cannot carry raises :class:`SymbolError`. Any thread.
python-barcode and segno are imported at the first symbol, not with this module: the
window imports it through the label screens and need not wait for them to start.
"""

from __future__ import annotations

from inspector.core.text import LocalText

CODE128_QUIET_ZONE = 10  # modules each side (ISO/IEC 15417)
QR_QUIET_ZONE = 4  # modules each side (ISO/IEC 18004)


class SymbolError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def code128_modules(data: str) -> str:
    """The Code 128 module pattern of ``data`` (see the module's contract)."""
    if not data:
        raise SymbolError(LocalText("条码内容为空", "nothing to put in the barcode"))
    import barcode
    from barcode.errors import BarcodeError

    try:
        pattern = barcode.get_barcode_class("code128")(data).build()[0]
    except (BarcodeError, KeyError, RuntimeError) as exc:
        raise SymbolError(LocalText(f"Code 128 无法表示“{data}”：{exc}",
                                    f"Code 128 cannot carry '{data}': {exc}")) from exc
    return str(pattern)


def qr_matrix(data: str) -> list[list[bool]]:
    """The QR Code matrix of ``data`` (see the module's contract)."""
    if not data:
        raise SymbolError(LocalText("二维码内容为空", "nothing to put in the QR code"))
    import segno

    try:
        symbol = segno.make_qr(data, error="m", boost_error=False)
    except segno.DataOverflowError as exc:
        raise SymbolError(LocalText(f"内容过长，二维码放不下：{exc}",
                                    f"too much data for a QR code: {exc}")) from exc
    return [[bool(module) for module in row] for row in symbol.matrix]
