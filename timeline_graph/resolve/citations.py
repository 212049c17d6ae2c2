"""Citations pointed at the documents of the case they name, and works one document dates twice."""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

from ..extract.citations import parse_label
from ..model import Citation, Conflict, Document, Span, record_id
from .conflicts import dated_two_ways
from .text import norm

__all__ = ["THREAD_EXTRACTOR", "citation_date_conflicts", "dates_in", "resolve_citations", "thread_citations"]

#: The extractor named on citations that come from email headers (a reply cites its message).
THREAD_EXTRACTOR = "thread@1"

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]


class _Catalogue:
    """The documents of a case by the normalized words of their titles and publishers, and by
    publisher and day (an outlet of the case may have thousands of documents)."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self.by_title: dict[str, list[Document]] = defaultdict(list)
        self.by_publisher: dict[str, list[Document]] = defaultdict(list)
        self.by_day: dict[tuple[str, date], list[Document]] = defaultdict(list)
        for doc in docs:
            title = norm(doc.title) if doc.title else ""
            if len(title.split()) >= 3:
                self.by_title[title].append(doc)
            publisher = norm(doc.publisher) if doc.publisher else ""
            if publisher:
                self.by_publisher[publisher].append(doc)
                if doc.published and doc.published.earliest:
                    self.by_day[(publisher, doc.published.earliest)].append(doc)
        self.longest = max((len(k.split()) for k in (*self.by_title, *self.by_publisher)), default=0)
        self.by_host: dict[str, list[Document]] = defaultdict(list)
        for doc in docs:
            if doc.url:
                self.by_host[_address(doc.url)[0]].append(doc)

    def linked(self, url: str) -> list[Document]:
        """The documents a web address points at: the one at that address, else those of its host
        whose title the address's path spells out (most of its words, and at least three)."""
        host, path = _address(url)
        same_host = self.by_host.get(host, [])
        exact = [d for d in same_host if d.url and _address(d.url) == (host, path)]
        if exact:
            return exact
        words = set(re.findall(r"[a-z0-9]+", path))
        found = []
        for doc in same_host:
            title = set(norm(doc.title).split()) if doc.title else set()
            shared = len(title & words)
            if shared >= 3 and shared * 2 >= len(title):
                found.append(doc)
        return found

    def named_in(self, label: str) -> tuple[list[Document], list[str]]:
        """The documents whose title the label names word for word, and the publishers it names."""
        found = label.split()
        titles: dict[str, Document] = {}
        outlets: list[str] = []
        for i in range(len(found)):
            for j in range(i + 1, min(len(found), i + self.longest) + 1):
                phrase = " ".join(found[i:j])
                titles.update((d.id, d) for d in self.by_title.get(phrase, ()))
                if phrase in self.by_publisher and phrase not in outlets:
                    outlets.append(phrase)
        return list(titles.values()), outlets


def resolve_citations(citations: Iterable[Citation], docs: Sequence[Document], remap: dict[str, str]) -> list[Citation]:
    """Point each citation at the document of the case it names, by title, or by outlet and date."""
    catalogue = _Catalogue(docs)
    return [_resolve(c, catalogue, remap) for c in citations]


def thread_citations(docs: Sequence[Document]) -> list[Citation]:
    """A reply citing the message it answers, for each reply whose message is in the case.

    The nearest message of the case is cited (In-Reply-To first, then References from the
    newest). The span is the first line of the quoted passage ("On ... wrote:") when the reply
    quotes, else its first line (the subject).
    """
    by_message_id = {d.message_id: d for d in docs if d.message_id}
    found = []
    for doc in docs:
        parent = next((by_message_id[m] for m in doc.replies_to if m in by_message_id), None)
        if parent is None or parent.id == doc.id:
            continue
        start = doc.quoted[0][0] if doc.quoted else 0
        end = doc.text.find("\n", start)
        span = Span.at(doc, start, len(doc.text) if end < 0 else end)
        found.append(Citation(id=record_id("cit", doc.id, "reply-to", parent.id), document=doc.id, span=span,
                              cites_label=parent.title or parent.source, cites_document=parent.id,
                              kind="reply-to", extractor=THREAD_EXTRACTOR))
    return found


def _resolve(citation: Citation, catalogue: _Catalogue, remap: dict[str, str]) -> Citation:
    entity = remap.get(citation.cites_entity, citation.cites_entity) if citation.cites_entity else None
    citation = replace(citation, cites_entity=entity)
    if citation.cites_document:
        return citation
    if citation.kind == "link":  # an address: the document at it, or the one of its host its path names
        linked = [d for d in catalogue.linked(citation.span.exact) if d.id != citation.document]
        return replace(citation, cites_document=linked[0].id) if len(linked) == 1 else citation
    titled, outlets = catalogue.named_in(norm(citation.cites_label))
    by_title = [d for d in titled if d.id != citation.document]
    if len(by_title) == 1:
        return replace(citation, cites_document=by_title[0].id)
    days = set(dates_in(citation.cites_label))
    dated = {d.id for o in outlets for day in days for d in catalogue.by_day.get((o, day), ()) if d.id != citation.document}
    if len(dated) == 1:
        return replace(citation, cites_document=dated.pop())
    if not days:
        # the one document of the outlets named, not counting the citing one
        found = {d.id for o in outlets for d in catalogue.by_publisher[o][:3] if d.id != citation.document}
        if len(found) == 1 and sum(len(catalogue.by_publisher[o]) for o in outlets) <= 2:
            return replace(citation, cites_document=found.pop())
    return citation


def _address(url: str) -> tuple[str, str]:
    """(host without "www.", path without a trailing slash), in lower case, of a web address."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    return (parts.hostname or "").removeprefix("www."), parts.path.rstrip("/").casefold()


def dates_in(text: str) -> Iterable[date]:
    """Days written as ``2021-02-17`` or ``February 17, 2021`` in a citation label."""
    for y, m, d in re.findall(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        try:
            yield date(int(y), int(m), int(d))
        except ValueError:
            continue
    for month, day, year in re.findall(r"\b([A-Z][a-z]+)\.? (\d{1,2}),? (\d{4})\b", text):
        for i, name in enumerate(_MONTHS, start=1):
            if name.startswith(month.casefold()[:3]):
                with contextlib.suppress(ValueError):
                    yield date(int(year), i, int(day))
                break


def citation_date_conflicts(citations: Sequence[Citation], docs: dict[str, Document]) -> list[Conflict]:
    """A document that dates one cited work two ways a typo apart (one of year, month, day)."""
    by_doc_outlet: dict[tuple[str, str], list[tuple[Citation, date]]] = defaultdict(list)
    for citation in citations:
        outlet, _title, when = parse_label(citation.cites_label)
        days = list(dates_in(f"{when}")) if when else []
        if not outlet or len(days) != 1:
            continue
        key = citation.cites_entity or norm(outlet)
        by_doc_outlet[(citation.document, key)].append((citation, days[0]))
    conflicts = []
    for (document, _key), dated in sorted(by_doc_outlet.items()):
        dated.sort(key=lambda pair: (pair[0].span.start, pair[0].span.end, pair[0].id))  # text order
        for i, (a, day_a) in enumerate(dated):
            for b, day_b in dated[i + 1 :]:
                differs = sum((day_a.year != day_b.year, day_a.month != day_b.month, day_a.day != day_b.day))
                if differs != 1:  # one part differs: the same work misdated, not two works
                    continue
                outlet = parse_label(a.cites_label)[0]
                conflicts.append(dated_two_ways((a.id, b.id), docs.get(document) or document,
                                                f"the work of {outlet} it cites", (day_a, day_b), (a.span, b.span)))
    return conflicts
