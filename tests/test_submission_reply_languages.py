"""Consultation copies in French or Spanish: a Party's edit of a translated text comes back as
a proposal in that language, never as an edit of the original; a text printed in the original
for want of a translation is not traced, so nothing mixes two languages."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from cli_support import run
from reply_support import open_copy, plain_replace, track_replace
from sqlalchemy import select

from cmsdesk.export.for_comments import export_for_comments
from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.schema import Change, Translation
from cmsdesk.models.store import Store
from cmsdesk.submissions.reply import ReplyError, import_reply

FRENCH_T1 = ("D'ici 2023, les populations sont largement conscientes des multiples valeurs "
             "des espèces migratrices.")
FRENCH_TITLE = "Sensibilisation aux espèces migratrices"
LATE_TEXT = "A target written after the translations were made."


@pytest.fixture
def french(plan_store: tuple[Store, str]) -> tuple[Store, str, str, str]:
    """The starter plan with T1's title and text translated into French (again), and a target
    added since, in English only."""
    store, plan = plan_store
    with store.session() as s:
        t1 = queries.resolve_node(s, plan, "T1")
        goal = queries.resolve_node(s, plan, "G1")
        english = queries.node_view(s, t1).fields["text"]
    editor = PlanEditor(store, plan)
    editor.set_field(t1, "text", FRENCH_T1, "fr", translation=True)
    editor.set_field(t1, "title", FRENCH_TITLE, "fr", translation=True)
    editor.add_node(goal, "target", "A late target", LATE_TEXT)
    return store, plan, t1, english


def _french(store: Store, node: str, fld: str) -> str:
    with store.session() as s:
        return s.get(Translation, ("node", node, fld, "fr")).value


def test_an_edit_of_the_french_text_is_a_french_proposal(
        french: tuple[Store, str, str, str], tmp_path: Path) -> None:
    store, plan, t1, english = french
    info = export_for_comments(store, plan, tmp_path / "copie.docx", lang="fr")
    everything = export_for_comments(store, plan, tmp_path / "copy.docx").fields
    assert info.untranslated >= 2 and info.fields + info.untranslated == everything
    doc = open_copy(info.path)
    track_replace(doc, "largement conscientes", "pleinement conscientes", "Awa Koné")
    plain_replace(doc, "written after the translations", "written long after the translations")
    doc.save(str(tmp_path / "reponse.docx"))
    report = import_reply(store, tmp_path / "reponse.docx", "Côte d'Ivoire",
                          received=date(2014, 6, 27))
    assert [(p.key.eid, p.key.field) for p in report.proposals] == [(t1, "text@fr")]
    assert "pleinement conscientes" in _french(store, t1, "text")
    with store.session() as s:
        assert queries.node_view(s, t1).fields["text"] == english  # the original is untouched
        late = next(e.id for e in queries.outline(s, plan) if e.title == "A late target")
        assert queries.node_view(s, late).fields["text"] == LATE_TEXT
        proposal = s.scalars(select(Change).where(Change.eid == t1, Change.field == "text@fr",
                                                  Change.author_party == "Côte d'Ivoire")).one()
        assert proposal.author_name == "Awa Koné"
        assert s.get(Translation, ("node", t1, "text", "fr")).proposal  # made in French
    # the English sentence edited where the original stood in comes back for a person to place
    assert any("written long after" in u.text for u in report.unmapped)


def test_the_copy_in_the_original_language_traces_every_field(
        french: tuple[Store, str, str, str], tmp_path: Path) -> None:
    store, plan, _t1, _english = french
    english = export_for_comments(store, plan, tmp_path / "copy.docx")
    assert english.untranslated == 0 and english.fields > 100


def test_a_copy_that_names_a_field_no_reply_may_write_is_refused(
        french: tuple[Store, str, str, str], tmp_path: Path) -> None:
    store, plan, t1, _english = french
    info = export_for_comments(store, plan, tmp_path / "copie.docx", lang="fr")
    forged = tmp_path / "forged.docx"
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(forged, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("customXml/item") and b"consultationCopy" in data:
                data = data.replace(b'field="text@fr"', b'field="deleted"')
            out.writestr(item, data)
    with store.session() as s:
        before = s.scalar(select(Change.id).order_by(Change.arrival.desc()).limit(1))
    with pytest.raises(ReplyError, match="damaged"):
        import_reply(store, forged, "Côte d'Ivoire")
    with store.session() as s:
        assert s.scalar(select(Change.id).order_by(Change.arrival.desc()).limit(1)) == before


def test_cli_says_what_a_translated_copy_cannot_trace(capsys: pytest.CaptureFixture[str],
                                                      db: str, tmp_path: Path) -> None:
    assert run(capsys, "--db", db, "add", "G1", "target", "--title", "A late target",
               "--text", LATE_TEXT)[0] == 0
    out = tmp_path / "copie.docx"
    code, stdout, err = run(capsys, "--db", db, "export", "docx", str(out), "--for-comments",
                            "--lang", "fr")
    assert code == 0, err
    assert "field(s) traceable" in stdout
    assert "not yet translated are printed in the original language" in stdout
    with zipfile.ZipFile(out) as z:
        manifest = next(z.read(n) for n in z.namelist()
                        if n.startswith("customXml/item") and b"consultationCopy" in z.read(n))
    assert b'lang="fr"' in manifest
