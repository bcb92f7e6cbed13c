"""Quads as N-Quads text: how an extraction process hands its article to the process that writes the store.

Text crosses a process boundary cheaply, and Oxigraph parses it in Rust (``Store.load``, one transaction
per article) far faster than rdflib terms can be converted one by one.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import XSD, BNode, Literal, URIRef

from kg.rdf.mapping import Quad

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _term(term: object) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


def to_nquads(quads: Iterable[Quad]) -> str:
    return "".join(f"{_term(s)} {_term(p)} {_term(o)} {_term(g)} .\n" for s, p, o, g in quads)
