"""Sentence boundaries (models/sentences.py) and what they decide in the merge.

The table holds negotiation sentences of the kinds CMS and CBD documents are full of, in
English, French and Spanish; each case is the text's sentences, which the text joins with one
space (a sentence ending in a line break is followed by the next line). The merge tests show
each former silent fusion (two delegates' edits of the halves of one sentence merged into a
sentence neither wrote) now conflicting, and the former needless conflicts merging cleanly.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmsdesk.models.sentences import (
    LEGACY_RULES,
    RULES_VERSIONS,
    split_sentences,
)
from cmsdesk.models.textmerge import join_tokens, merge_texts

CASES: list[tuple[str, list[str]]] = [
    ('en', ['Parties should reduce bycatch, e.g. by using circle hooks.', 'Range States should report on progress.']),
    ('en', ['Parties should reduce bycatch, i.e. the incidental capture of non-target species.', 'This applies to all fisheries.']),
    ('en', ['Parties should monitor seabirds, sharks, rays, turtles, etc. in all fisheries.', 'The Secretariat will compile the reports.']),
    ('en', ['Parties should monitor seabirds, sharks, turtles, etc.', 'The Secretariat will compile the reports.']),
    ('en', ['Parties are invited to apply the guidelines (cf. Resolution 12.22) where feasible.', 'No reservation was entered.']),
    ('en', ['The Conference adopted Resolution No. 11.2 on the Strategic Plan.', 'It replaces earlier decisions.']),
    ('en', ['Paragraphs 3 to 5 of the annex (see paras. 3-5 of Doc. 24.1) set the indicators.', 'They were agreed in 2014.']),
    ('en', ['Parties should implement art. 3 of the Convention as a matter of priority.', 'Range States shall cooperate.']),
    ('en', ['The review is in UNEP/CMS/COP14/Doc. 21.1 and its Inf. 12 document.', 'Delegations welcomed it.']),
    ('en', ['Recommendation Rec. 7.2 and Res. 10.3 remain in force.', 'The Standing Committee will review them.']),
    ('en', ['The guidance appears in Vol. II, p. 45 and pp. 47-52 of the review.', 'It covers flyways.']),
    ('en', ['Populations declined by approx. 40 per cent since 1970.', 'Urgent action is needed.']),
    ('en', ['The U.N. General Assembly welcomed the plan.', 'Parties took note.']),
    ('en', ['Mr. Ali and Ms. Chen presented the report of the working group.', 'Dr. Müller thanked them.']),
    ('en', ['Prof. Rossi chaired the Scientific Council session.', 'The Council adopted its report.']),
    ('en', ['Species listed in Appendix I shall be strictly protected.', 'Parties shall prohibit the taking of such animals.']),
    ('en', ['This requirement applies to species listed in Appendix I.', 'Parties shall prohibit their taking.']),
    ('en', ['Populations grew by 2.5 % a year.', 'Habitat loss slowed.']),
    ('en', ['Target 11.2 of the plan concerns habitats.', 'Section 3.1.4 describes the indicators.']),
    ('en', ['The deadline is set out in paragraph 3.', 'Parties should report by 2026.']),
    ('en', ['Progress is measured against the 2011 baseline.', '2030 is the end year of the plan.']),
    ('en', ['The report by J. R. Smith was noted.', 'Parties thanked the author.']),
    ('en', ['The review was led by Mr. A. Diallo of Senegal.', 'It was peer-reviewed.']),
    ('en', ['Parties should act now...', 'The Secretariat will assist them.']),
    ('en', ['Parties should act now…', 'The Secretariat will assist them.']),
    ('en', ['Parties should act now … and report in time.', 'The Secretariat will assist them.']),
    ('en', ['The COP described the goal as “ambitious but achievable.”', 'Parties agreed.']),
    ('en', ['Parties should report (in accordance with Resolution 9.4.)', 'The format is annexed.']),
    ('en', ['[Parties should phase out lead ammunition by 2030.]', 'Range States should monitor poisoning.']),
    ('en', ['Parties should [, where feasible, e.g. in wetlands,] phase out lead shot.', 'Monitoring continues.']),
    ('en', ['[Parties should ban gillnets. Parties should report annually.]', 'Other text.']),
    ('en', ['[Option 1 (Spain): Parties should eliminate bycatch. They should report.] [Option 2 (Kenya): Parties should reduce bycatch.]', 'Monitoring continues.']),
    ('en', ['Why is the target not met?', 'Funding is lacking!', 'Parties should act.']),
    ('en', ['Parties should:\n', '- reduce bycatch\n', '- restore habitats']),
    ('en', ['1. Parties should reduce bycatch.\n', '2. Range States should restore habitats.']),
    ('en', ['a. Parties should reduce bycatch.\n', 'b. Range States should restore habitats.']),
    ('en', ['The first paragraph ends here.\n\n', 'The second paragraph starts here.']),
    ('en', ['A line without a stop\n', 'Another line']),
    ('fr', ['Les Parties devraient réduire les captures accessoires, p. ex. en utilisant des hameçons circulaires.', "Les États de l'aire de répartition devraient rendre compte des progrès."]),
    ('fr', ['Les Parties devraient réduire les prises accessoires, c.-à-d. les captures non ciblées.', "Cela s'applique à toutes les pêcheries."]),
    ('fr', ['M. Dupont a présenté le rapport du groupe de travail.', "Mme Lefèvre l'a remercié."]),
    ('fr', ['Les oiseaux de mer, les requins, les tortues, etc. sont concernés.', 'Le Secrétariat compilera les rapports.']),
    ('fr', ["Voir l'art. 5 de la Convention et la Résolution 12.22.", 'Les Parties ont pris note.']),
    ('fr', ["Le document UNEP/CMS/COP14/Doc. 21.1 contient l'examen.", "Les délégations l'ont accueilli."]),
    ('fr', ['La population a diminué de 2,5 % par an depuis 1970.', 'Une action urgente est nécessaire.']),
    ('fr', ["Le délégué a dit\xa0: «\xa0Nous soutenons l'Objectif 3.\xa0»", 'Les Parties ont approuvé.']),
    ('fr', ["Pourquoi l'Objectif n'est-il pas atteint\xa0?", 'Le financement manque.']),
    ('fr', ['Les Parties devraient agir…', 'Le Secrétariat les aidera.']),
    ('fr', ["Voir le paragr. 3 de l'annexe et le no. 5 de la liste.", "Aucune réserve n'a été émise."]),
    ('fr', ['[Les Parties devraient interdire les filets maillants. Elles devraient rendre compte.]', 'Autre texte.']),
    ('fr', ['1. Les Parties devraient réduire les captures accessoires.\n', "2. Les États de l'aire de répartition devraient restaurer les habitats."]),
    ('fr', ["Les espèces inscrites à l'Annexe I sont strictement protégées.", 'Les Parties en interdisent le prélèvement.']),
    ('fr', ["Les Objectifs d'Aichi pour la biodiversité ont guidé le plan.", "L'Objectif 11 concerne les aires protégées."]),
    ('es', ['Las Partes deberían reducir la captura incidental, p. ej. mediante anzuelos circulares.', 'Los Estados del área de distribución deberían informar de los avances.']),
    ('es', ['La Sra. Pérez presentó el informe del grupo de trabajo.', 'El Sr. Gómez le dio las gracias.']),
    ('es', ['Véase el art. 5 de la Convención y la Res. 12.22.', 'Las Partes tomaron nota.']),
    ('es', ['El documento figura en el núm. 3 del anexo, pág. 45.', 'Las delegaciones lo acogieron.']),
    ('es', ['Las aves marinas, los tiburones, las tortugas, etc. están afectados.', 'La Secretaría compilará los informes.']),
    ('es', ['La población disminuyó aprox. un 40 % desde 1970.', 'Se necesita una acción urgente.']),
    ('es', ['¿Por qué no se ha alcanzado la Meta?', 'Falta financiación.']),
    ('es', ['¡Las Partes deben actuar ya!', 'La Secretaría las ayudará.']),
    ('es', ['Las Partes deberían actuar…', 'La Secretaría las ayudará.']),
    ('es', ['Las Metas de Aichi para la Diversidad Biológica guiaron el plan.', 'La Meta 11 trata de las áreas protegidas.']),
    ('es', ['Véanse los párrs. 3 a 5 del Doc. 24.1.', 'Fueron acordados en 2014.']),
    ('es', ['[Las Partes deberían prohibir las redes de enmalle. Deberían informar.]', 'Otro texto.']),
    ('es', ['1. Las Partes deberían reducir la captura incidental.\n', '2. Los Estados deberían restaurar los hábitats.']),
    ('es', ['El crecimiento fue del 2,5 % en la sección 3.1.4 del informe.', 'El Objetivo 2 sigue vigente.']),
    ('es', ['La Dra. Ruiz y el Sr. J. L. Martínez presentaron el estudio.', 'Se tomó nota.']),
]


def text_of(sentences: list[str]) -> str:
    return "".join(s if s.endswith("\n") else s + " " for s in sentences).rstrip(" ")


def test_the_table_covers_three_languages() -> None:
    counts = {lang: sum(1 for case_lang, _ in CASES if case_lang == lang) for lang in ["en", "fr", "es"]}
    assert sum(counts.values()) >= 60 and min(counts.values()) >= 15


@pytest.mark.parametrize(("lang", "sentences"), CASES,
                         ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(CASES)])
def test_sentence_boundaries(lang: str, sentences: list[str]) -> None:
    text = text_of(sentences)
    tokens = split_sentences(text, lang)
    assert [t.text for t in tokens] == [s.rstrip("\n") for s in sentences]
    assert join_tokens(tokens, lang) == text


def test_the_language_decides_the_abbreviations() -> None:
    text = "Le rapport de M. Dupont est prêt. Les Parties en prennent note."
    assert len(split_sentences(text, "fr")) == 2
    spanish = "La Sra. Pérez presentó el informe. Se tomó nota."
    assert len(split_sentences(spanish, "es")) == 2
    assert len(split_sentences(spanish, "en")) == 3  # "Sra." is no English abbreviation


def test_an_unknown_language_is_split_by_the_default_rules() -> None:
    text = "Parties act, e.g. now. Others follow."
    assert split_sentences(text, "de") == split_sentences(text, "en")


# The first rules must split exactly as cmsdesk did before rules were versioned: plans made then
# are still merged with them, at every site, so their merged state does not change.
LEGACY_DIGEST = "4ca47a7be6428cbc0c7ff6f791b7a82536bdd828d7691f785ec95891476bbf7f"


def test_the_first_rules_are_unchanged() -> None:
    splits = [[(t.text, t.sep) for t in split_sentences(text_of(s), lang, LEGACY_RULES)]
              for lang, s in CASES]
    digest = hashlib.sha256(json.dumps(splits, ensure_ascii=False).encode()).hexdigest()
    assert digest == LEGACY_DIGEST


def test_an_unknown_rules_version_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown sentence rules version 99"):
        split_sentences("One. Two.", "en", 99)
    assert 99 not in RULES_VERSIONS


# -- text the splitter has never seen --------------------------------------------------------

PATHOLOGICAL = {
    "no stop at all": "parties should act " * 5000,
    "no space": "a" * 100_000,
    "only periods": "." * 100_000,
    "only punctuation": ".!?…)]”» " * 10_000,
    "only spaces": " " * 100_000,
    "only line breaks": "\n" * 100_000,
    "spaces then a line break": " " * 50_000 + "\n" + " " * 50_000,
    "abbreviations only": "e.g. " * 20_000,
    "initials only": "J. " * 30_000,
    "unclosed brackets": "[" * 50_000 + "Parties act. Others follow.",
    "unopened brackets": "]" * 50_000 + " Parties act. Others follow.",
    "nested brackets": "[" * 1000 + "Parties act. Others follow." + "]" * 1000,
    "mixed scripts": "Стороны действуют. 缔约方采取行动。 الأطراف تعمل. Parties act. " * 2000,
    "ellipses": "... " * 30_000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_pathological_text_splits_without_error(name: str, lang: str) -> None:
    text = PATHOLOGICAL[name]
    tokens = split_sentences(text, lang)
    assert "".join(t.text + t.sep for t in tokens).strip() == text.strip()
    assert all(t.text.strip() and not t.text[-1].isspace() for t in tokens)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé. \n!?…[]()«»\"”'1"))))
def test_any_text_splits_into_tokens_that_rebuild_it(text: str) -> None:
    for lang in ("en", "fr", "es"):
        tokens = split_sentences(text, lang)
        rebuilt = "".join(t.text + t.sep for t in tokens)
        assert rebuilt == (text if text.strip() else "")
        assert all(t.text.strip() and not t.text[-1].isspace() for t in tokens)


# -- what the boundaries decide in the merge -------------------------------------------------

# (language, base, Spain's edit, Kenya's edit): each edits one half of one sentence. The first
# rules saw two sentences there and merged the edits into a sentence neither delegate wrote.
FUSIONS = [
    ("en", "Parties should reduce bycatch, e.g. by using circle hooks.",
     "Parties should eliminate bycatch, e.g. by using circle hooks.",
     "Parties should reduce bycatch, e.g. by banning gillnets."),
    ("en", "Parties should apply Res. 12.22 to all fisheries.",
     "Parties should apply Res. 12.22 to all fisheries where feasible.",
     "Parties must apply Res. 12.22 to all fisheries."),
    ("en", "The study by J. R. Smith found high mortality.",
     "The study by J. R. Smith found very high mortality.",
     "The 2019 study by J. R. Smith found high mortality."),
    ("en", "Mr. Diallo proposed a new target on flyways.",
     "Ms. Diallo proposed a new target on flyways.",
     "Mr. Diallo opposed a new target on flyways."),
    ("en", "[Parties should phase out lead shot. Range States should monitor poisoning.] Text.",
     "[Parties should ban lead shot. Range States should monitor poisoning.] Text.",
     "[Parties should phase out lead shot. Range States should prevent poisoning.] Text."),
    ("fr", "Les Parties devraient réduire les captures, p. ex. au moyen d'hameçons circulaires.",
     "Les Parties devraient éliminer les captures, p. ex. au moyen d'hameçons circulaires.",
     "Les Parties devraient réduire les captures, p. ex. en interdisant les filets maillants."),
    ("fr", "Voir l'art. 5 de la Convention pour les obligations des Parties.",
     "Voir l'art. 5 de la Convention pour les obligations de toutes les Parties.",
     "Voir aussi l'art. 5 de la Convention pour les obligations des Parties."),
    ("es", "Las Partes deberían reducir la captura incidental, p. ej. con anzuelos circulares.",
     "Las Partes deberían eliminar la captura incidental, p. ej. con anzuelos circulares.",
     "Las Partes deberían reducir la captura incidental, p. ej. prohibiendo las redes."),
    ("es", "La Sra. Pérez propuso una nueva meta sobre las rutas migratorias.",
     "La Dra. Pérez propuso una nueva meta sobre las rutas migratorias.",
     "La Sra. Pérez se opuso a una nueva meta sobre las rutas migratorias."),
]


@pytest.mark.parametrize(("lang", "base", "spain", "kenya"), FUSIONS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(FUSIONS)])
def test_edits_of_one_sentence_conflict_instead_of_fusing(lang: str, base: str, spain: str,
                                                          kenya: str) -> None:
    heads = [(spain, ["Spain"]), (kenya, ["Kenya"])]
    fused = merge_texts(base, heads, lang, LEGACY_RULES)
    assert fused.clean and fused.text not in (base, spain, kenya)  # the former silent fusion
    result = merge_texts(base, heads, lang)
    assert not result.clean
    [(passage, options)] = result.hunks
    assert {o.text for o in options} == {spain.removesuffix(" Text."),
                                         kenya.removesuffix(" Text.")}
    assert {o.proposers for o in options} == {("Spain",), ("Kenya",)}


# Two sentences the first rules did not tell apart: edits of each used to conflict.
SEPARATE = [
    ("en", "Parties should act now… The Secretariat will assist them.",
     "Parties should act at once… The Secretariat will assist them.",
     "Parties should act now… The Secretariat will assist them on request.",
     "Parties should act at once… The Secretariat will assist them on request."),
    ("fr", "Les Parties devraient agir… Le Secrétariat les aidera.",
     "Les Parties devraient agir sans tarder… Le Secrétariat les aidera.",
     "Les Parties devraient agir… Le Secrétariat les aidera sur demande.",
     "Les Parties devraient agir sans tarder… Le Secrétariat les aidera sur demande."),
    ("es", "Las Partes deberían actuar… La Secretaría las ayudará.",
     "Las Partes deberían actuar ya… La Secretaría las ayudará.",
     "Las Partes deberían actuar… La Secretaría las ayudará si lo piden.",
     "Las Partes deberían actuar ya… La Secretaría las ayudará si lo piden."),
]


@pytest.mark.parametrize(("lang", "base", "spain", "kenya", "merged"), SEPARATE,
                         ids=[c[0] for c in SEPARATE])
def test_edits_of_sentences_after_an_ellipsis_merge_cleanly(lang: str, base: str, spain: str,
                                                             kenya: str, merged: str) -> None:
    heads = [(spain, ["Spain"]), (kenya, ["Kenya"])]
    assert not merge_texts(base, heads, lang, LEGACY_RULES).clean  # the former conflict
    result = merge_texts(base, heads, lang)
    assert result.clean and result.text == merged
