"""Canonical JSON gives every site the same bytes, and so the same change ids."""

from __future__ import annotations

import unicodedata

import pytest

from cmsdesk.models.canonical import canonical_bytes, digest


def test_keys_sorted_compact_utf8() -> None:
    assert canonical_bytes({"b": 1, "a": ["é", None, True]}) == '{"a":["é",null,true],"b":1}'.encode()


def test_nfc_and_nfd_hash_alike() -> None:
    composed = "Côte d'Ivoire"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert digest({"party": composed}) == digest({"party": decomposed})


def test_floats_have_no_canonical_form() -> None:
    with pytest.raises(TypeError):
        canonical_bytes({"x": 0.1})
