"""The graph: vocabulary, ontology access, the relation table, emission, the
network view, exporters and evaluation. Reads records, never pages."""
