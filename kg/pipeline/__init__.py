"""The pipeline: read → normalise → segment → tokenize → extract → resolve.

Per page (any process): :mod:`~kg.pipeline.read`, :mod:`~kg.pipeline.normalise`,
:mod:`~kg.pipeline.segment`, :mod:`~kg.pipeline.tokenize`, the extractors of
:mod:`kg.pipeline.extract`, driven by :mod:`~kg.pipeline.page`, which turns a
page into its :mod:`~kg.pipeline.records`. Once per corpus:
:mod:`~kg.pipeline.resolve`. Nothing here knows RDF.
"""
