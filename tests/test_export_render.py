"""The Word files as an office suite renders them: LibreOffice converts the draft plan and a
compilation to PDF headless; the page count and the text are checked with poppler.

Skipped only when LibreOffice (soffice) or poppler (pdfinfo, pdftotext) is not installed; CI
installs libreoffice-writer-nogui and poppler-utils.
"""

from __future__ import annotations

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
from cmsdesk.models.commands import PlanEditor
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
    for expected in ("UNEP/CMS/COP11/Doc.15.2", "Distr.: General", "25 July 2014",
                     "Original: English", "CONVENTION ON MIGRATORY SPECIES", "Contents",
                     "Goal 1: Underlying causes of decline",
                     "Target 16: Resource mobilisation", "[Where feasible,]",
                     "Annex: Correspondence with the Aichi Biodiversity Targets",
                     "Aichi 20: Financial resources mobilised (primary)"):
        assert expected in flat
    # The footer numbers every page: pdftotext ends each page with a form feed.
    page_texts = text.split("\f")[:pages]
    assert [p.split()[-1] for p in page_texts] == [str(i) for i in range(1, pages + 1)]
    # Without the Companion Volume the document is shorter.
    with store.session() as s:
        short = export_plan_docx(s, plan_id, tmp_path / "short.docx", companion=False)
    short_pages, short_text = to_pdf(short, tmp_path)
    assert short_pages < pages and "Indicator 1: Migratory Species Index" not in short_text


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
    assert "Compilation of comments and proposals received" in flat
    assert "Proposed by Brazil (Central and South America and the Caribbean), by João Silva" in flat
    assert "tracked through periodic yearly surveys" in flat  # deleted word struck, not dropped
    assert "Too vague." in flat and "No proposals received." in flat
