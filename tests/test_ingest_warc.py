"""Web archives: WARC files written here with warcio (pages, redirects, images, requests), read back."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline_graph.case import Case
from timeline_graph.errors import IngestError
from timeline_graph.ingest import read_file_parts, read_parts, supported
from timeline_graph.model import Document

warcwriter = pytest.importorskip("warcio.warcwriter")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402

DATED_PAGE = b"""<html><head><title>Council votes on cameras</title>
<meta property="article:published_time" content="2021-03-02T18:00:00Z"></head>
<body><article><h1>Council votes on cameras</h1>
<p>The harbor council voted on the camera program on March 2, 2021, after a long debate.</p>
<p>Police asked residents for footage in January, the clerk said.</p></article></body></html>"""

UNDATED_PAGE = b"""<html><head><title>Camera program explained</title></head>
<body><article><h1>Camera program explained</h1>
<p>Residents may share footage with the police, who must ask for it case by case.</p>
<p>The council will review the program next year, a spokesperson said.</p></article></body></html>"""


def warc(*, gzip: bool = False) -> bytes:
    """A crawl: warcinfo, a request, a redirect, two HTML pages, an image."""
    buf = io.BytesIO()
    writer = warcwriter.WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test crawler"}))

    def response(url: str, status: str, content_type: str, body: bytes, when: str,
                 extra: list[tuple[str, str]] | None = None) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": when})
        writer.write_record(record)

    request = StatusAndHeaders("GET /vote HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://news.example/vote", "request", payload=io.BytesIO(b""),
                                                  http_headers=request))
    response("http://news.example/vote", "301 Moved Permanently", "text/html", b"", "2021-03-05T10:00:00Z",
             [("Location", "https://news.example/vote")])
    response("https://news.example/vote", "200 OK", "text/html; charset=utf-8", DATED_PAGE, "2021-03-05T10:00:01Z")
    response("https://news.example/explained", "200 OK", "text/html", UNDATED_PAGE, "2021-03-06T08:00:00Z")
    response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n", "2021-03-06T08:00:01Z")
    return buf.getvalue()


def read(data: bytes, source: str, notes: list[str] | None = None) -> tuple[list[Document], list[IngestError]]:
    found = list(read_parts(data, source=source, notes=notes))
    return [p for p in found if isinstance(p, Document)], [p for p in found if isinstance(p, IngestError)]


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_each_html_response_is_a_document_with_its_url(gzip: bool) -> None:
    source = "crawl.warc.gz" if gzip else "crawl.warc"
    notes: list[str] = []
    docs, errors = read(warc(gzip=gzip), source, notes)
    assert not errors
    assert [d.source for d in docs] == [f"{source}#record-4", f"{source}#record-5"]
    assert [d.url for d in docs] == ["https://news.example/vote", "https://news.example/explained"]
    assert all(d.media_type == "text/html" for d in docs)
    assert notes == [f"{source}: 4 records that are not pages skipped (1 image/png, 1 redirect, 1 request, 1 warcinfo)"]


def test_capture_day_is_the_published_date_only_when_the_page_gives_none() -> None:
    dated, undated = read(warc(), "crawl.warc")[0]
    assert dated.published is not None and dated.published.edtf == "2021-03-02"
    assert dict(dated.metadata_origin)["published"] == "html meta"
    assert undated.published is not None and undated.published.edtf == "2021-03-06"
    assert dict(undated.metadata_origin)["published"] == "warc capture"
    assert undated.title == "Camera program explained"


def test_a_payload_that_fails_its_digest_is_reported() -> None:
    tampered = warc().replace(b"case by case", b"case-by-case")  # same length, other bytes
    docs, errors = read(tampered, "crawl.warc")
    assert [d.url for d in docs] == ["https://news.example/vote"]
    (error,) = errors
    assert str(error).startswith("crawl.warc#record-5: payload does not match its WARC-Payload-Digest (")
    assert "\n" not in str(error)


def test_the_charset_of_the_content_type_header_is_used() -> None:
    page = ("<html><body><article><h1>Совет голосует</h1><p>Совет города проголосовал за программу камер "
            "второго марта 2021 года после долгих споров.</p></article></body></html>").encode("koi8-r")
    buf = io.BytesIO()
    writer = warcwriter.WARCWriter(buf, gzip=False)
    for charset in ("koi8-r", None):
        content_type = f"text/html; charset={charset}" if charset else "text/html"
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{charset}", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))
    docs, errors = read(buf.getvalue(), "ru.warc")
    assert [d.title for d in docs] == ["Совет голосует"]
    assert [str(e).split(" (")[0] for e in errors] == ["ru.warc#record-2: binary file"], "unreadable without it"


def test_compressed_suffix_is_supported() -> None:
    assert supported("site/crawl.warc.gz") and supported("crawl.WARC") and not supported("notes.gz")


@pytest.mark.parametrize(
    ("make", "source", "problem", "pages"),
    [
        (lambda: b"Just some words, not an archive.\n", "a.warc", "a.warc: not a readable WARC file at its first record", 0),
        (lambda: warc(gzip=True)[:-300], "a.warc.gz", "a.warc.gz: not a readable WARC file after record 5", 2),
        (lambda: warc()[:-200], "a.warc", "a.warc: not a readable WARC file after record 5", 2),
        (lambda: b"WARC/1.0\r\nWARC-Type: resp", "a.warc", "a.warc: not a readable WARC file at its first record", 0),
    ],
    ids=["wrong-content", "truncated-gzip", "truncated", "cut-header"],
)
def test_bad_archives_give_one_line_naming_the_file(make: Callable[[], bytes], source: str, problem: str,
                                                    pages: int) -> None:
    docs, errors = read(make(), source)
    (error,) = errors
    assert str(error).startswith(problem) and "\n" not in str(error)
    assert len(docs) == pages, "the pages before the damage are kept"


def test_a_case_reads_a_web_archive(tmp_path: Path) -> None:
    folder = tmp_path / "warc-case"
    folder.mkdir()
    (folder / "crawl.warc.gz").write_bytes(warc(gzip=True))
    (folder / "cut.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: resp")
    report = Case.open(folder, create=True).build()
    assert report.documents == ["crawl.warc.gz#record-4", "crawl.warc.gz#record-5"]
    assert len(report.problems) == 1 and report.problems[0].startswith("cut.warc: not a readable WARC file")



@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_a_page_over_the_limit_is_one_line_and_the_archive_is_read_from_disk(tmp_path: Path, gzip: bool) -> None:
    """Read from disk record by record, the size limit bounds each page: the dated page (a record
    of 425 bytes, over a 400-byte limit) is one line naming its record, the other is read."""
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc(gzip=gzip))
    found = list(read_file_parts(path, source=path.name, max_bytes=400))
    assert [p.source for p in found if isinstance(p, Document)] == [f"{path.name}#record-5"]
    (error,) = [p for p in found if isinstance(p, IngestError)]
    assert str(error).startswith(f"{path.name}#record-4: page of ") and "over the limit of 400 bytes" in str(error)
    # with room for both, the same documents as from the archive's bytes
    assert [p.id for p in read_file_parts(path, source=path.name)] == [
        p.id for p in read_parts(path.read_bytes(), source=path.name)]
