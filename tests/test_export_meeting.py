"""The Word export as a CMS meeting document: the first page from a named draft's metadata,
the symbol in every page header, the negotiation and working presentations, annexes lettered
where the outline places them, a past draft printed as it was, switches remembered per draft,
templates, and refusals that write nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from cli_support import run
from conftest import open_store
from export_support import W, node, part, tree

from cmsdesk.export.docx_common import TemplateError
from cmsdesk.export.docx_plan import export_plan_docx
from cmsdesk.export.meeting_terms import WORDS, MeetingTerms
from cmsdesk.export.options import ExportOptions
from cmsdesk.models.commands import CommandError, PlanEditor
from cmsdesk.models.draft_meta import DocumentMeta
from cmsdesk.models.drafts import mark_draft
from cmsdesk.models.store import Store

META = DocumentMeta().updated(
    meeting="Meeting of the Conference of the Parties", meeting_number="11",
    meeting_place="Quito, Ecuador", meeting_dates="4-9 November 2014", agenda_item="15.2",
    prepared_by="the Chair of the Strategic Plan Working Group", comments_to="cms@cms.int",
    deadline="2014-09-30", languages="en fr es", distribution="Limited",
    title="Final draft Strategic Plan for Migratory Species 2015-2023")


def _texts(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def _export(store: Store, plan_id: str, out: Path, **kwargs: object) -> Path:
    with store.session() as s:
        return export_plan_docx(s, plan_id, out, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def drafted(plan_store: tuple[Store, str]) -> tuple[Store, str]:
    store, plan_id = plan_store
    mark_draft(store, plan_id, "Consultation draft 2", "UNEP/CMS/COP11/Doc.15.2", "2014-08-15",
               META)
    return store, plan_id


def test_first_page_and_page_frame_come_from_the_draft(drafted: tuple[Store, str],
                                                       tmp_path: Path) -> None:
    store, plan_id = drafted
    out = _export(store, plan_id, tmp_path / "d.docx", draft="Consultation draft 2")
    doc = docx.Document(str(out))
    left, right = doc.tables[0].rows[0].cells
    assert left.text == "Convention on Migratory Species"
    assert [p.text for p in right.paragraphs] == [
        "Distribution: Limited", "UNEP/CMS/COP11/Doc.15.2", "15 August 2014",
        "Original: English"]
    first = _texts(out)[:7]
    assert first[:6] == [
        ("Meeting block", "11th MEETING OF THE CONFERENCE OF THE PARTIES"),
        ("Meeting block", "Quito, Ecuador, 4-9 November 2014"),
        ("Meeting block", "Agenda Item 15.2"),
        ("Title", "FINAL DRAFT STRATEGIC PLAN FOR MIGRATORY SPECIES 2015-2023"),
        ("Prepared by", "(Prepared by the Chair of the Strategic Plan Working Group)"),
        ("Consultation note", "Comments on this draft are invited by 30 September 2014 and "
         "should be sent to cms@cms.int. This draft is available in English, French and "
         "Spanish."),
    ]
    header = tree(out, "word/header1.xml")
    assert "".join(t.text for t in header.iter(f"{{{W}}}t")) == "UNEP/CMS/COP11/Doc.15.2"
    settings = part(out, "word/settings.xml")
    assert b"titlePg" not in part(out)  # the same header on the first page
    assert b"updateFields" in settings
    footer = tree(out, "word/footer1.xml")
    assert [t.text.strip() for t in footer.iter(f"{{{W}}}instrText")] == ["PAGE"]


def test_negotiation_text(drafted: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = drafted
    out = _export(store, plan_id, tmp_path / "n.docx", draft="Consultation draft 2",
                  options=ExportOptions.preset("negotiation"))
    texts = _texts(out)
    styles = {s for s, _t in texts}
    assert "TOC Heading" not in styles and "Field label" not in styles
    headings = [t for s, t in texts if s.startswith("Heading")]
    assert "Goal 1: Underlying causes of decline" in headings
    assert not any(h.startswith("Target") for h in headings)
    targets = [t for s, t in texts if t.startswith("Target ")]
    assert [t.split(":")[0] for t in targets] == [f"Target {i}" for i in range(1, 17)]
    assert targets[6].startswith("Target 7: By 2023, multiple anthropogenic pressures")
    doc = docx.Document(str(out))
    label = next(p for p in doc.paragraphs if p.text.startswith("Target 7:"))
    assert label.runs[0].text == "Target 7:" and label.runs[0].bold
    assert not any(r.bold for r in label.runs[2:])
    assert not any(p.paragraph_format.page_break_before for p in doc.paragraphs
                   if p.style.name == "Heading 1" and not p.text.startswith("Annex"))
    # The chapters' paragraphs are numbered in one count, as in any UN document.
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert numbered[0].text.startswith("The strategic Plan sets out")
    assert numbered[1].text.startswith("Migratory species connect ecosystems")
    assert len({p._p.pPr.numPr.numId.val for p in numbered}) == 1
    assert "A. Rationale" in headings and "D. Goals and targets" in headings
    table = doc.tables[-1]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Target", "Aichi Biodiversity Targets"]
    assert rows[1] == ["1", "1"] and rows[2] == ["2", "2, 17"] and len(rows) == 17
    assert headings[-1] == "Annex A: Correspondence with the Aichi Biodiversity Targets"
    # A target without correspondence gets a dash.
    PlanEditor(store, plan_id).remove_xref(node(store, plan_id, "T4"), "aichi", "3")
    again = _export(store, plan_id, tmp_path / "again.docx",
                    options=ExportOptions.preset("negotiation"))
    assert docx.Document(str(again)).tables[-1].rows[4].cells[1].text == "\u2014"


def test_the_correspondence_annex_stands_where_the_outline_places_it(
        plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = plan_store
    editor = PlanEditor(store, plan_id)
    editor.add_node(None, "correspondence", title="")
    editor.add_node(None, "annex", title="Glossary", text="**Range State**: a State...")
    out = _export(store, plan_id, tmp_path / "a.docx",
                  options=ExportOptions.preset("negotiation").updated(
                      frameworks=["aichi", "kmgbf"]))
    headings = [t for s, t in _texts(out) if s == "Heading 1"]
    assert headings[-2:] == ["Annex A: Correspondence with the reference frameworks",
                             "Annex B: Glossary"]
    rows = docx.Document(str(out)).tables[-1].rows
    assert [c.text for c in rows[0].cells] == [
        "Target", "Aichi Biodiversity Targets", "Kunming-Montreal Global Biodiversity Framework"]
    # Without the annexes, the glossary becomes Annex A.
    out = _export(store, plan_id, tmp_path / "b.docx",
                  options=ExportOptions.preset("working").updated(annexes=False))
    headings = [t for s, t in _texts(out) if s == "Heading 1"]
    assert headings[-1] == "Annex A: Glossary" and len(docx.Document(str(out)).tables) == 1


def test_a_past_draft_prints_as_it_was(drafted: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = drafted
    t7 = node(store, plan_id, "T7")
    editor = PlanEditor(store, plan_id)
    editor.set_field(t7, "text", "A wording written after the draft.")
    editor.delete_node(node(store, plan_id, "T16"))
    editor.set_plan_field("title", "A retitled plan")
    # Another Party's edit arrives too.
    with open_store(store.path.with_name("kenya.db"), "Amina", "Kenya", "Africa") as kenya:
        from export_support import copy_changes

        copy_changes(store, kenya)
        PlanEditor(kenya, plan_id).set_field(node(kenya, plan_id, "T1"), "text", "Kenya's.")
        copy_changes(kenya, store)
    past = _texts(_export(store, plan_id, tmp_path / "past.docx", draft="consultation draft 2",
                          options=ExportOptions.preset("negotiation")))
    now = _texts(_export(store, plan_id, tmp_path / "now.docx",
                         options=ExportOptions.preset("negotiation")))
    past_targets = [t for _s, t in past if t.startswith("Target ")]
    assert len(past_targets) == 16 and "multiple anthropogenic pressures" in past_targets[6]
    assert not any("Kenya's." in t for _s, t in past)
    assert ("Title", "FINAL DRAFT STRATEGIC PLAN FOR MIGRATORY SPECIES 2015-2023") in past
    now_targets = [t for _s, t in now if t.startswith("Target ")]
    assert len(now_targets) == 15 and "Target 7: A wording written after the draft." in now_targets
    assert ("Title", "A RETITLED PLAN") in now


def test_switches_are_remembered_per_draft(capsys: pytest.CaptureFixture[str], db: str,
                                           tmp_path: Path) -> None:
    assert run(capsys, "--db", db, "draft", "mark", "D2", "--symbol", "UNEP/CMS/X/2")[0] == 0
    out = tmp_path / "n.docx"
    code, _o, err = run(capsys, "--db", db, "export", "docx", str(out), "--draft", "D2",
                        "--presentation", "negotiation", "--toc", "--fields", "note")
    assert code == 0 and not err
    texts = _texts(out)
    assert ("TOC Heading", "Contents") in texts
    assert [t for s, t in texts if s == "Field label"] == ["Explanatory note"] * 16
    again = tmp_path / "again.docx"
    assert run(capsys, "--db", db, "export", "docx", str(again), "--draft", "D2")[0] == 0
    assert _texts(again) == texts  # the same switches, without repeating them
    code, shown, _e = run(capsys, "--db", db, "draft", "show", "D2")
    assert "presentation=negotiation" in shown and "toc=True" in shown
    plain = tmp_path / "plain.docx"
    assert run(capsys, "--db", db, "export", "docx", str(plain), "--draft", "D2",
               "--no-numbered-paragraphs")[0] == 0
    assert "List Number" not in {s for s, _t in _texts(plain)}
    working = tmp_path / "w.docx"
    assert run(capsys, "--db", db, "export", "docx", str(working), "--draft", "D2",
               "--presentation", "working")[0] == 0
    assert sum(1 for s, _t in _texts(working) if s == "Field label") == 64


@pytest.mark.parametrize(("args", "message"), [
    (["--draft", "No such draft"], "no draft 'No such draft'"),
    (["--fields", "colour"], "no target field 'colour' to print"),
    (["--template", "{tmp}/plain.txt"], "is not a Word template: give a .dotx"),
    (["--template", "{tmp}/missing.dotx"], "there is no template"),
    (["--template", "{tmp}/fake.dotx"], "is not a Word template"),
])
def test_bad_export_options_write_nothing(capsys: pytest.CaptureFixture[str], db: str,
                                          tmp_path: Path, args: list[str],
                                          message: str) -> None:
    (tmp_path / "plain.txt").write_text("not a template", "utf-8")
    with zipfile.ZipFile(tmp_path / "fake.dotx", "w") as z:
        z.writestr("hello.txt", "a zip, but no Word document")
    code, _out, err = run(capsys, "--db", db, "export", "docx", str(tmp_path / "x.docx"),
                          *[a.format(tmp=tmp_path) for a in args])
    assert code == 1 and message in err, err
    assert err.count("\n") == 1 and not (tmp_path / "x.docx").exists()


def test_a_template_gives_its_page_and_styles(plan_store: tuple[Store, str],
                                              tmp_path: Path) -> None:
    from docx.shared import Cm, Pt

    house = docx.Document()
    section = house.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # US Letter
    section.left_margin = Cm(3.1)
    house.styles["Heading 1"].font.size = Pt(20)
    house.add_paragraph("Boilerplate that must not be copied.")
    house.save(str(tmp_path / "house.docx"))
    # Word saves a template with its own content type.
    with zipfile.ZipFile(tmp_path / "house.docx") as src, \
            zipfile.ZipFile(tmp_path / "house.dotx", "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(name, data)
    store, plan_id = plan_store
    out = _export(store, plan_id, tmp_path / "t.docx", template=tmp_path / "house.dotx")
    doc = docx.Document(str(out))
    assert round(doc.sections[0].page_width.cm, 2) == 21.59
    assert round(doc.sections[0].left_margin.cm, 1) == 3.1
    assert doc.styles["Heading 1"].font.size == Pt(20)
    assert not any("Boilerplate" in p.text for p in doc.paragraphs)
    assert any(p.style.name == "Heading 4" for p in doc.paragraphs)
    with store.session() as s, pytest.raises(TemplateError):
        export_plan_docx(s, plan_id, tmp_path / "y.docx", template=tmp_path / "t.docx.nope")
    assert not (tmp_path / "y.docx").exists()


def test_a_template_saved_with_few_styles_gets_the_built_in_ones_it_lacks(
        plan_store: tuple[Store, str], tmp_path: Path) -> None:
    """Word saves only the styles a file uses: the export adds the missing built-in styles
    and the list numbering they need."""
    from docx.oxml.ns import qn

    house = docx.Document()
    styles = house.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in ("Normal", "Heading1", "Title"):
            styles.remove(style)
    numbering = house.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    house.save(str(tmp_path / "bare.docx"))
    store, plan_id = plan_store
    PlanEditor(store, plan_id).set_field(node(store, plan_id, "T2"), "text",
                                         "Steps:\n\n1. first\n2. second\n\n- a bullet")
    out = _export(store, plan_id, tmp_path / "t.docx", template=tmp_path / "bare.docx")
    doc = docx.Document(str(out))
    used = {p.style.name for p in doc.paragraphs}
    assert {"List Number", "List Bullet", "Heading 4", "TOC Heading", "Title"} <= used
    numbered = next(p for p in doc.paragraphs if p.text == "first")
    num_id = numbered._p.pPr.numPr.numId.val
    assert doc.part.numbering_part.element.num_having_numId(num_id) is not None


def test_meeting_words_exist_in_every_language() -> None:
    assert {lang: set(words) for lang, words in WORDS.items()} == {
        lang: set(WORDS["en"]) for lang in WORDS}
    assert [MeetingTerms("en").ordinal(n) for n in ("1", "2", "3", "11", "12", "22")] == [
        "1st", "2nd", "3rd", "11th", "12th", "22nd"]
    assert MeetingTerms("fr").ordinal("1") == "1re" and MeetingTerms("es").ordinal("11") == "11.\u00aa"
    assert MeetingTerms("fr").distribution("Restricted") == "Distribution : restreinte"
    with pytest.raises(CommandError, match="presentation 'slides'"):
        ExportOptions.preset("slides")


def test_a_draft_without_its_own_symbol_prints_the_plans_symbol_of_that_time(
        plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = plan_store
    mark_draft(store, plan_id, "Bare draft", date="2014-03-01")
    PlanEditor(store, plan_id).set_plan_field("symbol", "UNEP/CMS/COP12/Doc.1")
    out = _export(store, plan_id, tmp_path / "bare.docx", draft="Bare draft")
    doc = docx.Document(str(out))
    assert [p.text for p in doc.tables[0].cell(0, 1).paragraphs][1:3] == [
        "UNEP/CMS/COP11/Doc.15.2", "1 March 2014"]
    header = tree(out, "word/header1.xml")
    assert "".join(t.text for t in header.iter(f"{{{W}}}t")) == "UNEP/CMS/COP11/Doc.15.2"
