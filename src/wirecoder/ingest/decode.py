"""Bytes to text: UTF-8 first, then a detected encoding, and say so when we had to guess."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from wirecoder.errors import BinaryInput

# Control characters that never occur in text (tab, newline, carriage return, form feed are fine).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not a text file."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


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
    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "latin-1"
        text = data.decode(encoding)
    note = f"not valid UTF-8 (byte {bad_at}); decoded as {encoding}"
    return text, (note,)
