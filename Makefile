# `make run` and `make test` work on a fresh machine: they create .venv and install first.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Most tests wait on HTTP, subprocesses and the database, so a few workers per core pay off.
TEST_WORKERS ?= 4

.PHONY: install run chat test test-year-ahead lint format bench clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) -m bot.local

chat: $(STAMP)
	$(PY) -m emulator.console --emulator-url http://127.0.0.1:$${EMULATOR_PORT:-8001} $(ARGS)

# TEST_ARGS passes options on, e.g. CI's PostgreSQL pass: TEST_ARGS=--database-tests-only.
test: $(STAMP)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup $(TEST_ARGS)

# The same suite with every process's wall clock a year ahead (libfaketime, preloaded): no test
# may depend on today's date. Monotonic time stays real so sleeps and timeouts behave, and so
# libfaketime's "monotonic fix" for condition variables is off: it cost every hand-over of
# Python's GIL, and four busy threads took 7x as long (2.7 s, against 0.4 s without it).
FAKETIME_LIB = $$($(PY) -c 'import libfaketime, pathlib; print(pathlib.Path(libfaketime.__file__).parent / "vendor/libfaketime/src/libfaketime.so.1")')
# Chromium does not run under a preloaded fake clock: the browser tests run in the plain suite.
# Tests marked `once` (a 100,000-row export, every benchmark at smoke size) also run there only,
# to keep CI under its 15 minutes; neither reads a date that a year ahead would change.
YEAR_AHEAD_SKIP ?= -m "not browser and not once"
test-year-ahead: $(STAMP)
	LD_PRELOAD=$(FAKETIME_LIB) FAKETIME=+365d FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_FORCE_MONOTONIC_FIX=0 \
		$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup $(YEAR_AHEAD_SKIP)

# Benchmarks (issue 7): about 8 minutes on 127.0.0.1; prints a table and rewrites benchmarks/RESULTS.md.
bench: $(STAMP)
	$(PY) -m benchmarks

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) instance .pytest_cache .hypothesis
