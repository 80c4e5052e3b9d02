"""The machinery of a run: `build.py` (the main job: read, extract, resolve, write, streamed in batches),
`parallel.py` (extraction in worker processes), `distributed.py` (the same on a Dask cluster), `cache.py` (each
article's extraction on disk, keyed by its content and the code's version) and `interrupts.py` (Ctrl-C and kill
taken in time, with nothing half-written) and `aside.py` (an output written by a forked process meanwhile)."""
