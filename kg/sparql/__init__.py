"""SPARQL over a built graph: `query.py` runs a query on graph.ttl or a store (`kg query`), `store.py` is the
on-disk Oxigraph store (`kg build --store`), `plan.py` how a large SELECT is put to it (hash joins where they pay)
and `serve.py` the SPARQL 1.1 Protocol over HTTP (`kg serve`)."""
