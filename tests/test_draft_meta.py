"""The document metadata of a named draft: set when marking, edited later, checked, shown; a
refused value writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import run
from sqlalchemy import text

from cmsdesk.models.commands import CommandError
from cmsdesk.models.draft_meta import DocumentMeta, check_symbol
from cmsdesk.models.drafts import edit_draft, list_drafts, mark_draft
from cmsdesk.models.queries import NotFoundError
from cmsdesk.models.store import Store


def _stored(db: str) -> list[tuple[str, ...]]:
    with Store.open(Path(db), write=False) as store, store.session() as s:
        return [tuple(r) for r in s.execute(text(
            "SELECT name, symbol, date, meta FROM named_drafts ORDER BY arrival, name"))]


def test_mark_with_metadata_then_edit_and_show(capsys: pytest.CaptureFixture[str],
                                               db: str) -> None:
    code, out, err = run(
        capsys, "--db", db, "draft", "mark", "Consultation draft 2",
        "--symbol", "UNEP/CMS/COP11/Doc.15.2", "--date", "2014-08-15",
        "--meeting", "Meeting of the Conference of the Parties", "--meeting-number", "11",
        "--place", "Quito, Ecuador", "--meeting-dates", "4-9 November 2014",
        "--agenda-item", "15.2", "--deadline", "2014-09-30", "--distribution", "limited",
        "--prepared-by", "the Chair of the Strategic Plan Working Group",
        "--comments-to", "cms@cms.int", "--languages", "en, fr,es")
    assert code == 0 and not err, err
    code, out, _e = run(capsys, "--db", db, "draft", "show", "consultation draft 2", "--json")
    shown = json.loads(out)
    assert shown["symbol"] == "UNEP/CMS/COP11/Doc.15.2" and shown["date"] == "2014-08-15"
    assert shown["meta"] == {
        "meeting": "Meeting of the Conference of the Parties", "meeting_number": "11",
        "meeting_place": "Quito, Ecuador", "meeting_dates": "4-9 November 2014",
        "agenda_item": "15.2", "deadline": "2014-09-30", "distribution": "Limited",
        "prepared_by": "the Chair of the Strategic Plan Working Group",
        "comments_to": "cms@cms.int", "languages": ["en", "fr", "es"]}
    code, out, _e = run(capsys, "--db", db, "draft", "edit", "Consultation draft 2",
                        "--agenda-item", "15.3", "--symbol", "UNEP/CMS/COP11/Doc.15.3",
                        "--rename", "Final draft")
    assert code == 0 and out.strip() == "updated draft 'Final draft'"
    code, out, _e = run(capsys, "--db", db, "draft", "show", "Final draft")
    assert "symbol: UNEP/CMS/COP11/Doc.15.3" in out and "agenda-item: 15.3" in out
    assert "place: Quito, Ecuador" in out and "deadline: 2014-09-30" in out


@pytest.mark.parametrize(("args", "message"), [
    (["mark", "D", "--symbol", "UNEP/CMS:COP11"], "the symbol 'UNEP/CMS:COP11' has the "
                                                  "character(s) ':'"),
    (["mark", "D", "--symbol", "UNEP//CMS"], "empty part between slashes"),
    (["mark", "D", "--symbol", "A<B>"], "which a file name or a Word document cannot hold"),
    (["mark", "D", "--deadline", "30 June"], "'30 June' is not a date: write it as YYYY-MM-DD"),
    (["mark", "D", "--date", "2014-02-30"], "'2014-02-30' is not a date"),
    (["mark", "D", "--distribution", "Secret"], "distribution 'Secret' is not one of General, "
                                                "Limited, Restricted"),
    (["mark", "D", "--languages", "en,de"], "language 'de' is not one of en, fr, es"),
    (["edit", "No such draft", "--agenda-item", "3"], "no draft 'No such draft'"),
    (["edit", "Existing", "--symbol", "bad\\symbol"], "the character(s) '\\\\'"),
    (["edit", "Existing", "--deadline", "tomorrow"], "'tomorrow' is not a date"),
    (["show", "Nothing"], "no draft 'Nothing' in this plan"),
])
def test_bad_metadata_is_refused_in_one_line_and_writes_nothing(
        capsys: pytest.CaptureFixture[str], db: str, args: list[str], message: str) -> None:
    assert run(capsys, "--db", db, "draft", "mark", "Existing", "--symbol", "A/1")[0] == 0
    before = _stored(db)
    code, _out, err = run(capsys, "--db", db, "draft", *args)
    assert code == 1 and message in err, err
    assert err.count("\n") == 1 and err.startswith("cmsdesk: error: ")
    assert _stored(db) == before


def test_metadata_round_trips_and_ignores_unknown_keys(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    meta = DocumentMeta().updated(agenda_item="15.2", languages="fr es",
                                  original_language="FR")
    assert meta.languages == ("fr", "es") and meta.original_language == "fr"
    info = mark_draft(store, plan_id, "D1", "UNEP/CMS/X/1", "2014-02-01", meta)
    assert info.document == meta and info.meta == meta.to_json()
    assert DocumentMeta.from_json(meta.to_json() | {"from_a_newer_cmsdesk": 1}) == meta
    assert DocumentMeta().to_json() == {}
    with pytest.raises(CommandError, match="no metadata field 'colour'"):
        edit_draft(store, plan_id, "D1", colour="red")
    with pytest.raises(CommandError, match="exists already"):
        mark_draft(store, plan_id, "D2")
        edit_draft(store, plan_id, "D2", name="d1")
    with pytest.raises(NotFoundError):
        edit_draft(store, plan_id, "D9", agenda_item="1")
    assert [d.document.agenda_item for d in list_drafts(store, plan_id)] == ["15.2", ""]


def test_symbols_people_use_are_accepted() -> None:
    for symbol in ("UNEP/CMS/COP11/Doc.15.2", "UNEP/CMS/COP11/Doc.15.2/Add.1",
                   "CBD/SBSTTA/20/INF/3", "UNEP/CMS/StC44/Doc.13.1/Rev.1",
                   "UNEP/CMS/Resolution 11.2", "UNEP/CMS/COP12/Doc.21.1 (Rev.1)"):
        assert check_symbol(f" {symbol} ") == symbol
    with pytest.raises(CommandError, match="at most 80"):
        check_symbol("A" * 81)


def test_typed_metadata_given_per_language_prints_in_each_language(
        capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    import docx

    code, _out, err = run(
        capsys, "--db", db, "draft", "mark", "Consultation draft 2",
        "--symbol", "UNEP/CMS/COP11/Doc.15.2", "--date", "2014-08-15",
        "--meeting", "Meeting of the Conference of the Parties", "--meeting-number", "11",
        "--place", "Quito, Ecuador", "--prepared-by", "the Secretariat",
        "--translation", "fr", "meeting", "Conférence des Parties",
        "--translation", "fr", "place", "Quito (Équateur)",
        "--translation", "es", "meeting", "Conferencia de las Partes",
        "--translation", "es", "prepared-by", "la Secretaría")
    assert code == 0 and not err, err

    def first_page(lang: str) -> list[str]:
        out = tmp_path / f"d-{lang}.docx"
        assert run(capsys, "--db", db, "export", "docx", str(out), "--draft",
                   "Consultation draft 2", "--lang", lang)[0] == 0
        return [p.text for p in docx.Document(str(out)).paragraphs[:6]]

    assert first_page("en")[:2] == ["11th MEETING OF THE CONFERENCE OF THE PARTIES",
                                    "Quito, Ecuador"]
    french = first_page("fr")
    assert french[:2] == ["11e CONFÉRENCE DES PARTIES", "Quito (Équateur)"]
    assert "(Préparé par the Secretariat)" in french  # not given in French: as typed
    spanish = first_page("es")
    assert spanish[:2] == ["11.ª CONFERENCIA DE LAS PARTES", "Quito, Ecuador"]
    assert "(Preparado por la Secretaría)" in spanish
    code, out, _e = run(capsys, "--db", db, "draft", "show", "Consultation draft 2")
    assert "meeting (fr): Conférence des Parties" in out and "place (es)" not in out
    before = _stored(db)
    for bad, message in ((["de", "meeting", "Konferenz"], "not one of en, fr, es"),
                         (["fr", "agenda-item", "15.2"], "cannot be given per language")):
        code, _o, err = run(capsys, "--db", db, "draft", "edit", "Consultation draft 2",
                            "--translation", *bad)
        assert code != 0 and message in err and err.count("\n") == 1, err
        assert _stored(db) == before
    assert run(capsys, "--db", db, "draft", "edit", "Consultation draft 2",
               "--translation", "fr", "place", "")[0] == 0
    assert first_page("fr")[:2] == ["11e CONFÉRENCE DES PARTIES", "Quito, Ecuador"]
    code, out, _e = run(capsys, "--db", db, "draft", "show", "Consultation draft 2", "--json")
    assert json.loads(out)["meta"]["translations"] == {
        "fr": {"meeting": "Conférence des Parties"},
        "es": {"meeting": "Conferencia de las Partes", "prepared_by": "la Secretaría"}}
