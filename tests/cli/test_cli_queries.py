"""kg query: every query form on a file and on a store, read-only, stopped by its timeout;
the command's exit codes, a closed pipe and Ctrl-C."""
import json
import signal
import subprocess
import sys
import time

import pytest

from conftest import SAMPLE
from kg.interfaces.cli import main

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("queries")
    subprocess.run([sys.executable, "-m", "kg", "build", str(SAMPLE), "--store", str(root / "store"),
                    "-o", str(root / "out"), "-q"], check=True, stdout=subprocess.DEVNULL)
    return {"file": [str(root / "out" / "graph.ttl")], "store": ["--store", str(root / "store")]}


@pytest.mark.parametrize("where", ["file", "store"])
def test_every_query_form_answers(built, where, capfd):
    graph = built[where]
    assert main(["query", *graph, "ASK { ?u a ukg:Union }"]) == 0
    assert capfd.readouterr().out == "true\n"
    assert main(["query", *graph, "CONSTRUCT { ?u a ukg:Union } WHERE { ?u a ukg:Union }"]) == 0
    lines = capfd.readouterr().out.splitlines()
    assert len(lines) == 27 and all(line.endswith("<https://w3id.org/unionkg/ontology#Union> .") for line in lines)
    assert main(["query", *graph, 'DESCRIBE ?u WHERE { ?u rdfs:label "大兴区总工会"@zh }']) == 0
    assert "大兴区总工会" in capfd.readouterr().out
    assert main(["query", *graph, "SELECT ?u WHERE { ?u a ukg:Union } LIMIT 3", "--format", "json"]) == 0
    assert len(json.loads(capfd.readouterr().out)) == 3


@pytest.mark.parametrize("where", ["file", "store"])
def test_updates_are_refused(built, where, capfd):
    assert main(["query", *built[where], "INSERT DATA { <urn:a> <urn:b> <urn:c> }"]) == 2
    assert "updates are not allowed: kg query is read-only" in capfd.readouterr().err


def test_a_syntax_error_points_into_the_query_itself(built, capfd):
    assert main(["query", *built["store"], "SELECT ?x WHERE { ?x ?y }"]) == 2
    error = capfd.readouterr().err
    assert "1:" in error and "7:" not in error  # the predeclared prefixes are not counted


@pytest.mark.parametrize("where", ["file", "store"])
def test_a_runaway_query_stops_at_its_timeout(built, where, capfd):
    started = time.monotonic()
    assert main(["query", *built[where], CROSS, "--timeout", "1"]) == 2
    assert time.monotonic() - started < 15  # loading the file, then one second of query
    assert "stopped after 1 s" in capfd.readouterr().err


def test_ctrl_c_stops_a_query_within_a_second(built):
    process = subprocess.Popen([sys.executable, "-m", "kg", "query", *built["store"], CROSS, "--timeout", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    assert time.monotonic() - sent < 1.5
    assert process.returncode == 130 and err.strip() == "kg: interrupted"


def test_a_closed_pipe_ends_quietly(built):
    run = subprocess.run(f"{sys.executable} -m kg stats {built['file'][0]} | head -1", shell=True,
                         capture_output=True, text=True)
    assert run.stdout.startswith("triples") and run.stderr == ""
