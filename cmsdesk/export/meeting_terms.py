"""The words of a CMS meeting document's first page, annexes and addenda, in each language.

The same idea as :mod:`cmsdesk.export.terms` (whose words these complement): a document in
French is French throughout, so the distribution block, the meeting block ("11e réunion de la
Conférence des Parties", "Point 15.2 de l'ordre du jour"), the "(Préparé par ...)" line, the
consultation note and the annex labels come from here, never from English strings in a writer.
The metadata itself (the meeting's name, who prepared it) is the user's text, in the draft's
language. A test checks that every word exists in every language.
"""

from __future__ import annotations

from datetime import date as Date

from cmsdesk.export.content import Annex, Section
from cmsdesk.export.terms import Terms, terms_for

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "distribution": "Distribution: {value}",
        "distribution.General": "General", "distribution.Limited": "Limited",
        "distribution.Restricted": "Restricted",
        "agenda_item": "Agenda Item {item}",
        "prepared_by": "(Prepared by {who})",
        "comments_by": "Comments on this draft are invited by {deadline}",
        "comments_to": "Comments on this draft should be sent to {to}",
        "comments_by_to": "Comments on this draft are invited by {deadline} and should be sent "
                          "to {to}",
        "languages": "This draft is available in {languages}.",
        "and": "and",
        "annex": "Annex {letter}",
        "annex_titled": "Annex {letter}: {title}",
        "correspondence": "Correspondence with the {framework}",
        "correspondence_many": "Correspondence with the reference frameworks",
        "addendum": "Addendum",
        "received": "received {date}",
        "late": "received after the deadline of {deadline}",
        "proposals_by_party": "Proposals by Party",
        "compilation_note": ("Proposals and comments received from Parties and observers on "
                             "{draft} ({symbol}), by target."),
    },
    "fr": {
        "distribution": "Distribution : {value}",
        "distribution.General": "générale", "distribution.Limited": "limitée",
        "distribution.Restricted": "restreinte",
        "agenda_item": "Point {item} de l'ordre du jour",
        "prepared_by": "(Préparé par {who})",
        "comments_by": "Les observations sur ce projet sont attendues d'ici le {deadline}",
        "comments_to": "Les observations sur ce projet sont à envoyer à {to}",
        "comments_by_to": "Les observations sur ce projet sont attendues d'ici le {deadline} "
                          "et sont à envoyer à {to}",
        "languages": "Ce projet existe en {languages}.",
        "and": "et",
        "annex": "Annexe {letter}",
        "annex_titled": "Annexe {letter}\u00a0: {title}",
        "correspondence": "Tableau de correspondance ({framework})",
        "correspondence_many": "Tableau de correspondance avec les cadres de référence",
        "addendum": "Additif",
        "received": "reçu le {date}",
        "late": "reçu après la date limite du {deadline}",
        "proposals_by_party": "Propositions par Partie",
        "compilation_note": ("Propositions et observations reçues des Parties et des "
                             "observateurs sur {draft} ({symbol}), par objectif."),
    },
    "es": {
        "distribution": "Distribución: {value}",
        "distribution.General": "general", "distribution.Limited": "limitada",
        "distribution.Restricted": "reservada",
        "agenda_item": "Punto {item} del orden del día",
        "prepared_by": "(Preparado por {who})",
        "comments_by": "Se invita a enviar observaciones sobre este proyecto antes del "
                       "{deadline}",
        "comments_to": "Las observaciones sobre este proyecto deben enviarse a {to}",
        "comments_by_to": "Se invita a enviar observaciones sobre este proyecto antes del "
                          "{deadline} a {to}",
        "languages": "Este proyecto está disponible en {languages}.",
        "and": "y",
        "annex": "Anexo {letter}",
        "annex_titled": "Anexo {letter}: {title}",
        "correspondence": "Cuadro de correspondencia ({framework})",
        "correspondence_many": "Cuadro de correspondencia con los marcos de referencia",
        "addendum": "Adición",
        "received": "recibido el {date}",
        "late": "recibido después del plazo del {deadline}",
        "proposals_by_party": "Propuestas por Parte",
        "compilation_note": ("Propuestas y observaciones recibidas de las Partes y los "
                             "observadores sobre {draft} ({symbol}), por meta."),
    },
}


class MeetingTerms:
    """The meeting-document words of one language, with the plan furniture of :class:`Terms`."""

    def __init__(self, lang: str = "en") -> None:
        self.terms: Terms = terms_for(lang)
        self.lang = lang
        self._words = WORDS[lang]

    def __call__(self, key: str, **values: object) -> str:
        word = self._words[key]
        return word.format(**values) if values else word

    def distribution(self, value: str) -> str:
        return self("distribution", value=self(f"distribution.{value}"))

    def ordinal(self, number: str) -> str:
        """"11th" / "11e" / "11.ª" (1re in French); other text is kept as written."""
        if not number.isdigit():
            return number
        n = int(number)
        if self.lang == "fr":
            return f"{n}{'re' if n == 1 else 'e'}"
        if self.lang == "es":
            return f"{n}.\u00aa"
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    def listing(self, items: list[str]) -> str:
        """"English, French and Spanish"."""
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self('and')} {items[-1]}"

    def date(self, iso: str) -> str:
        return self.terms.date(Date.fromisoformat(iso))

    def consultation_note(self, deadline: str, to: str, languages: tuple[str, ...]) -> str:
        """The note on how, to whom and by when to comment, and the draft's languages."""
        parts = []
        if deadline and to:
            parts.append(self("comments_by_to", deadline=self.date(deadline), to=to) + ".")
        elif deadline:
            parts.append(self("comments_by", deadline=self.date(deadline)) + ".")
        elif to:
            parts.append(self("comments_to", to=to) + ".")
        if languages:
            names = [self.terms.language(code) for code in languages]
            parts.append(self("languages", languages=self.listing(names)))
        return " ".join(parts)


def correspondence_title(words: MeetingTerms, annexes: list[Annex]) -> str:
    """"Correspondence with the Aichi Biodiversity Targets" (or with the frameworks)."""
    if len(annexes) == 1:
        return words("correspondence", framework=annexes[0].title)
    return words("correspondence_many")


def annex_heading(words: MeetingTerms, letter: str, title: str) -> str:
    """"Annex B: Glossary", or "Annex B" when the annex has no title."""
    return words("annex_titled", letter=letter, title=title) if title else \
        words("annex", letter=letter)


def section_heading(section: Section, words: MeetingTerms, annexes: list[Annex],
                    short_titles: bool = True) -> str:
    """A section's heading as every writer prints it: "II. Companion Volume", "Goal 1: ...",
    "Target 7: title" (or "Target 7:" without short titles), "Annex A: ..."."""
    entry, terms = section.entry, words.terms
    if section.is_annex:
        title = entry.title
        if entry.kind == "correspondence" and not title.strip():
            title = correspondence_title(words, annexes)
        return annex_heading(words, section.number, title)
    if section.number:
        return f"{section.number}. {entry.title}"
    if entry.kind in ("target", "indicator") and not short_titles:
        return terms.heading(entry.kind, entry.number, "").rstrip()
    return terms.heading(entry.kind, entry.number, entry.title)
