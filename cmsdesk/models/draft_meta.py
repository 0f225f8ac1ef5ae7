"""What a meeting document says about itself: the metadata of a named draft.

A CMS meeting document opens with a distribution block (the convention's name, "Distribution:
General", the symbol in bold, the date, "Original: English"), a meeting block (the meeting, its
place and dates, the agenda item), the title in capitals, a "(Prepared by ...)" line and, for a
consultation draft, a note on how, to whom and by when to send comments. These belong to the
named draft the document prints (a draft is what gets issued), not to the plan: the plan keeps
changing after "Consultation draft 2" went out with its symbol and deadline.

The symbol and the date have columns of their own on :class:`NamedDraft` (lists show them);
everything else is one JSON object (``NamedDraft.meta``) so that a draft travelling in a bundle
carries it as a plain dictionary (:meth:`DocumentMeta.to_json` / :meth:`DocumentMeta.from_json`).
Values are checked here, once, for the command line and the window alike.

The texts a person types (the meeting's name, its place and dates, the printed title, who
prepared it, where comments go) are printed as typed in every language unless the draft gives
them in that language too: ``translations`` holds, per language, the fields given so
(``{"fr": {"meeting": "Conférence des Parties"}}``), and :meth:`DocumentMeta.in_language` is
the metadata a document in that language prints, each field falling back to the typed value.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from cmsdesk.models.commands import CommandError

CONVENTION = "Convention on Migratory Species"
DISTRIBUTIONS = ("General", "Limited", "Restricted")
LANGUAGES = ("en", "fr", "es")
# A symbol names the document and, with "/" turned into "-", its file: letters, digits and
# the separators symbols use (UNEP/CMS/COP11/Doc.15.2/Add.1, CBD/SBSTTA/20/INF/3).
_SYMBOL = re.compile(r"[A-Za-z0-9./()_-]+(?: [A-Za-z0-9./()_-]+)*")
SYMBOL_MAX = 80
# The typed texts a draft may also give in each language (see the module's docstring).
LOCALIZED_FIELDS = ("meeting", "meeting_place", "meeting_dates", "title", "prepared_by",
                    "comments_to")


@dataclass(frozen=True)
class DocumentMeta:
    """The metadata of a meeting document, all plain text (empty: not printed).

    Dates are ISO (YYYY-MM-DD); ``languages`` and ``original_language`` are language codes
    (en, fr, es). ``meeting_number`` is free text ("11", "44") printed before the meeting's name.
    """

    convention: str = CONVENTION
    distribution: str = "General"
    original_language: str = "en"
    meeting: str = ""  # "Meeting of the Conference of the Parties"
    meeting_number: str = ""  # "11"
    meeting_place: str = ""  # "Quito, Ecuador"
    meeting_dates: str = ""  # "4-9 November 2014"
    agenda_item: str = ""  # "15.2"
    title: str = ""  # the title as printed (default: the plan's title)
    prepared_by: str = ""  # "the Chair of the Strategic Plan Working Group"
    comments_to: str = ""  # how and to whom: "cms@cms.int"
    deadline: str = ""  # YYYY-MM-DD: proposals received after it are marked late
    languages: tuple[str, ...] = ()  # the languages the draft exists in
    # {language: {field of LOCALIZED_FIELDS: its text in that language}}
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Only what differs from the defaults, as plain JSON types."""
        default = DocumentMeta()
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()
                if v != getattr(default, k)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentMeta:
        """The metadata a stored (or received) dictionary holds; unknown keys are ignored, so
        that a newer cmsdesk's metadata still opens."""
        names = {f.name for f in fields(cls)}
        known = {k: v for k, v in data.items() if k in names}
        if "languages" in known:
            known["languages"] = tuple(known["languages"])
        if "translations" in known:
            raw = known["translations"]
            known["translations"] = {
                str(lang): {str(k): str(v) for k, v in values.items() if k in LOCALIZED_FIELDS}
                for lang, values in (raw.items() if isinstance(raw, dict) else ())
                if isinstance(values, dict)}
        return cls(**known)

    def updated(self, **changes: Any) -> DocumentMeta:
        """A copy with ``changes`` (None: keep), each value checked; a bad one raises
        :class:`CommandError` naming it. ``translations`` adds to those held (an empty text
        takes that language's version of the field out)."""
        clean = {k: check_field(k, v) for k, v in changes.items() if v is not None}
        if "translations" in clean:
            merged = {lang: dict(values) for lang, values in self.translations.items()}
            for lang, values in clean["translations"].items():
                for name, text in values.items():
                    if text:
                        merged.setdefault(lang, {})[name] = text
                    else:
                        merged.get(lang, {}).pop(name, None)
            clean["translations"] = {lang: values for lang, values in merged.items() if values}
        return replace(self, **clean)

    def in_language(self, lang: str) -> DocumentMeta:
        """The metadata as a document in ``lang`` prints it: each typed text in that language
        where the draft gives it, else as typed."""
        given = {k: v for k, v in self.translations.get(lang, {}).items()
                 if k in LOCALIZED_FIELDS and v}
        return replace(self, **given) if given else self


def check_symbol(text: str) -> str:
    """A document symbol as given, stripped; one a file name or Word cannot hold is refused."""
    value = text.strip()
    if not value:
        return ""
    if len(value) > SYMBOL_MAX:
        raise CommandError(f"the symbol is {len(value)} characters long; a document symbol "
                           f"has at most {SYMBOL_MAX}")
    if not _SYMBOL.fullmatch(value) or "//" in value or value.startswith("/") \
            or value.endswith("/"):
        bad = sorted({c for c in value if not (c.isascii() and (c.isalnum() or c in "./()_- "))})
        what = (f"the character(s) {' '.join(repr(c) for c in bad)}" if bad
                else "an empty part between slashes or doubled spaces")
        raise CommandError(f"the symbol {value!r} has {what}, which a file name or a Word "
                           "document cannot hold; use letters, digits and / . - ( ), for "
                           "example UNEP/CMS/COP11/Doc.15.2")
    return value


def _check_day(text: str) -> str:
    from cmsdesk.models.drafts import parse_day

    return parse_day(text).isoformat() if text.strip() else ""


def _check_distribution(text: str) -> str:
    for name in DISTRIBUTIONS:
        if name.casefold() == text.strip().casefold():
            return name
    raise CommandError(f"distribution {text!r} is not one of {', '.join(DISTRIBUTIONS)}")


def _check_language(text: str) -> str:
    code = text.strip().lower()
    if code not in LANGUAGES:
        raise CommandError(f"language {text!r} is not one of {', '.join(LANGUAGES)}")
    return code


def _check_languages(value: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    items = value.replace(",", " ").split() if isinstance(value, str) else list(value)
    return tuple(dict.fromkeys(_check_language(item) for item in items))


def _check_text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise CommandError(f"{name.replace('_', ' ')} must be text")
    text = " ".join(value.split())  # one line each: these are printed on the first page
    if any(ord(c) < 32 for c in text):
        raise CommandError(f"{name.replace('_', ' ')} holds control characters")
    return text


def _check_translations(value: Any) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict):
        raise CommandError("translations must map a language to its fields' texts")
    out: dict[str, dict[str, str]] = {}
    for lang, values in value.items():
        code = _check_language(str(lang))
        if not isinstance(values, dict):
            raise CommandError(f"translations: {code} must map fields to texts")
        for name, text in values.items():
            if name not in LOCALIZED_FIELDS:
                raise CommandError(f"{str(name).replace('_', ' ')!r} cannot be given per "
                                   f"language; these can: "
                                   f"{', '.join(f.replace('_', ' ') for f in LOCALIZED_FIELDS)}")
            out.setdefault(code, {})[name] = _check_text(name, text)
    return out


def check_field(name: str, value: Any) -> Any:
    """``value`` checked and normalised for metadata field ``name``."""
    if name == "translations":
        return _check_translations(value)
    if name == "deadline":
        return _check_day(_check_text(name, value))
    if name == "distribution":
        return _check_distribution(_check_text(name, value))
    if name == "original_language":
        return _check_language(_check_text(name, value))
    if name == "languages":
        return _check_languages(value)
    if name not in {f.name for f in fields(DocumentMeta)}:
        raise CommandError(f"a draft has no metadata field {name!r}")
    return _check_text(name, value)
