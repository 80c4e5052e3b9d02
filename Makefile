# newskg: `make demo` builds the bundled samples; `make test` runs the tests. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install system-deps demo test lint eval bench train clean

install: $(STAMP) system-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# Debian tools the tests use: rapper (raptor2-utils) checks our Turtle with an independent parser;
# chromium runs graph.html in the browser tests (Playwright drives it; it never downloads a browser),
# with a Chinese font (cjk-font: fonts-wqy-microhei) so their screenshots are legible;
# virtuoso-t and isql-vt (Virtuoso) bulk-load our N-Quads shards in tests/test_virtuoso.py.
system-deps:
	scripts/system-deps.sh rapper chromium virtuoso-t isql-vt setpriv mount cjk-font

demo: install
	$(BIN)/kg build --out output

test: install
	$(BIN)/python -m pytest

# A synthetic archive from the samples (and $(SHARED)/eval/pages): speed, memory, incremental rebuild, store -> bench/RESULTS.md
bench: install
	NEWSKG_SHARED=$(SHARED) $(BIN)/python bench/run.py
	$(BIN)/python bench/viz_bench.py 500 5000 50000 --max-nodes 2000 --max-nodes 500   # graph.html -> bench/VIZ.md
	NEWSKG_SHARED=$(SHARED) $(BIN)/python bench/encodings.py   # encoding guesses by length -> bench/ENCODINGS.md
	$(BIN)/python bench/ner_speed.py --shared $(SHARED)        # kg ner on one core, and its tagger/model/rules shares -> bench/NER.md

# Quality: the tune and check halves of the annotated text (score.py) and public NER sets (ner_score.py) from $(SHARED) -> README
eval: install
	$(BIN)/python scripts/evaluate.py --shared $(SHARED) --json build/eval/report.json --readme --layers

# The mention model (kg/extract/mentions.py): trains on $(SHARED)'s MSRA train, HanLP lists and tune half -> kg/models/mentions/
# In its own venv with the [train] extra (torch, CPU); one core, about 25 minutes. Same data and seed, same weights.
TRAIN_VENV ?= .venv-train
train:
	test -x $(TRAIN_VENV)/bin/python || $(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install -q -e '.[train]'
	$(TRAIN_VENV)/bin/python scripts/train_mentions.py --shared $(SHARED) --seed 1

lint: install
	$(BIN)/ruff check kg tests scripts

clean:
	rm -rf build output/graph.* output/index.html .pytest_cache
