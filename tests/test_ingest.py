"""Files to documents: text, Markdown, HTML, stated metadata, furniture, bad input, batches."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import timeline_graph.ingest as ingest
from timeline_graph.errors import IngestError
from timeline_graph.ingest import (
    SUPPORTED_SUFFIXES,
    VERSION,
    ingest_paths,
    read_bytes,
    read_document,
)
from timeline_graph.ingest.metadata import detect_byline, detect_date_line, detect_title, parse_date
from timeline_graph.ingest.text import FURNITURE_LINES, is_furniture, normalize
from timeline_graph.model import Document

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"

PLAIN = (
    "Skip to main content\n"
    "\n"
    "Harbor council limits doorbell video requests\n"
    "\n"
    "Harbor council limits doorbell video requests\n"
    "\n"
    "By Ann Writer and Bo Reed\n"
    "Published: March 2, 2021\n"
    "\n"
    "Share this story\n"
    "\n"
    "The harbor council voted on Tuesday to limit how police ask residents for video.   \n"
    "\n\n\n\n"
    "Members said the rules take effect in the spring.\n"
    "\n"
    "Leave a comment\n"
    "Your email address will not be published.\n"
)

EXPECTED_PLAIN_TEXT = (
    "Harbor council limits doorbell video requests\n"
    "\n"
    "By Ann Writer and Bo Reed\n"
    "Published: March 2, 2021\n"
    "\n"
    "The harbor council voted on Tuesday to limit how police ask residents for video.\n"
    "\n"
    "Members said the rules take effect in the spring."
)

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Harbor council limits doorbell video requests | The Harbor Times</title>
  <meta property="og:site_name" content="The Harbor Times">
  <meta name="author" content="Ann Writer">
  <meta property="article:published_time" content="2021-03-02T09:30:00Z">
  <link rel="canonical" href="https://news.example.org/2021/harbor-council-video">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Harbor council limits doorbell video requests</h1>
    <p>The harbor council voted on Tuesday to limit how the police ask residents for
       doorbell video, after a long public meeting.</p>
    <p>Members said the new rules would take effect in the spring, once the city lawyer
       has reviewed them.</p>
    <p>Two residents spoke against the plan, saying it went too far.</p>
  </article>
  <section class="comments"><h2>Comments</h2><p>First! Posted by somebody</p></section>
  <footer>Contact us. Terms of use.</footer>
</body>
</html>
"""


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------------------------------
# Plain text


def test_plain_text_document() -> None:
    data = PLAIN.encode("utf-8")
    doc = read_bytes(data, source="cases/harbor.txt")
    assert doc.media_type == "text/plain"
    assert doc.sha256 == sha(data)
    assert doc.id == Document.id_for(sha(data))
    assert doc.source == "cases/harbor.txt"
    assert doc.text == EXPECTED_PLAIN_TEXT
    assert doc.title == "Harbor council limits doorbell video requests"
    assert doc.authors == ("Ann Writer", "Bo Reed")
    assert doc.published is not None
    assert (doc.published.edtf, doc.published.text) == ("2021-03-02", "March 2, 2021")
    assert dict(doc.metadata_origin) == {
        "title": "first line",
        "authors": "byline",
        "published": "published line",
    }
    assert doc.publisher is None and doc.url is None and doc.language is None


def test_read_document_from_disk_hashes_the_bytes(tmp_path: Path) -> None:
    data = ("\ufeff" + PLAIN.replace("\n", "\r\n")).encode("utf-8")
    path = tmp_path / "harbor.TXT"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.sha256 == sha(data)  # the file's bytes, BOM and CRLF included
    assert doc.text == EXPECTED_PLAIN_TEXT
    assert doc.source == path.as_posix()
    assert read_document(path, source="harbor.txt").source == "harbor.txt"


def test_output_is_deterministic(tmp_path: Path) -> None:
    data = PLAIN.encode("utf-8")
    first = read_bytes(data, source="a.txt")
    assert read_bytes(data, source="a.txt") == first
    other = read_bytes(data, source="elsewhere/b.txt")
    assert other.id == first.id and other.text == first.text
    html = ARTICLE_HTML.encode("utf-8")
    assert read_bytes(html, source="a.html") == read_bytes(html, source="a.html")


def test_version_and_suffixes() -> None:
    assert VERSION
    assert {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".eml", ".mbox"} <= SUPPORTED_SUFFIXES


# ---------------------------------------------------------------------------------------------
# Normalization and page furniture


def test_normalize_newlines_spaces_blank_runs_and_nfc() -> None:
    decomposed = "Cafe\u0301 owners spoke.  \r\nThey\tagreed.\r\rA third line.\n\n\n\n\nEnd."
    text = normalize(decomposed)
    assert text == "Caf\u00e9 owners spoke.\nThey\tagreed.\n\nA third line.\n\nEnd."
    assert unicodedata.is_normalized("NFC", text)


def test_normalize_removes_control_characters_but_keeps_words() -> None:
    assert normalize("One\x07 two\x1a three\u2028four") == "One two three\nfour"


def test_furniture_lines_are_dropped_only_as_whole_lines() -> None:
    text = normalize(
        "Title\n\nShare this story\n\nPlease share this story with your neighbours.\n\n"
        "ADVERTISEMENT\n\nImage: Harbor Times\n\nPhoto by A. Snapper / Harbor Times\n\n"
        "The photo by the pier was taken on Monday.\n\nLeave a comment"
    )
    assert text == (
        "Title\n\nPlease share this story with your neighbours.\n\n"
        "The photo by the pier was taken on Monday."
    )


def test_furniture_list_is_small_and_lowercase() -> None:
    assert len(FURNITURE_LINES) < 40
    assert all(line == line.casefold().strip() for line in FURNITURE_LINES)
    assert is_furniture("  Skip to Main Content ")
    assert is_furniture("Your email address will not be published. Required fields are marked *")
    assert not is_furniture("Members said the rules take effect in the spring.")


def test_repeated_title_kept_once_but_later_repeats_kept() -> None:
    text = normalize("Title line\n\nTitle line\n\nTitle line\n\nBody.\n\nBody.")
    assert text == "Title line\n\nBody.\n\nBody."


@given(st.text(alphabet=st.sampled_from("ab \t\n\r.\u00e9\u0301"), max_size=60))
def test_normalize_is_idempotent_and_keeps_every_word(raw: str) -> None:
    nfc = unicodedata.normalize("NFC", raw)
    lines = [line.strip() for line in nfc.replace("\r", "\n").split("\n") if line.strip()]
    assume(len(lines) < 2 or lines[0] != lines[1])  # a repeated title is dropped on purpose
    once = normalize(raw)
    assert normalize(once) == once
    assert once.split() == nfc.split()


# ---------------------------------------------------------------------------------------------
# Metadata stated in the text


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ann Writer", ("Ann Writer",)),
        ("by Vins", ("Vins",)),
        ("BY ANN WRITER", ("ANN WRITER",)),
        ("By Ann Writer, Bo Reed and Cy Stone", ("Ann Writer", "Bo Reed", "Cy Stone")),
        ("By Ann Writer | Harbor Times", ("Ann Writer",)),
        ("Written by Jan van der Berg", ("Jan van der Berg",)),
        ("By J. R. Writer", ("J. R. Writer",)),
    ],
)
def test_bylines(line: str, names: tuple[str, ...]) -> None:
    found = detect_byline(line)
    assert found is not None
    assert found[0] == names


@pytest.mark.parametrize(
    "line",
    [
        "by the pier, the boats were quiet",
        "Photo by Dan Snapper / Harbor Times",
        "By 2021, the number had grown.",
        "By Ann Writer, who covered the harbor council for ten long years before she retired",
        "Bylaws were changed",
    ],
)
def test_not_bylines(line: str) -> None:
    assert detect_byline(line) is None


def test_byline_with_a_date() -> None:
    found = detect_byline("By Ann Writer | February 17, 2021")
    assert found is not None
    assert found[1] is not None and found[1].edtf == "2021-02-17"
    labelled = detect_byline("By Ann Writer | Published February 17, 2021")
    assert labelled is not None and labelled[1] is not None and labelled[1].edtf == "2021-02-17"


@pytest.mark.parametrize(
    ("line", "edtf"),
    [
        ("Published February 17, 2021", "2021-02-17"),
        ("Published: Feb. 17, 2021 at 3:10 p.m. ET", "2021-02-17"),
        ("Published on 17 February 2021", "2021-02-17"),
        ("Posted: 2021-02-17T10:00:00Z", "2021-02-17"),
        ("Published: February 2021", "2021-02"),
        ("Published: February 17, 2021 Updated: February 18, 2021", "2021-02-17"),
        ("Date: Tue, 16 Feb 2021 10:00:00 -0800", "2021-02-16"),
    ],
)
def test_published_lines(line: str, edtf: str) -> None:
    found = detect_date_line(line)
    assert found is not None and found[0] == "published"
    assert found[1] is not None and found[1].edtf == edtf


@pytest.mark.parametrize(
    "line",
    ["Published: Last Updated on", "Published: yesterday", "Updated 3:45 p.m.", "Published: Feb 17"],
)
def test_date_lines_without_a_date_give_no_date(line: str) -> None:
    found = detect_date_line(line)
    assert found is None or found[1] is None


def test_updated_line_bounds_the_publication_from_above() -> None:
    doc = read_bytes(b"A title\n\nUpdated: February 18, 2021\n\nBody text.", source="u.txt")
    assert doc.published is not None
    assert doc.published.edtf == "../2021-02-18"
    assert doc.published.earliest is None and doc.published.latest == date(2021, 2, 18)
    assert ("published", "published line") in doc.metadata_origin


def test_published_last_updated_on_gives_no_date() -> None:
    doc = read_bytes(b"A title\n\nby Vins\nPublished: Last Updated on\n\nBody text.", source="v.txt")
    assert doc.authors == ("Vins",)
    assert doc.published is None
    assert "published" not in dict(doc.metadata_origin)


@pytest.mark.parametrize(
    "words",
    ["Last Updated on", "2 days ago", "yesterday", "Feb 17", "02/03/2021", "1613520000", "soon", "2021-02-30"],
)
def test_parse_date_refuses_what_is_not_a_stated_date(words: str) -> None:
    assert parse_date(words) is None


@pytest.mark.parametrize(
    ("words", "edtf"),
    [
        ("February 17, 2021", "2021-02-17"),
        ("17/02/2021", "2021-02-17"),
        ("2021-02-16?", "2021-02-16?"),
        ("2021", "2021"),
        ("2021-02-17 10:00:00", "2021-02-17"),
    ],
)
def test_parse_date(words: str, edtf: str) -> None:
    found = parse_date(words)
    assert found is not None and found.edtf == edtf and found.text == words


def test_titles_from_the_text() -> None:
    assert detect_title("# The heading #\n\nText.") == "The heading"
    assert detect_title("Intro line\n\n## Later heading\n\nText.") == "Later heading"
    assert detect_title("By Ann Writer\n\nShort first line\n\nText.") == "Short first line"
    long_line = "The council " + "met and talked " * 20 + "until late."
    title = detect_title(long_line)
    assert title is not None and title.endswith("…") and len(title) <= 101
    assert long_line.startswith(title[:-1])


def test_nothing_is_invented() -> None:
    doc = read_bytes(b"just some words on a line\n\nand more words after.", source="n.txt")
    assert doc.title == "just some words on a line"
    assert doc.metadata_origin == (("title", "first line"),)
    assert (doc.authors, doc.published, doc.publisher, doc.url, doc.language) == ((), None, None, None, None)


# ---------------------------------------------------------------------------------------------
# Markdown


MARKDOWN = """---
title: Harbor council limits doorbell video requests
publisher: The Harbor Times
authors:
  - Ann Writer
  - Bo Reed
published: 2021-03-02
url: https://news.example.org/harbor
language: en
tags: [council, video]
---
# A heading in the body

The harbor council voted on Tuesday.
"""


def test_markdown_front_matter() -> None:
    data = MARKDOWN.encode("utf-8")
    doc = read_bytes(data, source="harbor.md")
    assert doc.media_type == "text/markdown"
    assert doc.sha256 == sha(data)
    assert doc.text == "# A heading in the body\n\nThe harbor council voted on Tuesday."
    assert doc.title == "Harbor council limits doorbell video requests"
    assert doc.publisher == "The Harbor Times"
    assert doc.authors == ("Ann Writer", "Bo Reed")
    assert doc.published is not None and doc.published.edtf == "2021-03-02"
    assert doc.url == "https://news.example.org/harbor"
    assert doc.language == "en"
    assert dict(doc.metadata_origin) == dict.fromkeys(
        ("title", "publisher", "authors", "published", "url", "language"), "front matter"
    )


@pytest.mark.parametrize(
    ("front", "field", "value"),
    [
        ("outlet: Harbor Times", "publisher", "Harbor Times"),
        ("source: Harbor Times", "publisher", "Harbor Times"),
        ("author: Ann Writer", "authors", ("Ann Writer",)),
        ("authors: Ann Writer and Bo Reed", "authors", ("Ann Writer", "Bo Reed")),
        ("author: [Ann Writer]", "authors", ("Ann Writer",)),
        ("date: 2021-02-17", "published", "2021-02-17"),
        ("published: February 17, 2021", "published", "2021-02-17"),
        ("published: '2021-02'", "published", "2021-02"),
        ("published: 2021-02-16?", "published", "2021-02-16?"),
        ("title: 1984", "title", "1984"),
        ("lang: fr", "language", "fr"),
    ],
)
def test_markdown_aliases(front: str, field: str, value: object) -> None:
    doc = read_bytes(f"---\n{front}\n---\nSome body text.\n".encode(), source="a.md")
    got = getattr(doc, field)
    if field == "published":
        got = got.edtf
    assert got == value
    assert (field, "front matter") in doc.metadata_origin


def test_markdown_without_front_matter_uses_the_text() -> None:
    doc = read_bytes(b"# Council votes\n\nBy Ann Writer\n\nText here.", source="b.markdown")
    assert doc.title == "Council votes"
    assert doc.authors == ("Ann Writer",)
    assert dict(doc.metadata_origin) == {"title": "first line", "authors": "byline"}


def test_front_matter_and_text_combine() -> None:
    doc = read_bytes(b"---\ntitle: Votes\n---\nPublished: March 2, 2021\n\nText.", source="c.md")
    assert doc.title == "Votes"
    assert doc.published is not None and doc.published.edtf == "2021-03-02"
    assert dict(doc.metadata_origin) == {"title": "front matter", "published": "published line"}


# ---------------------------------------------------------------------------------------------
# HTML


def test_html_through_trafilatura() -> None:
    data = ARTICLE_HTML.encode("utf-8")
    doc = read_bytes(data, source="harbor.html")
    assert doc.media_type == "text/html"
    assert doc.sha256 == sha(data)
    assert "The harbor council voted on Tuesday" in doc.text
    assert "Two residents spoke against the plan" in doc.text
    assert "Sport" not in doc.text and "First!" not in doc.text and "Terms of use" not in doc.text
    assert doc.title == "Harbor council limits doorbell video requests"
    assert doc.publisher == "The Harbor Times"
    assert doc.authors == ("Ann Writer",)
    assert doc.published is not None and doc.published.edtf == "2021-03-02"
    assert doc.url == "https://news.example.org/2021/harbor-council-video"
    assert doc.language == "en-GB"
    assert dict(doc.metadata_origin) == dict.fromkeys(
        ("title", "publisher", "authors", "published", "url", "language"), "html meta"
    )


def test_html_dates_in_the_prose_are_not_the_publication_date() -> None:
    html = (
        "<html><head><title>Notes</title></head><body><article>"
        "<p>The first request was sent on 2019-08-29 and another on August 30, 2019.</p>"
        "<p>Nobody answered either of them for a long while afterwards.</p>"
        "</article></body></html>"
    )
    doc = read_bytes(html.encode(), source="prose.htm")
    assert doc.published is None


def test_html_json_ld_date() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
        ' "datePublished": "2021-02-17T08:00:00-05:00"}]}</script></head>'
        "<body><article><p>Body text of the story is here and it is long enough.</p></article></body></html>"
    )
    doc = read_bytes(html.encode(), source="ld.html")
    assert doc.published is not None and doc.published.edtf == "2021-02-17"


def test_broken_html_still_ingests() -> None:
    html = (
        b"<html><head><title>Harbor vote</title><body><h1>Harbor vote<p>The council met on Tuesday"
        b" to talk about doorbell video.<p>It voted <b>five to two</b> in favour<div>More words"
    )
    doc = read_bytes(html, source="broken.html")
    assert "The council met on Tuesday to talk about doorbell video." in doc.text
    assert doc.title == "Harbor vote"


def test_html_declared_charset() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "<title>Caf\u00e9 news</title></head><body><p>The caf\u00e9 owner said \u201cno\u201d to the"
        " request for video from the street camera.</p></body></html>"
    ).encode("cp1252")
    doc = read_bytes(html, source="latin.html")
    assert "The caf\u00e9 owner said \u201cno\u201d" in doc.text
    assert doc.title == "Caf\u00e9 news"


# ---------------------------------------------------------------------------------------------
# Decoding


def test_utf16_with_bom() -> None:
    data = "Title\n\nThe caf\u00e9 opened.".encode("utf-16")
    assert read_bytes(data, source="w.txt").text == "Title\n\nThe caf\u00e9 opened."


def test_plausible_cp1252_text_is_read() -> None:
    data = b"Title\n\nThe caf\xe9 owner said \x93no\x94 \x96 twice."
    assert read_bytes(data, source="old.txt").text == "Title\n\nThe caf\u00e9 owner said \u201cno\u201d \u2013 twice."


def test_damaged_utf8_is_not_read_as_cp1252() -> None:
    data = "It\u2019s a test with one bad byte: ".encode() + b"\xff end."
    with pytest.raises(IngestError, match=r"not UTF-8 text \(invalid byte 0xff at offset 33\)"):
        read_bytes(data, source="bad.txt")


# ---------------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("nul.txt", b"Some text\x00\x01\x02 more", "binary file (NUL bytes at offset 9), skipped"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)), "binary file (looks like a PNG image), skipped"),
        ("controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 10 + b"text", "binary file"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 4, "binary file (mostly non-text bytes), skipped"),
        ("undecodable.txt", b"caf\xe9 \x81 here", "not UTF-8 text (invalid byte 0xe9 at offset 3)"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b" \n\t\r\n  ", "empty file (only whitespace)"),
        ("nav-only.txt", b"Skip to main content\n\nShare this story\n", "no text left once page furniture"),
        ("nothing.html", b"<html><head><script>var a = 1;</script></head><body></body></html>", "HTML has no extractable text"),
        ("bad-yaml.md", b"---\ntitle: [unclosed\n---\nText.", "front matter is not valid YAML"),
        ("unclosed.md", b"---\ntitle: Votes\nText.", "front matter opened on line 1 is never closed"),
        ("list.md", b"---\n- a\n- b\n---\nText.", "front matter is not a mapping"),
        ("bad-date.md", b"---\npublished: soon\n---\nText.", "front matter 'published' is not a date: 'soon'"),
        ("title-list.md", b"---\ntitle: [a, b]\n---\nText.", "front matter 'title' should be text, not a list"),
        ("only-front.md", b"---\ntitle: Votes\n---\n\n", "no text after the front matter"),
        ("report.pdf", b"%PDF-1.4", "broken PDF ("),
        ("notes.odt", b"PK\x03\x04", "unsupported file type (suffix '.odt'"),
    ],
)
def test_bad_input_raises_a_one_line_ingest_error(name: str, data: bytes, problem: str) -> None:
    with pytest.raises(IngestError) as caught:
        read_bytes(data, source=f"case/{name}")
    err = caught.value
    message = str(err)
    assert "\n" not in message
    assert message.startswith(f"case/{name}: ")
    assert err.path == f"case/{name}"
    assert problem in err.problem


def test_huge_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert ingest.MAX_BYTES == 20 * 1000 * 1000
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 50)
    with pytest.raises(IngestError, match=r"big\.txt: file too large \(0\.0 MB; the limit is 0\.0 MB, set by max_file_mb"):
        read_document(path, source="big.txt")
    with pytest.raises(IngestError, match="file too large"):
        read_bytes(b"word " * 50, source="big.txt")


def test_unreadable_path(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"^missing\.txt: cannot read file"):
        read_document(tmp_path / "missing.txt", source="missing.txt")


def test_media_type_overrides_the_suffix() -> None:
    doc = read_bytes(b"# Heading\n\nText.", source="notes", media_type="text/markdown")
    assert doc.media_type == "text/markdown" and doc.title == "Heading"
    with pytest.raises(IngestError, match="unsupported media type"):
        read_bytes(b"x", source="a.txt", media_type="application/vnd.oasis.opendocument.text")


# ---------------------------------------------------------------------------------------------
# Batches


def test_batch_reports_bad_files_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("First title\n\nFirst body.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "sub" / "c.md").write_text("---\ntitle: Third\n---\nThird body.", encoding="utf-8")
    (tmp_path / "sub" / "d.md").write_text("---\ntitle: [oops\n---\nBody.", encoding="utf-8")
    (tmp_path / "e.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")

    paths = [tmp_path / name for name in ("a.txt", "b.txt", "e.html", "sub/c.md", "sub/d.md")]
    results = list(ingest_paths(paths, tmp_path))
    assert [type(r).__name__ for r in results] == ["Document", "IngestError", "Document", "Document", "IngestError"]
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, IngestError)]
    assert [d.source for d in docs] == ["a.txt", "e.html", "sub/c.md"]
    assert [e.path for e in errors] == ["b.txt", "sub/d.md"]
    assert all("\n" not in str(e) for e in errors)
    assert docs[2].title == "Third"


def test_batch_reports_missing_files(tmp_path: Path) -> None:
    results = list(ingest_paths([tmp_path / "gone.txt"], tmp_path))
    assert len(results) == 1 and isinstance(results[0], IngestError)
    assert results[0].path == "gone.txt"


# ---------------------------------------------------------------------------------------------
# The seed corpus (read at run time, never copied)


@pytest.mark.corpus
def test_every_seed_ingests() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"no seed corpus at {SEEDS}")
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip(f"no seed files in {SEEDS}")
    results = list(ingest_paths(paths, SEEDS))
    errors = [r for r in results if isinstance(r, IngestError)]
    assert not errors, [str(e) for e in errors]
    docs = [r for r in results if isinstance(r, Document)]
    for doc in docs:
        raw = (SEEDS / doc.source).read_bytes()
        assert doc.sha256 == sha(raw)
        assert doc.title, doc.source
        assert ("title", "first line") in doc.metadata_origin
        assert not [line for line in doc.text.split("\n") if is_furniture(line)], doc.source
        content = [line for line in doc.text.split("\n") if line.strip()]
        assert content[0] != content[1], f"{doc.source}: title kept twice"
        assert "\n\n\n" not in doc.text and "\r" not in doc.text
        # every non-furniture word of the file survives, in order
        kept = [line for line in raw.decode("utf-8").split("\n") if not is_furniture(line)]
        assert doc.text.split() == _without_repeated_title(" ".join(kept).split(), doc.title)
    bylined = [d for d in docs if d.authors == ("Vins",)]
    assert len(bylined) == 1
    assert ("authors", "byline") in bylined[0].metadata_origin
    assert bylined[0].published is None  # its "Published:" line states no date


def _without_repeated_title(words: list[str], title: str) -> list[str]:
    title_words = title.split()
    n = len(title_words)
    if words[:n] == title_words and words[n : 2 * n] == title_words:
        return words[:n] + words[2 * n :]
    return words


# ---------------------------------------------------------------------------------------------
# Issue 19, item 8: fragments, NUL bytes


@pytest.mark.parametrize("markup", [
    b"The council met on <b>March 2, 2021</b>, the clerk said.",
    b"<p>The council met on March 2, 2021, the clerk said.",
    b"<div>The council met on <i>March 2, 2021</i>, the clerk said.",
])
def test_a_bare_html_fragment_yields_its_text(markup: bytes) -> None:
    doc = read_bytes(markup, source="fragment.html")
    assert doc.text == "The council met on March 2, 2021, the clerk said."


def test_html_without_closing_tags_yields_every_block_and_no_script() -> None:
    doc = read_bytes(b"<p>First paragraph<p>Second one with <a href='x'>a link</a><script>alert(1)</script>"
                     b"<ul><li>one item<li>another", source="unclosed.html")
    assert doc.text == "First paragraph\n\nSecond one with a link\n\none item\n\nanother"


def test_a_page_too_small_for_trafilatura_still_yields_its_text() -> None:
    doc = read_bytes(b"<html><body><div>Council met.</div></body></html>", source="small.html")
    assert doc.text == "Council met."


def test_a_stray_nul_byte_is_dropped_with_a_note() -> None:
    notes: list[str] = []
    data = b"The council met\x00 on March 2, 2021, the clerk said.\n"
    doc = read_bytes(data, source="nul.txt", notes=notes)
    assert doc.text == "The council met on March 2, 2021, the clerk said."
    assert notes == ["nul.txt: 1 NUL byte dropped (the first at offset 15)"]
    assert doc.sha256 == hashlib.sha256(data).hexdigest(), "the hash is of the file's own bytes"
    with pytest.raises(IngestError, match="binary file"):
        read_bytes(b"text" + b"\x00" * 9 + b" more text here", source="many.txt")


# ---------------------------------------------------------------------------------------------
# Issue 20, item 4: commenters' chatter and page furniture of scraped articles are not read

STORY = " ".join(["The city council approved the camera program on March 2, 2021, the clerk said."]
                 + ["Police asked residents for doorbell footage, according to records the Harbor Weekly obtained."] * 5)
CHATTER = ("<div><p>Jim Bob wrote on March 9, 2021 that the council was bribed by Acme Corp and everybody knows it.</p>"
           "<a>Reply</a></div><div><p>I met the mayor on April 1, 2020 and he lied to me about everything.</p></div>")


def _page(extra: str, *, article_class: str = "story") -> bytes:
    return (f'<!DOCTYPE html><html><head><title>Council approves cameras</title></head><body>'
            f'<article class="{article_class}"><h1>Council approves cameras</h1><p>{STORY}</p>'
            f"<p>Mayor Lee Park said the program would stay voluntary.</p>{extra}</article></body></html>").encode()


def test_a_comment_section_of_a_page_is_left_out_with_a_note() -> None:
    from timeline_graph.extract import extract

    notes: list[str] = []
    doc = read_bytes(_page(f'<div class="user-comments"><h2>12 Comments</h2>{CHATTER}</div>'), source="page.html",
                     notes=notes)
    assert "Jim Bob" not in doc.text and "lied" not in doc.text
    assert doc.text.endswith("Mayor Lee Park said the program would stay voluntary.")
    assert notes == ["page.html: its comment section is left out"]
    labels = [e.label for e in extract(doc).events]
    assert "The city council approved the camera program" in labels
    # nothing from the commenters' words becomes an event
    assert not any(word in label for label in labels for word in ("Jim", "bribed", "lied", "Comment"))


def test_share_follow_and_subscribe_blocks_of_a_page_are_left_out() -> None:
    doc = read_bytes(_page('<div class="subscribe-box"><p>Get the morning briefing every day from May 5, 2021.</p>'
                           '</div><div class="follow-us"><p>Tell a friend about this story from March 3, 2021.</p></div>'
                           '<div class="signup-module"><p>Join 40,000 readers since June 2019.</p><form><input></form>'
                           "</div><p>Follow the Harbor Weekly</p>"), source="page.html")
    assert "briefing" not in doc.text and "friend" not in doc.text and "readers" not in doc.text
    assert "Follow the Harbor Weekly" in doc.text, "a line of the article about following is kept"


def test_a_page_whose_article_has_a_furniture_like_name_keeps_it() -> None:
    doc = read_bytes(_page("", article_class="category-social-affairs"), source="page.html")
    assert doc.text.startswith("Council approves cameras") and "Mayor Lee Park" in doc.text


def test_a_comment_section_of_scraped_text_is_left_out_with_a_note() -> None:
    from timeline_graph.extract import extract

    text = (f"Council approves cameras\n\nBy Ann Writer | 3 Comments\n\n{STORY}\n\nShare\n\nTweet\n\n"
            "Subscribe to our newsletter\n\nFacebook Twitter Email\n\n12 Comments\n\nJim Bob\n\n"
            "I met the mayor on April 1, 2020 and he lied, Jim said.\n\nReply\n\n3 likes\n")
    notes: list[str] = []
    doc = read_bytes(text.encode(), source="page.txt", notes=notes)
    assert doc.text.endswith("records the Harbor Weekly obtained.") and "Subscribe" not in doc.text
    assert notes == ["page.txt: its comment section (from '12 Comments') is left out"]
    labels = [e.label for e in extract(doc).events]
    assert "The city council approved the camera program" in labels
    # nothing from the commenters' words becomes an event
    assert not any(word in label for label in labels for word in ("Jim", "bribed", "lied", "Comment"))


def test_a_comments_count_by_the_byline_does_not_cut_the_article() -> None:
    text = f"Council approves cameras\n\n3 Comments\n\n{STORY}\n"
    assert read_bytes(text.encode(), source="top.txt").text.endswith("records the Harbor Weekly obtained.")


@pytest.mark.parametrize(("name", "text", "published", "origin"), [
    ("ledger_2016-02-15_council-votes.txt", "The council voted on cameras.", "2016-02-15", "file name"),
    ("cases/ledger-20160215.html", "<p>The council voted on cameras.</p>", "2016-02-15", "file name"),
    # the text's own date wins over the name's
    ("ledger_2016-02-15.txt", "Council votes\n\nPublished: March 2, 2021\n\nThe council voted.", "2021-03-02",
     "published line"),
])
def test_a_full_date_in_the_file_name_is_the_published_day_when_nothing_else_states_one(
        name: str, text: str, published: str, origin: str) -> None:
    doc = read_bytes(text.encode(), source=name)
    assert doc.published is not None and doc.published.edtf == published
    assert dict(doc.metadata_origin)["published"] == origin


@pytest.mark.parametrize("name", ["report-2019-budget.txt", "2021-02-30_note.txt", "from-2021-03-02-to-2021-03-09.txt",
                                  "20210302123.txt", "2021/03/02/story.txt"])
def test_a_file_name_without_exactly_one_full_date_gives_none(name: str) -> None:
    assert read_bytes(b"The council voted on cameras.", source=name).published is None
