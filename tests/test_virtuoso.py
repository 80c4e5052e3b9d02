"""Our sharded N-Quads bulk-load into Virtuoso, and Virtuoso answers our worked queries as we do.

A Virtuoso server (Debian's virtuoso-opensource, installed by `make install`) is
started on loopback with its own database folder and ports, the shards are loaded
with the bulk loader (ld_dir + rdf_loader_run), and every query in queries/ is
asked over its SPARQL endpoint and of graph.ttl through rdflib.
"""
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from conftest import ROOT
from kg.cli import main
from kg.rdf.namespaces import with_prefixes
from kg.sparql.params import bind
from kg.sparql.query import load_graph, open_source, run_query

UNION = "urn:newskg:union"      # the per-article graphs merged: what graph.ttl holds
ARTICLES = "https://w3id.org/newskg/id/article/"
INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = ., {data}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    def __init__(self, folder: Path, data: Path):
        self.virtuoso, self.isql_bin = shutil.which("virtuoso-t"), shutil.which("isql-vt")
        assert self.virtuoso and self.isql_bin, "virtuoso-opensource is installed by `make install` (system-deps)"
        self.db = folder
        self.sql_port, self.http_port = _free_port(), _free_port()
        ini = folder / "virtuoso.ini"
        ini.write_text(INI.format(db=folder, data=data, sql_port=self.sql_port, http_port=self.http_port))
        with (folder / "console.log").open("wb") as console:     # +foreground logs to the console
            self.proc = subprocess.Popen([self.virtuoso, "+foreground", "+configfile", str(ini)], cwd=folder,
                                         stdout=console, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while "HTTP server online" not in self._log() or "Server online" not in self._log():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"virtuoso-t did not start: {self._log()[-2000:]}")
            time.sleep(0.3)

    def _log(self) -> str:
        log = self.db / "console.log"
        return log.read_text(errors="replace") if log.exists() else ""

    def isql(self, sql: str) -> str:
        res = subprocess.run([self.isql_bin, f"127.0.0.1:{self.sql_port}", "dba", "dba"], input=sql,
                             capture_output=True, text=True, timeout=600)
        assert res.returncode == 0 and "*** Error" not in res.stdout + res.stderr, res.stdout + res.stderr
        return res.stdout

    def select(self, query: str, graph: str | None = UNION) -> list[tuple[str, ...]]:
        client = SPARQLWrapper(f"http://127.0.0.1:{self.http_port}/sparql")
        client.setMethod(POST)
        client.setReturnFormat(JSON)
        if graph:
            client.addDefaultGraph(graph)
        client.setQuery(query)
        answer = client.query().convert()
        names = answer["head"]["vars"]
        return [tuple(b.get(v, {}).get("value", "") for v in names) for b in answer["results"]["bindings"]]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    res = CliRunner().invoke(main, ["build", "--out", str(out), "--no-html", "--format", "nquads", "--shard-size", "800"])
    assert res.exit_code == 0, res.output
    shards = sorted((out / "nquads").glob("*.nq"))
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"), out / "nquads")
    try:
        server.isql(f"ld_dir('{out / 'nquads'}', '*.nq', 'urn:newskg:unused');\nrdf_loader_run();\ncheckpoint;\n")
        # The article graphs merged into one graph, as graph.ttl is: Virtuoso's default dataset is every graph
        # side by side (a triple stated by five articles matches five times), SPARQL's FROM would be the merge.
        server.isql(f"log_enable(3,1);\nSPARQL INSERT INTO <{UNION}> {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                    f"FILTER(STRSTARTS(STR(?g), '{ARTICLES}')) }};\ncheckpoint;\n")
        yield server, out, shards
    finally:
        server.stop()


def test_virtuoso_bulk_loader_takes_every_shard(loaded):
    server, _, shards = loaded
    assert len(shards) >= 3
    state = server.isql("SELECT ll_file, ll_state, ll_error FROM DB.DBA.LOAD_LIST;")
    for shard in shards:
        line = next(ln for ln in state.splitlines() if str(shard) in ln)
        assert line.split()[1:] == ["2", "NULL"], line       # loaded (state 2), no error


def test_virtuoso_holds_every_quad_and_the_union_every_triple(loaded):
    server, out, shards = loaded
    lines = sum(len(s.read_text(encoding="utf-8").splitlines()) for s in shards)
    [(quads,)] = server.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                               f"FILTER(STRSTARTS(STR(?g), '{ARTICLES}')) }}", graph=None)
    assert int(quads) == lines
    [(triples,)] = server.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(triples) == len(load_graph(out / "graph.ttl"))


@pytest.mark.parametrize("query", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_virtuoso_answers_our_queries_as_we_do(loaded, query):
    server, out, _ = loaded
    text = bind(query.read_text(encoding="utf-8")).text        # its parameters at their defaults
    res = run_query(open_source(out / "graph.ttl"), text)
    ours = [tuple("" if row[v] is None else _unordered(str(row[v])) for v in res.vars) for row in res]
    theirs = [tuple(map(_unordered, row)) for row in server.select(with_prefixes(text))]
    assert ours, f"{query.name} has no answer on the samples"
    assert sorted(theirs) == sorted(ours)


def _unordered(value: str) -> str:
    """A GROUP_CONCAT's items sorted: SPARQL leaves their order to each engine."""
    return ", ".join(sorted(value.split(", ")))
