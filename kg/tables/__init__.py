"""The facts as tables: graph.db (SQLite) beside graph.ttl, and `kg browse` to read it in Datasette.

rows.py turns the knowledge base into rows (a place's county and city, a post's first and last
issue, an event's month); search.py cuts sentences into what the full-text index holds; write.py
writes graph.db through sqlite-utils; metadata.yml makes Datasette speak our domain (labels in
Chinese and English, facets, the canned queries); browse.py and plugin.py serve it on loopback.
"""
from .write import DB, write_tables

__all__ = ["DB", "write_tables"]
