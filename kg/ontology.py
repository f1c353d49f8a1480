"""Access to the ontology files in ``ontology/`` (the data behind the vocabulary)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .vocab import SKOS, UKG

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def ontology_file(name: str) -> Path:
    """Path of a file in ``ontology/``; raises FileNotFoundError with a hint."""
    path = ONTOLOGY_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"{path}: ontology file missing (is unionkg installed from its checkout?)")
    return path


@lru_cache(maxsize=1)
def group_concepts() -> tuple[tuple[URIRef, str, tuple[str, ...]], ...]:
    """The beneficiary-group concepts: (IRI, Chinese prefLabel, surface forms).

    Surface forms are the concept's ``skos:altLabel``s plus its prefLabel, read
    from ``ontology/groups.ttl``: the concept scheme is the group lexicon.
    """
    graph = Graph().parse(ontology_file("groups.ttl"))
    out = []
    for concept in sorted(set(graph.subjects(SKOS.inScheme, UKG.BeneficiaryGroups))):
        labels = [str(l) for l in graph.objects(concept, SKOS.prefLabel)
                  if isinstance(l, Literal) and l.language == "zh"]
        if not labels:
            continue
        forms = {str(l) for l in graph.objects(concept, SKOS.altLabel)} | {labels[0]}
        out.append((concept, labels[0], tuple(sorted(forms))))
    return tuple(out)
