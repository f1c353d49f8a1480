"""The tallies are the aggregates they stand for: each one equals the count and the sum
that a plain SPARQL query over the events gives, and every agent (and recipient) has one."""
from decimal import Decimal

from kg.graph.relations import RELATIONS


def _from_events(graph, relation, with_recipient: bool) -> dict:
    """(agent, recipient) -> (count, sum), aggregated from the events themselves."""
    recipient = "?recipient" if with_recipient else ""
    rows = graph.query(f"""
        SELECT ?agent {recipient} (COUNT(DISTINCT ?e) AS ?count) (SUM(COALESCE(?money, 0)) AS ?sum) WHERE {{
          ?e a <{relation.rdf_class}> ; ukg:agent ?agent {"; ukg:recipient ?recipient" if with_recipient else ""} .
          OPTIONAL {{ ?e ukg:amount ?money }}
          FILTER NOT EXISTS {{ ?e ukg:partOf ?whole }}
        }} GROUP BY ?agent {recipient}""")
    return {(row[0], row[1] if with_recipient else None): (int(row[-2]), Decimal(str(row[-1]))) for row in rows}


def _tallies(graph, relation) -> dict:
    rows = graph.query(f"""
        SELECT ?agent ?recipient ?count ?sum WHERE {{
          ?t a ukg:Tally ; ukg:tallyOf <{relation.rdf_class}> ; ukg:tallyAgent ?agent ; ukg:eventCount ?count .
          OPTIONAL {{ ?t ukg:tallyRecipient ?recipient }}
          OPTIONAL {{ ?t ukg:amountSum ?sum }}
        }}""")
    return {(agent, recipient): (int(count), Decimal(str(total)) if total is not None else Decimal(0))
            for agent, recipient, count, total in rows}


def test_every_tally_is_the_aggregate_of_its_events(sample_graph):
    for relation in RELATIONS.of_shape("event"):
        expected = {**_from_events(sample_graph, relation, False), **_from_events(sample_graph, relation, True)}
        if not relation.amount:
            expected = {key: (count, Decimal(0)) for key, (count, _) in expected.items()}
        assert expected, relation.kind
        assert _tallies(sample_graph, relation) == expected


def test_a_tally_names_its_recipients_class(sample_graph):
    rows = sample_graph.query("""
        SELECT ?type (COUNT(?t) AS ?n) WHERE { ?t ukg:tallyRecipient ?r ; ukg:tallyRecipientType ?type . ?r a ?type }
        GROUP BY ?type""")
    with_recipient = sample_graph.query("SELECT (COUNT(?t) AS ?n) WHERE { ?t ukg:tallyRecipient ?r }")
    assert sum(int(n) for _, n in rows) == int(next(iter(with_recipient))[0])
    assert {str(t).rsplit("#", 1)[-1] for t, _ in rows} >= {"Concept", "Organization"}
