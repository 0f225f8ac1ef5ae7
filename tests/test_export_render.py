"""The Word files as an office suite renders them: LibreOffice converts the draft plan and a
compilation to PDF headless; the page count and the text are checked with poppler.

Skipped only when LibreOffice (soffice) or poppler (pdfinfo, pdftotext) is not installed; CI
installs libreoffice-writer-nogui and poppler-utils.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import open_store
from export_support import copy_changes, field, node

from cmsdesk.export.docx_compilation import export_compilation_docx
from cmsdesk.export.docx_plan import export_plan_docx
from cmsdesk.export.options import ExportOptions
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.draft_meta import DocumentMeta
from cmsdesk.models.drafts import mark_draft
from cmsdesk.models.store import Store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not all(shutil.which(t) for t in ("soffice", "pdfinfo", "pdftotext")),
                       reason="LibreOffice (soffice) and poppler-utils (pdfinfo, pdftotext) "
                       "are needed to render Word files; CI installs them"),
]


def to_pdf(docx_file: Path, work: Path) -> tuple[int, str]:
    """Convert with a private LibreOffice profile; return (page count, text)."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work / 'lo-profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(work),
                    str(docx_file)], check=True, capture_output=True, timeout=180)
    pdf = work / f"{docx_file.stem}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return pages, text


def test_the_plan_renders_with_its_title_page_numbers_and_annex(
        plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = plan_store
    with store.session() as s:
        out = export_plan_docx(s, plan_id, tmp_path / "plan.docx", issued=date(2014, 7, 25))
    pages, text = to_pdf(out, tmp_path)
    assert 10 <= pages <= 25
    flat = " ".join(text.split())
    for expected in ("UNEP/CMS/COP11/Doc.15.2", "Distribution: General", "25 July 2014",
                     "Original: English", "CONVENTION ON MIGRATORY SPECIES", "Contents",
                     "Goal 1: Underlying causes of decline",
                     "Target 16: Resource mobilisation", "[Where feasible,]",
                     "Annex A: Correspondence with the Aichi Biodiversity Targets",
                     "Aichi 20: Financial resources mobilised (primary)"):
        assert expected in flat
    # The footer numbers every page: pdftotext ends each page with a form feed.
    page_texts = text.split("\f")[:pages]
    assert [p.split()[-1] for p in page_texts] == [str(i) for i in range(1, pages + 1)]
    assert all(p.split()[0] == "UNEP/CMS/COP11/Doc.15.2" for p in page_texts)  # the header
    # Without the Companion Volume the document is shorter.
    with store.session() as s:
        short = export_plan_docx(s, plan_id, tmp_path / "short.docx", companion=False)
    short_pages, short_text = to_pdf(short, tmp_path)
    assert short_pages < pages and "Indicator 1: Migratory Species Index" not in short_text


def test_the_negotiation_text_renders_as_a_meeting_document(
        plan_store: tuple[Store, str], tmp_path: Path) -> None:
    """The symbol heads every page, pages are numbered, the first page carries the meeting's
    blocks, chapters and annexes come in outline order, every target's label opens its own
    paragraph, and the compact correspondence table is there. Two pages are kept as PNG
    when CMSDESK_SCREENSHOTS names a folder (docs/screenshots)."""
    store, plan_id = plan_store
    PlanEditor(store, plan_id).add_node(None, "correspondence", title="")
    PlanEditor(store, plan_id).add_node(None, "annex", title="Glossary",
                                        text="Range State: a State that exercises jurisdiction.")
    mark_draft(store, plan_id, "Consultation draft 2", "UNEP/CMS/COP11/Doc.15.2", "2014-08-15",
               DocumentMeta().updated(
                   meeting="Meeting of the Conference of the Parties", meeting_number="11",
                   meeting_place="Quito, Ecuador", meeting_dates="4-9 November 2014",
                   agenda_item="15.2", deadline="2014-09-30", comments_to="cms@cms.int",
                   prepared_by="the Chair of the Strategic Plan Working Group",
                   languages="en fr es"))
    PlanEditor(store, plan_id).set_field(node(store, plan_id, "T7"), "text", "Later text.")
    with store.session() as s:
        out = export_plan_docx(s, plan_id, tmp_path / "negotiation.docx",
                               draft="Consultation draft 2",
                               options=ExportOptions.preset("negotiation"))
    pages, text = to_pdf(out, tmp_path)
    page_texts = text.split("\f")[:pages]
    assert 3 <= pages <= 9
    assert all(p.split()[0] == "UNEP/CMS/COP11/Doc.15.2" for p in page_texts)
    assert [p.split()[-1] for p in page_texts] == [str(i) for i in range(1, pages + 1)]
    flat = " ".join(text.split())
    for expected in ("Distribution: General", "15 August 2014", "Original: English",
                     "11th MEETING OF THE CONFERENCE OF THE PARTIES",
                     "Quito, Ecuador, 4-9 November 2014", "Agenda Item 15.2",
                     "STRATEGIC PLAN FOR MIGRATORY SPECIES 2015-2023",
                     "(Prepared by the Chair of the Strategic Plan Working Group)",
                     "invited by 30 September 2014"):
        assert expected in flat, expected
    assert "Contents" not in flat and "Later text." not in flat
    order = ["I. Strategic Plan for Migratory Species", "1. The strategic Plan", "A. Rationale",
             "2. Migratory species connect", "D. Goals and targets",
             "Goal 1: Underlying causes", "Target 1: By 2020", "Target 16:",
             "E. Enabling conditions", "II. Companion Volume on Implementation",
             "Annex A: Correspondence with the Aichi Biodiversity Targets", "Annex B: Glossary"]
    positions = [flat.index(item) for item in order]
    assert positions == sorted(positions)
    lines = [line.strip() for line in text.splitlines()]
    for number in range(1, 17):  # each label opens a paragraph of its own
        assert any(line.startswith(f"Target {number}: ") for line in lines), number
    table = flat[flat.index("Annex A:"):flat.index("Annex B:")]
    assert "Target Aichi Biodiversity Targets" in table
    assert re.search(r"\b7 8, 9, 10\b", table) and re.search(r"\b16 20\b", table)
    keep = os.environ.get("CMSDESK_SCREENSHOTS")
    if keep:
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1",
                        str(tmp_path / "negotiation.pdf"), f"{keep}/negotiation-first-page"],
                       check=True)
        annex = next(i for i, p in enumerate(page_texts, 1) if "Annex A:" in p)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(annex), "-l", str(annex),
                        str(tmp_path / "negotiation.pdf"), f"{keep}/negotiation-annex"],
                       check=True)


def test_the_compilation_renders_with_attributed_proposals(
        plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = plan_store
    brazil = open_store(tmp_path / "brazil.db", "João Silva", "Brazil",
                        "Central and South America and the Caribbean")
    try:
        copy_changes(store, brazil)
        text = field(store, plan_id, "T1", "text")
        PlanEditor(brazil, plan_id).set_field(node(store, plan_id, "T1"), "text",
                                              text.replace("periodic surveys", "yearly surveys"))
        PlanEditor(brazil, plan_id).add_comment(node(store, plan_id, "T2"), "Too vague.")
        copy_changes(brazil, store)
    finally:
        brazil.close()
    with store.session() as s:
        out = export_compilation_docx(s, plan_id, tmp_path / "compilation.docx")
    pages, text = to_pdf(out, tmp_path)
    flat = " ".join(text.split())
    assert pages >= 3
    assert "COMPILATION OF COMMENTS AND PROPOSALS RECEIVED" in flat and "UNEP/CMS/COP11/Doc.15.2/Add.1" in flat
    assert "Proposed by Brazil (Central and South America and the Caribbean), by João Silva" in flat
    assert "tracked through periodic yearly surveys" in flat  # deleted word struck, not dropped
    assert "Too vague." in flat and "No proposals received." in flat
