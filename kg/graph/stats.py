"""``kg stats``: entities and facts counted, one row per kind (the relation table's rows too).

Each row says what it counts: ``kg eval`` scores other units (headlines, pairs of agent and
recipient), and the labels keep a reader from comparing the two."""
from __future__ import annotations

from kg.graph.relations import RELATIONS, Relation

_ENTITIES = (("articles (with or without a headline)", "ukg:Article"), ("unions", "ukg:Union"),
             ("organisations", "org:Organization"), ("persons", "ukg:Person"))
_UNITS = {"event": "events", "membership": "memberships", "credit": "credited (article, person) pairs"}


def _counted(relation: Relation) -> str:
    what = f'"{relation.plural} ({relation.label}): {_UNITS[relation.shape]}"'
    if relation.shape == "credit":  # an article-person pair per credit
        props = "|".join(f"<{prop}>" for _, prop in relation.credit_roles)
        return f"{{ ?a {props} ?p BIND(CONCAT(STR(?a), STR(?p)) AS ?x) BIND({what} AS ?what) }}"
    return f"{{ ?x a <{relation.rdf_class}> BIND({what} AS ?what) }}"


def stats_query() -> str:
    """The SPARQL that counts every kind (read from the relation table when called)."""
    parts = [f'{{ ?x a {cls} BIND("{name}" AS ?what) }}' for name, cls in _ENTITIES]
    parts += [_counted(relation) for relation in RELATIONS.values()]
    return "SELECT ?what (COUNT(DISTINCT ?x) AS ?count) WHERE {\n  " + "\n  UNION ".join(parts) + \
        "\n} GROUP BY ?what ORDER BY ?what"


def stats(graph) -> list[tuple[str, int]]:
    """(what, count) rows of a graph (:class:`kg.graph.access.GraphAccess`), triples first."""
    rows = [("triples", len(graph))]
    rows += [(str(what), int(count)) for what, count in graph.query(stats_query())]
    return rows
