"""Reading a bundle file: bounded reads, the zip's structure, its layout and its signature.

Format 2.0 holds one member, ``bundle.jsonl`` (manifest line, change lines, signature line);
format 1.0, still read, holds four (``manifest.json``, ``changes.jsonl``, ``signature``,
``README.txt``) and signs the manifest, which pins the other members' hashes. Either way
:func:`read_container` hands back the checked manifest and the change lines as signed, and
everything here happens before any of them is parsed. See :mod:`cmsdesk.sync.format`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from cmsdesk.sync import format as fmt
from cmsdesk.sync.signing import SIGNATURE_SIZE, verify

DAMAGED = "the file is damaged or truncated (not a readable zip): ask the sender for it again"
_ALTERED = "the file was altered or forged: refused"
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError,
               NotImplementedError)
_END_OF_ARCHIVE = b"PK\x05\x06"
_END_SIZE = 22  # the end-of-archive record, without its comment


@dataclass
class Container:
    """A bundle file whose structure, manifest and signature have been checked."""

    size: int
    manifest: fmt.Manifest
    lines: list[bytes]  # one per change, as signed
    note: str


_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def nesting_depth(data: bytes) -> int:
    """How deep arrays and objects nest in the JSON text ``data``, read from the bytes alone
    (brackets inside strings do not count), so that a limit holds before anything is parsed."""
    if data.count(b"[") + data.count(b"{") <= fmt.MAX_DEPTH:
        return min(data.count(b"[") + data.count(b"{"), fmt.MAX_DEPTH)
    depth = deepest = 0
    for byte in _STRING.sub(b"", data).translate(None, _NOT_BRACKETS):
        depth += 1 if byte in b"[{" else -1
        deepest = max(deepest, depth)
    return deepest


def parse_json(data: bytes | str, what: str) -> Any:
    """JSON as a bundle may hold it: UTF-8, no NaN or Infinity, nested at most
    :data:`~cmsdesk.sync.format.MAX_DEPTH` levels, no escaped lone surrogate (it is not text:
    nothing could store or print it)."""
    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not allowed")

    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if nesting_depth(raw) > fmt.MAX_DEPTH:
        raise fmt.BundleError(f"{what} nests more than {fmt.MAX_DEPTH} levels deep, which no "
                              "cmsdesk bundle does: refused")
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=no_constants)
        if _SURROGATE_ESCAPE.search(raw):
            json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise fmt.BundleError(f"{what} holds an escaped lone surrogate ({exc.object[exc.start]!a}"
                              "), which is not text: the file is damaged or forged") from exc
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise fmt.BundleError(f"{what} is not valid UTF-8 JSON: the file is damaged") from exc
    return value


def _safe_name(name: str) -> bool:
    if not name or "\x00" in name or "/" in name or "\\" in name or ":" in name:
        return False
    return ".." not in name and not PurePosixPath(name).is_absolute() and \
        not PureWindowsPath(name).is_absolute()


def _read_file(path: Path) -> bytes:
    """The file's bytes, read with a bounded read. The bound is the file's size (capped):
    ``read(n)`` allocates n bytes first, and 64 MiB per file made a batch import's memory
    peak look like that much."""
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            data = fh.read(min(size, fmt.MAX_FILE_SIZE) + 1)
    except OSError as exc:
        raise fmt.BundleError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > fmt.MAX_FILE_SIZE:
        raise fmt.BundleError(f"the file is larger than {fmt.MAX_FILE_SIZE // fmt.MiB} MiB: "
                              "not a bundle cmsdesk would make")
    return data


def _check_end(data: bytes, comment: bytes) -> None:
    """The archive must end with its comment whole. Python's zip reader accepts a comment cut
    short, so a file truncated inside the note would otherwise pass unnoticed."""
    end = len(data) - len(comment) - _END_SIZE
    if (end < 0 or data[end:end + 4] != _END_OF_ARCHIVE
            or struct.unpack_from("<H", data, end + 20)[0] != len(comment)):
        raise fmt.BundleError(DAMAGED)


def _entries(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > fmt.MAX_ENTRIES:
        raise fmt.BundleError(f"the file has {len(infos)} entries, more than a bundle holds: "
                              "refused")
    out: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.orig_filename != info.filename:  # Python's zip reader cuts a name at a NUL
            raise fmt.BundleError(f"the file holds an entry whose name hides characters "
                                  f"({info.orig_filename!a}): refused")
        if not _safe_name(info.filename):
            raise fmt.BundleError(f"the file holds an entry with a path ({info.filename!r}): "
                                  "refused, a bundle holds plain member names only")
        if info.filename in out:
            raise fmt.BundleError(f"the file holds {info.filename} twice: refused")
        out[info.filename] = info
    return out


def _expect_members(entries: dict[str, zipfile.ZipInfo], names: tuple[str, ...]) -> None:
    unexpected = sorted(set(entries) - set(names))
    missing = sorted(set(names) - set(entries))
    if unexpected or missing:
        raise fmt.BundleError("the file does not hold the members of a bundle "
                              f"(unexpected: {unexpected or 'none'}; missing: "
                              f"{missing or 'none'})")
    total = sum(i.file_size for i in entries.values())
    if total > fmt.MAX_TOTAL_SIZE:
        raise fmt.BundleError(f"the file expands to {total} bytes: refused")


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo,
                 check_start: Callable[[bytes], object] | None = None) -> bytes:
    """Read one member, counting the bytes as they are decompressed.

    The limit holds for the bytes actually produced, a chunk at a time, so a file whose zip
    entry lies about its sizes (a zip bomb) is stopped after at most one chunk past the limit;
    no compression ratio is assumed, so a text that repeats itself (as negotiated texts do)
    is never mistaken for a bomb. ``check_start`` sees the first
    :data:`~cmsdesk.sync.format.MAX_MANIFEST_SIZE` bytes (or all, if fewer) before the rest is
    read, so a member that does not start like a bundle costs no more than that.
    """
    limit = fmt.MAX_MEMBER_SIZE[info.filename]
    if info.flag_bits & 0x1:
        raise fmt.BundleError(f"{info.filename} is encrypted: not a cmsdesk bundle")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise fmt.BundleError(f"{info.filename} uses an unsupported compression method")
    size = f"{limit // fmt.MiB} MiB" if limit >= fmt.MiB else f"{limit} bytes"
    too_large = fmt.BundleError(f"{info.filename} is too large: it expands to more than {size}, "
                                "more than a bundle holds; refused (a damaged file or a zip "
                                "bomb)")
    if info.file_size > limit:
        raise too_large
    data = bytearray()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(min(fmt.READ_CHUNK, limit + 1 - len(data))):
                data += chunk
                if len(data) > limit:
                    raise too_large
                if check_start is not None and len(data) > fmt.MAX_MANIFEST_SIZE:
                    check_start(bytes(data[:fmt.MAX_MANIFEST_SIZE + 1]))
                    check_start = None
    except _ZIP_ERRORS as exc:
        raise fmt.BundleError(f"{info.filename}: {DAMAGED}") from exc
    if len(data) != info.file_size:
        raise fmt.BundleError(f"{info.filename} is not the size its zip entry says: {DAMAGED}")
    if check_start is not None:
        check_start(bytes(data))
    return bytes(data)


def _expect_major(version: tuple[int, int], major: int) -> None:
    """A layout holds its own major version only (a newer one was refused already)."""
    if version[0] != major:
        raise fmt.BundleError(f"the manifest says format {version[0]}.{version[1]} but the file "
                              f"is laid out as format {major}: refused")


def _lines(raw: bytes) -> list[bytes]:
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def read_container(path: Path) -> Container:
    """Open a bundle file and check everything up to the signature, without touching a store."""
    data = _read_file(path)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        _check_end(data, zf.comment)
        entries = _entries(zf)
    except _ZIP_ERRORS as exc:
        raise fmt.BundleError(DAMAGED) from exc
    with zf:
        if fmt.DATA in entries:
            manifest, lines = _read_layout_2(zf, entries)
            note = zf.comment.decode("utf-8", errors="replace")
        elif fmt.MANIFEST in entries:
            manifest, lines, note = _read_layout_1(zf, entries)
        else:
            raise fmt.BundleError("the file has no manifest: not a cmsdesk bundle")
    return Container(len(data), manifest, lines, note)


# -- format 2.0 ---------------------------------------------------------------------------------


def _signature_line(raw: bytes) -> tuple[bytes, bytes]:
    """Split ``bundle.jsonl`` into the signed lines and the signature they end with."""
    cut = raw.rfind(b"\n", 0, len(raw) - 1)
    line = parse_json(raw[cut + 1:], "the signature line") if raw.endswith(b"\n") and cut >= 0 \
        else None
    if not isinstance(line, dict) or set(line) != {"signature"} or \
            not isinstance(line["signature"], str):
        raise fmt.BundleError(f"the bundle does not end with its signature: {_ALTERED}")
    try:
        signature = base64.b64decode(line["signature"], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise fmt.BundleError(f"the bundle's signature is not base64: {_ALTERED}") from exc
    if len(signature) != SIGNATURE_SIZE:
        raise fmt.BundleError(f"the bundle's signature has the wrong size: {_ALTERED}")
    return raw[:cut + 1], signature


def _manifest_line(start: bytes) -> None:
    """The first line of ``bundle.jsonl`` must be a manifest of a format this reader knows."""
    end = start.find(b"\n", 0, fmt.MAX_MANIFEST_SIZE + 1)
    if end < 0:
        raise fmt.BundleError("the bundle's first line is not a manifest: the file is damaged")
    fmt.check_format(parse_json(start[:end], "the manifest"))


def _read_layout_2(zf: zipfile.ZipFile,
                   entries: dict[str, zipfile.ZipInfo]) -> tuple[fmt.Manifest, list[bytes]]:
    raw = _read_member(zf, entries[fmt.DATA], _manifest_line)
    end = raw.find(b"\n")
    doc = parse_json(raw[:end], "the manifest")
    version = fmt.check_format(doc)  # first: a newer major may hold other members
    _expect_members(entries, (fmt.DATA,))
    if version[0] < 2:
        _expect_major(version, 2)  # 3.0 keeps the 2.0 layout (its change lines are signed)
    signed, signature = _signature_line(raw)
    manifest = fmt.parse_manifest(doc, signed)
    if not verify(manifest.sender.key, signature, signed):
        raise fmt.BundleError(f"the signature does not match the bundle's content; {_ALTERED}")
    return manifest, _lines(signed[end + 1:])


# -- format 1.0, still read ---------------------------------------------------------------------


def _read_layout_1(zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo]
                   ) -> tuple[fmt.Manifest, list[bytes], str]:
    manifest_bytes = _read_member(zf, entries[fmt.MANIFEST])
    doc = parse_json(manifest_bytes, "the manifest")
    _expect_major(fmt.check_format(doc), 1)
    _expect_members(entries, fmt.MEMBERS_1)
    manifest = fmt.parse_manifest(doc, manifest_bytes)
    pinned = fmt.parse_members_1(doc)
    signature = _read_member(zf, entries[fmt.SIGNATURE])
    if not verify(manifest.sender.key, signature, manifest_bytes):
        raise fmt.BundleError(f"the signature does not match the manifest; {_ALTERED}")
    members = {name: _read_member(zf, entries[name]) for name in fmt.HASHED_MEMBERS_1}
    for name, content in members.items():
        size, sha = pinned[name]
        if len(content) != size or hashlib.sha256(content).hexdigest() != sha:
            raise fmt.BundleError(f"{name} does not match the signed manifest; {_ALTERED}")
    try:
        note = members[fmt.NOTE].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fmt.BundleError("the note is not UTF-8 text") from exc
    return manifest, _lines(members[fmt.CHANGES]), note
