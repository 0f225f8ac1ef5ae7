"""A Party's Word reply recorded at the Secretariat, provable at every other site.

The recorded changes name their recorder (``recorded_by``) and are signed with the recorder's
key: where that Secretariat installation is pinned they are verified *as recorded* ("recorded
by the CMS Secretariat from Kenya's Word reply"), not held in quarantine for claiming Kenya
with a key that is not Kenya's; no other key can pass off changes as such a recording."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reply_support import open_copy, track_replace
from sync_support import Replicas

import cmsdesk.sync.exporter as exporter
from cmsdesk.export.compilation import gather_compilation
from cmsdesk.export.for_comments import export_for_comments
from cmsdesk.models.drafts import mark_draft
from cmsdesk.models.held_reasons import english
from cmsdesk.models.identity import Profile
from cmsdesk.models.review import baseline, review
from cmsdesk.models.store import Store
from cmsdesk.models.trust import recordings, verified_replicas
from cmsdesk.submissions.recording import changes_for, recorder_of
from cmsdesk.submissions.reply import import_reply
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.peers import pin
from cmsdesk.sync.quarantine import list_quarantine

SECRETARIAT = Profile("Officer", "UNEP/CMS", "", "secretariat")
KENYA = Profile("Wanjiru", "Kenya", "Africa", "delegate")


def _reply_recorded(reps: Replicas, tmp_path: Path) -> tuple[Store, Path]:
    """The Secretariat sends a consultation copy; Kenya answers in Word; the Secretariat
    records the reply and sends the plan on."""
    sec = reps.origin_copy()
    mark_draft(sec, reps.plan_id, "Consultation draft 1", date="2014-05-01")
    info = export_for_comments(sec, reps.plan_id, tmp_path / "copy.docx")
    reply = open_copy(info.path)
    track_replace(reply, "Range States cooperate", "All Range States cooperate", "Wanjiru")
    reply.save(str(tmp_path / "kenya.docx"))
    assert import_reply(sec, tmp_path / "kenya.docx", "Kenya").new_changes == 1
    out = tmp_path / "sec.cmsb"
    export_bundle(sec, reps.plan_id, out)
    return sec, out


def _kenya_registered(reps: Replicas, site: Store, tmp_path: Path) -> None:
    """Kenya's own installation is pinned for Kenya at ``site``."""
    kenya = reps.new_store("kenya", profile=KENYA)
    export_bundle(kenya, reps.plan_id, tmp_path / "kenya.cmsb")
    import_bundle(site, tmp_path / "kenya.cmsb")
    pin(site, kenya.replica_id, party="Kenya")
    kenya.close()


def _review_items(store: Store, plan_id: str) -> list:
    with store.session() as s:
        result = review(s, plan_id, baseline(s, plan_id, "Consultation draft 1"),
                        own_replica=store.replica_id)
        return [i for n in result.nodes for f in n.fields for i in f.items]


def _proposals(store: Store, plan_id: str) -> list:
    with store.session() as s:
        got = gather_compilation(s, plan_id, "Consultation draft 1")
    return [p for n in got.nodes for f in n.fields for p in f.proposals]


def test_a_recorded_reply_is_verified_as_recorded_where_the_secretariat_is_pinned(
        tmp_path: Path) -> None:
    reps = Replicas(tmp_path / "r")
    sec, bundle = _reply_recorded(reps, tmp_path)
    with sec.session() as s:  # at the recorder: its own recording
        [recording] = recordings(s).values()
        assert recording.describe("Kenya") == ("recorded by the CMS Secretariat from Kenya's "
                                               "Word reply")
    site = reps.new_store("site", profile=SECRETARIAT)
    pin(site, sec.replica_id)
    _kenya_registered(reps, site, tmp_path)
    report = import_bundle(site, bundle)
    assert not report.quarantined and not list_quarantine(site)
    assert "  Wanjiru (Kenya): verified (recorded by the Secretariat)" in report.author_lines()
    [item] = _review_items(site, reps.plan_id)
    assert item.party == "Kenya" and item.verified
    assert item.recorded == "recorded by the CMS Secretariat from Kenya's Word reply"
    [proposal] = _proposals(site, reps.plan_id)
    assert proposal.verified and proposal.recorded_from == "Word reply"
    # forwarded by a third installation, the recording keeps its recorder's signature
    relay = reps.new_store("relay", profile=Profile("Awa", "Senegal", "Africa", "focal point"))
    import_bundle(relay, bundle)
    export_bundle(relay, reps.plan_id, tmp_path / "relay.cmsb")
    far = reps.new_store("far", profile=SECRETARIAT)
    pin(far, sec.replica_id)
    import_bundle(far, tmp_path / "relay.cmsb")
    [item] = _review_items(far, reps.plan_id)
    assert item.verified and item.recorded.startswith("recorded by the CMS Secretariat")
    for store in (sec, site, relay, far):
        store.close()


def test_where_the_secretariat_is_not_pinned_a_recording_is_unverified(tmp_path: Path) -> None:
    reps = Replicas(tmp_path / "r")
    sec, bundle = _reply_recorded(reps, tmp_path)
    site = reps.new_store("site", profile=KENYA)
    import_bundle(site, bundle)
    [item] = _review_items(site, reps.plan_id)
    assert not item.verified and item.recorded == ""
    with site.session() as s:
        assert not recordings(s) and sec.replica_id not in verified_replicas(s)
    sec.close()
    site.close()


def test_no_other_key_can_pass_changes_off_as_the_secretariats_recording(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A delegate's installation (with a modified program) writes changes claiming to be the
    Secretariat's recording of Kenya's reply, and signs them with its own key."""
    reps = Replicas(tmp_path / "r")
    sec, _bundle = _reply_recorded(reps, tmp_path)
    forger = reps.new_store("forger", profile=Profile("Mallory", "Spain", "Europe", "delegate"))
    _forge_recording(forger, reps, sec.replica_id)
    monkeypatch.setattr(exporter, "recorded_here", lambda extra, _replica: "recorded_by" in extra)
    export_bundle(forger, reps.plan_id, tmp_path / "forged.cmsb")
    monkeypatch.undo()
    site = reps.new_store("site", profile=SECRETARIAT)
    pin(site, sec.replica_id)
    before = _text(site, reps.targets[0])
    report = import_bundle(site, tmp_path / "forged.cmsb")
    [held] = report.quarantined
    count, why = held.count, english(held.reason)
    assert count == 1 and re.fullmatch(
        r"it claims to be recorded from Kenya's Word reply by the Secretariat, but it is signed "
        r"with another key \([0-9a-f ]{24}\) than the recorder's \([0-9a-f ]{24}\)", why), why
    with site.session() as s:
        assert "f" * 32 not in verified_replicas(s)
    assert _text(site, reps.targets[0]) == before  # the plan is unchanged
    for store in (sec, forger, site):
        store.close()


def test_an_unsigned_change_claiming_a_recording_of_this_installation_is_not_vouched_for(
        tmp_path: Path) -> None:
    """A forged recording sent unsigned, naming the recorder itself, comes back to it: it is
    not taken for its own recording."""
    reps = Replicas(tmp_path / "r")
    sec, _bundle = _reply_recorded(reps, tmp_path)
    forger = reps.new_store("forger", profile=Profile("Mallory", "Spain", "Europe", "delegate"))
    _forge_recording(forger, reps, sec.replica_id)
    export_bundle(forger, reps.plan_id, tmp_path / "forged.cmsb")  # unsigned: not its own
    import_bundle(sec, tmp_path / "forged.cmsb")
    with sec.session() as s:
        assert "f" * 32 not in recordings(s) and "f" * 32 not in verified_replicas(s)
        assert len(recordings(s)) == 1  # Kenya's reply, recorded here
    sec.close()
    forger.close()


def _forge_recording(forger: Store, reps: Replicas, recorder: str) -> None:
    """Changes under a made-up submission replica that claim ``recorder`` recorded them."""
    from cmsdesk.models.changelog import Key, append_changes
    from cmsdesk.models.projection import heads_of, project
    from cmsdesk.submissions.recording import Item

    with forger.session() as s:
        key = Key("node", reps.targets[0], "text")
        item = Item("set", key, "Kenya agrees to nothing.", tuple(heads_of(s, key)), KENYA)
        bodies, _ids = changes_for(s, reps.plan_id, "f" * 32, "2014-06-01", [item],
                                   recorder_of(recorder, "Word reply"))
        project(s, append_changes(s, bodies, origin="forged").fields)


def test_a_key_registered_for_a_party_cannot_record_for_another(
        tmp_path: Path) -> None:
    """Spain's own (pinned) installation records 'Kenya's reply' itself: held."""
    reps = Replicas(tmp_path / "r")
    spain = reps.new_store("spain", profile=Profile("Ana", "Spain", "Europe", "delegate"))
    site = reps.new_store("site", profile=SECRETARIAT)
    export_bundle(spain, reps.plan_id, tmp_path / "spain0.cmsb")
    import_bundle(site, tmp_path / "spain0.cmsb")
    pin(site, spain.replica_id, party="Spain")
    mark_draft(spain, reps.plan_id, "Spain's copy", date="2014-05-01")
    info = export_for_comments(spain, reps.plan_id, tmp_path / "copy.docx")
    reply = open_copy(info.path)
    track_replace(reply, "Range States cooperate", "All Range States cooperate", "Wanjiru")
    reply.save(str(tmp_path / "kenya.docx"))
    import_reply(spain, tmp_path / "kenya.docx", "Kenya")
    export_bundle(spain, reps.plan_id, tmp_path / "spain.cmsb")
    before = _text(site, reps.targets[0])
    report = import_bundle(site, tmp_path / "spain.cmsb")
    whys = {english(h.reason) for h in report.quarantined}
    assert any("registered for Spain: only the Secretariat records for a Party" in w
               for w in whys), whys
    assert _text(site, reps.targets[0]) == before
    spain.close()
    site.close()


def _text(store: Store, node: str) -> str:
    from sync_support import text_of

    return text_of(store, node)


def test_conflicts_and_the_word_document_mark_a_recorded_wording(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Spain's own wording against Kenya's recorded one: Kenya's option is marked as recorded
    by the Secretariat (‡ and a note in the Word document), not as unverified (†)."""
    from cmsdesk.export.docx_plan import export_plan_docx

    reps = Replicas(tmp_path / "r")
    sec, bundle = _reply_recorded(reps, tmp_path)
    spain = reps.new_store("spain", profile=Profile("Ana", "Spain", "Europe", "delegate"))
    from cmsdesk.models.commands import PlanEditor

    PlanEditor(spain, reps.plan_id).set_field(reps.targets[0], "text", _text(
        spain, reps.targets[0]).replace("Range States cooperate", "Range States act together"))
    export_bundle(spain, reps.plan_id, tmp_path / "spain.cmsb")
    site = reps.new_store("site", profile=SECRETARIAT)
    pin(site, sec.replica_id)
    for path in (bundle, tmp_path / "spain.cmsb"):
        import_bundle(site, path)
    pin(site, spain.replica_id, party="Spain")
    shown = _text(site, reps.targets[0])
    assert "(Kenya): All Range States cooperate.]" in shown
    assert "(Spain): Range States act together.]" in shown
    with site.session() as s:
        export_plan_docx(s, reps.plan_id, tmp_path / "plan.docx")
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "plan.docx")).paragraphs)
    assert "(Kenya\u2021): All Range States cooperate.]" in text
    assert "(Spain): Range States act together.]" in text and "\u2020" not in text
    assert ("\u2021 Recorded by the Secretariat from the Party's Word reply or letter: verified "
            "as recorded, not signed with the Party's own key.") in text
    path = site.path
    for store in (sec, spain, site):
        store.close()
    from cli_support import run

    code, out, _ = run(capsys, "--db", str(path), "conflicts")
    assert code == 0 and "(Kenya [recorded by the Secretariat from its reply])" in out
    assert "(Spain)" in out
