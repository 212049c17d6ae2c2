"""Reading a case back from a SPARQL endpoint it was published or served to.

A case put on a SPARQL 1.1 server (``timeline-graph publish``, or ``serve``) can be opened again
from there: every triple of the endpoint's dataset (its default graph and every named graph) is
fetched with one CONSTRUCT query, as N-Triples, and read back into a case graph as an RDF export
file would be (:mod:`timeline_graph.export.rdfimport`). The endpoint should hold one case.
Credentials, where the endpoint needs them, come from the same environment variables as
``publish`` (Basic or Digest).
"""

from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request

import networkx as nx
import pyoxigraph as ox

from .errors import ExportError
from .export.rdfimport import from_quads

__all__ = ["EVERY_TRIPLE", "is_endpoint", "read_endpoint"]

#: Every triple of the dataset, wherever the server keeps it.
EVERY_TRIPLE = "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def is_endpoint(value: str) -> bool:
    """Whether a CASE argument names a SPARQL endpoint rather than a file or folder."""
    return value.startswith(("http://", "https://"))


def read_endpoint(url: str, *, timeout: float = 600.0) -> nx.MultiDiGraph:
    """The case graph held by the SPARQL endpoint at ``url``; ExportError (one line) when the
    endpoint cannot be read or holds no case."""
    from .publish import PASSWORD_ENV, USER_ENV

    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    opener = urllib.request.build_opener()
    if user:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, user, password or "")
        opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords),
                                             urllib.request.HTTPBasicAuthHandler(passwords))
    body = urllib.parse.urlencode({"query": EVERY_TRIPLE}).encode("ascii")
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/n-triples"})
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read()
    except urllib.error.HTTPError as err:
        raise ExportError(f"{url}: the SPARQL endpoint answered HTTP {err.code} {err.reason}") from err
    except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
        raise ExportError(f"{url}: cannot reach the SPARQL endpoint ({getattr(err, 'reason', err)})") from err
    try:
        triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError as err:
        raise ExportError(f"{url}: the endpoint's answer is not N-Triples ({' '.join(str(err).split())})") from err
    if not triples:
        raise ExportError(f"{url}: the SPARQL endpoint holds no triples")
    return from_quads(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
