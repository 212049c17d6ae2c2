"""The example_copy on a real SPARQL server: Oxigraph's HTTP server started on loopback by the tests,
filled by `publish` (Graph Store Protocol) or run by `serve`, questioned over HTTP and compared
with the local `query`."""

from __future__ import annotations

import http.server
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from timeline_graph.case import Case
from timeline_graph.cli import main
from timeline_graph.errors import ExportError
from timeline_graph.graph import documents, events
from timeline_graph.publish import oxigraph_command, publish
from timeline_graph.store import open_store

CLAIMS = "SELECT DISTINCT ?c ?text WHERE { GRAPH ?g { ?c a <https://w3id.org/timeline-graph/ns#Claim> ; <https://schema.org/text> ?text } }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited"
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on port {port}")


def _ask_server(port: int, query: str) -> list[dict[str, dict[str, str]]]:
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return list(json.loads(response.read())["results"]["bindings"])


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[int]:
    """A read-write Oxigraph server on loopback with an empty database; its port."""
    binary = oxigraph_command(tmp_path)[0]
    port = _free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "server-db"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_published_case_answers_as_the_local_query_does(example_copy: Path, oxigraph: int) -> None:
    endpoint = f"http://127.0.0.1:{oxigraph}/store"
    folder = Case.open(example_copy)
    G = folder.load_graph()
    first = publish(G, folder.cache, endpoint)
    assert first.sent == sum(1 for _ in documents(G)) + 1 and first.unchanged == 0
    remote = {(b["c"]["value"], b["text"]["value"]) for b in _ask_server(oxigraph, CLAIMS)}
    with open_store(example_copy) as store:
        local = {(c.value, t.value) for c, t in store.answer(CLAIMS).rows}  # type: ignore[union-attr]
        count = store.answer(COUNT, union=False).rows[0][0].value  # type: ignore[union-attr]
    assert remote == local and len(local) > 10
    assert _ask_server(oxigraph, COUNT)[0]["n"]["value"] == count
    again = publish(G, folder.cache, endpoint)
    assert (again.sent, again.deleted) == (0, 0)


def test_a_decision_republishes_only_what_it_changed(example_copy: Path, oxigraph: int) -> None:
    endpoint = f"http://127.0.0.1:{oxigraph}/store"
    done = CliRunner().invoke(main, ["publish", str(example_copy), "--endpoint", endpoint])
    assert done.exit_code == 0 and "7 graph(s) sent" in done.output, done.output
    event = sorted(events(Case.open(example_copy).load_graph()), key=lambda e: e.id)[0]
    decided = CliRunner().invoke(main, ["decide", str(example_copy), "reject", event.id, "--why", "misread", "--by", "Tester"])
    assert decided.exit_code == 0, decided.output
    done = CliRunner().invoke(main, ["publish", str(example_copy), "--endpoint", endpoint])
    assert done.exit_code == 0, done.output
    sent = int(done.output.split("published to ")[1].split(": ")[1].split(" graph")[0])
    assert 1 <= sent <= 1 + len(event.documents)
    left = _ask_server(oxigraph, f'SELECT ?e WHERE {{ GRAPH ?g {{ ?e <http://purl.org/dc/terms/identifier> "{event.id}" }} }}')
    still = _ask_server(oxigraph, f'SELECT ?e WHERE {{ ?e <http://purl.org/dc/terms/identifier> "{event.id}" }}')
    assert left == [] and still == []


def test_serve_answers_over_http_and_stops_on_sigterm(example_copy: Path) -> None:
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "timeline_graph.cli", "serve", str(example_copy), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for(port, process, timeout=120)
        remote = {b["c"]["value"] for b in _ask_server(port, CLAIMS)}
        with open_store(example_copy) as store:  # a reader beside the server
            local = {c.value for c, _ in store.answer(CLAIMS).rows}  # type: ignore[union-attr]
        assert remote == local and remote
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert process.returncode == 0
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0  # nothing holds the port


def test_unreachable_or_wrong_endpoints_are_one_line(example_copy: Path) -> None:
    folder = Case.open(example_copy)
    G = folder.load_graph()
    with pytest.raises(ExportError, match=r"cannot reach .* after 3 tries"):
        publish(G, folder.cache, f"http://127.0.0.1:{_free_port()}/store", retry_wait=0.01)
    with pytest.raises(ExportError, match="not an http"):
        publish(G, folder.cache, "ftp://example.org/store")


class _Flaky(http.server.BaseHTTPRequestHandler):
    """A Graph Store that answers 503 to the first two requests for a graph, and 401 to one
    graph whatever is sent: faults a healthy server cannot be made to show."""

    seen: ClassVar[dict[str, int]] = {}

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        count = self.seen[self.path] = self.seen.get(self.path, 0) + 1
        status = 401 if "forbidden" in self.path else 503 if count <= 2 else 204
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_server_faults_are_retried_then_reported(example_copy: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        folder = Case.open(example_copy)
        G = folder.load_graph()
        port = server.server_address[1]
        done = publish(G, folder.cache, f"http://127.0.0.1:{port}/store", retry_wait=0.01)
        assert done.sent == sum(1 for _ in documents(G)) + 1
        assert set(_Flaky.seen.values()) == {3}  # each graph: two 503s, then accepted
        with pytest.raises(ExportError, match=r"HTTP 401.*TIMELINE_GRAPH_PUBLISH_USER"):
            publish(G, folder.cache, f"http://127.0.0.1:{port}/forbidden", retry_wait=0.01)
    finally:
        server.shutdown()


@pytest.fixture
def virtuoso(tmp_path: Path) -> Iterator[int]:
    """A Virtuoso server (Debian's virtuoso-opensource) with a fresh database, on loopback only;
    its HTTP port. Its stock settings listen on every interface, so a copy is rewritten."""
    binary = shutil.which("virtuoso-t")
    stock = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
    if binary is None or not stock.is_file():
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")


    db = tmp_path / "virtuoso"
    db.mkdir()
    http_port, sql_port = _free_port(), _free_port()
    ini = stock.read_text().replace("/var/lib/virtuoso-opensource-7/db/", f"{db}/")
    ini = re.sub(r"(?m)^DirsAllowed\s*=.*$", f"DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, {db}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*1111\s*$", f"ServerPort = 127.0.0.1:{sql_port}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*8890\s*$", f"ServerPort = 127.0.0.1:{http_port}", ini)
    ini = re.sub(r"(?m)^(\[Zero Config\]\s*\n)ServerName", r"\1;ServerName", ini)
    (db / "virtuoso.ini").write_text(ini)
    process = subprocess.Popen([binary, "+configfile", str(db / "virtuoso.ini"), "+foreground"],
                               cwd=db, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(http_port, process, timeout=120)
        yield http_port
    finally:
        process.terminate()
        process.wait(timeout=60)


def _ask_virtuoso(port: int, query: str) -> list[dict[str, dict[str, str]]]:
    url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return list(json.loads(response.read())["results"]["bindings"])


def test_published_to_virtuoso_it_answers_as_the_local_query_does(example_copy: Path, virtuoso: int) -> None:
    folder = Case.open(example_copy)
    G = folder.load_graph()
    endpoint = f"http://127.0.0.1:{virtuoso}/sparql-graph-crud-auth"
    base = folder.settings.base_iri
    with pytest.raises(ExportError, match="HTTP 401"):
        publish(G, folder.cache, endpoint, user="dba", password="wrong", default_graph=f"{base}case", retry_wait=0.01)
    done = publish(G, folder.cache, endpoint, user="dba", password="dba", default_graph=f"{base}case")
    assert done.sent == sum(1 for _ in documents(G)) + 1
    mine = f'FILTER(STRSTARTS(STR(?g), "{base}"))'
    remote = {(b["c"]["value"], b["text"]["value"])
              for b in _ask_virtuoso(virtuoso, CLAIMS.replace("} }", f"}} {mine} }}"))}
    count = _ask_virtuoso(virtuoso, COUNT.replace("} }", f"}} {mine} }}"))[0]["n"]["value"]
    with open_store(example_copy) as store:
        local = {(c.value, t.value) for c, t in store.answer(CLAIMS).rows}  # type: ignore[union-attr]
        named = int(store.answer(COUNT, union=False).rows[0][0].value)  # type: ignore[union-attr]
        default = int(store.answer("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", union=False).rows[0][0].value)  # type: ignore[union-attr]
    assert remote == local and local
    assert int(count) == named + default  # the default graph went to its own named graph


def test_a_published_case_reads_back_as_its_own_export_does(example_copy: Path, oxigraph: int, tmp_path: Path) -> None:
    from timeline_graph.export.graphjson import to_json
    from timeline_graph.export.rdfimport import read_rdf_graph
    from timeline_graph.remote import read_endpoint

    folder = Case.open(example_copy)
    publish(folder.load_graph(), folder.cache, f"http://127.0.0.1:{oxigraph}/store")
    trig = tmp_path / "case.trig"
    assert CliRunner().invoke(main, ["export", str(example_copy), "--format", "trig", "--out", str(trig)]).exit_code == 0
    assert to_json(read_endpoint(f"http://127.0.0.1:{oxigraph}/query")) == to_json(read_rdf_graph(trig))
    with pytest.raises(ExportError, match="cannot reach the SPARQL endpoint"):
        read_endpoint(f"http://127.0.0.1:{_free_port()}/query", timeout=5)
    done = CliRunner().invoke(main, ["app", f"http://127.0.0.1:{_free_port()}/query"])
    assert done.exit_code == 2 and "cannot reach" in done.output


def test_each_graph_is_sent_as_the_n_triples_of_its_quads(built_example: Path) -> None:
    import pyoxigraph as ox

    from timeline_graph.publish import _triples_by_graph

    G = Case.open(built_example).load_graph()
    with open_store(built_example) as store:
        graph = store.answer("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g LIMIT 1").rows[0][0].value  # type: ignore[union-attr]
        expected = {(s.value, p.value, o.value) for s, p, o in store.answer(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", union=False).rows}  # type: ignore[union-attr]
    lines = _triples_by_graph(G, {graph})[graph]
    assert all(line.endswith((">" + " .\n", '" .\n')) and "  ." not in line for line in lines)
    received = ox.Store()  # read as a server reads them: literals in their canonical forms
    received.bulk_load("".join(lines).encode(), format=ox.RdfFormat.N_TRIPLES)
    sent = {(q.subject.value, q.predicate.value, q.object.value) for q in received.quads_for_pattern(None, None, None)}
    assert sent == expected and sent
