"""Curation in the app: the curator's name, each item's actions and history, undo, and the
decisions page. Layout and callbacks only: the decisions are made by :mod:`curation` and
recorded by :meth:`timeline_graph.case.Case.decide`, the same path as the CLI's ``decide``.

A decision is recorded in a button's callback, which runs before the page is drawn again,
whether or not the item is still there to draw; the callback was given what the curator saw of
the records (the latest decision about each), so a decision on a record another curator
changed since is refused with a message instead of being applied to something else.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ..case import Case
from ..curate import DONE, describe, skipped_reasons
from ..decisionlog import utc_now
from ..errors import TimelineGraphError
from ..model import ENTITY_KINDS, Decision
from ..review import latest_about, record_names
from . import chart, component, curation, explore, ui, views

#: Session state: the curator's name.
CURATOR = "curator"
_MESSAGE = "_curation_message"
_RELOAD = "_curation_reload"
_GRADES = {"reliability": "ABCDEF", "credibility": "123456"}


def _case(path: str) -> Case:
    """The case folder's object, shared by the sessions (see :func:`ui.case_at`)."""
    return ui.case_at(path, ui.stamp_of_build(Path(path)))


def case_of(d: ui.Derived) -> Case | None:
    """The case folder the app shows, or None for a graph JSON file (which takes no decisions)."""
    return _case(d.path) if Path(d.path).is_dir() else None


def decisions_of(d: ui.Derived) -> list[Decision]:
    """The case's decisions in the order made ([] for a graph JSON file)."""
    case = case_of(d)
    if case is None:
        return []
    return ui.memo(d, "decision log", None, case.decisions)


def not_applied(d: ui.Derived) -> dict[str, str]:
    """The id of each decision of the log that does not apply to the case as built -> why
    (its record is gone after the documents changed, or no longer fits)."""
    case = case_of(d)
    if case is None:
        return {}

    def skipped() -> dict[str, str]:
        case.live_graph()
        return skipped_reasons(case.skipped_decisions)

    return ui.memo(d, "not applied", None, skipped)


# ---------------------------------------------------------------------------------------------
# Who curates, and what happened


def curator_box() -> None:
    """In the sidebar: the curator's name, asked once per browser and kept there (in a cookie), so
    that people sharing one app server each decide under their own name."""
    ss = st.session_state
    if CURATOR not in ss:  # a new session: the name this browser gave last, if any
        ss[CURATOR] = curation.curator_from(st.context.cookies)
    with st.container(key="curator_box"):
        component.keep_curator(ss[CURATOR], curation.CURATOR_COOKIE)
        if ss[CURATOR]:
            st.markdown(f"Curating as **{views.safe_text(ss[CURATOR])}**")
            st.button("Change my name", key="_curator_change", on_click=_forget_curator)
            return
        st.text_input("Your name, as curator", key="_curator_name",
                      placeholder="kept with every decision you make")
        st.button("Save my name", key="_curator_save", on_click=_save_curator)


def _save_curator() -> None:
    ss = st.session_state
    name = " ".join(str(ss.get("_curator_name") or "").split())
    if not name:
        ss[_MESSAGE] = ("error", "Type your name first: it is kept with every decision you make.")
        return
    ss[CURATOR] = name


def _forget_curator() -> None:
    st.session_state["_curator_name"] = st.session_state.get(CURATOR, "")
    st.session_state[CURATOR] = ""


def show_message() -> None:
    """The outcome of the last decision, once. Its place is kept on every run, message or not, so
    that what follows keeps its place in the page and is not drawn afresh (the timeline chart of
    a large case is the slowest thing to draw)."""
    ss = st.session_state
    ss.pop(_RELOAD, None)
    kind, text = ss.pop(_MESSAGE, (None, ""))
    slot = st.empty()
    if kind:
        getattr(slot, kind)(views.safe_text(text))


def reload_after_decision() -> None:
    """In a fragment: run the whole app again once a decision was recorded (the graph changed)."""
    if st.session_state.pop(_RELOAD, False):
        st.rerun()


def _record(d: ui.Derived, shown: Decision, seen: dict[str, str | None]) -> None:
    """Record the decision that was shown, made now (a callback); what happened goes to the
    message shown next."""
    _recorded(d, shown, seen)


def _recorded(d: ui.Derived, shown: Decision, seen: dict[str, str | None]) -> Decision | None:
    """Record the decision that was shown, made now; the decision recorded, or None if refused.

    It goes through the case object the page was drawn with, which holds the records as
    resolved and as curated (its check reads the log again, under the log's lock)."""
    ss = st.session_state
    decision = Decision.create(action=shown.action, targets=shown.targets, agent=shown.agent, at=utc_now(),
                               reason=shown.reason, value=shown.value, time=shown.time, span=shown.span)
    try:
        _case(d.path).decide(decision, seen=seen)
    except TimelineGraphError as err:
        ss[_MESSAGE] = ("error", f"Not recorded: {str(err).removeprefix('not recorded: ')}")
        ss[_RELOAD] = True  # in a fragment too, the message shows, with the case as it now stands
        return None
    ss[_MESSAGE] = ("success", f"Recorded: {DONE[decision.action]} ({describe(decision)}), by {decision.agent}.")
    ss[_RELOAD] = True
    for key in [k for k in ss if isinstance(k, str) and k.startswith(("cur-", "undo-last-", "back-"))
                and not k.startswith("cur-box-")]:
        del ss[key]  # the forms start afresh
    return decision


# ---------------------------------------------------------------------------------------------
# One item's actions


def item_actions(d: ui.Derived, kind: str, item: str) -> None:
    """An expander with the item's history and its actions: each asks why, shows what will change,
    then records one decision."""
    case = case_of(d)
    if case is None:
        return
    log = decisions_of(d)
    lines = curation.history_lines(log, item, target_names(d))
    with st.expander(f"Curate this {kind}" + (f" · {views.counted(len(lines), 'decisions')}" if lines else ""),
                     key=f"cur-box-{item}"):
        for _, line in lines:
            ui.html(f'<div class="tg-meta">• {views.safe_text(line)}</div>')
        labels = curation.ACTIONS[kind]
        action = st.selectbox("Action", list(labels), format_func=labels.__getitem__, index=None,
                              placeholder="Choose what to do…", key=f"cur-action-{item}")
        if action is None:
            return
        form = _form(d, kind, action, item)
        _preview_and_apply(d, case, form, log)


def _form(d: ui.Derived, kind: str, action: str, item: str) -> curation.Form:
    """The fields an action needs, then the reason."""
    idx = d.index
    other, date, label, entity_kind, grade, part = None, "", "", "", "", ""
    if action == "redate":
        date = st.text_input("New date (EDTF)", key=f"cur-date-{item}",
                             placeholder="2020-06-16, 2020-06, 2020-21 (summer), 2020~, 2019/2021")
    elif action == "relabel":
        label = st.text_input("New label", key=f"cur-label-{item}", value=idx.name(item) or "")
    elif action == "merge" and kind == "event":
        query = st.text_input("Find the event to merge in", key=f"cur-find-{item}", placeholder="words of the event")
        rows = [row for row in explore.event_shortlist(idx, d.rows, query) if row.id != item]
        choices = chart.event_choices(rows)
        other = st.selectbox("Merge in", list(choices), format_func=choices.__getitem__, index=None,
                             placeholder="Choose an event…", key=f"cur-other-{item}")
    elif action == "merge" and kind == "claim":
        other = _repeated_claim(d, item)
    elif action == "split":
        part = _part(d, kind, item)
    elif action == "retarget" and kind == "citation":
        part, other = item, _document_cited(d, item)
    elif action == "retarget":
        part, other = _citation_target(d, item)
    elif action == "resolve":
        conflict = idx.conflicts.get(item)
        choices = {doc: views.short(idx.documents[doc].label if doc in idx.documents else doc, 80)
                   for doc in (conflict.documents if conflict is not None else ())}
        other = st.selectbox("The document whose date stands", list(choices), format_func=choices.__getitem__,
                             index=None, key=f"cur-other-{item}")
    elif action == "merge" or action == "attribute":
        mine = idx.entities.get(item)
        choices = {e.id: f"{e.name} ({e.kind})" for e in sorted(idx.entities.values(), key=lambda e: e.name.casefold())
                   if e.id != item and (mine is None or e.kind == mine.kind)}
        other = st.selectbox("Merge in" if action == "merge" else "New claimant", list(choices),
                             format_func=choices.__getitem__, index=None, placeholder="Choose an entity…",
                             key=f"cur-other-{item}")
    elif action == "retype":
        entity_kind = st.selectbox("New kind", ENTITY_KINDS, key=f"cur-kind-{item}", index=None) or ""
    elif action in ("add", "add-claim", "add-citation"):
        return _add_form(d, item, action)
    elif action == "grade":
        c = st.columns(2)
        grade = "".join(c[i].selectbox(name.capitalize(), list(values), key=f"cur-{name}-{item}", index=None) or ""
                        for i, (name, values) in enumerate(_GRADES.items()))
    reason = st.text_input("Why", key=f"cur-why-{item}", placeholder="kept with the decision, in every export")
    return curation.Form(action=action, item=item, reason=reason, date=date, label=label, other=other,
                         kind=entity_kind, grade=grade, part=part)


def _repeated_claim(d: ui.Derived, item: str) -> str | None:
    """A claim of another cluster, found by its words, that this claim repeats."""
    idx = d.index
    mine = idx.claims[item].cluster if item in idx.claims else None
    words = st.text_input("Find the claim it repeats", key=f"cur-find-{item}", placeholder="words of the claim")
    wanted = words.casefold().split()
    found = [c for c in idx.claims.values() if c.id != item and (c.cluster is None or c.cluster != mine)
             and wanted and all(w in c.text.casefold() for w in wanted)][:50]
    choices = {c.id: views.short(c.text, 90) for c in found}
    return st.selectbox("It repeats", list(choices), format_func=choices.__getitem__, index=None,
                        placeholder="Type words above, then choose…", key=f"cur-other-{item}")


def _citation_target(d: ui.Derived, item: str) -> tuple[str, str | None]:
    """One of a document's source citations, and the case document it should cite."""
    idx = d.index
    cited = {c: f"“{views.short(idx.citations[c].span.exact, 70)}”" for c in idx.citations_in.get(item, ())
             if c in idx.citations}
    citation = st.selectbox("The source citation", list(cited), format_func=cited.__getitem__, index=None,
                            placeholder="Choose one of the document's citations…", key=f"cur-part-{item}") or ""
    return citation, _document_cited(d, item)


def _document_cited(d: ui.Derived, item: str) -> str | None:
    """The case document a source citation should cite, chosen among the others than the one
    citing (``item``: that document, or the citation itself)."""
    idx = d.index
    citing = idx.citations[item].document if item in idx.citations else item
    docs = {doc.id: views.short(doc.label, 80) for doc in idx.documents.values() if doc.id != citing}
    return st.selectbox("The document it cites", list(docs), format_func=docs.__getitem__, index=None,
                        key=f"cur-other-{item}")


def _part(d: ui.Derived, kind: str, item: str) -> str:
    """What a split takes off: one of an event's reporting documents, or one of an entity's aliases."""
    idx = d.index
    if kind == "event":
        event = idx.events.get(item)
        docs = dict.fromkeys(r.document for r in event.reports) if event is not None else {}
        choices = {doc: views.short(idx.documents[doc].label if doc in idx.documents else doc, 80) for doc in docs}
        label = "The report to make another event of"
    else:
        entity = idx.entities.get(item)
        choices = {a: a for a in (entity.aliases if entity is not None else ())}
        label = "The alias to make another entity of"
    return st.selectbox(label, list(choices), format_func=choices.__getitem__, index=None,
                        key=f"cur-part-{item}") or ""


def _add_form(d: ui.Derived, item: str, action: str) -> curation.Form:
    """What the machine missed in a document: the words (selected in its text, or pasted), which
    time they occur, then an event's label and date, a claim's claimant, or the source a citation
    cites; and why."""
    ss = st.session_state
    document = d.index.documents.get(item)
    what = {"add": "report the event", "add-claim": "state the claim", "add-citation": "cite the source"}[action]
    if document is not None:
        st.caption(f"Select the words that {what} in the text (the passages found already are "
                   "highlighted); they fill the box below.")
        marks = ui.memo(d, "passages", item, lambda: [(h.start, h.end, h.kind) for h in
                                                      views.document_items(d.index, item) if h.kind != "entity"])
        picked = curation.selected_words(document, component.selectable_text(document.text, marks,
                                                                              key=f"cur-select-{item}"))
        if picked is not None and ss.get(f"_cur-picked-{item}") != picked[2]:
            ss[f"_cur-picked-{item}"] = picked[2]  # a new selection: it fills the words once
            ss[f"cur-quote-{item}"], ss[f"cur-nth-{item}"] = picked[0], picked[1]
    quote = st.text_area(f"The words that {what}, selected in the text above or copied from it",
                         key=f"cur-quote-{item}")
    times = curation.occurrences(document, quote) if document is not None else 0
    occurrence = 1
    if times > 1:
        nth = f"cur-nth-{item}"
        if not 1 <= int(ss.get(nth) or 1) <= times:
            ss[nth] = 1
        occurrence = int(st.number_input(f"These words occur {times} times: which one?", min_value=1,
                                         max_value=times, step=1, key=nth))
    label, date, other = "", "", None
    idx = d.index
    if action == "add":
        label = st.text_input("What happened", key=f"cur-label-{item}", placeholder="e.g. Council hearing held")
        date = st.text_input("When (EDTF, optional)", key=f"cur-date-{item}",
                             placeholder="2021-03-02, 2021-03, 2021~")
    elif action == "add-claim":
        # people and organizations first; the rest too, as the extractors may have misread a kind
        choices = {"unnamed": "an unnamed source (described, not named)"} | {
            e.id: f"{e.name} ({e.kind})" for e in sorted(idx.entities.values(), key=lambda e: (
                e.kind not in ("person", "organization"), e.name.casefold()))}
        other = st.selectbox("Who makes the claim", list(choices), format_func=choices.__getitem__, index=None,
                             placeholder="Choose the claimant…", key=f"cur-other-{item}")
    else:
        docs = {doc.id: views.short(doc.label, 80) for doc in idx.documents.values() if doc.id != item}
        other = st.selectbox("The document of the case it cites", list(docs), format_func=docs.__getitem__,
                             index=None, placeholder="Choose a document, or name the source below…",
                             key=f"cur-other-{item}")
        label = st.text_input("Or the source's name, when it is not a document of the case", key=f"cur-label-{item}",
                              placeholder="e.g. the council minutes")
    reason = st.text_input("Why", key=f"cur-why-{item}", placeholder="kept with the decision, in every export")
    return curation.Form(action=action, item=item, reason=reason, date=date, label=label, quote=quote,
                         occurrence=occurrence, other=other)


def _preview_and_apply(d: ui.Derived, case: Case, form: curation.Form, log: list[Decision]) -> None:
    """What the decision will change, and the button recording it (disabled until it can apply)."""
    ss = st.session_state
    decision = None
    try:
        decision = curation.decision_from(form, ss.get(CURATOR, ""), utc_now(), d.index.documents.get(form.item))
        changes = case.preview(decision)
    except TimelineGraphError as err:
        decision = None
        problem = str(err)
        st.caption(views.safe_text(problem[:1].upper() + problem[1:]))
    else:
        _show_changes(changes)
    # what the curator sees of the records it acts on (a document gaining an event is not one)
    seen = {t: latest_about(log, t) for t in (decision.targets if decision is not None else ())}
    st.button("Apply", key=f"cur-apply-{form.item}", type="primary", disabled=decision is None,
              on_click=_record, args=(d, decision, seen))


def _show_changes(changes: list[str]) -> None:
    ui.html("<b>What will change:</b><br>" + "<br>".join(f"• {views.safe_text(c)}" for c in changes))


# ---------------------------------------------------------------------------------------------
# Undo and the decisions page


def undo_box(d: ui.Derived) -> None:
    """In the sidebar: the curator's latest decision in force, and a way to take it back (with a reason)."""
    if case_of(d) is None:
        return
    curator = st.session_state.get(CURATOR)
    last = curation.last_in_force(decisions_of(d), curator) if curator else None
    if last is None:
        return
    with st.expander("Undo the last decision"):
        st.caption("Your last decision still in force (those of others are taken back from the Decisions page):")
        st.markdown(f"{views.safe_text(DONE[last.action])}: {views.safe_text(_named(d, last))} · "
                    f"{views.safe_text(last.agent)}")
        _take_back_button(d, last, "undo-last")


def target_names(d: ui.Derived) -> dict[str, str]:
    """The name of each record the log's decisions act on: as the case shows it now, else as the
    build made it (a record rejected or merged away is still named, not left as an id)."""
    def build() -> dict[str, str]:
        ids = {t for x in decisions_of(d) for t in x.targets}
        names = {i: name for i in ids if (name := d.index.name(i))}
        case = case_of(d)
        if case is not None and ids - names.keys():
            names = record_names(case.resolved_records(), ids - names.keys()) | names
        return names

    return ui.memo(d, "target names", None, build)


def _named(d: ui.Derived, decision: Decision) -> str:
    """What a decision acts on, by name (:func:`target_names`) where it can, else by id; for an
    undo, the decisions it takes back."""
    if decision.action == "undo":
        by_id = {x.id: x for x in decisions_of(d)}
        return "; ".join(f"{DONE[x.action]} {_named(d, x)}" if x else t
                         for t, x in ((t, by_id.get(t)) for t in decision.targets))
    names = target_names(d)
    return ", ".join(names.get(t) or t for t in decision.targets) or describe(decision)


def _take_back_button(d: ui.Derived, target: Decision, key: str) -> None:
    """Why take a decision back, what taking it back will change, and the button."""
    ss = st.session_state
    reason = st.text_input("Why take it back", key=f"{key}-why", placeholder="kept with the undo")
    decision = None
    if reason.strip() and ss.get(CURATOR):
        decision = Decision.create(action="undo", targets=(target.id,), agent=ss[CURATOR], at=utc_now(),
                                   reason=reason.strip())
    elif not ss.get(CURATOR):
        st.caption("Give your name as curator first.")
    case = case_of(d)
    if decision is not None and case is not None:
        try:
            changes = case.preview(decision)
        except TimelineGraphError as err:
            decision = None
            st.caption(views.safe_text(str(err)))
        else:  # its first line names the decision by id
            _show_changes([f"takes back: {DONE[target.action]} {_named(d, target)}", *changes[1:]])
    st.button("Take it back", key=f"{key}-go", disabled=decision is None, on_click=_record,
              args=(d, decision, {target.id: latest_about(decisions_of(d), target.id)}))


def decisions_page(d: ui.Derived) -> None:
    """The case's decisions, newest first, filtered by curator, action, item and day; each can be taken back."""
    st.title("Decisions")
    if case_of(d) is None:
        st.info("This view shows a graph file: decisions are made on a case folder (timeline-graph app CASE).")
        return
    log = decisions_of(d)
    if not log:
        st.info("No decisions yet: open an event, entity, claim or document and choose Curate.")
        return
    c = st.columns([2, 2, 3, 2])
    curator = c[0].selectbox("Curator", sorted({x.agent for x in log}), index=None, placeholder="any",
                             key="_dec_curator")
    action = c[1].selectbox("Action", sorted({x.action for x in log}), index=None, placeholder="any",
                            key="_dec_action")
    item = c[2].text_input("Item", key="_dec_item", placeholder="an id or words of a name")
    since = c[3].date_input("Since", value=None, key="_dec_since")
    names = target_names(d)
    skipped = not_applied(d)
    only_orphans = False
    if skipped:
        st.warning(f"{views.counted(len(skipped), 'decisions')} of the log cannot be applied: the records named "
                   "are gone since the documents changed, or no longer fit. Nothing is dropped from the log.",
                   icon="⚠️")
        only_orphans = st.toggle("Only the decisions that no longer apply", key="_dec_orphans")
    found = curation.matching(log, curator=curator, action=action, item=item, since=since, names=names)
    if only_orphans:
        found = [x for x in found if x.id in skipped]
    st.caption(f"{views.counted(len(found), 'decisions')} of {len(log)}, newest first.")
    undone = curation.standing(log)
    for x in ui.paged(found[::-1], "decisions", per_page=25):
        with st.container(border=True, key=f"dec-{x.id}"):
            what = ", ".join(views.safe_text(names.get(t) or t) for t in x.targets)
            status = undone.get(x.id) or (f"not applied: {skipped[x.id]}" if x.id in skipped else "in force")
            ui.html(f"<b>{views.safe_text(DONE[x.action].capitalize())}</b> {what} · {views.safe_text(x.agent)}, "
                    f"{views.safe_text(x.at)} · <i>{views.safe_text(status)}</i>"
                    + (f"<br>why: {views.safe_text(x.reason)}" if x.reason else "")
                    + f'<div class="tg-meta">{views.safe_text(x.id)}: {views.safe_text(describe(x))}</div>')
            if x.id not in undone:
                with st.popover("Take back"):
                    _take_back_button(d, x, f"back-{x.id}")
            if x.id in skipped and x.id not in undone and x.action != "undo":
                with st.popover("Re-target"):
                    _retarget_orphan(d, x)


_ORPHAN_KINDS = {"doc": "documents", "ent": "entities", "evt": "events", "clm": "claims", "cit": "citations",
                 "cfl": "conflicts"}


def _retarget_orphan(d: ui.Derived, orphan: Decision) -> None:
    """For a decision that no longer applies: pick a record of the case for each one it names
    that is gone, see what will change, and make it again on them (the orphan is taken back,
    naming its replacement; nothing leaves the log)."""
    ss = st.session_state
    idx = d.index
    missing = [t for t in orphan.targets if _ORPHAN_KINDS.get(t.split("-", 1)[0]) is not None
               and t not in getattr(idx, _ORPHAN_KINDS[t.split("-", 1)[0]])]
    if not missing:
        st.caption("The records it names are all in the case: it no longer fits them. Take it back, "
                   "or make a new decision on the item.")
        return
    chosen: dict[str, str] = {}
    for i, target in enumerate(missing):
        found = getattr(idx, _ORPHAN_KINDS[target.split("-", 1)[0]])
        words = st.text_input(f"Find the record to put in place of {target}", key=f"back-{orphan.id}-find-{i}",
                              placeholder="words of its name").casefold().split()
        choices = {rid: views.short(idx.name(rid) or rid, 90) for rid in found
                   if all(w in (idx.name(rid) or rid).casefold() for w in words)}
        choices = dict(sorted(choices.items(), key=lambda kv: kv[1].casefold())[:50])
        pick = st.selectbox(f"In place of {target}", list(choices), format_func=choices.__getitem__, index=None,
                            placeholder="Choose a record…", key=f"back-{orphan.id}-to-{i}")
        if pick:
            chosen[target] = pick
    reason = st.text_input("Why", key=f"back-{orphan.id}-rewhy", placeholder="kept with both decisions")
    pair = None
    try:
        pair = curation.retargeted(orphan, chosen, ss.get(CURATOR, ""), utc_now(), reason)
        case = case_of(d)
        changes = case.preview(pair[0]) if case is not None else []
    except TimelineGraphError as err:
        pair = None
        st.caption(views.safe_text(str(err)[:1].upper() + str(err)[1:]))
    else:
        _show_changes(changes)
    seen = {t: latest_about(decisions_of(d), t) for t in (pair[0].targets if pair is not None else ())}
    st.button("Make it again on these", key=f"back-{orphan.id}-retarget", type="primary", disabled=pair is None,
              on_click=_record_retargeted, args=(d, pair, seen))


def _record_retargeted(d: ui.Derived, pair: tuple[Decision, Decision], seen: dict[str, str | None]) -> None:
    """Record a re-targeted decision, then the undo of the orphan it replaces (a callback)."""
    again, undo = pair
    recorded = _recorded(d, again, seen)
    if recorded is None:
        return
    done = st.session_state[_MESSAGE][1]
    why = undo.reason.split(": ", 1)[-1]
    undo = Decision.create(action="undo", targets=undo.targets, agent=undo.agent, at=recorded.at,
                           reason=f"re-targeted as {recorded.id}: {why}")
    try:
        _case(d.path).decide(undo)
    except TimelineGraphError as err:
        st.session_state[_MESSAGE] = ("warning", f"{done} The decision it replaces was not taken back: {err}")
        return
    st.session_state[_MESSAGE] = ("success", f"{done} It replaces {undo.targets[0]}, now taken back.")
