"""The library entry point: `import kg; kg.build(...)` works every time, in one process, whatever was imported."""
import importlib
import importlib.util

import kg


def test_api_build_twice_in_one_process():
    first = kg.build()
    importlib.import_module("kg.run.build")      # the module that, as kg/build.py, once shadowed kg.build

    second = kg.build()
    assert callable(kg.build) and kg.build.__module__ == "kg"
    (g1, s1), (g2, s2) = first, second
    assert len(g1) == len(g2) == s1.triples == s2.triples > 1000
    assert set(g1) == set(g2) and s1.counts == s2.counts
    assert importlib.util.find_spec("kg.build") is None         # no submodule left to shadow the function
