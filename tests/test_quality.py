"""The extractor's quality on the annotated pages may not drop below its pinned figures."""
import json
import sys

import pytest

from conftest import ROOT, SHARED, needs_shared

PINS = json.loads((ROOT / "tests" / "quality_pins.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "scripts"))
    import evaluate

    return evaluate.score_pages(SHARED, tmp_path_factory.mktemp("eval"))


@needs_shared
@pytest.mark.parametrize("key", [k for k in PINS if not k.startswith("_")])
def test_quality_not_below_pin(report, key):
    got = report[key] if key == "macro_f1" else report[key]["f1"]
    assert got >= PINS[key] - 1e-9, f"{key} F1 fell from {PINS[key]} to {got}"
