"""Consultation copies and the Word replies Parties send back.

Replies are made as Word makes them: python-docx edits the exported XML with tracked
insertions and deletions (authors, dates), plain edits, comments on a range, paragraphs typed
between targets."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from reply_support import (
    add_paragraph_after,
    comment_on,
    duplicate_paragraph,
    move_paragraph,
    open_copy,
    plain_replace,
    track_replace,
)
from sqlalchemy import func, select

from cmsdesk.cli import main
from cmsdesk.export.for_comments import export_for_comments
from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.drafts import mark_draft
from cmsdesk.models.schema import Change
from cmsdesk.models.store import Store
from cmsdesk.submissions.reply import ReplyError, import_reply
from cmsdesk.submissions.wordfile import WordFileError

T1_WORDS = "people are broadly aware"
T2_WORDS = "are integrated into national"


def _text(store: Store, plan: str, label: str, fld: str = "text") -> str:
    with store.session() as s:
        node = queries.resolve_node(s, plan, label)
        return queries.node_view(s, node).fields[fld]


def _changes(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Change)) or 0)


@pytest.fixture
def copy(plan_store: tuple[Store, str], tmp_path: Path) -> tuple[Store, str, Path]:
    store, plan = plan_store
    mark_draft(store, plan, "Consultation draft 1", date="2014-05-01")
    info = export_for_comments(store, plan, tmp_path / "copy.docx")
    assert info.draft_name == "Consultation draft 1" and info.fields > 100
    return store, plan, info.path


def test_copy_looks_like_the_draft_and_hides_its_anchors(plan_store: tuple[Store, str],
                                                         tmp_path: Path) -> None:
    from cmsdesk.export.docx_plan import export_plan_docx

    store, plan = plan_store
    info = export_for_comments(store, plan, tmp_path / "copy.docx")
    with store.session() as s:
        export_plan_docx(s, plan, tmp_path / "plain.docx")
    texts = [p.text for p in open_copy(info.path).paragraphs if p.text]
    assert texts == [p.text for p in open_copy(tmp_path / "plain.docx").paragraphs if p.text]
    names = [b.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}name")
             for b in open_copy(info.path).element.body.iter(
                 "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bookmarkStart")]
    ours = [n for n in names if n.startswith("_cms")]
    assert len(ours) >= info.fields and all(n.startswith("_") for n in names)  # hidden ones


def test_tracked_and_untracked_edits_and_comments_become_proposals(
        copy: tuple[Store, str, Path], tmp_path: Path) -> None:
    store, plan, path = copy
    doc = open_copy(path)
    track_replace(doc, "broadly aware", "fully aware", "Awa Koné")
    plain_replace(doc, T2_WORDS, "are fully integrated into national")
    track_replace(doc, "Where feasible,", "Where appropriate,", "Jean Kouassi")  # in [brackets]
    comment_on(doc, "governance arrangements that affect", "We cannot accept this.", "Awa Koné")
    plain_replace(doc, "key economic sectors and stakeholders", "key economic sectors and all "
                  "stakeholders")
    add_paragraph_after(doc, "periodic surveys in range States", "Typed between targets.",
                        tracked_by="Awa Koné")
    doc.save(str(tmp_path / "reply.docx"))
    before = _changes(store)
    report = import_reply(store, tmp_path / "reply.docx", "Côte d'Ivoire",
                          received=date(2014, 6, 27))
    by_field = {p.label: p for p in report.proposals}
    assert set(by_field) == {"T1 text", "T2 text", "T5 text"}
    assert by_field["T1 text"].authors == ["Awa Koné"] and by_field["T1 text"].tracked
    assert not by_field["T5 text"].tracked and not by_field["T5 text"].authors
    assert by_field["T2 text"].authors == ["Jean Kouassi"]  # the bracket edit was tracked
    assert "key economic sectors and all stakeholders" in _text(store, plan, "T5")
    assert "fully aware" in _text(store, plan, "T1")
    t2 = _text(store, plan, "T2")
    assert "are fully integrated into national" in t2 and "[Where appropriate,]" in t2
    assert [(c.node_label, c.author, c.text) for c in report.comments] == [
        ("T3", "Awa Koné", "We cannot accept this.")]
    assert [u.text for u in report.unmapped] == ["Typed between targets."]
    assert report.unmapped[0].after == "after T1 text"
    assert report.new_changes == 4 and _changes(store) == before + 4
    with store.session() as s:
        t1 = queries.resolve_node(s, plan, "T1")
        authors = {(c.author_party, c.author_name) for c in s.scalars(
            select(Change).where(Change.eid == t1, Change.field == "text"))}
    assert ("Côte d'Ivoire", "Awa Koné") in authors
    # the same reply again changes nothing
    again = import_reply(store, tmp_path / "reply.docx", "Côte d'Ivoire",
                         received=date(2014, 6, 27))
    assert again.new_changes == 0 and again.already_held == 4 and _changes(store) == before + 4
    later = import_reply(store, tmp_path / "reply.docx", "Côte d'Ivoire")  # another day
    assert later.new_changes == 0 and _changes(store) == before + 4



def test_markdown_of_untouched_sentences_is_kept(copy: tuple[Store, str, Path],
                                                 tmp_path: Path) -> None:
    store, plan, path = copy
    rationale_before = _text(store, plan, "C1")
    indicators_before = _text(store, plan, "T1", "indicators")
    assert "**" in rationale_before and indicators_before.startswith("- ")
    doc = open_copy(path)
    track_replace(doc, "connect ecosystems", "link ecosystems", "Ana")
    track_replace(doc, "Trends in public awareness", "Trends in awareness", "Ana")
    doc.save(str(tmp_path / "reply.docx"))
    report = import_reply(store, tmp_path / "reply.docx", "Spain")
    assert {p.label for p in report.proposals} == {"C1 text", "T1 indicators"}
    assert _text(store, plan, "C1") == rationale_before.replace("connect ecosystems",
                                                                "link ecosystems")
    assert _text(store, plan, "T1", "indicators") == indicators_before.replace(
        "Trends in public awareness", "Trends in awareness")


def test_replies_merge_like_bundles(copy: tuple[Store, str, Path], tmp_path: Path) -> None:
    store, plan, path = copy
    # the Secretariat edited T1 since the copy went out: a reply still merges against it
    with store.session() as s:
        t1 = queries.resolve_node(s, plan, "T1")
    PlanEditor(store, plan).set_field(t1, "text", _text(store, plan, "T1").replace(
        "Progress is tracked", "Progress is measured"))
    a, b = open_copy(path), open_copy(path)
    track_replace(a, "broadly aware", "fully aware", "Awa")
    track_replace(b, "broadly aware", "well aware", "Ken")  # the same sentence: a conflict
    track_replace(b, "the general public", "the wider public", "Ken")  # another: merges
    a.save(str(tmp_path / "a.docx"))
    b.save(str(tmp_path / "b.docx"))
    import_reply(store, tmp_path / "a.docx", "Côte d'Ivoire")
    report = import_reply(store, tmp_path / "b.docx", "Kenya")
    assert report.conflicts_created == 1
    text = _text(store, plan, "T1")
    assert "Progress is measured" in text and "the wider public" in text
    assert "(Côte d'Ivoire)" in text and "(Kenya)" in text and "fully aware" in text


def _bad_replies(store: Store, plan: str, copy_path: Path, tmp: Path) -> list[tuple[Path, str]]:
    from cmsdesk.export.docx_plan import export_plan_docx

    with store.session() as s:
        export_plan_docx(s, plan, tmp / "plain.docx")
    shuffled, doubled = open_copy(copy_path), open_copy(copy_path)
    move_paragraph(shuffled, "Harmful incentives", "people are broadly aware")
    shuffled.save(str(tmp / "shuffled.docx"))
    duplicate_paragraph(doubled, "people are broadly aware")
    doubled.save(str(tmp / "doubled.docx"))
    damaged = tmp / "damaged.docx"
    damaged.write_bytes(copy_path.read_bytes()[:5000])
    locked = tmp / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    macro = tmp / "reply.docm"
    shutil.copy(copy_path, macro)
    huge = tmp / "huge.docx"
    with huge.open("wb") as fh:
        fh.truncate(300 * 1024 * 1024)  # sparse: nothing is written or read
    return [(tmp / "plain.docx", "not a consultation copy made by cmsdesk"),
            (tmp / "shuffled.docx", "out of order"), (tmp / "doubled.docx", "appears twice"),
            (damaged, "not a Word .docx file"), (locked, "password-protected"),
            (macro, "macro-enabled"), (huge, "300 MB")]


def test_bad_replies_are_refused_and_the_store_unchanged(copy: tuple[Store, str, Path],
                                                         tmp_path: Path) -> None:
    store, plan, path = copy
    before = _changes(store)
    for bad, message in _bad_replies(store, plan, path, tmp_path):
        with pytest.raises((ReplyError, WordFileError), match=message):
            import_reply(store, bad, "Spain")
    assert _changes(store) == before


def test_copy_of_a_plan_or_draft_the_store_does_not_hold(copy: tuple[Store, str, Path],
                                                         tmp_path: Path) -> None:
    from conftest import open_store
    from sqlalchemy import delete

    from cmsdesk.models.commands import create_plan_from_template
    from cmsdesk.models.schema import NamedDraft

    store, _plan, path = copy
    other = open_store(tmp_path / "other.db")
    create_plan_from_template(other)
    before = _changes(other)
    with pytest.raises(ReplyError, match="a copy of a plan this store does not hold"):
        import_reply(other, path, "Spain")
    assert _changes(other) == before
    other.close()
    with store.session() as s:
        s.execute(delete(NamedDraft))
    with pytest.raises(ReplyError, match="draft \"Consultation draft 1\", which this store"):
        import_reply(store, path, "Spain")


def test_cli_report_and_attaching_an_unmapped_paragraph(
        copy: tuple[Store, str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, plan, path = copy
    db = str(store.path)
    store.close()
    doc = open_copy(path)
    add_paragraph_after(doc, "periodic surveys in range States", "Add a target on bycatch.")
    doc.save(str(tmp_path / "reply.docx"))
    assert main(["--db", db, "submission", "import", str(tmp_path / "reply.docx"),
                 "--party", "Peru", "--received", "2014-06-27"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "Add a target on bycatch." in x)
    number = line.split()[1]
    assert "--attach" in line
    assert main(["--db", db, "submission", "import", str(tmp_path / "reply.docx"),
                 "--party", "Peru", "--attach", f"{number}=T1"]) == 0
    out = capsys.readouterr().out
    assert "1 new change(s)" in out and "attached to T1 as a comment" in out
    assert main(["--db", db, "submission", "import", str(tmp_path / "reply.docx"),
                 "--party", "Peru", "--attach", f"{number}=T1"]) == 0
    assert "0 new change(s), 1 already held" in capsys.readouterr().out
    with Store.open(Path(db)) as again, again.session() as s:
        view = queries.node_view(s, queries.resolve_node(s, plan, "T1"))
        assert [(c.party, c.text) for c in view.comments] == [("Peru", "Add a target on bycatch.")]
    assert main(["--db", db, "submission", "import", str(tmp_path / "reply.docx"),
                 "--party", "Peru", "--received", "2014-06-27", "--attach", "9999=T1"]) == 1
    assert "not one of the reply's unmapped paragraphs" in capsys.readouterr().err


@pytest.mark.slow
def test_reply_saved_by_libreoffice_maps_back(copy: tuple[Store, str, Path],
                                              tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    store, plan, path = copy
    doc = open_copy(path)
    track_replace(doc, "broadly aware", "fully aware", "Awa Koné")
    plain_replace(doc, T2_WORDS, "are fully integrated into national")
    comment_on(doc, "governance arrangements that affect", "Not acceptable.", "Awa Koné")
    doc.save(str(tmp_path / "reply.docx"))
    out = tmp_path / "lo"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/.lo", "--headless",
                    "--convert-to", "docx", "--outdir", str(out), str(tmp_path / "reply.docx")],
                   check=True, capture_output=True, timeout=120)
    report = import_reply(store, out / "reply.docx", "Côte d'Ivoire")
    assert {p.label for p in report.proposals} == {"T1 text", "T2 text"}
    assert report.proposals[0].authors == ["Awa Koné"]
    assert [c.text for c in report.comments] == ["Not acceptable."] and not report.unmapped


def test_negotiation_text_copy_maps_back_without_its_labels(plan_store: tuple[Store, str],
                                                            tmp_path: Path) -> None:
    from cmsdesk.export.options import ExportOptions

    store, plan = plan_store
    info = export_for_comments(store, plan, tmp_path / "copy.docx",
                               options=ExportOptions.preset("negotiation"))
    doc = open_copy(info.path)
    track_replace(doc, "broadly aware", "fully aware", "Awa")
    comment_on(doc, "governance arrangements that affect", "Too weak.", "Awa")
    doc.save(str(tmp_path / "reply.docx"))
    before = _text(store, plan, "T1")
    report = import_reply(store, tmp_path / "reply.docx", "Senegal")
    assert [p.label for p in report.proposals] == ["T1 text"] and not report.unmapped
    assert _text(store, plan, "T1") == before.replace("broadly aware", "fully aware")
    assert [c.node_label for c in report.comments] == ["T3"]


def test_an_edit_inside_one_option_amends_that_option(plan_store: tuple[Store, str],
                                                      tmp_path: Path) -> None:
    from conftest import open_store

    from cmsdesk.sync.exporter import export_bundle
    from cmsdesk.sync.importer import import_bundle

    store, plan = plan_store
    export_bundle(store, plan, tmp_path / "full.cmsb", full=True)
    brazil = open_store(tmp_path / "b.db", "Ana", "Brazil", "")
    import_bundle(brazil, tmp_path / "full.cmsb")
    with store.session() as s:
        t1 = queries.resolve_node(s, plan, "T1")
    old = _text(store, plan, "T1")
    PlanEditor(store, plan).set_field(t1, "text", old.replace("broadly aware", "keenly aware"))
    PlanEditor(brazil, plan).set_field(t1, "text", old.replace("broadly aware", "well aware"))
    export_bundle(brazil, plan, tmp_path / "b.cmsb")
    brazil.close()
    import_bundle(store, tmp_path / "b.cmsb")
    assert "[Option 2 (Brazil): By 2020, people are well aware" in _text(store, plan, "T1")
    info = export_for_comments(store, plan, tmp_path / "copy.docx")
    doc = open_copy(info.path)
    track_replace(doc, "well aware", "very well aware", "Awa")
    doc.save(str(tmp_path / "reply.docx"))
    report = import_reply(store, tmp_path / "reply.docx", "Senegal")
    assert len(report.proposals[0].parents) == 1  # Brazil's version, not the bracketed text
    text = _text(store, plan, "T1")
    assert "(Spain): By 2020, people are keenly aware" in text
    assert "(Senegal): By 2020, people are very well aware" in text
    assert report.conflicts_created == 0 and "Option" in text  # still contested
