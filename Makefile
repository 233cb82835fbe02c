# Two commands set up everything: `make run` and `make test` each create .venv and install first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= onrecord.db

.PHONY: run test lint bench eval clean-db help

help:
	@echo "make run    - ingest the bundled example articles into $(DB) and print a summary"
	@echo "make test   - lint, type-check and run the test suite"
	@echo "make bench  - cleaning F1, attribution throughput vs a full spaCy parse, linking time at 10k/100k (needs ../shared/corpora)"
	@echo "make eval   - score cleaning and attributions (PolNeAR dev, seed gold) against pinned floors, and topics"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/onrecord ingest examples/seeds.jsonl --db $(DB)
	@echo
	$(BIN)/onrecord articles --db $(DB)
	@echo
	$(BIN)/onrecord speakers --db $(DB)
	@echo
	@echo "See one article with what was removed and why:  $(BIN)/onrecord show 000_c6bb378875dca61c --db $(DB)"
	@echo "Every statement as JSON Lines:                   $(BIN)/onrecord statements --db $(DB)"
	@echo
	$(BIN)/onrecord timeline --speaker Peskov --db $(DB)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

test: lint
	@$(BIN)/pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests - failing" >&2; exit 1; fi; \
	exit $$rc

bench: $(STAMP)
	$(BIN)/python benchmarks/clean_benchmark.py
	$(BIN)/python benchmarks/attribution_speed.py
	$(BIN)/python benchmarks/linking_speed.py

eval: $(STAMP)
	$(BIN)/python benchmarks/clean_benchmark.py --gate
	$(BIN)/python benchmarks/attribution_eval.py --gate
	$(BIN)/python benchmarks/topics_eval.py
	$(BIN)/python benchmarks/timeline_eval.py --gate

clean-db:
	rm -f $(DB)
