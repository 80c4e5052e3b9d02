"""The extractor's quality on the annotated pages and on our samples may not drop below its pinned figures."""
import json
import sys

import pytest

from conftest import ROOT, SHARED, needs_shared

PINS = json.loads((ROOT / "tests" / "quality_pins.json").read_text(encoding="utf-8"))
PAGE_KEYS = [k for k in PINS if not k.startswith("_") and k != "samples"]


@pytest.fixture(scope="module")
def evaluate():
    sys.path.insert(0, str(ROOT / "scripts"))
    import evaluate

    return evaluate


@pytest.fixture(scope="module")
def pages(evaluate, tmp_path_factory):
    return evaluate.score_pages(SHARED, tmp_path_factory.mktemp("eval"))


@pytest.fixture(scope="module")
def samples(evaluate, tmp_path_factory):
    return evaluate.score_samples(SHARED, tmp_path_factory.mktemp("samples"))


def _f1(report, key):
    return report[key] if key == "macro_f1" else report[key]["f1"]


@needs_shared
@pytest.mark.parametrize("key", PAGE_KEYS)
def test_quality_pages_not_below_pin(pages, key):
    assert _f1(pages, key) >= PINS[key] - 1e-9, f"{key} F1 fell from {PINS[key]} to {_f1(pages, key)}"


@needs_shared
@pytest.mark.parametrize("key", list(PINS["samples"]))
def test_quality_samples_not_below_pin(samples, key):
    assert _f1(samples, key) >= PINS["samples"][key] - 1e-9, f"samples {key} fell to {_f1(samples, key)}"
