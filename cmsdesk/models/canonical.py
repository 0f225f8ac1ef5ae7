"""Canonical JSON: the one byte form of a change that every site hashes the same way.

A change id is the SHA-256 of these bytes, so two sites must agree on them exactly: keys sorted,
no insignificant whitespace, UTF-8, every string in Unicode NFC (a French "é" typed on macOS and
on Windows must hash alike), and no floats (their text form differs between implementations).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any


def normalize(value: Any) -> Any:
    """Return ``value`` with every string in NFC; reject types that have no stable JSON form."""
    kind = type(value)  # the usual types first, by identity: this runs for every part of a change
    if kind is str:
        return unicodedata.normalize("NFC", value)
    if kind is dict:
        return {normalize(k): normalize(v) for k, v in value.items()}
    if kind is list:
        return [normalize(v) for v in value]
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, dict):
        return {normalize(k): normalize(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalize(v) for v in value]
    raise TypeError(f"no canonical JSON form for {type(value).__name__}")


# One encoder for every call: json.dumps with options makes a new one each time.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_bytes(value: Any) -> bytes:
    """Serialize ``value`` canonically (sorted keys, compact, UTF-8, NFC)."""
    return _ENCODER.encode(normalize(value)).encode("utf-8")


def digest(value: Any) -> str:
    """SHA-256 hex digest of the canonical form of ``value``."""
    return hashlib.sha256(canonical_bytes(value)).hexdigest()
