"""The compilation of comments and proposals: a Party's edits made in its own store and imported
at the Secretariat appear under the right target, attributed, with the differences from the
baseline marked; a named draft as baseline leaves out what arrived before it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from conftest import open_store
from export_support import (
    copy_changes,
    field,
    node,
    paragraphs,
    runs_with_style,
    text_of,
    tree,
)

from cmsdesk.export.compilation import gather_compilation
from cmsdesk.export.docx_compilation import export_compilation_docx
from cmsdesk.export.wording import word_diff
from cmsdesk.models.commands import CommandError, PlanEditor, create_plan_from_template
from cmsdesk.models.drafts import mark_draft
from cmsdesk.models.queries import NotFoundError
from cmsdesk.models.store import Store

ENDING = "Progress is tracked through periodic surveys in range States."


class Round:
    """The Secretariat's store with the starter plan, and two Parties holding a copy."""

    def __init__(self, tmp_path: Path) -> None:
        self.sec = open_store(tmp_path / "sec.db", "Bert Lenten", "", "", "secretariat")
        self.plan = create_plan_from_template(self.sec).created or ""
        self.kenya = open_store(tmp_path / "ke.db", "Jane Wambui", "Kenya", "Africa")
        self.brazil = open_store(tmp_path / "br.db", "João Silva", "Brazil",
                                 "Central and South America and the Caribbean")
        copy_changes(self.sec, self.kenya)
        copy_changes(self.sec, self.brazil)

    def edit(self, store: Store, label: str, fld: str, value: str) -> None:
        PlanEditor(store, self.plan).set_field(node(self.sec, self.plan, label), fld, value)

    def send(self) -> None:
        copy_changes(self.kenya, self.sec)
        copy_changes(self.brazil, self.sec)

    def close(self) -> None:
        for s in (self.sec, self.kenya, self.brazil):
            s.close()


@pytest.fixture
def rnd(tmp_path: Path) -> Iterator[Round]:
    r = Round(tmp_path)
    yield r
    r.close()


def test_word_diff_marks_words_and_keeps_both_texts() -> None:
    old = "Progress is tracked through periodic surveys.\n- one\n- two"
    new = "Progress is tracked by yearly surveys.\n- one\n- three"
    ops = word_diff(old, new)
    assert ("delete", "through periodic ") in ops and ("insert", "by yearly ") in ops
    assert "".join(t for op, t in ops if op != "delete") == new
    assert "".join(t for op, t in ops if op != "insert") == old
    assert word_diff("same text", "same text") == [("equal", "same text")]


def test_proposals_and_comments_are_compiled_per_target_and_party(rnd: Round,
                                                                  tmp_path: Path) -> None:
    t1 = field(rnd.sec, rnd.plan, "T1", "text")
    rnd.edit(rnd.kenya, "T1", "text", t1.replace("By 2020, people", "By 2020, people and "
                                                  "governments"))
    rnd.edit(rnd.kenya, "T1", "text", t1.replace("By 2020, people", "By 2020, all people"))
    rnd.edit(rnd.brazil, "T1", "text", t1.replace(ENDING, "Progress is tracked by the "
                                                   "Secretariat."))
    rnd.edit(rnd.kenya, "T3", "milestones", "- 2017: Review\n- 2020: Done")
    PlanEditor(rnd.brazil, rnd.plan).add_comment(node(rnd.sec, rnd.plan, "T2"),
                                                 "Brazil cannot accept [national accounting].")
    g2 = node(rnd.sec, rnd.plan, "G2")
    PlanEditor(rnd.kenya, rnd.plan).add_node(g2, "target", "Wind energy",
                                             "By 2023, wind farms avoid critical sites.")
    PlanEditor(rnd.brazil, rnd.plan).delete_node(node(rnd.sec, rnd.plan, "I6"))
    rnd.send()

    with rnd.sec.session() as s:
        comp = gather_compilation(s, rnd.plan)
    assert comp.baseline == "first version of the plan" and comp.parties == ["Brazil", "Kenya"]
    by_heading = {n.heading: n for n in comp.nodes}
    target1 = by_heading["Target 1: Awareness of the values of migratory species"]
    text = next(f for f in target1.fields if f.field == "text")
    assert text.baseline == t1
    assert [(p.party, p.region) for p in text.proposals] == [
        ("Brazil", "Central and South America and the Caribbean"), ("Kenya", "Africa")]
    assert text.proposals[1].value.startswith("By 2020, all people")  # Kenya's latest only
    assert [n.heading for n in comp.nodes if n.kind == "target"][:2] == [
        "Target 1: Awareness of the values of migratory species",
        "Target 2: Values integrated into development planning"]
    target2 = by_heading["Target 2: Values integrated into development planning"]
    assert [(c.party, c.text) for c in target2.comments] == [
        ("Brazil", "Brazil cannot accept [national accounting].")]
    assert not any(f.proposals for f in target2.fields)
    new = next(n for n in comp.nodes if n.heading.endswith("Wind energy"))
    assert not new.in_baseline and new.created_by == ["Kenya (Africa)"]
    assert comp.removed == [("Indicator: Resources for migratory species",
                             ["Brazil (Central and South America and the Caribbean)"])]
    assert "Vision" not in by_heading  # nothing received, and no target below it
    assert "Goals and targets" in by_heading  # the context above the targets

    out = tmp_path / "compilation.docx"
    with rnd.sec.session() as s:
        export_compilation_docx(s, rnd.plan, out)
    root = tree(out)
    texts = [t for _s, t in paragraphs(root)]
    assert "Proposed by Kenya (Africa), by Jane Wambui, " in " ".join(texts)
    assert any(t.startswith("Proposed by Brazil (Central and South America and the "
                            "Caribbean), by João Silva") for t in texts)
    inserted = runs_with_style(root, "Insertedtext")
    deleted = runs_with_style(root, "Deletedtext")
    assert "all " in inserted and "by the Secretariat." in inserted and "Done" in inserted
    assert "through periodic surveys in range States." in deleted
    comment = next(t for t in texts if "Brazil cannot accept" in t)
    assert comment.startswith("João Silva (Brazil, Central and South America and the "
                              "Caribbean), ")
    assert "[national accounting]" in runs_with_style(root, "Bracketedtext")
    assert "Not in the baseline: added by Kenya (Africa)." in texts
    assert "Indicator: Resources for migratory species: deleted by Brazil (Central and South " \
           "America and the Caribbean)" in texts
    doc = docx.Document(str(out))
    right = [p.text for p in doc.tables[0].cell(0, 1).paragraphs]
    assert right[0] == "Distribution: General" and right[1] == "UNEP/CMS/COP11/Doc.15.2/Add.1"
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", right[2])
    top = [(p.style.name, p.text) for p in doc.paragraphs[:2]]
    assert top == [("Title", "COMPILATION OF COMMENTS AND PROPOSALS RECEIVED"),
                   ("Subtitle", "Addendum: Strategic Plan for Migratory Species 2015-2023")]


def test_an_addendum_of_the_draft_with_late_proposals_marked_and_the_secretariat_left_out(
        rnd: Round, tmp_path: Path) -> None:
    from cmsdesk.models.draft_meta import DocumentMeta

    mark_draft(rnd.sec, rnd.plan, "Consultation draft 2", "UNEP/CMS/COP11/Doc.15.2",
               "2014-08-15", DocumentMeta().updated(deadline="2000-01-01", agenda_item="15.2",
                                                    meeting="Meeting of the Parties"))
    copy_changes(rnd.sec, rnd.kenya)
    copy_changes(rnd.sec, rnd.brazil)
    rnd.edit(rnd.kenya, "T5", "text", "Kenya's wording.")
    rnd.edit(rnd.brazil, "T5", "text", "Brazil's wording.")
    t5 = node(rnd.sec, rnd.plan, "T5")
    PlanEditor(rnd.brazil, rnd.plan).set_field(t5, "text", "Le libellé du Brésil.", "fr")
    rnd.send()
    # The Secretariat settles the conflict and edits another target: neither is a proposal.
    with rnd.sec.session() as s:
        from cmsdesk.models.queries import conflicts

        conflict = next(c for c in conflicts(s, rnd.plan) if c.eid == t5)
    from cmsdesk.models.changelog import Key

    PlanEditor(rnd.sec, rnd.plan).resolve(Key("node", t5, "text"), "A settled wording.")
    rnd.edit(rnd.sec, "T6", "text", "The Secretariat's own edit.")
    assert conflict is not None
    with rnd.sec.session() as s:
        comp = gather_compilation(s, rnd.plan, "Consultation draft 2")
    assert comp.parties == ["Brazil", "Kenya"]
    assert not any(p.value in ("A settled wording.", "The Secretariat's own edit.")
                   for n in comp.nodes for f in n.fields for p in f.proposals)
    t5_text = next(n for n in comp.nodes if n.heading.startswith("Target 5:")).fields[0]
    assert [(p.party, p.lang, p.late) for p in t5_text.proposals] == [
        ("Brazil", "en", True), ("Brazil", "fr", True), ("Kenya", "en", True)]
    out = tmp_path / "add2.docx"
    with rnd.sec.session() as s:
        export_compilation_docx(s, rnd.plan, out, since="Consultation draft 2", addendum=2)
    doc = docx.Document(str(out))
    assert doc.tables[0].cell(0, 1).paragraphs[1].text == "UNEP/CMS/COP11/Doc.15.2/Add.2"
    header = tree(out, "word/header1.xml")
    assert "UNEP/CMS/COP11/Doc.15.2/Add.2" in "".join(header.itertext())
    texts = [p.text for p in doc.paragraphs]
    assert "Agenda Item 15.2" in texts
    brazil = next(t for t in texts if t.startswith("Proposed by Brazil"))
    assert brazil.endswith("received after the deadline of 1 January 2000")
    french = next(t for t in texts if t.startswith("Proposed by Brazil") and "in French" in t)
    assert french.endswith("received after the deadline of 1 January 2000")
    assert "Le libellé du Brésil." in texts  # in its own words, not compared with English
    by_party = tmp_path / "by-party.docx"
    with rnd.sec.session() as s:
        export_compilation_docx(s, rnd.plan, by_party, since="Consultation draft 2",
                                order="party")
    headings = [(p.style.name, p.text) for p in docx.Document(str(by_party)).paragraphs
                if p.style.name.startswith("Heading")]
    assert headings[:3] == [("Heading 1", "Brazil"),
                            ("Heading 2", "Target 5: Sustainable production and consumption"),
                            ("Heading 1", "Kenya")]
    with rnd.sec.session() as s, pytest.raises(CommandError, match="numbered from 1"):
        export_compilation_docx(s, rnd.plan, tmp_path / "x.docx", addendum=0)
    assert not (tmp_path / "x.docx").exists()


def test_a_named_draft_as_baseline_leaves_out_earlier_rounds(rnd: Round) -> None:
    first_round = field(rnd.sec, rnd.plan, "T4", "text") + " Kenya's first round."
    rnd.edit(rnd.kenya, "T4", "text", first_round)
    rnd.send()
    mark_draft(rnd.sec, rnd.plan, "Consultation draft 2", "UNEP/CMS/StC/2")
    copy_changes(rnd.sec, rnd.brazil)
    rnd.edit(rnd.brazil, "T4", "text", first_round + " Brazil's second round.")
    rnd.send()
    with rnd.sec.session() as s:
        comp = gather_compilation(s, rnd.plan, "consultation draft 2")
        with pytest.raises(NotFoundError, match="Consultation draft 2"):
            gather_compilation(s, rnd.plan, "draft 9")
    assert comp.baseline == "Consultation draft 2" and comp.baseline_symbol == "UNEP/CMS/StC/2"
    t4 = next(n for n in comp.nodes if n.heading.startswith("Target 4:"))
    text = t4.fields[0]
    assert text.baseline == first_round  # Kenya's edit is part of the baseline now
    assert [p.party for p in text.proposals] == ["Brazil"]
    assert comp.parties == ["Brazil"] and comp.proposal_count == 1


def test_formatting_only_changes_say_so(rnd: Round, tmp_path: Path) -> None:
    t6 = field(rnd.sec, rnd.plan, "T6", "text")
    rnd.edit(rnd.kenya, "T6", "text", t6.replace("By 2023", "**By 2023**", 1))
    rnd.send()
    out = tmp_path / "c.docx"
    with rnd.sec.session() as s:
        export_compilation_docx(s, rnd.plan, out)
    texts = [t for _s, t in paragraphs(tree(out))]
    assert "(the same wording; only its formatting differs)" in texts


def test_proposals_are_dated_by_the_day_their_bundle_was_received(
        rnd: Round, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A proposal written before the deadline but received after it is late; the day of
    receipt is what the import recorded, not the day the Party wrote it."""
    from datetime import UTC, datetime

    from cmsdesk.models.draft_meta import DocumentMeta
    from cmsdesk.sync.exporter import export_bundle
    from cmsdesk.sync.importer import import_bundle

    deadline = datetime.now(UTC).date().isoformat()
    mark_draft(rnd.sec, rnd.plan, "Consultation draft 2", "UNEP/CMS/X/2", deadline,
               DocumentMeta().updated(deadline=deadline))
    copy_changes(rnd.sec, rnd.kenya)
    rnd.edit(rnd.kenya, "T8", "text", "Kenya's wording, written in time.")
    export_bundle(rnd.kenya, rnd.plan, tmp_path / "kenya.cmsb", full=True)

    import cmsdesk.sync.pending as pending

    original = pending.record_receipts
    with monkeypatch.context() as m:  # the bundle arrives long after the deadline
        m.setattr(pending, "record_receipts", lambda s, b, when=None: original(
            s, b, datetime(2999, 1, 2, tzinfo=UTC)))
        import_bundle(rnd.sec, tmp_path / "kenya.cmsb")
    import_bundle(rnd.sec, tmp_path / "kenya.cmsb")  # again: the first receipt is kept
    with rnd.sec.session() as s:
        comp = gather_compilation(s, rnd.plan, "Consultation draft 2")
    (proposal,) = [p for n in comp.nodes for f in n.fields for p in f.proposals]
    assert proposal.clock[:10] <= deadline and proposal.received == "2999-01-02"
    assert proposal.late
    out = tmp_path / "c.docx"
    with rnd.sec.session() as s:
        export_compilation_docx(s, rnd.plan, out, since="Consultation draft 2")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    line = next(t for t in texts if t.startswith("Proposed by Kenya"))
    assert ", received 2 January 2999" in line and "received after the deadline of" in line


def test_proposals_by_keys_not_pinned_are_marked_unverified(rnd: Round, tmp_path: Path) -> None:
    from cmsdesk.models.schema import Peer

    rnd.edit(rnd.kenya, "T1", "text", "Kenya's wording of the target.")
    rnd.edit(rnd.brazil, "T1", "title", "Brazil's title")
    rnd.send()
    with rnd.sec.session() as s:  # the Secretariat pinned Kenya's key, not Brazil's
        s.add(Peer(replica=rnd.kenya.replica_id, name="Jane Wambui", party="Kenya",
                   region="Africa", role="delegate", public_key="k" * 44, pinned=True,
                   last_seen=""))
    with rnd.sec.session() as s:
        comp = gather_compilation(s, rnd.plan)
        out = export_compilation_docx(s, rnd.plan, tmp_path / "c.docx")
    verified = {p.party: p.verified for n in comp.nodes for f in n.fields for p in f.proposals}
    assert verified == {"Kenya": True, "Brazil": False}
    lines = [t for _s, t in paragraphs(tree(out)) if t.startswith("Proposed by")]
    assert ["author not verified" in line for line in sorted(lines)] == [True, False]


# Words the English tables share with the French or Spanish ones (written the same).
SHARED_WORDS = {"fr": {"compilation", "convention", "distribution", "document", "note",
                       "option", "original", "parties", "plan", "version"},
                "es": {"general", "original", "plan"}}


def _english_words(lang: str) -> set[str]:
    """Every word of the English furniture tables but those ``lang`` writes the same."""
    from cmsdesk.export.meeting_terms import WORDS
    from cmsdesk.export.terms import TERMS

    return {w.casefold() for text in (TERMS["en"] | WORDS["en"]).values()
            for w in re.findall(r"[^\W\d_]{4,}", re.sub(r"\{\w+\}", " ", text))
            } - SHARED_WORDS[lang]


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_a_compilation_in_french_or_spanish_holds_no_english_sentence(
        rnd: Round, tmp_path: Path, lang: str) -> None:
    """Every sentence the compilation adds is in the document's language: with the names and
    the proposals' and comments' own words taken out, no word of the English tables is left."""
    from cmsdesk.models.draft_meta import DocumentMeta

    mark_draft(rnd.sec, rnd.plan, "Consultation draft 2", "UNEP/CMS/COP11/Doc.15.2",
               "2014-08-15", DocumentMeta().updated(deadline="2000-01-01", agenda_item="15.2"))
    copy_changes(rnd.sec, rnd.kenya)
    copy_changes(rnd.sec, rnd.brazil)
    t1 = node(rnd.sec, rnd.plan, "T1")
    english = "By 2020, people know the values of migratory species and act on them."
    french = "D'ici à 2020, chacun connaît les valeurs des espèces migratrices."
    spanish = "Para 2020, todos conocen los valores de las especies migratorias."
    rnd.edit(rnd.kenya, "T1", "text", english)
    PlanEditor(rnd.kenya, rnd.plan).set_field(t1, "text", french, "fr")
    PlanEditor(rnd.brazil, rnd.plan).set_field(t1, "text", spanish, "es")
    PlanEditor(rnd.brazil, rnd.plan).set_field(t1, "title", "Concienciación", "es")
    comment = "We support this target."
    PlanEditor(rnd.brazil, rnd.plan).add_comment(t1, comment)
    PlanEditor(rnd.kenya, rnd.plan).add_node(node(rnd.sec, rnd.plan, "G2"), "target", "Wind",
                                             "Wind farms avoid critical sites.")
    PlanEditor(rnd.brazil, rnd.plan).delete_node(node(rnd.sec, rnd.plan, "T16"))
    rnd.send()
    names = ["Amérique centrale et du Sud et Caraïbes", "América Central y del Sur y el Caribe",
             "Jane Wambui", "João Silva", "Kenya", "Kenia", "Brésil", "Brasil", "Afrique",
             "África", "Consultation draft 2", english, french, spanish, comment,
             "Wind farms avoid critical sites.", "Wind"]
    for order in ("target", "party"):
        out = tmp_path / f"c-{lang}-{order}.docx"
        with rnd.sec.session() as s:
            export_compilation_docx(s, rnd.plan, out, since="Consultation draft 2",
                                    order=order, lang=lang)
        text = " ".join(t for _s, t in paragraphs(tree(out)))
        text += " " + text_of(tree(out, "word/header1.xml"))
        # Parties and regions as the Convention's list names them in the language
        assert "Brazil" not in text and "Central and South America" not in text
        for name in sorted(names, key=len, reverse=True):
            text = text.replace(name, " ")
        left = {w for w in re.findall(r"[^\W\d_]{4,}", text)
                if w.casefold() in _english_words(lang)}
        assert not left, f"English words in the {lang} compilation ({order}): {sorted(left)}"
    texts = [t for _s, t in paragraphs(tree(tmp_path / f"c-{lang}-target.docx"))]
    proposed = {"fr": "Proposé par Kenya (Afrique), par Jane Wambui, ",
                "es": "Propuesto por Kenia (África), por Jane Wambui, "}[lang]
    assert any(t.startswith(proposed) for t in texts)
    assert {"fr": "Aucune proposition reçue.", "es": "No se recibieron propuestas."}[lang] \
        in texts


def test_a_french_compilation_marks_and_counts_the_baselines_in_english_only(
        rnd: Round, tmp_path: Path) -> None:
    from cmsdesk.export.localized import Fallbacks

    g1 = node(rnd.sec, rnd.plan, "G1")
    PlanEditor(rnd.sec, rnd.plan).add_node(g1, "target", "Wetlands", "Wetlands are kept.")
    mark_draft(rnd.sec, rnd.plan, "Consultation draft 2")
    copy_changes(rnd.sec, rnd.kenya)
    rnd.edit(rnd.kenya, "T4", "text", "Wetlands are kept and restored.")
    rnd.send()
    fallbacks = Fallbacks()
    out = tmp_path / "c-fr.docx"
    with rnd.sec.session() as s:
        export_compilation_docx(s, rnd.plan, out, since="Consultation draft 2", lang="fr",
                                fallbacks=fallbacks)
    texts = [t for _s, t in paragraphs(tree(out))]
    wetlands = texts.index("Objectif 4\u00a0: Wetlands (non traduit)")
    assert texts[wetlands + 3] == "(original en anglais : pas encore traduit)"
    assert texts[wetlands + 4] == "Wetlands are kept."
    assert fallbacks.count == 2  # its title and its text
    assert "2 text(s) not yet translated into French" in fallbacks.summary()
