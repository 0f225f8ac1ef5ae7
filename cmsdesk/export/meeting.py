"""The frame of a CMS meeting document, shared by the plan and its compilation (an addendum).

As CMS issues them (UNEP/CMS/COP11/Doc.15.2 and its kin): at the top of the first page, the
convention's name on the left and the distribution block on the right ("Distribution: General",
the symbol in bold, the date, "Original: English"); below, the meeting block (the meeting in
capitals, its place and dates, "Agenda Item 15.2"); then the title in capitals, the "(Prepared
by ...)" line and, for a consultation draft, the note on how, to whom and by when to comment.
Every page carries the symbol in its header and its number in the footer.

:class:`DocumentInfo` is what those blocks print: a named draft's metadata, symbol and date, or
for the plan as it stands (no draft named) the plan's own symbol and today's date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date as Date

from sqlalchemy.orm import Session

from cmsdesk.export.docx_common import DocWriter, add_field
from cmsdesk.export.meeting_terms import MeetingTerms
from cmsdesk.models import queries
from cmsdesk.models.draft_meta import CONVENTION, DocumentMeta
from cmsdesk.models.drafts import document_meta, find_draft
from cmsdesk.models.schema import NamedDraft


@dataclass(frozen=True)
class DocumentInfo:
    """What the first page, the header and the file's properties say about a document."""

    meta: DocumentMeta
    symbol: str
    issued: Date
    title: str  # as printed (the metadata's title, else the plan's)
    draft: str = ""  # the named draft's name, if one is printed

    def addendum(self, number: int, title: str) -> DocumentInfo:
        """The info of addendum ``number`` to this document (symbol/Add.N, its own title)."""
        return replace(self, symbol=f"{self.symbol}/Add.{number}" if self.symbol else "",
                       title=title)


def document_info(session: Session, plan_id: str, draft: str | NamedDraft | None = None,
                  issued: Date | None = None) -> DocumentInfo:
    """The info of the named draft ``draft`` (name, id or row), or of the plan as it stands.

    The date is ``issued`` if given, else the draft's date, else today. A draft without a
    symbol or printed title of its own leaves them empty: the writer takes the plan's, as the
    plan stood at that draft. An unknown draft raises
    :class:`~cmsdesk.models.queries.NotFoundError` naming the drafts there are.
    """
    plan = queries.find_plan(session, plan_id)
    if draft is None:
        return DocumentInfo(DocumentMeta(), plan.symbol, issued or Date.today(), plan.title)
    row = find_draft(session, plan_id, draft) if isinstance(draft, str) else draft
    meta = document_meta(row)
    when = issued or (Date.fromisoformat(row.date) if row.date else Date.today())
    return DocumentInfo(meta, row.symbol, when, meta.title, row.name)


def _meeting_lines(meta: DocumentMeta, words: MeetingTerms) -> list[str]:
    lines = []
    if meta.meeting:
        number = words.ordinal(meta.meeting_number.strip())
        # "11th MEETING OF ...", "11e CONFÉRENCE ...": the ordinal's suffix keeps its case
        lines.append(f"{number} {meta.meeting.upper()}".strip())
    where = ", ".join(x for x in (meta.meeting_place, meta.meeting_dates) if x)
    if where:
        lines.append(where)
    if meta.agenda_item:
        lines.append(words("agenda_item", item=meta.agenda_item))
    return lines


def add_first_page(writer: DocWriter, info: DocumentInfo, words: MeetingTerms,
                   subtitle: str = "") -> None:
    """The distribution block, the meeting block, the title, "prepared by" and the
    consultation note, as the top of a CMS meeting document."""
    from docx.shared import Cm

    meta, terms = info.meta, words.terms
    table = writer.doc.add_table(rows=1, cols=2)
    table.style = writer.doc.styles["Normal Table"]
    table.autofit = False
    left, right = table.rows[0].cells
    for column, cell, width in zip(table.columns, (left, right), (Cm(10), Cm(6)), strict=True):
        column.width = cell.width = width
    convention = terms("convention") if meta.convention == CONVENTION else meta.convention
    writer.text(writer.style(left.paragraphs[0], "Convention name"), convention)
    writer.text(writer.style(right.paragraphs[0], "Distribution block"),
                words.distribution(meta.distribution))
    if info.symbol:
        writer.text(writer.paragraph("Document symbol", container=right),
                    terms.symbol(info.symbol))
    for line in (terms.date(info.issued), terms("original", language=_language_name(
            words, meta.original_language))):
        writer.text(writer.paragraph("Distribution block", container=right), line)
    for line in _meeting_lines(meta, words):
        writer.text(writer.paragraph("Meeting block"), line)
    writer.text(writer.paragraph("Title"), info.title.upper())
    if subtitle:
        writer.text(writer.paragraph("Subtitle"), subtitle)
    if meta.prepared_by:
        writer.text(writer.paragraph("Prepared by"), words("prepared_by", who=meta.prepared_by))
    note = words.consultation_note(meta.deadline, meta.comments_to, meta.languages)
    if note:
        writer.text(writer.paragraph("Consultation note"), note)


def _language_name(words: MeetingTerms, code: str) -> str:
    name = words.terms.language(code)
    return name.capitalize() if words.lang == "en" else name


def add_page_frame(writer: DocWriter, symbol: str, words: MeetingTerms) -> None:
    """The symbol in the header of every page; the page number in the footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = writer.doc.sections[0]
    section.different_first_page_header_footer = False
    header = section.header.paragraphs[0]
    header.style = writer.doc.styles["Header"]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.text = ""
    if symbol:
        writer.text(header, words.terms.symbol(symbol))
    footer = section.footer.paragraphs[0]
    footer.style = writer.doc.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.text = ""
    add_field(footer, "PAGE", "1")
