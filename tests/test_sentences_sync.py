"""The sentence rules a plan merges with travel with the plan, so every installation that holds
the same bundles shows the same merged text, whichever cmsdesk version it runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import open_store
from sqlalchemy import select

from cmsdesk.models import commands, queries, rules
from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import PlanEditor, Transaction, create_plan
from cmsdesk.models.projection import sentence_rules
from cmsdesk.models.schema import Change
from cmsdesk.models.sentences import CURRENT_RULES, LEGACY_RULES
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.format import BundleError
from cmsdesk.sync.importer import import_bundle

BASE = "Parties should reduce bycatch, e.g. by using circle hooks. Range States report."
SPAIN = "Parties should eliminate bycatch, e.g. by using circle hooks. Range States report."
KENYA = "Parties should reduce bycatch, e.g. by banning gillnets. Range States report."
FUSED = "Parties should eliminate bycatch, e.g. by banning gillnets. Range States report."


def record_plan_as_before(tx: Transaction, fields: dict[str, str]) -> None:
    """What cmsdesk recorded for a new plan before sentence rules were versioned."""
    for fld in rules.PLAN_FIELDS:
        tx.record("set", Key("plan", tx.plan_id, fld), fields.get(fld, ""), [])


def secretariat_round(tmp_path: Path) -> tuple[Callable[[str], Store], str, str]:
    """The Secretariat makes a plan with a target holding BASE; Spain and Kenya edit it; returns
    a maker of installations that import the three bundles, the plan and the target."""
    sec = open_store(tmp_path / "sec.db", "Secretariat", "UNEP/CMS", "", "secretariat")
    plan = create_plan(sec, "Strategic Plan for Migratory Species").created or ""
    editor = PlanEditor(sec, plan)
    chapter = editor.add_node(None, "chapter", "Goals").created or ""
    target = editor.add_node(chapter, "target", "Target 1", BASE).created or ""
    base_bundle = tmp_path / "base.cmsb"
    export_bundle(sec, plan, base_bundle)
    sec.close()
    bundles = [base_bundle]
    for party, text in (("Spain", SPAIN), ("Kenya", KENYA)):
        delegate = open_store(tmp_path / f"{party}.db", f"{party} delegate", party)
        import_bundle(delegate, base_bundle)
        PlanEditor(delegate, plan).set_field(target, "text", text)
        bundles.append(tmp_path / f"{party}.cmsb")
        export_bundle(delegate, plan, bundles[-1])
        delegate.close()

    def installation(name: str) -> Store:
        store = open_store(tmp_path / f"{name}.db", name, "UNEP/CMS", "", "secretariat")
        for bundle in bundles:
            import_bundle(store, bundle)
        return store

    return installation, plan, target


def shown(store: Store, target: str) -> str:
    with store.session() as s:
        return queries.node_view(s, target).fields["text"]


def test_a_new_plan_records_the_current_rules_and_merges_with_them(tmp_path: Path) -> None:
    installation, plan, target = secretariat_round(tmp_path)
    store = installation("geneva")
    with store.session() as s:
        assert sentence_rules(s, plan) == CURRENT_RULES
    text = shown(store, target)
    assert text == ("[Option 1 (Spain): Parties should eliminate bycatch, e.g. by using circle "
                    "hooks.] [Option 2 (Kenya): Parties should reduce bycatch, e.g. by banning "
                    "gillnets.] Range States report.")


def test_a_plan_made_before_rules_were_recorded_keeps_the_first_rules(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Installations of the earlier cmsdesk merge that plan with the first rules: this one
    shows the same text they do (the fusion they show, not a conflict only it would show)."""
    monkeypatch.setattr(Transaction, "record_new_plan", record_plan_as_before)
    installation, plan, target = secretariat_round(tmp_path)
    store = installation("geneva")
    with store.session() as s:
        assert sentence_rules(s, plan) == LEGACY_RULES
    assert shown(store, target) == FUSED


def test_the_plans_rules_not_the_installations_decide_the_merge(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A later cmsdesk, whose current rules are newer, still merges this plan with the rules it
    recorded, and so shows what this one shows."""
    installation, plan, target = secretariat_round(tmp_path)
    here = installation("geneva")
    with here.session() as s:
        expected = queries.snapshot(s, plan)
    assert "[Option 1 (Spain)" in shown(here, target)
    # The later version's own rules (3) are unknown here: merging with them would fail.
    monkeypatch.setattr(commands, "CURRENT_RULES", CURRENT_RULES + 1)
    monkeypatch.setattr("cmsdesk.models.textmerge.merge_texts.__defaults__",
                        ("en", CURRENT_RULES + 1))
    later = installation("bonn")
    with later.session() as s:
        assert queries.snapshot(s, plan) == expected


def test_a_plan_merged_with_rules_this_version_lacks_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    newer = open_store(tmp_path / "newer.db", "Secretariat", "UNEP/CMS", "", "secretariat")
    monkeypatch.setattr(commands, "CURRENT_RULES", 99)  # as a later cmsdesk would record
    plan = create_plan(newer, "Strategic Plan").created or ""
    bundle = tmp_path / "newer.cmsb"
    export_bundle(newer, plan, bundle)
    older = open_store(tmp_path / "older.db", "Ana Pérez", "Spain")
    with pytest.raises(BundleError, match="sentence rules version 99, which this cmsdesk does "
                                          "not know: update cmsdesk"):
        import_bundle(older, bundle)
    with older.session() as s:
        assert s.scalar(select(Change.id).limit(1)) is None


def test_upgrading_an_older_plans_rules_travels_and_merges_its_texts_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from cmsdesk.cli import main

    monkeypatch.setattr(Transaction, "record_new_plan", record_plan_as_before)
    installation, plan, target = secretariat_round(tmp_path)
    geneva, bonn = installation("geneva"), installation("bonn")
    assert shown(geneva, target) == shown(bonn, target) == FUSED
    assert geneva.path is not None
    geneva.close()
    assert main(["--db", str(geneva.path), "sentence-rules", "--upgrade"]) == 0
    assert f"sentence rules version {CURRENT_RULES}" in capsys.readouterr().out
    geneva = Store.open(geneva.path)
    upgraded = shown(geneva, target)
    assert upgraded.startswith("[Option 1 (Spain): Parties should eliminate bycatch, e.g. by")
    # the upgrade is a change like any other: the next bundle carries it to Bonn
    export_bundle(geneva, plan, tmp_path / "upgrade.cmsb")
    import_bundle(bonn, tmp_path / "upgrade.cmsb")
    assert shown(bonn, target) == upgraded
    with bonn.session() as s:
        assert sentence_rules(s, plan) == CURRENT_RULES
