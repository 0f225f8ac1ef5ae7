"""What every Word document cmsdesk writes shares: page, styles, fields, styled runs, saving.

Documents use Word's built-in styles (Title, Heading 1-9, List Bullet, List Number, Table
Grid...) plus a few named ones of our own ("Bracketed text", "Inserted text", "Document
symbol"...), so that a Secretariat can restyle the whole document from the Styles pane instead
of fighting direct formatting. python-docx is imported here and only when a document is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmsdesk.atomic import write_atomic
from cmsdesk.export.markdown_blocks import Run
from cmsdesk.export.wording import RECORDED_MARK, SpanKind, classify, mark_unverified

if TYPE_CHECKING:
    from docx.blkcntnr import BlockItemContainer
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run as DocxRun

BRACKET_STYLE = "Bracketed text"
OPTION_STYLE = "Option label"
INSERTED_STYLE = "Inserted text"
DELETED_STYLE = "Deleted text"
SPAN_STYLES: dict[SpanKind, str | None] = {"plain": None, "bracket": BRACKET_STYLE,
                                           "option": OPTION_STYLE}
CODE_FONT = "Courier New"
# Characters XML 1.0 cannot hold (text pasted from elsewhere can carry them). A vertical tab is
# what Word itself writes for a manual line break in plain text.
_NOT_XML = re.compile("[\x00-\x08\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` as a Word file can hold it: line breaks kept, other control characters dropped."""
    return _NOT_XML.sub("", text.replace("\x0b", "\n"))
TOC_LEVELS = 3


def new_document(title: str, subject: str, template: Path | str | None = None) -> DocWriter:
    """An empty document with cmsdesk's styles and settings that make Word refresh the table
    of contents when the file is opened.

    Without ``template``: A4 with 2.5 cm margins and cmsdesk's look. With a Word template
    (.dotx, or a .docx used as one): its styles, page size and margins, its body emptied; the
    styles cmsdesk needs that it lacks are added, those it has are left as the house made them.
    A file that is not a Word document raises :class:`TemplateError`.
    """
    import docx
    from docx.shared import Cm

    if template is None:
        doc = docx.Document()
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        _set_look(doc)
    else:
        doc = _from_template(Path(template))
    _define_styles(doc)
    _ask_to_update_fields(doc)
    props = doc.core_properties
    props.title, props.subject, props.author, props.comments = title, subject, "cmsdesk", ""
    props.last_modified_by, props.keywords, props.category = "cmsdesk", "", ""
    return DocWriter(doc)


class TemplateError(ValueError):
    """A --template that is not a Word template; the message says what to give instead."""


_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _from_template(path: Path) -> Document:
    """The template's styles, numbering, page size and margins, with an empty body.

    Word saves a template (.dotx) with a content type python-docx refuses; it is read as the
    document it otherwise is.
    """
    import io
    import zipfile

    import docx

    refusal = (f"{path} is not a Word template: give a .dotx (or .docx) file saved by Word "
               "or LibreOffice")
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise TemplateError(refusal)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
                for name in names:
                    data = z.read(name)
                    if name == "[Content_Types].xml":
                        data = data.replace(_TEMPLATE_TYPE.encode(), _DOCUMENT_TYPE.encode())
                    out.writestr(name, data)
        doc = docx.Document(io.BytesIO(buffer.getvalue()))
    except FileNotFoundError:
        raise TemplateError(f"there is no template {path}") from None
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        if isinstance(exc, TemplateError):
            raise
        raise TemplateError(refusal) from None
    except OSError as exc:
        raise TemplateError(f"cannot read the template {path}: {exc.strerror}") from None
    body = doc.element.body
    for child in list(body):
        if child is not body.sectPr:
            body.remove(child)
    _add_missing_styles(doc)
    section = doc.sections[0]
    for part in (section.header, section.footer):
        part.is_linked_to_previous = True  # the frame is cmsdesk's: the symbol, the page number
    return doc


# Elements that follow <w:updateFields> in <w:settings> (ECMA-376 order, which Word enforces).
_AFTER_UPDATE_FIELDS = {"hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
                        "rsids", "mathPr", "attachedSchema", "themeFontLang",
                        "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions",
                        "readModeInkLockDown", "smartTagType", "schemaLibrary",
                        "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                        "listSeparator"}


def _ask_to_update_fields(doc: Document) -> None:
    """Make Word offer to update the fields (the table of contents) when the file opens."""
    from lxml import etree

    settings = doc.settings.element
    update = _element("w:updateFields", {"w:val": "true"})
    for child in settings:
        if etree.QName(child).localname in _AFTER_UPDATE_FIELDS:
            child.addprevious(update)
            return
    settings.append(update)


def _add_missing_styles(doc: Document) -> None:
    """Give a template the built-in styles it lacks (Word saves only the styles a file uses),
    with the list numbering they need, so that every paragraph still gets a built-in style."""
    import copy

    import docx

    default = docx.Document()
    have = {style.style_id for style in doc.styles}
    numbering = doc.part.numbering_part.element
    default_numbering = default.part.numbering_part.element
    renumbered: dict[int, int] = {}
    for style in default.styles:
        if style.style_id in have:
            continue
        element = copy.deepcopy(style.element)
        num_pr = element.pPr.numPr if element.pPr is not None else None
        if num_pr is not None and num_pr.numId is not None:
            old = int(num_pr.numId.val)
            if old not in renumbered:
                source = default_numbering.num_having_numId(old)
                abstract = copy.deepcopy(next(
                    a for a in default_numbering.findall(_qn("w:abstractNum"))
                    if a.get(_qn("w:abstractNumId")) == str(source.abstractNumId.val)))
                new_abstract = 1 + max((int(a.get(_qn("w:abstractNumId")))
                                        for a in numbering.findall(_qn("w:abstractNum"))),
                                       default=-1)
                abstract.set(_qn("w:abstractNumId"), str(new_abstract))
                first_num = numbering.find(_qn("w:num"))
                if first_num is not None:
                    first_num.addprevious(abstract)  # abstract numberings come first
                else:
                    numbering.append(abstract)
                renumbered[old] = int(numbering.add_num(new_abstract).numId)
            num_pr.numId.val = renumbered[old]
        doc.styles.element.append(element)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _set_look(doc: Document) -> None:
    """cmsdesk's own look of the built-in styles (a template brings its own instead)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    styles["Normal"].font.size = Pt(11)
    title = styles["Title"]
    title.font.size = Pt(16)
    title.font.bold = True
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(18)
    title.paragraph_format.space_after = Pt(12)
    for i in range(1, 10):
        heading = styles[f"Heading {i}"]
        heading.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        heading.font.italic = False


def _define_styles(doc: Document) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    styles = doc.styles
    right, centre = WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.CENTER
    # (name, based on, font settings, paragraph settings)
    paragraph_styles: list[tuple[str, str, dict[str, object], dict[str, object]]] = [
        ("Distribution block", "Normal", {}, {"alignment": right, "space_after": Pt(0)}),
        ("Document symbol", "Distribution block", {"bold": True, "size": Pt(12)},
         {"space_after": Pt(0)}),
        ("Convention name", "Normal", {"bold": True, "all_caps": True, "size": Pt(13)},
         {"space_after": Pt(0)}),
        ("Meeting block", "Normal", {"bold": True},
         {"alignment": centre, "space_after": Pt(0), "keep_with_next": True}),
        ("Prepared by", "Normal", {"italic": True}, {"alignment": centre,
                                                       "space_after": Pt(12)}),
        ("Consultation note", "Normal", {"italic": True, "size": Pt(10)},
         {"space_before": Pt(6), "space_after": Pt(12)}),
        ("Document note", "Normal", {"italic": True, "size": Pt(10)}, {}),
        ("Field label", "Normal", {"bold": True},
         {"keep_with_next": True, "space_before": Pt(6), "space_after": Pt(2)}),
        ("Attribution", "Normal", {"italic": True},
         {"keep_with_next": True, "space_before": Pt(8), "space_after": Pt(2)}),
        ("Proposal", "Normal", {}, {"space_after": Pt(2)}),
    ] + [(f"toc {level}", "Normal", {"bold": level == 1},
          {"left_indent": Cm(0.6 * (level - 1)), "space_after": Pt(4 if level == 1 else 2)})
         for level in range(1, TOC_LEVELS + 1)]
    # (name, based on, font settings)
    character_styles: list[tuple[str, str, dict[str, object]]] = [
        (BRACKET_STYLE, "Default Paragraph Font", {"color.rgb": RGBColor(0x9C, 0x00, 0x06)}),
        (OPTION_STYLE, BRACKET_STYLE, {"bold": True}),
        (INSERTED_STYLE, "Default Paragraph Font",
         {"underline": True, "color.rgb": RGBColor(0x00, 0x4E, 0xA8)}),
        (DELETED_STYLE, "Default Paragraph Font",
         {"strike": True, "color.rgb": RGBColor(0xC0, 0x00, 0x00)}),
    ]
    have = {style.name for style in styles}
    for name, base, font, paragraph in paragraph_styles:
        if name in have:
            continue  # a template's own
        style = _add_style(styles, name, WD_STYLE_TYPE.PARAGRAPH, base, font)
        for attr, value in paragraph.items():
            setattr(style.paragraph_format, attr, value)
    for name, base, font in character_styles:
        if name not in have:
            _add_style(styles, name, WD_STYLE_TYPE.CHARACTER, base, font)
    if BRACKET_STYLE not in have:
        # Bracketed text on a grey background: shading, which Word and LibreOffice both
        # honour in a style (a highlight in a style is lost in LibreOffice).
        styles[BRACKET_STYLE].element.get_or_add_rPr().append(
            _element("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": "E8E8E8"}))


def _add_style(styles: Any, name: str, kind: Any, base: str, font: dict[str, object]) -> Any:
    style = styles.add_style(name, kind)
    style.base_style = styles[base]
    style.quick_style = True
    for attr, value in font.items():
        target = style.font
        *path, last = attr.split(".")
        for step in path:
            target = getattr(target, step)
        setattr(target, last, value)
    return style


# -- low-level XML helpers ---------------------------------------------------------------


def _element(tag: str, attrs: dict[str, str] | None = None) -> BaseOxmlElement:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for name, value in (attrs or {}).items():
        el.set(qn(name), value)
    return el


def _field_runs(instruction: str, cached: str) -> list[BaseOxmlElement]:
    """The runs of a complex field: begin, instruction, separate, cached result, end."""
    runs = []
    for part in ("begin", "instr", "separate", "result", "end"):
        run = _element("w:r")
        if part == "instr":
            text = _element("w:instrText", {"xml:space": "preserve"})
            text.text = f" {instruction} "
            run.append(text)
        elif part == "result":
            if not cached:
                continue
            text = _element("w:t", {"xml:space": "preserve"})
            text.text = cached
            run.append(text)
        else:
            run.append(_element("w:fldChar", {"w:fldCharType": part}))
        runs.append(run)
    return runs


def add_field(paragraph: Paragraph, instruction: str, cached: str = "") -> None:
    """A field Word and LibreOffice compute (PAGE, NUMPAGES...), showing ``cached`` until then."""
    for run in _field_runs(instruction, cached):
        paragraph._p.append(run)


def add_bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """Wrap the paragraph's content in a bookmark (what a table of contents entry links to)."""
    start = _element("w:bookmarkStart", {"w:id": str(number), "w:name": name})
    end = _element("w:bookmarkEnd", {"w:id": str(number)})
    ppr = paragraph._p.pPr
    paragraph._p.insert(1 if ppr is not None else 0, start)
    paragraph._p.append(end)


def add_toc(writer: DocWriter, entries: Iterable[tuple[int, str, str]]) -> None:
    """A real TOC field over Heading 1-3, pre-filled with one linked line per heading.

    Word recomputes it (with page numbers) when the file opens, because the settings ask it
    to; LibreOffice shows the pre-filled lines until Tools > Update > Update All. ``entries``
    are (level, text, bookmark name) of the headings.
    """
    lines = [e for e in entries if e[0] <= TOC_LEVELS]
    instruction = f'TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u'
    if not lines:
        paragraph = writer.paragraph("toc 1")
        add_field(paragraph, instruction, "Update this field to list the headings.")
        return
    begin, instr, separate, *_rest, end = _field_runs(instruction, "")
    for index, (level, text, bookmark) in enumerate(lines):
        paragraph = writer.paragraph(f"toc {level}")
        if index == 0:
            paragraph._p.extend([begin, instr, separate])
        link = _element("w:hyperlink", {"w:anchor": bookmark, "w:history": "1"})
        run = _element("w:r")
        text_el = _element("w:t", {"xml:space": "preserve"})
        text_el.text = xml_text(text)
        run.append(text_el)
        link.append(run)
        paragraph._p.append(link)
        if index == len(lines) - 1:
            paragraph._p.append(end)


def mark_header_row(row: object) -> None:
    """Repeat a table row at the top of every page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(_element("w:tblHeader", {"w:val": "true"}))


# -- writing ------------------------------------------------------------------------------


@dataclass
class FieldRange:
    """Where one field of a node was written: the body elements (paragraphs, tables) between
    two points of the document. :mod:`cmsdesk.export.for_comments` marks them so that a copy
    sent out for comments finds its way back. ``lead`` is text printed before the field's own
    in its first paragraph (a negotiation text's bold "Target 7:")."""

    node: str
    name: str
    elements: list[BaseOxmlElement] = field(default_factory=list)
    after: BaseOxmlElement | None = None  # the element just before the range (None: start)
    lead: str = ""


class DocWriter:
    """A document being written: paragraphs and runs in named styles, brackets styled, lists
    numbered.

    python-docx finds a style by name by scanning every style of the document each time one is
    applied (about a millisecond); a plan has hundreds of paragraphs, so the writer resolves
    each name to its id once and sets the id directly.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._ids = {style.name: style.style_id for style in doc.styles}
        self._numbering = doc.part.numbering_part.element
        self._body = doc.element.body
        self._end = self._body.sectPr  # the body's last element; paragraphs go before it
        self.fields: list[FieldRange] = []  # every field written, in document order
        # proposers not verified here, marked in option labels; how many marks were written
        self.unverified: frozenset[str] = frozenset()
        self.unverified_marks = 0
        self.recorded: frozenset[str] = frozenset()  # Parties whose wording was recorded
        self.recorded_marks = 0

    @contextmanager
    def field(self, node: str, name: str, lead: str = "") -> Iterator[None]:
        """Note which body elements the block writes for field ``name`` of ``node``."""
        after = self._end.getprevious() if self._end is not None else (
            self._body[-1] if len(self._body) else None)
        yield
        elements = []
        current = after.getnext() if after is not None else (
            self._body[0] if len(self._body) else None)
        while current is not None and current is not self._end:
            elements.append(current)
            current = current.getnext()
        self.fields.append(FieldRange(node, name, elements, after, lead))

    def paragraph(self, style: str = "Normal", text: str = "",
                  container: BlockItemContainer | None = None) -> Paragraph:
        """A new paragraph at the end of the document (or of ``container``, a table cell).

        python-docx's ``add_paragraph`` looks for the section properties, the body's last
        element, from the first element on, for every paragraph: writing a plan of 1,000
        nodes took seconds. The body's paragraphs go straight before them instead.
        """
        if container is None:
            from docx.text.paragraph import Paragraph as DocxParagraph

            p = self._body._new_p()
            if self._end is None:
                self._body.append(p)
            else:
                self._end.addprevious(p)
            paragraph = DocxParagraph(p, self.doc._body)
        else:
            paragraph = container.add_paragraph()
        if style != "Normal":
            paragraph._p.style = self._ids[style]
        if text:
            self.run(paragraph, text)
        return paragraph

    @contextmanager
    def inserting_before(self, placeholder: Paragraph) -> Iterator[None]:
        """Write the block's paragraphs where ``placeholder`` stands (then drop it): a table
        of contents is written once the headings it lists are known."""
        end = self._end
        self._end = placeholder._p
        try:
            yield
        finally:
            self._end = end
            placeholder._p.getparent().remove(placeholder._p)

    def style(self, paragraph: Paragraph, style: str) -> Paragraph:
        """Give an existing paragraph (the first one of a table cell, say) a style."""
        paragraph._p.style = self._ids[style]
        return paragraph

    def run(self, paragraph: Paragraph, text: str, style: str | None = None) -> DocxRun:
        run = paragraph.add_run(xml_text(text))
        if style:
            run._r.style = self._ids[style]
        return run

    def runs(self, paragraph: Paragraph, runs: list[Run], style: str | None = None) -> None:
        """Add ``runs`` with their bold/italic/code, [bracketed] passages and option labels
        styled.

        Brackets are found in the paragraph's whole text, so a bracket opened in one run and
        closed in a later, bold one is still one bracketed passage. ``style`` (a character
        style) applies to the text outside brackets.
        """
        text = "".join(r.text for r in runs)
        spans = classify(text)
        start = 0
        for run in runs:
            end = start + len(run.text)
            for span in spans:
                lo, hi = max(start, span.start), min(end, span.end)
                if lo >= hi:
                    continue
                shown = text[lo:hi]
                if span.kind == "option" and self.unverified:
                    shown, marks = mark_unverified(shown, self.unverified)
                    self.unverified_marks += marks
                if span.kind == "option" and self.recorded:
                    shown, marks = mark_unverified(shown, self.recorded, RECORDED_MARK)
                    self.recorded_marks += marks
                piece = self.run(paragraph, shown, SPAN_STYLES[span.kind] or style)
                if run.bold:
                    piece.bold = True
                if run.italic:
                    piece.italic = True
                if run.code:
                    piece.font.name = CODE_FONT
            start = end

    def text(self, paragraph: Paragraph, text: str, style: str | None = None) -> Paragraph:
        """Plain text (no Markdown) with its brackets styled: headings, titles, table cells."""
        self.runs(paragraph, [Run(text)], style)
        return paragraph

    def new_list(self, style: str, start: int = 1) -> int:
        """A numbering instance for one new list in a "List Number" style, counting from
        ``start``.

        Every paragraph in a numbered list style shares one numbering in Word, so two separate
        lists would count on from each other; each list gets its own instance of the style's
        definition instead, restarted.
        """
        style_num = self.doc.styles[style].element.pPr.numPr.numId.val
        abstract = self._numbering.num_having_numId(style_num).abstractNumId.val
        num = self._numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return int(num.numId)

    @staticmethod
    def number(paragraph: Paragraph, num_id: int) -> None:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id

    def save(self, path: Path | str) -> Path:
        """Write the document atomically (see :func:`cmsdesk.atomic.write_atomic`)."""
        return write_atomic(path, self.doc.save)
