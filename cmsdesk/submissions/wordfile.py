"""Opening a Word file someone sent: every check that can refuse it, before it is parsed.

A reply comes from outside, so it is checked the way a bundle is: size first (a file of
hundreds of megabytes is refused before it is read), then the container (a password-protected
Word file is an encrypted OLE compound file, not a zip; an old .doc is one too), then what the
package holds (macros are refused: a reply never needs them, and the Secretariat should not be
the one to open them), then the XML itself.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document

MAX_FILE_BYTES = 50 * 1024 * 1024  # a long draft with tracked changes is a few megabytes
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MACRO_TYPES = ("macroEnabled", "vbaProject")


class WordFileError(ValueError):
    """A file that cannot be read as a Word document; the message says what to do."""


def _check_container(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise WordFileError(f"cannot read {path}: {exc.strerror}") from exc
    if size > MAX_FILE_BYTES:
        raise WordFileError(f"{path.name} is {size // (1024 * 1024)} MB, more than the "
                            f"{MAX_FILE_BYTES // (1024 * 1024)} MB a Word reply can be: save it "
                            "without embedded pictures or media and try again")
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        raise WordFileError(f"{path.name} is password-protected or in the old .doc format: "
                            "open it in Word, remove the password and save it as .docx")
    if not zipfile.is_zipfile(path):
        raise WordFileError(f"{path.name} is not a Word .docx file (it may be damaged): open it "
                            "in Word and save it again as .docx")


def _check_package(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            types = (z.read("[Content_Types].xml").decode("utf-8", "replace")
                     if "[Content_Types].xml" in names else "")
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        raise WordFileError(f"{path.name} is damaged ({exc}): open it in Word and save it "
                            "again as .docx") from exc
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise WordFileError(f"{path.name} unpacks to more than "
                            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB: refused")
    if "word/document.xml" not in names:
        raise WordFileError(f"{path.name} is not a Word document (it has no word/document.xml)")
    if any(n.lower().endswith("vbaproject.bin") for n in names) or any(
            t in types for t in MACRO_TYPES):
        raise WordFileError(f"{path.name} contains macros: cmsdesk does not open documents with "
                            "macros. Save it in Word as a plain .docx (Word Document) and try "
                            "again")


def open_word(path: Path | str) -> Document:
    """The document at ``path`` after all the checks, or :class:`WordFileError`."""
    p = Path(path)
    if p.suffix.lower() in (".docm", ".dotm"):
        raise WordFileError(f"{p.name} is a macro-enabled document: cmsdesk does not open "
                            "documents with macros. Save it in Word as a plain .docx and try "
                            "again")
    _check_container(p)
    _check_package(p)
    import docx
    from lxml.etree import XMLSyntaxError

    try:
        return docx.Document(str(p))
    except (XMLSyntaxError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise WordFileError(f"{p.name} is damaged ({exc}): open it in Word and save it again "
                            "as .docx") from exc
