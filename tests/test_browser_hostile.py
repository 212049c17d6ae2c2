"""A hostile case in a real browser (issue 18, item 6): every page shows what a document says
as text, whatever HTML, script or markdown its title, text, entity names and claims hold.

The payloads would raise a dialog and count themselves in ``window.__tgRan`` if any ran; the
test listens for both, and looks for any element they would have made.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest

from tests.test_browser import browser, page  # noqa: F401  (fixtures)
from tests.test_browser import pytestmark as browser_marks
from timeline_graph.app.browser import serve, wait_for_chart
from timeline_graph.export.graphjson import to_json
from timeline_graph.graph import build_graph
from timeline_graph.model import (
    Claim,
    Document,
    Entity,
    Event,
    Participant,
    Records,
    Report,
    Span,
    TimeValue,
    record_id,
)

pytestmark = browser_marks

RAN = "window.__tgRan=(window.__tgRan||0)+1;alert(document.domain)"
IMG = f'<img src=x onerror="{RAN}">'
SCRIPT = f"<script>{RAN}</script>"
SVG = f'<svg onload="{RAN}"></svg>'
LINK = f'<a href="javascript:{RAN}">the minutes</a>'
MARKDOWN = "[the minutes](javascript:alert(1)) **loud** :red[red] <iframe srcdoc='<script>alert(1)</script>'></iframe>"
NAME = f"Acme {IMG} Cameras"
TEXT = (f"Board minutes {SCRIPT}\n\nAcme {IMG} Cameras said on March 3, 2021 that {SVG} the cameras were "
        f"voluntary.\n\nRead {LINK} or {MARKDOWN} for the vote.\n")


@pytest.fixture(scope="module")
def hostile() -> Records:
    """One document whose every part is a payload, and an entity, event and claim made of them."""
    document = Document.create(sha256=hashlib.sha256(TEXT.encode()).hexdigest(), text=TEXT, source="minutes.html",
                               title=f"Minutes {SCRIPT} {IMG}", publisher=f"{LINK} Press",
                               authors=(f"{SVG} Writer",), published=TimeValue.from_edtf("2021-03-04"))
    mention = Span.find(document, NAME)
    entity = Entity(id=Entity.id_for("organization", NAME), kind="organization", name=NAME,
                    aliases=(MARKDOWN,), mentions=(mention,))
    said = Span.find(document, "the cameras were voluntary")
    claim = Claim(id=record_id("clm", "hostile"), text=f"{SVG} the cameras were voluntary {MARKDOWN}",
                  document=document.id, span=said, claimant=entity.id, claimant_name=NAME, verb="said",
                  reported=document.published, cluster=record_id("cluster", "hostile"))
    event = Event(id=record_id("evt", "hostile"), label=f"{IMG} said the cameras {SCRIPT} were voluntary",
                  time=TimeValue.from_edtf("2021-03-03"), reports=(Report(document.id, said, None, "test"),),
                  participants=(Participant(entity.id, "agent"),))
    return Records(documents=(document,), entities=(entity,), events=(event,), claims=(claim,))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, hostile: Records) -> Iterator[str]:
    G = build_graph(hostile, title=f"Hostile {SCRIPT} case", base_iri="https://example.org/case/hostile/")
    path = tmp_path_factory.mktemp("hostile") / "case.json"
    path.write_text(to_json(G), encoding="utf-8")
    with serve(path) as url:
        yield url


def _nothing_ran(page: Any) -> None:  # noqa: F811
    page.wait_for_timeout(700)  # time for an image's error or an SVG's load to fire
    assert page.dialogs == []
    assert page.evaluate("window.__tgRan") is None
    made = "[onerror], [onload], a[href^='javascript:' i], iframe[srcdoc], img[src='x']"
    assert page.locator(made).count() == 0


@pytest.mark.parametrize("where", ["timeline", "documents", "entities", "claims"])
def test_every_page_shows_the_payloads_as_text_and_runs_none(server: str, page: Any, hostile: Records,  # noqa: F811
                                                              where: str) -> None:
    document, entity, event, claim = hostile.documents[0], hostile.entities[0], hostile.events[0], hostile.claims[0]
    query = {"timeline": f"event={event.id}", "documents": f"doc={document.id}", "entities": f"entity={entity.id}",
             "claims": f"cluster={claim.cluster}"}[where]
    page.goto(f"{server}/?page={where}&{query}")
    if where == "timeline":
        wait_for_chart(page)
    shown = {"timeline": "said the cameras", "documents": "Board minutes", "entities": "Acme <img",
             "claims": "the cameras were voluntary"}[where]
    page.get_by_text(shown, exact=False).first.wait_for()
    text = page.locator("body").inner_text()
    assert "onerror=" in text, "the payload is on the page, as text"
    _nothing_ran(page)
