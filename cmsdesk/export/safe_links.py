"""What a rendering of plan text may point at: web addresses only, and nothing is loaded.

Plan texts arrive in other Parties' bundles. Markdown image and link syntax in them must not
make cmsdesk read a local file (``![x](/etc/passwd)``, ``file:///dev/zero``, a path relative to
the working folder), fetch a remote resource, or hand a ``javascript:``, ``data:``, ``qrc:`` or
any other address to the operating system. :class:`SafeLinks` is a Markdown extension that
turns every image into its alt text (marked as an image) and every link whose address is not
an ``http(s)`` web address into plain text; :func:`web_address` is the one test, used again
when a reader clicks a link.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

WEB_SCHEMES = ("http", "https")
IMAGE_CLASS = "image-placeholder"


def web_address(url: str) -> bool:
    """True for an absolute http(s) address with a host and no control characters or spaces."""
    if not url or any(ord(ch) < 0x21 or 0x7F <= ord(ch) <= 0x9F for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


class _Defuse(Treeprocessor):
    """Images become their alt text; links to anything but a web address become text."""

    def __init__(self, md: Markdown, image_label: str) -> None:
        super().__init__(md)
        self.image_label = image_label

    def run(self, root: etree.Element) -> None:
        for element in list(root.iter()):
            if element.tag == "img":
                alt = element.get("alt") or ""
                element.attrib.clear()
                element.tag = "span"
                element.set("class", IMAGE_CLASS)
                element.text = self.image_label.format(alt=alt).strip()
            elif element.tag == "a":
                href = element.get("href") or ""
                title = element.get("title")
                element.attrib.clear()
                if web_address(href):
                    element.set("href", href)
                    if title:
                        element.set("title", title)
                else:
                    element.tag = "span"


class SafeLinks(Extension):
    """Registers :class:`_Defuse` after the inline patterns have made links and images.

    ``image_label`` is the text shown for an image, with ``{alt}`` for its alt text.
    """

    def __init__(self, image_label: str = "(image: {alt})") -> None:
        super().__init__()
        self.image_label = image_label

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (the markdown package's name)
        md.treeprocessors.register(_Defuse(md, self.image_label), "cmsdesk_safe_links", 5)
