"""The kg command with a store: build, rebuild, query, export, stats."""
import json

from conftest import SAMPLE
from kg.interfaces.cli import main

TOTALS = """SELECT ?union (SUM(?amount) AS ?total) WHERE {
  ?e a ukg:Allocation ; ukg:agent ?u ; ukg:amount ?amount . ?u rdfs:label ?union }
GROUP BY ?union ORDER BY DESC(?total)"""


def test_store_build_query_export(tmp_path, capfd):
    store = str(tmp_path / "store")
    assert main(["build", str(SAMPLE), "--store", store, "--jobs", "2", "-q"]) == 0
    out = capfd.readouterr().out
    assert "articles: 18" in out and "wrote" not in out  # no exports unless -o is given
    assert main(["build", str(SAMPLE), "--store", store, "-q"]) == 0
    assert "0 pages extracted, 5 unchanged" in capfd.readouterr().out

    assert main(["query", "--store", store, TOTALS, "--format", "json"]) == 0
    totals = {r["union"]: float(r["total"]) for r in json.loads(capfd.readouterr().out)}
    assert totals["中华全国总工会"] == 287800000.0

    for fmt in ("ttl", "nt", "graphml", "nq"):
        target = tmp_path / f"graph.{fmt}"
        assert main(["export", "--store", store, "--format", fmt, "-o", str(target)]) == 0
        assert target.stat().st_size > 0
    assert main(["build", str(SAMPLE), "-o", str(tmp_path / "plain"), "-q"]) == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (tmp_path / "plain" / "graph.ttl").read_bytes()

    capfd.readouterr()
    assert main(["stats", "--store", store]) == 0
    assert "unions  27" in capfd.readouterr().out


def test_missing_store_is_a_clear_error(tmp_path, capfd):
    assert main(["query", "--store", str(tmp_path / "nope"), "SELECT * WHERE { ?s ?p ?o }"]) == 2
    assert "no unionkg store" in capfd.readouterr().err
