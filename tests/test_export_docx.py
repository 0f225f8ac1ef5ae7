"""The draft plan as Word: structure checks on the document's XML (first-page block, headings in
outline order with their numbers, table of contents field, footer page number, annex rows,
bracketed text and options styled, Markdown turned into Word formatting) and its speed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from conftest import open_store
from export_support import NS, W, copy_changes, field, node, paragraphs, part, runs_with_style, tree
from lxml import etree

from cmsdesk.export.docx_plan import export_plan_docx
from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.queries import NotFoundError
from cmsdesk.models.store import Store

ISSUED = date(2014, 7, 25)


def _export(store: Store, plan_id: str, out: Path, **options: object) -> Path:
    with store.session() as s:
        return export_plan_docx(s, plan_id, out, issued=ISSUED, **options)  # type: ignore[arg-type]


@pytest.fixture
def starter_docx(plan_store: tuple[Store, str], tmp_path: Path) -> tuple[Store, str, Path]:
    store, plan_id = plan_store
    return store, plan_id, _export(store, plan_id, tmp_path / "plan.docx")


def test_first_page_has_symbol_distribution_title_and_contents(
        starter_docx: tuple[Store, str, Path]) -> None:
    _store, _plan, out = starter_docx
    doc = docx.Document(str(out))
    left, right = doc.tables[0].rows[0].cells  # the distribution block, as CMS lays it out
    assert [(p.style.name, p.text) for p in left.paragraphs] == [
        ("Convention name", "Convention on Migratory Species")]
    assert [(p.style.name, p.text) for p in right.paragraphs] == [
        ("Distribution block", "Distribution: General"),
        ("Document symbol", "UNEP/CMS/COP11/Doc.15.2"),
        ("Distribution block", "25 July 2014"),
        ("Distribution block", "Original: English"),
    ]
    first = [(p.style.name, p.text) for p in doc.paragraphs[:4]]
    assert first[0] == ("Title", "STRATEGIC PLAN FOR MIGRATORY SPECIES 2015-2023")
    assert ("TOC Heading", "Contents") in first
    assert round(doc.sections[0].page_width.cm, 1) == 21.0  # A4
    assert doc.core_properties.title == "Strategic Plan for Migratory Species 2015-2023"


def test_headings_follow_the_outline_with_their_numbers(
        starter_docx: tuple[Store, str, Path]) -> None:
    store, plan_id, out = starter_docx
    with store.session() as s:
        entries = queries.outline(s, plan_id)
    doc = docx.Document(str(out))
    headings = [(p.style.name, p.text) for p in doc.paragraphs
                if p.style.name.startswith("Heading")]
    numbers = {"Strategic Plan for Migratory Species 2015-2023": "I",
               "Companion Volume on Implementation": "II"}
    counts: dict[str | None, int] = {}
    expected = []
    for e in entries:
        title = e.heading()
        if e.depth == 0:
            title = f"{numbers[e.title]}. {title}"
        elif e.kind == "chapter":  # chapters lettered within their part
            counts[e.parent_id] = counts.get(e.parent_id, 0) + 1
            title = f"{'ABCDEFGHIJ'[counts[e.parent_id] - 1]}. {title}"
        expected.append((f"Heading {e.depth + 1}", title))
    expected.append(("Heading 1", "Annex A: Correspondence with the Aichi Biodiversity Targets"))
    assert headings == expected
    assert ("Heading 2", "E. Enabling conditions") in headings
    texts = [t for _s, t in headings]
    assert "Goal 1: Underlying causes of decline" in texts
    assert [t.split(":")[0] for t in texts if t.startswith("Target")] == [
        f"Target {i}" for i in range(1, 17)]
    assert "Indicator 6: Resources for migratory species" in texts
    # Explanatory notes, indicators, milestones and actors under every target.
    labels = [p.text for p in doc.paragraphs if p.style.name == "Field label"]
    assert labels.count("Explanatory note") == 16 and labels.count("Milestones") == 16
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert "Trends in public awareness of migratory species and their values" in bullets


def test_table_of_contents_is_a_real_field_linked_to_the_headings(
        starter_docx: tuple[Store, str, Path]) -> None:
    _store, _plan, out = starter_docx
    root = tree(out)
    instructions = [t.text for t in root.iter(f"{{{W}}}instrText")]
    assert any('TOC \\o "1-3" \\h \\z \\u' in i for i in instructions)
    kinds = [f.get(f"{{{W}}}fldCharType") for f in root.iter(f"{{{W}}}fldChar")]
    assert kinds == ["begin", "separate", "end"]
    anchors = [h.get(f"{{{W}}}anchor") for h in root.iter(f"{{{W}}}hyperlink")]
    marks = {b.get(f"{{{W}}}name") for b in root.iter(f"{{{W}}}bookmarkStart")}
    toc_lines = [t for s, t in paragraphs(root) if s.startswith("toc")]
    assert len(anchors) == len(toc_lines) and set(anchors) <= marks
    assert toc_lines[0] == "I. Strategic Plan for Migratory Species 2015-2023"
    assert "Goal 5: Implementation and capacity" in toc_lines
    assert not any(t.startswith("Target") for t in toc_lines)  # Heading 4 is below the TOC
    assert toc_lines[-1].startswith("Annex")
    settings = etree.fromstring(part(out, "word/settings.xml"))
    assert settings.find("w:updateFields", NS).get(f"{{{W}}}val") == "true"


def test_footer_holds_a_page_number_field(starter_docx: tuple[Store, str, Path]) -> None:
    _store, _plan, out = starter_docx
    footer = etree.fromstring(part(out, "word/footer1.xml"))
    assert [t.text.strip() for t in footer.iter(f"{{{W}}}instrText")] == ["PAGE"]


def test_annex_has_one_row_per_target_with_relevance(starter_docx: tuple[Store, str, Path],
                                                      tmp_path: Path) -> None:
    store, plan_id, out = starter_docx
    table = docx.Document(str(out)).tables[-1]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Target of this Plan", "Aichi Biodiversity Targets"]
    with store.session() as s:
        targets = [e.heading() for e in queries.outline(s, plan_id) if e.kind == "target"]
    assert [r[0] for r in rows[1:]] == targets
    assert rows[1][1] == "Aichi 1: Awareness of biodiversity values (primary)"
    assert "Aichi 17: Updated NBSAPs implemented (supporting)" in rows[2][1]
    bold = [r.text for r in table.rows[1].cells[1].paragraphs[0].runs if r.bold]
    assert bold == ["Aichi 1"]  # primary links stand out
    # A target with no link says so rather than leaving a blank.
    PlanEditor(store, plan_id).remove_xref(node(store, plan_id, "T4"), "aichi", "3")
    again = docx.Document(str(_export(store, plan_id, tmp_path / "again.docx"))).tables[-1]
    assert again.rows[4].cells[1].text == "\u2014 (no corresponding target)"


def test_companion_volume_and_frameworks_are_options(plan_store: tuple[Store, str],
                                                     tmp_path: Path) -> None:
    store, plan_id = plan_store
    out = _export(store, plan_id, tmp_path / "short.docx", companion=False,
                  frameworks=["aichi", "kmgbf"])
    doc = docx.Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert not any("Companion Volume" in h for h in headings)
    assert not any(h.startswith("Indicator") for h in headings)
    assert "E. Enabling conditions" in headings
    assert [h for h in headings if h.startswith("Annex")] == [
        "Annex A: Correspondence with the reference frameworks"]
    assert headings[-2:] == ["Aichi Biodiversity Targets",
                             "Kunming-Montreal Global Biodiversity Framework"]
    annex_tables = doc.tables[1:]  # after the first page's distribution block
    assert len(annex_tables) == 2 and all(len(t.rows) == 17 for t in annex_tables)
    with store.session() as s, pytest.raises(NotFoundError, match="no framework 'sdg'"):
        export_plan_docx(s, plan_id, tmp_path / "x.docx", frameworks=["sdg"])
    assert not (tmp_path / "x.docx").exists()


def test_brackets_are_kept_verbatim_and_styled(starter_docx: tuple[Store, str, Path]) -> None:
    _store, _plan, out = starter_docx
    root = tree(out)
    texts = [t for _s, t in paragraphs(root)]
    assert any("range. [Where feasible,] the transboundary" in t for t in texts)
    bracketed = runs_with_style(root, "Bracketedtext")
    assert "[Where feasible,]" in bracketed and "[substantially reduced]" in bracketed
    doc = docx.Document(str(out))
    style = doc.styles["Bracketed text"]
    assert style.type == docx.enum.style.WD_STYLE_TYPE.CHARACTER
    assert style.font.color.rgb is not None
    assert style.element.find("w:rPr/w:shd", NS) is not None
    note = [p.text for p in doc.paragraphs if p.style.name == "Document note"]
    assert note and note[0].startswith("Text in [square brackets] is not yet agreed")


def test_an_unresolved_conflict_shows_its_options_and_proposers(
        plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = plan_store
    kenya = open_store(tmp_path / "kenya.db", "Jane Wambui", "Kenya", "Africa")
    try:
        copy_changes(store, kenya)
        t5 = node(store, plan_id, "T5")
        head, _sep, _last = field(store, plan_id, "T5", "text").rpartition(". ")
        PlanEditor(store, plan_id).set_field(t5, "text", head + ". Spain wants this.")
        PlanEditor(kenya, plan_id).set_field(t5, "text", head + ". Kenya wants that.")
        copy_changes(kenya, store)
    finally:
        kenya.close()
    root = tree(_export(store, plan_id, tmp_path / "conflict.docx"))
    labels = runs_with_style(root, "Optionlabel")
    # Kenya's changes came by no signed bundle: not verified here, marked (Spain is this store)
    assert labels == ["[Option 1 (Kenya\u2020):", "[Option 2 (Spain):"]
    bracketed = runs_with_style(root, "Bracketedtext")
    assert " Kenya wants that.]" in bracketed and " Spain wants this.]" in bracketed
    assert any("[Option 1 (Kenya\u2020): Kenya wants that.] [Option 2 (Spain): Spain wants "
               "this.]" in t for _s, t in paragraphs(root))


RICH = """Opening with **bold [bracketed** wording] and *italic* words.

- first point
- second point
    - nested point

1. one
2. two

# Background

Between the lists.

3. three
4. four

| Region | Parties |
|---|---|
| Africa | **48** |
"""


def test_markdown_becomes_word_formatting(plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = plan_store
    PlanEditor(store, plan_id).set_field(node(store, plan_id, "T1"), "text", RICH)
    doc = docx.Document(str(_export(store, plan_id, tmp_path / "rich.docx")))
    paras = doc.paragraphs
    start = next(i for i, p in enumerate(paras) if p.text.startswith("Opening with"))
    opening = paras[start]
    assert opening.text == "Opening with bold [bracketed wording] and italic words."
    runs = [(r.text, bool(r.bold), bool(r.italic), r.style.name) for r in opening.runs]
    assert ("bold ", True, False, "Default Paragraph Font") in runs
    assert ("[bracketed", True, False, "Bracketed text") in runs  # bracket spans bold and plain
    assert (" wording]", False, False, "Bracketed text") in runs
    assert ("italic", False, True, "Default Paragraph Font") in runs
    block = [(p.style.name, p.text) for p in paras[start + 1:start + 11]]
    assert block == [
        ("List Bullet", "first point"), ("List Bullet", "second point"),
        ("List Bullet 2", "nested point"), ("List Number", "one"), ("List Number", "two"),
        ("Heading 5", "Background"), ("Normal", "Between the lists."),
        ("List Number", "three"), ("List Number", "four"),
        ("Field label", "Explanatory note")]
    # Each numbered list has its own numbering, and the second one starts at 3.
    numbers = [p._p.pPr.numPr.numId.val for p in paras[start + 4:start + 10]
               if p.style.name == "List Number"]
    assert numbers[0] == numbers[1] and numbers[2] == numbers[3] and numbers[0] != numbers[2]
    numbering = doc.part.numbering_part.element
    starts = {n: numbering.num_having_numId(n).find("w:lvlOverride/w:startOverride", NS)
              .get(f"{{{W}}}val") for n in (numbers[0], numbers[2])}
    assert starts == {numbers[0]: "1", numbers[2]: "3"}
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Region")
    assert table.style.name == "Table Grid"
    assert [[c.text for c in r.cells] for r in table.rows] == [["Region", "Parties"],
                                                               ["Africa", "48"]]
    assert table.rows[1].cells[1].paragraphs[0].runs[0].bold


def test_control_characters_pasted_into_a_text_do_not_break_the_file(
        plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = plan_store
    editor = PlanEditor(store, plan_id)
    editor.set_field(node(store, plan_id, "T2"), "text", "Pasted\x07 from\x0bWord\x0c here.")
    editor.set_field(node(store, plan_id, "T3"), "title", "Governance\x01 [bell]")
    doc = docx.Document(str(_export(store, plan_id, tmp_path / "pasted.docx")))
    texts = [p.text for p in doc.paragraphs]
    assert "Pasted from Word here." in texts
    assert "Target 3: Governance [bell]" in texts
