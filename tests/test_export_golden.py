"""Golden file: the starter plan's ``word/document.xml`` compared with a committed reference.

Volatile parts are normalised away before comparing: revision ids (``w:rsid*``), Word 2010
paragraph and text ids, and the date line of the distribution block. The XML is pretty-printed
so that a failure shows a readable diff.

When the Word output changes on purpose, regenerate the reference and review the diff:

    CMSDESK_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/test_export_golden.py
    git diff tests/golden/
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from export_support import W, part
from lxml import etree

from cmsdesk.export.docx_plan import export_plan_docx
from cmsdesk.export.terms import MONTHS
from cmsdesk.models.store import Store

GOLDEN = Path(__file__).parent / "golden" / "starter_plan_document.xml"
_DATE_LINE = re.compile(rf"^\d{{1,2}} ({'|'.join(MONTHS['en'])}) \d{{4}}$")
_VOLATILE = re.compile(r"^(rsid.*|paraId|textId)$")


def normalise(xml: bytes) -> str:
    root = etree.fromstring(xml)
    for el in root.iter():
        for name in list(el.attrib):
            if _VOLATILE.match(etree.QName(name).localname):
                del el.attrib[name]
        if el.tag == f"{{{W}}}t" and el.text and _DATE_LINE.match(el.text):
            el.text = "DATE"
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def test_starter_plan_document_matches_the_reference(plan_store: tuple[Store, str],
                                                     tmp_path: Path) -> None:
    store, plan_id = plan_store
    with store.session() as s:
        out = export_plan_docx(s, plan_id, tmp_path / "plan.docx", issued=date.today())
    actual = normalise(part(out))
    if os.environ.get("CMSDESK_REGENERATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert "DATE" in actual and "rsidR" not in actual
    assert actual.splitlines() == expected.splitlines()
