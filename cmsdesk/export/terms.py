"""The words every exported document prints around the plan's texts, in each language.

A document in French must be French throughout: chapter and annex headings, the "Goal" and
"Target" labels in the Convention's own terms (But / Objectif, Objetivo / Meta), status and
relevance words, the distribution block and the document symbol's prefix as United Nations
documents translate it (UNEP/CMS/... -> PNUE/CMS/... -> PNUMA/CMS/...). Writers ask a
:class:`Terms` for each such word instead of holding English strings, so that no language is
ever mixed into another's document. The table is plain data: a test checks that every word
exists in every language.

Usage::

    t = terms_for("fr")
    t("contents")                 # "Table des matières"
    t.kind("target")              # "Objectif"
    t.heading("goal", 2, "...")   # "But 2 : ..."
    t.date(day)                   # "25 juillet 2014"
    t.symbol("UNEP/CMS/COP14/Doc.1")  # "PNUE/CMS/COP14/Doc.1"
"""

from __future__ import annotations

from datetime import date as Date

from cmsdesk.models.languages import check_language

# The words, by language. Keys name what a word is for; {placeholders} are filled by the caller.
TERMS: dict[str, dict[str, str]] = {
    "en": {
        "kind.part": "Part", "kind.chapter": "Chapter", "kind.goal": "Goal",
        "kind.target": "Target", "kind.indicator": "Indicator", "kind.annex": "Annex",
        "kind.correspondence": "Correspondence annex",
        "field.title": "Title", "field.text": "Text",
        "field.note": "Explanatory note", "field.indicators": "Indicators",
        "field.milestones": "Milestones", "field.actors": "Actors", "field.status": "Status",
        "status.draft": "draft", "status.proposed": "proposed", "status.agreed": "agreed",
        "relevance.primary": "primary", "relevance.supporting": "supporting",
        "relevance_note": ("Primary: the target of this Plan contributes directly to the "
                           "framework target. Supporting: it contributes indirectly."),
        "convention": "Convention on Migratory Species",
        "brackets_note": ("Text in [square brackets] is not yet agreed. Where Parties proposed "
                          "different wordings, each stands as an [Option] naming the Parties "
                          "that proposed it."),
        "distribution": "Distr.: General",
        "original": "Original: {language}",
        "contents": "Contents",
        "untitled_plan": "Draft strategic plan",
        "annex": "Annex{number}: Correspondence with the {framework}",
        "annex_plan_target": "Target of this Plan",
        "annex_no_target": "\u2014 (no corresponding target)",
        "fallback": "({language} original: not yet translated)",
        "fallback_title": "(not translated)",
        "fallback_note": ("{count} text(s) of this document are not yet translated into "
                          "{language} and stand in the original {original}, marked as such."),
        "compilation_title": "Compilation of comments and proposals received",
        # The compilation of comments and proposals (export/docx_compilation.py).
        "comments": "Comments",
        "proposed_by": "Proposed by {party}",
        "by_author": ", by {author}",
        "in_language": ", in {language}",
        "unverified": "author not verified",
        "recorded_Word reply": "recorded by the Secretariat from the Party's Word reply",
        "recorded_letter": "recorded by the Secretariat from the Party's letter",
        "position": "Position of {region}: option {number}, proposed by {parties}, endorsed by "
                    "{endorser}",
        "for_meeting": ", for {meeting}",
        "endorser_unverified": "endorser not verified",
        "unverified_note": ("\u2020 Proposer not verified at this installation: the key that "
                            "signed the proposal is not pinned for that Party."),
        "recorded_note": ("\u2021 Recorded by the Secretariat from the Party's Word reply or "
                          "letter: verified as recorded, not signed with the Party's own key."),
        "baseline": "Baseline ({name})",
        "first_version": "first version of the plan",
        "no_baseline_text": "(no text in the baseline)",
        "same_wording": "(the same wording; only its formatting differs)",
        "no_proposals": "No proposals received.",
        "added_by": "Not in the baseline: added by {who}.",
        "deletion_by": "Deletion proposed by {who}.",
        "deleted_section": "Deleted since the baseline",
        "deleted_by": "{what}: deleted by {who}",
        "resolved": "resolved",
        "legend_intro": "Differences from the baseline are marked: ",
        "legend_inserted": "inserted words",
        "legend_and": " and ",
        "legend_deleted": "deleted words",
        "legend_end": ". Each proposal is the latest wording received from that Party.",
        "summary": ("Baseline: {baseline}{symbol} ({date}). Received since then: {proposals} "
                    "proposed wording(s) and {comments} comment(s) from {parties} Party(ies) "
                    "or observer(s)"),
    },
    "fr": {
        "kind.part": "Partie", "kind.chapter": "Chapitre", "kind.goal": "But",
        "kind.target": "Objectif", "kind.indicator": "Indicateur", "kind.annex": "Annexe",
        "kind.correspondence": "Annexe de correspondance",
        "field.title": "Titre", "field.text": "Texte",
        "field.note": "Note explicative", "field.indicators": "Indicateurs",
        "field.milestones": "Étapes", "field.actors": "Acteurs", "field.status": "Statut",
        "status.draft": "projet", "status.proposed": "proposé", "status.agreed": "convenu",
        "relevance.primary": "principal", "relevance.supporting": "complémentaire",
        "relevance_note": ("Principal : l'objectif du présent Plan contribue directement à "
                           "l'objectif du cadre. Complémentaire : il y contribue "
                           "indirectement."),
        "convention": "Convention sur les espèces migratrices",
        "brackets_note": ("Le texte entre [crochets] n'est pas encore agréé. Lorsque des "
                          "Parties ont proposé des libellés différents, chacun figure comme "
                          "une [Option] qui nomme les Parties qui l'ont proposée."),
        "distribution": "Distr. générale",
        "original": "Original : {language}",
        "contents": "Table des matières",
        "untitled_plan": "Projet de plan stratégique",
        "annex": "Annexe{number} : Tableau de correspondance ({framework})",
        "annex_plan_target": "Objectif du présent Plan",
        "annex_no_target": "\u2014 (aucun objectif correspondant)",
        "fallback": "(original en {language} : pas encore traduit)",
        "fallback_title": "(non traduit)",
        "fallback_note": ("{count} texte(s) du présent document ne sont pas encore traduits "
                          "en {language} et figurent dans la langue originale ({original}), "
                          "signalés comme tels."),
        "compilation_title": "Compilation des observations et propositions reçues",
        "comments": "Observations",
        "proposed_by": "Proposé par {party}",
        "by_author": ", par {author}",
        "in_language": ", en {language}",
        "unverified": "auteur non vérifié",
        "recorded_Word reply": "enregistré par le Secrétariat d'après la réponse Word de la Partie",
        "recorded_letter": "enregistré par le Secrétariat d'après la lettre de la Partie",
        "position": "Position de la région {region} : option {number}, proposée par {parties}, "
                    "approuvée par {endorser}",
        "for_meeting": ", pour {meeting}",
        "endorser_unverified": "auteur de l'approbation non vérifié",
        "unverified_note": ("\u2020 Auteur non vérifié par cette installation : la clé qui a "
                            "signé la proposition n'est pas épinglée pour cette Partie."),
        "recorded_note": ("\u2021 Enregistré par le Secrétariat d'après la réponse Word ou la "
                          "lettre de la Partie : vérifié en tant qu'enregistrement, non signé "
                          "avec la clé de la Partie."),
        "baseline": "Texte de référence ({name})",
        "first_version": "première version du plan",
        "no_baseline_text": "(aucun texte dans le texte de référence)",
        "same_wording": "(libellé identique\u00a0; seule la mise en forme diffère)",
        "no_proposals": "Aucune proposition reçue.",
        "added_by": "Absent du texte de référence\u00a0: ajouté par {who}.",
        "deletion_by": "Suppression proposée par {who}.",
        "deleted_section": "Supprimé depuis le texte de référence",
        "deleted_by": "{what}\u00a0: supprimé par {who}",
        "resolved": "réglé",
        "legend_intro": "Les différences par rapport au texte de référence sont signalées\u00a0: ",
        "legend_inserted": "mots insérés",
        "legend_and": " et ",
        "legend_deleted": "mots supprimés",
        "legend_end": (". Chaque proposition est le dernier libellé reçu de la Partie "
                       "concernée."),
        "summary": ("Texte de référence\u00a0: {baseline}{symbol} ({date}). Reçu depuis\u00a0: "
                    "{proposals} proposition(s) de libellé et {comments} observation(s) de "
                    "{parties} Partie(s) ou observateur(s)"),
    },
    "es": {
        "kind.part": "Parte", "kind.chapter": "Capítulo", "kind.goal": "Objetivo",
        "kind.target": "Meta", "kind.indicator": "Indicador", "kind.annex": "Anexo",
        "kind.correspondence": "Anexo de correspondencia",
        "field.title": "Título", "field.text": "Texto",
        "field.note": "Nota explicativa", "field.indicators": "Indicadores",
        "field.milestones": "Hitos", "field.actors": "Actores", "field.status": "Estado",
        "status.draft": "borrador", "status.proposed": "propuesto", "status.agreed": "acordado",
        "relevance.primary": "principal", "relevance.supporting": "complementaria",
        "relevance_note": ("Principal: la meta del presente Plan contribuye directamente a la "
                           "meta del marco. Complementaria: contribuye indirectamente."),
        "convention": "Convención sobre las Especies Migratorias",
        "brackets_note": ("El texto entre [corchetes] aún no está acordado. Cuando las Partes "
                          "propusieron redacciones diferentes, cada una figura como una "
                          "[Opción] que nombra a las Partes que la propusieron."),
        "distribution": "Distr. general",
        "original": "Original: {language}",
        "contents": "Índice",
        "untitled_plan": "Proyecto de plan estratégico",
        "annex": "Anexo{number}: Cuadro de correspondencia ({framework})",
        "annex_plan_target": "Meta del presente Plan",
        "annex_no_target": "\u2014 (ninguna meta correspondiente)",
        "fallback": "(original en {language}: aún no traducido)",
        "fallback_title": "(sin traducir)",
        "fallback_note": ("{count} texto(s) del presente documento aún no están traducidos al "
                          "{language} y figuran en el idioma original ({original}), señalados "
                          "como tales."),
        "compilation_title": "Recopilación de observaciones y propuestas recibidas",
        "comments": "Observaciones",
        "proposed_by": "Propuesto por {party}",
        "by_author": ", por {author}",
        "in_language": ", en {language}",
        "unverified": "autor no verificado",
        "recorded_Word reply": "registrado por la Secretaría a partir de la respuesta en Word de "
                               "la Parte",
        "recorded_letter": "registrado por la Secretaría a partir de la carta de la Parte",
        "position": "Posición de la región {region}: opción {number}, propuesta por {parties}, "
                    "respaldada por {endorser}",
        "for_meeting": ", para {meeting}",
        "endorser_unverified": "autor del respaldo no verificado",
        "unverified_note": ("\u2020 Autor no verificado por esta instalación: la clave que firmó "
                            "la propuesta no está fijada para esa Parte."),
        "recorded_note": ("\u2021 Registrado por la Secretaría a partir de la respuesta en Word "
                          "o la carta de la Parte: verificado como registro, no firmado con la "
                          "clave de la Parte."),
        "baseline": "Texto de referencia ({name})",
        "first_version": "primera versión del plan",
        "no_baseline_text": "(sin texto en el texto de referencia)",
        "same_wording": "(la misma redacción; solo difiere el formato)",
        "no_proposals": "No se recibieron propuestas.",
        "added_by": "No figura en el texto de referencia: añadido por {who}.",
        "deletion_by": "Supresión propuesta por {who}.",
        "deleted_section": "Suprimido desde el texto de referencia",
        "deleted_by": "{what}: suprimido por {who}",
        "resolved": "resuelto",
        "legend_intro": "Las diferencias con respecto al texto de referencia se señalan: ",
        "legend_inserted": "palabras insertadas",
        "legend_and": " y ",
        "legend_deleted": "palabras suprimidas",
        "legend_end": ". Cada propuesta es la última redacción recibida de esa Parte.",
        "summary": ("Texto de referencia: {baseline}{symbol} ({date}). Recibido desde "
                    "entonces: {proposals} propuesta(s) de redacción y {comments} "
                    "observación(es) de {parties} Parte(s) u observador(es)"),
    },
}

# The name of each language as written in each language (lower case where the language writes
# it so in running text: "Original : anglais", "Original: inglés").
LANGUAGE_NAMES = {
    "en": {"en": "English", "fr": "French", "es": "Spanish"},
    "fr": {"en": "anglais", "fr": "français", "es": "espagnol"},
    "es": {"en": "inglés", "fr": "francés", "es": "español"},
}

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
}

# United Nations documents translate the issuing body of a symbol: UNEP in English, PNUE in
# French, PNUMA in Spanish; the rest of the symbol (CMS/COP14/Doc.1) stays as it is.
SYMBOL_PREFIXES = {"en": "UNEP/", "fr": "PNUE/", "es": "PNUMA/"}

# "Goal 2: title" puts a space before the colon in French typography.
_COLON = {"en": ": ", "fr": "\u00a0: ", "es": ": "}


class Terms:
    """The furniture words of one language; call it with a key (and placeholder values)."""

    def __init__(self, lang: str) -> None:
        self.lang = check_language(lang)
        self._words = TERMS[lang]

    def __call__(self, key: str, **values: object) -> str:
        word = self._words[key]
        return word.format(**values) if values else word

    def kind(self, kind: str) -> str:
        """What a node of ``kind`` is called: Goal / But / Objetivo."""
        return self._words[f"kind.{kind}"]

    def field(self, name: str) -> str:
        """The label of a node field: Explanatory note / Note explicative / Nota explicativa."""
        return self._words[f"field.{name}"]

    def status(self, status: str) -> str:
        return self._words[f"status.{status}"]

    def relevance(self, relevance: str) -> str:
        return self._words[f"relevance.{relevance}"]

    def language(self, code: str) -> str:
        """The name of language ``code`` in this language: "anglais" for en in French."""
        return LANGUAGE_NAMES[self.lang][code]

    def heading(self, kind: str, number: int | None, title: str) -> str:
        """"Objectif 7 : title" for numbered kinds; parts and chapters print their title."""
        if number is None or kind not in ("goal", "target", "indicator"):
            return title
        return f"{self.kind(kind)} {number}{_COLON[self.lang]}{title}"

    @property
    def colon(self) -> str:
        """": " as this language sets it before a list or a quotation (" : " in French)."""
        return _COLON[self.lang]

    def labelled(self, kind: str, title: str) -> str:
        """"Indicator: title" / "Indicateur : title", for a node named without its number."""
        return f"{self.kind(kind)}{_COLON[self.lang]}{title}"

    def date(self, day: Date) -> str:
        """A date as United Nations documents print it in this language:
        25 July 2014, 1er juillet 2014, 25 de julio de 2014."""
        month = MONTHS[self.lang][day.month - 1]
        if self.lang == "fr":
            return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
        if self.lang == "es":
            return f"{day.day} de {month} de {day.year}"
        return f"{day.day} {month} {day.year}"

    def symbol(self, symbol: str) -> str:
        """The document symbol with its issuing body as this language writes it."""
        for prefix in SYMBOL_PREFIXES.values():
            if symbol.startswith(prefix):
                return SYMBOL_PREFIXES[self.lang] + symbol[len(prefix):]
        return symbol

    def distribution(self, day: Date, original: str) -> list[str]:
        """The distribution block's lines: Distr.: General, the date, Original: English."""
        return [self("distribution"), self.date(day),
                self("original", language=self.language(original).capitalize()
                     if self.lang == "en" else self.language(original))]

    def annex_title(self, index: int, count: int, framework: str) -> str:
        """"Annex 2: Correspondence with the Aichi Biodiversity Targets" (numbered if several)."""
        return self("annex", number=f" {index + 1}" if count > 1 else "", framework=framework)


def terms_for(lang: str) -> Terms:
    """The furniture words of ``lang`` (a :class:`LanguageError` if unknown)."""
    return Terms(lang)

