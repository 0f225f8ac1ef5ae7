"""The plan's texts in the language of a document, for the writers.

A document in French prints each text's French version. Where a text has none, the original
stands in, visibly marked ("(original en anglais : pas encore traduit)" above a text, "[non
traduit]" after a title), never silently mixed in; the writer reports how many fell back.
A document in the plan's original language prints the texts as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.export.terms import Terms, terms_for
from cmsdesk.models.commands import language_of, plan_language
from cmsdesk.models.schema import Translation


class LanguageTexts:
    """Each text of one plan in the document's language (see the module's docstring)."""

    def __init__(self, session: Session, plan_id: str, lang: str | None) -> None:
        self.original = plan_language(session, plan_id)
        self.lang = lang or self.original
        self.terms: Terms = terms_for(self.lang)
        self.version = language_of(self.lang, self.original)
        self.fallbacks = 0
        self._texts: dict[tuple[str, str, str], str] = {}
        if self.version is not None:
            self._texts = {(t.entity, t.eid, t.field): t.value for t in session.scalars(
                select(Translation).where(Translation.plan_id == plan_id,
                                          Translation.lang == self.version))
                if t.value.strip()}

    def _find(self, entity: str, eid: str, fld: str, original: str) -> str | None:
        """The language version, or None when the original must stand in (and is counted)."""
        if self.version is None or not original.strip():
            return original
        found = self._texts.get((entity, eid, fld))
        if found is None:
            self.fallbacks += 1
        return found

    def title(self, entity: str, eid: str, fld: str, original: str) -> str:
        """A one-line text (a title); a fallback ends with "(non traduit)"."""
        found = self._find(entity, eid, fld, original)
        return found if found is not None else f"{original} {self.terms('fallback_title')}"

    def text(self, entity: str, eid: str, fld: str, original: str) -> str:
        """A Markdown text; a fallback opens with an italic line saying it is the original."""
        found = self._find(entity, eid, fld, original)
        if found is not None:
            return found
        marker = self.terms("fallback", language=self.terms.language(self.original))
        return f"*{marker}*\n\n{original}"



class PlaceNames:
    """Parties' and regions' names in a document's language, as the Convention's list
    (``parties.json``) writes them: "Brésil (Amérique centrale et du Sud et Caraïbes)" in a
    French document for an attribution stored as "Brazil (Central and South America and the
    Caribbean)". A name not in the list (an organisation typed in) stays as typed."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def party(self, label: str) -> str:
        from cmsdesk.models.parties import directory

        entry = directory().find(label) if label and self.lang != "en" else None
        return entry.names.get(self.lang, label) if entry is not None else label

    def region(self, label: str) -> str:
        from cmsdesk.models.parties import directory

        found = directory().find_region(label) if label and self.lang != "en" else None
        return found.names.get(self.lang, label) if found is not None else label


@dataclass
class Fallbacks:
    """Filled in by an export for its caller: the document's language and how many of its
    texts stood in the original language for want of a translation."""

    lang: str = ""
    original: str = ""
    count: int = 0

    def note(self, lang: str, original: str, count: int) -> None:
        self.lang, self.original, self.count = lang, original, count

    def summary(self) -> str:
        """What the export reports ("" for a document in the original language)."""
        if not self.lang or self.lang == self.original:
            return ""
        english = terms_for("en")
        return (f"{self.count} text(s) not yet translated into {english.language(self.lang)}:"
                f" printed in the original ({english.language(self.original)}), marked")
