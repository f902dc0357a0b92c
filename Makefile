# Kapu: the two commands a new user needs are `make serve` and `make test`.
SHELL := /bin/bash
# Silence the banner about MkDocs 2 (mkdocs is pinned below 2).
export NO_MKDOCS_2_WARNING := 1
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.kapu-setup
LANGS := hu pl vi
# make test runs test files in parallel (pytest-xdist), each file whole in one worker so its booted
# calculator pages are shared; TEST_WORKERS=0 runs everything in one process (e.g. for pytest -s).
TEST_WORKERS ?= 2

.PHONY: setup serve build test test-fast lint bench catalogs catalogs-unlocked lock clean

# requirements.txt is the lock (every package pinned with its hashes; `make lock` writes it from
# requirements.in): pip refuses any file whose hash differs, and any package not in the lock.
$(STAMP): requirements.txt package.json package-lock.json
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

POSTCODES := calculators/rules/hu/offices/hu_postcodes.csv

setup: $(STAMP) $(POSTCODES)  ## Python packages into .venv, npm packages into node_modules, catalogs compiled
	@$(PY) -c "from kapu_build.catalogs import compile_all; compile_all()"

# The office finder's postcode asset, derived from the pinned countrystatecity-postal-codes (not committed).
$(POSTCODES): $(STAMP) kapu_build/postcodes.py
	$(PY) -m kapu_build.postcodes
	touch $@

serve: setup  ## build and serve the site on http://127.0.0.1:8000 (rebuilds on change)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(PY) -m mkdocs build --strict

test: setup  ## all tests: lint, unit, property, catalogs, strict build, browser (installs Chromium if missing)
	$(PY) -m kapu_build.browser_deps
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

test-fast: setup  ## the edit-test loop: every test that needs neither the built site nor the browser
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

lint: setup
	$(PY) -m ruff check .

# Lighthouse (pinned in bench/package-lock.json) is for the benchmark only: not installed by
# `make setup`, so `make test` and CI do not pay for it.
BENCH_STAMP := bench/node_modules/.kapu-bench
$(BENCH_STAMP): bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

bench: setup build $(BENCH_STAMP)  ## prints boot ratios, repeat visits, latency, bytes per page, Lighthouse scores
	$(PY) -m kapu_build.browser_deps
	$(PY) bench/bench.py

catalogs: setup  ## re-extract strings into the catalogs; then translate the new entries
	flock /tmp/kapu-catalog.lock $(MAKE) --no-print-directory catalogs-unlocked

catalogs-unlocked:
	$(PY) -m babel.messages.frontend extract -F babel.cfg -k N_ --no-location --omit-header --sort-output -o calculators/locale/kapu.pot .
	for l in $(LANGS); do $(PY) -m babel.messages.frontend update --no-fuzzy-matching --omit-header -i calculators/locale/kapu.pot -d calculators/locale -D kapu -l $$l -w 100; done

# Re-resolve requirements.in against PyPI alone (no local mirrors or find-links), pinning every
# package with the hashes of all its files, so the lock installs the same on every platform.
lock:  ## after editing requirements.in: rewrite the lock requirements.txt, then `make setup`
	PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	  --strip-extras --index-url https://pypi.org/simple --no-emit-index-url --output-file requirements.txt requirements.in

clean:
	rm -rf site .pytest_cache calculators/locale/*/LC_MESSAGES/*.mo
