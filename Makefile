# newskg: `make demo` builds the bundled samples; `make test` runs the tests. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install system-deps demo test lint eval bench clean

install: $(STAMP) system-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# Debian tools the tests use: rapper (raptor2-utils) checks our Turtle with an independent parser.
system-deps:
	scripts/system-deps.sh rapper

demo: install
	$(BIN)/kg build --out output

test: install
	$(BIN)/python -m pytest

# Quality: the annotated pages (score.py) and CLUENER/MSRA (ner_score.py) from $(SHARED)
eval: install
	$(BIN)/python scripts/evaluate.py --shared $(SHARED) --json build/eval/report.json

lint: install
	$(BIN)/ruff check kg tests

clean:
	rm -rf build output/graph.* output/index.html .pytest_cache
