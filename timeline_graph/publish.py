"""Putting a case on a SPARQL server: serve it locally, or publish it to any SPARQL 1.1 server.

``serve`` runs Oxigraph's own HTTP server (the ``oxigraph`` package, installed with
timeline-graph) read-only over the case's embedded store, on loopback by default: a SPARQL
1.1 endpoint at ``/query`` that other tools can question while it runs.

``publish`` pushes the case to a server through the SPARQL 1.1 Graph Store HTTP Protocol: one
``PUT`` of N-Triples per graph (the default graph with ``?default``, each document's named
graph with ``?graph=IRI``), so the server holds the same quads as a TriG export. What was
published to each endpoint is remembered in the case's cache (a hash per graph), and the next
publish sends only the graphs that changed and deletes those that are gone; ``force`` sends
every graph again. Credentials come from the environment (``TIMELINE_GRAPH_PUBLISH_USER`` and
``TIMELINE_GRAPH_PUBLISH_PASSWORD``; HTTP Basic or Digest, whichever the server asks for).
A failed request is tried again (three tries, waiting 1 s then 2 s) when the server was
unreachable or answered 5xx; then the publish stops with one line naming the graph and the
server's answer. Graphs already sent stay recorded, so running it again resumes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from .errors import CaseError, ExportError
from .export.rdfio import graph_lines
from .store import STORE_DIR, graph_hashes

__all__ = ["PASSWORD_ENV", "USER_ENV", "Published", "oxigraph_command", "publish"]

USER_ENV = "TIMELINE_GRAPH_PUBLISH_USER"
PASSWORD_ENV = "TIMELINE_GRAPH_PUBLISH_PASSWORD"
PUBLISHED_DIR = "published"
TRIES = 3
_SAVE_EVERY = 50  # graphs sent between two saves of what was published

Progress = Callable[[int, int, str], None]


# ---------------------------------------------------------------------------------------------
# Serving


def oxigraph_command(cache: Path, *, address: str = "127.0.0.1", port: int = 7878, union: bool = True) -> list[str]:
    """The argv of Oxigraph's read-only server over the store in a case's ``cache``; CaseError
    when the ``oxigraph`` server is not installed."""
    beside = Path(sys.executable).with_name("oxigraph")
    binary = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if binary is None:
        raise CaseError("the Oxigraph server is not installed: pip install oxigraph (it comes with timeline-graph)")
    argv = [binary, "serve-read-only", "--location", str(cache / STORE_DIR), "--bind", f"{address}:{port}"]
    return argv + (["--union-default-graph"] if union else [])


# ---------------------------------------------------------------------------------------------
# Publishing


@dataclass(frozen=True)
class Published:
    """What one publish did: graphs sent, graphs deleted, graphs already there."""

    sent: int
    deleted: int
    unchanged: int


def _graph_url(endpoint: str, graph: str, parameter: str, default_graph: str | None) -> str:
    joiner = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    graph = graph or default_graph or ""
    if not graph:
        return f"{endpoint}{joiner}default"
    return f"{endpoint}{joiner}{parameter}={urllib.parse.quote(graph, safe='')}"


def _opener(endpoint: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    if user is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, user, password or "")
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords),
                                       urllib.request.HTTPBasicAuthHandler(passwords))


def _send(opener: urllib.request.OpenerDirector, method: str, url: str, body: bytes | None, *,
          what: str, timeout: float, wait: float = 1.0) -> None:
    """One Graph Store request, tried again on a network error or a 5xx answer."""
    headers = {"Content-Type": "application/n-triples"} if body is not None else {}
    for attempt in range(1, TRIES + 1):
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with opener.open(request, timeout=timeout) as response:
                response.read()
            return
        except urllib.error.HTTPError as err:
            if method == "DELETE" and err.code == 404:  # already gone
                return
            if err.code in (401, 403):
                raise ExportError(f"publishing {what}: the server refused it (HTTP {err.code} {err.reason}); "
                                  f"set {USER_ENV} and {PASSWORD_ENV} to an account that may write") from err
            if err.code < 500 or attempt == TRIES:
                raise ExportError(f"publishing {what}: HTTP {err.code} {err.reason} "
                                  f"{_first_line(err)} (after {attempt} tr{'y' if attempt == 1 else 'ies'})") from err
        except (TimeoutError, urllib.error.URLError, ConnectionError) as err:
            if attempt == TRIES:
                reason = getattr(err, "reason", err)
                raise ExportError(f"publishing {what}: cannot reach {url.split('?')[0]} ({reason}) "
                                  f"after {TRIES} tries") from err
        time.sleep(wait * 2 ** (attempt - 1))


def _first_line(err: urllib.error.HTTPError) -> str:
    try:
        text = err.read().decode("utf-8", "replace")
    except OSError:
        return ""
    line = " ".join(text.split())[:200]
    return f"({line})" if line else ""


def _state_path(cache: Path, endpoint: str) -> Path:
    return cache / PUBLISHED_DIR / f"{hashlib.sha256(endpoint.encode('utf-8')).hexdigest()[:16]}.json"


def _read_published(path: Path, endpoint: str) -> dict[str, str]:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(state, dict) or state.get("endpoint") != endpoint or not isinstance(state.get("graphs"), dict):
        return {}
    return dict(state["graphs"])


def _save_published(path: Path, endpoint: str, graphs: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"endpoint": endpoint, "graphs": dict(sorted(graphs.items()))}), encoding="utf-8")
    os.replace(temporary, path)


def _triples_by_graph(G: nx.MultiDiGraph, wanted: set[str]) -> dict[str, list[str]]:
    """The N-Triples lines of each wanted graph ("" for the default graph)."""
    found: dict[str, list[str]] = {name: [] for name in wanted}
    for graph, line in graph_lines(G):
        name = graph or ""
        if name in wanted:
            found[name].append(line if not graph else line[: -len(graph) - 6] + " .\n")  # drop " <g> .\n"
    return found


def publish(G: nx.MultiDiGraph, cache: Path, endpoint: str, *, force: bool = False, parameter: str = "graph",
            default_graph: str | None = None, user: str | None = None, password: str | None = None, timeout: float = 300.0,
            retry_wait: float = 1.0, progress: Progress | None = None) -> Published:
    """Publish the graph ``G`` of the case whose cache is ``cache`` to the Graph Store endpoint
    ``endpoint``; ExportError (one line) when the server refuses or cannot be reached. The
    case's default graph goes to the server's default graph, or to the named graph
    ``default_graph`` (for servers such as Virtuoso whose Graph Store has no default graph). A failed
    request waits ``retry_wait`` seconds before its second try, twice that before its third."""
    if not endpoint.startswith(("http://", "https://")):
        raise ExportError(f"publishing: {endpoint!r} is not an http:// or https:// URL")
    user = user if user is not None else os.environ.get(USER_ENV) or None
    password = password if password is not None else os.environ.get(PASSWORD_ENV)
    state_path = _state_path(cache, endpoint)
    before = {} if force else _read_published(state_path, endpoint)
    now = graph_hashes(G)
    changed = sorted(name for name, digest in now.items() if before.get(name) != digest)
    gone = sorted(set(before) - set(now))
    opener = _opener(endpoint, user, password)
    done = dict(before)
    total = len(changed) + len(gone)
    for number, name in enumerate(gone, start=1):
        _send(opener, "DELETE", _graph_url(endpoint, name, parameter, default_graph), None, what=f"graph {name}",
              timeout=timeout, wait=retry_wait)
        done.pop(name, None)
        if progress:
            progress(number, total, name)
    lines = _triples_by_graph(G, set(changed))
    for number, name in enumerate(changed, start=len(gone) + 1):
        body = "".join(lines.pop(name)).encode("utf-8")
        _send(opener, "PUT", _graph_url(endpoint, name, parameter, default_graph), body,
              what=f"graph {name or '(default)'}", timeout=timeout, wait=retry_wait)
        done[name] = now[name]
        if progress:
            progress(number, total, name)
        if number % _SAVE_EVERY == 0:
            _save_published(state_path, endpoint, done)
    _save_published(state_path, endpoint, done)
    return Published(sent=len(changed), deleted=len(gone), unchanged=len(now) - len(changed))
