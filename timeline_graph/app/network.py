"""The network around one node: entities, events, documents, claims and more, a step or two
out, drawn with node kinds told apart by shape and colour. Pure functions; no Streamlit.

>>> import networkx as nx
>>> neighbourhood(nx.MultiDiGraph([("a", "b"), ("b", "c")]), "a", steps=1)
(['a', 'b'], [('a', 'b', '0')])
"""

from __future__ import annotations

import html

import networkx as nx
import plotly.graph_objects as go

from ..graph import (
    CITATION_KIND,
    CLAIM_KIND,
    CONFLICT_KIND,
    DECISION_KIND,
    DOCUMENT_KIND,
    ENTITY_KIND,
    EVENT_KIND,
    KIND,
    QUANTITY_KIND,
    RECORD,
)
from .explore import CaseIndex

__all__ = ["MAX_NETWORK_NODES", "NODE_STYLE", "neighbourhood", "network_figure"]


def _esc(text: str) -> str:
    """Plotly text is a small HTML subset: escape its markup, keep quotes."""
    return html.escape(text, quote=False)

#: How each kind of node is drawn: (symbol, colour).
NODE_STYLE = {
    ENTITY_KIND: ("circle", "#0072B2"), EVENT_KIND: ("diamond", "#D55E00"),
    DOCUMENT_KIND: ("square", "#009E73"), CLAIM_KIND: ("triangle-up", "#E69F00"),
    CITATION_KIND: ("star", "#CC79A7"), CONFLICT_KIND: ("x", "#C0392B"),
    QUANTITY_KIND: ("hexagon", "#56B4E9"), DECISION_KIND: ("pentagon-open", "#555555"),
}
#: Looks for kinds added later, so two of them never share one.
_OTHER_STYLES = (("circle-open", "#777777"), ("square-open", "#777777"), ("diamond-open", "#777777"),
                 ("triangle-down-open", "#777777"), ("cross-open", "#777777"))
#: At most this many nodes are drawn around the centre (nearest first).
MAX_NETWORK_NODES = 120


def neighbourhood(G: nx.MultiDiGraph, centre: str, steps: int = 1, *,
                  limit: int = MAX_NETWORK_NODES) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The nodes within ``steps`` links of ``centre`` (either direction; nearest first, at most
    ``limit``) and the links among them as (source, target, relation)."""
    if centre not in G:
        return [], []
    seen = {centre: 0}
    frontier = [centre]
    for depth in range(1, steps + 1):
        nxt = []
        for node in frontier:
            for other in sorted(set(G.successors(node)) | set(G.predecessors(node))):
                if other not in seen and len(seen) < limit:
                    seen[other] = depth
                    nxt.append(other)
        frontier = nxt
    nodes = sorted(seen, key=lambda n: (seen[n], n))
    keep = set(nodes)
    edges = sorted({(u, v, str(k)) for u, v, k in G.subgraph(keep).edges(keys=True)})
    return nodes, edges


def network_figure(G: nx.MultiDiGraph, idx: CaseIndex, centre: str, steps: int = 1) -> go.Figure:
    """The neighbourhood drawn with a fixed-seed spring layout; one trace (legend entry) per
    node kind; ``customdata[0]`` is the node id."""
    nodes, edges = neighbourhood(G, centre, steps)
    fig = go.Figure()
    if not nodes:
        return fig
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from((u, v) for u, v, _ in edges)
    pos = nx.spring_layout(H, seed=7, k=1.6 / max(1, len(nodes)) ** 0.5)
    pos[centre] = pos.get(centre, (0, 0))
    ex: list[float | None] = []
    ey: list[float | None] = []
    for u, v, _ in edges:
        ex += [pos[u][0], pos[v][0], None]
        ey += [pos[u][1], pos[v][1], None]
    fig.add_trace(go.Scatter(x=ex, y=ey, mode="lines", line={"color": "#bbbbbb", "width": 1},
                             hoverinfo="skip", showlegend=False))
    near = {centre} | set(G.successors(centre)) | set(G.predecessors(centre))
    kinds: dict[str, list[str]] = {}
    for n in nodes:
        kinds.setdefault(str(G.nodes[n].get(KIND, "unknown")), []).append(n)
    for kind, members in sorted(kinds.items()):
        symbol, colour = NODE_STYLE.get(kind) or _OTHER_STYLES[sorted(kinds).index(kind) % len(_OTHER_STYLES)]
        labels = [_short(_node_name(G, idx, n), 28) if n in near else "" for n in members]
        fig.add_trace(go.Scatter(
            x=[pos[n][0] for n in members], y=[pos[n][1] for n in members], mode="markers+text", name=kind,
            text=[_esc(t) for t in labels], textposition="top center", textfont={"size": 10},
            marker={"symbol": symbol, "color": colour, "size": [22 if n == centre else 13 for n in members],
                    "line": {"color": ["black" if n == centre else "white" for n in members], "width": 2}},
            customdata=[[n, kind] for n in members],
            hovertext=[f"{_esc(kind)}: {_esc(_short(_node_name(G, idx, n), 90))}" for n in members],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    fig.update_layout(height=600, margin={"l": 10, "r": 10, "t": 40, "b": 10}, clickmode="event+select",
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": {"text": "node "}},
                      xaxis={"visible": False}, yaxis={"visible": False}, dragmode="pan")
    return fig


def _node_name(G: nx.MultiDiGraph, idx: CaseIndex, node: str) -> str:
    """The index's name for a node, else a telling field of its record (kinds added later)."""
    found = idx.name(node)
    if found:
        return found
    rec = G.nodes[node].get(RECORD)
    for attr in ("label", "name", "text", "explanation", "cites_label"):
        value = getattr(rec, attr, None)
        if isinstance(value, str) and value:
            return value
    span = getattr(rec, "span", None)
    return str(getattr(span, "exact", "") or node)


def _short(text: str, limit: int) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
