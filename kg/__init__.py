"""kg: knowledge graphs from Indonesian and English security and diplomacy news.

The pipeline runs one way: ingest -> nlp -> extract -> rdf, and the network, viz, query and export
stages read the RDF it produced. Each stage package exposes ``run`` taking and returning the plain
dataclasses of :mod:`kg.model`.
"""

__version__ = "0.1.0"
