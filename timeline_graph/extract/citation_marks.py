"""Citations written as marks rather than as sentences: links, source notes, author-and-year
references and bibliography lines in the styles journals and textbooks use.

Each reader gives :class:`Mark` records: where the citation is, the label of what it cites, and
where the source's name stands (so the caller can look up an entity named there).

>>> [m.label for m in links("Rents rose (https://www.harbor-ledger.example/rents).")]
['harbor-ledger.example']
>>> [m.label for m in source_notes("Visits rose to 9 million (source: Tallymark Analytics).")]
['Tallymark Analytics']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from .text import DATE_PATTERN, UPPER

__all__ = ["Mark", "author_years", "credits", "datelines", "links", "narrative_years", "reference_lines", "source_notes"]


@dataclass(frozen=True)
class Mark:
    """A citation mark: its extent, the label of what it cites, its kind, and where the source is named."""

    kind: str
    start: int
    end: int
    label: str
    name: tuple[int, int] | None = None


_URL = re.compile(r"(?<![\w@/.])(?:https?://|www\.)[^\s<>\"“”'’()\[\]]+")
# A link that credits a picture is no source of what the text says.
_CREDIT = re.compile(r"\b(?:credits?|image|images|photo|photos|photograph|picture|file)\b", re.IGNORECASE)


def links(text: str) -> Iterator[Mark]:
    """Every web address set aside for what the text says, in parentheses or brackets or at the
    end of a line, cited by its host ("harbor-ledger.example"); not an address in the running
    sentence ("apply at www.example.org": where to go, no source) nor one in a picture's credit."""
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?")
        host = urlsplit(url if "://" in url else f"http://{url}").hostname or ""
        host = host.removeprefix("www.")
        if "." not in host:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        opened = max(text.rfind("(", line_start, match.start()), text.rfind("[", line_start, match.start()))
        aside = opened >= 0 and not re.search(r"[)\]]", text[opened : match.start()])
        if not aside and text[match.start() + len(url) :].split("\n", 1)[0].strip():
            continue
        before = text[opened if aside else line_start : match.start()]
        if _CREDIT.search(before):
            continue
        yield Mark("link", match.start(), match.start() + len(url), host)


_NOTE = re.compile(r"\((?:(?:source|sources|data)\s*:|via\s*:?)\s*(?P<name>[^()\n]{2,120}?)\s*\)"
                   r"|^(?:Source|Sources|Via|Data)\s*:\s*(?P<line>[^\n]{2,160}?)\s*$", re.IGNORECASE | re.MULTILINE)


def source_notes(text: str) -> Iterator[Mark]:
    """ "(source: X)", "(via X)" and a line "Source: X": X is where what precedes came from."""
    for match in _NOTE.finditer(text):
        key = "name" if match.group("name") else "line"
        start, end = match.span(key)
        label = text[start:end].rstrip(".,;")
        if _URL.fullmatch(label) or not label[:1].isalnum():
            continue  # a bare address is read by links()
        name = (start, start + len(label))
        label = re.sub(r"^(?:the|The)\s+", "", label)
        yield Mark("source-note", match.start(), match.end(), label, name)


# "OSLAND (Reuters) - ": a dateline credits the whole story to the agency named.
_DATELINE = re.compile(rf"^[{UPPER}][{UPPER}\w.'’, -]{{0,60}}?\s*\((?P<name>[{UPPER}][\w.&'’ -]{{0,40}})\)\s*[-—–]+\s",
                       re.MULTILINE)
# "... https://t.co/x — Lena Varga (@lenavarga) June 3, 2019": the credit line of an embedded post.
_POST_CREDIT = re.compile(rf"[—–]\s*(?P<name>[^()\n—–]{{2,60}}?)\s*\((?P<handle>@\w{{1,30}})\)\s*(?P<date>{DATE_PATTERN})")


def datelines(text: str) -> Iterator[Mark]:
    """A dateline naming an agency ("OSLAND (Reuters) - "), and the credit line of an embedded
    post ("— Lena Varga (@lenavarga) June 3, 2019", labelled ``Name (@handle) (Date)``)."""
    for match in _DATELINE.finditer(text):
        yield Mark("dateline", match.start(), match.end("name") + 1, match.group("name"), match.span("name"))
    for match in _POST_CREDIT.finditer(text):
        label = f"{match.group('name')} ({match.group('handle')}) ({match.group('date')})"
        yield Mark("post", match.start("name"), match.end(), label, match.span("name"))


# Words credited to a named source, read from the words alone where a parse may stumble ("shows"
# read as a noun, "Tribune" as an adjective): "..., the Bay Ledger reports.", "the Harbor
# Authority's data shows", "a Bay Ledger analysis found", "records obtained by the Bay Ledger".
_WORK_WORDS = (r"(?i:analysis|investigation|report|review|survey|poll|study|count|tally|data|figures|records|documents"
               r"|emails|files|memo|letter|estimates|research|audit|statistics|numbers)")
_SOURCE_NAME = rf"(?P<name>(?:[{UPPER}][\w.&'’-]*\s+){{0,5}}[{UPPER}][\w.&'’-]*)"
_CREDITED = re.compile(
    rf",\s+(?:the\s+|The\s+|an?\s+)?{_SOURCE_NAME}(?:(?P<work>(?:['’]s)?\s+{_WORK_WORDS})\s+"
    r"(?:found|finds|said|says|concluded|concludes|showed|shows|suggests|suggested)"
    r"|\s+(?P<verb>reported|reports|said|says|noted|notes))(?=\s*[.!?])"
    rf"|\b(?:[Tt]he\s+|[Aa]n?\s+)?{_SOURCE_NAME.replace('name', 'owner')}(?:['’]s)?\s+{_WORK_WORDS}\s+"
    r"(?:\w+\s+)?(?P<shows>shows?|showed|found|finds|says|said|suggests?|suggested|indicates?|indicated|concluded)\b"
    rf"|\b{_WORK_WORDS}\s+(?:\w+\s+){{0,2}}?(?:obtained|reviewed|seen|released|published|compiled|analy[sz]ed)\s+by\s+"
    rf"(?:the\s+)?{_SOURCE_NAME.replace('name', 'agent')}"
)


def credits(text: str) -> Iterator[tuple[Mark, str]]:
    """Sources credited in words a parse may misread: each mark, named where its source stands,
    and what the source must be: "outlet" for a plain verb of saying ("..., the Bay Ledger
    said."; an organization's "said" is a claim), "publisher" for "reported" (no person's
    report), "author" for a work credited to its maker ("the Harbor Authority's data shows")."""
    for match in _CREDITED.finditer(text):
        key = next(k for k in ("name", "owner", "agent") if match.group(k))
        name = match.span(key)
        verb = match.group("verb") if key == "name" else None
        needs = "outlet" if verb in ("said", "says", "noted", "notes") else "publisher" if verb else "author"
        yield Mark("credited", match.start() if key == "agent" else name[0], match.end(), text[slice(*name)], name), needs


_MONTH_WORDS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                          "sept", "oct", "nov", "dec", "spring", "summer", "autumn", "fall", "winter", "c", "ca",
                          "circa", "born", "died", "est", "since", "until", "in", "from"])
_NAME = rf"[{UPPER}][\w'’.-]*(?:\s+(?:[{UPPER}][\w'’.-]*|of|the|and|for|de|van|von|der|la|du|&))*?"
_CITED = re.compile(rf"^(?:e\.g\.,?\s*|see\s+(?:also\s+)?|cf\.\s*|for\s+example,?\s*)?(?P<name>{_NAME}"
                    rf"(?:\s+et\s+al\.?|\s+(?:and|&)\s+{_NAME})?),?\s+(?P<year>(?:1[5-9]|20)\d\d[a-z]?)"
                    r"(?:\s*[,:]\s*[^;]*)?$")
_PAREN = re.compile(r"\(([^()\n]{4,200})\)")
_NARRATIVE = re.compile(r"\s*\((?P<year>(?:1[5-9]|20)\d\d[a-z]?)\)\s+(?=[a-z])")


def author_years(text: str) -> Iterator[Mark]:
    """Works cited by author and year inside parentheses: "(Kahneman, 2011)", "(see Ruiz and
    Dahl 2004; Okafor et al., 2019)", "(Harbor Institute of Tides 2010, vol. 3)". The name must
    be a person's or an organization's for the caller to keep the mark ("(June 2007)" is none)."""
    for paren in _PAREN.finditer(text):
        at = paren.start(1)
        for part in re.finditer(r"[^;]+", paren.group(1)):
            words = part.group(0)
            lead = len(words) - len(words.lstrip())
            match = _CITED.match(words.strip())
            if match is None or match.group("name").split()[0].casefold().rstrip(".") in _MONTH_WORDS:
                continue
            name_start = at + part.start() + lead + match.start("name")
            name = (name_start, name_start + len(match.group("name")))
            label = f"{match.group('name')} ({match.group('year')})"
            yield Mark("author-year", paren.start(), paren.end(), label, name)


def narrative_years(text: str, name_end: int) -> tuple[int, str] | None:
    """ "Ruiz (2004) found": the end and the year of a year in parentheses right after a name
    ending at ``name_end`` and followed by a word in lower case (a verb), else None."""
    match = _NARRATIVE.match(text, name_end)
    return (match.end("year") + 1, match.group("year")) if match else None


_LOOSE = re.compile(
    rf"^(?P<authors>[{UPPER}][^\n\"“”]{{1,220}}?)\s*(?:\((?P<when>[^()\n]{{0,24}}\d{{4}}[a-z]?)\)\s*)?[.,]?\s+"
    r"[\"“](?P<title>[^\"“”\n]{3,250}?)[.,]?[\"”][.,]?\s+"
    rf"(?P<outlet>[{UPPER}][^\n.,:;()\"“”]{{1,80}}?)\s*[.,](?=\s|$)(?P<rest>[^\n]*)$",
    re.MULTILINE,
)
_DATED = re.compile(DATE_PATTERN)
_YEAR_OR_LINK = re.compile(r"\b(?:1[5-9]|20)\d\d\b|https?://|\bdoi:")


_AUTHOR_WORDS = frozenset(["and", "&", "et", "al", "al.", "de", "van", "von", "der", "la", "du", "ed.", "eds."])


def _authors(words: str) -> bool:
    """Whether words are a list of authors' names ("Duckworth, A. L.; Kelly, D. R.", "Ana Ruiz
    and Ben Dahl"), not a sentence."""
    found = re.findall(r"[^\s,;]+", words)
    return 0 < len(found) <= 16 and all(w[:1].isupper() or w.casefold() in _AUTHOR_WORDS for w in found)


def reference_lines(text: str) -> Iterator[tuple[Mark, str, str | None]]:
    """Bibliography lines in the styles of journals and textbooks: ``Author. "Title." Outlet,
    ...`` and ``Author (Year). "Title". Outlet. ...``, each with a year or a link. Gives the mark
    (labelled with the outlet, named where the outlet stands), the title and the date if a day or
    a month is given."""
    for match in _LOOSE.finditer(text):
        line = match.group(0)
        if len(line) > 500 or not _YEAR_OR_LINK.search(line) or not _authors(match.group("authors")):
            continue
        outlet = match.group("outlet").strip()
        title = match.group("title").strip().rstrip(",.")
        dated = _DATED.search(line)
        name = (match.start("outlet"), match.start("outlet") + len(outlet))
        yield Mark("reference", match.start(), match.end(), outlet, name), title, dated.group(0) if dated else None
