"""Email: .eml messages and .mbox mailboxes built here with the standard library's email package."""

from __future__ import annotations

import hashlib
import io
import mailbox
import tracemalloc
from email.message import EmailMessage
from pathlib import Path

import pytest

from timeline_graph.case import Case
from timeline_graph.errors import IngestError
from timeline_graph.extract import extract
from timeline_graph.ingest import ingest_paths, read_bytes, read_file_parts, read_parts
from timeline_graph.ingest.mail import quoted_ranges
from timeline_graph.model import Document
from timeline_graph.resolve.citations import thread_citations

FIRST_BODY = (
    "The harbor council will vote on the camera program on March 2, 2021.\n"
    "The clerk said the vote was moved from February.\n"
)
SECOND_BODY = (
    "Thanks. The police chief said the cameras will stay voluntary.\n\n"
    "On Mon, 1 Mar 2021 at 09:00, Ann Writer <ann@harbor.example> wrote:\n"
    "> The harbor council will vote on the camera program on March 2, 2021.\n"
    "> The clerk said the vote was moved from February.\n"
)
THIRD_BODY = "The minutes of the vote are attached.\n\n> Thanks. The police chief said the cameras will stay voluntary.\n"


def message(sender: str, to: str, subject: str, date: str, body: str, msgid: str,
            reply_to: list[str] | None = None) -> EmailMessage:
    """A message with the headers a mail client writes."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = date
    msg["Message-ID"] = msgid
    if reply_to:
        msg["In-Reply-To"] = reply_to[-1]
        msg["References"] = " ".join(reply_to)
    msg.set_content(body)
    return msg


def thread() -> list[EmailMessage]:
    """Three messages: a note, a reply quoting it, and a reply to the reply with a Markdown attachment."""
    first = message("Ann Writer <ann@harbor.example>", "Bo Reed <bo@ledger.example>", "Council vote",
                    "Mon, 01 Mar 2021 09:00:00 -0500", FIRST_BODY, "<1@harbor.example>")
    second = message("Bo Reed <bo@ledger.example>", "Ann Writer <ann@harbor.example>", "Re: Council vote",
                     "Mon, 01 Mar 2021 11:30:00 -0500", SECOND_BODY, "<2@ledger.example>", ["<1@harbor.example>"])
    third = message("Ann Writer <ann@harbor.example>", "Bo Reed <bo@ledger.example>, Cy Moss <cy@harbor.example>",
                    "Re: Council vote", "Wed, 03 Mar 2021 08:15:00 -0500", THIRD_BODY, "<3@harbor.example>",
                    ["<1@harbor.example>", "<2@ledger.example>"])
    third.add_attachment(b"# Minutes\n\nThe council approved the camera program on March 2, 2021.\n",
                         maintype="text", subtype="markdown", filename="minutes.md")
    return [first, second, third]


def write_mbox(path: Path, messages: list[EmailMessage]) -> Path:
    box = mailbox.mbox(path)
    for msg in messages:
        box.add(msg)
    box.flush()
    box.close()
    return path


def parts(data: bytes, source: str) -> tuple[list[Document], list[IngestError]]:
    found = list(read_parts(data, source=source))
    return [p for p in found if isinstance(p, Document)], [p for p in found if isinstance(p, IngestError)]


def test_eml_gives_sender_recipients_date_subject_and_body() -> None:
    doc = read_bytes(thread()[2].as_bytes(), source="reply.eml")
    assert doc.title == "Re: Council vote"
    assert doc.authors == ("Ann Writer",)
    assert doc.recipients == ("Bo Reed", "Cy Moss")
    assert doc.published is not None and doc.published.edtf == "2021-03-03"
    assert doc.media_type == "message/rfc822"
    assert doc.text.startswith("Re: Council vote\n\nThe minutes of the vote are attached.")
    assert doc.message_id == "<3@harbor.example>"
    assert doc.replies_to == ("<2@ledger.example>", "<1@harbor.example>")
    assert dict(doc.metadata_origin)["published"] == "email header"


def test_eml_attachment_is_a_document_of_its_own_linked_to_its_message() -> None:
    docs, errors = parts(thread()[2].as_bytes(), "reply.eml")
    assert not errors
    reply, minutes = docs
    assert minutes.source == "reply.eml#minutes.md" and minutes.part_of == reply.id
    assert minutes.title == "Minutes" and "approved the camera program" in minutes.text


def test_encoded_headers_are_decoded() -> None:
    msg = message("Zoë Müller <zoe@harbor.example>", "José Ruiz <jose@harbor.example>", "Café vote — résumé",
                  "Tue, 02 Mar 2021 10:00:00 +0000", "Notes from the café.", "<z@harbor.example>")
    raw = msg.as_bytes()
    assert b"=?utf-8?" in raw
    doc = read_bytes(raw, source="z.eml")
    assert (doc.title, doc.authors, doc.recipients) == ("Café vote — résumé", ("Zoë Müller",), ("José Ruiz",))


def test_html_only_body_is_converted_to_text() -> None:
    msg = EmailMessage()
    msg["From"] = "Desk <desk@ledger.example>"
    msg["Subject"] = "Camera vote"
    msg["Date"] = "Tue, 02 Mar 2021 10:00:00 +0000"
    msg.set_content("<p>The council <b>approved</b> the program.</p><p>Police agreed.</p>", subtype="html")
    doc = read_bytes(msg.as_bytes(), source="html.eml")
    assert doc.text == "Camera vote\n\nThe council approved the program.\n\nPolice agreed."


def test_plain_text_is_preferred_to_html() -> None:
    msg = message("Ann <ann@x.example>", "bo@x.example", "Both", "Tue, 02 Mar 2021 10:00:00 +0000",
                  "The plain words.", "<p@x.example>")
    msg.add_alternative("<p>The <i>html</i> words.</p>", subtype="html")
    assert read_bytes(msg.as_bytes(), source="both.eml").text == "Both\n\nThe plain words."


def test_quoted_reply_and_its_attribution_line_are_marked() -> None:
    doc = read_bytes(thread()[1].as_bytes(), source="second.eml")
    (start, end), = doc.quoted
    assert doc.text[start:end].startswith("On Mon, 1 Mar 2021 at 09:00, Ann Writer")
    assert doc.text[start:end].endswith("> The clerk said the vote was moved from February.")
    assert not doc.in_quoted(doc.text.index("police chief"))


def test_blockquotes_of_an_html_body_are_marked() -> None:
    msg = EmailMessage()
    msg["From"] = "Bo Reed <bo@ledger.example>"
    msg["Subject"] = "Re: Council vote"
    msg["Date"] = "Tue, 02 Mar 2021 10:00:00 +0000"
    msg.set_content("<html><body><p>The chief said the cameras will stay voluntary.</p>"
                    "<div class='gmail_quote'><div>On Mon, Ann wrote:</div><blockquote>"
                    "<p>The clerk said the vote was moved from February.</p></blockquote></div></body></html>",
                    subtype="html")
    doc = read_bytes(msg.as_bytes(), source="html-reply.eml")
    assert doc.in_quoted(doc.text.index("The clerk said")) and doc.in_quoted(doc.text.index("On Mon, Ann"))
    assert not doc.in_quoted(doc.text.index("The chief said"))


def test_a_mailbox_is_not_one_document(tmp_path: Path) -> None:
    data = write_mbox(tmp_path / "a.mbox", thread()[:1]).read_bytes()
    with pytest.raises(IngestError, match=r"^a\.mbox: a mailbox or web archive holds several documents; build a case"):
        read_bytes(data, source="a.mbox")


def test_forwarded_message_is_quoted_to_the_end() -> None:
    text = "See below.\n\n---------- Forwarded message ----------\nFrom: Ann\n\nThe vote moved."
    (start, end), = quoted_ranges(text)
    assert text[start:end].startswith("---------- Forwarded") and end == len(text)


def test_claims_in_quoted_lines_are_not_credited_to_the_replier() -> None:
    doc = read_bytes(thread()[1].as_bytes(), source="second.eml")
    found = extract(doc)
    assert found.claims, "the replier's own claim is read"
    assert all(not doc.in_quoted(c.span.start) for c in found.claims)
    assert all(not doc.in_quoted(r.span.start) for e in found.events for r in e.reports)
    assert not any("clerk" in c.text for c in found.claims)


def test_mbox_thread_becomes_messages_citing_the_ones_they_answer(tmp_path: Path) -> None:
    data = write_mbox(tmp_path / "thread.mbox", thread()).read_bytes()
    docs, errors = parts(data, "thread.mbox")
    assert not errors
    assert [d.source for d in docs] == ["thread.mbox#message-1", "thread.mbox#message-2", "thread.mbox#message-3",
                                        "thread.mbox#message-3#minutes.md"]
    first, second, third, minutes = docs
    assert minutes.part_of == third.id
    cited = {(c.document, c.cites_document): c for c in thread_citations(docs)}
    assert set(cited) == {(second.id, first.id), (third.id, second.id)}
    reply = cited[(second.id, first.id)]
    assert reply.kind == "reply-to" and reply.span.exact.startswith("On Mon, 1 Mar 2021")
    assert cited[(third.id, second.id)].span.exact.startswith("> Thanks.")


def test_a_pdf_attachment_is_read_and_an_image_is_left_out_with_a_note() -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setTitle("Vote minutes")
    c.drawString(72, 700, "The council approved the camera program on March 2, 2021.")
    c.showPage()
    c.save()
    msg = thread()[2]
    msg.add_attachment(buf.getvalue(), maintype="application", subtype="pdf", filename="minutes.pdf")
    msg.add_attachment(b"\x89PNG\r\n\x1a\n", maintype="image", subtype="png", filename="logo.png")
    notes: list[str] = []
    found = list(read_parts(msg.as_bytes(), source="reply.eml", notes=notes))
    assert [d.source for d in found if isinstance(d, Document)] == ["reply.eml", "reply.eml#minutes.md",
                                                                     "reply.eml#minutes.pdf"]
    pdf_doc = found[-1]
    assert isinstance(pdf_doc, Document) and pdf_doc.title == "Vote minutes" and pdf_doc.part_of == found[0].id
    assert pdf_doc.pages == (0,)
    assert notes == ["reply.eml#logo.png: attachment not read (not a supported document format)"]


def test_mbox_from_lines_in_bodies_are_unescaped(tmp_path: Path) -> None:
    msg = message("Ann <ann@x.example>", "bo@x.example", "Escapes", "Tue, 02 Mar 2021 10:00:00 +0000",
                  "Line one.\nFrom the clerk: the vote moved.\n", "<e@x.example>")
    (doc,), _ = parts(write_mbox(tmp_path / "e.mbox", [msg]).read_bytes(), "e.mbox")
    assert "\nFrom the clerk: the vote moved." in doc.text


@pytest.mark.parametrize(
    ("data", "source", "problem"),
    [
        (b"Just some notes, not a message.\n", "notes.eml", "notes.eml: not an email message"),
        (b"Subject: nothing\n\n", "empty.eml", "empty.eml: email message has no text"),
        (b"Hello\n\nnot a mailbox\n", "box.mbox", "box.mbox: not an mbox mailbox"),
        (b"%PDF-1.4 not a mailbox", "wrong.mbox", "wrong.mbox: not an mbox mailbox"),
    ],
)
def test_bad_email_input_is_one_line_naming_the_file(data: bytes, source: str, problem: str) -> None:
    (error,) = list(read_parts(data, source=source))
    assert isinstance(error, IngestError)
    assert str(error).startswith(problem) and "\n" not in str(error)


def test_truncated_mbox_keeps_the_whole_messages(tmp_path: Path) -> None:
    data = write_mbox(tmp_path / "t.mbox", thread()[:2]).read_bytes()
    cut = data[: data.rindex(b"Subject: Re: Council vote") + 10]
    docs, errors = parts(cut, "t.mbox")
    assert [d.source for d in docs] == ["t.mbox#message-1"]
    assert [str(e) for e in errors] == ["t.mbox#message-2: email message has no text (its body is empty or cut off)"]


def test_ingest_paths_gives_every_message_and_goes_on_past_a_bad_file(tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "thread.mbox", thread()[:2])
    bad = tmp_path / "bad.eml"
    bad.write_bytes(b"not a message")
    found = list(ingest_paths([bad, box], tmp_path))
    assert [str(f) if isinstance(f, IngestError) else f.source for f in found] == [
        "bad.eml: not an email message (no From, Date, Subject or Message-ID header)",
        "thread.mbox#message-1", "thread.mbox#message-2"]


def test_case_builds_a_mailbox_and_reports_a_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "mail-case"
    folder.mkdir()
    write_mbox(folder / "thread.mbox", thread())
    (folder / "broken.mbox").write_bytes(b"garbage\x00\x01")
    note = message("Cy Moss <cy@harbor.example>", "ann@harbor.example", "Note", "Thu, 04 Mar 2021 08:00:00 +0000",
                   "The program starts in April.", "<4@harbor.example>")
    note.add_attachment(b"The program starts on April 1, 2021.\n", maintype="text", subtype="plain",
                        filename="start.txt")
    (folder / "note.eml").write_bytes(note.as_bytes())
    case = Case.open(folder, create=True)
    report = case.build()
    assert report.problems == ["broken.mbox: not an mbox mailbox (it does not start with a 'From ' line)"]
    assert report.documents == ["note.eml", "note.eml#start.txt", "thread.mbox#message-1", "thread.mbox#message-2",
                                "thread.mbox#message-3", "thread.mbox#message-3#minutes.md"]
    again = case.build()
    assert (again.documents, again.problems) == (report.documents, report.problems), "attachments are kept"
    assert again.extracted == 0 and again.reused == 6
    documents, _ = case.load()
    assert {d.source for d in documents} == set(report.documents)


MINUTES = b"# Minutes\n\nThe council approved the camera program on March 2, 2021.\n"


def _attached_to(folder: Path) -> dict[str, str | None]:
    """Each document's source -> the source of the message it is part of, as the case loads them."""
    documents, _ = Case.open(folder).load()
    by_id = {d.id: d.source for d in documents}
    return {d.source: by_id.get(d.part_of, f"missing {d.part_of}") if d.part_of else None for d in documents}


def test_a_file_also_attached_to_a_message_is_part_of_it_however_the_case_was_built(tmp_path: Path) -> None:
    # the mailbox's third message attaches minutes.md; the same bytes are a file of the case too
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "minutes.md").write_bytes(MINUTES)
    write_mbox(fresh / "thread.mbox", thread())
    report = Case.open(fresh, create=True).build(jobs=1)
    assert "minutes.md" in report.documents and "thread.mbox#message-3#minutes.md" not in report.documents
    expected = {"minutes.md": "thread.mbox#message-3", "thread.mbox#message-1": None,
                "thread.mbox#message-2": None, "thread.mbox#message-3": None}
    assert _attached_to(fresh) == expected
    # the file built first, the mailbox added later: its cache entry says nothing of the message
    later = tmp_path / "later"
    later.mkdir()
    (later / "minutes.md").write_bytes(MINUTES)
    Case.open(later, create=True).build(jobs=1)
    write_mbox(later / "thread.mbox", thread())
    Case.open(later).build(jobs=1)
    assert _attached_to(later) == expected
    # the mailbox removed: the file is no longer part of a message that is not in the case
    (fresh / "thread.mbox").unlink()
    Case.open(fresh).build(jobs=1)
    assert _attached_to(fresh) == {"minutes.md": None}


def test_a_reader_bug_is_reported_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_graph.ingest import mail

    def broken(*_: object) -> None:
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(mail, "_message_document", broken)
    folder = tmp_path / "bug-case"
    folder.mkdir()
    write_mbox(folder / "thread.mbox", thread())
    (folder / "note.txt").write_text("The council voted on March 2, 2021.\n", encoding="utf-8")
    report = Case.open(folder, create=True).build()
    assert report.documents == ["note.txt"]
    assert report.problems == ["thread.mbox: reading failed (RuntimeError: a bug over two lines)"]


def _places(folder: Path) -> dict[str, tuple[str | None, str | None]]:
    """Each document's source -> the sha256 of what it was read out of and its place there, as the case loads them."""
    documents, _ = Case.open(folder).load()
    return {d.source: (d.container_sha256, d.container_path) for d in documents}


def test_a_message_read_from_the_cache_keeps_its_place_in_the_mailbox_it_now_comes_from(tmp_path: Path) -> None:
    folder = tmp_path / "moved"
    folder.mkdir()
    first, second, third = thread()
    write_mbox(folder / "old.mbox", [first, second])
    Case.open(folder, create=True).build(jobs=1)
    old = hashlib.sha256((folder / "old.mbox").read_bytes()).hexdigest()
    assert _places(folder) == {"old.mbox#message-1": (old, "message-1"), "old.mbox#message-2": (old, "message-2")}
    # the same messages now come second and third in another mailbox: their cache entries are
    # reused, and where they stand is the new mailbox's
    (folder / "old.mbox").unlink()
    write_mbox(folder / "new.mbox", [third, first, second])
    report = Case.open(folder).build(jobs=1)
    assert report.reused == 2
    new = hashlib.sha256((folder / "new.mbox").read_bytes()).hexdigest()
    message_3 = read_parts((folder / "new.mbox").read_bytes(), source="new.mbox")
    assert _places(folder) == {
        "new.mbox#message-1": (new, "message-1"), "new.mbox#message-2": (new, "message-2"),
        "new.mbox#message-3": (new, "message-3"),
        "new.mbox#message-1#minutes.md": (next(p for p in message_3 if isinstance(p, Document)).sha256, "minutes.md"),
    }


def _memo(number: int, lines: int) -> EmailMessage:
    body = "".join(f"Line {n} of the dredging memo number {number}, sent to the harbor board.\n" for n in range(lines))
    return message("Ann Writer <ann@harbor.example>", "Bo Reed <bo@ledger.example>", f"Memo {number}",
                   "Mon, 01 Mar 2021 09:00:00 -0500", body, f"<memo-{number}@harbor.example>")


def test_a_mailbox_over_the_file_limit_is_read_message_by_message(tmp_path: Path) -> None:
    """The size limit bounds each message, not the mailbox: a message over it is one line naming
    it, and the messages around it are read, in a build as when read alone."""
    (tmp_path / "case").mkdir()
    box = write_mbox(tmp_path / "case" / "board.mbox", [_memo(1, 20), _memo(2, 400), _memo(3, 20)])
    limit = 10_000
    assert box.stat().st_size > 2 * limit
    found = list(read_file_parts(box, source="board.mbox", max_bytes=limit))
    assert [p.source for p in found if isinstance(p, Document)] == ["board.mbox#message-1", "board.mbox#message-3"]
    (error,) = [p for p in found if isinstance(p, IngestError)]
    assert str(error).startswith("board.mbox#message-2: message of ") and "over the limit of 10,000 bytes" in str(error)
    # the same mailbox read from its bytes gives the same documents
    assert [p.id for p in found if isinstance(p, Document)] == [
        p.id for p in read_parts(box.read_bytes(), source="board.mbox", max_bytes=limit) if isinstance(p, Document)]
    # a build whose limit is under the mailbox's size still reads it; a text file as large is refused
    (tmp_path / "case" / "case.yaml").write_text("max_file_mb: 0.01\n", encoding="utf-8")
    (tmp_path / "case" / "long.txt").write_text("The board met again. " * 1000, encoding="utf-8")
    report = Case.open(tmp_path / "case").build(jobs=1)
    assert sorted(report.documents) == ["board.mbox#message-1", "board.mbox#message-3"]
    assert sorted(p.split(":")[0] for p in report.problems) == ["board.mbox#message-2", "long.txt"]


def _peak_reading(box: Path) -> tuple[int, int]:
    """How many messages reading a mailbox from disk gives, and the peak memory it traced."""
    tracemalloc.start()
    try:
        count = sum(isinstance(p, Document) for p in read_file_parts(box, source=box.name))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_large_mailbox_is_never_held_whole(tmp_path: Path) -> None:
    """Four times the messages take no more memory: one message is held at a time."""
    _peak_reading(write_mbox(tmp_path / "warm.mbox", [_memo(0, 5)]))  # first-use caches
    small = write_mbox(tmp_path / "small.mbox", [_memo(n, 80) for n in range(100)])
    large = write_mbox(tmp_path / "large.mbox", [_memo(n, 80) for n in range(400)])
    (small_count, small_peak), (large_count, large_peak) = _peak_reading(small), _peak_reading(large)
    assert (small_count, large_count) == (100, 400)
    grown = large.stat().st_size - small.stat().st_size
    assert grown > 1_500_000
    assert large_peak < small_peak + grown / 2, (small_peak, large_peak, grown)


def test_a_mailbox_edited_after_it_was_hashed_is_reported_not_read(tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "a.mbox", thread())
    seen = hashlib.sha256(box.read_bytes()).hexdigest()
    write_mbox(box, [_memo(9, 3)])  # one more message appended
    (error,) = read_file_parts(box, source="a.mbox", sha256=seen)
    assert str(error) == "a.mbox: changed while it was being read; try again"
