# Two commands on a fresh machine: `make demo` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint format bench accuracy clean

# uv installs the dependencies in seconds where pip takes a minute and a half; pip is the
# fallback. constraints.txt pins every version, so a fresh clone builds what main was tested
# with rather than whatever was released since.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt uv \
		&& $(BIN)/python -m uv pip install --quiet --python $(BIN)/python -c constraints.txt -e '.[test,train]' \
		|| $(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,train]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/termgen validate examples/*.yaml
	$(BIN)/termgen draft examples/battery-jv.yaml -o out --force
	@echo "The drafts are in $(CURDIR)/out/"

# Byte-code is kept as on a user's machine: the tests start many Python processes, and where
# PYTHONDONTWRITEBYTECODE is set each would compile every module it imports again. The
# LibreOffice tests share one conversion, so they run on one worker (loadgroup).
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n auto --dist loadgroup

# Every figure of the README's performance table (speed and memory against the raw
# libraries); exits 1 when any budget is over.
BENCHMARKS := startup drafting checking scale memory saving
# How often `check` and the value reading agree with labelled agreements (reads ../shared or
# --data); exits 1 when a figure is below its target.
ACCURACY := provisions_cuad provisions_foreign provisions_exit values_cuad

bench: $(STAMP)
	@status=0; for name in $(BENCHMARKS); do \
		$(BIN)/python benchmarks/$$name.py || status=1; echo; \
	done; exit $$status

accuracy: $(STAMP)
	@status=0; for name in $(ACCURACY); do \
		$(BIN)/python benchmarks/$$name.py || status=1; echo; \
	done; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) out .pytest_cache benchmarks/.cache
