"""The kg command, end to end on the sample corpus."""
import json

import pytest

from conftest import GOLD, SAMPLE
from kg.interfaces.cli import main

TOTALS = """SELECT ?union (SUM(?amount) AS ?total) WHERE {
  ?e a ukg:Allocation ; ukg:agent ?u ; ukg:amount ?amount . ?u rdfs:label ?union }
GROUP BY ?union ORDER BY DESC(?total)"""


def test_build_query_stats_eval(tmp_path, capfd):
    assert main(["build", str(SAMPLE), "-o", str(tmp_path), "-q"]) == 0
    out = capfd.readouterr().out
    assert "articles: 18" in out and "skipped:  0" in out
    graph = tmp_path / "graph.ttl"
    assert graph.exists() and (tmp_path / "graph.graphml").exists()

    assert main(["query", str(graph), TOTALS, "--format", "json"]) == 0
    rows = json.loads(capfd.readouterr().out)
    totals = {r["union"]: float(r["total"]) for r in rows}
    assert totals["中华全国总工会"] == 287800000.0

    assert main(["stats", str(graph)]) == 0
    assert "unions" in capfd.readouterr().out

    assert main(["eval", str(graph), "--gold", str(GOLD)]) == 0
    assert "overall macro-F1" in capfd.readouterr().out


def test_broken_page_is_named_and_the_rest_goes_on(tmp_path, capfd):
    (tmp_path / "good.txt").write_text("本报讯（记者 孙艳）近日，驿城区总工会走访慰问困难职工。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\xff\xfe\x00\x81" * 50 + b"\xff")
    (tmp_path / "pages.jsonl").write_text('{"id": 1, "text": "桐庐县总工会慰问环卫工人。"}\nnot json\n',
                                          encoding="utf-8")
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "out"), "-q"]) == 1  # done, some inputs skipped
    out = capfd.readouterr().out
    assert "bad.txt" in out and "pages.jsonl: line 2" in out
    assert "articles: 2" in out


def test_missing_graph_is_a_clear_error(tmp_path, capfd):
    assert main(["stats", str(tmp_path / "nope.ttl")]) == 2
    assert "nope.ttl" in capfd.readouterr().err


def test_query_csv_and_table(tmp_path, capfd):
    assert main(["build", str(SAMPLE), "-o", str(tmp_path), "-q"]) == 0
    capfd.readouterr()
    query = ('SELECT ?p ?role WHERE { ?m org:member ?x ; org:organization ?o ; org:role/rdfs:label ?role . '
             '?o rdfs:label "大兴区总工会"@zh . ?x rdfs:label ?p } ORDER BY ?p ?role')
    assert main(["query", str(tmp_path / "graph.ttl"), query, "--format", "csv"]) == 0
    csv_lines = capfd.readouterr().out.splitlines()
    assert csv_lines[0] == "p,role" and len(csv_lines) > 2
    assert all(len(line.split(",")) == 2 and line.split(",")[0] for line in csv_lines[1:])
    assert main(["query", str(tmp_path / "graph.ttl"), query]) == 0
    table = capfd.readouterr().out.splitlines()
    assert table[0].split() == ["p", "role"] and set(table[1]) <= {"-", " "}
    assert [line.split() for line in table[2:]] == [line.split(",") for line in csv_lines[1:]]


def test_a_graph_file_and_a_store_together_are_an_argument_error(tmp_path, capfd):
    for command in (["stats", "graph.ttl", "--store", str(tmp_path)],
                    ["eval", "graph.ttl", "--store", str(tmp_path), "--gold", str(GOLD)],
                    ["export", "graph.ttl", "--store", str(tmp_path), "-o", "x.ttl"],
                    ["query", "graph.ttl", "SELECT * {}", "--store", str(tmp_path)]):
        with pytest.raises(SystemExit) as exit_:
            main(command)
        assert exit_.value.code == 2
        error = capfd.readouterr().err
        assert error.startswith(f"usage: kg {command[0]}") and ("not allowed with" in error or "not both" in error)


def test_build_uses_a_worker_per_usable_core_by_default(monkeypatch):
    import os

    from kg.interfaces import cli
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert cli.parser().parse_args(["build", "x"]).jobs == 3
    assert cli.parser().parse_args(["build", "x", "--jobs", "1"]).jobs == 1
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert cli.parser().parse_args(["build", "x", "--jobs", "auto"]).jobs == cli.MAX_AUTO_JOBS


def test_an_export_that_fails_in_its_process_is_one_line_and_the_last_exports_stay(tmp_path, capfd, monkeypatch):
    from kg.errors import OutputError
    from kg.graph import export as exporters
    out = tmp_path / "out"
    assert main(["build", str(SAMPLE), "-o", str(out), "-q"]) == 0
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.graphml")}

    def broken(graph, stream):  # the forked export process inherits it
        stream.write(b"<graphml half written")
        raise OutputError(f"{out / 'graph.graphml'}: no space left on the device")

    monkeypatch.setitem(exporters.EXPORTERS, "graphml", broken)
    assert main(["build", str(SAMPLE), "-o", str(out), "-q"]) == 2
    err = capfd.readouterr().err.strip().splitlines()
    assert err == [f"kg: [E006] {out / 'graph.graphml'}: no space left on the device"]
    assert {name: (out / name).read_bytes() for name in before} == before
    assert sorted(p.name for p in out.iterdir()) == ["graph.graphml", "graph.ttl"]
