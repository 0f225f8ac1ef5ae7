"""Checking signatures (libsodium through PyNaCl; keys made and signatures written with
cryptography): what a signer makes is accepted, anything altered is refused."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cmsdesk.sync.signing import public_key_of, sign, sign_change, verify, verify_change

CHANGE = "ab" * 32


@pytest.fixture(scope="module")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def test_a_signature_made_here_is_accepted(key: Ed25519PrivateKey) -> None:
    public = public_key_of(key)
    assert verify_change(public, CHANGE, sign_change(key, CHANGE))
    assert verify(public, sign(key, b"manifest"), b"manifest")


def test_altered_content_signature_or_key_is_refused(key: Ed25519PrivateKey) -> None:
    public = public_key_of(key)
    good = sign_change(key, CHANGE)
    raw = base64.b64decode(good)
    flipped = base64.b64encode(raw[:10] + bytes([raw[10] ^ 1]) + raw[11:]).decode()
    other = public_key_of(Ed25519PrivateKey.generate())
    assert not verify_change(public, "ac" * 32, good)  # another change
    assert not verify_change(public, CHANGE, flipped)  # one bit of the signature
    assert not verify_change(other, CHANGE, good)  # another key
    assert not verify_change(public, CHANGE, base64.b64encode(raw[:63]).decode())  # too short
    assert not verify_change(public, CHANGE, "not base64!")
    assert not verify_change("not a key", CHANGE, good)
    assert not verify(public, sign(key, b"manifest"), b"manifesto")


def test_a_key_of_small_order_signs_nothing() -> None:
    """The identity point as a key with the identity point and zero as a signature would pass
    a check that does not refuse keys of small order, for any message (OpenSSL's does pass
    it): libsodium refuses it."""
    identity = bytes([1]) + bytes(31)
    key = base64.b64encode(identity).decode()
    assert not verify(key, identity + bytes(32), b"cmsdesk change " + CHANGE.encode())
