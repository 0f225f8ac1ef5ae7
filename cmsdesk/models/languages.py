"""The Convention's working languages, and how a language version of a field is named.

CMS works in English, French and Spanish. A plan has one *original* language (English unless
chosen otherwise); each of its text fields may also hold versions in the other two. A language
version is a field of its own in the change log: its changes carry ``"lang"``, and its key names
the field with the language after an ``@`` (``text@fr``), so that it has its own versions, heads,
merge and conflicts and an edit of the French text never merges into the English one. The
original language carries no suffix, which is also how every change written before languages
existed reads.
"""

from __future__ import annotations

LANGUAGES = ("en", "fr", "es")
DEFAULT_ORIGINAL = "en"
SEPARATOR = "@"

# Each language's name in English, for messages and the command line.
NAMES = {"en": "English", "fr": "French", "es": "Spanish"}


class LanguageError(ValueError):
    """A language code cmsdesk does not know; the message names the known ones."""


def check_language(code: str) -> str:
    """``code`` if it is a working language of the Convention, else :class:`LanguageError`."""
    if code not in LANGUAGES:
        raise LanguageError(f"unknown language {code!r}: use one of {', '.join(LANGUAGES)}")
    return code


def field_key(field: str, lang: str | None) -> str:
    """The name a language version of ``field`` has in the change log (``text@fr``);
    ``lang`` None is the original language."""
    return field if lang is None else f"{field}{SEPARATOR}{lang}"


def split_field(key_field: str) -> tuple[str, str | None]:
    """``text@fr`` -> ("text", "fr"); ``text`` -> ("text", None), the original language."""
    name, sep, lang = key_field.partition(SEPARATOR)
    return (name, lang) if sep else (name, None)
