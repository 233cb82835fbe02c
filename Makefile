# Two commands set up everything: `make run` and `make test` each create .venv and install first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= onrecord.db

.PHONY: run test lint bench eval clean-db help serve browser screenshots

help:
	@echo "make run    - ingest the bundled example articles into $(DB) and print a summary"
	@echo "make test   - lint, type-check and run the test suite"
	@echo "make bench  - cleaning F1, attribution throughput vs a full spaCy parse, linking time at 10k/100k (needs ../shared/corpora)"
	@echo "make eval   - score cleaning and attributions (PolNeAR dev, seed gold) against pinned floors, and topics"
	@echo "make serve  - the web UI and JSON API on $(DB) at http://127.0.0.1:8000/"

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
	@echo
	@echo "Browse, search and chart it all in a web browser: make serve   (then open http://127.0.0.1:8000/)"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

test: lint browser
	@$(BIN)/pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests - failing" >&2; exit 1; fi; \
	exit $$rc

bench: $(STAMP)
	$(BIN)/python benchmarks/clean_benchmark.py
	$(BIN)/python benchmarks/attribution_speed.py
	$(BIN)/python benchmarks/linking_speed.py
	$(BIN)/python benchmarks/web_speed.py

eval: $(STAMP)
	$(BIN)/python benchmarks/clean_benchmark.py --gate
	$(BIN)/python benchmarks/attribution_eval.py --gate
	$(BIN)/python benchmarks/topics_eval.py
	$(BIN)/python benchmarks/timeline_eval.py --gate

serve: $(STAMP)
	@test -f $(DB) || $(MAKE) --no-print-directory run
	$(BIN)/onrecord serve --db $(DB)

# The browser tests drive Debian's chromium (never a downloaded browser). Installed here when
# missing and we are root (as in CI); elsewhere those tests skip with a reason, and fail under CI.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "make browser: installing Debian's chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || [ -z "$$CI" ]; \
	  else \
	    echo "make browser: /usr/bin/chromium is missing (as root: apt-get install chromium); browser tests will skip"; \
	  fi; \
	fi

screenshots: $(STAMP) browser
	ONRECORD_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q tests/integration/test_browser.py

clean-db:
	rm -f $(DB)
