"""The exceptions wirecoder raises. Every message names the input and what is wrong with it.

    WirecoderError                 base of everything below
    ├── InputError                 one input cannot be read or holds no article
    │   ├── InputNotFound          a path does not exist
    │   ├── UnreadableInput        permission denied, a directory where a file was expected, ...
    │   ├── BinaryInput            bytes that are not text in any encoding
    │   ├── EmptyInput             no text left (an empty file, a page with no main text)
    │   ├── InputTooLarge          more characters than ``Settings.max_chars``
    │   └── BadRecord              a JSONL/CSV record that is not valid or has no text
    ├── ModelError                 the spaCy model cannot be loaded
    ├── StoreError                 the event database cannot be opened, or is not one of ours
    └── UsageError                 a bad option or combination of options (CLI exit 2)

Library code raises these; a batch turns an ``InputError`` into a :class:`~wirecoder.records.Failure`
and carries on. Only :mod:`wirecoder.cli` turns them into exit codes.
"""

from __future__ import annotations


class WirecoderError(Exception):
    """Base class of all wirecoder errors."""


class InputError(WirecoderError):
    """An input (file, record, stream) cannot be turned into an article."""

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Rebuilt from both arguments, so that it crosses process boundaries (--workers).
        return type(self), (self.origin, self.problem)


class InputNotFound(InputError):
    pass


class UnreadableInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class EmptyInput(InputError):
    pass


class InputTooLarge(InputError):
    pass


class BadRecord(InputError):
    pass


class ModelError(WirecoderError):
    pass


class UsageError(WirecoderError):
    pass


class StoreError(WirecoderError):
    """The event database cannot be opened or used; the message names the file."""
