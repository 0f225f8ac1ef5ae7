"""A consultation copy: the draft as Word prints it, carrying where each text comes from.

Parties who never install cmsdesk edit this copy in Word (often with Track Changes) and send
it back; ``cmsdesk submission import`` maps their edits back to the fields they touch. To make
that possible the copy carries, invisibly:

* a *manifest* in a custom XML part (``urn:cmsdesk:consultation-copy``): the plan, the named
  draft the copy shows (if the plan stands as one was marked), a copy id, and for every field
  written its node, field (``text@fr`` for a language version), the versions it was made from
  and a hash of its text;
* a hidden bookmark (``_cms00012p003``: field 12, its third paragraph) around each paragraph of
  each field.

Why these carriers (docs/consultation-copies.md): bookmarks and custom XML parts are the two
kinds of hidden data that both Word and LibreOffice keep when they save a .docx (tested with
``soffice --convert-to docx``). Content controls were the obvious choice for Word, but
LibreOffice 7.4 turns block content controls into FILLIN fields; document variables are
dropped by LibreOffice. A bookmark spanning several paragraphs is split by LibreOffice into
several starts of one name, so each paragraph gets its own bookmark instead, which also tells
the importer which paragraphs a field had.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cmsdesk.export.content import PlanContent
from cmsdesk.export.docx_common import DocWriter, FieldRange
from cmsdesk.export.options import ExportOptions
from cmsdesk.models.changelog import Key, current_heads
from cmsdesk.models.commands import language_of, plan_language
from cmsdesk.models.drafts import draft_heads, find_draft
from cmsdesk.models.languages import field_key
from cmsdesk.models.projection import value_of
from cmsdesk.models.schema import Change, NamedDraft
from cmsdesk.models.store import Store

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

NS = "urn:cmsdesk:consultation-copy"
VERSION = "1"
BOOKMARK_PREFIX = "_cms"
FIRST_BOOKMARK_ID = 100000  # far above the ids of the table of contents' bookmarks


def bookmark_name(field_number: int, paragraph: int) -> str:
    return f"{BOOKMARK_PREFIX}{field_number:05d}p{paragraph:03d}"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class CopyInfo:
    """What was written: the file, its copy id, the named draft it shows, how many fields."""

    path: Path
    copy_id: str
    draft_id: str
    draft_name: str
    fields: int
    untranslated: int = 0  # fields printed in the original for want of a translation


def _draft_of_now(session: Session, plan_id: str) -> NamedDraft | None:
    """The named draft the plan stands as now: the latest one marked since the last change."""
    last = session.scalar(select(func.max(Change.arrival)).where(Change.plan_id == plan_id))
    rows = session.scalars(select(NamedDraft).where(NamedDraft.plan_id == plan_id,
                                                    NamedDraft.arrival == last))
    return max(rows, key=lambda d: (d.date, d.name), default=None)


def _paragraphs(el: BaseOxmlElement) -> list[BaseOxmlElement]:
    from docx.oxml.ns import qn

    return [el] if el.tag == qn("w:p") else list(el.iter(qn("w:p")))


def _mark(writer: DocWriter, ranges: list[FieldRange]) -> None:
    """A hidden bookmark around every paragraph of every field; an empty field gets one empty
    paragraph to write into."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    next_id = FIRST_BOOKMARK_ID
    body = writer.doc.element.body
    for number, rng in enumerate(ranges, 1):
        paragraphs = [p for el in rng.elements for p in _paragraphs(el)]
        if not paragraphs:
            empty = OxmlElement("w:p")
            if rng.after is None:
                body.insert(0, empty)
            else:
                rng.after.addnext(empty)
            paragraphs = [empty]
        for k, p in enumerate(paragraphs, 1):
            start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
            start.set(qn("w:id"), str(next_id))
            start.set(qn("w:name"), bookmark_name(number, k))
            end.set(qn("w:id"), str(next_id))
            next_id += 1
            ppr = p.find(qn("w:pPr"))
            p.insert(1 if ppr is not None else 0, start)
            p.append(end)


def _furniture(writer: DocWriter) -> set[str]:
    """The texts of the paragraphs that belong to no field (headings of annexes, labels, the
    table of contents...): a paragraph of the reply outside every field whose text is not one
    of these was added by the Party."""
    from docx.oxml.ns import qn

    out = set()
    for p in writer.doc.element.body.iter(qn("w:p")):
        marks = [b.get(qn("w:name"), "") for b in p.iter(qn("w:bookmarkStart"))]
        if not any(m.startswith(BOOKMARK_PREFIX) for m in marks):
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
            if text:
                out.add(text)
    return out


def _manifest(plan_id: str, plan_title: str, draft: NamedDraft | None, copy_id: str,
              keyed: list[tuple[FieldRange, Key]], values: dict[tuple[str, str], str],
              heads: dict[Key, set[str]], furniture: set[str], lang: str) -> bytes:
    from lxml import etree

    root = etree.Element(f"{{{NS}}}consultationCopy", nsmap={None: NS})
    root.set("version", VERSION)
    root.set("copy", copy_id)
    root.set("plan", plan_id)
    root.set("planTitle", plan_title)
    root.set("draft", draft.id if draft else "")
    root.set("draftName", draft.name if draft else "")
    root.set("exported", datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"))
    root.set("lang", lang)
    for number, (r, key) in enumerate(keyed, 1):
        el = etree.SubElement(root, f"{{{NS}}}field")
        el.set("n", str(number))
        el.set("node", r.node)
        el.set("field", key.field)
        el.set("versions", " ".join(sorted(heads[key])))
        value = values[(r.node, r.name)]
        el.set("sha256", text_hash(value))
        if r.name == "title":
            el.set("heading", values[(r.node, "heading")])
        if r.lead:
            el.set("lead", r.lead)
        el.text = value
    for text in sorted(furniture):
        etree.SubElement(root, f"{{{NS}}}furniture").set("sha256", text_hash(text))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_custom_xml(writer: DocWriter, xml: bytes) -> None:
    """The manifest as a custom XML data-store item (with its properties part, as Word
    writes them, so Word keeps it)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = writer.doc.part.package
    item_name = package.next_partname("/customXml/item%d.xml")
    item = Part(PackURI(item_name), "application/xml", xml, package)
    props_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
        '<ds:datastoreItem ds:itemID="{' + str(uuid.uuid4()).upper() + '}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs></ds:datastoreItem>')
    props_name = item_name.replace("/item", "/itemProps")
    props = Part(PackURI(props_name),
                 "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
                 props_xml.encode("utf-8"), package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    writer.doc.part.relate_to(item, RT.CUSTOM_XML)


def _printed_values(writer: DocWriter, content: PlanContent) -> dict[tuple[str, str], str]:
    """The value each marked field printed, by (node, field); a title also under (node,
    "heading"): its heading's text as printed ("Target 7: ..."). A heading that does not print
    the title (a negotiation text's "Target 7:") is no field: its range is dropped."""
    from docx.oxml.ns import qn

    values: dict[tuple[str, str], str] = {}
    for section in content.sections:
        node = section.entry.id
        values[(node, "title")] = section.entry.title
        values[(node, "text")] = section.text
        for name, value in section.detail_fields:
            values[(node, name)] = value
    kept = []
    for rng in writer.fields:
        if rng.name == "title":
            heading = "".join(t.text or "" for el in rng.elements for t in el.iter(qn("w:t")))
            if not heading.strip().endswith(values[(rng.node, "title")].strip()):
                continue
            values[(rng.node, "heading")] = heading
        kept.append(rng)
    writer.fields[:] = kept
    return values


def _traced(session: Session, ranges: list[FieldRange], values: dict[tuple[str, str], str],
            at_draft: dict[Key, list[str]] | None, version: str | None
            ) -> tuple[list[tuple[FieldRange, Key]], dict[Key, set[str]]]:
    """The fields a reply can be traced back to, each with the key its printed text is a value
    of, and the versions it was printed from.

    In a copy in another language than the plan's original, a field printed in its language
    version is that version (``text@fr``): a Party's edit of it is a proposal in that language
    and never reaches the original. A field whose original stood in for a missing translation
    (printed with its "not translated" mark) is left unmarked, so that an edit there comes
    back as an unmapped paragraph for a person to place, instead of mixing two languages in
    one text."""
    keyed = [(r, Key("node", r.node, field_key(r.name, version))) for r in ranges]
    keys = {k for _r, k in keyed}
    if at_draft is not None:
        heads = {k: set(at_draft.get(k, [])) for k in keys}
    else:
        heads = current_heads(session, keys)
    if version is None:
        return keyed, heads
    kept = []
    for r, k in keyed:
        value = value_of(session, k, sorted(heads[k])) if heads[k] else None
        if isinstance(value, str) and value.strip() \
                and value.strip() == values[(r.node, r.name)].strip():
            kept.append((r, k))
    return kept, heads


def export_for_comments(store: Store, plan_id: str, path: Path | str, *,
                        issued: Date | None = None, options: ExportOptions | None = None,
                        draft: str | None = None, template: Path | str | None = None,
                        lang: str | None = None) -> CopyInfo:
    """Write the consultation copy of the plan as it stands (or of the named draft ``draft``
    as it was marked), laid out as ``export docx`` would with the same options, in ``lang``
    (default: the plan's original language)."""
    from cmsdesk.export.docx_plan import plan_document

    with store.session() as s:
        writer, content = plan_document(s, plan_id, issued=issued, options=options,
                                        draft=draft, template=template, lang=lang,
                                        mark_unverified=False)
        values = _printed_values(writer, content)
        named = find_draft(s, plan_id, draft) if draft else _draft_of_now(s, plan_id)
        original = plan_language(s, plan_id)
        printed = len(writer.fields)
        keyed, heads = _traced(s, list(writer.fields), values,
                               draft_heads(named) if draft else None,
                               language_of(lang, original))
        writer.fields[:] = [r for r, _k in keyed]
        copy_id = str(uuid.uuid4())
        _mark(writer, writer.fields)
        manifest = _manifest(plan_id, content.title, named, copy_id, keyed, values, heads,
                             _furniture(writer), lang or original)
    _add_custom_xml(writer, manifest)
    out = writer.save(path)
    return CopyInfo(out, copy_id, named.id if named else "", named.name if named else "",
                    len(keyed), printed - len(keyed))


def read_manifest(package_parts: Any) -> Any:
    """The manifest element among a package's parts (an lxml element), or None."""
    from lxml import etree

    for part in package_parts:
        if not str(part.partname).startswith("/customXml/"):
            continue
        try:
            root = etree.fromstring(part.blob)
        except etree.XMLSyntaxError:
            continue
        if root.tag == f"{{{NS}}}consultationCopy":
            return root
    return None
