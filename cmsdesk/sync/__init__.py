"""Exchanging drafts as bundle files, and settling what they contest. No Qt here.

``format``     the bundle file: layout, manifest schema, version policy, import limits
``container``  reading the zip (format 2.0, and 1.0 still read) up to the checked signature
``patch``      a change's value as a patch of the version it was edited from
``signing``    this installation's Ed25519 key pair; signing and checking bundles
``peers``      known senders, their keys (trust on first use, pinning), what each holds
``exporter``   building a bundle (full, or only what a peer lacks) and writing it atomically
``validate``   every check of a file and against the store, before anything is written
``importer``   one transaction per file, and the report of what it did
``conflicts``  listing contested fields and resolving them

The merge itself (several heads of a field, k-way at sentence granularity) is part of deriving
the current state from the change log, so it lives in :mod:`cmsdesk.models.projection`; an
import appends changes and projects the fields they touched once.
"""
