"""SPARQL over a built graph: `query.py` runs a query on graph.ttl or a store (`kg query`), both evaluated by
Oxigraph (`engine.py`: graph.ttl loaded in memory; `store.py` the on-disk store of `kg build --store`, and
`plan.py` how a large SELECT is put to it, hash joins where they pay); `params.py` a query's `$name`
parameters (the worked queries in queries/), `diagnose.py` what to say when a query does not parse or finds
nothing, `text.py` what a query's text says before it runs; `serve.py` the SPARQL 1.1 Protocol over HTTP
(`kg serve`) and `page.py` its query page."""
