"""The replica a Party's Word reply is recorded under cannot be taken over (issue 14).

The Secretariat records a Party's Word reply or letter as the changes of a *submission
replica*. Its id used to be a hash of public data (the plan, the consultation copy's id printed
in the copy, the Party), so anyone holding the copy could send, before the reply was recorded, a
bundle of changes under that replica signed with their own key: the Secretariat's store then
bound the replica to that key, and its genuine recording was no longer its own (not vouched
for, and its bundles carried a change signed with another key under the replica). The id is now
keyed by a secret of the recording installation, and a replica recorded here is bound to this
installation's key: no bundle can place changes under it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reply_support import open_copy, track_replace
from sync_support import Replicas, change_set

from cmsdesk.export.for_comments import export_for_comments
from cmsdesk.models.canonical import digest
from cmsdesk.models.changelog import Key, append_changes
from cmsdesk.models.drafts import mark_draft
from cmsdesk.models.identity import Profile
from cmsdesk.models.projection import heads_of, project
from cmsdesk.models.review import baseline, review
from cmsdesk.models.store import Store
from cmsdesk.models.trust import recordings
from cmsdesk.submissions.recording import Item, changes_for, recorder_of
from cmsdesk.submissions.reply import ORIGIN, import_reply
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.format import BundleError
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.peers import pin

SECRETARIAT = Profile("Officer", "UNEP/CMS", "", "secretariat")
KENYA = Profile("Wanjiru", "Kenya", "Africa", "delegate")


def _write_under(store: Store, reps: Replicas, replica: str, words: str) -> None:
    """Changes under ``replica`` made at ``store`` as if it recorded them from Kenya's reply
    (what a modified program, or a forger's script, can write), which its exporter signs with
    its own key."""
    with store.session() as s:
        key = Key("node", reps.targets[1], "text")
        item = Item("set", key, words, tuple(heads_of(s, key)), KENYA)
        bodies, _ids = changes_for(s, reps.plan_id, replica, "2014-06-01", [item],
                                   recorder_of(store.replica_id, "Word reply"))
        project(s, append_changes(s, bodies, origin="forged").fields)


def _copy_and_reply(sec: Store, reps: Replicas, tmp_path: Path) -> tuple[str, Path]:
    """The consultation copy the Secretariat sends Kenya, and Kenya's reply; returns the copy's
    id, which the copy carries for anyone who holds it."""
    mark_draft(sec, reps.plan_id, "Consultation draft 1", date="2014-05-01")
    info = export_for_comments(sec, reps.plan_id, tmp_path / "copy.docx")
    reply = open_copy(info.path)
    track_replace(reply, "Range States cooperate", "All Range States cooperate", "Wanjiru")
    reply.save(str(tmp_path / "kenya.docx"))
    return info.copy_id, tmp_path / "kenya.docx"


def _recorded_items(store: Store, reps: Replicas) -> list[tuple[str, bool, str]]:
    with store.session() as s:
        result = review(s, reps.plan_id, baseline(s, reps.plan_id, "Consultation draft 1"),
                        own_replica=store.replica_id)
    return sorted((i.party, i.verified, i.recorded) for n in result.nodes for f in n.fields
                  for i in f.items if i.recorded)


def test_a_replica_taken_in_advance_does_not_capture_the_recorded_reply(
        tmp_path: Path) -> None:
    reps = Replicas(tmp_path / "r")
    sec = reps.origin_copy()
    sec.set_profile(SECRETARIAT)
    copy_id, reply = _copy_and_reply(sec, reps, tmp_path)
    # a forger holding the copy works out the id the reply would be recorded under, from
    # what the copy says, and sends changes under it first, signed with its own key
    predicted = digest({"kind": ORIGIN, "plan": reps.plan_id, "copy": copy_id,
                        "party": "Kenya"})[:32]
    forger = reps.new_store("forger", profile=Profile("Mallory", "Spain", "Europe", "delegate"))
    _write_under(forger, reps, predicted, "Kenya wants nothing. Nothing at all.")
    export_bundle(forger, reps.plan_id, tmp_path / "forged.cmsb")
    import_bundle(sec, tmp_path / "forged.cmsb")

    assert import_reply(sec, reply, "Kenya").new_changes == 1
    with sec.session() as s:
        [(replica, recording)] = [(r, v) for r, v in recordings(s).items()]
    assert replica != predicted  # recorded under a replica nobody could know in advance
    assert recording.describe("Kenya") == "recorded by the CMS Secretariat from Kenya's Word reply"
    # the recording leaves signed by the Secretariat alone, and a site that pinned the
    # Secretariat verifies it as recorded there
    export_bundle(sec, reps.plan_id, tmp_path / "sec.cmsb")
    site = reps.new_store("site", profile=SECRETARIAT)
    pin(site, sec.replica_id)
    import_bundle(site, tmp_path / "sec.cmsb")
    assert ("Kenya", True, "recorded by the CMS Secretariat from Kenya's Word reply") in \
        _recorded_items(site, reps)
    # recording the same reply again adds nothing: the id is the same for this installation
    assert import_reply(sec, reply, "Kenya").new_changes == 0
    for store in (sec, forger, site):
        store.close()


def test_no_bundle_can_use_up_the_counters_of_a_reply_recorded_here(tmp_path: Path) -> None:
    """Once the recording has left in a bundle its replica id is known; a change under it
    signed by another key is refused at the recorder, which stays as it was."""
    reps = Replicas(tmp_path / "r")
    sec = reps.origin_copy()
    sec.set_profile(SECRETARIAT)
    _copy_id, reply = _copy_and_reply(sec, reps, tmp_path)
    import_reply(sec, reply, "Kenya")
    export_bundle(sec, reps.plan_id, tmp_path / "sec.cmsb")
    with sec.session() as s:
        [replica] = recordings(s)
    forger = reps.new_store("forger", profile=Profile("Mallory", "Spain", "Europe", "delegate"))
    import_bundle(forger, tmp_path / "sec.cmsb")
    _write_under(forger, reps, replica, "Kenya takes it all back. Every word.")
    export_bundle(forger, reps.plan_id, tmp_path / "forged.cmsb")
    before = change_set(sec, reps.plan_id)
    with pytest.raises(BundleError, match="signed with another key .* than the one this store "
                                          "knows for them"):
        import_bundle(sec, tmp_path / "forged.cmsb")
    assert change_set(sec, reps.plan_id) == before
    with sec.session() as s:
        assert replica in recordings(s)  # still its own recording
    for store in (sec, forger):
        store.close()
