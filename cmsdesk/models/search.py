"""Finding text in a plan: every title and text field, in outline order.

Matching ignores case and accents (a delegate typing "especies migratorias" finds "Especies
Migratorias", "ecosysteme" finds "écosystème"), because drafts mix English, French and Spanish
and people type on whatever keyboard they have. It reads the current state only, and looks in
every language version of the texts too (a hit says which).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models import rules
from cmsdesk.models.queries import outline
from cmsdesk.models.schema import Node, Translation

SEARCH_FIELDS = rules.COMMON_FIELDS + ("note", "indicators", "milestones", "actors")
CONTEXT = 40  # characters of context on each side of a match in a snippet


@dataclass(frozen=True)
class SearchHit:
    node_id: str
    label: str  # T7, G2 ...
    kind: str
    title: str
    field: str
    snippet: str  # the match with some context, on one line
    start: int  # where the match starts within the snippet
    length: int
    lang: str | None = None  # the language version it was found in; None: the original


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` without case or accents, and for each folded character its index in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for part in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold():
                out.append(folded)
                where.append(i)
    return "".join(out), where


def _snippet(text: str, start: int, end: int) -> tuple[str, int, int]:
    lo = max(0, start - CONTEXT)
    hi = min(len(text), end + CONTEXT)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    body = re.sub(r"\s", " ", text[lo:hi])  # one line, same length
    return prefix + body + suffix, len(prefix) + start - lo, end - start


def search(session: Session, plan_id: str, query: str, limit: int = 500) -> list[SearchHit]:
    """One hit per field that contains ``query``, nodes in outline order; at most ``limit``."""
    needle, _ = fold(query.strip())
    if not needle:
        return []
    entries = outline(session, plan_id)
    cols = [getattr(Node, f) for f in SEARCH_FIELDS]
    rows = {r[0]: r[1:] for r in session.execute(select(Node.id, *cols).where(
        Node.plan_id == plan_id, Node.deleted.is_(False)))}
    versions: dict[str, list[tuple[str, str, str | None]]] = {}
    for node_id, fld, lang, value in session.execute(select(
            Translation.node_id, Translation.field, Translation.lang, Translation.value).where(
            Translation.plan_id == plan_id, Translation.entity == "node")
            .order_by(Translation.lang)):
        versions.setdefault(node_id, []).append((fld, value, lang))
    hits: list[SearchHit] = []
    for entry in entries:
        values = rows.get(entry.id)
        if values is None:
            continue
        texts = [(fld, value, None) for fld, value in zip(SEARCH_FIELDS, values, strict=True)]
        for fld, value, lang in texts + versions.get(entry.id, []):
            if fld not in rules.fields_of(entry.kind) or not value:
                continue
            folded, where = fold(value)
            at = folded.find(needle)
            if at < 0:
                continue
            start = where[at]
            end = where[at + len(needle) - 1] + 1
            snippet, s_start, s_len = _snippet(value, start, end)
            hits.append(SearchHit(entry.id, entry.label, entry.kind, entry.title, fld, snippet,
                                  s_start, s_len, lang))
            if len(hits) >= limit:
                return hits
    return hits
