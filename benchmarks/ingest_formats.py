"""Time and peak memory of ingesting a long PDF and a large mailbox (reading only, no extraction).

    python3 benchmarks/ingest_formats.py                          # 200 pages, 10,000 messages
    python3 benchmarks/ingest_formats.py --pages 50 --messages 1000

The PDF (written with reportlab, a test dependency) has a running header, page numbers and
forty lines of prose a page, some hyphenated at the line end; the mailbox (written with the
standard library) holds threads of replies that quote the message before. Each file is read by a
fresh process that does what a build does before extraction: every document of the file, as
``read_file_parts`` gives it (a mailbox read from disk message by message), each let go before
the next. Prints, per file, the seconds, the documents and the process's peak
memory; exit 1 when one takes a minute or more.
"""

from __future__ import annotations

import argparse
import json
import mailbox
import subprocess
import sys
import tempfile
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_SECONDS = 60

CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from timeline_graph import ingest
path = Path(sys.argv[1])
start = time.perf_counter()
documents, errors = 0, []
for part in ingest.read_file_parts(path, source=path.name, max_bytes=10**10):
    if isinstance(part, ingest.Document):
        documents += 1
    else:
        errors.append(str(part))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "documents": documents, "errors": errors[:3],
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

LINES = (
    "The harbor council met on March 2, 2021, to vote on the camera program that the police had",
    "asked for since the summer; the clerk said the meeting ran past midnight and that the vote",
    "was close. Residents spoke for and against the plan, and the chief of police answered ques-",
    "tions about how long the footage would be kept and who could see it without a warrant.",
)


def write_pdf(path: Path, pages: int) -> None:
    """A report of ``pages`` pages with a running header and page numbers."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    for number in range(1, pages + 1):
        c.drawString(72, 800, "Harbor Council Report")
        for i in range(40):
            c.drawString(60, 760 - 17 * i, LINES[i % len(LINES)])
        c.drawString(290, 30, f"Page {number} of {pages}")
        c.showPage()
    c.save()


def write_mbox(path: Path, messages: int) -> None:
    """A mailbox of threads of five messages, each reply quoting the one before."""
    box = mailbox.mbox(path)
    previous = ""
    for n in range(messages):
        msg = EmailMessage()
        msg["From"] = f"Person {n % 37} <p{n % 37}@harbor.example>"
        msg["To"] = "desk@ledger.example"
        msg["Subject"] = f"Council vote {n // 5}" if n % 5 == 0 else f"Re: Council vote {n // 5}"
        msg["Date"] = f"Mon, {1 + n % 28:02d} Mar 2021 09:{n % 60:02d}:00 +0000"
        msg["Message-ID"] = f"<{n}@harbor.example>"
        if n % 5:
            msg["In-Reply-To"] = f"<{n - 1}@harbor.example>"
        body = " ".join(LINES[: 1 + n % 4]).replace("ques- tions", "questions")
        quoted = "".join(f"> {line}\n" for line in previous.splitlines())
        msg.set_content(f"{body}\n\nOn Monday, Person {(n - 1) % 37} wrote:\n{quoted}" if n % 5 else body)
        previous = body if n % 5 < 4 else ""
        box.add(msg)
    box.flush()
    box.close()


def measure(path: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(ROOT)], capture_output=True, text=True,
                          check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    slow = False
    with tempfile.TemporaryDirectory() as tmp:
        files = [(Path(tmp) / "report.pdf", write_pdf, args.pages), (Path(tmp) / "mail.mbox", write_mbox, args.messages)]
        for path, write, size in files:
            write(path, size)
            found = measure(path)
            mb = path.stat().st_size / 1e6
            print(f"{path.name}: {size} {'pages' if path.suffix == '.pdf' else 'messages'}, {mb:.1f} MB: "
                  f"{found['seconds']:.1f} s, {found['documents']} documents, peak {found['peak_mb']:.0f} MB"
                  + (f", errors: {found['errors']}" if found["errors"] else ""))
            slow = slow or float(found["seconds"]) >= LIMIT_SECONDS  # type: ignore[arg-type]
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
