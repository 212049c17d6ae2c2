"""The key dates page: the days that matter most for the story, each with a summary and links to
its events on the timeline. The opening page of a large case. Layout only: what is shown comes
from :mod:`timeline_graph.keydates`."""

from __future__ import annotations

import streamlit as st

from ..model import TimeValue
from ..timeline import describe_time
from . import opening, ui, views
from .opening import DayShown

#: A case of this many documents or more opens on its key dates rather than on the timeline.
LARGE_CASE = 200


def key_dates_page(d: ui.Derived) -> None:
    """The N most important days, most important first. The first ten come from the case's
    opening (stored with its cache): the page is drawn without loading the case when it can."""
    st.title("Key dates")
    n = int(st.number_input("Days", min_value=1, max_value=100, value=opening.SHOWN, key="key_dates_n"))
    found = top_days(d, n)
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


def top_days(d: ui.Derived, n: int) -> list[DayShown]:
    """The case's ``n`` key dates: the opening's, else made once per case and ``n``."""
    if n <= opening.SHOWN:
        return list(d.first_days[:n])
    return ui.memo(d, "key_dates", n, lambda: opening.days_shown(d.graph, n))


def opening_data(d: ui.Derived) -> None:
    """Make what a first visit shows in the app's caches: the server does it as it starts
    (:mod:`server`). The sidebar and the key dates (from the stored opening when there is one),
    the case's graph, and for a case that opens on its timeline, its rows and index."""
    d.graph  # noqa: B018 - every page but the key dates needs it
    if opens_here(d):
        d.first_days  # noqa: B018 - read or made when first asked for
    else:
        d.index  # noqa: B018 - made when first asked for
        d.colours  # noqa: B018 - made with the rows


def _day(day: DayShown) -> None:
    when = describe_time(TimeValue.from_edtf(day.day.isoformat()))
    ui.html(f"<b>{views.safe_text(when)}</b>: {views.safe_text(day.summary)}")
    ui.html(f'<div class="tg-meta">{views.counted(day.sources, "sources")}, '
            f"{day.referred_back} recalling it later, {views.counted(day.participants, 'participants')}</div>")
    links = ", ".join(ui.link(views.short(label, 80), f"?page=timeline&event={event}") for event, label in day.events)
    more = day.more
    ui.html(f'<div class="tg-meta">Events: {links}{f" and {more} more" if more > 0 else ""}</div>')
