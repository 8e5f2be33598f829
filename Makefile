# hoinghi: `make run` serves the demo on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	mkdir -p var
	$(BIN)/hoinghi serve

# The whole suite on SQLite; then, when HOINGHI_TEST_POSTGRES_URL is set, every database
# test again on PostgreSQL (the law needs no database and runs once).
test: $(STAMP)
	mkdir -p var
	$(BIN)/ruff format --check hoinghi bench
	$(BIN)/ruff check hoinghi bench
	$(BIN)/mypy hoinghi
	$(BIN)/python -m pytest -q
	@if [ -n "$$HOINGHI_TEST_POSTGRES_URL" ]; then \
	  echo "== PostgreSQL =="; \
	  DATABASE_URL="$$HOINGHI_TEST_POSTGRES_URL" $(BIN)/python -m pytest -q --ignore=hoinghi/law -m "not browser"; \
	fi

lint: $(STAMP)
	$(BIN)/ruff format --check hoinghi bench
	$(BIN)/ruff check hoinghi bench
	$(BIN)/mypy hoinghi

bench: $(STAMP)
	@for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) var/static
