"""The draft plan as a Word document, laid out as a CMS meeting document.

First page (:mod:`cmsdesk.export.meeting`): the convention's name and the distribution block,
the meeting block with the agenda item, the title in capitals, "(Prepared by ...)" and the
consultation note; the symbol in the header of every page and the page number in the footer.
Then, in one of two presentations (:mod:`cmsdesk.export.options`):

* the *negotiation text*: numbered chapters, goals as headings, each target one paragraph
  opening with its bold label ("Target 7:"), a compact correspondence table (target number;
  the framework targets' numbers, a dash where there is none); no table of contents, no short
  titles, no field headings, no page break per chapter;
* the *working copy*: a table of contents, each chapter on a new page, targets as headings
  with their short titles, each target's note, indicators, milestones and actors under field
  labels, and the full correspondence table with titles and relevance.

Annexes are lettered in outline order; the correspondence annex stands where the outline's
"correspondence" node puts it (at the end when the outline has none). A named draft prints as
it stood when marked (:mod:`cmsdesk.models.draft_state`), with its own metadata.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date as Date
from pathlib import Path

from sqlalchemy.orm import Session

from cmsdesk.export.content import (
    DEFAULT_FRAMEWORKS,
    Annex,
    PlanContent,
    Section,
    letter,
    plan_content,
)
from cmsdesk.export.docx_common import (
    DocWriter,
    add_bookmark,
    add_toc,
    mark_header_row,
    new_document,
)
from cmsdesk.export.localized import Fallbacks
from cmsdesk.export.markdown_blocks import Run
from cmsdesk.export.markdown_to_docx import NUMBERED_STYLE, add_markdown
from cmsdesk.export.meeting import DocumentInfo, add_first_page, add_page_frame, document_info
from cmsdesk.export.meeting_terms import (
    MeetingTerms,
    annex_heading,
    correspondence_title,
    section_heading,
)
from cmsdesk.export.options import ExportOptions
from cmsdesk.models.drafts import find_draft
from cmsdesk.models.trust import recorded_parties, unverified_parties

DASH = "\u2014"


def _heading_level(depth: int) -> int:
    return min(depth + 1, 9)


def _full_table(writer: DocWriter, annex: Annex, words: MeetingTerms) -> None:
    """Each target of the Plan with its framework targets' titles and relevance."""
    from docx.shared import Cm

    terms = words.terms
    table = writer.doc.add_table(rows=1, cols=2)
    table.style = writer.doc.styles["Table Grid"]
    table.autofit = False
    widths = (Cm(6.5), Cm(9.5))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    header = table.rows[0]
    mark_header_row(header)
    for cell, text, width in zip(header.cells, (terms("annex_plan_target"), annex.title),
                                 widths, strict=True):
        cell.width = width
        writer.run(cell.paragraphs[0], text).bold = True
    for row in annex.rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = widths
        writer.text(cells[0].paragraphs[0], row.heading)
        if not row.links:
            writer.run(cells[1].paragraphs[0], terms("annex_no_target")).italic = True
        for i, link in enumerate(row.links):
            paragraph = (cells[1].paragraphs[0] if i == 0
                         else writer.paragraph(container=cells[1]))
            writer.run(paragraph, f"{annex.short} {link.code}").bold = link.relevance == "primary"
            if link.title:
                writer.run(paragraph, f": {link.title}")
            writer.run(paragraph, f" ({terms.relevance(link.relevance)})").italic = True


def compact_rows(annexes: list[Annex]) -> list[list[str]]:
    """One row per target: its number, then per framework the numbers of the corresponding
    targets, comma-separated, or a dash where there is none."""
    rows = []
    for i, row in enumerate(annexes[0].rows):
        rows.append([str(row.number)] + [", ".join(link.code for link in a.rows[i].links) or DASH
                                         for a in annexes])
    return rows


def _compact_table(writer: DocWriter, annexes: list[Annex], words: MeetingTerms) -> None:
    """The negotiation text's correspondence: one narrow table for every framework."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    table = writer.doc.add_table(rows=1, cols=1 + len(annexes))
    table.style = writer.doc.styles["Table Grid"]
    table.autofit = False
    widths = [Cm(2.5)] + [Cm(min(6.0, 13.5 / len(annexes)))] * len(annexes)
    header = table.rows[0]
    mark_header_row(header)
    titles = [words.terms.kind("target")] + [a.title for a in annexes]
    for cell, text in zip(header.cells, titles, strict=True):
        writer.run(cell.paragraphs[0], text).bold = True
    for column, cell, width in zip(table.columns, header.cells, widths, strict=True):
        column.width = cell.width = width
    for values in compact_rows(annexes):
        cells = table.add_row().cells
        for cell, value, width in zip(cells, values, widths, strict=True):
            cell.width = width
            writer.text(cell.paragraphs[0], value)
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


class _PlanWriter:
    """Writes one plan document; holds what the sections share (bookmarks, annex letters)."""

    def __init__(self, content: PlanContent, info: DocumentInfo, options: ExportOptions,
                 words: MeetingTerms, template: Path | str | None) -> None:
        self.content, self.info, self.options, self.words = content, info, options, words
        self.writer = new_document(info.title, info.symbol or words.terms("untitled_plan"),
                                   template)
        self.marks = 0
        self.numbers: int | None = None  # the numbering of the body's paragraphs
        self.toc: list[tuple[int, str, str]] = []
        self.annexes = content.annexes if options.annexes else []
        self.trailing = "" if content.placed_correspondence or not self.annexes \
            else letter(sum(1 for s in content.sections if s.is_annex and s.depth == 0))

    def heading(self, level: int, text: str, page_break: bool, node: str = "") -> None:
        with self.writer.field(node, "title"):
            paragraph = self.writer.text(self.writer.paragraph(f"Heading {level}"), text)
        if not node:
            self.writer.fields.pop()
        paragraph.paragraph_format.page_break_before = page_break
        self.marks += 1
        mark = f"_Toc{self.marks:04d}"
        add_bookmark(paragraph, mark, self.marks)
        self.toc.append((level, text, mark))

    def section_heading(self, section: Section) -> str:
        return section_heading(section, self.words, self.annexes, self.options.short_titles)

    def paragraph_numbers(self, section: Section) -> int | None:
        """The numbering of the body's paragraphs (chapters and annexes, each annex counting
        anew), or None where paragraphs are not numbered."""
        if not self.options.numbered_paragraphs or section.entry.kind not in (
                "part", "chapter", "annex"):
            return None
        if section.is_annex or self.numbers is None:
            self.numbers = self.writer.new_list(NUMBERED_STYLE)
        return self.numbers

    def labelled_paragraph(self, section: Section) -> None:
        """A target (or indicator) as one paragraph: its bold label, then its text."""
        label = self.section_heading(section)
        with self.writer.field(section.entry.id, "text", lead=label):
            add_markdown(self.writer, section.text, heading_level=_heading_level(section.depth),
                         lead=[Run(label, bold=True), Run(" ")])

    def section(self, section: Section) -> None:
        level = _heading_level(section.depth)
        negotiation = self.options.negotiation
        if negotiation and section.entry.kind in ("target", "indicator"):
            self.labelled_paragraph(section)
        else:
            page_break = section.depth == 0 and (self.options.page_breaks or section.is_annex)
            self.heading(level, self.section_heading(section), page_break, section.entry.id)
            with self.writer.field(section.entry.id, "text"):
                add_markdown(self.writer, section.text, heading_level=level,
                             numbered=self.paragraph_numbers(section))
        for name, value in section.detail_fields:
            if name in self.options.fields:
                self.writer.paragraph("Field label", self.words.terms.field(name))
                with self.writer.field(section.entry.id, name):
                    add_markdown(self.writer, value, heading_level=level + 1)
        if section.entry.kind == "correspondence":
            self.correspondence()

    def correspondence(self) -> None:
        if self.options.negotiation:
            _compact_table(self.writer, self.annexes, self.words)
            return
        self.writer.paragraph("Document note", self.words.terms("relevance_note"))
        for annex in self.annexes:
            if len(self.annexes) > 1:
                self.writer.paragraph("Heading 2", annex.title)
            _full_table(self.writer, annex, self.words)

    def write(self) -> DocWriter:
        content, writer = self.content, self.writer
        add_page_frame(writer, self.info.symbol, self.words)
        add_first_page(writer, self.info, self.words)
        if content.has_brackets or content.conflicts:
            writer.text(writer.paragraph("Document note"), self.words.terms("brackets_note"))
        writer.unverified, writer.recorded = content.unverified, content.recorded
        note_at = writer.paragraph()  # the notes on unverified and recorded proposers, if marked
        toc_at = None
        if self.options.toc:
            writer.paragraph("TOC Heading", self.words.terms("contents"))
            toc_at = writer.paragraph()  # the table of contents goes here once headings exist
        for section in content.sections:
            if section.entry.kind == "correspondence" and not self.annexes:
                continue
            self.section(section)
        if self.trailing:
            self.heading(1, annex_heading(self.words, self.trailing,
                                          correspondence_title(self.words, self.annexes)),
                         page_break=True)
            self.correspondence()
        if toc_at is not None:
            with writer.inserting_before(toc_at):
                add_toc(writer, self.toc)
        with writer.inserting_before(note_at):
            for marks, note in ((writer.unverified_marks, "unverified_note"),
                                (writer.recorded_marks, "recorded_note")):
                if marks:
                    writer.paragraph("Document note", self.words.terms(note))
        return writer


def build_plan_document(content: PlanContent, info: DocumentInfo,
                        options: ExportOptions | None = None, lang: str = "en",
                        template: Path | str | None = None) -> DocWriter:
    """The document for ``content``, ready to save."""
    return _PlanWriter(content, info, options or ExportOptions(), MeetingTerms(lang),
                       template).write()


@contextmanager
def printed_state(session: Session, plan_id: str, draft: str | None) -> Iterator[Session]:
    """The session to read the plan from: the store, or the named draft as it was marked."""
    if draft is None:
        yield session
        return
    from cmsdesk.models.draft_state import state_at

    with state_at(session, find_draft(session, plan_id, draft)) as past:
        yield past


def plan_document(session: Session, plan_id: str, *, companion: bool = True,
                  frameworks: tuple[str, ...] | list[str] = DEFAULT_FRAMEWORKS,
                  issued: Date | None = None, options: ExportOptions | None = None,
                  draft: str | None = None, template: Path | str | None = None,
                  lang: str | None = None,
                  mark_unverified: bool = True) -> tuple[DocWriter, PlanContent]:
    """The plan's document (not yet saved) and the content it prints: what
    :func:`export_plan_docx` writes, and what a consultation copy marks up first. ``lang``
    is the document's language (default: the plan's original); ``mark_unverified`` marks the
    option labels' proposers this installation cannot vouch for (not in a consultation copy,
    whose reply is compared with the text as printed)."""
    options = options or ExportOptions(companion=companion, frameworks=tuple(frameworks))
    info = document_info(session, plan_id, draft, issued)
    with printed_state(session, plan_id, draft) as state:
        content = plan_content(state, plan_id, companion=options.companion,
                               frameworks=options.frameworks, correspondence=options.annexes,
                               lang=lang)
    # Who this installation cannot vouch for is local knowledge: marked, never in the text.
    if mark_unverified:
        content.unverified = unverified_parties(session, plan_id)
        content.recorded = recorded_parties(session, plan_id)
    # What the draft does not say itself, the plan said when the draft was marked (its title
    # in the document's language).
    meta = info.meta.in_language(content.lang)
    info = replace(info, meta=meta, symbol=info.symbol or content.symbol,
                   title=meta.title or content.title)
    return build_plan_document(content, info, options, content.lang, template), content


def export_plan_docx(session: Session, plan_id: str, path: Path | str, *,
                     companion: bool = True,
                     frameworks: tuple[str, ...] | list[str] = DEFAULT_FRAMEWORKS,
                     issued: Date | None = None, options: ExportOptions | None = None,
                     draft: str | None = None, template: Path | str | None = None,
                     lang: str | None = None, fallbacks: Fallbacks | None = None) -> Path:
    """Write the plan (or the named draft ``draft`` as it was) to ``path`` as a Word
    document, atomically; a WriteError, TemplateError or NotFoundError says why not.

    ``lang`` is the document's language (default: the plan's original); ``fallbacks``, if
    given, learns how many texts stood in the original for want of a translation."""
    writer, content = plan_document(session, plan_id, companion=companion,
                                    frameworks=frameworks, issued=issued, options=options,
                                    draft=draft, template=template, lang=lang)
    if fallbacks is not None:
        fallbacks.note(content.lang, content.original, content.fallbacks)
    return writer.save(path)
