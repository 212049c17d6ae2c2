"""The key dates page: the days that matter most for the story, each with a summary and links to
its events on the timeline. The opening page of a large case. Layout only: what is shown comes
from :mod:`timeline_graph.keydates`."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from ..keydates import KeyDate, key_dates
from ..model import TimeValue
from ..timeline import describe_time
from . import ui, views

#: A case of this many documents or more opens on its key dates rather than on the timeline.
LARGE_CASE = 200
_SHOWN = 10
_EVENT_LINKS = 8


def key_dates_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """The N most important days, most important first."""
    st.title("Key dates")
    n = int(st.number_input("Days", min_value=1, max_value=100, value=_SHOWN, key="key_dates_n"))
    found = top_days(G, d, n)
    if not found:
        st.info("No event of this case gives an exact day.")
        return
    st.caption("Ranked by the independent sources reporting events of each day, those recalling it "
               "a week or more later, and the day's participants, not by how much was published.")
    for i, day in enumerate(found):
        with st.container(border=True, key=f"key-date-{i}"):
            _day(day)


def opens_here(d: ui.Derived) -> bool:
    """Whether the case opens on its key dates (a large case) rather than on the timeline."""
    return dict(d.summary.counts)["documents"] >= LARGE_CASE


def top_days(G: nx.MultiDiGraph, d: ui.Derived, n: int) -> list[KeyDate]:
    """The case's ``n`` key dates, made once per case and ``n``."""
    return ui.memo(d, "key_dates", n, lambda: key_dates(G, n))


def opening_data(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Make what a first visit shows (the sidebar, and the key dates or the timeline's rows and
    index) in the app's caches: the server does it as it starts (:mod:`server`)."""
    ui.years(G, d)
    if opens_here(d):
        top_days(G, d, _SHOWN)
    else:
        d.index  # noqa: B018 - made when first asked for
        d.colours  # noqa: B018 - made with the rows


def _day(day: KeyDate) -> None:
    when = describe_time(TimeValue.from_edtf(day.day.isoformat()))
    ui.html(f"<b>{views.safe_text(when)}</b>: {views.safe_text(day.summary)}")
    ui.html(f'<div class="tg-meta">{views.counted(day.sources, "sources")}, '
            f"{day.referred_back} recalling it later, {views.counted(day.participants, 'participants')}</div>")
    links = ", ".join(ui.link(views.short(e.label, 80), f"?page=timeline&event={e.id}")
                      for e in day.events[:_EVENT_LINKS])
    more = len(day.events) - _EVENT_LINKS
    ui.html(f'<div class="tg-meta">Events: {links}{f" and {more} more" if more > 0 else ""}</div>')
