"""This installation's Ed25519 key pair; signing and checking bundles and single changes.

The key pair is made on first export and kept in the store's meta table: it identifies the
installation (like the replica id), so a copy of the store is the same sender, while a new
installation has a new key. The public key travels in every manifest; what a signature proves is
that the bundle was made by whoever holds that key, which is why peers remember keys and the
Secretariat can pin them (:mod:`cmsdesk.sync.peers`).

Keys are made and signatures written with ``cryptography``; signatures are checked with
libsodium (PyNaCl), which does it in about half the time (53 against 110 microseconds a
signature here): an import of a consultation round checks one per change, 2,600 of them. Its
check is the stricter one (it also refuses keys of small order and signatures not in canonical
form, which no Ed25519 signer makes), so nothing ``cryptography`` refused is accepted.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from functools import lru_cache

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from nacl.bindings import crypto_sign_open
from nacl.exceptions import BadSignatureError

from cmsdesk.models.store import Store

PRIVATE_KEY_META = "signing_key"
SIGNATURE_SIZE = 64


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _public_b64(private: Ed25519PrivateKey) -> str:
    return _b64(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def signing_key(store: Store) -> Ed25519PrivateKey:
    """The store's private key, made and saved the first time it is needed."""
    raw = store.get_meta(PRIVATE_KEY_META)
    if raw:
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(raw))
    private = Ed25519PrivateKey.generate()
    store.set_meta(PRIVATE_KEY_META, _b64(private.private_bytes_raw()))
    return private


def own_public_key(store: Store) -> str | None:
    """This store's public key (base64), or None while it has never signed anything.

    Reading it never writes, so an import that is refused leaves the store untouched.
    """
    raw = store.get_meta(PRIVATE_KEY_META)
    return public_of_private(raw) if raw else None


def public_of_private(raw: str) -> str:
    """The public key (base64) of a private key as the store keeps it (base64)."""
    return _public_b64(Ed25519PrivateKey.from_private_bytes(base64.b64decode(raw)))


def public_key_of(private: Ed25519PrivateKey) -> str:
    return _public_b64(private)


def sign(private: Ed25519PrivateKey, data: bytes) -> bytes:
    return private.sign(data)


@lru_cache(maxsize=4096)
def decode_public_key(key: str) -> Ed25519PublicKey | None:
    """The key a manifest or key file names, or None when it is not a valid Ed25519 key
    (remembered: a bundle's changes are checked against a few keys many times)."""
    try:
        raw = base64.b64decode(key, validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        return None


@lru_cache(maxsize=4096)
def _raw_key(key: str) -> bytes | None:
    public = decode_public_key(key)
    return None if public is None else public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def verify(key: str, signature: bytes, data: bytes) -> bool:
    raw = _raw_key(key)
    if raw is None or len(signature) != SIGNATURE_SIZE:
        return False
    try:
        crypto_sign_open(signature + data, raw)
    except BadSignatureError:
        return False
    return True


def fingerprint(key: str) -> str:
    """A short form of a public key to compare by phone or e-mail: 'a1b2 c3d4 ... ' (80 bits)."""
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest()[:20]
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


# -- per-change signatures (bundle format 3.0) ----------------------------------------------

_CHANGE_CONTEXT = b"cmsdesk change "  # so that a change signature never serves as another


def sign_change(private: Ed25519PrivateKey, change_id: str) -> str:
    """The signature (base64) binding a change, by its id (the hash of all its content: plan,
    replica, counter, author, value...), to the key of the replica that made it."""
    return _b64(private.sign(_CHANGE_CONTEXT + change_id.encode("ascii")))


def verify_change(key: str, change_id: str, signature: str) -> bool:
    try:
        raw = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        return False
    return verify(key, raw, _CHANGE_CONTEXT + change_id.encode("ascii"))
