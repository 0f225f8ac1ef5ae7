"""Helpers shared by the export and draft tests: reading a .docx's XML, moving changes between
stores the way a bundle import does, and looking nodes up by label."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree
from sqlalchemy import select

from cmsdesk.models import changelog, queries
from cmsdesk.models.changelog import Key, append
from cmsdesk.models.projection import project
from cmsdesk.models.schema import Plan
from cmsdesk.models.store import Store

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part(path: Path, name: str = "word/document.xml") -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def tree(path: Path, name: str = "word/document.xml") -> Any:
    return etree.fromstring(part(path, name))


def text_of(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(f"{{{W}}}t"))


def paragraphs(root: Any) -> list[tuple[str, str]]:
    """(paragraph style id, text) of every body paragraph, in order (tables included)."""
    out = []
    for p in root.iter(f"{{{W}}}p"):
        style = p.find("w:pPr/w:pStyle", NS)
        out.append((style.get(f"{{{W}}}val") if style is not None else "", text_of(p)))
    return out


def runs_with_style(root: Any, style_id: str) -> list[str]:
    """Texts of the runs in character style ``style_id``."""
    return [text_of(r) for r in root.iter(f"{{{W}}}r")
            if (s := r.find("w:rPr/w:rStyle", NS)) is not None and s.get(f"{{{W}}}val") == style_id]


def copy_changes(src: Store, dst: Store) -> int:
    """Give ``dst`` every change ``src`` holds, as an import does; returns how many were new."""
    with src.session() as s:
        bodies = [(cid, json.loads(body)) for plan in s.scalars(select(Plan.id))
                  for cid, body in changelog.bodies(s, plan).items()]
    keys: set[Key] = set()
    with dst.session() as d:
        for cid, body in bodies:
            _cid, new = append(d, body, cid, origin="test import")
            if new:
                keys.add(Key(body["entity"], body["eid"], body["field"]))
        project(d, keys)
    return len(keys)


def node(store: Store, plan_id: str, label: str) -> str:
    with store.session() as s:
        return queries.resolve_node(s, plan_id, label)


def field(store: Store, plan_id: str, label: str, name: str) -> str:
    with store.session() as s:
        return queries.node_view(s, node(store, plan_id, label)).fields[name]
