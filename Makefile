# Two entry points for a fresh machine (see README):
#   make demo   create .venv, install wirecoder, run the bundled sample corpus into the embedded
#               event database (wirecoder-demo.duckdb), print its events
#   make test   install the dev dependencies and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install -q -e .

dev: $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[dev]"

demo: install
	$(BIN)/wirecoder demo

lint: dev
	$(BIN)/ruff check src tests bench docs
	$(BIN)/mypy

test: dev
	$(BIN)/ruff check src tests bench docs
	$(BIN)/python -m pytest -q
