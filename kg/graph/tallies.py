"""Tallies: counts and sums over the facts, derived once per build, so that questions
over the whole corpus read hundreds of tally nodes instead of every event.

A ``ukg:Tally`` counts the events of one kind (``ukg:tallyOf``: an event class of the
relation table) by one agent (``ukg:tallyAgent``), and optionally to one recipient
(``ukg:tallyRecipient``): ``ukg:eventCount`` distinct facts and, for kinds with an amount,
``ukg:amountSum`` of their amounts; an event that itemises a total (``ukg:partOf``) is left
out of both, as the README's sums leave it out. They are computed by SPARQL updates over the built graph (the same
answers as the aggregates they replace), typed as declarations, so every build removes
and recomputes them. The updates are generated from the relation table.
"""
from __future__ import annotations

from kg.graph.relations import RELATIONS
from kg.graph.vocab import ID

_IRI = f'IRI(CONCAT("{ID}tally/", MD5(CONCAT(%s))))'


def tally_updates() -> list[str]:
    """The SPARQL updates that add every tally (prefixes of :data:`kg.graph.vocab.PREFIXES`)."""
    updates = []
    for relation in RELATIONS.of_shape("event"):
        counted = f"<{relation.rdf_class}>"
        amount = "OPTIONAL { ?e ukg:amount ?money }" if relation.amount else ""
        sums = "(SUM(COALESCE(?money, 0)) AS ?sum)" if relation.amount else ""
        sum_triple = "; ukg:amountSum ?sum" if relation.amount else ""
        # per agent and recipient, then per agent alone (an event with two recipients counts once)
        for recipient in (True, False):
            key = f'"{relation.kind}", " ", STR(?agent)' + (', " ", STR(?recipient)' if recipient else "")
            updates.append(f"""INSERT {{ ?tally a ukg:Tally ; ukg:tallyOf {counted} ; ukg:tallyAgent ?agent ;
                {"ukg:tallyRecipient ?recipient ;" if recipient else ""} ukg:eventCount ?count {sum_triple} }}
WHERE {{
  {{ SELECT ?agent {"?recipient" if recipient else ""} (COUNT(DISTINCT ?e) AS ?count) {sums} WHERE {{
      ?e a {counted} ; ukg:agent ?agent {"; ukg:recipient ?recipient" if recipient else ""} . {amount}
      {"FILTER NOT EXISTS { ?e ukg:partOf ?whole }" if relation.amount else ""}
  }} GROUP BY ?agent {"?recipient" if recipient else ""} }}
  BIND({_IRI % key} AS ?tally)
}}""")
    return updates
