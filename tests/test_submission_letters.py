"""Letters and e-mails split into per-target proposals and comments; deadlines; and a round
where Word replies, a bundle and a letter converge whatever the order they come in."""

from __future__ import annotations

import itertools
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import open_store
from reply_support import open_copy, track_replace
from sqlalchemy import func, select

from cmsdesk.cli import main
from cmsdesk.export.compilation import gather_compilation
from cmsdesk.export.for_comments import export_for_comments
from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.draft_meta import DocumentMeta
from cmsdesk.models.drafts import find_draft, mark_draft
from cmsdesk.models.identity import Profile
from cmsdesk.models.review import review
from cmsdesk.models.schema import Change
from cmsdesk.models.store import Store
from cmsdesk.models.submissions import list_submissions, original_file
from cmsdesk.submissions.letters import LetterError, record_letter, split_letter
from cmsdesk.submissions.reply import import_reply
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle

LETTER = """Dear Secretariat,

Peru offers the following comments on the consultation draft.

Target 1: We support this target.

Proposed text: "By 2020, people everywhere know the values of migratory species."

T3 (explanatory note)
Replace with: Governance matters most.

Goal 2: bycatch should be named among the pressures.

Yours sincerely,
"""


def _text(store: Store, plan: str, label: str, fld: str = "text") -> str:
    with store.session() as s:
        return queries.node_view(s, queries.resolve_node(s, plan, label)).fields[fld]


def _draft(store: Store, plan: str, deadline: str = "2014-06-30") -> None:
    mark_draft(store, plan, "Consultation draft 1", date="2014-05-01",
               meta=DocumentMeta(deadline=deadline))


def test_letter_splits_into_proposals_and_comments(plan_store: tuple[Store, str]) -> None:
    store, plan = plan_store
    with store.session() as s:
        pieces = split_letter(s, plan, LETTER)
    shown = [(p.kind, p.label, p.field, p.text) for p in pieces]
    assert shown == [
        ("comment", "", "", "Dear Secretariat,"),
        ("comment", "", "", "Peru offers the following comments on the consultation draft."),
        ("comment", "T1", "", "We support this target."),
        ("proposal", "T1", "text", "By 2020, people everywhere know the values of migratory "
         "species."),
        ("proposal", "T3", "note", "Governance matters most."),
        ("comment", "G2", "", "bycatch should be named among the pressures."),
        ("comment", "", "", "Yours sincerely,"),
    ]


def test_letter_is_recorded_once_with_its_original_and_marked_late(
        plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan = plan_store
    _draft(store, plan)
    report = record_letter(store, plan, LETTER, "Peru", received=date(2014, 7, 2),
                           channel="e-mail", filename="peru.txt", original=LETTER.encode())
    assert report.new_changes == 4 and report.late and report.deadline == "2014-06-30"
    assert _text(store, plan, "T3", "note") == "Governance matters most."
    assert _text(store, plan, "T1").startswith("By 2020, people everywhere know")
    again = record_letter(store, plan, LETTER, "Peru", received=date(2014, 7, 3))
    assert again.new_changes == 0 and again.already_held == 4
    with store.session() as s:
        rows = list_submissions(s, plan, find_draft(s, plan, "Consultation draft 1"))
        assert [(r.party, r.channel, r.received, r.late) for r in rows] == [
            ("Peru", "e-mail", "2014-07-02", True)]
        assert original_file(s, rows[0].origin) == ("peru.txt", LETTER.encode())
        items = [i for n in review(s, plan, find_draft(s, plan, "Consultation draft 1")).nodes
                 for f in n.fields for i in f.items]
        assert items and all(i.late and i.party == "Peru" for i in items)
    with pytest.raises(LetterError, match="empty"):
        record_letter(store, plan, "  ", "Peru")


def test_letter_cli_dry_run_attach_and_list(plan_store: tuple[Store, str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    store, plan = plan_store
    _draft(store, plan)
    db = str(store.path)
    store.close()
    letter = tmp_path / "peru.txt"
    letter.write_text(LETTER, encoding="utf-8")
    assert main(["--db", db, "submission", "letter", str(letter), "--party", "Peru",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "0 new change(s)" in out and "general, not recorded (attach it with --attach 2=NODE)" in out
    assert main(["--db", db, "submission", "letter", str(letter), "--party", "Peru",
                 "--received", "2014-06-20", "--attach", "2=G1"]) == 0
    out = capsys.readouterr().out
    assert "5 new change(s)" in out and "LATE" not in out and "comment on G1" in out
    assert main(["--db", db, "submission", "list"]) == 0
    assert "2014-06-20  Peru" in capsys.readouterr().out
    assert main(["--db", db, "submission", "letter", str(letter), "--party", "Peru",
                 "--attach", "3=G1"]) == 1
    assert "not a general paragraph" in capsys.readouterr().err


def test_a_bundle_received_after_the_deadline_is_late(plan_store: tuple[Store, str],
                                                      tmp_path: Path) -> None:
    store, plan = plan_store
    export_bundle(store, plan, tmp_path / "full.cmsb", full=True)
    party = open_store(tmp_path / "brazil.db", "Ana Silva", "Brazil", "Central and South "
                       "America and the Caribbean")
    import_bundle(party, tmp_path / "full.cmsb")
    with party.session() as s:
        t1 = queries.resolve_node(s, plan, "T1")
    PlanEditor(party, plan).set_field(t1, "text", "Brazil's wording.")
    export_bundle(party, plan, tmp_path / "brazil.cmsb")
    party.close()
    _draft(store, plan, deadline="2014-06-30")  # long past: today's import is late
    import_bundle(store, tmp_path / "brazil.cmsb")
    with store.session() as s:
        draft = find_draft(s, plan, "Consultation draft 1")
        compilation = gather_compilation(s, plan, since="Consultation draft 1")
        proposals = [p for n in compilation.nodes for f in n.fields for p in f.proposals]
        assert [(p.party, p.late) for p in proposals] == [("Brazil", True)]
        items = [i for n in review(s, plan, draft).nodes for f in n.fields for i in f.items]
        assert items and all(i.late for i in items)


def _round(tmp_path: Path) -> tuple[Path, str, list[tuple[str, Path]]]:
    """A Secretariat store with a consultation draft, and four submissions to it."""
    from cmsdesk.models.commands import create_plan_from_template

    sec = open_store(tmp_path / "sec.db", "Officer", "", "", "secretariat")
    plan = create_plan_from_template(sec).created or ""
    _draft(sec, plan, deadline="2014-06-30")
    copy = export_for_comments(sec, plan, tmp_path / "copy.docx").path
    export_bundle(sec, plan, tmp_path / "full.cmsb", full=True)
    sec.close()
    civ, ken = open_copy(copy), open_copy(copy)
    track_replace(civ, "broadly aware", "fully aware", "Awa Koné")
    civ.save(str(tmp_path / "civ.docx"))
    track_replace(ken, "are integrated into national", "are built into national", "Ken")
    ken.save(str(tmp_path / "ken.docx"))
    brazil = open_store(tmp_path / "brazil.db", "Ana Silva", "Brazil", "")
    import_bundle(brazil, tmp_path / "full.cmsb")
    with brazil.session() as s:
        t1 = queries.resolve_node(s, plan, "T1")
        old = queries.node_view(s, t1).fields["text"]
    PlanEditor(brazil, plan).set_field(t1, "text", old.replace("broadly aware", "well aware"))
    export_bundle(brazil, plan, tmp_path / "brazil.cmsb")
    brazil.close()
    letter = tmp_path / "peru.txt"
    letter.write_text(LETTER, encoding="utf-8")
    return tmp_path / "sec.db", plan, [("civ", tmp_path / "civ.docx"),
                                       ("ken", tmp_path / "ken.docx"),
                                       ("bundle", tmp_path / "brazil.cmsb"),
                                       ("letter", letter)]


def _apply(store: Store, plan: str, kind: str, path: Path) -> None:
    if kind == "civ":
        import_reply(store, path, "Côte d'Ivoire", received=date(2014, 6, 27))
    elif kind == "ken":
        import_reply(store, path, "Kenya", received=date(2014, 7, 1))
    elif kind == "bundle":
        import_bundle(store, path)
    else:
        record_letter(store, plan, path.read_text("utf-8"), "Peru", received=date(2014, 6, 29),
                      channel="e-mail")


def test_replies_bundle_and_letter_converge_in_any_order(tmp_path: Path) -> None:
    base, plan, submissions = _round(tmp_path)
    results = []
    orders = list(itertools.permutations(submissions))
    for n, order in enumerate([orders[0], orders[-1], orders[9]]):
        path = tmp_path / f"order{n}.db"
        shutil.copy(base, path)
        store = Store.open(path)
        store.set_profile(Profile("Officer", "", "", "secretariat"))
        for kind, file in order:
            _apply(store, plan, kind, file)
        with store.session() as s:
            results.append(queries.snapshot(s, plan))
            count = s.scalar(select(func.count()).select_from(Change))
            parties = {r for (r,) in s.execute(select(Change.author_party).distinct())}
        t1 = _text(store, plan, "T1")
        store.close()
        assert "Option" in t1 and "(Brazil)" in t1 and "(Côte d'Ivoire)" in t1, t1
        assert "fully aware" in t1 and "well aware" in t1
        assert {"Côte d'Ivoire", "Kenya", "Brazil", "Peru"} <= parties
        results[-1]["changes"] = count
    assert results[0] == results[1] == results[2]
