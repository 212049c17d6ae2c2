"""HTML files: the main text through trafilatura, metadata from the page's own markup.

Text: ``trafilatura.extract`` (plain text, no comments, tables kept, no links or images), one
paragraph per block. A bare fragment (no ``<html>`` or ``<body>`` tag: a snippet saved from a
page, an email body) has no page furniture for trafilatura to strip, and it finds nothing in
one: its text is taken as it stands, one paragraph per block element; so is the text of a page
in which trafilatura finds none.

Before either, page furniture is taken out of the markup (:func:`without_furniture`): comment
sections, share, social, follow and subscribe blocks, and forms, found by their ``id`` and
``class`` names (``comments``, ``comment-list``, ``disqus_thread``, ``share-buttons``,
``newsletter-signup``, ...), so that readers' comments and sharing buttons are never read as the
article, whatever trafilatura makes of the page. Title, site name (the publisher), author and canonical URL come from
``trafilatura.extract_metadata``. The published date and the language are read here from the
page's markup only: JSON-LD ``datePublished``, ``<meta>`` tags such as
``article:published_time``, and ``<html lang>``. trafilatura's own date (htmldate) is not used
because it also takes dates out of the article's prose, which would invent a publication date.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from ..errors import IngestError
from .metadata import Metadata, parse_date, split_names
from .text import paragraphs_from_lines

__all__ = ["DATE_META_KEYS", "FURNITURE_NAMES", "declared_charset", "extract", "plain_text", "without_furniture"]

_ORIGIN = "html meta"

#: ``<meta>`` names/properties/itemprops that state when a page was published, best first.
DATE_META_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "dcterms.issued",
    "dc.date.issued",
    "citation_publication_date",
    "citation_date",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dcterms.date",
    "date",
)

_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_PAGE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
#: Elements whose content is not text of the page.
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object"})
#: Elements that end a paragraph (the rest run on inside one: b, a, span, em, ...).
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "td", "th", "tr", "ul",
})


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML file declares in its first 4 KB (``<meta charset>``, XML prolog)."""
    head = data[:4096]
    found = _XML_ENCODING.match(head) or _CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


class _MarkupScan(HTMLParser):
    """Collects ``<html lang>``, ``<meta>`` contents and JSON-LD blocks; ignores the rest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and attributes.get("lang") and self.lang is None:
            self.lang = attributes["lang"].strip()
        elif tag == "meta" and attributes.get("content", "").strip():
            for key in ("property", "name", "itemprop", "http-equiv"):
                name = attributes.get(key, "").strip().lower()
                if name:
                    self.meta.setdefault(name, attributes["content"].strip())
        elif tag == "script" and attributes.get("type", "").lower() == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld[-1] += data


class _PlainText(HTMLParser):
    """The text of markup as it stands: a line per block element, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[str]] = [[]]
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NOT_TEXT:
            self._skipping.append(tag)
        elif tag in _BLOCKS:
            self.lines.append([])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.lines.append([])

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        elif tag in _BLOCKS:
            self.lines.append([])

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.lines[-1].append(data)

    def text(self) -> str:
        return "\n".join(" ".join("".join(parts).split()) for parts in self.lines)


#: Words of ``id`` and ``class`` names (split at "-" and "_") that mark page furniture.
FURNITURE_NAMES = frozenset({
    "comment", "comments", "commentlist", "disqus", "respond", "replies",
    "share", "sharing", "sharebar", "sharetools", "social", "subscribe", "subscription", "newsletter", "signup",
    "followus",
})
_NAME_PARTS = re.compile(r"[-_\s]+")
#: Elements never taken out as furniture, whatever their names: the page and its main text.
_NEVER_FURNITURE = frozenset({"html", "body", "main", "article"})


def _is_furniture(element: Any) -> bool:
    if not isinstance(element.tag, str):  # comments and processing instructions
        return False
    if element.tag == "form":
        return True
    names = f"{element.get('id', '')} {element.get('class', '')}".casefold()
    parts = set(_NAME_PARTS.split(names))
    return bool(parts & FURNITURE_NAMES) or "follow-us" in names or "follow_us" in names


def without_furniture(markup: str) -> tuple[str, bool]:
    """The markup without its comment sections, share, follow and subscribe blocks and forms, and
    whether a comment section was among them. An element holding half the page's text or more is
    kept whatever its name says (a page styled ``class="social-affairs"`` is not furniture).
    """
    import lxml.html

    try:
        root = lxml.html.document_fromstring(markup)
    except (ValueError, TypeError, lxml.etree.ParserError):  # nothing lxml can read: trafilatura will say
        return markup, False
    total = len(root.text_content())
    found = [e for e in root.iter() if e.tag not in _NEVER_FURNITURE and _is_furniture(e)]
    dropped: set[int] = set()
    comments = False
    for element in found:
        if element.getparent() is None or any(id(a) in dropped for a in element.iterancestors()):
            continue  # gone with an ancestor
        if len(element.text_content()) * 2 >= total > 0:
            continue
        comments = comments or bool({"comment", "comments", "commentlist", "disqus", "respond"} & set(
            _NAME_PARTS.split(f"{element.get('id', '')} {element.get('class', '')}".casefold())))
        dropped.add(id(element))
        element.drop_tree()
    if not dropped:
        return markup, False
    return lxml.html.tostring(root, encoding="unicode"), comments


def plain_text(markup: str) -> str:
    """The text of HTML markup as it stands, one line per block element (see the module docstring).

    >>> plain_text("The council met on <b>March 2</b>.<p>Police asked <i>again</i>.<script>x()</script>")
    'The council met on March 2.\\nPolice asked again.'
    """
    parser = _PlainText()
    parser.feed(markup)
    parser.close()
    return "\n".join(line for line in parser.text().split("\n") if line)


def _json_ld_dates(blocks: list[str]) -> list[str]:
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                found.append(value)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for block in blocks:
        try:
            walk(json.loads(block))
        except ValueError:
            continue  # broken JSON-LD states nothing we can read; the meta tags still count
    return found


def _markup_metadata(markup: str) -> Metadata:
    scan = _MarkupScan()
    scan.feed(markup)
    scan.close()
    meta = Metadata()
    candidates = _json_ld_dates(scan.json_ld) + [scan.meta[k] for k in DATE_META_KEYS if k in scan.meta]
    for words in candidates:
        when = parse_date(words)
        if when is not None:
            meta = meta.with_field("published", when, _ORIGIN)
            break
    language = scan.lang or scan.meta.get("content-language")
    if language:
        meta = meta.with_field("language", language, _ORIGIN)
    return meta


def extract(markup: str, source: str, notes: list[str] | None = None) -> tuple[str, Metadata]:
    """The main text of an HTML page (not yet normalized) and the metadata its markup states.

    That a comment section was left out is added to ``notes``.
    """
    try:
        import trafilatura
    except ImportError as err:
        raise IngestError(source, f"reading HTML needs trafilatura (pip install trafilatura lxml_html_clean): {err}") from err
    markup = _XML_DECLARATION.sub("", markup, count=1)  # lxml refuses str input with a declared encoding
    page, comments = without_furniture(markup)
    if comments and notes is not None:
        notes.append(f"{source}: its comment section is left out")
    if not _PAGE.search(markup):  # a bare fragment: its text as it stands
        text = plain_text(page)
        if not text.strip():
            raise IngestError(source, "HTML has no extractable text")
        return paragraphs_from_lines(text.split("\n")), _markup_metadata(markup)
    try:
        body = trafilatura.extract(
            page,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=False,
        )
        found = trafilatura.extract_metadata(markup, extensive=False)
    except Exception as err:  # trafilatura and lxml raise many kinds; the file is reported, not lost
        raise IngestError(source, f"HTML could not be parsed ({type(err).__name__}: {' '.join(str(err).split())})") from err
    text = body if body and body.strip() else plain_text(page)  # else a page too plain for trafilatura
    if not text.strip():
        raise IngestError(source, "HTML has no extractable text")
    meta = Metadata()
    if found is not None:
        meta = meta.with_field("title", _clean(found.title), _ORIGIN)
        meta = meta.with_field("publisher", _clean(found.sitename), _ORIGIN)
        if found.author:
            meta = meta.with_field("authors", split_names(found.author), _ORIGIN)
        meta = meta.with_field("url", _clean(found.url), _ORIGIN)
    meta = meta.or_else(_markup_metadata(markup))
    return paragraphs_from_lines(text.split("\n")), meta


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None
