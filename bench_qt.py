import sys, time, pyoxigraph as ox
from kg.rdf.namespace import PREFIXES
store = ox.Store.read_only(sys.argv[1])
q = open(sys.argv[2]).read()
pre = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
for i in range(int(sys.argv[3]) if len(sys.argv)>3 else 2):
    t=time.perf_counter(); n=sum(1 for _ in store.query(pre+q, use_default_graph_as_union=True)); print(f"{time.perf_counter()-t:.2f}s rows={n}")
