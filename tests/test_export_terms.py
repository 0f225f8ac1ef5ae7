"""The furniture words of exported documents, in English, French and Spanish."""

from __future__ import annotations

import string
from datetime import date

import pytest

from cmsdesk.export.terms import LANGUAGE_NAMES, MONTHS, TERMS, terms_for
from cmsdesk.models import rules
from cmsdesk.models.languages import LANGUAGES, LanguageError


def _placeholders(word: str) -> set[str]:
    return {name for _t, name, _f, _c in string.Formatter().parse(word) if name}


def test_every_word_exists_in_every_language_with_the_same_placeholders() -> None:
    english = TERMS["en"]
    for lang in LANGUAGES:
        assert set(TERMS[lang]) == set(english), lang
        for key, word in TERMS[lang].items():
            assert word.strip(), (lang, key)
            assert _placeholders(word) == _placeholders(english[key]), (lang, key)
        assert set(LANGUAGE_NAMES[lang]) == set(LANGUAGES)
        assert len(MONTHS[lang]) == 12


def test_every_kind_status_relevance_and_field_has_a_word() -> None:
    for lang in LANGUAGES:
        t = terms_for(lang)
        for kind in rules.KINDS:
            assert t.kind(kind)
        for status in rules.STATUSES:
            assert t.status(status)
        for relevance in rules.RELEVANCES:
            assert t.relevance(relevance)
        for name in rules.COMMON_FIELDS + rules.TARGET_FIELDS:
            assert t.field(name)


def test_translations_differ_from_english_where_the_languages_do() -> None:
    for lang in ("fr", "es"):
        for key in ("contents", "convention", "brackets_note", "annex_plan_target",
                    "relevance_note", "kind.goal", "kind.target", "compilation_title"):
            assert TERMS[lang][key] != TERMS["en"][key], (lang, key)


@pytest.mark.parametrize(("lang", "goal", "target"), [
    ("en", "Goal 2: Title", "Target 7: Title"),
    ("fr", "But 2\u00a0: Title", "Objectif 7\u00a0: Title"),
    ("es", "Objetivo 2: Title", "Meta 7: Title"),
])
def test_headings_use_the_conventions_terms(lang: str, goal: str, target: str) -> None:
    t = terms_for(lang)
    assert t.heading("goal", 2, "Title") == goal
    assert t.heading("target", 7, "Title") == target
    assert t.heading("chapter", 1, "Vision") == "Vision"


@pytest.mark.parametrize(("lang", "symbol", "block"), [
    ("en", "UNEP/CMS/COP14/Doc.15", ["Distr.: General", "1 July 2014", "Original: English"]),
    ("fr", "PNUE/CMS/COP14/Doc.15", ["Distr. générale", "1er juillet 2014",
                                     "Original : anglais"]),
    ("es", "PNUMA/CMS/COP14/Doc.15", ["Distr. general", "1 de julio de 2014",
                                      "Original: inglés"]),
])
def test_symbol_prefix_and_distribution_block(lang: str, symbol: str, block: list[str]) -> None:
    t = terms_for(lang)
    for written in ("UNEP/CMS/COP14/Doc.15", "PNUE/CMS/COP14/Doc.15", "PNUMA/CMS/COP14/Doc.15"):
        assert t.symbol(written) == symbol
    assert t.symbol("CMS/StC/Inf.1") == "CMS/StC/Inf.1"
    assert t.distribution(date(2014, 7, 1), "en") == block


def test_dates_and_annex_titles() -> None:
    assert terms_for("fr").date(date(2014, 11, 25)) == "25 novembre 2014"
    assert terms_for("es").date(date(2014, 11, 25)) == "25 de noviembre de 2014"
    assert terms_for("en").annex_title(0, 1, "Aichi Biodiversity Targets") == (
        "Annex: Correspondence with the Aichi Biodiversity Targets")
    assert terms_for("fr").annex_title(1, 2, "Objectifs d'Aichi pour la biodiversité") == (
        "Annexe 2 : Tableau de correspondance (Objectifs d'Aichi pour la biodiversité)")


def test_an_unknown_language_is_refused_with_the_known_ones_named() -> None:
    with pytest.raises(LanguageError, match="unknown language 'de': use one of en, fr, es"):
        terms_for("de")
