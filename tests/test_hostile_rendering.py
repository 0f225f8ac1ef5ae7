"""Hostile plan text in the window and the exports: nothing is loaded, nothing is followed,
nothing recurses without end (issue 13, part 1).

Texts come from other Parties' bundles. Every scheme and path form an image or a link can use
is fed to the preview's Markdown, and raw ``<img>`` tags are fed straight to the browser, which
must not read a byte of any local file either way.
"""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QMessageBox, QTextBrowser
from pytestqt.qtbot import QtBot

from cmsdesk.export.markdown_blocks import MAX_NESTING, limit_nesting, parse_markdown
from cmsdesk.export.safe_links import web_address
from cmsdesk.ui.rendering import render_markdown
from cmsdesk.ui.safe_browser import SafeTextBrowser

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")

# Every form an address can take in a text: local files, devices, relative paths, other schemes.
HOSTILE_ADDRESSES = [
    "file:///dev/zero", "file:///etc/passwd", "FILE:///etc/passwd", "file://localhost/etc/passwd",
    "file:/etc/passwd", "/etc/passwd", "/dev/zero", "//evil.example/x.png", "../../etc/passwd",
    "rel/picture.png", "picture.png", "./picture.png", "~/picture.png", "C:\\Windows\\win.ini",
    "\\\\server\\share\\x.png", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)", "data:image/png;base64," + base64.b64encode(PNG).decode(),
    "data:text/html,<script>alert(1)</script>", "qrc:/qt-project.org/styles/x.png",
    ":/qt-project.org/styles/commonstyle/images/file-16.png", "vbscript:msgbox", "mailto:a@b.c",
    "ftp://example.org/x", "smb://server/share", "ssh://host", "about:blank", "blob:x",
    "http:///no-host", "http://", "https:evil", "http://exa mple.org", "http://\x1b[2J.org",
    "%2Fetc%2Fpasswd", "#anchor", "",
]


def link_forms(address: str) -> list[str]:
    """The Markdown spellings of an image and a link to ``address``."""
    return [f"![map]({address})", f"[click]({address})", f'![map]({address} "t")',
            f"![map][r]\n\n[r]: {address}", f"[click][r]\n\n[r]: {address}",
            f"[![map]({address})]({address})", f"<{address}>", f'<img src="{address}">',
            f'<a href="{address}">x</a>']


def addresses_in(html: str) -> list[str]:
    """The addresses in real tags (escaped text such as ``&lt;img src=...&gt;`` is only text)."""
    return re.findall(r'<[a-z]+\b[^<>]*?(?:src|href)="([^"]*)"', html)


@pytest.mark.parametrize("address", HOSTILE_ADDRESSES)
def test_preview_keeps_no_image_and_no_link_but_web_links(address: str) -> None:
    for text in link_forms(address):
        html = render_markdown(text)
        assert "<img" not in html, text
        for found in addresses_in(html):
            assert web_address(found), (text, html)


def test_images_show_their_alt_text_and_web_links_stay_links() -> None:
    html = render_markdown("See ![Map of flyways](https://example.org/m.png) and "
                           "[the CMS site](https://www.cms.int/en).")
    assert "(image: Map of flyways)" in html
    assert "<img" not in html
    assert '<a href="https://www.cms.int/en">the CMS site</a>' in html


@pytest.mark.parametrize("address", ["https://www.cms.int/", "http://example.org/a?b=c#d",
                                     "HTTPS://EXAMPLE.ORG"])
def test_web_addresses_are_web_addresses(address: str) -> None:
    assert web_address(address)


@pytest.mark.parametrize("address", HOSTILE_ADDRESSES)
def test_nothing_else_is_a_web_address(address: str) -> None:
    assert not web_address(address)


def test_browser_loads_no_image_whatever_the_html_says(qtbot: QtBot, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Raw <img> tags reaching the browser (by any route) load nothing, while a plain Qt
    browser given the same HTML reads the files: the test can tell the difference."""
    picture = QImage(7, 5, QImage.Format.Format_RGB32)
    picture.fill(0xFF0000)
    picture.save(str(tmp_path / "picture.png"))
    data = base64.b64encode((tmp_path / "picture.png").read_bytes()).decode()
    monkeypatch.chdir(tmp_path)
    sources = [str(tmp_path / "picture.png"), QUrl.fromLocalFile(str(tmp_path / "picture.png"))
               .toString(), "picture.png", "./picture.png",
               "data:image/png;base64," + data]
    safe, plain = SafeTextBrowser(), QTextBrowser()
    qtbot.addWidget(safe)
    qtbot.addWidget(plain)
    for source in sources:
        html = f'<p>x<img src="{source}" width="10" height="10"></p>'
        safe.setHtml(html)
        plain.setHtml(html)
        safe.grab()
        plain.grab()
        url = QUrl(source)
        kind = QTextDocument.ResourceType.ImageResource
        assert safe.document().resource(kind, url).size() != picture.size(), source
        assert plain.document().resource(kind, url).size() == picture.size(), source


def test_browser_never_navigates(qtbot: QtBot) -> None:
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml("<p>kept</p>")
    browser.setSource(QUrl.fromLocalFile("/etc/passwd"))
    assert browser.toPlainText() == "kept"
    assert not browser.openLinks() and not browser.openExternalLinks()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()))
    return urls


@pytest.mark.parametrize("address", HOSTILE_ADDRESSES)
def test_a_clicked_link_that_is_not_a_web_address_is_not_opened(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, opened: list[str], address: str) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.follow(QUrl(address))
    assert opened == []
    assert len(told) == 1 and "\x1b" not in told[0] and "\t" not in told[0]


@pytest.mark.parametrize("answer, expected", [
    (QMessageBox.StandardButton.Yes, ["https://www.cms.int/en"]),
    (QMessageBox.StandardButton.No, [])])
def test_a_web_link_opens_only_after_the_reader_saw_the_address(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, opened: list[str],
        answer: QMessageBox.StandardButton, expected: list[str]) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text) or answer)
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.follow(QUrl("https://www.cms.int/en"))
    assert "https://www.cms.int/en" in asked[0]
    assert opened == expected


DEEP_TEXTS = {
    "list": "".join("    " * i + "- level\n" for i in range(300)),
    "numbered": "".join("    " * i + "1. level\n" for i in range(300)),
    "quote": ">" * 1000 + " deep",
    "quoted list": "".join("> " * i + "- x\n" for i in range(300)),
    "tabs": "".join("\t" * i + "- x\n" for i in range(300)),
    "emphasis": "*" * 5000 + "x" + "*" * 5000,
    "brackets": "[" * 3000 + "x" + "]" * 3000,
}


@pytest.mark.parametrize("kind", DEEP_TEXTS)
def test_deep_nesting_renders_without_recursion_error(kind: str) -> None:
    text = DEEP_TEXTS[kind]
    assert render_markdown(text)
    blocks = parse_markdown(text)
    assert blocks
    assert max(b.level for b in blocks) <= MAX_NESTING


def test_nesting_within_the_limit_is_left_alone() -> None:
    text = "- a\n    - b\n        - c\n> quote\n> > nested"
    assert limit_nesting(text) == text


def test_deep_nesting_in_the_word_export(plan_store: tuple, tmp_path: Path) -> None:
    from cmsdesk.export.docx_plan import export_plan_docx
    from cmsdesk.models import queries
    from cmsdesk.models.commands import PlanEditor

    store, plan_id = plan_store
    with store.session() as s:
        node = next(n for n in queries.outline(s, plan_id) if n.kind == "target")
    editor = PlanEditor(store, plan_id)
    editor.set_field(node.id, "text", DEEP_TEXTS["list"] + "\n\n" + DEEP_TEXTS["quote"])
    out = tmp_path / "deep.docx"
    with store.session() as s:
        export_plan_docx(s, plan_id, out)
    assert out.stat().st_size > 0
    assert os.path.exists(out)
