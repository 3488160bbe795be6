"""Bytes to text: UTF-8 first, then a detected encoding, and say so when we had to guess.

When the detector finds several encodings equally likely (short Western text is typically a tie
between cp1252, cp1250 and cp1257, or decodes the same in all of them), the one most common in
English news wins: cp1252, which also reads Latin-1 correctly.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from wirecoder.errors import BinaryInput

# Control characters that never occur in text (tab, newline, carriage return, form feed are fine).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}
#: Tie-breaking order among equally likely encodings (charset_normalizer's names).
PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1250", "cp1251")
_TIE = 0.01


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not a text file."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def guess_encoding(data: bytes) -> str:
    """The likeliest encoding of ``data`` (not UTF-8), preferring :data:`PREFERRED` among ties."""
    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is None:
        return "cp1252"
    tied = {name for m in matches if m.chaos <= best.chaos + _TIE and m.coherence >= best.coherence - _TIE
            for name in (m.encoding, *m.could_be_from_charset)}
    return next((name for name in PREFERRED if name in tied), best.encoding)


def decode_bytes(data: bytes, origin: str) -> tuple[str, tuple[str, ...]]:
    """Decode ``data``; returns the text and notes on any fallback used.

    Raises :class:`BinaryInput` when the bytes are not text in any encoding.
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), ()
    if looks_binary(data):
        raise BinaryInput(origin, "binary data, not text (NUL or control bytes)")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    encoding = guess_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "latin-1"
        text = data.decode(encoding)
    note = f"not valid UTF-8 (byte {bad_at}); decoded as {encoding}"
    return text, (note,)
