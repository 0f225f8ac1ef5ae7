"""Exchanging drafts as bundle files, and settling what they contest. No Qt here.

``format``     the bundle file: member names, manifest schema, version policy, import limits
``signing``    this installation's Ed25519 key pair; signing and checking manifests
``peers``      known senders, their keys (trust on first use, pinning), what each holds
``exporter``   building a bundle (full, or only what a peer lacks) and writing it atomically
``validate``   every check of a file and against the store, before anything is written
``importer``   one transaction per file, and the report of what it did
``conflicts``  listing contested fields and resolving them

The merge itself (several heads of a field, k-way at sentence granularity) is part of deriving
the current state from the change log, so it lives in :mod:`cmsdesk.models.projection`; an
import appends changes and projects the fields they touched once.
"""
