"""The reference frameworks in French and Spanish: the file format, the store, the annex."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cmsdesk.export.content import plan_content
from cmsdesk.models.frameworks import (
    FrameworkFileError,
    framework_words,
    parse_framework,
    read_framework_file,
)
from cmsdesk.models.store import Store
from cmsdesk.paths import resource


@pytest.mark.parametrize("framework", ["aichi", "kmgbf"])
def test_the_bundled_frameworks_have_every_text_in_french_and_spanish(framework: str) -> None:
    data = json.loads(resource("frameworks", f"{framework}.json").read_text("utf-8"))
    fw = parse_framework(data)
    for lang in ("fr", "es"):
        texts = data["languages"][lang]
        assert texts["translator"] == "cmsdesk" and set(texts["official"]) == {"title", "source"}
        rows = [r for r in fw.texts if r[0] == lang]
        assert {r[2] for r in rows if r[1] == "goal"} == {code for code, _ in fw.goals}
        targets = {r[2]: r for r in rows if r[1] == "target"}
        assert set(targets) == {t[0] for t in fw.targets}
        assert all(r[3] and r[4] for r in targets.values())


def test_framework_words_in_each_language(store: Store) -> None:
    with store.session() as s:
        assert framework_words(s, "aichi", "fr").title == "Objectifs d'Aichi pour la biodiversité"
        assert framework_words(s, "aichi", "es").title == (
            "Metas de Aichi para la Diversidad Biológica")
        assert framework_words(s, "aichi").title == "Aichi Biodiversity Targets"
        kmgbf = framework_words(s, "kmgbf", "fr")
        assert kmgbf.title == "Cadre mondial de la biodiversité de Kunming-Montréal"
        assert kmgbf.targets["3"][0] == "Conserver 30 % d'ici à 2030"
        assert framework_words(s, "kmgbf", "es").goals["A"].startswith("Los ecosistemas")


def test_the_annex_uses_the_documents_language(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    with store.session() as s:
        content = plan_content(s, plan_id, lang="es", frameworks=["aichi", "kmgbf"])
    aichi, kmgbf = content.annexes
    assert aichi.title == "Metas de Aichi para la Diversidad Biológica"
    assert kmgbf.title == "Marco Mundial de Biodiversidad de Kunming-Montreal"
    titles = [link.title for row in aichi.rows for link in row.links]
    assert "Conciencia de los valores de la diversidad biológica" in titles
    assert aichi.rows[0].heading.startswith("Meta 1: ")


def test_a_framework_file_with_an_unknown_language_is_refused(tmp_path: Path) -> None:
    data = json.loads(resource("frameworks", "aichi.json").read_text("utf-8"))
    data["languages"]["de"] = {"title": "Aichi-Ziele"}
    path = tmp_path / "aichi-de.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FrameworkFileError, match="unknown language 'de'"):
        read_framework_file(path)
    data["languages"].pop("de")
    data["languages"]["fr"]["targets"]["99"] = {"title": "?", "summary": "?"}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FrameworkFileError, match="fr text of unknown target 99"):
        read_framework_file(path)


def test_a_store_made_before_gets_the_framework_texts(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from cmsdesk.models.store import MIGRATIONS

    store = Store.open(tmp_path / "old.db")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with store.engine.begin() as conn:  # taken back to revision 0009, before the texts
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0009")
    finally:
        store.close()
    store = Store.open(tmp_path / "old.db")
    with store.session() as s:
        assert framework_words(s, "kmgbf", "es").title == (
            "Marco Mundial de Biodiversidad de Kunming-Montreal")
    store.close()
