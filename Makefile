# Two commands set up a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
VAR := var
GAZETTEER := $(VAR)/gazetteer.sqlite
DEMO_DB := $(VAR)/demo.db
SHARED_ARTICLE := $(SHARED)/examples/tinzaouatene/article.txt
DEMO_INPUT := $(if $(wildcard $(SHARED_ARTICLE)),$(SHARED_ARTICLE),examples/sahel_wire_report.txt)
GEONAMES := $(wildcard $(SHARED)/gazetteer/geonames/ML.txt $(SHARED)/gazetteer/geonames/BF.txt $(SHARED)/gazetteer/geonames/NE.txt)
CL := $(BIN)/conflictlens --gazetteer $(GAZETTEER)

.PHONY: install demo test lint gazetteer clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

# The default gazetteer comes from packaged GeoNames data; the Sahel dumps in ../shared add villages.
$(GAZETTEER): $(BIN)/.installed
	mkdir -p $(VAR)
	$(CL) gazetteer build --force
	$(if $(GEONAMES),$(CL) gazetteer import $(GEONAMES),@echo "no GeoNames dumps in $(SHARED): default gazetteer only")

gazetteer: $(GAZETTEER)

demo: $(GAZETTEER)
	rm -f $(DEMO_DB)
	$(CL) --db $(DEMO_DB) process $(DEMO_INPUT)

test: $(BIN)/.installed
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VAR) $(VENV) .pytest_cache
