"""The SPARQL 1.1 Protocol endpoint of `kg serve`: standard clients, formats, refusals, limits."""
import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from kg.data import example_queries

OFFICIALS = example_queries()["officials_of_union"]
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _request(url, *, data=None, headers=None):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers or {}), timeout=30) as r:
            return r.status, r.headers.get_content_type(), r.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def test_sparqlwrapper_gets_the_readme_answers(server):
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(OFFICIALS)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert ("侯月海", "副主席") in {(r["person"]["value"], r["title"]["value"]) for r in rows}
    client.setReturnFormat(XML)
    assert client.query().convert().getElementsByTagName("result")
    client.setReturnFormat(CSV)
    assert client.query().convert().decode("utf-8").startswith("person,title")


def test_get_post_form_and_direct_post_agree(server):
    encoded = urllib.parse.urlencode({"query": OFFICIALS})
    accept = {"Accept": "application/sparql-results+json"}
    by_get = _request(f"{server}/sparql?{encoded}", headers=accept)
    by_form = _request(server + "/sparql", data=encoded.encode(),
                       headers={**accept, "Content-Type": "application/x-www-form-urlencoded"})
    direct = _request(server + "/sparql", data=OFFICIALS.encode(),
                      headers={**accept, "Content-Type": "application/sparql-query"})
    assert by_get[0] == by_form[0] == direct[0] == 200
    assert by_get[1] == "application/sparql-results+json"
    assert json.loads(by_get[2]) == json.loads(by_form[2]) == json.loads(direct[2])


@pytest.mark.parametrize("accept, media", [("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
                                           ("application/sparql-results+xml", "application/sparql-results+xml"),
                                           ("", "application/sparql-results+json")])
def test_results_in_every_format(server, accept, media):
    status, content_type, body = _request(f"{server}/sparql?{urllib.parse.urlencode({'query': OFFICIALS})}",
                                          headers={"Accept": accept} if accept else {})
    assert status == 200 and content_type == media and "侯月海" in body.decode("utf-8")
    if media == "text/csv":
        assert next(csv.reader(io.StringIO(body.decode("utf-8")))) == ["person", "title"]


@pytest.mark.parametrize("accept, syntax", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                            ("application/ld+json", "json-ld")])
def test_graphs_in_every_format(server, accept, syntax):
    query = "CONSTRUCT { ?u a ukg:Union ; rdfs:label ?l } WHERE { ?u a ukg:Union ; rdfs:label ?l }"
    status, content_type, body = _request(f"{server}/sparql?{urllib.parse.urlencode({'query': query})}",
                                          headers={"Accept": accept})
    assert status == 200 and content_type == accept
    assert len(Graph().parse(data=body, format=syntax)) == 54


def test_rdflib_sparqlstore_works_unchanged(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    graph = Graph(store=SPARQLStore(server + "/sparql", returnFormat="json"))
    rows = list(graph.query('SELECT ?u WHERE { ?u <http://www.w3.org/2000/01/rdf-schema#label> "大兴区总工会"@zh }'))
    assert len(rows) == 1


@pytest.mark.parametrize("data, headers", [
    (b"update=INSERT+DATA+%7B+%3Curn%3Aa%3E+%3Curn%3Ab%3E+%3Curn%3Ac%3E+%7D", {"Content-Type": "application/x-www-form-urlencoded"}),
    (b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", {"Content-Type": "application/sparql-update"}),
    (b"DROP ALL", {"Content-Type": "application/sparql-query"}),
    (b"query=CLEAR+DEFAULT", {"Content-Type": "application/x-www-form-urlencoded"}),
])
def test_updates_are_refused_with_403(server, data, headers):
    status, _, body = _request(server + "/sparql", data=data, headers=headers)
    assert status == 403 and b"updates are not allowed" in body
    assert _request(f"{server}/sparql?query=ASK%7B%3Curn%3Aa%3E%3Fp%3Fo%7D")[2].find(b"false") >= 0


def test_a_malformed_query_is_400_with_the_parser_message(server):
    status, _, body = _request(f"{server}/sparql?{urllib.parse.urlencode({'query': 'SELECT ?x WHERE { ?x }'})}")
    assert status == 400 and b"error at 1:" in body


def test_a_runaway_query_is_503_and_the_server_goes_on(server):
    status, _, body = _request(f"{server}/sparql?{urllib.parse.urlencode({'query': CROSS})}")
    assert status == 503 and b"time limit" in body
    assert _request(f"{server}/sparql?{urllib.parse.urlencode({'query': OFFICIALS})}")[0] == 200
