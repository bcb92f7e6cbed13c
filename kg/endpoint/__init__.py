"""The graph on the network: a read-only SPARQL endpoint on the local store (``kg serve``), and sending the
graph to a triple store a team already runs (``kg push``)."""
