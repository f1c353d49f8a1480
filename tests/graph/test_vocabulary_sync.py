"""The vocabulary in code, the ontology file and the relation table say the same thing."""
from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.namespace import SKOS

from kg.graph.ontology import ontology_graph
from kg.graph.relations import RELATIONS
from kg.graph.vocab import PREFIXES, UKG


def _declared() -> set[URIRef]:
    graph = ontology_graph("unionkg.ttl")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme)
    return {s for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(str(UKG._NS))}


def test_every_term_in_code_is_declared_in_the_ontology_and_back():
    in_code = {UKG[name] for name in UKG.__annotations__}
    assert in_code == _declared()


def test_every_declared_term_has_chinese_and_english_labels():
    graph = ontology_graph("unionkg.ttl")
    for term in _declared():
        languages = {label.language for label in graph.objects(term, RDFS.label) if isinstance(label, Literal)}
        assert {"zh", "en"} <= languages, term


def test_every_relation_class_is_declared_and_shaped():
    shapes = ontology_graph("shapes.ttl")
    targets = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    for relation in RELATIONS.values():
        if relation.rdf_class is None:
            continue
        if str(relation.rdf_class).startswith(str(UKG._NS)):
            assert relation.rdf_class in _declared()
        assert relation.rdf_class in targets, relation.kind


def test_the_prefix_map_covers_the_vocabulary():
    assert PREFIXES["ukg"] == str(UKG._NS)
    assert all(iri.endswith(("#", "/")) for iri in PREFIXES.values())
